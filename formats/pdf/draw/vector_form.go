package draw

import (
	"bytes"
	"math"
	"slices"

	"bookc/builder/svg"
	"bookc/formats/memo"
)

// formWriter writes a drawing's forms with the encoder's operators, in the drawing's own space:
// its units, y growing downwards (the page flips it: encoder.vector).
//
// What the stream last set (colours, width, font, line style) is known until a Q restores
// what was before, and unknown at a form's start, which inherits the state of where it is shown.
type formWriter struct {
	*encoder
	fs      *forms
	streams *memo.Bytes
	z       *deflater
	box     svg.Matrix // the drawing's box, as its width and height scale a unit square
	ctm     svg.Matrix // user space to the space of the form being written, where its patterns live
	toTop   svg.Matrix // user space to the drawing's
	fonts   fontSet    // the faces the form being written names
	res     []int      // and the objects
	line    []byte     // the line style last set (caps, joins, miter limit, dashes); nil: unknown
}

func (w *formWriter) drawing(i int, d *svg.Drawing) {
	w.box = svg.Matrix{d.Width, 0, 0, d.Height, 0, 0}
	w.ctm, w.toTop = svg.Identity, svg.Identity
	w.form(i, "", func() {
		if d.Root != nil {
			w.group(d.Root)
		}
	})
}

// reserve adds an object, for a form to fill in: forms are numbered before what they use.
func (w *formWriter) reserve() int {
	w.fs.objs = append(w.fs.objs, vobject{})
	return len(w.fs.objs) - 1
}

// form makes objs[i] a form of what body draws, from the current user space, and clipped to the
// drawing's box there; extra is more of its dictionary.
func (w *formWriter) form(i int, extra string, body func()) {
	buf, set, line, fonts, res, ctm := w.buf, w.set, w.line, w.fonts, w.res, w.ctm
	w.buf, w.set, w.line, w.fonts, w.res, w.ctm = nil, 0, nil, nil, nil, svg.Identity
	bbox := w.visible()
	body()
	slices.Sort(w.res)
	dict := append(append([]byte("/BBox ["), bbox...), "] "...)
	dict = append(dict, extra...)
	w.fs.objs[i] = vobject{kind: vForm, dict: bytes.TrimSpace(dict), stream: w.streams.Do(w.buf, w.z.stream),
		fonts: w.fonts, res: slices.Compact(w.res)}
	w.buf, w.set, w.line, w.fonts, w.res, w.ctm = buf, set, line, fonts, res, ctm
}

// visible writes the bounds of the drawing's box in user space: nothing outside it shows.
func (w *formWriter) visible() []byte {
	m := w.box.Then(invert(w.toTop))
	xs, ys := []float64{m[4], m[0] + m[4], m[2] + m[4], m[0] + m[2] + m[4]}, []float64{m[5], m[1] + m[5], m[3] + m[5], m[1] + m[3] + m[5]}
	return appendReals(nil, 4, slices.Min(xs), slices.Min(ys), slices.Max(xs), slices.Max(ys))
}

// name writes the name of an object the form uses.
func (w *formWriter) name(kind vkind, i int) {
	w.buf = append(w.buf, '/')
	w.buf = append(w.buf, resourceName(kind, i)...)
	w.buf = append(w.buf, ' ')
	w.res = append(w.res, i)
}

// restore ends what a q began.
func (w *formWriter) restore() {
	w.buf = append(w.buf, "Q\n"...)
	w.set, w.line = 0, nil
}

func (w *formWriter) node(n svg.Node) {
	switch n := n.(type) {
	case *svg.Group:
		w.group(n)
	case *svg.Path:
		w.path(n)
	case *svg.Text:
		w.text(n)
	}
}

// group draws a group in its transform and clip. A group with an opacity is a transparency
// group of its own, a nested form, painted with that opacity as a whole, as SVG wants: its
// children's overlaps do not show through each other.
func (w *formWriter) group(g *svg.Group) {
	m := g.Transform
	if !(g.Opacity > 0) || !finite(m[:]...) || m[0]*m[3] == m[1]*m[2] {
		return // it draws nothing
	}
	ctm, toTop := w.ctm, w.toTop
	defer func() { w.ctm, w.toTop = ctm, toTop }()
	w.ctm, w.toTop = m.Then(ctm), m.Then(toTop)
	body := func() {
		w.clip(g.Clip)
		for _, n := range g.Children {
			w.node(n)
		}
	}
	if g.Opacity >= 1 && m == svg.Identity && g.Clip == nil {
		body()
		return
	}
	w.buf = append(w.buf, "q\n"...)
	if m != svg.Identity {
		w.reals(6, m[:]...)
		w.buf = append(w.buf, "cm\n"...)
	}
	if g.Opacity < 1 {
		gs := w.state(g.Opacity, g.Opacity, 0)
		k := w.reserve()
		w.form(k, "/Group <</Type /Group /S /Transparency /I true>>", body)
		w.name(vState, gs)
		w.buf = append(w.buf, "gs "...)
		w.name(vForm, k)
		w.buf = append(w.buf, "Do\n"...)
	} else {
		body()
	}
	w.restore()
}

