package layout

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"

	"bookc/builder/tree"
	"bookc/formats/pdf/metrics"
	"bookc/formats/pdf/page"
)

// cell is one character of code in its colour, from byte at of the block's text (-1: a space a tab
// was expanded to).
type cell struct {
	r    rune
	at   int32
	font page.Font
	c    page.Color
}

// highlight splits a code block into lines of characters coloured by sty, with tabs expanded,
// and hands them to line one by one in the same slice, which line must not keep: a block of a
// million lines then holds the cells of one line at a time, not all of them.
func highlight(block *tree.CodeBlock, sty *chroma.Style, line func([]cell)) {
	var cur []cell
	at := 0 // of the text added next, in the block's: the tokens' texts are it, one after the other
	add := func(s string, font page.Font, c page.Color) {
		for i, r := range s {
			switch r {
			case '\n':
				line(cur)
				cur = cur[:0]
			case '\t':
				for n := 4 - len(cur)%4; n > 0; n-- {
					cur = append(cur, cell{' ', -1, font, c})
				}
			case '\r':
			default:
				cur = append(cur, cell{r, int32(at + i), font, c})
			}
		}
		at += len(s)
	}
	if block.Tokens == nil {
		add(block.Text, page.Mono, codeText)
	} else {
		types := tokenTypes()
		for _, t := range block.Tokens {
			e := sty.Get(types[t.Class])
			col := codeText
			if e.Colour.IsSet() {
				col = page.Color{R: e.Colour.Red(), G: e.Colour.Green(), B: e.Colour.Blue()}
			}
			add(t.Text, codeFont(e.Bold == chroma.Yes, e.Italic == chroma.Yes), col)
		}
	}
	line(cur)
}

// tokenTypes maps chroma's short class names, which the builder's tokens carry, back to the token
// types that the style is keyed by. The builder gives a type without a class its nearest ancestor's,
// which tango styles alike (TestTokenStyles checks it).
var tokenTypes = sync.OnceValue(func() map[string]chroma.TokenType {
	types := make(map[string]chroma.TokenType, len(chroma.StandardTypes))
	for t, cls := range chroma.StandardTypes {
		types[cls] = t
	}
	return types
})

const markW = 9.0 // room for the continuation mark at the end of a wrapped line

// hangSpaces is how much further than its line a wrapped line's rest is indented, in spaces.
const hangSpaces = 2

// code sets a code block on a light background, wrapping long lines with a mark at the cut and
// their rest indented as the line plus a step; a page that the block goes on to starts it with
// a "continued" strip.
func (l *lay) code(c *tree.CodeBlock, x, w float64) []*vbox {
	size, lead := codeSize*l.size/bodySize, codeLead*l.size/bodySize
	pad := l.pt(codePad)
	limit := w - 2*pad - markW
	space := l.faces.Face(page.Mono, false).RuneWidth(' ', size)
	out := []*vbox{{h: pad - 1, keep: true}}
	highlight(c, l.ink.highlight, func(line []cell) {
		hang := min(float64(indentOf(line)+hangSpaces)*space, limit/2)
		segs := wrapCode(line, l.faces, size, limit, hang)
		for j, seg := range segs {
			b := &vbox{h: lead, base: (lead + size*0.734) / 2}
			at := x + pad
			if j > 0 {
				at += hang
			}
			l.setCode(b, seg, c.Text, at, size)
			if j < len(segs)-1 {
				b.keep = true
				contMark(b, x+w-pad-markW+2, size)
			}
			out = append(out, b)
		}
	})
	if len(out) > 2 {
		// one flowInfo for every line a page may start with: a block of a million lines costs one
		cont := &flowInfo{header: []*vbox{l.continued(x, w, pad, lead)}}
		for _, b := range out[2:] {
			b.flow = cont
		}
	}
	keepCode(out)
	out = append(out, &vbox{h: pad + 1})
	decorate(out, x, w, l.ink.of(codeBg))
	return out
}

// continued is the strip a code block's lines start a page with when the block goes on from the
// page before: "continued" in small italics at its right, above the lines' top padding.
func (l *lay) continued(x, w, pad, lead float64) *vbox {
	st := style{faces: l.faces, font: page.Italic, size: l.pt(noteSize), color: grey}
	b := &vbox{h: pad - 1 + lead, base: pad - 1 + lead*0.7}
	const s = "continued"
	b.texts = []page.Text{{X: x + w - pad - st.face().Width(s, st.size), Y: b.base, Font: st.face().Font, Size: st.size, Color: st.color, S: s}}
	return b
}

