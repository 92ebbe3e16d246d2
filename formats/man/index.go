package man

import (
	"strconv"
	"strings"

	"bookc/builder/tree"
	"bookc/formats/man/roff"
)

// renderIndex writes the index page: what the book is, its chapters with their page names as a
// table of contents (its SEE ALSO, in effect), its authors.
func (bk *book) renderIndex() []byte {
	p := bk.newPage(bk.index, nil)
	title := bk.title()
	if bk.Edition.Title != "" {
		title += " (" + bk.Edition.Title + ")"
	}
	p.nameSection(bk.index.name, title)
	p.section("DESCRIPTION")
	if bk.Description != "" {
		p.w.Para()
		p.w.Text(bk.Description)
	}
	p.w.Para()
	p.w.Text("This is " + bk.title())
	if bk.Edition.Title != "" {
		p.w.Text(", " + bk.Edition.Title + ",")
	}
	p.w.Text(" as manual pages: a page for each chapter, listed below.")
	if len(bk.Chapters()) > 0 {
		p.section("CONTENTS")
	}
	for _, part := range bk.Parts {
		if part.Title != "" {
			p.w.Para()
			p.w.SetFont(roff.B)
			p.w.Text(part.Title)
			p.w.SetFont(roff.R)
		}
		p.w.Request("PD", "0")
		p.contents(part.Chapters)
		p.w.Request("PD")
	}
	if len(bk.Authors) > 0 {
		p.section("AUTHORS")
		p.w.Text(strings.Join(bk.Authors, ", "))
	}
	return p.finish()
}

// contents lists chapters with their numbers, titles and page names, sub-chapters indented.
func (p *page) contents(cs []*tree.Chapter) {
	width := 2
	for _, c := range cs {
		width = max(width, len(c.Number.String())+2)
	}
	indent := strconv.Itoa(width)
	for _, c := range cs {
		tag := `\(bu`
		if c.Number != nil {
			tag = c.Number.String() + "."
		}
		p.w.Request("IP", tag, indent)
		p.w.Text(c.Title)
		if name, ok := p.page[c.ID]; ok {
			p.w.Text(" ")
			p.w.Glyph(`\(em`)
			p.w.Text(" ")
			p.ref(name)
		} else {
			p.w.Text(" (not yet written)")
		}
		if len(c.Children) > 0 {
			p.w.Request("RS", indent)
			p.contents(c.Children)
			p.w.Request("RE")
		}
	}
}
