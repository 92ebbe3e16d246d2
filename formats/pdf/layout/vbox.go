package layout

import (
	"slices"

	"bookc/formats/pdf/page"
	"bookc/formats/pdf/tags"
)

// vbox is one unbreakable slice of the page flow: a line, a table row, a figure, or space.
// Its content's y is relative to its top; x is absolute.
type vbox struct {
	h       float64
	base    float64 // baseline of its first text line, 0 when it has none
	glue    bool    // space, dropped at the top of a page
	keep    bool    // no page break between this box and the next, unless a page holds nothing else
	avoid   bool    // a page break between this box and the next only where others are worse (widows, orphans)
	split   bool    // a line ending in a hyphen: a page break after it splits the word over two pages
	newPage bool    // starts a page
	stretch float32 // how far glue may stretch to end a page flush at the foot; it shrinks half as far
	// texts are its text runs, art what else it shows (its Texts unused), nil for none: most
	// boxes are lines of text, and a long book has a million of them
	texts  []page.Text
	runs   *page.Runs // its texts, when they are the block of runs at runsAt instead (a unit unpacked for placing)
	art    *page.Art
	tags   []tags.Path // what its pieces belong to in the structure tree: see tag.go
	cites  *cites      // nil for most boxes: a box is copied for every pass
	flow   *flowInfo   // nil for most boxes, which are lines
	runsAt int32
}

// hasTexts reports whether the box shows texts: its own, or runs.
func (b *vbox) hasTexts() bool { return len(b.texts) > 0 || b.runs != nil }

// more is the box's art, to add to: made when it has none.
func (b *vbox) more() *page.Art {
	if b.art == nil {
		b.art = &page.Art{}
	}
	return b.art
}

// pieces is all the box shows, as a page: its art and its texts, in the box's own arrays.
func (b *vbox) pieces() page.Page {
	var p page.Page
	if b.art != nil {
		p.Art = *b.art
	}
	p.Texts = b.texts
	return p
}

// setPieces makes p what the box shows.
func (b *vbox) setPieces(p page.Page) {
	b.texts = p.Texts
	if b.art != nil || len(p.Rects)+len(p.Rules)+len(p.Images)+len(p.Vectors)+len(p.Links) > 0 {
		b.art = &p.Art
	}
}

// shiftInto appends all the box shows to dst, moved by (dx, dy).
func (b *vbox) shiftInto(dst *page.Page, dx, dy float64) {
	p := b.pieces()
	p.Shift(dst, dx, dy)
}

// putOn shows the box on a page, y down: its texts placed as they are (Page.Place), which a
// page has far more of than anything else, its art copied there, moved.
func (b *vbox) putOn(p *page.Page, y float64) {
	switch {
	case len(b.texts) > 0:
		p.Place(b.texts, y, len(b.paths()))
	case b.runs != nil:
		p.PlaceRuns(b.runs, int(b.runsAt), b.base, y, len(b.paths()))
	}
	if b.art != nil {
		b.art.Shift(&p.Art, 0, y)
	}
}

// cites is what a few lines cite: footnotes, and the page numbers of link targets they print.
type cites struct {
	notes []string  // footnotes it references
	refs  []refSlot // texts that are page numbers of link targets
}

// cited returns what the box cites, empty when nothing.
func (b *vbox) cited() cites {
	if b.cites == nil {
		return cites{}
	}
	return *b.cites
}

// cite returns the box's cites to add to: a copy of its own, as copies of a box share theirs.
func (b *vbox) cite() *cites {
	c := &cites{}
	if b.cites != nil {
		c.notes, c.refs = slices.Clip(b.cites.notes), slices.Clip(b.cites.refs)
	}
	b.cites = c
	return c
}

// flowInfo is what the few boxes that start something tell the pagination.
type flowInfo struct {
	dests   []string   // link targets at its top
	marks   []mark     // outline entries at its top
	header  []*vbox    // table header rows to repeat when a page starts with this box
	chapter *chapMark  // a chapter, sub-chapter or section starts here: the running headers' titles
	float   int        // the boxes from this one of a figure or table that may wait for the next page
	start   *PageStart // a chapter or one of its blocks begins here: where a page-list's page can begin (PageStarts only)
}

// info returns the box's flowInfo to add to, made when it has none.
func (b *vbox) info() *flowInfo {
	if b.flow == nil {
		b.flow = &flowInfo{}
	}
	return b.flow
}

// own gives the box a flowInfo of its own to change, a copy of what it had: a set block's boxes,
// copied from the ones another edition or pass keeps, share theirs.
func own(b *vbox) *flowInfo {
	fi := b.starts()
	b.flow = &fi
	return b.flow
}

// starts returns the box's flowInfo, empty when it has none.
func (b *vbox) starts() flowInfo {
	if b.flow == nil {
		return flowInfo{}
	}
	return *b.flow
}

// refSlot is a text of a box that prints the page number of a link target.
type refSlot struct {
	text int // index in texts
	dest string
}

// mark is an outline entry.
type mark struct {
	title string
	level int
	open  bool // its children show in the outline when the document opens
}

// chapMark names the chapter, sub-chapter or section that running headers show from here on.
type chapMark struct {
	title string
	level int  // chapterHead, subHead or sectionHead
	opens bool // it opens a page, which has no running header
	bare  bool // its page has no folio either (a part's title page)
	depth int  // its depth in the book, for the structure tree: 0 for a part and a chapter outside parts
	part  bool // a part's title page
}

