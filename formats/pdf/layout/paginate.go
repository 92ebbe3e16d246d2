package layout

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"bookc/formats/pdf/page"
	"bookc/formats/pdf/tags"
)

// built is one page of a flow, before running headers and folios are added.
type built struct {
	p       page.Page
	chapter string     // the titles running headers may show: the chapter's,
	section string     // the first section's on the page, else the one going on, else the chapter's,
	inner   string     // and the first sub-chapter's, else the one going on, else the chapter's
	opening bool       // the page opens a chapter or part: no running header
	bare    bool       // no folio either
	start   *PageStart // where it begins, when layout tracks it (PageStarts); nil on a part's page
}

// flow is a paginated sequence of boxes. Page numbers in dests and marks count from 0.
type flow struct {
	pages []*built
	dests []page.Dest
	marks []page.Bookmark
	tags  tagLog           // what its pages' structure tree is made of
	grown chan []tags.Elem // the tree, being made (grow); nil: made when asked for
}

// grow starts making the flow's structure tree, on a core of its own: the tree changes the pages'
// Tags, which nothing else reads until the flow is added to the document.
func (f *flow) grow() {
	if f.grown != nil {
		return // made as it was paginated (stretches)
	}
	f.grown = make(chan []tags.Elem, 1)
	go func() { f.grown <- f.tags.tree() }()
}

// tree is the flow's structure tree: the one grow made, or made now.
func (f *flow) tree() []tags.Elem {
	if f.grown != nil {
		return <-f.grown
	}
	return f.tags.tree()
}

const (
	noteSep   = 12.0 // space above footnotes, holding their rule
	floatSkip = 14.0 // space below a float at the top of a page
)

// span is boxes from..to of a flow.
type span struct{ from, to int }

// heads are the titles of running headers going on: of the chapter, its sub-chapter, its section.
type heads struct{ chapter, sub, section string }

// set changes the titles for a mark.
func (h *heads) set(m *chapMark) {
	switch m.level {
	case chapterHead:
		*h = heads{chapter: m.title}
	case subHead:
		h.sub, h.section = m.title, m.title
	case sectionHead:
		h.section = m.title
	}
}

// paginate cuts boxes into pages (see fit), puts footnotes on the page that references them and
// floats at the top of pages, and spreads each page's glue for it to end flush at the foot. A
// layout that measures (lay.measure) only numbers the pages: it puts nothing on them. With kept,
// it takes the stretches between boxes that start pages from there, and keeps them there; without,
// it cuts the book's chapters on every core (apart).
func (l *lay) paginate(bs []*vbox, kept *pagedTable) *flow {
	if l.track {
		kept = nil // the pages' starts are not kept
	}
	var cuts []int
	if kept == nil {
		cuts = chapterCuts(bs)
	}
	var f *flow
	if cuts != nil {
		f = l.apart(bs, cuts)
	} else {
		var log []tagEvent
		if !l.measure {
			log = make([]tagEvent, 0, logRoom(len(bs)))
		}
		f = l.cut(bs, kept, log)
	}
	l.endOnVerso(f)
	return f
}

// chapterCuts is where a book's boxes can be paginated apart: before each box, but the first,
// that opens a titled part or top-level chapter. Nothing is carried over such a box (a chapter's
// floats and notes end before it), the running headers start again from its title, and, two-sided,
// its page is a recto, so the pages after it are the same wherever the pages before it end. nil
// when there is one core, no such box, or a footnote cited on both sides of one, which the pages
// before it would have placed.
func chapterCuts(bs []*vbox) []int {
	if runtime.GOMAXPROCS(0) == 1 {
		return nil
	}
	var cuts []int
	citer := map[string]int{} // the stretch that cites each footnote
	for i, b := range bs {
		if i > 0 && opensChapter(b) {
			cuts = append(cuts, i)
		}
		if b.cites == nil {
			continue // most boxes: what follows copies a box's cites
		}
		for _, n := range b.cites.notes {
			if s, ok := citer[n]; ok && s != len(cuts) {
				return nil
			}
			citer[n] = len(cuts)
		}
	}
	return cuts
}

