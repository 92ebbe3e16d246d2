package svg

import (
	"sort"
	"strconv"
	"strings"
)

// style is the computed style of an element: its properties after the cascade and inheritance.
type style struct {
	fill, stroke               paintSpec
	fillOpacity, strokeOpacity float64
	fillRule, clipRule         FillRule
	strokeWidth                float64
	cap                        Cap
	join                       Join
	miterLimit                 float64
	dashes                     []float64
	dashOffset                 float64
	color                      rgba
	visible                    bool      // visibility: visible (inherited, unlike display)
	markers                    [3]string // the ids that marker-start, -mid and -end point to, or ""
	fontSize                   float64
	fontFamily                 string
	weight                     int
	italic                     bool
	anchor                     Anchor
	preserve                   bool // xml:space="preserve"

	// Not inherited:
	opacity     float64
	hidden      bool   // display: none
	clipPath    string // the id that clip-path points to, or "" (clip-path basic shapes: "?")
	mask        bool
	filter      bool
	stopColor   rgba
	stopOpacity float64
}

// paintKind is what a fill or stroke is, or what it falls back to when its url points nowhere.
type paintKind uint8

const (
	paintNone paintKind = iota
	paintColor
	paintCurrent // currentColor, kept as a keyword so that children resolve it with their color
)

// paintSpec is a fill or stroke as declared: a url to a paint server and/or a plain paint.
type paintSpec struct {
	url   string // the id of a gradient or pattern, or ""
	kind  paintKind
	color rgba
}

var black = rgba{Color{}, 1}

// initial is the style of the root's parent: the properties' initial values.
var initial = style{
	fill: paintSpec{kind: paintColor, color: black}, fillOpacity: 1, strokeOpacity: 1,
	strokeWidth: 1, miterLimit: 4, color: black, visible: true, fontSize: 16, weight: 400,
	opacity: 1, stopColor: black, stopOpacity: 1,
}

// properties are the CSS properties that bookc reads, in the order they are applied: font-size
// first, since ems in the others are of the element's own font size.
var properties = []string{
	"font-size", "color", "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width",
	"stroke-opacity", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray",
	"stroke-dashoffset", "opacity", "display", "visibility", "font-family", "font-weight",
	"font-style", "text-anchor", "clip-path", "clip-rule", "mask", "filter", "stop-color",
	"stop-opacity", "marker-start", "marker-mid", "marker-end", "overflow",
}

var isProperty = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range properties {
		m[p] = true
	}
	return m
}()

// specified is, for each property set on e, its declared values from the cascade's winner down:
// presentation attributes lose to style sheet rules by specificity and order, which lose to the
// style attribute, then to !important rules and declarations. A value that does not parse drops
// out, as CSS drops an invalid declaration, and the next one applies (styleOf). It is worked out
// once per element, however often <use> draws it.
func (b *builder) specified(e *element) map[string][]string {
	if e.spec != nil {
		return e.spec
	}
	type declared struct {
		rank  int64
		order int
		value string
	}
	all := map[string][]declared{}
	var set func(tier, r int64, d decl)
	set = func(tier, r int64, d decl) {
		if d.prop == "marker" && tier > 0 {
			// The shorthand sets all three, in CSS only: it is no presentation attribute.
			for _, p := range [...]string{"marker-start", "marker-mid", "marker-end"} {
				set(tier, r, decl{p, d.value, d.important})
			}
			return
		}
		if !isProperty[d.prop] {
			return
		}
		if d.important {
			tier += 2
		}
		all[d.prop] = append(all[d.prop], declared{tier<<56 | r, len(all[d.prop]), d.value})
	}
	for name, v := range e.attrs {
		set(0, 0, decl{prop: name, value: strings.TrimSpace(v)})
	}
	if len(b.doc.sheet.byKey) > 0 {
		classes := strings.Fields(e.attrs["class"])
		keys := []string{"*", e.name}
		if id, ok := e.attrs["id"]; ok {
			keys = append(keys, "#"+id)
		}
		for _, c := range classes {
			keys = append(keys, "."+c)
		}
		for _, k := range keys {
			for _, r := range b.doc.sheet.byKey[k] {
				if b.cssWork++; b.cssWork > maxCSSWork {
					b.fail(capError(e.line, "style rules tried (CSS work)", maxCSSWork))
					return map[string][]string{}
				}
				if b.matches(r, e, classes) {
					for _, d := range r.decls {
						set(1, r.rank, d)
					}
				}
			}
		}
	}
	if st, ok := e.attrs["style"]; ok {
		b.spend(e, len(st))
		for _, d := range parseDecls(st) {
			set(2, 0, d)
		}
	}
	spec := map[string][]string{}
	for p, ds := range all {
		// Of equal ranks, the later declaration wins.
		sort.Slice(ds, func(i, j int) bool {
			if ds[i].rank != ds[j].rank {
				return ds[i].rank > ds[j].rank
			}
			return ds[i].order > ds[j].order
		})
		vs := make([]string, len(ds))
		for i, d := range ds {
			vs[i] = d.value
		}
		spec[p] = vs
	}
	e.spec = spec
	return spec
}

