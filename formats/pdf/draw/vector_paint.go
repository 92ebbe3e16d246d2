package draw

import (
	"fmt"

	"bookc/builder/svg"
	"bookc/formats/pdf/page"
)

// resolve is a paint as drawn: nil when it paints nothing, and a colour for a gradient that SVG
// paints in one (a single stop, a linear gradient of no length, a radial one of no radius).
func resolve(p *svg.Paint) *svg.Paint {
	if p == nil || !(p.Opacity > 0) {
		return nil
	}
	g := p.Gradient
	if g == nil {
		return p
	}
	if len(g.Stops) == 0 || !finite(g.X1, g.Y1, g.X2, g.Y2, g.CX, g.CY, g.R, g.FX, g.FY) || !finite(g.Transform[:]...) {
		return nil
	}
	m := g.Transform
	if len(g.Stops) == 1 || m[0]*m[3] == m[1]*m[2] ||
		!g.Radial && g.X1 == g.X2 && g.Y1 == g.Y2 || g.Radial && !(g.R > 0) {
		last := g.Stops[len(g.Stops)-1]
		return resolve(&svg.Paint{Color: last.Color, Opacity: p.Opacity * unit(last.Opacity)})
	}
	return p
}

// resolveStroke is a stroke as drawn: nil when it paints nothing (SVG draws no stroke of width 0,
// where PDF would draw its thinnest line).
func resolveStroke(s *svg.Stroke) *svg.Stroke {
	if s == nil || !(s.Width > 0) || !finite(s.Width) {
		return nil
	}
	p := resolve(&s.Paint)
	if p == nil {
		return nil
	}
	r := *s
	r.Paint = *p
	return &r
}

// unit is v within [0, 1], NaN as 0.
func unit(v float64) float64 {
	if !(v > 0) {
		return 0
	}
	return min(v, 1)
}

func translucent(p *svg.Paint) bool { return p.Opacity < 1 || stopsTranslucent(p.Gradient) }

func stopsTranslucent(g *svg.Gradient) bool {
	if g != nil {
		for _, s := range g.Stops {
			if s.Opacity < 1 {
				return true
			}
		}
	}
	return false
}

// alpha sets the opacity of what a fill and a stroke paint, and the soft mask of a gradient with
// translucent stops, in a graphics state of their own: when it returns true, the caller
// restores the one before once painted. A pass painting both has one mask, the fill's if it
// needs one (path paints translucent fills and strokes apart; text, once).
func (w *formWriter) alpha(fill *svg.Paint, stroke *svg.Stroke) bool {
	ca, CA, mask := 1.0, 1.0, 0
	if fill != nil {
		ca, mask = unit(fill.Opacity), w.softMask(fill)
	}
	if stroke != nil {
		CA = unit(stroke.Paint.Opacity)
		if mask == 0 {
			mask = w.softMask(&stroke.Paint)
		}
	}
	if ca == 1 && CA == 1 && mask == 0 {
		return false
	}
	gs := w.state(ca, CA, mask)
	w.buf = append(w.buf, "q "...)
	w.name(vState, gs)
	w.buf = append(w.buf, "gs\n"...)
	return true
}

// state is a graphics state of fill and stroke opacities, and a soft mask's form (0: none).
func (w *formWriter) state(ca, CA float64, mask int) int {
	d := append(appendReal([]byte("/ca "), ca, 4), " /CA "...)
	d = appendReal(d, CA, 4)
	if mask == 0 {
		return w.fs.intern(vState, d)
	}
	w.fs.objs = append(w.fs.objs, vobject{kind: vState, dict: d, mask: mask})
	return len(w.fs.objs) - 1
}

// setPaint sets the colour a fill or a stroke paints with: an RGB colour, or a gradient's pattern.
func (w *formWriter) setPaint(p *svg.Paint, stroke bool) {
	if p.Gradient == nil {
		if stroke {
			w.strokeColor(page.Color(p.Color))
		} else {
			w.fillColor(page.Color(p.Color))
		}
		return
	}
	k := w.pattern(p.Gradient)
	if stroke {
		w.buf = append(w.buf, "/Pattern CS "...)
		w.name(vPattern, k)
		w.buf = append(w.buf, "SCN\n"...)
		w.set &^= setStroke
	} else {
		w.buf = append(w.buf, "/Pattern cs "...)
		w.name(vPattern, k)
		w.buf = append(w.buf, "scn\n"...)
		w.set &^= setFill
	}
}