// opensChapter is a box that opens a titled part or top-level chapter: where a stretch begins.
func opensChapter(b *vbox) bool { return opensRecto(b) && b.flow.chapter.title != "" }

// apart paginates the stretches of bs between the cuts each on its own, on every core, and joins
// their pages as cut alone would have: a blank verso before a stretch that would begin on one,
// their link targets and outline entries moved by the pages before them, their tag logs one after
// the other, in one array, as the stretches' logs are parts of it.
func (l *lay) apart(bs []*vbox, cuts []int) *flow {
	bounds := append(append([]int{0}, cuts...), len(bs))
	parts := make([]*flow, len(bounds)-1)
	from := make([]int, len(parts)+1) // each stretch's part of the room
	for k := range parts {
		from[k+1] = from[k] + logRoom(bounds[k+1]-bounds[k]) + 2 // a part's section and its chapter's
	}
	var room []tagEvent
	if !l.measure {
		room = make([]tagEvent, 0, from[len(parts)])
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(parts)) {
		wg.Go(func() {
			for k := int(next.Add(1) - 1); k < len(parts); k = int(next.Add(1) - 1) {
				var log []tagEvent
				if room != nil {
					log = room[from[k]:from[k]:from[k+1]]
				}
				parts[k] = l.cut(bs[bounds[k]:bounds[k+1]], nil, log)
			}
		})
	}
	wg.Wait()
	f := &flow{}
	f.tags.events = room
	for k, p := range parts {
		if room != nil && cap(p.tags.events) != from[k+1]-from[k] { // one outgrew its part: a room of its own
			f.tags.events = nil
		}
	}
	for _, p := range parts {
		if l.book.Settings.TwoSided && len(f.pages)%2 == 1 {
			f.pages = append(f.pages, &built{opening: true, bare: true}) // a blank verso
		}
		base := len(f.pages)
		f.pages = append(f.pages, p.pages...)
		f.dests = onPages(f.dests, p.dests, base, destPage)
		f.marks = onPages(f.marks, p.marks, base, markPage)
		f.tags.events = append(f.tags.events, p.tags.events...) // moved down the room, over its own gaps
	}
	return f
}

// logRoom is the room a tag log takes for n boxes: each box once, and a few sections and
// repeated headers.
func logRoom(n int) int { return n + n/16 }