// indentOf is the number of spaces a line of code starts with.
func indentOf(line []cell) int {
	n := 0
	for n < len(line) && line[n].r == ' ' {
		n++
	}
	return n
}

// shortCode is the most lines a code block has that never splits; splitCode is the fewest lines a
// longer one leaves on either side of a page break.
const (
	shortCode = 8
	splitCode = 3
)

// keepCode keeps a code block's lines together, after its top padding: all of them when it is
// short, else its first and last few, counting lines with text: a blank line does not make a
// side of a split.
func keepCode(out []*vbox) {
	n := len(out) - 1 // out[0] is the padding
	if n <= shortCode {
		keepTogether(out)
		out[n].keep = true // and the padding below, still to come
		return
	}
	for i, seen := 0, 0; i <= n && seen < splitCode; i++ {
		if i > 0 && len(out[i].texts) > 0 {
			seen++
		}
		if seen < splitCode {
			out[i].keep = true
		}
	}
	for i, seen := n, 0; i > 0 && seen < splitCode; i-- {
		out[i].keep = true
		if len(out[i].texts) > 0 {
			seen++
		}
	}
}

// wrapCode cuts a line into pieces that fit the limit, preferably after a space or punctuation:
// the first piece the limit, the others the limit less the hang they are indented by.
func wrapCode(line []cell, faces *metrics.Faces, size, limit, hang float64) [][]cell {
	var segs [][]cell
	for rest := max(limit-hang, size); ; limit = rest {
		acc, cut := 0.0, -1
		for i, c := range line {
			acc += faces.Face(c.font, false).RuneWidth(c.r, size)
			if acc > limit {
				cut = i
				break
			}
		}
		if cut < 0 {
			return append(segs, line)
		}
		at := lastBreak(line, cut, func(k int) bool { return line[k-1].r == ' ' })
		if at < 0 {
			// before punctuation, as urlCuts does, so that no line ends in a hyphen
			at = lastBreak(line, cut, func(k int) bool {
				return strings.ContainsRune(codeBreaks, line[k].r) && !strings.ContainsRune(codeBreaks, line[k-1].r)
			})
		}
		if at <= 0 {
			at = max(cut, 1)
		}
		segs = append(segs, line[:at])
		line = line[at:]
	}
}

const codeBreaks = "/.,;:_-=&|([{"

// lastBreak returns the last index k in (cut/2, cut] where ok(k) allows a cut before line[k], or -1.
func lastBreak(line []cell, cut int, ok func(k int) bool) int {
	for k := cut; k > cut/2; k-- {
		if ok(k) {
			return k
		}
	}
	return -1
}

// setCode adds a segment's characters of the block's text src as text runs, one per colour, which
// draw shapes as metrics measures them. A run is src's own bytes where it is them (room.keepFrom),
// and the runs are kept in the room, as a line of prose's are.
func (l *lay) setCode(b *vbox, seg []cell, src string, x, size float64) {
	for i := 0; i < len(seg); {
		j := i
		fc := l.faces.Face(seg[i].font, false)
		for ; j < len(seg) && seg[j].c == seg[i].c && seg[j].font == seg[i].font; j++ {
			l.room.text = utf8.AppendRune(l.room.text, seg[j].r)
		}
		s := l.room.keepFrom(src, int(seg[i].at))
		segs := fc.Shape(s)
		l.lackIn(s, segs)
		if strings.TrimSpace(s) != "" {
			l.room.runs = append(l.room.runs, page.Text{X: x, Y: b.base, Font: fc.Font, Size: size, Color: seg[i].c, S: s})
		}
		for _, sg := range segs {
			x += float64(metrics.Advance(sg.Glyphs)) * size / 1000
		}
		i = j
	}
	b.texts = l.room.keepRuns()
}

// contMark draws a hooked arrow (↩) with lines: the mono face may lack that glyph, and a drawn mark
// adds nothing to the text a reader copies.
func contMark(b *vbox, x, size float64) {
	y := b.base - size*0.35
	top := b.base - size*0.8
	c := grey
	b.more().Rules = append(b.more().Rules,
		page.Rule{X1: x + 6, Y1: top, X2: x + 6, Y2: y, Width: 0.6, Color: c},
		page.Rule{X1: x + 6, Y1: y, X2: x, Y2: y, Width: 0.6, Color: c},
		page.Rule{X1: x, Y1: y, X2: x + 2, Y2: y - 1.6, Width: 0.6, Color: c},
		page.Rule{X1: x, Y1: y, X2: x + 2, Y2: y + 1.6, Width: 0.6, Color: c})
}
