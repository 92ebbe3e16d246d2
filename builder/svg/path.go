package svg

import (
	"math"
)

// parsePath reads path data into absolute segments. Arcs and quadratics become cubics; H and V
// become lines; after a Close, a subpath that goes on without a MoveTo gets one. Data in error is
// drawn up to the error, as SVG says. limit bounds the segments: past it, errLimit. inner lists,
// rising, the segments that end inside an arc, at no vertex of the path data, where no mid
// marker goes.
func parsePath(d string, limit int) (segs []Segment, inner []int, err error) {
	// Room for a segment every 8 bytes saves most of the growing of long paths.
	p := pen{segs: make([]Segment, 0, min(len(d)/8, limit)+1)}
	sc := scanner{s: d}
	sc.skipSpace()
	var cmd byte
	for !sc.done() {
		c := sc.s[sc.i]
		switch {
		case isCommand(c):
			cmd = c
			sc.i++
			sc.skipSpace()
		case cmd == 0 || cmd == 'Z' || cmd == 'z':
			return p.segs, p.inner, nil // a number where a command must be
		case cmd == 'M':
			cmd = 'L' // coordinates after a MoveTo are LineTos
		case cmd == 'm':
			cmd = 'l'
		}
		if len(p.segs) == 0 && cmd != 'M' && cmd != 'm' {
			return nil, nil, nil // path data must start with a MoveTo
		}
		if !p.command(&sc, cmd) {
			return p.segs, p.inner, nil
		}
		if len(p.segs) > limit {
			return nil, nil, errLimit
		}
		sc.skipSep()
	}
	return p.segs, p.inner, nil
}

func isCommand(c byte) bool {
	switch c | 0x20 { // lower case
	case 'm', 'l', 'h', 'v', 'c', 's', 'q', 't', 'a', 'z':
		return true
	}
	return false
}

// pen draws segments as path commands move it.
type pen struct {
	segs       []Segment
	inner      []int // segments ending inside an arc
	cur, start Point
	ctrl       Point // the last cubic's second control point, for S
	quad       Point // the last quadratic's control point, for T
	last       byte  // the last command, upper case
	closed     bool  // a Close came last: the next drawing command needs a MoveTo
}

// command reads one command's arguments and draws it; false when the arguments are in error.
func (p *pen) command(sc *scanner, cmd byte) bool {
	rel := cmd >= 'a'
	up := cmd &^ 0x20
	var base Point
	if rel {
		base = p.cur
	}
	pt := func() (Point, bool) {
		x, ok := sc.number()
		if !ok {
			return Point{}, false
		}
		sc.skipSep()
		y, ok := sc.number()
		if !ok {
			return Point{}, false
		}
		sc.skipSep()
		return Point{base.X + x, base.Y + y}, true
	}
	num := func() (float64, bool) {
		v, ok := sc.number()
		sc.skipSep()
		return v, ok
	}
	if up != 'M' && up != 'Z' && p.closed {
		p.segs = append(p.segs, Segment{Op: MoveTo, Pts: [3]Point{p.start}})
	}
	switch up {
	case 'M':
		to, ok := pt()
		if !ok {
			return false
		}
		p.segs = append(p.segs, Segment{Op: MoveTo, Pts: [3]Point{to}})
		p.cur, p.start = to, to
	case 'L':
		to, ok := pt()
		if !ok {
			return false
		}
		p.lineTo(to)
	case 'H', 'V':
		v, ok := num()
		if !ok {
			return false
		}
		to := p.cur
		if up == 'H' {
			to.X = base.X + v
		} else {
			to.Y = base.Y + v
		}
		p.lineTo(to)
	case 'C', 'S':
		c1 := p.cur
		if up == 'S' && (p.last == 'C' || p.last == 'S') {
			c1 = reflect(p.ctrl, p.cur)
		}
		var ok bool
		if up == 'C' {
			if c1, ok = pt(); !ok {
				return false
			}
		}
		c2, ok := pt()
		if !ok {
			return false
		}
		to, ok := pt()
		if !ok {
			return false
		}
		p.cubicTo(c1, c2, to)
	case 'Q', 'T':
		q := p.cur
		if up == 'T' && (p.last == 'Q' || p.last == 'T') {
			q = reflect(p.quad, p.cur)
		}
		var ok bool
		if up == 'Q' {
			if q, ok = pt(); !ok {
				return false
			}
		}
		to, ok := pt()
		if !ok {
			return false
		}
		from := p.cur
		p.cubicTo(lerp(from, q, 2.0/3), lerp(to, q, 2.0/3), to)
		p.quad = q
	case 'A':
		rx, ok1 := num()
		ry, ok2 := num()
		rot, ok3 := num()
		large, ok4 := sc.flag()
		sc.skipSep()
		sweep, ok5 := sc.flag()
		sc.skipSep()
		if !(ok1 && ok2 && ok3 && ok4 && ok5) {
			return false
		}
		to, ok := pt()
		if !ok {
			return false
		}
		p.arcTo(rx, ry, rot, large, sweep, to)
	case 'Z':
		p.segs = append(p.segs, Segment{Op: Close})
		p.cur = p.start
		p.closed = true
		p.last = 'Z'
		return true
	}
	p.closed = false
	p.last = up
	return true
}