// clip limits what follows to the clip's paths. PDF clips by intersecting outlines only, so the
// union SVG asks for is one outline of all the paths, filled even-odd when each path is and by
// the nonzero rule otherwise: exact for one path, the usual clip, and for paths that do not
// overlap (or, nonzero, that turn the same way).
func (w *formWriter) clip(c *svg.Clip) {
	if c == nil {
		return
	}
	any, evenOdd := false, true
	for _, p := range c.Paths {
		if p != nil && drawable(p.Segments) {
			w.segments(p.Segments)
			any, evenOdd = true, evenOdd && p.FillRule == svg.EvenOdd
		}
	}
	switch {
	case !any:
		w.buf = append(w.buf, "0 0 0 0 re W n\n"...) // a clip of nothing hides everything
	case evenOdd:
		w.buf = append(w.buf, "W* n\n"...)
	default:
		w.buf = append(w.buf, "W n\n"...)
	}
}

// path fills and strokes a path. PDF's B paints the stroke over the fill as one object, the
// stroke knocking out the fill beneath it; SVG strokes over the fill, which shows through a
// translucent stroke: so a path with a translucent paint is filled, then stroked.
func (w *formWriter) path(p *svg.Path) {
	if !drawable(p.Segments) {
		return
	}
	fill, stroke := resolve(p.Fill), resolveStroke(p.Stroke)
	if fill != nil && stroke != nil && (translucent(fill) || translucent(&stroke.Paint)) {
		w.pass(p, fill, nil)
		w.pass(p, nil, stroke)
		return
	}
	if fill != nil || stroke != nil {
		w.pass(p, fill, stroke)
	}
}

// pass paints a path once, filled, stroked, or both.
func (w *formWriter) pass(p *svg.Path, fill *svg.Paint, stroke *svg.Stroke) {
	saved := w.alpha(fill, stroke)
	if fill != nil {
		w.setPaint(fill, false)
	}
	if stroke != nil {
		w.setStroke(stroke)
	}
	w.segments(p.Segments)
	switch {
	case fill != nil && stroke != nil:
		w.buf = append(w.buf, 'B')
	case fill != nil:
		w.buf = append(w.buf, 'f')
	default:
		w.buf = append(w.buf, 'S')
	}
	if fill != nil && p.FillRule == svg.EvenOdd {
		w.buf = append(w.buf, '*')
	}
	w.buf = append(w.buf, '\n')
	if saved {
		w.restore()
	}
}

func (w *formWriter) segments(segs []svg.Segment) {
	for _, s := range segs {
		switch s.Op {
		case svg.MoveTo:
			w.reals(4, s.Pts[0].X, s.Pts[0].Y)
			w.buf = append(w.buf, "m\n"...)
		case svg.LineTo:
			w.reals(4, s.Pts[0].X, s.Pts[0].Y)
			w.buf = append(w.buf, "l\n"...)
		case svg.CubicTo:
			w.reals(4, s.Pts[0].X, s.Pts[0].Y, s.Pts[1].X, s.Pts[1].Y, s.Pts[2].X, s.Pts[2].Y)
			w.buf = append(w.buf, "c\n"...)
		case svg.Close:
			w.buf = append(w.buf, "h\n"...)
		}
	}
}

// drawable tells whether segments are a path PDF can draw: starting with a move, every number
// finite. A path with a NaN is left out whole rather than drawn to a made-up point.
func drawable(segs []svg.Segment) bool {
	if len(segs) == 0 || segs[0].Op != svg.MoveTo {
		return false
	}
	for _, s := range segs {
		for _, p := range s.Pts {
			if !finite(p.X, p.Y) {
				return false
			}
		}
	}
	return true
}

// setStroke sets a stroke's paint, width and line style.
func (w *formWriter) setStroke(s *svg.Stroke) {
	w.setPaint(&s.Paint, true)
	w.width(s.Width)
	line := lineStyle(s)
	if w.line == nil || !bytes.Equal(line, w.line) {
		w.buf = append(w.buf, line...)
		w.line = line
	}
}

// lineStyle is the operators of a stroke's caps, joins, miter limit and dashes. svg's Cap and
// Join count as PDF's J and j do. SVG ignores a dash array with a negative length or none but
// zeros, and repeats one of odd length; PDF wants its phase inside the pattern.
func lineStyle(s *svg.Stroke) []byte {
	b := []byte{'0' + min(byte(s.Cap), 2), ' ', 'J', ' ', '0' + min(byte(s.Join), 2), ' ', 'j', ' '}
	miter := s.MiterLimit
	if !(miter >= 1) {
		miter = 1 // SVG's least
	}
	b = append(appendReal(b, miter, 4), " M ["...)
	dashes, total := s.Dashes, 0.0
	for _, d := range dashes {
		if !(d >= 0) || math.IsInf(d, 0) {
			dashes, total = nil, 0
			break
		}
		total += d
	}
	if len(dashes)%2 == 1 {
		dashes, total = append(slices.Clone(dashes), dashes...), 2*total
	}
	phase := 0.0
	if total > 0 && !math.IsInf(total, 0) {
		for i, d := range dashes {
			if i > 0 {
				b = append(b, ' ')
			}
			b = appendReal(b, d, 4)
		}
		if finite(s.DashOffset) {
			phase = math.Mod(s.DashOffset, total)
			if phase < 0 {
				phase += total
			}
		}
	}
	b = append(b, "] "...)
	return append(appendReal(b, phase, 4), " d\n"...)
}

func finite(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

// invert is the inverse of an invertible transform.
func invert(m svg.Matrix) svg.Matrix {
	det := m[0]*m[3] - m[1]*m[2]
	return svg.Matrix{m[3] / det, -m[1] / det, -m[2] / det, m[0] / det, (m[2]*m[5] - m[3]*m[4]) / det, (m[1]*m[4] - m[0]*m[5]) / det}
}
