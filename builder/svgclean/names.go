package svgclean

import (
	"encoding/xml"
	"fmt"
	"strings"
)

const (
	svgNS   = "http://www.w3.org/2000/svg"
	xlinkNS = "http://www.w3.org/1999/xlink"
	xmlNS   = "http://www.w3.org/XML/1998/namespace"
	xhtmlNS = "http://www.w3.org/1999/xhtml"
)

// namespaces are those whose names the output keeps, each written with one prefix, SVG's first as
// the default. The others are editors' notes and metadata, which renderers ignore and epubcheck
// accepts; a name in any other namespace goes (XInclude, XHTML outside a foreignObject, ...).
var namespaces = [...]struct{ uri, prefix string }{
	{svgNS, ""},
	{xlinkNS, "xlink"},
	{"http://www.inkscape.org/namespaces/inkscape", "inkscape"},
	{"http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd", "sodipodi"},
	{"http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdf"},
	{"http://creativecommons.org/ns#", "cc"},
	{"http://purl.org/dc/elements/1.1/", "dc"},
}

// prefixOf is the prefix the output writes for a namespace it keeps.
func prefixOf(uri string) (string, bool) {
	for _, n := range namespaces {
		if n.uri == uri {
			return n.prefix, true
		}
	}
	return "", false
}

// use notes that a name in the namespace is written, so the root declares it.
func (c *cleaner) use(uri string) {
	for i, n := range namespaces {
		if n.uri == uri {
			c.used[i] = true
		}
	}
}

func (c *cleaner) isSVG(uri string) bool { return uri == svgNS || (uri == "" && c.bare) }

func xmlnsAttr(prefix string) string {
	if prefix == "" {
		return "xmlns"
	}
	return "xmlns:" + prefix
}

// scopes are the namespace prefixes in scope: the decoder's RawToken leaves them to the caller, which
// lets the output choose its own prefixes.
type scopes struct {
	bound map[string][]string // prefix ("" for the default namespace) to URIs, innermost last
}

// push binds an element's namespace declarations and returns the prefixes it bound.
func (s *scopes) push(attrs []xml.Attr) ([]string, error) {
	var declared []string
	for _, a := range attrs {
		prefix, ok := declares(a.Name)
		if !ok {
			continue
		}
		switch {
		case prefix == "xmlns" || (prefix == "xml") != (a.Value == xmlNS):
			return declared, fmt.Errorf("xmlns:%s=%q: a reserved prefix or namespace", prefix, a.Value)
		case prefix != "" && a.Value == "":
			return declared, fmt.Errorf("xmlns:%s binds no namespace", prefix)
		}
		s.bound[prefix] = append(s.bound[prefix], a.Value)
		declared = append(declared, prefix)
	}
	return declared, nil
}

func (s *scopes) pop(declared []string) {
	for _, p := range declared {
		if l := s.bound[p]; len(l) > 1 {
			s.bound[p] = l[:len(l)-1]
		} else {
			delete(s.bound, p)
		}
	}
}

// declares says whether an attribute declares a namespace, and for which prefix.
func declares(n xml.Name) (string, bool) {
	switch {
	case n.Space == "" && n.Local == "xmlns":
		return "", true
	case n.Space == "xmlns":
		return n.Local, true
	}
	return "", false
}

// resolve turns a prefix into its namespace: an element without one is in the default namespace,
// an attribute in none.
func (s *scopes) resolve(n xml.Name, element bool) (xml.Name, error) {
	if strings.Contains(n.Local, ":") {
		return n, fmt.Errorf("name %q has a colon out of place", qname(n))
	}
	switch {
	case n.Space == "xml":
		return xml.Name{Space: xmlNS, Local: n.Local}, nil
	case n.Space == "" && !element:
		return n, nil
	}
	l := s.bound[n.Space]
	switch {
	case len(l) > 0:
		return xml.Name{Space: l[len(l)-1], Local: n.Local}, nil
	case n.Space == "":
		return n, nil
	}
	return n, fmt.Errorf("prefix %s of %s is not declared", n.Space, qname(n))
}

func (s *scopes) element(n xml.Name) (xml.Name, error) {
	if n.Space == "xmlns" {
		return n, fmt.Errorf("element <%s> has the reserved prefix xmlns", qname(n))
	}
	return s.resolve(n, true)
}

// attr is an attribute with its namespace resolved.
type attr struct {
	name, raw xml.Name
	value     string
}

// attrs resolves an element's attributes other than namespace declarations, and refuses one
// given twice.
func (s *scopes) attrs(in []xml.Attr) ([]attr, error) {
	seen := make(map[xml.Name]bool, len(in))
	var out []attr
	for _, a := range in {
		if _, ok := declares(a.Name); ok {
			if seen[a.Name] {
				return nil, fmt.Errorf("attribute %s given twice", qname(a.Name))
			}
			seen[a.Name] = true
			continue
		}
		n, err := s.resolve(a.Name, false)
		if err != nil {
			return nil, err
		}
		if seen[n] {
			return nil, fmt.Errorf("attribute %s given twice", qname(a.Name))
		}
		seen[n] = true
		out = append(out, attr{name: n, raw: a.Name, value: a.Value})
	}
	return out, nil
}