// cut paginates bs, one after the other, logging its tags in log.
func (l *lay) cut(bs []*vbox, kept *pagedTable, log []tagEvent) *flow {
	f := &flow{tags: tagLog{events: log}}
	var rec *recording // the stretch being paginated for kept
	defer func() { rec.abandon() }()
	placed := map[string]bool{}
	var carry []pending // footnotes that did not fit the page that references them
	var floats []span   // figures and tables waiting for the top of a page, in their order
	var run heads
	var going *PageStart // the chapter or block begun last, which a page beginning inside it begins in
	for i := 0; ; {
		for i < len(bs) && bs[i].glue {
			i++ // space at the top of a page is dropped
		}
		free := len(floats) == 0 && len(carry) == 0 // nothing waits for a page
		if rec != nil && i >= rec.to && free {
			if i == rec.to {
				rec.done(f, run, placed)
			}
			rec.abandon()
			rec = nil
		}
		ends := i == len(bs) || bs[i].newPage // a chapter's floats and notes end before the next chapter
		switch {
		case ends && len(floats) == 0 && len(carry) > 0:
			carry = l.notesPage(f, run, carry)
			continue
		case ends && len(floats) == 0 && i == len(bs):
			return f
		case ends && len(floats) == 0 && l.book.Settings.TwoSided && len(f.pages)%2 == 1 && opensRecto(bs[i]):
			f.pages = append(f.pages, &built{opening: true, bare: true}) // a blank verso
			continue
		}
		if kept != nil && rec == nil && free && (i == 0 || bs[i].newPage) {
			var to int
			if rec, to = l.record(kept, f, bs, i, &run, placed); to > i {
				i = to
				continue
			}
		}
		pl := l.fit(bs, i, floats, placed, l.carried(carry, l.g.TextH))
		pg := &built{}
		if pl.end > i {
			if m := bs[i].starts().chapter; m != nil && m.opens {
				pg.opening, pg.bare = true, m.bare
			}
		}
		top := run // the titles going on at the top of the page
		var first heads
		y := 0.0
		var header []*vbox
		if i < len(bs) && !bs[i].newPage {
			header = bs[i].starts().header
		}
		lists := [][]*vbox{header, bs[i:pl.end]}
		for _, fl := range floats[:pl.top] {
			lists = append(lists, bs[fl.from:fl.to])
		}
		if !l.measure {
			reserve(&pg.p, lists...)
		}
		var notes []pending
		bottom := 0.0 // of the last box that is not space, which may hang past the notes
		// where the page begins, in the text: floats at its top come from further on
		pg.start = going
		begun, floating := false, true
		put := func(b *vbox, dy float64) {
			at := b.starts()
			switch {
			case floating:
			case at.chapter != nil && at.chapter.part && !begun:
				pg.start, going = nil, nil // a part's page: the EPUB has no page of it to mark
			case at.start != nil:
				if !begun {
					pg.start = at.start
				}
				going = at.start
			}
			if !b.glue && !floating {
				begun = true
			}
			if m := at.chapter; m != nil {
				run.set(m)
				if first.chapter == "" && m.level == chapterHead {
					first.chapter = m.title
				}
				if first.sub == "" && m.level == subHead {
					first.sub = m.title
				}
				if first.section == "" && m.level != chapterHead {
					first.section = m.title
				}
				switch {
				case m.part:
					f.tags.section(tags.Part, m.depth)
				case m.level != sectionHead:
					f.tags.section(tags.Sect, m.depth)
				}
			}
			for _, d := range at.dests {
				f.dests = append(f.dests, page.Dest{Name: d, Page: len(f.pages), Y: l.g.Top + y})
			}
			for _, m := range at.marks {
				f.marks = append(f.marks, page.Bookmark{Title: outlineTitle(m.title), Level: m.level, Page: len(f.pages), Y: l.g.Top + y, Open: m.open})
			}
			l.place(f, pg, b, l.g.Top+y, false)
			if y += dy; !b.glue {
				bottom = y
			}
			for _, n := range b.cited().notes {
				if !placed[n] && l.notes[n] != nil {
					placed[n] = true
					notes = append(notes, pending{id: n})
				}
			}
		}
		for _, fl := range floats[:pl.top] {
			for _, b := range bs[fl.from:fl.to] {
				put(b, b.h)
			}
			y += floatSkip
		}
		floats = floats[pl.top:]
		floating = false
		for _, h := range header {
			l.place(f, pg, h, l.g.Top+y, true)
			y += h.h
		}
		for k := i; k < pl.end; k++ {
			b := bs[k]
			if len(pl.deferred) > 0 && pl.deferred[0].from == k {
				floats = append(floats, pl.deferred[0])
				k = skipFloat(bs, pl.deferred[0]) - 1
				pl.deferred = pl.deferred[1:]
				continue
			}
			dy := b.h
			if b.glue {
				if pl.ratio > 0 {
					dy += pl.ratio * float64(b.stretch)
				} else {
					dy += pl.ratio * float64(b.stretch) / 2
				}
			}
			put(b, dy)
		}
		pg.chapter = run.chapter
		pg.section, pg.inner = first.section, first.sub
		if pg.section == "" {
			pg.section = cmp.Or(top.section, run.chapter)
			if first.chapter != "" {
				pg.section = first.chapter
			}
		}
		if pg.inner == "" {
			pg.inner = cmp.Or(top.sub, run.chapter)
			if first.chapter != "" {
				pg.inner = first.chapter
			}
		}
		carry = append(carry, notes...)
		carry = l.placeNotes(f, pg, carry, bottom, 0)
		f.pages = append(f.pages, pg)
		i = pl.end
	}
}

