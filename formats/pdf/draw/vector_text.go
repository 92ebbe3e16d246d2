package draw

import (
	"bookc/builder/svg"
	"bookc/formats/pdf/metrics"
	"bookc/formats/pdf/page"
)

// text writes a drawing's text as text, selectable and found by search, in bookc's faces: each
// chunk measured as layout measures (metrics) and placed on its anchor, each span in the face
// its style asks for, its glyphs added to the subsets the document embeds.
//
// A chunk that follows starts where the one before it ended; hidden spans take their room.
func (w *formWriter) text(t *svg.Text) {
	end := 0.0
	for _, c := range t.Chunks {
		if c == nil || !finite(c.X, c.Y) {
			continue
		}
		width := 0.0
		for _, s := range c.Spans {
			width += num(s.DX) + advance(s)
		}
		x, y := c.X, c.Y
		if c.Follow {
			x = end
		}
		switch c.Anchor {
		case svg.AnchorMiddle:
			x -= width / 2
		case svg.AnchorEnd:
			x -= width
		}
		for _, s := range c.Spans {
			x, y = x+num(s.DX), y+num(s.DY)
			if !s.Hidden {
				w.span(s, x, y)
			}
			x += advance(s)
		}
		end = x
	}
}

// span writes a span from its baseline's start. The drawing's y grows downwards, so the text
// matrix flips the glyphs upright.
func (w *formWriter) span(s *svg.Span, x, y float64) {
	if s.Text == "" || advance(s) == 0 {
		return
	}
	fill, stroke := resolve(s.Fill), resolveStroke(s.Stroke)
	mode := "3 Tr " // neither filled nor stroked: invisible, as SVG has it, but still text
	switch {
	case fill != nil && stroke != nil:
		mode = "2 Tr "
	case fill != nil:
		mode = "0 Tr "
	case stroke != nil:
		mode = "1 Tr "
	}
	saved := w.alpha(fill, stroke)
	if fill != nil {
		w.setPaint(fill, false)
	}
	if stroke != nil {
		w.setStroke(stroke)
	}
	font := spanFont(s)
	w.setFont(font, s.Size)
	w.buf = append(w.buf, "BT "...)
	w.reals(4, 1, 0, 0, -1, x, y)
	w.buf = append(w.buf, "Tm "...)
	w.buf = append(w.buf, mode...)
	w.show(page.Text{S: s.Text, Font: font, Size: s.Size}, false, &w.fonts) // no box for what no font has: a drawing's own text
	w.buf = append(w.buf, "ET\n"...)
	if saved {
		w.restore()
	}
}

// advance is how far a span reaches, as its face measures it; 0 for a size no text is set in.
func advance(s *svg.Span) float64 {
	if !(s.Size > 0) || !finite(s.Size) {
		return 0
	}
	return metrics.Get(spanFont(s)).Width(s.Text, s.Size)
}

// spanFont is the face a span's style asks for: the text family's, or the mono family's.
func spanFont(s *svg.Span) page.Font {
	family := page.Regular.Face().Family
	if s.Mono {
		family = page.Mono.Face().Family
	}
	return page.Styled(family, s.Bold, s.Italic)
}

// num is v, or 0 where it is no finite number.
func num(v float64) float64 {
	if !finite(v) {
		return 0
	}
	return v
}
