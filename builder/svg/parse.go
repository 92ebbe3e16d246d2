package svg

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

const (
	svgNS   = "http://www.w3.org/2000/svg"
	xlinkNS = "http://www.w3.org/1999/xlink"
	xmlNS   = "http://www.w3.org/XML/1998/namespace"
)

// element is an SVG element as read, before styles are resolved. Elements of other namespaces
// (Inkscape's, Sodipodi's, RDF metadata, XHTML in foreignObject) are not kept, nor are their
// attributes.
type element struct {
	name     string            // local name; "" for character data
	attrs    map[string]string // by local name; "xlink:href" and "xml:space" keep their prefix
	parent   *element          // nil for the root
	children []*element
	text     string // character data, when name is ""
	line     int

	spec map[string][]string // the cascaded properties, worked out once (style.go)
	geom *geometry           // a path's or polygon's outline, worked out once (build.go)
}

func (e *element) attr(name string) (string, bool) {
	v, ok := e.attrs[name]
	return v, ok
}

// keepsText says which elements' character data counts: text content and style sheets.
func keepsText(name string) bool {
	switch name {
	case "text", "tspan", "a", "style", "textPath":
		return true
	}
	return false
}

// document is what parsing yields: the root <svg>, its elements by id and its style sheet.
type document struct {
	root  *element
	ids   map[string]*element
	sheet *sheet
}

// parse reads the XML into elements, bounded by the caps on elements, nesting and text. Only
// XML's five predefined entities are known: a DOCTYPE's declarations are read as text and never
// expanded, and nothing outside data is ever opened.
func parse(data []byte) (*document, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.CharsetReader = CharsetReader
	doc := &document{ids: map[string]*element{}}
	var stack []*element // nil for an element of another namespace
	var styles []*element
	elements, text := 0, 0
	for {
		tok, err := d.Token()
		line, _ := d.InputPos()
		if err != nil {
			if doc.root == nil && errors.Is(err, io.EOF) {
				return nil, fmt.Errorf("%w: no <svg> element", ErrNotSVG)
			}
			var syn *xml.SyntaxError
			if errors.As(err, &syn) && strings.Contains(syn.Msg, "entity") {
				return nil, fmt.Errorf("line %d: %s (only XML's five predefined entities are expanded)", syn.Line, syn.Msg)
			}
			return nil, fmt.Errorf("not well-formed XML: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			elements++
			if elements > maxElements {
				return nil, capError(line, "elements", maxElements)
			}
			if len(stack) >= maxDepth {
				return nil, capError(line, "nested elements", maxDepth)
			}
			if doc.root == nil {
				if t.Name.Local != "svg" || (t.Name.Space != svgNS && t.Name.Space != "") {
					return nil, fmt.Errorf("%w: the root element is <%s>, not <svg>", ErrNotSVG, t.Name.Local)
				}
			}
			parent := (*element)(nil)
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			if (parent == nil && doc.root != nil) || (t.Name.Space != svgNS && t.Name.Space != "") {
				stack = append(stack, nil) // inside another namespace, or its element
				continue
			}
			e := &element{name: t.Name.Local, attrs: attrMap(t.Attr), line: line, parent: parent}
			if parent == nil {
				doc.root = e
			} else {
				parent.children = append(parent.children, e)
			}
			if id, ok := e.attrs["id"]; ok && doc.ids[id] == nil {
				doc.ids[id] = e
			}
			if e.name == "style" {
				styles = append(styles, e)
			}
			stack = append(stack, e)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				doc.sheet = parseSheets(styles)
				return doc, nil
			}
		case xml.CharData:
			if len(stack) == 0 {
				continue
			}
			parent := stack[len(stack)-1]
			if parent == nil || !keepsText(parent.name) {
				continue
			}
			text += len(t)
			if text > maxText {
				return nil, capError(line, "bytes of text", maxText)
			}
			parent.children = append(parent.children, &element{text: string(t), line: line})
		}
	}
}

// attrMap keeps the attributes without a namespace, and xlink:href and xml:space.
func attrMap(attrs []xml.Attr) map[string]string {
	m := make(map[string]string, len(attrs))
	for _, a := range attrs {
		switch {
		case a.Name.Space == "":
			m[a.Name.Local] = a.Value
		case a.Name.Local == "href" && (a.Name.Space == xlinkNS || a.Name.Space == "xlink"):
			m["xlink:href"] = a.Value
		case a.Name.Local == "space" && (a.Name.Space == xmlNS || a.Name.Space == "xml"):
			m["xml:space"] = a.Value
		}
	}
	return m
}
