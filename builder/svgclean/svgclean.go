// Package svgclean makes a book's SVG image safe and valid to copy into an EPUB as it is: no
// DOCTYPE or entities, no scripts or event attributes, no reference to another file or a URL, no
// foreignObject, nothing epubcheck rejects. It reads the XML token by token and writes what it
// keeps itself, so nothing is ever expanded or fetched.
package svgclean

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"bookc/builder/svg"
)

// Limits on what Clean reads; past them it returns an error saying which.
const (
	MaxSize     = 64 << 20 // bytes of input
	MaxElements = 200_000
	MaxDepth    = 256 // elements nested in one another
)

// Clean returns data as an SVG that is safe and valid in an EPUB, and what it removed, once per
// kind and in order of first sight ("script", "event attribute onclick", "external reference
// http://…"). It fails when data is not well-formed XML, not an SVG, uses an entity other than
// XML's own five, or is past a limit. The output starts at <svg and keeps the source's order of
// elements and attributes, so the same input always gives the same bytes.
func Clean(data []byte) ([]byte, []string, error) {
	if len(data) > MaxSize {
		return nil, nil, fmt.Errorf("SVG is %d bytes, more than %d", len(data), MaxSize)
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	c := &cleaner{dec: xml.NewDecoder(bytes.NewReader(data)), ns: scopes{bound: map[string][]string{}}}
	// Strict with no Entity map: an entity the XML spec does not define is an error, never text.
	c.dec.Strict = true
	c.dec.CharsetReader = svg.CharsetReader
	if err := c.run(); err != nil {
		return nil, nil, err
	}
	return c.result(), c.removed.list(), nil
}

// cleaner is one run of Clean: the decoder, the elements open and what is written so far.
type cleaner struct {
	dec      *xml.Decoder
	ns       scopes
	stack    []frame
	out      bytes.Buffer
	open     bool            // a start tag is written but for its '>' or "/>"
	css      strings.Builder // the text of the <style> being read
	used     [len(namespaces)]bool
	bare     bool // the root is in no namespace: its elements are SVG's all the same
	removed  removals
	elements int
	rootDone bool
}

// frame is an open element.
type frame struct {
	name     xml.Name // as in the source, to match its end tag
	out      string   // its name as written
	skip     bool     // left out, with everything in it
	style    string   // for a <style>: its start tag, written with the cleaned text at the end
	declared []string // namespace prefixes it binds
}

func (c *cleaner) run() error {
	for {
		tok, err := c.dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return c.syntax(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			err = c.start(t)
		case xml.EndElement:
			err = c.end(t)
		case xml.CharData:
			err = c.text(t)
		case xml.ProcInst:
			// The xml declaration goes too, unreported: UTF-8 needs none.
			if t.Target != "xml" {
				c.removed.add("processing instruction " + t.Target)
			}
		case xml.Directive:
			c.directive(t)
		}
		// Comments go, unreported: they draw nothing.
		if err != nil {
			return err
		}
	}
	if n := len(c.stack); n > 0 {
		return c.errorf("<%s> is not closed", qname(c.stack[n-1].name))
	}
	if !c.rootDone {
		return c.errorf("not an SVG: no root element")
	}
	return nil
}

func (c *cleaner) directive(d xml.Directive) {
	word, _, _ := strings.Cut(string(d), " ")
	if strings.HasPrefix(word, "DOCTYPE") {
		c.removed.add("DOCTYPE")
	} else {
		c.removed.add("directive <!" + short(word))
	}
	if bytes.Contains(d, []byte("<!ENTITY")) {
		c.removed.add("entity declarations")
	}
}

func (c *cleaner) text(t xml.CharData) error {
	if len(c.stack) == 0 {
		if len(bytes.TrimSpace(t)) > 0 {
			return c.errorf("text outside the root element")
		}
		return nil
	}
	switch f := c.top(); {
	case f.skip:
	case f.style != "":
		c.css.Write(t)
	default:
		c.closeOpen()
		escape(&c.out, string(t), false)
	}
	return nil
}

func (c *cleaner) top() *frame { return &c.stack[len(c.stack)-1] }

// errorf is an error at the decoder's line.
func (c *cleaner) errorf(format string, args ...any) error {
	line, _ := c.dec.InputPos()
	return fmt.Errorf("line %d: %s", line, fmt.Sprintf(format, args...))
}

// syntax says what the decoder found wrong, an undeclared entity in words a book's author can act on.
func (c *cleaner) syntax(err error) error {
	var se *xml.SyntaxError
	if !errors.As(err, &se) {
		return c.errorf("%v", err)
	}
	if ent, ok := strings.CutPrefix(se.Msg, "invalid character entity "); ok {
		return fmt.Errorf("line %d: entity %s is not one of XML's five (&amp; &lt; &gt; &quot; &apos;): an SVG's own entities are never expanded", se.Line, ent)
	}
	return fmt.Errorf("line %d: not well-formed XML: %s", se.Line, se.Msg)
}

// result is the output with the root's namespace declarations, those of the names written.
func (c *cleaner) result() []byte {
	var decl bytes.Buffer
	for i, n := range namespaces {
		if i == 0 || c.used[i] {
			fmt.Fprintf(&decl, " %s=%q", xmlnsAttr(n.prefix), n.uri)
		}
	}
	const root = len("<svg")
	b := c.out.Bytes()
	return append(append(append([]byte{}, b[:root]...), decl.Bytes()...), b[root:]...)
}
