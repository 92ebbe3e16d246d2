package draw

import (
	"bytes"
	"math"
	"strconv"

	"bookc/formats/pdf/metrics"
	"bookc/formats/pdf/page"
	"bookc/formats/pdf/tags"
)

// encoder writes a page's content stream: its rectangles, rules, drawings and text, in that
// order, where layout placed them. It is the painting fpdf would do through Rect, Line and
// CellFormat, written straight, so that pages can be written side by side and each is one pass
// over its runs (fpdf takes a lock-step, formatted detour through every word). Images stay fpdf's
// (see PDF). A drawing is a form of its own, written once (forms), which the page shows (vector).
//
// A page's stream assumes nothing of the state before it: every font, colour and width is set
// on first use.
type encoder struct {
	height float64 // PDF's y grows upwards from the bottom edge
	buf    []byte
	ends   map[float64]lineEnd // per baseline of the page, its rightmost text: where the line ends
	used   usage               // every glyph drawn: the subsets keep these (embed)
	words  *metrics.Memo       // the runs shaped lately (nil: none remembered)
	forms  *forms              // the drawings' forms, which pages show (vector)
	images *docImages          // the raster images, which pages show
	digits int                 // nums' decimals: hundredths of a point on pages, more in drawings' units
	tagged bool                // the document has a structure tree, whose roles name marked content
	roles  []tags.Role         // the roles of the elements the page's Tags name
	marks  []int32             // the element of each of the page's marked-content IDs, from its images' on
	tags   []int32             // the page's Tags
	inMark bool                // a marked-content sequence is open (mark)
	markOf int32               // the element it marks; -1 an artifact
	key    []byte              // the page's key in Pages, in a buffer the next page reuses
	glyphs []page.Glyph        // the glyphs of the run being shown, unpacked, in a buffer the next run reuses
	seg    [1]metrics.Seg      // those glyphs as the one segment they are, which the next run reuses too

	font         page.Font
	size         float64
	fill, stroke page.Color
	lineWidth    float64
	set          uint8 // which of font, fill, stroke and lineWidth hold what the stream last set
}

const (
	setFont uint8 = 1 << iota
	setFill
	setStroke
	setLineWidth
)

func newEncoder(height float64) *encoder {
	return &encoder{height: height, ends: map[float64]lineEnd{}, used: usage{}, digits: 2}
}

// lineEnd is the rightmost text of a line: its index among the page's texts, and where it starts.
type lineEnd struct {
	text int
	x    float64
}

// page returns the content of one page, in a buffer the next page reuses, and the elements its
// marked-content IDs mark, in a slice the next page reuses too.
func (e *encoder) page(pg *page.Page) ([]byte, []int32) {
	e.buf, e.set = e.buf[:0], 0
	e.marks, e.tags = e.marks[:0], pg.Tags
	if len(pg.Rects)+len(pg.Rules) > 0 {
		e.mark(0) // backgrounds, bars and rules are decoration
	}
	for _, r := range pg.Rects {
		var op string
		switch {
		case r.Fill != nil && r.Stroke != nil:
			op = "B"
		case r.Fill != nil:
			op = "f"
		case r.Stroke != nil:
			op = "S"
		default:
			continue
		}
		if r.Fill != nil {
			e.fillColor(*r.Fill)
		}
		if r.Stroke != nil {
			e.strokeStyle(*r.Stroke, r.LineWidth)
		}
		e.nums(r.X, e.height-r.Y, r.W, -r.H)
		e.buf = append(e.buf, "re "...)
		e.buf = append(e.buf, op...)
		e.buf = append(e.buf, '\n')
	}
	for _, r := range pg.Rules {
		e.strokeStyle(r.Color, r.Width)
		e.nums(r.X1, e.height-r.Y1)
		e.buf = append(e.buf, "m "...)
		e.nums(r.X2, e.height-r.Y2)
		e.buf = append(e.buf, "l S\n"...)
	}
	for _, v := range pg.Vectors {
		e.mark(v.Tag)
		e.vector(v)
	}
	for _, im := range pg.Images {
		if ops, ok := e.images.show(im.Data, im.X, im.Y, im.W, im.H, e.height); ok {
			e.mark(im.Tag)
			e.buf = append(e.buf, ops...)
			e.buf = append(e.buf, '\n')
		}
	}
	clear(e.ends)
	i := 0
	pg.EachText(func(t page.Text) {
		if end, ok := e.ends[t.Y]; !ok || t.X > end.x {
			e.ends[t.Y] = lineEnd{i, t.X}
		}
		i++
	})
	i = 0
	pg.EachText(func(t page.Text) {
		if t.S != "" {
			e.mark(t.Tag)
		}
		e.text(t, e.ends[t.Y].text == i)
		i++
	})
	e.endMark()
	return e.buf, e.marks
}

