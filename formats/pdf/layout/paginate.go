package layout

import (
	"slices"

	"bookc/formats/pdf/page"
	"bookc/formats/pdf/tags"
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
	tags  tagLog // what its pages' structure tree is made of
}

const noteSep = 12.0 // space above footnotes, holding their rule

// paginate cuts boxes into pages: breaking where boxes allow it, moving kept boxes (heading and
// first line, last two lines) on together, and putting footnotes on the page that references them.
func (l *lay) paginate(bs []*vbox) *flow {
	f := &flow{}
	placed := map[string]bool{}
	var carry []pending // footnotes that did not fit the page that references them
	running := ""
	for i := 0; i < len(bs); {
		for i < len(bs) && bs[i].glue {
			i++ // space at the top of a page is dropped
		}
		if i == len(bs) {
			break
		}
		if len(carry) > 0 && bs[i].newPage {
			carry = l.notesPage(f, running, carry) // a chapter's notes end before the next chapter
			continue
		}
		end := l.fit(bs, i, placed, l.carried(carry, l.g.TextH))
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
			from := counts(&pg.p)
			h.p.Shift(&pg.p, 0, l.g.Top+y)
			f.tags.repeat(&pg.p, h, from)
			y += h.h
		}
		notes, bottom := carry, y // bottom: of the last box that is not space, which may hang past the notes
		for _, b := range bs[i:end] {
			at := b.starts()
			if c := at.chapter; c != nil {
				running = c.title
				if c.part {
					f.tags.section(tags.Part, c.level)
				} else {
					f.tags.section(tags.Sect, c.level)
				}
			}
			for _, d := range at.dests {
				f.dests = append(f.dests, page.Dest{Name: d, Page: len(f.pages), Y: l.g.Top + y})
			}
			for _, m := range at.marks {
				f.marks = append(f.marks, page.Bookmark{Title: outlineTitle(m.title), Level: m.level, Page: len(f.pages), Y: l.g.Top + y, Open: m.open})
			}
			from := counts(&pg.p)
			b.p.Shift(&pg.p, 0, l.g.Top+y)
			f.tags.place(&pg.p, b, from)
			if y += b.h; !b.glue {
				bottom = y
			}
			for _, n := range b.cited().notes {
				if !placed[n] && l.notes[n] != nil {
					placed[n] = true
					notes = append(notes, pending{id: n})
				}
			}
		}
		carry = l.placeNotes(f, pg, notes, bottom, 0)
		f.pages = append(f.pages, pg)
		i = end
	}
	for len(carry) > 0 {
		carry = l.notesPage(f, running, carry)
	}
	return f
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
func (l *lay) notesPage(f *flow, running string, notes []pending) []pending {
	pg := &built{running: running}
	rest := l.placeNotes(f, pg, notes, 0, 1)
	f.pages = append(f.pages, pg)
	return rest
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

// fit returns the end of the page that starts with box i, below which notesH of footnotes carried
// over from the page before wait.
func (l *lay) fit(bs []*vbox, i int, placed map[string]bool, notesH float64) int {
	y := 0.0
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
			from := counts(&pg.p)
			bs[p.from].p.Shift(&pg.p, 0, y)
			f.tags.place(&pg.p, bs[p.from], from)
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
