// Package layout typesets a book: it breaks paragraphs into lines (Knuth–Plass, with
// hyphenation), sets code, tables, lists and figures, and cuts the result into pages with
// footnotes, running headers, a title page and a table of contents. Drawing is not its job.
package layout

import (
	"fmt"
	"maps"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"bookc/builder/diag"
	"bookc/builder/tree"
	"bookc/formats/pdf/hyphen"
	"bookc/formats/pdf/metrics"
	"bookc/formats/pdf/page"
	"bookc/formats/pdf/tags"

	"golang.org/x/sync/errgroup"
)

// passes bounds the layouts run to settle the page numbers that cross-references print.
const passes = 3

// Book lays out an edition: a title page, the contents, then the chapters.
func Book(b *tree.Book) (*page.Doc, diag.List) { return BookTo(b, nil) }

// BookTo lays out an edition as Book does, a large book's last pass giving its pages to sinks
// (Shared.Book).
func BookTo(b *tree.Book, sinks Sinks) (*page.Doc, diag.List) { return solo().Book(b, sinks) }

// Book lays out an edition, sharing work with the other editions of its book laid out with sh.
// With sinks, a large book's last pass gives its pages to the last sink made as it finishes
// them, and the document it returns has none of its own (doc.Pages is nil): a pass that gives
// them and turns out not to be the last abandons its sink.
func (sh *Shared) Book(b *tree.Book, sinks Sinks) (*page.Doc, diag.List) {
	doc, diags, _ := sh.book(b, false, sinks)
	return doc, diags
}

// PageStart is where a page of an edition's PDF begins, in the terms of the tree an EPUB of the
// same edition is written from: in the chapter, at its start (Block -1) or at one of its
// top-level blocks (an index in Chapter.Blocks), with the number the page prints. A page that
// begins inside a block begins at that block; part pages, the title and the contents are not
// listed.
type PageStart struct {
	Label   string
	Chapter *tree.Chapter
	Block   int
}

// PageStarts lays out an edition as Book does and tells where each of its pages begins, for an
// EPUB's page-list with the printed page numbers.
func PageStarts(b *tree.Book) []PageStart {
	_, _, starts := solo().book(b, true, nil)
	return starts
}

