package svg

// clip resolves e's clip-path for content of bounding box bb. drop is true when the clip leaves
// nothing to draw: a clipPath with no shapes, or objectBoundingBox units on an empty box. A
// clip-path that points to no clipPath clips nothing.
func (b *builder) clip(e *element, s *style, bb box, bbOK bool, vp viewport) (clip *Clip, drop bool) {
	if s.clipPath == "?" {
		b.note("clip-path shape")
		return nil, false
	}
	cp := b.doc.ids[s.clipPath]
	if cp == nil || cp.name != "clipPath" {
		return nil, false
	}
	cs := b.styleOf(cp, &initial, vp)
	if cs.clipPath != "" {
		b.note("clip-path on clipPath")
	}
	m := b.transform(cp)
	if units, _ := b.attr(cp, "clipPathUnits"); units == "objectBoundingBox" {
		if !bbOK || bb.empty() {
			return nil, true
		}
		m = bb.unitsTo().Then(m)
	}
	clip = &Clip{}
	for _, c := range cp.children {
		if b.nodes++; b.nodes > maxElements {
			b.fail(capError(c.line, "elements drawn, <use> expanded", maxElements))
		}
		if b.err != nil {
			return nil, true
		}
		shape, cm := c, b.transform(c).Then(m)
		st := b.styleOf(c, cs, vp)
		if c.name == "use" {
			// A use in a clip path may only point to a shape or a text, never to a container.
			if shape = b.href(c); shape == nil {
				continue
			}
			x, _ := b.length(c, "x", horizontal, vp, st, 0)
			y, _ := b.length(c, "y", vertical, vp, st, 0)
			cm = b.transform(shape).Then(translate(x, y)).Then(cm)
			st = b.styleOf(shape, st, vp)
		}
		if st.hidden || !st.visible {
			continue
		}
		switch shape.name {
		case "path", "rect", "circle", "ellipse", "line", "polyline", "polygon":
			segs := b.outline(shape, st, vp)
			if len(segs) == 0 || !b.addSegments(shape, len(segs)) {
				continue
			}
			clip.Paths = append(clip.Paths, &Path{Segments: transformed(segs, cm), FillRule: st.clipRule})
		case "text":
			b.note("text in clipPath")
		}
	}
	if len(clip.Paths) == 0 {
		return nil, true
	}
	return clip, false
}