func (p *pen) lineTo(to Point) {
	p.segs = append(p.segs, Segment{Op: LineTo, Pts: [3]Point{to}})
	p.cur = to
}

func (p *pen) cubicTo(c1, c2, to Point) {
	p.segs = append(p.segs, Segment{Op: CubicTo, Pts: [3]Point{c1, c2, to}})
	p.cur, p.ctrl = to, c2
}

// arcTo draws an elliptical arc as cubics of at most a quarter turn each, by the endpoint-to-centre
// conversion of SVG's implementation notes (F.6.5), with out-of-range radii scaled up (F.6.6).
func (p *pen) arcTo(rx, ry, rotDeg float64, large, sweep bool, to Point) {
	from := p.cur
	if from == to {
		return // an arc to where it starts is left out
	}
	rx, ry = math.Abs(rx), math.Abs(ry)
	if rx == 0 || ry == 0 {
		p.lineTo(to)
		return
	}
	sin, cos := math.Sincos(rotDeg * math.Pi / 180)
	hx, hy := (from.X-to.X)/2, (from.Y-to.Y)/2
	x1, y1 := cos*hx+sin*hy, -sin*hx+cos*hy
	if l := x1*x1/(rx*rx) + y1*y1/(ry*ry); l > 1 {
		rx, ry = rx*math.Sqrt(l), ry*math.Sqrt(l)
	}
	num := rx*rx*ry*ry - rx*rx*y1*y1 - ry*ry*x1*x1
	den := rx*rx*y1*y1 + ry*ry*x1*x1
	coef := math.Sqrt(math.Max(0, num/den))
	if large == sweep {
		coef = -coef
	}
	cx1, cy1 := coef*rx*y1/ry, -coef*ry*x1/rx
	cx, cy := cos*cx1-sin*cy1+(from.X+to.X)/2, sin*cx1+cos*cy1+(from.Y+to.Y)/2
	theta := math.Atan2((y1-cy1)/ry, (x1-cx1)/rx)
	delta := math.Atan2((-y1-cy1)/ry, (-x1-cx1)/rx) - theta
	if sweep && delta < 0 {
		delta += 2 * math.Pi
	} else if !sweep && delta > 0 {
		delta -= 2 * math.Pi
	}
	if math.IsNaN(delta) || math.IsInf(delta, 0) || math.IsNaN(cx+cy) {
		p.lineTo(to)
		return
	}
	n := int(math.Ceil(math.Abs(delta)/(math.Pi/2) - 1e-9))
	if n < 1 {
		n = 1
	}
	step := delta / float64(n)
	k := 4.0 / 3 * math.Tan(step/4)
	// on maps a point of the unit circle, and a tangent scaled by k, onto the ellipse.
	on := func(u, v float64) Point {
		return Point{cx + rx*cos*u - ry*sin*v, cy + rx*sin*u + ry*cos*v}
	}
	for i := 0; i < n; i++ {
		s1, c1 := math.Sincos(theta + float64(i)*step)
		s2, c2 := math.Sincos(theta + float64(i+1)*step)
		end := on(c2, s2)
		if i == n-1 {
			end = to
		}
		p.cubicTo(on(c1-k*s1, s1+k*c1), on(c2+k*s2, s2-k*c2), end)
		if i < n-1 {
			p.inner = append(p.inner, len(p.segs)-1)
		}
	}
}

func reflect(c, about Point) Point { return Point{2*about.X - c.X, 2*about.Y - c.Y} }

func lerp(a, b Point, t float64) Point { return Point{a.X + (b.X-a.X)*t, a.Y + (b.Y-a.Y)*t} }