// book lays out an edition; with track, it also tells where each body page begins. sinks is
// Book's.
func (sh *Shared) book(b *tree.Book, track bool, sinks Sinks) (*page.Doc, diag.List, []PageStart) {
	var (
		l            *lay
		body, toc    *flow
		refs, labels map[string]string
		num          = folios{title: 1, toc: 1}
		streamed     *streaming // the last pass, if it gave its pages to a sink
		// the contents' length as a pass that measures paginates them, beside its body: it
		// prints no number in them, so they are the same whatever the labels, in every such pass
		measured chan int
		tocPages = -1
	)
	if b.Settings.TwoSided {
		num.title = 2 // the title page and its blank verso
	}
	us := (&lay{book: b}).units()
	front := prefix(us)
	unknown := guessPages(b)
	memos := make([]*memo, len(us))
	for i := range memos {
		memos[i] = newMemo()
	}
	frontMemo := newMemo()
	packs := bigBook(unknown, sh.paged)
	if packs && sh.units == nil {
		defer sh.spills.close() // an edition's alone: the pages keep copies of what they place
	}
	// The first pass lays the book out to number its pages, which no reference prints yet: it
	// puts nothing on them, unless it turns out to be the last (a book without link targets).
	measure := true
	for pass := 0; pass < passes; pass++ {
		body, toc = nil, nil // the previous pass's pages, let go of before this pass makes its own
		passLay := func() *lay {
			pl := newLay(b, refs, frontMemo, sh)
			// packed, a large book measures until the labels settle, rather than put pieces on
			// pages it lets go of: the last pass that may be is the one that puts them
			measuring := measure && (refs == nil || packs && pass < passes-1)
			pl.unknown, pl.track, pl.measure, pl.packs = unknown, track, measuring, packs
			if packs {
				pl.spill = sh.spills.file()
			}
			return pl
		}
		l = passLay()
		if l.packs && (pass > 0 || !l.measure) {
			// what the pass before unpacked, or set and packed, is garbage now, most of the heap
			// the collector paced itself by: collected first, it is not the floor this pass
			// grows twice over (at 30x, 0.1 GB of peak memory for each)
			runtime.GC()
		}
		if l.measure && measured == nil {
			measured = make(chan int, 1)
			cl := passLay()
			go func() { measured <- len(cl.paginate(cl.contents(nil), nil).pages) }()
		}
		if sinks != nil && l.packs && !l.measure && !track {
			l.streaming = l.stream(sinks, refs, num, passLay())
			// the contents it set and drew are garbage too, and were live at the collection it
			// paced the pass by (at 30x, 0.06 GB of peak memory)
			runtime.GC()
		}
		if l.packs {
			body = l.stretches(us, memos)
		} else {
			body = l.paginate(l.body(us, memos), l.shared.paged)
		}
		if st := l.streaming; st != nil {
			st.rest(body)
		} else if !l.measure {
			body.grow() // while the contents are set: a pass that puts pieces on pages is most often the last
		}
		num.split = 0
		if front > 0 {
			num.split = pageOf(body, us[front].dest())
		}
		if st := l.streaming; st != nil {
			// the pass before's numbers are the last pass's, but for a change none foresaw:
			// then the pages given are not the book's, and the next pass gives them again
			if labels = num.labels(body); pass == passes-1 || st.final(num.split, labels, refs) {
				streamed = st
				break
			}
			st.sink.Abandon()
		}
		// the contents' length numbers the prefix pages, and their numbers are in the contents
		for range passes {
			labels = num.labels(body)
			var n int
			if l.measure {
				if tocPages < 0 {
					tocPages = <-measured
				}
				n = tocPages
			} else {
				toc = l.paginate(l.contents(labels), nil)
				n = len(toc.pages)
			}
			if n == num.toc {
				break
			}
			num.toc = n
		}
		if maps.Equal(labels, refs) && l.streaming == nil {
			if l.measure { // the last pass after all: lay it again, on the pages
				measure, pass = false, pass-1
				continue
			}
			break
		}
		refs = labels
		unknown = unknown.without(refs)
	}
	var doc *page.Doc
	var opening int // the title's and the contents' pages
	if streamed != nil {
		doc, opening = streamed.finish(body), streamed.base
	} else {
		title := l.titlePage()
		doc, opening = l.newDoc(), len(title.pages)+len(toc.pages)
		put := func(p *page.Page) { doc.Pages = append(doc.Pages, p) }
		l.opening(doc, title, toc, num, put)
		l.add(doc, body, len(doc.Pages), num.body, put)
	}
	doc.Labels = []page.Label{{Page: 0, Roman: true}, {Page: opening + num.split}}
	level := -1
	for i := range doc.Outline {
		level = min(doc.Outline[i].Level, level+1)
		doc.Outline[i].Level = level
	}
	if _, errs := metrics.ForBook(b.Settings.Fonts); len(errs) > 0 {
		for _, err := range errs {
			l.diags.Add(diag.Errorf("book.toml", 0, "%v", err))
		}
	}
	if cpl, fits, narrow := narrowMeasure(b.Settings); narrow {
		on, or := fmt.Sprintf("paper = %q", b.Settings.Paper.Name), "a larger paper"
		if b.Settings.InnerMargin > 0 || b.Settings.OuterMargin > 0 {
			on, or = on+" between inner-margin and outer-margin", "narrower margins"
		}
		l.diags.Add(diag.Warnf("book.toml", 0, "font-size = %v on %s sets about %d characters a line, fewer than the 60 a book reads well at: use font-size = %v or less, or %s", bodySizeOf(b.Settings), on, cpl, fits, or))
	}
	if l.hyph == nil {
		l.diags.Add(diag.Notef("book.toml", 0, "bookc has no hyphenation patterns for the language %q: the PDF breaks lines only between words (patterns: %s)", b.Language, strings.Join(hyphen.Languages(), ", ")))
	}
	var starts []PageStart
	for i, pg := range body.pages {
		if track && pg.start != nil { // tracked, no page was given to a sink
			starts = append(starts, PageStart{Label: num.body(i), Chapter: pg.start.Chapter, Block: pg.start.Block})
		}
	}
	return doc, l.diags, starts
}

