package svg

import "math"

// kappa places a cubic's control points to draw a quarter of a circle of radius 1.
const kappa = 0.5522847498307936 // 4/3 * (sqrt(2) - 1)

// rectPath is a rectangle, its corners rounded by rx and ry, clockwise from its top left.
func rectPath(x, y, w, h, rx, ry float64) []Segment {
	if rx == 0 || ry == 0 {
		return []Segment{
			{Op: MoveTo, Pts: [3]Point{{x, y}}},
			{Op: LineTo, Pts: [3]Point{{x + w, y}}},
			{Op: LineTo, Pts: [3]Point{{x + w, y + h}}},
			{Op: LineTo, Pts: [3]Point{{x, y + h}}},
			{Op: Close},
		}
	}
	kx, ky := rx*kappa, ry*kappa
	r, b := x+w, y+h
	return []Segment{
		{Op: MoveTo, Pts: [3]Point{{x + rx, y}}},
		{Op: LineTo, Pts: [3]Point{{r - rx, y}}},
		{Op: CubicTo, Pts: [3]Point{{r - rx + kx, y}, {r, y + ry - ky}, {r, y + ry}}},
		{Op: LineTo, Pts: [3]Point{{r, b - ry}}},
		{Op: CubicTo, Pts: [3]Point{{r, b - ry + ky}, {r - rx + kx, b}, {r - rx, b}}},
		{Op: LineTo, Pts: [3]Point{{x + rx, b}}},
		{Op: CubicTo, Pts: [3]Point{{x + rx - kx, b}, {x, b - ry + ky}, {x, b - ry}}},
		{Op: LineTo, Pts: [3]Point{{x, y + ry}}},
		{Op: CubicTo, Pts: [3]Point{{x, y + ry - ky}, {x + rx - kx, y}, {x + rx, y}}},
		{Op: Close},
	}
}

// ellipsePath is an ellipse, clockwise from its rightmost point.
func ellipsePath(cx, cy, rx, ry float64) []Segment {
	kx, ky := rx*kappa, ry*kappa
	return []Segment{
		{Op: MoveTo, Pts: [3]Point{{cx + rx, cy}}},
		{Op: CubicTo, Pts: [3]Point{{cx + rx, cy + ky}, {cx + kx, cy + ry}, {cx, cy + ry}}},
		{Op: CubicTo, Pts: [3]Point{{cx - kx, cy + ry}, {cx - rx, cy + ky}, {cx - rx, cy}}},
		{Op: CubicTo, Pts: [3]Point{{cx - rx, cy - ky}, {cx - kx, cy - ry}, {cx, cy - ry}}},
		{Op: CubicTo, Pts: [3]Point{{cx + kx, cy - ry}, {cx + rx, cy - ky}, {cx + rx, cy}}},
		{Op: Close},
	}
}

// pointsPath is a polyline's or polygon's points as a path: an odd last number is dropped, as
// SVG says, and fewer than two points draw nothing.
func pointsPath(s string, closed bool, limit int) ([]Segment, error) {
	v, _ := numbers(s) // points in error are drawn up to the error
	n := len(v) / 2
	if n < 2 {
		return nil, nil
	}
	if n+1 > limit {
		return nil, errLimit
	}
	segs := make([]Segment, 0, n+1)
	for i := 0; i < n; i++ {
		op := LineTo
		if i == 0 {
			op = MoveTo
		}
		segs = append(segs, Segment{Op: op, Pts: [3]Point{{v[2*i], v[2*i+1]}}})
	}
	if closed {
		segs = append(segs, Segment{Op: Close})
	}
	return segs, nil
}

// box is an axis-aligned rectangle by its corners.
type box struct{ x0, y0, x1, y1 float64 }

func (b box) empty() bool { return !(b.x1 > b.x0 && b.y1 > b.y0) }

// unitsTo maps the unit square onto b, which objectBoundingBox units ask for.
func (b box) unitsTo() Matrix { return Matrix{b.x1 - b.x0, 0, 0, b.y1 - b.y0, b.x0, b.y0} }

