package epub

import (
	"bookc/formats/html"
	pdflayout "bookc/formats/pdf/layout"
)

// pages are where the pages of the same edition's PDF begin in the EPUB, for its page-list
// (book.toml's page-list = true): a class reading both can say "page 57" to each other. The PDF's
// layout tells them (PageStarts), which costs this EPUB that layout.
type pages struct {
	start  map[string][]string         // by chapter ID: the pages that begin at the chapter
	blocks map[string]map[int][]string // by chapter ID and block index: those that begin there
	list   []pageRef                   // every page, in order
}

type pageRef struct{ label, href string }

// paginate finds where the edition's printed pages begin; a book without page-list has none.
func (l *layout) paginate() {
	if !l.book.Settings.PageList {
		return
	}
	p := &pages{start: map[string][]string{}, blocks: map[string]map[int][]string{}}
	for _, s := range pdflayout.PageStarts(l.book) {
		id := s.Chapter.ID
		if s.Block < 0 {
			p.start[id] = append(p.start[id], s.Label)
		} else {
			if p.blocks[id] == nil {
				p.blocks[id] = map[int][]string{}
			}
			p.blocks[id][s.Block] = append(p.blocks[id][s.Block], s.Label)
		}
		p.list = append(p.list, pageRef{s.Label, l.chapterHref(id) + "#" + html.PageID(s.Label)})
	}
	l.pages = p
}

// pageNav writes the navigation document's page-list, hidden as the landmarks are: reading
// systems offer it as "go to page".
func (l *layout) pageNav(x *html.XML) {
	if l.pages == nil || len(l.pages.list) == 0 {
		return
	}
	x.Start("nav", "epub:type", "page-list", "role", "doc-pagelist", "id", "page-list", "aria-label", "Pages", "hidden", "hidden")
	x.Newline()
	x.Start("ol")
	x.Newline()
	for _, p := range l.pages.list {
		x.Start("li")
		x.Element("a", p.label, "href", p.href)
		x.End("li")
		x.Newline()
	}
	x.End("ol")
	x.Newline()
	x.End("nav")
	x.Newline()
}
