package svg

import (
	"fmt"
	"strings"
)

// root reduces the outermost <svg>: its size, and its viewBox mapped into the root's Transform.
func (b *builder) root(e *element) (*Drawing, error) {
	vbText, _ := b.attr(e, "viewBox")
	vb, hasVB := parseViewBox(vbText)
	w, wok := b.rootSize(e, "width", vb.w, hasVB, 300)
	h, hok := b.rootSize(e, "height", vb.h, hasVB, 150)
	switch {
	case hasVB && !wok && !hok:
		w, h = vb.w, vb.h
	case hasVB && !wok:
		w = h * vb.w / vb.h
	case hasVB && !hok:
		h = w * vb.h / vb.w
	}
	if !(w > 0 && h > 0) {
		return nil, fmt.Errorf("line %d: <svg> is %gx%g: its width and height must be positive", e.line, w, h)
	}
	vp := viewport{w, h}
	m := Identity
	if hasVB {
		par, _ := b.attr(e, "preserveAspectRatio")
		m = vb.fit(par, w, h)
		vp = viewport{vb.w, vb.h}
	}
	s := b.styleOf(e, &initial, vp)
	g := &Group{Transform: b.transform(e).Then(m), Opacity: s.opacity, Clip: b.viewportClip(e, m, w, h)}
	if !s.hidden {
		g.Children = b.children(e, s, vp)
	}
	return &Drawing{Width: w, Height: h, Root: g, Unsupported: b.unsupported}, nil
}

// rootSize is the root's width or height, and whether it was given; a percentage is of the
// viewBox's size, or of def without one.
func (b *builder) rootSize(e *element, name string, vbSize float64, hasVB bool, def float64) (float64, bool) {
	v, _ := b.attr(e, name)
	l, ok := parseLength(v)
	if !ok {
		return def, false
	}
	if l.unit == "%" && hasVB {
		return l.resolve(vbSize, 16), true
	}
	return l.resolve(def, 16), true
}

// viewportClip is the clip that an <svg> or <symbol> viewport of w x h puts on its content, in
// the content's coordinates (inside m, the viewBox's transform), unless overflow is visible.
func (b *builder) viewportClip(e *element, m Matrix, w, h float64) *Clip {
	if b.overflows(e) {
		return nil
	}
	inv, ok := m.invert()
	if !ok {
		return nil
	}
	b.addSegments(e, 5)
	return &Clip{Paths: []*Path{{Segments: transformed(rectPath(0, 0, w, h, 0, 0), inv)}}}
}

// overflows says whether e's overflow property lets its content show outside its viewport.
func (b *builder) overflows(e *element) bool {
	for _, v := range b.specified(e)["overflow"] {
		switch strings.ToLower(v) {
		case "visible", "auto":
			return true
		case "hidden", "scroll", "clip":
			return false
		}
	}
	return false
}

// children reduces e's child elements, in order.
func (b *builder) children(e *element, s *style, vp viewport) []Node {
	var nodes []Node
	for _, c := range e.children {
		if c.name == "" {
			continue
		}
		if n := b.node(c, s, vp, nil); n != nil {
			nodes = append(nodes, n)
		}
		if b.err != nil {
			return nil
		}
	}
	return nodes
}

// graphics are the elements that draw something, for <switch> to choose among.
var graphics = map[string]bool{
	"g": true, "a": true, "svg": true, "use": true, "switch": true, "text": true, "image": true,
	"path": true, "rect": true, "circle": true, "ellipse": true, "line": true, "polyline": true, "polygon": true,
}

// node reduces one element, nil when it draws nothing. via is the <use> that draws it, if any.
func (b *builder) node(e *element, parent *style, vp viewport, via *element) Node {
	if b.err != nil {
		return nil
	}
	if b.nodes++; b.nodes > maxElements {
		b.fail(capError(e.line, "elements drawn, <use> expanded", maxElements))
		return nil
	}
	if b.depth++; b.depth > maxDepth {
		b.fail(capError(e.line, "nested elements, <use> targets included", maxDepth))
	}
	defer func() { b.depth-- }()
	s := b.styleOf(e, parent, vp)
	if s.hidden || b.err != nil {
		return nil
	}
	switch e.name {
	case "g", "a":
		return b.group(e, s, b.children(e, s, vp), vp)
	case "svg":
		return b.viewportNode(e, s, vp, via)
	case "symbol":
		if via != nil {
			return b.viewportNode(e, s, vp, via)
		}
	case "switch":
		return b.choose(e, s, vp)
	case "use":
		return b.use(e, s, vp)
	case "path", "rect", "circle", "ellipse", "line", "polyline", "polygon":
		return b.shape(e, s, vp)
	case "text":
		return b.text(e, s, vp)
	case "defs", "title", "desc", "metadata", "style", "linearGradient", "radialGradient", "stop",
		"clipPath", "marker", "pattern", "mask", "filter":
		// Drawn only where something refers to them (markers by marker.go); filters, masks and
		// patterns are noted there.
	default:
		b.note(e.name)
	}
	return nil
}