// folios numbers pages as books do: roman for the title page, the contents and the prefix
// chapters (the front matter), arabic from 1 on the first page of the first numbered chapter or part.
type folios struct {
	title int // pages of the title (and its verso)
	toc   int // pages of contents
	split int // the body's first page with an arabic number
}

func (n folios) body(i int) string {
	if i < n.split {
		return roman(n.title + n.toc + i + 1)
	}
	return strconv.Itoa(i - n.split + 1)
}

// labels gives every link target of the body the number of its page.
func (n folios) labels(body *flow) map[string]string {
	labels := map[string]string{}
	for _, d := range body.dests {
		if _, dup := labels[d.Name]; !dup {
			labels[d.Name] = n.body(d.Page)
		}
	}
	return labels
}

func pageOf(f *flow, dest string) int {
	for _, d := range f.dests {
		if d.Name == dest {
			return d.Page
		}
	}
	return 0
}

// prefix counts the units of the front matter: the unnumbered chapters before any part title or
// numbered chapter. A book without numbered chapters has none: it is all body.
func prefix(us []unit) int {
	for i, u := range us {
		if u.chap == nil || u.titled || u.chap.Number != nil {
			return i
		}
	}
	return 0
}

func meta(b *tree.Book) page.Meta {
	subject := b.Edition.Title
	if subject == "" {
		subject = "Full edition"
	}
	return page.Meta{Title: b.Title, Author: strings.Join(b.Authors, ", "), Subject: subject,
		Language: b.Language, Creator: "bookc", Date: b.Date, Archival: b.Settings.Archival}
}

// newDoc is an edition's document, its pages to be added.
func (l *lay) newDoc() *page.Doc {
	return &page.Doc{Width: l.g.W, Height: l.g.H, Meta: meta(l.book), Tags: []tags.Elem{{Role: tags.Document, Parent: -1}}}
}

// opening adds the title page and the contents to the document, giving each page to put, and
// the contents' outline entry.
func (l *lay) opening(doc *page.Doc, title, toc *flow, num folios, put func(*page.Page)) {
	l.add(doc, title, 0, func(int) string { return "" }, put)
	l.add(doc, toc, len(title.pages), func(i int) string { return roman(num.title + i + 1) }, put)
	doc.Outline = append(doc.Outline, page.Bookmark{Title: "Contents", Page: num.title, Y: l.g.Top})
}

// add adds a flow's pages to the document, from page base on, with their running header and
// folio (finishPage), giving each to put.
func (l *lay) add(doc *page.Doc, f *flow, base int, label func(i int) string, put func(*page.Page)) {
	off := l.graft(doc, f, f.tree(), base)
	for i, pg := range f.pages {
		put(l.finishPage(pg, off, base+i, label(i)))
	}
}

// graft adds a flow's structure tree to the document, under its Document, and its link targets
// and outline entries, its pages from base on; it gives the offset the flow's elements moved by.
func (l *lay) graft(doc *page.Doc, f *flow, tree []tags.Elem, base int) int32 {
	doc.Dests = onPages(doc.Dests, f.dests, base, destPage)
	doc.Outline = onPages(doc.Outline, f.marks, base, markPage)
	return tags.Graft(&doc.Tags, tree, 0)
}

