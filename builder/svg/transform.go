package svg

import (
	"math"
	"strings"
)

// parseTransform reads a transform list: "translate(4 112) scale(1,1) rotate(45 10 10)". A list
// that does not parse is ignored as a whole, as browsers do, and ok is false.
func parseTransform(s string) (m Matrix, ok bool) {
	m = Identity
	sc := scanner{s: s}
	sc.skipSep()
	for !sc.done() {
		start := sc.i
		for sc.i < len(s) && ('a' <= s[sc.i] && s[sc.i] <= 'z' || 'A' <= s[sc.i] && s[sc.i] <= 'Z') {
			sc.i++
		}
		name := s[start:sc.i]
		sc.skipSpace()
		if sc.done() || s[sc.i] != '(' {
			return Identity, false
		}
		sc.i++
		var args []float64
		for {
			sc.skipSep()
			v, ok := sc.number()
			if !ok {
				break
			}
			args = append(args, v)
		}
		if sc.done() || s[sc.i] != ')' {
			return Identity, false
		}
		sc.i++
		f, ok := transformFunc(name, args)
		if !ok {
			return Identity, false
		}
		m = f.Then(m) // "A B" applies B first
		sc.skipSep()
	}
	return m, true
}

func transformFunc(name string, a []float64) (Matrix, bool) {
	n := len(a)
	switch {
	case name == "matrix" && n == 6:
		return Matrix{a[0], a[1], a[2], a[3], a[4], a[5]}, true
	case name == "translate" && (n == 1 || n == 2):
		if n == 1 {
			a = append(a, 0)
		}
		return translate(a[0], a[1]), true
	case name == "scale" && (n == 1 || n == 2):
		if n == 1 {
			a = append(a, a[0])
		}
		return Matrix{a[0], 0, 0, a[1], 0, 0}, true
	case name == "rotate" && (n == 1 || n == 3):
		sin, cos := sincosDeg(a[0])
		r := Matrix{cos, sin, -sin, cos, 0, 0}
		if n == 3 {
			r = translate(-a[1], -a[2]).Then(r).Then(translate(a[1], a[2]))
		}
		return r, true
	case name == "skewX" && n == 1:
		return Matrix{1, 0, math.Tan(a[0] * math.Pi / 180), 1, 0, 0}, true
	case name == "skewY" && n == 1:
		return Matrix{1, math.Tan(a[0] * math.Pi / 180), 0, 1, 0, 0}, true
	}
	return Identity, false
}

// sincosDeg is the sine and cosine of an angle in degrees, exact for quarter turns, so that
// rotate(90) leaves no 6e-17 behind.
func sincosDeg(deg float64) (sin, cos float64) {
	if q := deg / 90; q == math.Trunc(q) && math.Abs(q) < 1<<52 {
		return [4]float64{0, 1, 0, -1}[int(math.Mod(q, 4)+4)%4], [4]float64{1, 0, -1, 0}[int(math.Mod(q, 4)+4)%4]
	}
	return math.Sincos(deg * math.Pi / 180)
}

func translate(x, y float64) Matrix { return Matrix{1, 0, 0, 1, x, y} }

// viewBox is a viewBox attribute: the rectangle of user space that a viewport shows.
type viewBox struct{ x, y, w, h float64 }

// parseViewBox reads "minx miny width height"; ok is false unless the width and height are positive.
func parseViewBox(s string) (viewBox, bool) {
	v, ok := numbers(s)
	if !ok || len(v) != 4 || v[2] <= 0 || v[3] <= 0 {
		return viewBox{}, false
	}
	return viewBox{v[0], v[1], v[2], v[3]}, true
}

// fit is the transform that preserveAspectRatio (par) asks for to show vb in a w x h viewport:
// "xMidYMid meet" unless it says otherwise; "none" stretches.
func (vb viewBox) fit(par string, w, h float64) Matrix {
	fields := strings.Fields(par)
	if len(fields) > 0 && fields[0] == "defer" {
		fields = fields[1:]
	}
	align, slice := "xMidYMid", false
	if len(fields) > 0 {
		align = fields[0]
	}
	if len(fields) > 1 && fields[1] == "slice" {
		slice = true
	}
	sx, sy := w/vb.w, h/vb.h
	if align == "none" {
		return Matrix{sx, 0, 0, sy, -vb.x * sx, -vb.y * sy}
	}
	s := math.Min(sx, sy)
	if slice {
		s = math.Max(sx, sy)
	}
	tx, ty := -vb.x*s, -vb.y*s
	// The room left over, with rounding noise (60mm is not a whole number of pixels) made 0.
	dx, dy := w-vb.w*s, h-vb.h*s
	if math.Abs(dx) < 1e-9*w {
		dx = 0
	}
	if math.Abs(dy) < 1e-9*h {
		dy = 0
	}
	// An unknown align value counts as the default, xMidYMid.
	switch {
	case strings.HasPrefix(align, "xMin"):
	case strings.HasPrefix(align, "xMax"):
		tx += dx
	default:
		tx += dx / 2
	}
	switch {
	case strings.HasSuffix(align, "YMin"):
	case strings.HasSuffix(align, "YMax"):
		ty += dy
	default:
		ty += dy / 2
	}
	return Matrix{s, 0, 0, s, tx, ty}
}

// invert is m's inverse; ok is false when m flattens the plane.
func (m Matrix) invert() (Matrix, bool) {
	det := m[0]*m[3] - m[1]*m[2]
	if det == 0 || math.IsNaN(det) || math.IsInf(det, 0) {
		return Identity, false
	}
	return Matrix{
		m[3] / det, -m[1] / det, -m[2] / det, m[0] / det,
		(m[2]*m[5] - m[3]*m[4]) / det, (m[1]*m[4] - m[0]*m[5]) / det,
	}, true
}

// viewBoxFit maps e's viewBox into a box w by h as its preserveAspectRatio says, with the viewport
// its children see; ok is false when e has no viewBox.
func (b *builder) viewBoxFit(e *element, w, h float64) (Matrix, viewport, bool) {
	text, _ := b.attr(e, "viewBox")
	vb, ok := parseViewBox(text)
	if !ok {
		return Matrix{}, viewport{}, false
	}
	par, _ := b.attr(e, "preserveAspectRatio")
	return vb.fit(par, w, h), viewport{vb.w, vb.h}, true
}
