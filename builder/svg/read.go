package svg

import (
	"fmt"
	"math"
)

// Read reduces an SVG image to a Drawing. It reads nothing but data: no other file, no URL, no
// entity beyond XML's five. Work is bounded by the caps in limits.go; past one, or for data that
// is not SVG (ErrNotSVG), it returns an error that says what and at which line.
//
// The image's size is its width and height; a percentage is of the viewBox's size. One of them
// missing is worked out from the other and the viewBox's aspect ratio, both missing are the
// viewBox's size; with no viewBox either, a missing width is 300 and a missing height 150, as
// browsers size an image they know nothing of.
func Read(data []byte) (*Drawing, error) {
	doc, err := parse(data)
	if err != nil {
		return nil, err
	}
	b := &builder{doc: doc, noted: map[string]bool{}, using: map[*element]bool{}, grads: map[*element]*gradientDef{},
		marking: map[*element]bool{}, markerStyles: map[*element]*style{}}
	d, err := b.root(doc.root)
	if err == nil {
		err = b.err
	}
	if err != nil {
		return nil, err
	}
	if !finiteGroup(d.Root) {
		return nil, fmt.Errorf("line %d: %w: coordinates overflow float64", doc.root.line, ErrTooComplex)
	}
	return d, nil
}

// builder reduces elements to nodes; it carries what the caps count, and the first error.
type builder struct {
	doc          *document
	unsupported  []string
	noted        map[string]bool
	nodes        int // elements drawn, each <use> expansion again
	depth        int
	segs         int
	textBytes    int
	work         int
	cssWork      int
	using        map[*element]bool // <use> targets being drawn, to refuse cycles
	grads        map[*element]*gradientDef
	marking      map[*element]bool // markers whose content is being drawn, to refuse cycles
	markerStyles map[*element]*style
	err          error
}

// fail keeps the first error; building stops at the next check.
func (b *builder) fail(err error) {
	if b.err == nil {
		b.err = err
	}
}

// note adds what was left out to Unsupported, once.
func (b *builder) note(what string) {
	if !b.noted[what] {
		b.noted[what] = true
		b.unsupported = append(b.unsupported, what)
	}
}

// spend counts n bytes of an attribute read, against the cap on work.
func (b *builder) spend(e *element, n int) {
	b.work += n
	if b.work > maxWork {
		b.fail(capError(e.line, "bytes of attribute values read", maxWork))
	}
}

// attr is an attribute's value, counted against the cap on work.
func (b *builder) attr(e *element, name string) (string, bool) {
	v, ok := e.attrs[name]
	b.spend(e, len(v))
	return v, ok
}

// addSegments counts a path's segments against the cap.
func (b *builder) addSegments(e *element, n int) bool {
	b.segs += n
	if b.segs > maxSegments {
		b.fail(capError(e.line, "path segments", maxSegments))
		return false
	}
	return true
}

func finite(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

func finiteGroup(g *Group) bool {
	if !finite(g.Transform[:]...) || !finite(g.Opacity) {
		return false
	}
	if g.Clip != nil {
		for _, p := range g.Clip.Paths {
			if !finitePath(p) {
				return false
			}
		}
	}
	for _, n := range g.Children {
		switch n := n.(type) {
		case *Group:
			if !finiteGroup(n) {
				return false
			}
		case *Path:
			if !finitePath(n) {
				return false
			}
		case *Text:
			for _, c := range n.Chunks {
				if !finite(c.X, c.Y) {
					return false
				}
				for _, s := range c.Spans {
					if !finite(s.DX, s.DY, s.Size) || !finitePaint(s.Fill) || !finiteStroke(s.Stroke) {
						return false
					}
				}
			}
		}
	}
	return true
}

func finitePath(p *Path) bool {
	for _, s := range p.Segments {
		for _, pt := range s.Pts {
			if !finite(pt.X, pt.Y) {
				return false
			}
		}
	}
	return finitePaint(p.Fill) && finiteStroke(p.Stroke)
}

func finiteStroke(s *Stroke) bool {
	if s == nil {
		return true
	}
	return finite(s.Width, s.MiterLimit, s.DashOffset) && finite(s.Dashes...) && finitePaint(&s.Paint)
}

func finitePaint(p *Paint) bool {
	if p == nil {
		return true
	}
	if g := p.Gradient; g != nil {
		if !finite(g.X1, g.Y1, g.X2, g.Y2, g.CX, g.CY, g.R, g.FX, g.FY) || !finite(g.Transform[:]...) {
			return false
		}
	}
	return finite(p.Opacity)
}