// finishPage finishes a page of a flow as page at of the document, its elements moved by off: its
// running header and folio (label); two-sided, a verso mirrored (its text block as far from the
// right edge as a recto's from the left), the running header and the folio at the outer edge.
// Flows are laid out at a recto's left edge.
func (l *lay) finishPage(pg *built, off int32, at int, label string) *page.Page {
	p := &pg.p
	for k := range p.Tags {
		p.Tags[k] += off
	}
	left, recto, two := l.g.Left, at%2 == 0, l.book.Settings.TwoSided
	if two && !recto && l.g.Verso() != l.g.Left {
		dx := l.g.Verso() - l.g.Left
		moved := page.Page{Tags: p.Tags, Placed: p.Placed, TagMap: p.TagMap, DX: p.DX + dx}
		p.Shift(&moved, dx, 0)
		*p = moved
		left += dx
	}
	// outer is where a text w wide starts at the text block's outer edge: a verso's left, a
	// recto's right
	outer := func(w float64) float64 {
		if recto {
			return left + l.g.Measure - w
		}
		return left
	}
	if label != "" && !pg.bare {
		st := style{faces: l.faces, font: page.Regular, size: l.pt(smallSize), color: grey}
		w := st.face().Width(label, st.size)
		x := left + (l.g.Measure-w)/2
		if two {
			x = outer(w)
		}
		p.Texts = append(p.Texts, page.Text{X: x, Y: l.g.FooterY, Font: st.face().Font, Size: st.size, Color: st.color, S: label})
	}
	// the running header: the sub-chapter's or chapter's title; two-sided, the chapter's on
	// the verso and the section's on the recto, as a book's spread reads
	head := pg.inner
	if two {
		head = pg.chapter
		if recto {
			head = pg.section
		}
	}
	if !pg.opening && head != "" {
		st := style{faces: l.faces, font: page.Italic, size: l.pt(smallSize), color: grey}
		s := fitText(head, st, l.g.Measure)
		x := left
		if two {
			x = outer(st.face().Width(s, st.size))
		}
		p.Texts = append(p.Texts, page.Text{X: x, Y: l.g.HeaderY, Font: st.face().Font, Size: st.size, Color: st.color, S: s})
		p.Rules = append(p.Rules, page.Rule{X1: left, Y1: l.g.HeaderY + l.pt(5), X2: left + l.g.Measure, Y2: l.g.HeaderY + l.pt(5), Width: 0.4, Color: ruleGrey})
	}
	return p
}

// onPages appends to dst the link targets or outline entries of src, each by pages further on.
func onPages[T any](dst, src []T, by int, pageOf func(*T) *int) []T {
	for _, v := range src {
		*pageOf(&v) += by
		dst = append(dst, v)
	}
	return dst
}

func destPage(d *page.Dest) *int     { return &d.Page }
func markPage(m *page.Bookmark) *int { return &m.Page }

// fitText shortens s with an ellipsis until it fits the width: to the longest prefix that fits
// with it. It measures rune by rune, without kerning, and stops at the width, so a title of any
// length costs only the runes that fit, on every page; kerning only narrows, so the prefix is
// then grown while the shaped text still fits.
func fitText(s string, st style, w float64) string {
	fc := st.face()
	pt := func(units float64) float64 { return units * st.size / 1000 }
	ell := fc.RuneWidth('…', 1000)
	units, cut := 0.0, 0 // the units of s up to i; the end of the longest prefix that fits with "…"
	for i, r := range s {
		if pt(units+ell) <= w {
			cut = i
		}
		if units += fc.RuneWidth(r, 1000); pt(units) > w {
			for cut < len(s) {
				_, n := utf8.DecodeRuneInString(s[cut:])
				if fc.Width(s[:cut+n]+"…", st.size) > w {
					break
				}
				cut += n
			}
			return s[:cut] + "…"
		}
	}
	return s
}

func roman(n int) string {
	var sb strings.Builder
	for _, v := range []struct {
		n int
		s string
	}{{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}} {
		for ; n >= v.n; n -= v.n {
			sb.WriteString(v.s)
		}
	}
	return sb.String()
}

// unit is a part page or a chapter without its sub-chapters: what one worker lays out.
type unit struct {
	part   int // index of the part whose title page this is, or -1
	chap   *tree.Chapter
	level  int  // in the outline
	depth  int  // 0 for a top-level chapter, 1 for a sub-chapter, 2 for its sub-chapters...
	titled bool // the chapter is in a titled part
}

// dest names the unit's first page.
func (u unit) dest() string {
	if u.chap == nil {
		return partDest(u.part)
	}
	return chapterDest(u.chap.ID)
}

func (l *lay) units() []unit {
	var us []unit
	var walk func(cs []*tree.Chapter, level, depth int, titled bool)
	walk = func(cs []*tree.Chapter, level, depth int, titled bool) {
		for _, c := range cs {
			if !c.Draft { // a draft has no pages: the contents list its title only
				us = append(us, unit{part: -1, chap: c, level: level, depth: depth, titled: titled})
			}
			walk(c.Children, level+1, depth+1, titled)
		}
	}
	for i, part := range l.book.Parts {
		level := 0
		if part.Title != "" {
			us = append(us, unit{part: i})
			level = 1
		}
		walk(part.Chapters, level, 0, part.Title != "")
	}
	return us
}