// pattern is a gradient as a shading pattern. A pattern lives in the default space of the form
// that uses it, whatever the transform where it is used: its matrix maps the gradient's space
// there through the gradient's transform and then the user space's.
func (w *formWriter) pattern(g *svg.Gradient) int {
	d := fmt.Appendf(nil, "/PatternType 2 /Shading <<%s>> /Matrix [", shading(g, false))
	m := g.Transform.Then(w.ctm)
	return w.fs.intern(vPattern, append(appendReals(d, 6, m[:]...), ']'))
}

// softMask is, for a gradient with translucent stops, the form of a soft mask that gives each
// point the opacity of the stops there, as its luminosity: the gradient again, in grey, over
// all the drawing shows. 0 when no stop is translucent.
func (w *formWriter) softMask(p *svg.Paint) int {
	g := p.Gradient
	if !stopsTranslucent(g) {
		return 0
	}
	sh := w.fs.intern(vShading, shading(g, true))
	k := w.reserve()
	w.form(k, "/Group <</Type /Group /S /Transparency /CS /DeviceGray>>", func() {
		w.buf = append(w.buf, "q "...)
		w.reals(6, g.Transform[:]...)
		w.buf = append(w.buf, "cm "...)
		w.name(vShading, sh)
		w.buf = append(w.buf, "sh Q\n"...)
	})
	return k
}

// shading is the dictionary of a gradient's shading, in its own space, padded beyond its ends
// as SVG's default spread is: axial for a linear gradient, radial from the focal point (a circle
// of no radius) to the end circle. alpha makes it the stops' opacities in grey, not their colours.
func shading(g *svg.Gradient, alpha bool) []byte {
	d := []byte("/ShadingType 2 /ColorSpace /DeviceRGB /Coords [")
	if alpha {
		d = []byte("/ShadingType 2 /ColorSpace /DeviceGray /Coords [")
	}
	coords := []float64{g.X1, g.Y1, g.X2, g.Y2}
	if g.Radial {
		d[len("/ShadingType ")] = '3'
		coords = []float64{g.FX, g.FY, 0, g.CX, g.CY, g.R}
	}
	d = append(appendReals(d, 4, coords...), "] /Extend [true true] /Function "...)
	return append(d, function(g.Stops, alpha)...)
}

// function is a shading's colour along the gradient, from 0 to 1: a type 2 function between two
// stops, a type 3 one stitching those for more. SVG pads before the first offset and after the
// last with their colours, and two stops at one offset make a sharp step: a piece of no width,
// left out.
func function(stops []svg.Stop, alpha bool) []byte {
	type point struct {
		t float64
		c []float64
	}
	var pts []point
	for _, s := range stops {
		t := unit(s.Offset)
		if len(pts) > 0 {
			t = max(t, pts[len(pts)-1].t) // offsets never fall back
		}
		c := []float64{float64(s.Color.R) / 255, float64(s.Color.G) / 255, float64(s.Color.B) / 255}
		if alpha {
			c = []float64{unit(s.Opacity)}
		}
		pts = append(pts, point{t, c})
	}
	if pts[0].t > 0 {
		pts = append([]point{{0, pts[0].c}}, pts...)
	}
	if last := pts[len(pts)-1]; last.t < 1 {
		pts = append(pts, point{1, last.c})
	}
	var pieces, bounds, encode []byte
	n := 0
	for i := 1; i < len(pts); i++ {
		if pts[i].t == pts[i-1].t {
			continue
		}
		if n > 0 {
			pieces, bounds = append(pieces, ' '), append(appendReal(bounds, pts[i-1].t, 4), ' ')
		}
		pieces = append(pieces, "<</FunctionType 2 /Domain [0 1] /C0 ["...)
		pieces = appendReals(pieces, 4, pts[i-1].c...)
		pieces = append(pieces, "] /C1 ["...)
		pieces = appendReals(pieces, 4, pts[i].c...)
		pieces = append(pieces, "] /N 1>>"...)
		encode = append(encode, " 0 1"...)
		n++
	}
	if n == 1 {
		return pieces
	}
	return fmt.Appendf(nil, "<</FunctionType 3 /Domain [0 1] /Functions [%s] /Bounds [%s] /Encode [%s]>>", pieces, bounds[:len(bounds)-1], encode[1:])
}

// appendReals writes numbers as appendReal does, apart, as in an array.
func appendReals(b []byte, decimals int, vs ...float64) []byte {
	for i, v := range vs {
		if i > 0 {
			b = append(b, ' ')
		}
		b = appendReal(b, v, decimals)
	}
	return b
}
