package svgclean

import (
	"regexp"
	"slices"
	"strings"
	"sync"
)

// linkOnly are a link's attributes that a <g> or <tspan> standing for it may not carry.
var linkOnly = map[string]bool{"target": true, "download": true, "hreflang": true, "ping": true, "referrerpolicy": true, "rel": true, "type": true}

// dataImage is an image inside the href itself, of a type every reading system shows. This
// package's expressions are compiled when first used, not at every command's start.
var dataImage = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^data:image/(png|jpeg|gif);base64,[A-Za-z0-9+/=\s]*$`)
})

// safeHref says whether an href stays within the document: a fragment or an embedded image.
func safeHref(v string) bool {
	if id, ok := strings.CutPrefix(v, "#"); ok {
		return id != "" && !strings.ContainsAny(id, " \t\n\r")
	}
	return dataImage().MatchString(v)
}

// kv is an attribute as written.
type kv struct{ name, value string }

// attributes returns the attributes an element keeps, or why the element goes with all it holds.
// el is the element's name as written; link says it was an <a>.
func (c *cleaner) attributes(el string, link bool, attrs []attr) ([]kv, string) {
	var kept []kv
	for _, a := range attrs {
		ns, local, v := a.name.Space, a.name.Local, a.value
		_, known := prefixOf(ns)
		switch {
		case ns != "" && ns != xmlNS && !known:
			c.removed.add("attribute " + qname(a.raw))
			continue
		case local != "href" && strings.EqualFold(local, "href"):
			// XML names are case-sensitive, so hrEf is no link to SVG; a reader lax with case
			// could still follow it: it goes.
			c.removed.add("attribute " + qname(a.raw))
			continue
		case local == "href":
			if !safeHref(v) {
				if !link && !hrefOptional[el] {
					return nil, "external reference " + short(v)
				}
				c.removed.add("external reference " + short(v))
				continue
			}
			if link {
				continue
			}
		case ns == "" && strings.HasPrefix(strings.ToLower(local), "on"):
			c.removed.add("event attribute " + local)
			continue
		case ns == "" && animations[el] && local == "attributeName" && animatesRisk(v):
			return nil, "animation of " + short(v)
		case ns == xlinkNS, link && ns == "" && linkOnly[local]:
			// A title or target of a link, or link metadata: epubcheck rejects them off an href,
			// and an image shown by <img> has no tooltips.
			continue
		case ns == xmlNS:
			if local != "space" && local != "lang" {
				c.removed.add("attribute xml:" + local)
				continue
			}
		case ns == "" && local == "role" && !svgRoles[v]:
			// Mermaid writes role="graphics-document document"; epubcheck takes one of svgRoles.
			continue
		case ns == "" && local == "content":
			// draw.io keeps its diagram's source there; epubcheck rejects the attribute.
			c.removed.add("attribute content")
			continue
		case ns == "" && local == "style":
			css, whys := cleanCSS(v)
			for _, why := range whys {
				c.removed.add(why)
			}
			if strings.TrimSpace(css) == "" {
				continue
			}
			v = css
		case ns == "":
			// Presentation attributes are CSS values: fill="url(http://...)" fetches.
			if why := cssBad(v); why != "" {
				c.removed.add(why)
				continue
			}
			v = unquoteFragments(v)
		}
		kept = append(kept, kv{c.attrName(a), v})
	}
	return withGeometry(el, kept), ""
}

// svgRoles are the roles epubcheck's SVG schema allows.
var svgRoles = map[string]bool{"application": true, "document": true, "img": true}

// required are the geometry attributes SVG 1.1, which epubcheck checks, requires of a shape. SVG 2
// made them optional, computing 0 (no shape) where they are missing, as tools now write them:
// writing the 0 says the same, and a style sheet's width or height still overrides it.
var required = map[string][]string{"rect": {"width", "height"}, "circle": {"r"}, "ellipse": {"rx", "ry"}}

// withGeometry adds to a shape the geometry attributes SVG 1.1 requires that it lacks.
func withGeometry(el string, kept []kv) []kv {
	for _, name := range required[el] {
		if !slices.ContainsFunc(kept, func(a kv) bool { return a.name == name }) {
			kept = append(kept, kv{name, "0"})
		}
	}
	return kept
}

// animatesRisk says whether an animation sets an href or an event handler.
func animatesRisk(name string) bool {
	if _, local, ok := strings.Cut(name, ":"); ok {
		name = local
	}
	return name == "href" || strings.HasPrefix(strings.ToLower(strings.TrimSpace(name)), "on")
}

// attrName is an attribute's name as written, with the output's prefix for its namespace.
func (c *cleaner) attrName(a attr) string {
	switch a.name.Space {
	case "":
		return a.name.Local
	case xmlNS:
		return "xml:" + a.name.Local
	}
	c.use(a.name.Space)
	p, _ := prefixOf(a.name.Space)
	return p + ":" + a.name.Local
}

// short is a value cut to a length that reads in a warning, on one line.
func short(v string) string {
	v = strings.Join(strings.Fields(v), " ")
	if r := []rune(v); len(r) > 48 {
		return string(r[:48]) + "…"
	}
	return v
}