// body lays out every part page and chapter, concurrently, and joins them in reading order.
func (l *lay) body(us []unit, memos []*memo) []*vbox {
	lays := make([]*lay, len(us))
	boxes := make([][]*vbox, len(us))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, u := range us {
		g.Go(func() error {
			lays[i], boxes[i] = l.setUnit(u, memos[i])
			return nil
		})
	}
	_ = g.Wait() // the workers return no errors
	n := 0
	for _, bs := range boxes {
		n += len(bs)
	}
	out := make([]*vbox, 0, n)
	for i, c := range lays {
		out = append(out, boxes[i]...)
		maps.Copy(l.notes, c.notes)
		l.diags = append(l.diags, c.diags...)
	}
	return out
}

// setUnit lays out a part page or chapter for this pass: as the pass before or another edition
// set it, its page numbers brought up to date, or anew, kept in m for the next pass (packed when
// the pass packs units). It gives the unit's layout, which holds its footnotes and diagnostics,
// and its boxes.
func (l *lay) setUnit(u unit, m *memo) (*lay, []*vbox) {
	c := newLay(l.book, l.refs, m, l.shared)
	c.unknown, c.track, c.packs, c.unpacked, c.spill = l.unknown, l.track, l.packs, l.unpacked, l.spill
	c.words, c.cuts, c.room = metrics.NewMemo(), cutMemos.Get().(*cutMemo), rooms.Get().(*room)
	defer func() {
		c.words.Done()
		cutMemos.Put(c.cuts)
		rooms.Put(c.room)
		c.words, c.cuts, c.room = nil, nil, nil
	}()
	if bs, ok := c.reuseUnit(m.unit); ok {
		return c, bs
	}
	var bs []*vbox
	set := func() *setUnit {
		if u.chap == nil {
			bs = c.partPage(l.book.Parts[u.part], u.part)
		} else {
			bs = c.chapter(u.chap, u.level, u.depth)
		}
		// kept as they are: paginating only reads boxes, and the next pass takes copies
		su := newSetUnit(bs, c.notes, slices.Clone(c.diags))
		if c.packs {
			su.pack(c.spill)
		}
		return su
	}
	if u.chap != nil && l.shared.units != nil && !l.track {
		// as another edition or the build before set it, or set here for them
		su := made(l.shared.units, c.unitKey(u, m), set)
		if rbs, ok := c.reuseUnit(su); ok {
			m.unit = su
			return c, rbs
		}
	}
	m.unit = set()
	return c, bs
}

// unitKey is the unit's key in Shared.units for this pass, its fingerprint taken once in m.
func (l *lay) unitKey(u unit, m *memo) unitKey {
	if m.key == nil {
		c := *u.chap
		c.Children = nil
		m.key = &unitKey{content: l.shared.printOf(reflect.ValueOf(c)), level: u.level, depth: u.depth, titled: u.titled, unknown: l.guessedIn(&c)}
	}
	k := *m.key
	k.numbered = l.refs != nil
	return k
}

// guessedIn is what the chapter's references print before their pages are known, in order.
func (l *lay) guessedIn(c *tree.Chapter) string {
	var sb strings.Builder
	tree.WalkChapter(c, nil, func(in tree.Inline) {
		if x, ok := in.(*tree.XRef); ok {
			sb.WriteString(l.unknown.of(xrefDest(x.Chapter, x.Anchor)))
			sb.WriteByte(' ')
		}
	})
	return sb.String()
}

// reuseUnit takes a unit as the previous pass set it, its page numbers brought up to date, unless
// one changed its width: then the lines that print it, and what follows, must be set again.
func (l *lay) reuseUnit(u *setUnit) ([]*vbox, bool) {
	if u == nil {
		return nil, false
	}
	as := placing
	if l.measure {
		as = lean
	}
	ubs, unotes, err := u.boxes(as, l.unpacked)
	if err != nil {
		return nil, false // set again, as the data cannot be read back
	}
	ids := slices.Sorted(maps.Keys(unotes))
	nums := l.printed(nil, ubs)
	for _, id := range ids {
		nums = l.printed(nums, unotes[id])
	}
	// the same boxes as last time where they print the same numbers: paginating them again can
	// take the pages cut from them then (Shared.paged)
	if last := u.last.Load(); last != nil && slices.Equal(last.nums, nums) {
		l.notes, l.diags = last.notes, slices.Clone(u.diags)
		return last.bs, true
	}
	bs, ok := l.renumber(ubs)
	if !ok {
		return nil, false
	}
	notes := make(map[string][]*vbox, len(unotes))
	same := true // every number prints as in u: its own boxes, not kept again
	for _, id := range ids {
		if notes[id], ok = l.renumber(unotes[id]); !ok {
			return nil, false
		}
		same = same && identical(notes[id], unotes[id])
	}
	if u.packed == nil && (!same || !identical(bs, ubs)) { // a packed unit's boxes are unpacked each time: none are kept
		u.last.Store(&renumbered{nums, bs, notes})
	}
	l.notes, l.diags = notes, slices.Clone(u.diags)
	return bs, true
}