// The levels of running headers' titles: a part or top-level chapter, which resets the others; a
// sub-chapter; a section of a top-level chapter. One-sided pages show the sub-chapter or else the
// chapter; two-sided, the verso shows the chapter and the recto the section (a sub-chapter is one).
const (
	chapterHead = iota
	subHead
	sectionHead
)

// absorb adds a box's content, footnotes and page-number texts to b, moved down by dy.
func (b *vbox) absorb(c *vbox, dy float64) {
	if c.cites != nil {
		bc := b.cite()
		for _, r := range c.cites.refs {
			bc.refs = append(bc.refs, refSlot{text: len(b.texts) + r.text, dest: r.dest})
		}
		bc.notes = append(bc.notes, c.cites.notes...)
	}
	if c.flow != nil && len(c.flow.dests) > 0 { // link targets in a table cell
		b.info().dests = append(b.info().dests, c.flow.dests...)
	}
	p := b.pieces()
	from, off := counts(&p), page.Tag(len(b.paths()))
	c.shiftInto(&p, 0, dy)
	b.tags = append(slices.Clip(b.paths()), c.paths()...)
	retag(&p, from, counts(&p), func(t page.Tag) page.Tag {
		if t == artifact {
			return t
		}
		return t + off
	})
	b.setPieces(p)
}

// space is glue between blocks: it stretches by a third to end pages flush, and shrinks by a sixth.
func space(h float64) *vbox { return &vbox{h: h, glue: true, stretch: float32(h / 3)} }

// identical reports whether a and b are the same elements, in the same memory.
func identical[T any](a, b []T) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// height sums the boxes' heights.
func height(bs []*vbox) float64 {
	h := 0.0
	for _, b := range bs {
		h += b.h
	}
	return h
}

// keepTogether forbids page breaks inside the boxes.
func keepTogether(bs []*vbox) {
	for i := 0; i+1 < len(bs); i++ {
		bs[i].keep = true
	}
}

// decorate draws a rectangle behind every box, beneath what is already there, so that boxes
// of a container form one continuous background or bar however the page breaks.
func decorate(bs []*vbox, x, w float64, fill page.Color) {
	fp := colorPtr(fill) // one for all: the drawing only reads it, and a code block has a box per line
	paint := func(b *vbox) {
		r := page.Rect{X: x, Y: 0, W: w, H: b.h, Fill: fp}
		b.more().Rects = append([]page.Rect{r}, b.more().Rects...)
	}
	for _, b := range bs {
		paint(b)
	}
	for _, h := range outsideHeaders(bs) {
		paint(h)
	}
}

// outsideHeaders are the boxes that boxes of bs repeat at the top of a page without being among
// them (a code block's "continued"), each once: what decorates the boxes decorates these too.
func outsideHeaders(bs []*vbox) []*vbox {
	var in map[*vbox]bool // made when a box has a header
	var out []*vbox
	for _, b := range bs {
		if b.flow == nil || b.flow.header == nil {
			continue
		}
		if in == nil {
			in = make(map[*vbox]bool, len(bs))
			for _, b := range bs {
				in[b] = true
			}
		}
		for _, h := range b.flow.header {
			if !in[h] {
				in[h] = true
				out = append(out, h)
			}
		}
	}
	return out
}

// firstText returns the first box with a text line, or nil.
func firstText(bs []*vbox) *vbox {
	for _, b := range bs {
		if b.base > 0 {
			return b
		}
	}
	return nil
}

// clone copies boxes deeply enough that containers may decorate the copies; table rows then
// repeat the copy of their header, and boxes that shared a flowInfo share its copy.
func clone(bs []*vbox) []*vbox {
	out := make([]*vbox, len(bs))
	var copies map[*vbox]*vbox // made when a box has a header to link
	for _, b := range bs {
		if b.flow != nil && b.flow.header != nil {
			copies = map[*vbox]*vbox{}
			break
		}
	}
	for i, b := range bs {
		out[i] = copyBox(b)
		if copies != nil {
			copies[b] = out[i]
		}
	}
	if copies == nil {
		return out
	}
	infos := map[*flowInfo]*flowInfo{}
	for _, c := range out {
		if c.flow == nil || c.flow.header == nil {
			continue
		}
		fi, ok := infos[c.flow]
		if !ok {
			cp := *c.flow
			cp.header = slices.Clone(cp.header)
			for j, h := range cp.header {
				hc, ok := copies[h]
				if !ok { // a header outside the boxes, copied once for containers to decorate
					hc = copyBox(h)
					copies[h] = hc
				}
				cp.header[j] = hc
			}
			fi = &cp
			infos[c.flow] = fi
		}
		c.flow = fi
	}
	return out
}

// copyBox copies a box with page pieces of its own to add to: every kind of them, drawings too.
func copyBox(b *vbox) *vbox {
	c := *b
	c.texts = slices.Clip(c.texts)
	if b.art != nil {
		p := *b.art
		p.Rects, p.Rules, p.Images = slices.Clip(p.Rects), slices.Clip(p.Rules), slices.Clip(p.Images)
		p.Vectors, p.Links = slices.Clip(p.Vectors), slices.Clip(p.Links)
		c.art = &p
	}
	return &c
}
