package svg

import (
	"strings"
)

// paint resolves a fill or stroke for an element of bounding box bb: nil when it paints nothing.
// A url that points nowhere, or to a pattern, gives the fallback colour or none.
func (b *builder) paint(ps paintSpec, opacity float64, s *style, bb box, bbOK bool, vp viewport) *Paint {
	if ps.url != "" {
		if t := b.doc.ids[ps.url]; t != nil {
			switch t.name {
			case "linearGradient", "radialGradient":
				return b.gradientPaint(t, opacity, bb, bbOK, vp)
			case "pattern":
				b.note("pattern")
			}
		}
	}
	var c rgba
	switch ps.kind {
	case paintNone:
		return nil
	case paintCurrent:
		c = s.color
	default:
		c = ps.color
	}
	if c.a*opacity == 0 {
		return nil
	}
	return &Paint{Color: c.c, Opacity: c.a * opacity}
}

// gradientDef is a gradient with what its href chain lends it: attributes it does not set, and
// stops when it has none. It is worked out once per gradient element.
type gradientDef struct {
	radial bool
	attrs  map[string]string
	stops  []Stop
}

// gradientAttrs are the attributes that a gradient takes from the one it refers to.
var gradientAttrs = []string{"x1", "y1", "x2", "y2", "cx", "cy", "r", "fx", "fy",
	"gradientUnits", "gradientTransform", "spreadMethod"}

// gradient resolves e's href chain, iteratively and once per element, so that long chains and
// cycles cost linear time.
func (b *builder) gradient(e *element) *gradientDef {
	var chain []*element
	seen := map[*element]bool{}
	for t := e; t != nil && b.grads[t] == nil && !seen[t]; t = b.href(t) {
		if t.name != "linearGradient" && t.name != "radialGradient" {
			break
		}
		seen[t] = true
		chain = append(chain, t)
	}
	for i := len(chain) - 1; i >= 0; i-- {
		t := chain[i]
		def := &gradientDef{radial: t.name == "radialGradient", attrs: map[string]string{}}
		if ref := b.href(t); ref != nil && b.grads[ref] != nil {
			next := b.grads[ref]
			for k, v := range next.attrs {
				def.attrs[k] = v
			}
			def.stops = next.stops
		}
		for _, a := range gradientAttrs {
			if v, ok := b.attr(t, a); ok {
				def.attrs[a] = v
			}
		}
		if stops := b.stops(t); len(stops) > 0 {
			def.stops = stops
		}
		b.grads[t] = def
	}
	return b.grads[e]
}

// href is the element that e's href or xlink:href points to, in this image, or nil.
func (b *builder) href(e *element) *element {
	v, ok := b.attr(e, "href")
	if !ok {
		v, _ = b.attr(e, "xlink:href")
	}
	v = strings.TrimSpace(v)
	if !strings.HasPrefix(v, "#") {
		return nil // another file's elements are never read
	}
	return b.doc.ids[v[1:]]
}

// stops are a gradient element's own <stop>s, with offsets clamped and never falling.
func (b *builder) stops(g *element) []Stop {
	var stops []Stop
	var gs *style
	last := 0.0
	for _, c := range g.children {
		if c.name != "stop" {
			continue
		}
		if gs == nil {
			gs = b.styleOf(g, &initial, viewport{})
		}
		ss := b.styleOf(c, gs, viewport{})
		v, _ := b.attr(c, "offset")
		off, ok := fraction(strings.TrimSpace(v), 1)
		if !ok {
			off = 0
		}
		off = max(clamp01(off), last)
		last = off
		stops = append(stops, Stop{Offset: off, Color: ss.stopColor.c, Opacity: ss.stopColor.a * ss.stopOpacity})
	}
	return stops
}

// gradientPaint is a gradient paint for a box bb, or a plain colour where SVG says the gradient
// is one: a single stop, or no length to spread the stops over.
func (b *builder) gradientPaint(e *element, opacity float64, bb box, bbOK bool, vp viewport) *Paint {
	def := b.gradient(e)
	if def == nil || len(def.stops) == 0 {
		return nil
	}
	solid := func(st Stop) *Paint {
		if st.Opacity*opacity == 0 {
			return nil
		}
		return &Paint{Color: st.Color, Opacity: st.Opacity * opacity}
	}
	if len(def.stops) == 1 {
		return solid(def.stops[0])
	}
	last := def.stops[len(def.stops)-1]
	user := strings.TrimSpace(def.attrs["gradientUnits"]) == "userSpaceOnUse"
	if !user && (!bbOK || bb.empty()) {
		return nil // SVG: a bounding box with no width or height shows none of the gradient
	}
	// at is a coordinate: in user units, or a fraction of the bounding box.
	at := func(name, def0 string, a axis) float64 {
		v, ok := def.attrs[name]
		if !ok {
			v = def0
		}
		l, ok := parseLength(v)
		if !ok {
			l, _ = parseLength(def0)
		}
		if user {
			return l.resolve(vp.along(a), 16)
		}
		if l.unit == "%" {
			return l.v / 100
		}
		return l.resolve(1, 16)
	}
	g := &Gradient{Radial: def.radial, Stops: def.stops}
	g.Transform, _ = parseTransform(def.attrs["gradientTransform"])
	if !user {
		g.Transform = g.Transform.Then(bb.unitsTo())
	}
	if _, ok := g.Transform.invert(); !ok {
		return nil
	}
	if spread := strings.TrimSpace(def.attrs["spreadMethod"]); spread == "reflect" || spread == "repeat" {
		b.note("spreadMethod " + spread)
	}
	if def.radial {
		g.CX, g.CY, g.R = at("cx", "50%", horizontal), at("cy", "50%", vertical), at("r", "50%", diagonal)
		g.FX, g.FY = g.CX, g.CY
		if _, ok := def.attrs["fx"]; ok {
			g.FX = at("fx", "50%", horizontal)
		}
		if _, ok := def.attrs["fy"]; ok {
			g.FY = at("fy", "50%", vertical)
		}
		if !(g.R > 0) {
			return solid(last)
		}
	} else {
		g.X1, g.Y1 = at("x1", "0%", horizontal), at("y1", "0%", vertical)
		g.X2, g.Y2 = at("x2", "100%", horizontal), at("y2", "0%", vertical)
		if g.X1 == g.X2 && g.Y1 == g.Y2 {
			return solid(last)
		}
	}
	if opacity == 0 {
		return nil
	}
	return &Paint{Gradient: g, Opacity: opacity}
}
