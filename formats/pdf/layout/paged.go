package layout

import (
	"hash/maphash"
	"slices"

	"bookc/builder/once"
	"bookc/formats/pdf/page"
)

// The body's pages break at every box that starts a page (a part's, a chapter's), with nothing
// carried over it: a chapter's floats and notes end before the next (paginate). The pages from
// one such box up to the next are therefore the same wherever the same boxes come in the same
// state: in another edition, or in the next build after an edit elsewhere ('bookc watch').
// Shared.paged keeps them, and paginate takes them instead of cutting the boxes again.

// pagedTable holds stretches as paginated, by pagedKey.
type pagedTable = once.Table[pagedKey, shared[*paged]]

// pagedKey names a stretch of boxes and the state paginating it starts from. Boxes are named by
// identity: a box is only read once set, and the table's entries keep the boxes alive.
type pagedKey struct {
	first   *vbox
	ids     uint64 // a hash of the identities of its boxes and of the notes they cite
	n       int
	measure bool  // pages only numbered (lay.measure)
	run     heads // the titles going on where it starts; none where its first box resets them
}

// paged is a stretch of boxes as paginate cut it into pages.
type paged struct {
	bs     []*vbox   // the boxes, and
	notes  [][]*vbox // the notes they cite, as the layout held them: what the key hashes
	pages  []*built  // as cut, before the flow's are tagged and added: each flow takes copies
	dests  []page.Dest
	marks  []page.Bookmark // their Page counted from the stretch's first page, as dests'
	events []tagEvent      // the tag log, its placements on pages[on[k]]
	on     []int32         // for each event, its page; -1 for a section
	run    heads           // the titles going on after it
	placed []string        // the notes it placed
}

// pagedSeed seeds the hash of pagedKey.ids.
var pagedSeed = maphash.MakeSeed()

// stretch is where the stretch of bs that starts at i ends: at the next box that starts a page.
func stretch(bs []*vbox, i int) int {
	for j := i + 1; j < len(bs); j++ {
		if bs[j].newPage {
			return j
		}
	}
	return len(bs)
}

// pagedKey is the key of the stretch bs, paginated from heads run with the notes placed; false
// when a note it cites was placed before it, which this memo does not follow.
func (l *lay) pagedKey(bs []*vbox, run heads, placed map[string]bool) (pagedKey, [][]*vbox, bool) {
	var h maphash.Hash
	h.SetSeed(pagedSeed)
	var notes [][]*vbox
	for _, b := range bs {
		maphash.WriteComparable(&h, b)
		for _, n := range b.cited().notes {
			if placed[n] {
				return pagedKey{}, nil, false
			}
			ns := l.notes[n]
			notes = append(notes, ns)
			if len(ns) > 0 {
				maphash.WriteComparable(&h, &ns[0])
			}
			maphash.WriteComparable(&h, len(ns))
		}
	}
	if m := bs[0].starts().chapter; m != nil && m.level == chapterHead {
		run = heads{} // set anew by the first box: the titles before it show nowhere
	}
	return pagedKey{first: bs[0], ids: h.Sum64(), n: len(bs), measure: l.measure, run: run}, notes, true
}

// same reports whether p is of the boxes bs citing the notes given.
func (p *paged) same(bs []*vbox, notes [][]*vbox) bool {
	if !slices.Equal(p.bs, bs) || len(p.notes) != len(notes) {
		return false
	}
	for k, ns := range notes {
		if !identical(ns, p.notes[k]) {
			return false
		}
	}
	return true
}

// recording is a stretch being paginated for Shared.paged: what the flow held where it began.
type recording struct {
	to                  int // the box after it
	bs                  []*vbox
	notes               [][]*vbox
	pages, dests, marks int
	events              int
	share               func(*paged, bool)
}

// record starts recording the stretch of bs from i, unless it is in the table: then it puts the
// stretch's pages into f and returns where it ends. It returns nil and i when another edition
// is paginating the same stretch in another way, or a cited note was placed before it.
func (l *lay) record(t *pagedTable, f *flow, bs []*vbox, i int, run *heads, placed map[string]bool) (*recording, int) {
	j := stretch(bs, i)
	key, notes, ok := l.pagedKey(bs[i:j], *run, placed)
	if !ok {
		return nil, i
	}
	got, share := claim(t, key)
	switch {
	case got != nil && (*got).same(bs[i:j], notes):
		l.replay(f, *got)
		*run = (*got).run
		for _, n := range (*got).placed {
			placed[n] = true
		}
		return nil, j
	case share == nil:
		return nil, i
	}
	return &recording{to: j, bs: bs[i:j], notes: notes, pages: len(f.pages), dests: len(f.dests), marks: len(f.marks), events: len(f.tags.events), share: share}, i
}

// done stores the stretch recorded, now that f has all its pages.
func (r *recording) done(f *flow, run heads, placed map[string]bool) {
	p := &paged{bs: r.bs, notes: r.notes, run: run}
	base := r.pages
	for _, pg := range f.pages[base:] {
		p.pages = append(p.pages, pg.copy())
	}
	p.dests = onPages(nil, f.dests[r.dests:], -base, destPage)
	p.marks = onPages(nil, f.marks[r.marks:], -base, markPage)
	k := base
	for _, ev := range f.tags.events[r.events:] {
		on := int32(-1)
		if ev.p != nil {
			for &f.pages[k].p != ev.p { // the log goes page by page
				k++
			}
			on, ev.p = int32(k-base), nil
		}
		p.events, p.on = append(p.events, ev), append(p.on, on)
	}
	for _, b := range r.bs {
		for _, n := range b.cited().notes {
			if placed[n] {
				p.placed = append(p.placed, n)
			}
		}
	}
	r.share(p, true)
	r.share = nil
}

// abandon lets the editions waiting for the stretch paginate it themselves: its pagination did
// not end where it began to (or panicked).
func (r *recording) abandon() {
	if r != nil && r.share != nil {
		r.share(nil, false)
	}
}

// replay puts a stretch's pages into f, copies of them, as paginating its boxes would.
func (l *lay) replay(f *flow, p *paged) {
	base := len(f.pages)
	for _, pg := range p.pages {
		f.pages = append(f.pages, pg.copy())
	}
	f.dests = onPages(f.dests, p.dests, base, destPage)
	f.marks = onPages(f.marks, p.marks, base, markPage)
	for k, ev := range p.events {
		if p.on[k] >= 0 {
			ev.p = &f.pages[base+int(p.on[k])].p
		}
		f.tags.events = append(f.tags.events, ev)
	}
}

// copy is a copy of the page that tagging and add can change: they write the Tags of its pieces
// and add a folio, a running header and its rule.
func (pg *built) copy() *built {
	c := *pg
	p := &c.p
	if len(p.Texts)+len(p.Placed) > 0 { // not a page only numbered, or a blank one
		p.Texts = append(make([]page.Text, 0, len(p.Texts)+2), p.Texts...)
	}
	p.Placed, p.TagMap = slices.Clip(p.Placed), slices.Clone(p.TagMap)
	p.Images, p.Vectors, p.Links = slices.Clone(p.Images), slices.Clone(p.Vectors), slices.Clone(p.Links)
	p.Rules, p.Rects, p.Tags = slices.Clip(p.Rules), slices.Clip(p.Rects), slices.Clip(p.Tags)
	return &c
}