// mark opens the marked-content sequence of a piece of the page: a new one, with the next ID,
// unless the piece before it belongs to the same element (the runs of one line, the lines of one
// paragraph). Tag 0 is an artifact: running heads, folios, decoration.
func (e *encoder) mark(t page.Tag) {
	if !e.tagged {
		return // an untagged document
	}
	elem, role := int32(-1), tags.Role(0)
	if t > 0 && int(t) <= len(e.tags) {
		elem, role = e.tags[t-1], e.roles[t-1]
	}
	if e.inMark && elem == e.markOf {
		return
	}
	e.endMark()
	e.inMark, e.markOf = true, elem
	if elem < 0 {
		e.buf = append(e.buf, "/Artifact BMC\n"...)
		return
	}
	e.buf = append(e.buf, '/')
	e.buf = append(e.buf, role.String()...)
	e.buf = append(e.buf, " <</MCID "...)
	e.buf = strconv.AppendInt(e.buf, int64(len(e.marks)), 10)
	e.buf = append(e.buf, ">> BDC\n"...)
	e.marks = append(e.marks, elem)
}

func (e *encoder) endMark() {
	if e.inMark {
		e.buf = append(e.buf, "EMC\n"...)
		e.inMark = false
	}
}

// text writes one run, and the boxes of what no font has after it (show).
func (e *encoder) text(t page.Text, endsLine bool) {
	if t.S == "" {
		return
	}
	e.fillColor(t.Color) // text is painted with the fill colour
	e.buf = append(e.buf, "BT "...)
	e.nums(t.X, e.height-t.Y)
	e.buf = append(e.buf, "Td "...)
	var fonts fontSet
	boxes := e.show(t, endsLine, &fonts)
	e.buf = append(e.buf, "ET\n"...)
	for _, b := range boxes {
		// a box of the glyph's width and about a capital's height, as fonts draw .notdef
		e.strokeStyle(t.Color, t.Size*0.05)
		e.nums(t.X+b.x+b.w*0.1, e.height-t.Y, b.w*0.8, t.Size*0.7)
		e.buf = append(e.buf, "re S\n"...)
	}
}

func (e *encoder) setFont(f page.Font, size float64) {
	if e.set&setFont == 0 || f != e.font || size != e.size {
		e.buf = append(e.buf, '/')
		e.buf = append(e.buf, fontName(f)...)
		e.buf = append(e.buf, ' ')
		e.nums(size)
		e.buf = append(e.buf, "Tf\n"...)
		e.font, e.size = f, size
		e.set |= setFont
	}
}

func (e *encoder) fillColor(c page.Color) {
	if e.set&setFill == 0 || c != e.fill {
		e.color(c, "g\n", "rg\n")
		e.fill = c
		e.set |= setFill
	}
}

func (e *encoder) strokeStyle(c page.Color, w float64) {
	e.strokeColor(c)
	e.width(w)
}

func (e *encoder) strokeColor(c page.Color) {
	if e.set&setStroke == 0 || c != e.stroke {
		e.color(c, "G\n", "RG\n")
		e.stroke = c
		e.set |= setStroke
	}
}

func (e *encoder) width(w float64) {
	if e.set&setLineWidth == 0 || w != e.lineWidth {
		e.nums(w)
		e.buf = append(e.buf, "w\n"...)
		e.lineWidth = w
		e.set |= setLineWidth
	}
}

// color writes an RGB colour, as a grey where it is one.
func (e *encoder) color(c page.Color, gray, rgb string) {
	v := func(b uint8) {
		e.buf = strconv.AppendFloat(e.buf, float64(b)/255, 'f', 3, 64)
		e.buf = append(e.buf, ' ')
	}
	v(c.R)
	if c.R == c.G && c.G == c.B {
		e.buf = append(e.buf, gray...)
		return
	}
	v(c.G)
	v(c.B)
	e.buf = append(e.buf, rgb...)
}

// nums writes numbers in points, each followed by a space; a hundredth of a point is finer than
// any device draws (digits; a drawing's forms write theirs in its own units, finer).
func (e *encoder) nums(vs ...float64) {
	for _, v := range vs {
		e.buf = strconv.AppendFloat(e.buf, v, 'f', e.digits, 64)
		e.buf = append(e.buf, ' ')
	}
}

// reals writes numbers as nums does, but with up to the decimals given and no trailing zeros:
// a drawing comes in any units, and the scales that map it need more than hundredths. What no
// reader takes never reaches the file: NaN is written as 0, and magnitudes past 1e7, infinities
// too, as 1e7.
func (e *encoder) reals(decimals int, vs ...float64) {
	for _, v := range vs {
		e.buf = appendReal(e.buf, v, decimals)
		e.buf = append(e.buf, ' ')
	}
}

func appendReal(buf []byte, v float64, decimals int) []byte {
	switch {
	case math.IsNaN(v):
		v = 0
	case v > 1e7:
		v = 1e7
	case v < -1e7:
		v = -1e7
	}
	start := len(buf)
	buf = strconv.AppendFloat(buf, v, 'f', decimals, 64)
	if decimals > 0 {
		buf = bytes.TrimRight(buf, "0")
		buf = bytes.TrimSuffix(buf, []byte("."))
	}
	if string(buf[start:]) == "-0" {
		buf = append(buf[:start], '0')
	}
	return buf
}
