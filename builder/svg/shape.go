package svg

// geometry is an element's outline from its path data or points, read once however often <use>
// draws it: those do not depend on the viewport, unlike the lengths of rect and the others.
type geometry struct {
	segs  []Segment
	inner []int // the segments that end inside an arc (parsePath)
}

// shape reduces path, rect, circle, ellipse, line, polyline and polygon to a Path.
// Its markers follow it, drawn over it.
func (b *builder) shape(e *element, s *style, vp viewport) Node {
	segs := b.outline(e, s, vp)
	if len(segs) == 0 || !s.visible || !b.addSegments(e, len(segs)) {
		return nil
	}
	bb, ok := bounds(segs)
	p := &Path{Segments: segs, FillRule: s.fillRule}
	if e.name != "line" { // a line has no inside
		p.Fill = b.paint(s.fill, s.fillOpacity, s, bb, ok, vp)
	}
	p.Stroke = b.stroke(s, bb, ok, vp)
	var nodes []Node
	if p.Fill != nil || p.Stroke != nil {
		nodes = append(nodes, p)
	}
	nodes = append(nodes, b.markers(e, s, segs, vp)...)
	if len(nodes) == 0 {
		return nil
	}
	return b.leaf(e, s, bb, ok, vp, nodes...)
}

// outline is a shape element's segments in its own user units.
func (b *builder) outline(e *element, s *style, vp viewport) []Segment {
	n := func(name string, a axis) float64 {
		v, _ := b.length(e, name, a, vp, s, 0)
		return v
	}
	switch e.name {
	case "path", "polyline", "polygon":
		if e.geom == nil {
			var segs []Segment
			var inner []int
			var err error
			if e.name == "path" {
				d, _ := b.attr(e, "d")
				segs, inner, err = parsePath(d, maxSegments-b.segs)
			} else {
				pts, _ := b.attr(e, "points")
				segs, err = pointsPath(pts, e.name == "polygon", maxSegments-b.segs)
			}
			if err != nil {
				b.fail(capError(e.line, "path segments", maxSegments))
				return nil
			}
			e.geom = &geometry{segs, inner}
		}
		return e.geom.segs
	case "rect":
		w, h := n("width", horizontal), n("height", vertical)
		if !(w > 0 && h > 0) {
			return nil
		}
		rx, okx := b.length(e, "rx", horizontal, vp, s, 0)
		ry, oky := b.length(e, "ry", vertical, vp, s, 0)
		okx, oky = okx && rx >= 0, oky && ry >= 0
		switch {
		case okx && !oky:
			ry = rx
		case oky && !okx:
			rx = ry
		case !okx && !oky:
			rx, ry = 0, 0
		}
		return rectPath(n("x", horizontal), n("y", vertical), w, h, min(rx, w/2), min(ry, h/2))
	case "circle":
		r := n("r", diagonal)
		if !(r > 0) {
			return nil
		}
		return ellipsePath(n("cx", horizontal), n("cy", vertical), r, r)
	case "ellipse":
		rx, okx := b.length(e, "rx", horizontal, vp, s, 0)
		ry, oky := b.length(e, "ry", vertical, vp, s, 0)
		if !okx {
			rx = ry // SVG 2: a missing radius is the other one
		}
		if !oky {
			ry = rx
		}
		if !(rx > 0 && ry > 0) {
			return nil
		}
		return ellipsePath(n("cx", horizontal), n("cy", vertical), rx, ry)
	case "line":
		return []Segment{
			{Op: MoveTo, Pts: [3]Point{{n("x1", horizontal), n("y1", vertical)}}},
			{Op: LineTo, Pts: [3]Point{{n("x2", horizontal), n("y2", vertical)}}},
		}
	}
	return nil
}

// stroke is a shape's stroke, nil when it has none or its width is 0.
func (b *builder) stroke(s *style, bb box, bbOK bool, vp viewport) *Stroke {
	if !(s.strokeWidth > 0) {
		return nil
	}
	p := b.paint(s.stroke, s.strokeOpacity, s, bb, bbOK, vp)
	if p == nil {
		return nil
	}
	return &Stroke{Paint: *p, Width: s.strokeWidth, Cap: s.cap, Join: s.join, MiterLimit: s.miterLimit,
		Dashes: s.dashes, DashOffset: s.dashOffset}
}