// place puts the pieces of box b on page pg of flow f at y, and logs them for the structure tree,
// as a table header repeated when repeat; a layout that measures puts nothing.
func (l *lay) place(f *flow, pg *built, b *vbox, y float64, repeat bool) {
	if l.measure {
		return
	}
	b.putOn(&pg.p, y)
	if repeat {
		f.tags.repeat(&pg.p, b)
	} else {
		f.tags.place(&pg.p, b)
	}
}

// opensRecto reports whether a box opens a page that must be a recto when the book is two-sided:
// a part's or a top-level chapter's.
func opensRecto(b *vbox) bool {
	m := b.starts().chapter
	return b.newPage && m != nil && m.level == chapterHead
}

// skipFloat is the box after a float that waits, and after the space below it: the float leaves
// the space above it between the text before and after.
func skipFloat(bs []*vbox, fl span) int {
	k := fl.to
	for k < len(bs) && bs[k].glue {
		k++
	}
	return k
}

// plan is how a page is made: the first top floats waiting, then boxes up to end, without the
// floats deferred to later pages, the glue stretched (ratio > 0) or shrunk (< 0) by ratio.
type plan struct {
	top      int
	end      int
	deferred []span
	ratio    float64
}

// Costs of page breaks, as TeX's page builder weighs them: the badness of the page's glue, and
// penalties for what the break does.
const (
	maxRatio    = 2.0   // glue stretches at most this many times its stretch; the rest is left at the foot
	whitePoint  = 10.0  // the cost of each point of white at the foot that glue does not fill
	avoidCost   = 500.0 // a widow or an orphan
	splitCost   = 100.0 // a word hyphenated across two pages, as TeX's \brokenpenalty: ten points of white
	keepCost    = 1e5   // a break where nothing may break: only when every other leaves the page too empty
	emptyCost   = 1e6   // a page left under emptyShare full, unless a chapter ends on it
	emptyShare  = 0.3
	maxBadness  = 100.0 // of a page whose glue stretches or shrinks as far as it goes
	shrinkShare = 0.5   // glue shrinks half as far as it stretches
)

// fit plans the page that starts with box i, below which notesH of footnotes carried over from
// the page before wait, and above which floats wait. It weighs every break the page could end at,
// as TeX does, and takes the cheapest, the latest of equals: a break inside kept boxes (a heading
// and what follows, a short code block, a figure and its caption) only when every other leaves
// the page under 30% full; before a widow or after an orphan when others cost more; and glue
// stretched or shrunk as little as it can. A figure or table that does not fit waits for the next
// page, and those after it too, in their order, while the text goes on; a chapter (or sub-chapter)
// that begins while floats wait begins on the next page, after them.
func (l *lay) fit(bs []*vbox, i int, floats []span, placed map[string]bool, notesH float64) plan {
	seen := map[string]bool{}
	cite := func(b *vbox) float64 { // the height the box's footnotes add to the page
		nh := 0.0
		for _, n := range b.cited().notes {
			if !placed[n] && !seen[n] && l.notes[n] != nil {
				if notesH == 0 && nh == 0 {
					nh = noteSep
				}
				nh += height(l.notes[n])
				seen[n] = true
			}
		}
		notesH += nh
		return nh
	}
	pl := plan{end: i}
	h := 0.0 // natural height of the page so far, up to its last box that is not glue
	for _, fl := range floats {
		fh := height(bs[fl.from:fl.to]) + floatSkip
		if pl.top > 0 && h+fh+notesH > l.g.TextH {
			break
		}
		for _, b := range bs[fl.from:fl.to] {
			cite(b)
		}
		h += fh
		pl.top++
	}
	waiting := pl.top < len(floats)
	if i < len(bs) && !bs[i].newPage {
		h += height(bs[i].starts().header)
	}
	var (
		stretch, shrink float64 // of the glue between the boxes so far
		gh, gs          float64 // height and stretch of the glue after the last box
		content         = pl.top > 0
		last            *vbox // the last box that is not glue
		best            = math.Inf(1)
		deferred        []span
	)
	for k := i; k <= len(bs); k++ {
		if k < len(bs) && bs[k].glue {
			gh, gs = gh+bs[k].h, gs+float64(bs[k].stretch)
			continue
		}
		// a break before box k
		forced := k == len(bs) || bs[k].newPage || (waiting || len(deferred) > 0) && bs[k].starts().chapter != nil && bs[k].starts().chapter.level != sectionHead
		if content {
			if forced {
				pl.end, pl.deferred, pl.ratio = k, deferred, l.ratio(h, stretch, shrink, notesH, true)
				return pl
			}
			if c := l.cost(h, stretch, shrink, notesH, last); c <= best {
				best = c
				pl.end, pl.deferred, pl.ratio = k, slices.Clip(deferred), l.ratio(h, stretch, shrink, notesH, false)
			}
		}
		b := bs[k]
		if n := b.starts().float; n > 0 && k+n <= len(bs) && content {
			fl := span{k, k + n}
			if waiting || len(deferred) > 0 || h+gh+height(bs[k:k+n])+notesH > l.g.TextH {
				deferred = append(deferred, fl)
				k = skipFloat(bs, fl) - 1
				continue
			}
		}
		hb, nb := h+gh+b.h, cite(b)
		sb := shrink + shrinkShare*gs
		if content && hb-sb+notesH > l.g.TextH+0.01 {
			notesH -= nb
			break // nothing later fits either
		}
		h, stretch, shrink, gh, gs = hb, stretch+gs, sb, 0, 0
		last, content = b, true
	}
	return pl
}