// styleOf computes e's style from its parent's.
func (b *builder) styleOf(e *element, parent *style, vp viewport) *style {
	s := *parent
	s.opacity, s.hidden, s.clipPath, s.mask, s.filter = 1, false, "", false, false
	s.stopColor, s.stopOpacity = black, 1
	if v, ok := e.attrs["xml:space"]; ok {
		s.preserve = v == "preserve"
	}
	spec := b.specified(e)
	for _, p := range properties {
		for _, v := range spec[p] {
			b.spend(e, len(v)) // values are parsed again each time <use> draws e
			if s.apply(p, v, parent, vp) {
				break
			}
		}
	}
	return &s
}

// apply sets property p to v, and says whether v is a value of p: one that is not leaves the
// property as it was, for the next declared value to try.
func (s *style) apply(p, v string, parent *style, vp viewport) bool {
	if v == "inherit" {
		s.inherit(p, parent)
		return true
	}
	low := strings.ToLower(v)
	length := func(a axis) (float64, bool) {
		l, ok := parseLength(v)
		if !ok {
			return 0, false
		}
		return l.resolve(vp.along(a), s.fontSize), true
	}
	switch p {
	case "font-size":
		f, ok := fontSize(low, parent.fontSize)
		if ok {
			s.fontSize = f
		}
		return ok
	case "color", "stop-color":
		c, ok := parseColor(v)
		if !ok && low == "currentcolor" {
			c, ok = parent.color, true
			if p == "stop-color" {
				c = s.color
			}
		}
		if ok && p == "color" {
			s.color = c
		} else if ok {
			s.stopColor = c
		}
		return ok
	case "fill", "stroke":
		ps, ok := parsePaint(v)
		if ok && p == "fill" {
			s.fill = ps
		} else if ok {
			s.stroke = ps
		}
		return ok
	case "fill-opacity", "stroke-opacity", "opacity", "stop-opacity":
		o, ok := fraction(low, 1)
		if !ok {
			return false
		}
		o = clamp01(o)
		switch p {
		case "fill-opacity":
			s.fillOpacity = o
		case "stroke-opacity":
			s.strokeOpacity = o
		case "opacity":
			s.opacity = o
		default:
			s.stopOpacity = o
		}
	case "fill-rule", "clip-rule":
		r, ok := map[string]FillRule{"nonzero": NonZero, "evenodd": EvenOdd}[low]
		if ok && p == "fill-rule" {
			s.fillRule = r
		} else if ok {
			s.clipRule = r
		}
		return ok
	case "stroke-width":
		w, ok := length(diagonal)
		if ok = ok && w >= 0; ok {
			s.strokeWidth = w
		}
		return ok
	case "stroke-linecap":
		c, ok := map[string]Cap{"butt": ButtCap, "round": RoundCap, "square": SquareCap}[low]
		if ok {
			s.cap = c
		}
		return ok
	case "stroke-linejoin":
		// miter-clip and arcs are SVG 2's; miter is the nearest.
		j, ok := map[string]Join{"miter": MiterJoin, "miter-clip": MiterJoin, "arcs": MiterJoin,
			"round": RoundJoin, "bevel": BevelJoin}[low]
		if ok {
			s.join = j
		}
		return ok
	case "stroke-miterlimit":
		m, err := strconv.ParseFloat(low, 64)
		ok := err == nil && m >= 1
		if ok {
			s.miterLimit = m
		}
		return ok
	case "stroke-dasharray":
		d, ok := dashArray(v, vp, s.fontSize)
		if ok {
			s.dashes = d
		}
		return ok
	case "stroke-dashoffset":
		o, ok := length(diagonal)
		if ok {
			s.dashOffset = o
		}
		return ok
	case "display":
		s.hidden = low == "none"
	case "visibility":
		switch low {
		case "visible":
			s.visible = true
		case "hidden", "collapse":
			s.visible = false
		default:
			return false
		}
	case "font-family":
		s.fontFamily = v
	case "font-weight":
		switch low {
		case "normal":
			s.weight = 400
		case "bold":
			s.weight = 700
		case "bolder":
			s.weight = min(parent.weight+300, 900)
		case "lighter":
			s.weight = max(parent.weight-300, 100)
		default:
			w, err := strconv.Atoi(low)
			if err != nil || w < 1 || w > 1000 {
				return false
			}
			s.weight = w
		}
	case "font-style":
		switch low {
		case "italic", "oblique":
			s.italic = true
		case "normal":
			s.italic = false
		default:
			return false
		}
	case "text-anchor":
		a, ok := map[string]Anchor{"start": AnchorStart, "middle": AnchorMiddle, "end": AnchorEnd}[low]
		if ok {
			s.anchor = a
		}
		return ok
	case "clip-path":
		switch {
		case low == "none":
		case strings.HasPrefix(low, "url("):
			id, _, ok := parseURL(v)
			if !ok {
				return false
			}
			s.clipPath = id
		default:
			s.clipPath = "?" // a basic shape such as circle(50%)
		}
	case "mask":
		s.mask = low != "none"
	case "filter":
		s.filter = low != "none"
	case "marker-start", "marker-mid", "marker-end":
		id := ""
		if low != "none" {
			var ok bool
			if id, _, ok = parseURL(v); !ok {
				return false
			}
		}
		s.markers[map[string]int{"marker-start": 0, "marker-mid": 1, "marker-end": 2}[p]] = id
	}
	return true
}