// choose draws a <switch>'s first child that bookc can draw: one that asks for no extension,
// and not a foreignObject, so that draw.io's text fallbacks are drawn instead of its HTML.
func (b *builder) choose(e *element, s *style, vp viewport) Node {
	skipped := false
	for _, c := range e.children {
		if !graphics[c.name] {
			skipped = skipped || c.name == "foreignObject"
			continue
		}
		if _, ext := c.attrs["requiredExtensions"]; ext {
			continue
		}
		n := b.node(c, s, vp, nil)
		if n == nil {
			return nil
		}
		return b.group(e, s, []Node{n}, vp)
	}
	if skipped {
		b.note("foreignObject")
	}
	return nil
}

// group makes a Group of nodes with e's transform, opacity and clip path.
func (b *builder) group(e *element, s *style, nodes []Node, vp viewport) Node {
	if len(nodes) == 0 || s.opacity == 0 {
		return nil
	}
	b.effects(s)
	g := &Group{Transform: b.transform(e), Opacity: s.opacity, Children: nodes}
	if s.clipPath != "" {
		bb, ok := nodesBounds(nodes)
		clip, drop := b.clip(e, s, bb, ok, vp)
		if drop {
			return nil
		}
		g.Clip = clip
	}
	return merge(g)
}

// merge keeps the tree shallow: a group that changes nothing is its one child, and a group
// without a clip whose one child is a group becomes that group.
func merge(g *Group) Node {
	if len(g.Children) != 1 || g.Clip != nil {
		return g
	}
	if g.Transform == Identity && g.Opacity == 1 {
		return g.Children[0]
	}
	if c, ok := g.Children[0].(*Group); ok {
		c.Transform = c.Transform.Then(g.Transform)
		c.Opacity *= g.Opacity
		return c
	}
	return g
}

// leaf gives a path or a text e's transform, opacity and clip path, in a Group when it needs one:
// nodes are the path and its markers, or the text; bb is the path's or text's box. The opacity
// of a lone path with only a fill or only a stroke goes into its paint instead.
func (b *builder) leaf(e *element, s *style, bb box, bbOK bool, vp viewport, nodes ...Node) Node {
	if s.opacity == 0 {
		return nil
	}
	b.effects(s)
	g := &Group{Transform: b.transform(e), Opacity: s.opacity, Children: nodes}
	if p, ok := nodes[0].(*Path); ok && len(nodes) == 1 && g.Opacity < 1 && (p.Fill == nil) != (p.Stroke == nil) {
		if p.Fill != nil {
			p.Fill.Opacity *= g.Opacity
		} else {
			p.Stroke.Paint.Opacity *= g.Opacity
		}
		g.Opacity = 1
	}
	if s.clipPath != "" {
		clip, drop := b.clip(e, s, bb, bbOK, vp)
		if drop {
			return nil
		}
		g.Clip = clip
	}
	if g.Transform == Identity && g.Opacity == 1 && g.Clip == nil && len(nodes) == 1 {
		return nodes[0]
	}
	return g
}

// effects notes the filter and mask that are left out: the element is drawn without them.
func (b *builder) effects(s *style) {
	if s.filter {
		b.note("filter")
	}
	if s.mask {
		b.note("mask")
	}
}

// transform is e's transform attribute; one in error counts as none.
func (b *builder) transform(e *element) Matrix {
	v, ok := b.attr(e, "transform")
	if !ok {
		return Identity
	}
	m, _ := parseTransform(v)
	return m
}

// length is e's attribute name as a length in user units, def when it is missing or in error.
func (b *builder) length(e *element, name string, a axis, vp viewport, s *style, def float64) (float64, bool) {
	v, ok := b.attr(e, name)
	if !ok {
		return def, false
	}
	l, ok := parseLength(v)
	if !ok {
		return def, false
	}
	return l.resolve(vp.along(a), s.fontSize), true
}
