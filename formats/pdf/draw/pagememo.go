package draw

import (
	"encoding/binary"
	"math"

	"bookc/formats/memo"
	"bookc/formats/pdf/page"
)

// Pages remembers pages encoded, by all that their content streams say, for the editions of one
// book and its builds in a watch: a page an edit left as it was, or another edition has too, is
// not encoded again. A nil *Pages remembers nothing.
type Pages struct{ m *memo.Of[*encodedPage] }

// NewPages returns an empty memo of pages.
func NewPages() *Pages { return &Pages{memo.NewOf[*encodedPage]()} }

// Renew returns the memo for the next build of the book: the pages this build drew.
func (p *Pages) Renew() *Pages {
	if p == nil {
		return nil
	}
	return &Pages{p.m.Renew()}
}

// encodedPage is a page's content stream, compressed, with what its marked content marks and the
// glyphs it draws. A mark is the place in the page's Tags of the element it marks (-1: an
// artifact), so that the page holds where the document numbers its elements otherwise.
type encodedPage struct {
	stream []byte
	marks  []int32
	used   usage
}

// encode gives the page's content stream, compressed, its marks, in the document's element
// numbers, and adds its glyphs to e.used: from memory when p has seen the same page.
func (p *Pages) encode(e *encoder, pg *page.Page, compress func([]byte) []byte) ([]byte, []int32) {
	encode := func([]byte) *encodedPage {
		all := e.used
		defer func() { e.used = all }()
		e.used = usage{}
		data, marks := e.page(pg)
		local := make([]int32, len(marks))
		for i, m := range marks {
			local[i] = placeOf(pg.Tags, m)
		}
		return &encodedPage{stream: compress(data), marks: local, used: e.used}
	}
	var ep *encodedPage
	if p == nil {
		ep = encode(nil)
	} else {
		e.key = e.pageKey(e.key[:0], pg)
		ep = p.m.Do(e.key, encode)
	}
	e.used.merge(ep.used)
	marks := make([]int32, len(ep.marks))
	for i, m := range ep.marks {
		marks[i] = -1
		if m >= 0 {
			marks[i] = pg.Tags[m]
		}
	}
	return ep.stream, marks
}

// placeOf is the place of elem in a page's tags, which name each element once (layout's tag
// tree); -1 for an artifact (elem -1).
func placeOf(tags []int32, elem int32) int32 {
	for i, t := range tags {
		if t == elem {
			return int32(i)
		}
	}
	return -1
}

// pageKey appends all the content stream of pg depends on: every piece the page draws, what the
// document calls its images and drawings, and the roles of the elements its pieces belong to, each
// element by its place in the page's Tags (the content names no element numbers).
func (e *encoder) pageKey(buf []byte, pg *page.Page) []byte {
	num := func(vs ...float64) {
		for _, v := range vs {
			buf = binary.LittleEndian.AppendUint64(buf, math.Float64bits(v))
		}
	}
	n := func(vs ...int) {
		for _, v := range vs {
			buf = binary.AppendVarint(buf, int64(v))
		}
	}
	color := func(c *page.Color) {
		if c == nil {
			buf = append(buf, 0)
			return
		}
		buf = append(buf, 1, c.R, c.G, c.B)
	}
	num(e.height)
	if e.tagged {
		n(len(pg.Tags))
		for _, r := range e.roles {
			n(int(r))
		}
	} else {
		n(-1)
	}
	n(len(pg.Rects))
	for _, r := range pg.Rects {
		num(r.X, r.Y, r.W, r.H, r.LineWidth)
		color(r.Fill)
		color(r.Stroke)
	}
	n(len(pg.Rules))
	for _, r := range pg.Rules {
		num(r.X1, r.Y1, r.X2, r.Y2, r.Width)
		color(&r.Color)
	}
	n(len(pg.Vectors))
	for _, v := range pg.Vectors {
		k, d, ok := e.forms.form(v.Name)
		if !ok {
			k = -1
		}
		n(k, int(v.Tag))
		num(v.X, v.Y, v.W, v.H)
		if ok {
			num(d.Width, d.Height)
		}
	}
	n(len(pg.Images))
	for _, im := range pg.Images {
		k, ok := e.images.number(im.Data)
		if !ok {
			k = -1
		}
		n(k, int(im.Tag))
		num(im.X, im.Y, im.W, im.H)
	}
	n(pg.TextCount())
	pg.EachText(func(t page.Text) {
		num(t.X, t.Y, t.Size, t.WordSpace)
		n(len(t.S), int(t.Font), int(t.Tag), len(t.Glyphs))
		buf = append(buf, t.S...)
		color(&t.Color)
		buf = append(buf, t.Glyphs...) // packed, and its length before it: all they say
	})
	return buf
}