// cost weighs a page of natural height h whose glue stretches and shrinks as given, above notes,
// ending after box last.
func (l *lay) cost(h, stretch, shrink, notes float64, last *vbox) float64 {
	room := l.g.TextH - notes
	c := 0.0
	switch s := room - h; {
	case s >= 0 && stretch > 0:
		r := min(s/stretch, 1)
		c = maxBadness*r*r*r + whitePoint*max(0, s-stretch)
	case s >= 0:
		c = whitePoint * s
	case shrink > 0:
		r := -s / shrink
		c = maxBadness * r * r * r
	}
	switch {
	case last == nil: // floats alone
	case last.keep:
		c += keepCost
	case last.avoid:
		c += avoidCost
	}
	if last != nil && last.split {
		c += splitCost
	}
	if h+notes < emptyShare*l.g.TextH {
		c += emptyCost
	}
	return c
}

// ratio is how far a page's glue stretches (> 0) or shrinks (< 0) for the page to end at its foot:
// not at all on a page that ends a chapter or the book.
func (l *lay) ratio(h, stretch, shrink, notes float64, last bool) float64 {
	switch s := l.g.TextH - notes - h; {
	case s > 0 && stretch > 0 && !last:
		return min(s/stretch, maxRatio)
	case s < 0 && shrink > 0:
		return max(s/shrink, -1)
	}
	return 0
}

// pending is a footnote, or the rest of one, waiting for room at the foot of a page.
type pending struct {
	id   string
	from int // its first box not yet placed
}

// carried is the height of notes with their rule or, when it is more than limit, some height past
// limit: it measures no further, for a page to cost what it holds, not all the notes still waiting.
func (l *lay) carried(notes []pending, limit float64) float64 {
	if len(notes) == 0 {
		return 0
	}
	h := noteSep
	for _, n := range notes {
		nh := 0.0 // summed by itself and then added, as height would: the sums stay as they were
		for _, b := range l.notes[n.id][n.from:] {
			if nh += b.h; h+nh > limit {
				return h + nh
			}
		}
		h += nh
	}
	return h
}

// notesPage is a page of footnotes alone, carried over from the pages before it.
func (l *lay) notesPage(f *flow, run heads, notes []pending) []pending {
	pg := &built{chapter: run.chapter, section: cmp.Or(run.section, run.chapter), inner: cmp.Or(run.sub, run.chapter)}
	rest := l.placeNotes(f, pg, notes, 0, 1)
	f.pages = append(f.pages, pg)
	return rest
}