// printed appends to nums the page numbers the boxes print, as renumber would print them.
func (l *lay) printed(nums []string, bs []*vbox) []string {
	for _, b := range bs {
		for _, r := range b.cited().refs {
			nums = append(nums, l.pageRef(r.dest))
		}
	}
	return nums
}

// partDest names a part's page; IDs of the book never hold a colon.
func partDest(i int) string { return "bookc:part-" + strconv.Itoa(i+1) }

// partPage is a page of its own with the part's title.
func (l *lay) partPage(part *tree.Part, i int) []*vbox {
	defer l.unhyphenated()()
	st := style{faces: l.faces, heading: true, font: page.Bold, size: l.pt(24), color: black}
	lines := tagged(l.setRuns([]run{{st: &st, text: part.Title}}, l.g.Left, l.g.Measure, l.pt(32), center), tags.H1)
	top := &vbox{h: l.g.TextH / 3, newPage: true, flow: &flowInfo{chapter: &chapMark{title: part.Title, opens: true, bare: true, part: true},
		dests: []string{partDest(i)}, marks: []mark{{title: part.Title, open: true}}}}
	return append([]*vbox{top}, lines...)
}

// chapter sets a chapter: a top-level chapter starts a page with its number and title; a
// sub-chapter runs on after some space, under a heading scaled to its depth, or, with
// page-break = "section", starts a page with that heading.
func (l *lay) chapter(c *tree.Chapter, level, depth int) []*vbox {
	l.chap, l.level, l.depth = c, level, depth
	for _, fn := range c.Footnotes {
		l.notes[fn.ID] = l.footnote(fn)
	}
	restore := l.unhyphenated()
	title := tree.Inlines{&tree.Text{Text: c.Title}}
	dests := []string{chapterDest(c.ID)}
	if len(c.Blocks) > 0 {
		if h, ok := c.Blocks[0].(*tree.Heading); ok {
			title = h.Content
			dests = append(dests, headingDest(h.ID))
		}
	}
	plain := numbered(c, numberGap, tree.PlainText(title))
	var head []*vbox
	if depth == 0 {
		head = l.chapterOpening(c, title, plain, level, dests)
	} else {
		head = l.subOpening(c, title, plain, level, depth, dests)
	}
	restore()
	if l.track {
		own(head[0]).start = &PageStart{Chapter: c, Block: -1}
	}
	if len(c.Blocks) > 1 {
		head = append(head, l.blocks(c.Blocks[1:], l.g.Left, l.g.Measure)...)
	}
	if end := unreferencedNotes(c); end != nil {
		head = append(head, end)
	}
	l.missing.diagnose(&l.diags, c.Source)
	return head
}

// chapterOpening starts a page with a top-level chapter's number ("Chapter 2"), its title and a rule.
func (l *lay) chapterOpening(c *tree.Chapter, title tree.Inlines, plain string, level int, dests []string) []*vbox {
	head := []*vbox{{h: l.pt(24), newPage: true, flow: &flowInfo{chapter: &chapMark{title: plain, opens: true, depth: level}, dests: dests, marks: []mark{{title: plain, level: level}}}}}
	if c.Number != nil {
		st := style{faces: l.faces, font: page.Regular, size: l.pt(13), color: grey}
		head = append(head, l.setRuns([]run{{st: &st, text: "Chapter" + nbsp + c.Number.String()}}, l.g.Left, l.g.Measure, l.pt(22), left)...)
	}
	st := style{faces: l.faces, heading: true, font: page.Bold, size: l.pt(headingSizes[1]), color: black}
	head = append(head, l.setRuns(l.runs(title, st, nil), l.g.Left, l.g.Measure, l.pt(28), left)...)
	wrap(head, tags.New(tags.Heading(level+1))) // "Chapter 2" and the title, one heading
	rule := &vbox{h: l.pt(26)}
	rule.more().Rules = append(rule.more().Rules, page.Rule{X1: l.g.Left, Y1: l.pt(8), X2: l.g.Left + l.g.Measure, Y2: l.pt(8), Width: 0.8, Color: black})
	head = append(head, rule)
	keepTogether(head)
	return head
}