// inherit takes property p from the parent, for the keyword inherit.
func (s *style) inherit(p string, parent *style) {
	switch p {
	case "opacity":
		s.opacity = parent.opacity
	case "display":
		s.hidden = parent.hidden
	case "clip-path":
		s.clipPath = parent.clipPath
	case "mask":
		s.mask = parent.mask
	case "filter":
		s.filter = parent.filter
	case "stop-color":
		s.stopColor = parent.stopColor
	case "stop-opacity":
		s.stopOpacity = parent.stopOpacity
	}
	// The other properties are inherited already.
}

// fontSizes are CSS's absolute size keywords, with medium at 16px.
var fontSizes = map[string]float64{
	"xx-small": 9, "x-small": 10, "small": 13, "medium": 16, "large": 18, "x-large": 24, "xx-large": 32,
}

func fontSize(v string, parent float64) (float64, bool) {
	if f, ok := fontSizes[v]; ok {
		return f, true
	}
	switch v {
	case "larger":
		return parent * 1.2, true
	case "smaller":
		return parent / 1.2, true
	}
	l, ok := parseLength(v)
	if !ok || l.v < 0 {
		return 0, false
	}
	return l.resolve(parent, parent), true // % and em of the parent's size
}

// dashArray reads stroke-dasharray: nil for solid (none, or every length 0), an odd count
// repeated to make it even; ok is false for a list in error, negative lengths included.
func dashArray(v string, vp viewport, fontSize float64) ([]float64, bool) {
	if strings.TrimSpace(v) == "none" {
		return nil, true
	}
	var dashes []float64
	sum := 0.0
	for _, f := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' }) {
		l, ok := parseLength(f)
		if !ok {
			return nil, false
		}
		d := l.resolve(vp.along(diagonal), fontSize)
		if d < 0 {
			return nil, false
		}
		dashes = append(dashes, d)
		sum += d
	}
	if len(dashes) == 0 {
		return nil, false
	}
	if !(sum > 0) {
		return nil, true
	}
	if len(dashes)%2 == 1 {
		dashes = append(dashes, dashes...)
	}
	return dashes, true
}

// parsePaint reads a fill or stroke: none, currentColor, a colour, or url(#id) with an optional
// fallback ("url(#p) red").
func parsePaint(v string) (paintSpec, bool) {
	low := strings.ToLower(strings.TrimSpace(v))
	switch {
	case low == "none":
		return paintSpec{}, true
	case low == "currentcolor":
		return paintSpec{kind: paintCurrent}, true
	case strings.HasPrefix(low, "url("):
		id, rest, ok := parseURL(v)
		if !ok {
			return paintSpec{}, false
		}
		ps := paintSpec{}
		if rest != "" {
			fb, ok := parsePaint(rest)
			if !ok || fb.url != "" {
				return paintSpec{}, false
			}
			ps = fb
		}
		ps.url = id
		if ps.url == "" {
			ps.url = "?" // a url to another file: never fetched, so its fallback applies
		}
		return ps, true
	}
	c, ok := parseColor(v)
	return paintSpec{kind: paintColor, color: c}, ok
}

// parseURL reads url(#id) and what follows it; id is "" for a url outside the image.
func parseURL(v string) (id, rest string, ok bool) {
	v = strings.TrimSpace(v)
	end := strings.IndexByte(v, ')')
	if len(v) < 4 || !strings.EqualFold(v[:4], "url(") || end < 0 {
		return "", "", false
	}
	ref := strings.Trim(strings.TrimSpace(v[4:end]), `"'`)
	rest = strings.TrimSpace(v[end+1:])
	if strings.HasPrefix(ref, "#") {
		return ref[1:], rest, true
	}
	return "", rest, true
}

// monoFamilies and proportional are parts of family names that do or do not ask for a monospace
// face. Other names say nothing: the next family in the list decides.
var (
	monoFamilies = []string{"mono", "courier", "consolas", "menlo", "monaco", "lucida console",
		"inconsolata", "fira code", "source code"}
	proportional = []string{"serif", "sans", "times", "helvetica", "arial", "verdana", "georgia",
		"cursive", "fantasy", "system-ui", "roboto", "calibri", "segoe"}
)

// mono says whether the first family of a font-family list that bookc knows is a monospace one:
// "DejaVu Sans Mono", "Iosevka Fixed, monospace" and "Courier" are; "Times,serif" is not.
func mono(family string) bool {
	for _, f := range strings.Split(family, ",") {
		f = strings.ToLower(strings.Trim(strings.TrimSpace(f), `"'`))
		for _, m := range monoFamilies {
			if strings.Contains(f, m) {
				return true
			}
		}
		for _, p := range proportional {
			if strings.Contains(f, p) {
				return false
			}
		}
	}
	return false
}
