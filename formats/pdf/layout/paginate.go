package layout

import (
	"slices"

	"bookc/formats/pdf/page"
)

// built is one page of a flow, before running headers and folios are added.
type built struct {
	p       page.Page
	running string // the chapter a running header names
	opening bool   // the page opens a chapter or part: no running header
	bare    bool   // no folio either
}

// flow is a paginated sequence of boxes. Page numbers in dests and marks count from 0.
type flow struct {
	pages []*built
	dests []page.Dest
	marks []page.Bookmark
}

const noteSep = 12.0 // space above footnotes, holding their rule

// paginate cuts boxes into pages: breaking where boxes allow it, moving kept boxes (heading and
// first line, last two lines) on together, and putting footnotes on the page that references them.
func (l *lay) paginate(bs []*vbox) *flow {
	f := &flow{}
	placed := map[string]bool{}
	running := ""
	for i := 0; i < len(bs); {
		for i < len(bs) && bs[i].glue {
			i++ // space at the top of a page is dropped
		}
		if i == len(bs) {
			break
		}
		end := l.fit(bs, i, placed)
		first := bs[i].starts()
		pg := &built{opening: first.chapter != nil, bare: first.chapter != nil && first.chapter.bare}
		if first.chapter != nil {
			running = first.chapter.title
		}
		pg.running = running
		y := 0.0
		var header []*vbox
		if !bs[i].newPage {
			header = first.header
		}
		reserve(&pg.p, header, bs[i:end])
		for _, h := range header {
			h.p.Shift(&pg.p, 0, l.g.Top+y)
			y += h.h
		}
		var notes []string
		for _, b := range bs[i:end] {
			at := b.starts()
			if at.chapter != nil {
				running = at.chapter.title
			}
			for _, d := range at.dests {
				f.dests = append(f.dests, page.Dest{Name: d, Page: len(f.pages), Y: l.g.Top + y})
			}
			for _, m := range at.marks {
				f.marks = append(f.marks, page.Bookmark{Title: m.title, Level: m.level, Page: len(f.pages), Y: l.g.Top + y})
			}
			b.p.Shift(&pg.p, 0, l.g.Top+y)
			y += b.h
			for _, n := range b.cited().notes {
				if !placed[n] && l.notes[n] != nil {
					placed[n] = true
					notes = append(notes, n)
				}
			}
		}
		l.placeNotes(f, pg, notes)
		f.pages = append(f.pages, pg)
		i = end
	}
	return f
}

// reserve makes room in p for what the boxes bring, which is shifted into it box by box, and for
// the folio, the running header and its rule that add puts on every page.
func reserve(p *page.Page, header, bs []*vbox) {
	texts, rules, rects, images, links := 2, 1, 0, 0, 0
	for _, list := range [][]*vbox{header, bs} {
		for _, b := range list {
			texts += len(b.p.Texts)
			rules += len(b.p.Rules)
			rects += len(b.p.Rects)
			images += len(b.p.Images)
			links += len(b.p.Links)
		}
	}
	p.Texts = slices.Grow(p.Texts, texts)
	p.Rules = slices.Grow(p.Rules, rules)
	p.Rects = slices.Grow(p.Rects, rects)
	p.Images = slices.Grow(p.Images, images)
	p.Links = slices.Grow(p.Links, links)
}

// fit returns the end of the page that starts with box i.
func (l *lay) fit(bs []*vbox, i int, placed map[string]bool) int {
	y, notesH := 0.0, 0.0
	if h := bs[i].starts().header; h != nil && !bs[i].newPage {
		y = height(h)
	}
	seen := map[string]bool{}
	end := i
	for ; end < len(bs); end++ {
		b := bs[end]
		if end > i && b.newPage {
			return end
		}
		nh := 0.0
		for _, n := range b.cited().notes {
			if !placed[n] && !seen[n] && l.notes[n] != nil {
				if notesH == 0 && nh == 0 {
					nh = noteSep
				}
				nh += height(l.notes[n])
			}
		}
		if end > i && !b.glue && y+b.h+notesH+nh > l.g.TextH {
			break
		}
		for _, n := range b.cited().notes {
			seen[n] = true
		}
		y += b.h
		notesH += nh
	}
	if end == len(bs) || bs[end].newPage {
		return end
	}
	// boxes that must stay with the one that did not fit go on to the next page
	j := end
	for {
		k := j - 1
		for k > i && bs[k].glue {
			k--
		}
		if !bs[k].keep {
			return j
		}
		if k == i {
			return end // the whole page holds together: break inside it after all
		}
		j = k
	}
}

// placeNotes sets footnotes at the foot of the page under a short rule.
func (l *lay) placeNotes(f *flow, pg *built, ids []string) {
	if len(ids) == 0 {
		return
	}
	h := noteSep
	for _, id := range ids {
		h += height(l.notes[id])
	}
	y := l.g.Top + l.g.TextH - h
	pg.p.Rules = append(pg.p.Rules, page.Rule{X1: l.g.Left, Y1: y + 4, X2: l.g.Left + l.g.Measure/3, Y2: y + 4, Width: 0.5, Color: ruleGrey})
	y += noteSep
	for _, id := range ids {
		f.dests = append(f.dests, page.Dest{Name: id, Page: len(f.pages), Y: y})
		for _, b := range l.notes[id] {
			b.p.Shift(&pg.p, 0, y)
			y += b.h
		}
	}
}
