package svg

import (
	"strings"
	"unicode/utf8"
)

// text reduces a <text> element: a chunk where it starts and at every tspan with an x, spans for
// its runs of text in one style. White space collapses as browsers do by default (a newline or a
// tab is a space, runs of spaces are one, none at a chunk's ends); xml:space="preserve" keeps
// every space.
func (b *builder) text(e *element, s *style, vp viewport) Node {
	tb := &textBuilder{b: b, vp: vp}
	tb.element(e, s, true)
	tb.endChunk()
	t := &Text{}
	for i, c := range tb.chunks {
		if len(c.Spans) > 0 {
			t.Chunks = append(t.Chunks, c)
		} else if i+1 < len(tb.chunks) && tb.chunks[i+1].Follow {
			// The next chunk starts where this empty one would have ended: at its start.
			next := tb.chunks[i+1]
			next.X, next.Follow = c.X, c.Follow
		}
	}
	if len(t.Chunks) == 0 || b.err != nil {
		return nil
	}
	// Paints wait for the whole text's box, which objectBoundingBox units are of.
	bb := textBounds(t)
	drawn := false
	for i, sp := range tb.spans {
		st := tb.styles[i]
		if sp.Hidden {
			continue
		}
		sp.Fill = b.paint(st.fill, st.fillOpacity, st, bb, true, vp)
		sp.Stroke = b.stroke(st, bb, true, vp)
		drawn = drawn || sp.Fill != nil || sp.Stroke != nil
	}
	if !drawn {
		return nil
	}
	return b.leaf(e, s, bb, true, vp, t)
}

// textBuilder gathers a text element's chunks and spans, in document order.
type textBuilder struct {
	b      *builder
	vp     viewport
	chunks []*Chunk
	spans  []*Span  // every span, for their paints
	styles []*style // each span's style
	y      float64  // the baseline where the next span starts
	dx, dy float64  // shifts still to give to the next span
	space  bool     // what came last was a space or a chunk's start: a space next is dropped
}

// element adds a text or tspan (or an <a> in a text) and its content.
func (tb *textBuilder) element(e *element, s *style, top bool) {
	b := tb.b
	x, hasX := tb.position(e, "x", horizontal, s)
	y, hasY := tb.position(e, "y", vertical, s)
	dx, _ := tb.position(e, "dx", horizontal, s)
	dy, _ := tb.position(e, "dy", vertical, s)
	if _, ok := e.attrs["rotate"]; ok {
		b.note("text rotate")
	}
	switch {
	case top || hasX:
		if !hasY {
			y = tb.y
		}
		tb.endChunk()
		tb.chunks = append(tb.chunks, &Chunk{X: x, Y: y, Anchor: s.anchor})
		tb.y, tb.dx, tb.dy, tb.space = y, 0, 0, true
	case hasY:
		// A y alone starts a chunk too, with its own anchor, from where the text has got to.
		// Spaces go on collapsing across it, as they do across a whole <text>.
		tb.chunks = append(tb.chunks, &Chunk{Y: y, Follow: true, Anchor: s.anchor})
		tb.y, tb.dx, tb.dy = y, 0, 0
	}
	tb.dx += dx
	tb.dy += dy
	tb.y += dy
	var run strings.Builder
	flush := func() {
		if run.Len() > 0 {
			tb.span(e, run.String(), s)
			run.Reset()
		}
	}
	for _, c := range e.children {
		switch c.name {
		case "":
			run.WriteString(c.text)
		case "tspan", "a":
			flush()
			if b.nodes++; b.nodes > maxElements {
				b.fail(capError(c.line, "elements drawn, <use> expanded", maxElements))
			}
			if b.err != nil {
				return
			}
			if cs := b.styleOf(c, s, tb.vp); !cs.hidden {
				tb.element(c, cs, false)
			}
		case "title", "desc", "metadata":
		default:
			flush()
			b.note(c.name) // textPath, tref, animations
		}
	}
	flush()
}

// position is a text position attribute: the first of a list, which is noted, as per-character
// positions are not kept.
func (tb *textBuilder) position(e *element, name string, a axis, s *style) (float64, bool) {
	v, ok := tb.b.attr(e, name)
	if !ok {
		return 0, false
	}
	l, more, ok := firstLength(v)
	if !ok {
		return 0, false
	}
	if more {
		tb.b.note("text position lists")
	}
	return l.resolve(tb.vp.along(a), s.fontSize), true
}

// span adds a run of text in style s, its spaces collapsed.
func (tb *textBuilder) span(e *element, raw string, s *style) {
	b := tb.b
	if b.textBytes += len(raw); b.textBytes > maxText {
		b.fail(capError(e.line, "bytes of text, <use> expanded", maxText))
		return
	}
	out := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c == '\n' || c == '\r' || c == '\t' {
			c = ' '
		}
		if c == ' ' && !s.preserve {
			if tb.space {
				continue
			}
			tb.space = true
		} else {
			tb.space = false
		}
		out = append(out, c)
	}
	if len(out) == 0 || !(s.fontSize > 0) || len(tb.chunks) == 0 {
		return
	}
	sp := &Span{Text: string(out), DX: tb.dx, DY: tb.dy, Size: s.fontSize, Bold: s.weight >= 600,
		Italic: s.italic, Mono: mono(s.fontFamily), Hidden: !s.visible}
	tb.dx, tb.dy = 0, 0
	c := tb.chunks[len(tb.chunks)-1]
	c.Spans = append(c.Spans, sp)
	tb.spans = append(tb.spans, sp)
	tb.styles = append(tb.styles, s)
}

// endChunk trims the space that ends the last chunk, if any.
func (tb *textBuilder) endChunk() {
	if len(tb.chunks) == 0 {
		return
	}
	c := tb.chunks[len(tb.chunks)-1]
	for len(c.Spans) > 0 {
		sp := c.Spans[len(c.Spans)-1]
		if tb.styles[len(tb.styles)-1].preserve {
			return
		}
		if sp.Text = strings.TrimRight(sp.Text, " "); sp.Text != "" {
			return
		}
		// The last chunk's last span is the last span of all.
		c.Spans = c.Spans[:len(c.Spans)-1]
		tb.spans, tb.styles = tb.spans[:len(tb.spans)-1], tb.styles[:len(tb.styles)-1]
	}
}

// textBounds guesses a text's box without its fonts: half an em and a bit per character, from
// the ascender (0.8 em) to the descender (0.2 em). Only objectBoundingBox units use it.
func textBounds(t *Text) box {
	var out box
	end := 0.0
	for i, c := range t.Chunks {
		w, size, x := 0.0, 0.0, c.X
		if c.Follow {
			x = end
		}
		for _, sp := range c.Spans {
			w += sp.DX + 0.55*sp.Size*float64(utf8.RuneCountInString(sp.Text))
			size = max(size, sp.Size)
		}
		switch c.Anchor {
		case AnchorMiddle:
			x -= w / 2
		case AnchorEnd:
			x -= w
		}
		end = x + w
		bb := box{x, c.Y - 0.8*size, x + w, c.Y + 0.2*size}
		if i == 0 {
			out = bb
		} else {
			out = out.union(bb)
		}
	}
	return out
}
