package svg

import (
	"math"
	"strings"
)

// markers draws the markers that s puts on a path, line, polyline or polygon of segments segs,
// as resvg does: at each vertex, a group of the marker's content, moved onto the vertex by its
// reference point, turned by its orient, scaled by the stroke's width or not (markerUnits) and
// by its viewBox, and clipped to its viewport unless its overflow is visible. Each copy of the
// content counts against the caps as a <use> would. A marker inside its own content is left out.
func (b *builder) markers(e *element, s *style, segs []Segment, vp viewport) []Node {
	switch e.name {
	case "path", "line", "polyline", "polygon":
	default:
		return nil
	}
	var inner []int
	if e.geom != nil {
		inner = e.geom.inner
	}
	var out []Node
	for kind, id := range s.markers {
		m := b.doc.ids[id]
		if id == "" || m == nil || m.name != "marker" || b.marking[m] {
			continue
		}
		b.marking[m] = true
		for _, v := range vertices(segs, inner, kind) {
			if n := b.marker(m, s, segs, v, vp); n != nil {
				out = append(out, n)
			}
			if b.err != nil {
				break
			}
		}
		delete(b.marking, m)
	}
	return out
}

// vertices are the indexes of segs where a marker of a kind (0 start, 1 mid, 2 end) goes: the
// first segment, every one but the first and last that ends on a vertex, or the last.
func vertices(segs []Segment, inner []int, kind int) []int {
	last := len(segs) - 1
	switch kind {
	case 0:
		return []int{0}
	case 2:
		if segs[last].Op == MoveTo {
			return nil
		}
		return []int{last}
	}
	var out []int
	for i := 1; i < last; i++ {
		for len(inner) > 0 && inner[0] < i {
			inner = inner[1:]
		}
		if segs[i].Op != Close && (len(inner) == 0 || inner[0] != i) {
			out = append(out, i)
		}
	}
	return out
}

// marker is one copy of marker m's content at segs[i], for a shape of style s.
func (b *builder) marker(m *element, s *style, segs []Segment, i int, vp viewport) Node {
	scale := s.strokeWidth
	if units, _ := b.attr(m, "markerUnits"); strings.TrimSpace(units) == "userSpaceOnUse" {
		scale = 1
	}
	ms := b.markerStyle(m, vp)
	refX, _ := b.length(m, "refX", horizontal, vp, ms, 0)
	refY, _ := b.length(m, "refY", vertical, vp, ms, 0)
	w, _ := b.length(m, "markerWidth", horizontal, vp, ms, 3)
	h, _ := b.length(m, "markerHeight", vertical, vp, ms, 3)
	if !(scale > 0 && w > 0 && h > 0) {
		return nil
	}
	w, h = w*scale, h*scale
	fit, inside, ok := b.viewBoxFit(m, w, h)
	if !ok {
		fit, inside = Matrix{scale, 0, 0, scale, 0, 0}, viewport{w / scale, h / scale}
	}
	kids := b.children(m, ms, inside)
	if len(kids) == 0 {
		return nil
	}
	// The reference point lands on the vertex; only fit's scale counts for that.
	sin, cos := sincosDeg(b.orient(m, segs, i))
	at := endPoint(segs, i)
	t := translate(-refX, -refY).Then(Matrix{fit[0], 0, 0, fit[3], 0, 0}).
		Then(Matrix{cos, sin, -sin, cos, at.X, at.Y})
	g := &Group{Transform: t, Opacity: 1, Clip: b.viewportClip(m, fit, w, h), Children: kids}
	return merge(g)
}

// markerStyle is the style of marker m, from its own ancestors (its content inherits from
// where the marker is, not from the shape), worked out once.
func (b *builder) markerStyle(m *element, vp viewport) *style {
	if s, ok := b.markerStyles[m]; ok {
		return s
	}
	var chain []*element
	for a := m; a != nil; a = a.parent {
		chain = append(chain, a)
	}
	s := &initial
	for i := len(chain) - 1; i >= 0; i-- {
		s = b.styleOf(chain[i], s, vp)
	}
	b.markerStyles[m] = s
	return s
}

// orient is the angle, in degrees, that marker m turns by at segs[i]: its orient attribute's
// angle, else the path's direction there (auto), reversed at the start for auto-start-reverse.
func (b *builder) orient(m *element, segs []Segment, i int) float64 {
	v, _ := b.attr(m, "orient")
	switch v = strings.TrimSpace(v); v {
	case "auto":
		return vertexAngle(segs, i)
	case "auto-start-reverse":
		if i == 0 {
			return math.Mod(vertexAngle(segs, i)+180, 360)
		}
		return vertexAngle(segs, i)
	}
	return parseAngle(v)
}

// parseAngle reads an angle in degrees, or with a unit deg, grad, rad or turn; 0 when in error.
func parseAngle(v string) float64 {
	sc := scanner{s: v}
	a, ok := sc.number()
	if !ok {
		return 0
	}
	switch strings.ToLower(sc.s[sc.i:]) {
	case "", "deg":
		return a
	case "grad":
		return a * 0.9
	case "rad":
		return a * 180 / math.Pi
	case "turn":
		return a * 360
	}
	return 0
}

// endPoint is where segs[i] ends: a Close, at its subpath's start.
func endPoint(segs []Segment, i int) Point {
	switch segs[i].Op {
	case MoveTo, LineTo:
		return segs[i].Pts[0]
	case CubicTo:
		return segs[i].Pts[2]
	}
	return subpathStart(segs, i)
}