// subSizes are the sizes of sub-chapters' titles by depth: a sub-chapter's a little larger than a
// section heading (headingSizes[2]), deeper ones smaller, never below a section's.
var subSizes = [...]float64{0, 18, 16.5, 15}

// runOnSkip is the space above a sub-chapter that runs on.
const runOnSkip = 30.0

// numberGap is what comes between a chapter's number and its title, in its heading, the contents,
// running headers and the outline alike ("2.1  Launch locally"); tiedGap is it in text that
// lines break, of no-break spaces, so that the number stays with the title's first word.
const (
	numberGap = "  "
	tiedGap   = nbsp + nbsp
)

// numbered is a chapter's title after its number and gap, if it has a number.
func numbered(c *tree.Chapter, gap, title string) string {
	if c.Number == nil {
		return title
	}
	return c.Number.String() + gap + title
}

// subOpening sets a sub-chapter's heading, its number before its title ("2.1 Launch locally"),
// which stays with what follows: after some space where it runs on, or at the top of a page of
// its own where sub-chapters start pages.
func (l *lay) subOpening(c *tree.Chapter, title tree.Inlines, plain string, level, depth int, dests []string) []*vbox {
	size := l.pt(subSizes[min(depth, len(subSizes)-1)])
	st := style{faces: l.faces, heading: true, font: page.Bold, size: size, color: black}
	var rs []run
	if c.Number != nil {
		rs = append(rs, run{st: &st, text: numbered(c, tiedGap, "")})
	}
	lines := tagged(l.setRuns(l.runs(title, st, rs), l.g.Left, l.g.Measure, size*1.3, left), tags.Heading(level+1))
	if len(lines) == 0 {
		lines = []*vbox{{h: size * 1.3}}
	}
	pages := l.book.Settings.SectionPages
	running := &chapMark{title: plain, level: subHead, opens: pages, depth: level}
	var head []*vbox
	in := lines[0].info()
	if pages {
		head = append(head, &vbox{h: l.pt(24), newPage: true, flow: &flowInfo{chapter: running}})
	} else {
		head = append(head, &vbox{h: l.pt(runOnSkip), glue: true, stretch: float32(l.pt(runOnSkip / 3))})
		in.chapter = running
	}
	in.dests, in.marks = append(dests, in.dests...), append(in.marks, mark{title: plain, level: level})
	head = append(head, lines...)
	head = append(head, &vbox{h: l.pt(8), glue: true})
	keepTogether(head)
	return head
}

// unreferencedNotes is an empty box at the chapter's end that cites the footnotes nothing in the
// text cites: they go to the foot of the chapter's last page, after the others.
func unreferencedNotes(c *tree.Chapter) *vbox {
	var ids []string
	for _, fn := range c.Footnotes {
		if fn.Unreferenced {
			ids = append(ids, fn.ID)
		}
	}
	if ids == nil {
		return nil
	}
	return &vbox{cites: &cites{notes: ids}}
}

// footnote sets a footnote in the small size, its number hanging in the margin of the note.
func (l *lay) footnote(fn *tree.Footnote) []*vbox {
	size, lead := l.size, l.lead
	l.size, l.lead = l.pt(noteSize), l.pt(noteLead)
	l.nest++
	bs := l.blocks(fn.Blocks, l.g.Left+l.pt(14), l.g.Measure-l.pt(14))
	l.size, l.lead = size, lead
	l.nest--
	if first := firstText(bs); first != nil {
		putLabel(first, page.Text{X: l.g.Left, Y: first.base, Font: l.faces.Face(page.Regular, false).Font, Size: l.pt(noteSize), Color: black, S: strconv.Itoa(fn.Number)})
	}
	return tagged(bs, tags.Note)
}
