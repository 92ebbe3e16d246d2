package svgclean

import (
	"bytes"
	"strings"
)

// tag is a start tag up to its '>'.
func tag(name string, attrs []kv) string {
	var b bytes.Buffer
	b.WriteString("<" + name)
	for _, a := range attrs {
		b.WriteString(" " + a.name + `="`)
		escape(&b, a.value, true)
		b.WriteByte('"')
	}
	return b.String()
}

// closeOpen ends the start tag written last, now that the element has content.
func (c *cleaner) closeOpen() {
	if c.open {
		c.out.WriteByte('>')
		c.open = false
	}
}

var (
	textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\r", "&#xD;")
	// Tabs and newlines stay as they are: a reader makes them spaces, as it did in the source.
	attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", `"`, "&quot;", "\r", "&#xD;")
)

// escape writes text, or an attribute's value, with what XML gives meaning escaped.
func escape(b *bytes.Buffer, s string, attr bool) {
	if attr {
		attrEscaper.WriteString(b, s)
	} else {
		textEscaper.WriteString(b, s)
	}
}