// reserve makes room in p for what the boxes bring, which is shifted into it box by box, and for
// the folio, the running header and its rule that add puts on every page.
func reserve(p *page.Page, lists ...[]*vbox) {
	placed, tagged, rules, rects, images, links := 0, 0, 1, 0, 0, 0
	for _, list := range lists {
		for _, b := range list {
			if b.hasTexts() {
				placed++
				tagged += len(b.paths())
			}
			p := b.pieces()
			rules += len(p.Rules)
			rects += len(p.Rects)
			images += len(p.Images)
			links += len(p.Links)
		}
	}
	p.Placed = slices.Grow(p.Placed, placed)
	p.TagMap = slices.Grow(p.TagMap, tagged)
	p.Texts = slices.Grow(p.Texts, 2)
	p.Rules = slices.Grow(p.Rules, rules)
	p.Rects = slices.Grow(p.Rects, rects)
	p.Images = slices.Grow(p.Images, images)
	p.Links = slices.Grow(p.Links, links)
}

// placeNotes sets footnotes at the foot of the page under a short rule, below text y deep. Notes
// that do not fit there, after a box too tall with its notes for any page or after notes carried
// over, are set box by box as far as they fit, at least least boxes; it returns the rest, for the
// next pages.
func (l *lay) placeNotes(f *flow, pg *built, notes []pending, y float64, least int) []pending {
	if len(notes) == 0 {
		return nil
	}
	// fits counts the boxes that fit, when not all do. The room has a hair more than rounding takes:
	// notes that fit found room for are set whole, however their heights add up here.
	room := l.g.TextH - y
	h, fits := l.carried(notes, room+0.01), -1
	if h > room+0.01 {
		h, fits = l.fitNotes(notes, room, least)
		if fits == 0 {
			return notes
		}
	}
	y = l.g.Top + l.g.TextH - h
	pg.p.Rules = append(pg.p.Rules, page.Rule{X1: l.g.Left, Y1: y + 4, X2: l.g.Left + l.g.Measure/3, Y2: y + 4, Width: 0.5, Color: ruleGrey})
	y += noteSep
	for k := range notes {
		p := &notes[k]
		for bs := l.notes[p.id]; p.from < len(bs); p.from++ {
			if fits == 0 {
				return notes[k:]
			}
			if p.from == 0 {
				f.dests = append(f.dests, page.Dest{Name: footnoteDest(p.id), Page: len(f.pages), Y: y})
			}
			l.place(f, pg, bs[p.from], y, false)
			y += bs[p.from].h
			fits--
		}
	}
	return nil
}

// fitNotes counts the boxes of notes that fit in room with their rule, at least least of them, and
// returns their height with the rule.
func (l *lay) fitNotes(notes []pending, room float64, least int) (h float64, n int) {
	h = noteSep
	for _, p := range notes {
		for _, b := range l.notes[p.id][p.from:] {
			if h+b.h > room && n >= least {
				return h, n
			}
			h += b.h
			n++
		}
	}
	return h, n
}

// maxOutlineTitle is where a bookmark's title is cut: a viewer's outline shows a line of it, and
// PDF strings end at 32,767 bytes (a title of 200 KB made a file readers refuse).
const maxOutlineTitle = 300

// outlineTitle is a title as the outline shows it: cut at maxOutlineTitle runes, with an ellipsis.
func outlineTitle(s string) string {
	n := 0
	for i := range s {
		if n == maxOutlineTitle {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// endOnVerso ends a two-sided book's flow on a verso, with a blank page where it ends on a recto,
// so that the next flow (the contents after the title page, the body after the contents) begins
// on a recto.
func (l *lay) endOnVerso(f *flow) {
	if l.book.Settings.TwoSided && len(f.pages)%2 == 1 {
		f.pages = append(f.pages, &built{opening: true, bare: true})
	}
}
