package svgclean

import (
	"encoding/xml"
	"errors"
	"strings"
)

// hrefOptional are the elements that still draw when their href goes; any other that loses it
// goes whole: a <use> or <image> without one is invalid. An <svg> has no href to lose, but stays.
var hrefOptional = map[string]bool{"svg": true, "linearGradient": true, "radialGradient": true, "pattern": true, "filter": true}

// animations can set an attribute, an href or an event handler among them.
var animations = map[string]bool{"animate": true, "animateColor": true, "animateMotion": true, "animateTransform": true, "set": true}

// textual are the elements in which a link becomes a <tspan>: a <g> is not allowed there.
var textual = map[string]bool{"text": true, "tspan": true, "textPath": true}

func (c *cleaner) start(t xml.StartElement) error {
	c.elements++
	switch {
	case c.elements > MaxElements:
		return c.errorf("more than %d elements", MaxElements)
	case len(c.stack) >= MaxDepth:
		return c.errorf("elements nested more than %d deep", MaxDepth)
	case c.rootDone:
		return c.errorf("<%s> after the root element", qname(t.Name))
	}
	declared, err := c.ns.push(t.Attr)
	if err != nil {
		return c.errorf("%v", err)
	}
	f := frame{name: t.Name, declared: declared}
	name, err := c.ns.element(t.Name)
	var attrs []attr
	if err == nil {
		attrs, err = c.ns.attrs(t.Attr)
	}
	if err == nil {
		err = c.enter(&f, name, attrs)
	}
	if err != nil {
		return c.errorf("%v", err)
	}
	c.stack = append(c.stack, f)
	return nil
}

// enter decides what becomes of an element and writes its start tag if it stays.
func (c *cleaner) enter(f *frame, name xml.Name, attrs []attr) error {
	var parent string
	if len(c.stack) == 0 {
		if name.Local != "svg" || (name.Space != svgNS && name.Space != "") {
			return errors.New("not an SVG: the root element is <" + qname(f.name) + ">")
		}
		c.bare = name.Space == ""
	} else {
		p := c.top()
		if p.style != "" && !p.skip {
			c.removed.add("markup inside <style>")
		}
		f.skip = p.skip || p.style != ""
		parent = p.out
	}
	if f.skip {
		return nil
	}
	var why string
	if f.out, why = c.element(name, parent, f.name); why != "" {
		f.skip = true
		c.removed.add(why)
		return nil
	}
	kept, why := c.attributes(f.out, name.Local == "a", attrs)
	if why != "" {
		f.skip = true
		c.removed.add(why)
		return nil
	}
	if f.out == "style" {
		f.style = tag(f.out, kept)
		c.css.Reset()
		return nil
	}
	c.closeOpen()
	c.out.WriteString(tag(f.out, kept))
	c.open = true
	return nil
}

// element returns the name to write for an element, or why it goes with all it holds.
func (c *cleaner) element(name xml.Name, parent string, raw xml.Name) (string, string) {
	svg := c.isSVG(name.Space)
	switch {
	case name.Local == "script" && (svg || name.Space == xhtmlNS), svg && name.Local == "handler":
		return "", "script"
	case !svg:
		if p, ok := prefixOf(name.Space); ok && p != "" {
			c.use(name.Space)
			return p + ":" + name.Local, ""
		}
		return "", "element " + qname(raw)
	case name.Local == "foreignObject" && parent == "switch":
		return "", "foreignObject (its <switch> shows the fallback)"
	case name.Local == "foreignObject":
		return "", "foreignObject"
	case name.Local == "a" && textual[parent]:
		// A link in an image shown by <img> leads nowhere, and epubcheck rejects even a "#id" one.
		return "tspan", ""
	case name.Local == "a":
		return "g", ""
	}
	return name.Local, ""
}

func (c *cleaner) end(t xml.EndElement) error {
	if len(c.stack) == 0 {
		return c.errorf("</%s> closes no element", qname(t.Name))
	}
	f := c.stack[len(c.stack)-1]
	if f.name != t.Name {
		return c.errorf("</%s> closes <%s>", qname(t.Name), qname(f.name))
	}
	c.stack = c.stack[:len(c.stack)-1]
	c.ns.pop(f.declared)
	c.rootDone = len(c.stack) == 0
	switch {
	case f.skip:
	case f.style != "":
		css, whys := cleanCSS(c.css.String())
		for _, why := range whys {
			c.removed.add(why)
		}
		if strings.TrimSpace(css) != "" {
			c.closeOpen()
			c.out.WriteString(f.style + ">")
			escape(&c.out, css, false)
			c.out.WriteString("</style>")
		}
	case c.open:
		c.out.WriteString("/>")
		c.open = false
	default:
		c.out.WriteString("</" + f.out + ">")
	}
	return nil
}

// qname is a name as the source spells it.
func qname(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}