// subpathStart is the MoveTo point of the subpath that segs[i] is in.
func subpathStart(segs []Segment, i int) Point {
	for ; i >= 0; i-- {
		if segs[i].Op == MoveTo {
			return segs[i].Pts[0]
		}
	}
	return Point{}
}

// prevVertex is where the segment before segs[i] ends.
func prevVertex(segs []Segment, i int) Point {
	if segs[i-1].Op == Close {
		return subpathStart(segs, i)
	}
	return endPoint(segs, i-1)
}

// vertexAngle is the direction of the path at segs[i]'s end, in degrees from 0 to 360: at a
// vertex between two segments, the bisector of the directions in and out. It follows resvg's
// calc_vertex_angle, case by case, control points that coincide with a vertex included.
func vertexAngle(segs []Segment, i int) float64 {
	last := len(segs) - 1
	switch {
	case i == 0:
		if last < 1 {
			return 0
		}
		pm, s := segs[0].Pts[0], segs[1]
		switch s.Op {
		case LineTo:
			return lineAngle(pm, s.Pts[0])
		case CubicTo:
			if coincide(pm, s.Pts[0]) {
				return lineAngle(pm, s.Pts[2])
			}
			return lineAngle(pm, s.Pts[0])
		}
		return 0
	case i == last:
		s := segs[i]
		switch s.Op {
		case LineTo:
			return lineAngle(prevVertex(segs, i), s.Pts[0])
		case CubicTo:
			if coincide(s.Pts[1], s.Pts[2]) {
				return lineAngle(s.Pts[0], s.Pts[2])
			}
			return lineAngle(s.Pts[1], s.Pts[2])
		case Close:
			next := subpathStart(segs, i)
			switch p := segs[i-1]; p.Op {
			case LineTo:
				return lineAngle(p.Pts[0], next)
			case CubicTo:
				return curvesAngle(prevVertex(segs, i), p.Pts[1], p.Pts[2], next, next)
			}
		}
		return 0
	}
	s1, s2 := segs[i], segs[i+1]
	switch {
	case s1.Op == MoveTo && s2.Op == LineTo:
		return lineAngle(s1.Pts[0], s2.Pts[0])
	case s1.Op == MoveTo && s2.Op == CubicTo:
		return lineAngle(s1.Pts[0], s2.Pts[0])
	case s1.Op == LineTo && s2.Op == LineTo:
		return angle(prevVertex(segs, i), s1.Pts[0], s1.Pts[0], s2.Pts[0])
	case s1.Op == CubicTo && s2.Op == CubicTo:
		return curvesAngle(prevVertex(segs, i), s1.Pts[1], s1.Pts[2], s2.Pts[0], s2.Pts[2])
	case s1.Op == LineTo && s2.Op == CubicTo:
		prev := prevVertex(segs, i)
		return curvesAngle(prev, prev, s1.Pts[0], s2.Pts[0], s2.Pts[2])
	case s1.Op == CubicTo && s2.Op == LineTo:
		return curvesAngle(prevVertex(segs, i), s1.Pts[1], s1.Pts[2], s2.Pts[0], s2.Pts[0])
	case s1.Op == LineTo && s2.Op == MoveTo:
		return lineAngle(prevVertex(segs, i), s1.Pts[0])
	case s1.Op == CubicTo && s2.Op == MoveTo:
		if coincide(s1.Pts[2], s1.Pts[1]) {
			return lineAngle(prevVertex(segs, i), s1.Pts[2])
		}
		return lineAngle(s1.Pts[1], s1.Pts[2])
	case s1.Op == LineTo && s2.Op == Close:
		return angle(prevVertex(segs, i), s1.Pts[0], s1.Pts[0], subpathStart(segs, i))
	case s2.Op == Close:
		return lineAngle(prevVertex(segs, i), subpathStart(segs, i))
	}
	return 0
}

// coincide says whether two points are one, but for rounding.
func coincide(a, b Point) bool {
	const eps = 1e-9
	return math.Abs(a.X-b.X) <= eps*(1+math.Abs(a.X)) && math.Abs(a.Y-b.Y) <= eps*(1+math.Abs(a.Y))
}

func lineAngle(a, b Point) float64 { return angle(a, b, a, b) }

// curvesAngle is the angle at vertex x between a curve from prev (last control point c1) and
// one on to next (first control point c2); a control point on the vertex gives way to the
// point beyond it.
func curvesAngle(prev, c1, x, c2, next Point) float64 {
	switch {
	case coincide(c1, x):
		return angle(prev, x, x, c2)
	case coincide(x, c2):
		return angle(c1, x, x, next)
	}
	return angle(c1, x, x, c2)
}

// angle bisects the direction in (a to b) and the direction out (c to d), in degrees.
func angle(a, b, c, d Point) float64 {
	norm := func(r float64) float64 {
		r = math.Mod(r, 2*math.Pi)
		if r < 0 {
			r += 2 * math.Pi
		}
		return r
	}
	in, out := norm(math.Atan2(b.Y-a.Y, b.X-a.X)), norm(math.Atan2(d.Y-c.Y, d.X-c.X))
	half := (out - in) / 2
	r := in + half
	if math.Abs(half) > math.Pi/2 {
		r -= math.Pi
	}
	return norm(r) * 180 / math.Pi
}
