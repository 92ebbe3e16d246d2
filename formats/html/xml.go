package html

import (
	"bytes"
	"unicode/utf8"
)

// XML is a buffer that writes well-formed XML: element and attribute names come from the caller's
// code (never from the book), and every text and attribute value goes through the escaper, which also
// drops the characters XML 1.0 forbids and replaces invalid UTF-8.
type XML struct {
	buf bytes.Buffer
}

// Bytes returns what was written so far.
func (x *XML) Bytes() []byte { return x.buf.Bytes() }

// Markup writes constant markup (an XML declaration, a doctype) as is.
func (x *XML) Markup(s string) { x.buf.WriteString(s) }

// Start writes a start tag. Attrs are name, value pairs; a pair with an empty value is left out, but
// for alt: an image's alt="" says it is decoration, where no alt leaves readers to guess.
func (x *XML) Start(name string, attrs ...string) {
	x.tag(name, attrs)
	x.buf.WriteByte('>')
}

// Empty writes an element without content: <br/>.
func (x *XML) Empty(name string, attrs ...string) {
	x.tag(name, attrs)
	x.buf.WriteString("/>")
}

// End writes an end tag.
func (x *XML) End(name string) {
	x.buf.WriteString("</")
	x.buf.WriteString(name)
	x.buf.WriteByte('>')
}

// Text writes character data.
func (x *XML) Text(s string) { escape(&x.buf, s, false) }

// Element writes a start tag, text and the end tag.
func (x *XML) Element(name, text string, attrs ...string) {
	x.Start(name, attrs...)
	x.Text(text)
	x.End(name)
}

// Newline writes a line break between elements, to keep the output readable.
func (x *XML) Newline() { x.buf.WriteByte('\n') }

func (x *XML) tag(name string, attrs []string) {
	x.buf.WriteByte('<')
	x.buf.WriteString(name)
	for i := 0; i+1 < len(attrs); i += 2 {
		if attrs[i+1] == "" && attrs[i] != "alt" {
			continue
		}
		x.buf.WriteByte(' ')
		x.buf.WriteString(attrs[i])
		x.buf.WriteString(`="`)
		escape(&x.buf, attrs[i+1], true)
		x.buf.WriteByte('"')
	}
}

// escape writes s with XML's special characters escaped. In attributes it also escapes quotes and the
// white space that attribute-value normalisation would otherwise turn into spaces.
func escape(b *bytes.Buffer, s string, attr bool) {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			bad := (r == utf8.RuneError && size == 1) || r == 0xFFFE || r == 0xFFFF
			if bad {
				b.WriteString(s[last:i])
				b.WriteString("\uFFFD")
				last = i + size
			}
			i += size
			continue
		}
		var rep string
		switch {
		case c == '&':
			rep = "&amp;"
		case c == '<':
			rep = "&lt;"
		case c == '>':
			rep = "&gt;"
		case c == '"' && attr:
			rep = "&quot;"
		case c == '\n' && attr:
			rep = "&#10;"
		case c == '\t' && attr:
			rep = "&#9;"
		case c == '\r':
			rep = "&#13;"
		case c < 0x20 && c != '\n' && c != '\t':
			rep = "" // forbidden in XML 1.0: drop
		default:
			i++
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(rep)
		i++
		last = i
	}
	b.WriteString(s[last:])
}
