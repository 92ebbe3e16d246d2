package layout

import (
	"slices"
	"sync"

	"bookc/builder/diag"
	"bookc/builder/tree"
	"bookc/formats/pdf/hyphen"
	"bookc/formats/pdf/linebreak"
	"bookc/formats/pdf/page"
)

// lay is the state of one layout pass over a book.
type lay struct {
	g        Geometry
	book     *tree.Book
	refs     map[string]string // page labels of link targets, from the previous pass
	diags    diag.List
	chap     *tree.Chapter
	hyph     *hyphens
	params   linebreak.Params
	notes    map[string][]*vbox // footnote ID -> its boxes
	size     float64            // body text size and leading where the current block sits
	lead     float64
	nest     int    // container depth: headings inside containers are no sections
	lists    int    // list depth, for bullets
	level    int    // outline level of the current chapter
	noHyphen bool   // in table cells, headings and titles
	missing  string // characters of the chapter that the fonts lack
	memo     *memo
}

// memo keeps what does not change between layout passes of a book.
type memo struct {
	blocks map[blockKey]setBlock // set blocks that print no page number
}

// setBlock is a set block with what its layout reported.
type setBlock struct {
	bs      []*vbox
	diags   diag.List
	missing string
}

type blockKey struct {
	b          tree.Block
	x, w, size float64
}

func newMemo() *memo {
	return &memo{blocks: map[blockKey]setBlock{}}
}

// hyphens caches the hyphenation points of a book's words; layout workers share it.
type hyphens struct {
	h  *hyphen.Hyphenator
	mu sync.Mutex
	m  map[string][]int
}

func newHyphens() *hyphens { return &hyphens{h: hyphen.Default(), m: map[string][]int{}} }

func (c *hyphens) points(word string) []int {
	c.mu.Lock()
	pts, ok := c.m[word]
	c.mu.Unlock()
	if !ok {
		pts = c.h.Points(word)
		c.mu.Lock()
		c.m[word] = pts
		c.mu.Unlock()
	}
	return pts
}

func newLay(b *tree.Book, refs map[string]string, m *memo, h *hyphens) *lay {
	return &lay{g: Paper(b.Settings.Paper), book: b, refs: refs, hyph: h, memo: m,
		params: linebreak.DefaultParams(), notes: map[string][]*vbox{}, size: bodySize, lead: bodyLead}
}

// pageRef is the page label a cross-reference prints; two digits' room until it is known.
func (l *lay) pageRef(dest string) string {
	if s, ok := l.refs[dest]; ok {
		return s
	}
	return "00"
}

func (l *lay) source() string {
	if l.chap != nil {
		return l.chap.Source
	}
	return ""
}

func (l *lay) text() style { return style{font: page.Regular, size: l.size, color: black} }

// cached sets a block with set, or reuses the previous pass's boxes: as they are when the block
// prints no page number, with the numbers rewritten when each new one is as wide as the old.
func (l *lay) cached(b tree.Block, x, w float64, set func() []*vbox) []*vbox {
	key := blockKey{b, x, w, l.size}
	if m, ok := l.memo.blocks[key]; ok {
		if bs, ok := l.renumber(m.bs); ok {
			l.diags.Add(m.diags...)
			l.lack(m.missing)
			return bs
		}
	}
	nd, missing := len(l.diags), l.missing
	l.missing = ""
	bs := set()
	l.memo.blocks[key] = setBlock{clone(bs), slices.Clone(l.diags[nd:]), l.missing}
	l.missing, missing = missing, l.missing
	l.lack(missing)
	return bs
}

// renumber copies boxes with the page numbers they print brought up to date, or reports that a
// number's width changed, so that the lines must be set again.
func (l *lay) renumber(bs []*vbox) ([]*vbox, bool) {
	for _, b := range bs {
		for _, r := range b.refs {
			t := b.p.Texts[r.text]
			if now := l.pageRef(r.dest); now != t.S && faceOf(t.Font).Width(now, t.Size) != faceOf(t.Font).Width(t.S, t.Size) {
				return nil, false
			}
		}
	}
	out := clone(bs)
	for _, b := range out {
		if len(b.refs) > 0 {
			b.p.Texts = slices.Clone(b.p.Texts)
			for _, r := range b.refs {
				b.p.Texts[r.text].S = l.pageRef(r.dest)
			}
		}
	}
	return out, true
}