func (b box) union(o box) box {
	return box{math.Min(b.x0, o.x0), math.Min(b.y0, o.y0), math.Max(b.x1, o.x1), math.Max(b.y1, o.y1)}
}

func (b *box) add(p Point) {
	b.x0, b.y0 = math.Min(b.x0, p.X), math.Min(b.y0, p.Y)
	b.x1, b.y1 = math.Max(b.x1, p.X), math.Max(b.y1, p.Y)
}

// bounds is the exact bounding box of segments, curves by their extremes rather than their
// control points, as objectBoundingBox units need; ok is false for no points.
func bounds(segs []Segment) (b box, ok bool) {
	var cur Point
	for _, s := range segs {
		if s.Op == Close {
			continue
		}
		if !ok {
			b, ok = box{s.Pts[0].X, s.Pts[0].Y, s.Pts[0].X, s.Pts[0].Y}, true
		}
		switch s.Op {
		case MoveTo, LineTo:
			cur = s.Pts[0]
			b.add(cur)
		case CubicTo:
			c1, c2, to := s.Pts[0], s.Pts[1], s.Pts[2]
			b.add(to)
			for _, t := range cubicExtremes(cur.X, c1.X, c2.X, to.X) {
				b.add(cubicAt(cur, c1, c2, to, t))
			}
			for _, t := range cubicExtremes(cur.Y, c1.Y, c2.Y, to.Y) {
				b.add(cubicAt(cur, c1, c2, to, t))
			}
			cur = to
		}
	}
	return b, ok
}

// cubicExtremes are the parameters in (0, 1) where a cubic's coordinate turns.
func cubicExtremes(p0, p1, p2, p3 float64) []float64 {
	// The derivative, divided by 3, is a t^2 + b t + c.
	a := -p0 + 3*p1 - 3*p2 + p3
	b := 2 * (p0 - 2*p1 + p2)
	c := p1 - p0
	var ts []float64
	if math.Abs(a) < 1e-12 {
		if b != 0 {
			ts = append(ts, -c/b)
		}
	} else if d := b*b - 4*a*c; d >= 0 {
		sq := math.Sqrt(d)
		ts = append(ts, (-b+sq)/(2*a), (-b-sq)/(2*a))
	}
	in := ts[:0]
	for _, t := range ts {
		if t > 0 && t < 1 {
			in = append(in, t)
		}
	}
	return in
}

func cubicAt(p0, p1, p2, p3 Point, t float64) Point {
	u := 1 - t
	a, b, c, d := u*u*u, 3*u*u*t, 3*u*t*t, t*t*t
	return Point{a*p0.X + b*p1.X + c*p2.X + d*p3.X, a*p0.Y + b*p1.Y + c*p2.Y + d*p3.Y}
}

// transformed is segs with every point mapped by m, as clip paths bake their transforms in.
func transformed(segs []Segment, m Matrix) []Segment {
	out := make([]Segment, len(segs))
	for i, s := range segs {
		out[i].Op = s.Op
		for j := range s.Pts {
			if s.Op != Close && (j == 0 || s.Op == CubicTo) {
				out[i].Pts[j] = m.Apply(s.Pts[j])
			}
		}
	}
	return out
}

// mapped is the box around b's four corners once mapped by m.
func (b box) mapped(m Matrix) box {
	o := box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, p := range []Point{{b.x0, b.y0}, {b.x1, b.y0}, {b.x0, b.y1}, {b.x1, b.y1}} {
		o.add(m.Apply(p))
	}
	return o
}

// nodesBounds is the box around nodes, in their parent's coordinates; transformed boxes are
// boxed again, which can be looser than the content. ok is false when nothing has a box.
func nodesBounds(nodes []Node) (out box, ok bool) {
	for _, n := range nodes {
		var bb box
		var has bool
		switch n := n.(type) {
		case *Path:
			bb, has = bounds(n.Segments)
		case *Text:
			bb, has = textBounds(n), true
		case *Group:
			if bb, has = nodesBounds(n.Children); has {
				bb = bb.mapped(n.Transform)
			}
		}
		switch {
		case has && ok:
			out = out.union(bb)
		case has:
			out, ok = bb, true
		}
	}
	return out, ok
}
