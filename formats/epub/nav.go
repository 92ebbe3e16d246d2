package epub

import (
	"strconv"

	"bookc/builder/tree"
	"bookc/formats/html"
)

// navEntry is one line of the table of contents, shared by nav.xhtml and the NCX.
type navEntry struct {
	label    string
	href     string // from the package directory; empty for a draft, which has no page
	children []*navEntry
}

// toc nests the book as SUMMARY.md does: parts, chapters, sub-chapters, and within each chapter its
// section headings, which come before its sub-chapters in reading order.
func (l *layout) toc() []*navEntry {
	var out []*navEntry
	for i, p := range l.book.Parts {
		var chs []*navEntry
		for _, c := range p.Chapters {
			chs = append(chs, l.chapterEntry(c))
		}
		if l.partHref[i] != "" {
			out = append(out, &navEntry{label: p.Title, href: l.partHref[i], children: chs})
		} else {
			out = append(out, chs...)
		}
	}
	if len(out) == 0 { // a book without chapters: both formats need one entry
		out = append(out, &navEntry{label: l.title, href: "title.xhtml"})
	}
	return out
}

func (l *layout) chapterEntry(c *tree.Chapter) *navEntry {
	if c.Draft {
		e := &navEntry{label: label(c)}
		for _, child := range c.Children {
			e.children = append(e.children, l.chapterEntry(child))
		}
		return e
	}
	href := l.chapterHref(c.ID)
	e := &navEntry{label: label(c), href: href}
	var sections func([]*tree.Section) []*navEntry
	sections = func(ss []*tree.Section) []*navEntry {
		var out []*navEntry
		for _, s := range ss {
			if s.Heading.ID == "" { // nothing to link to: its subsections move up
				out = append(out, sections(s.Children)...)
				continue
			}
			out = append(out, &navEntry{label: sectionLabel(s.Heading), href: href + "#" + l.ids.Get(s.Heading.ID),
				children: sections(s.Children)})
		}
		return out
	}
	e.children = sections(c.Sections())
	for _, child := range c.Children {
		e.children = append(e.children, l.chapterEntry(child))
	}
	return e
}

// bodyStart is where a reader starts: the book's first chapter, which in an mdBook book is its
// introduction, a prefix chapter, so it is not skipped on the way to chapter 1.
func (l *layout) bodyStart() string {
	if chapters := l.book.Written(); len(chapters) > 0 {
		return l.chapterHref(chapters[0].ID)
	}
	return ""
}

// navDoc is the EPUB 3 navigation document: the table of contents and the landmarks.
func (l *layout) navDoc() []byte {
	var x html.XML
	l.document(&x, "Contents", "", func() {
		x.Start("nav", "epub:type", "toc", "role", "doc-toc", "id", "toc")
		x.Newline()
		x.Element("h1", "Contents")
		x.Newline()
		var list func([]*navEntry)
		list = func(es []*navEntry) {
			x.Start("ol")
			x.Newline()
			for _, e := range es {
				x.Start("li")
				if e.href == "" {
					// a draft: HTML's placeholder link, an a without href, which EPUB's nav allows
					// where a span would need sub-entries
					x.Element("a", e.label)
				} else {
					x.Element("a", e.label, "href", e.href)
				}
				if len(e.children) > 0 {
					x.Newline()
					list(e.children)
				}
				x.End("li")
				x.Newline()
			}
			x.End("ol")
			x.Newline()
		}
		list(l.toc())
		x.End("nav")
		x.Newline()
		l.pageNav(&x)

		x.Start("nav", "epub:type", "landmarks", "id", "landmarks", "hidden", "hidden")
		x.Newline()
		x.Element("h2", "Landmarks")
		x.Newline()
		x.Start("ol")
		x.Newline()
		landmark := func(typ, href, text string) {
			x.Start("li")
			x.Element("a", text, "epub:type", typ, "href", href)
			x.End("li")
			x.Newline()
		}
		landmark("titlepage", "title.xhtml", "Title page")
		landmark("toc", "nav.xhtml#toc", "Contents")
		if start := l.bodyStart(); start != "" {
			landmark("bodymatter", start, "Start of content")
		}
		x.End("ol")
		x.Newline()
		x.End("nav")
		x.Newline()
	})
	return x.Bytes()
}

// ncx is the EPUB 2 table of contents, which Adobe's and Kobo's older engines still read.
func (l *layout) ncx() []byte {
	toc := l.toc()
	var depth func([]*navEntry) int
	depth = func(es []*navEntry) int {
		d := 0
		for _, e := range es {
			if e.href == "" { // a draft: the NCX lists its sub-chapters in its place
				d = max(d, depth(e.children))
			} else {
				d = max(d, 1+depth(e.children))
			}
		}
		return d
	}
	var x html.XML
	x.Markup("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	x.Start("ncx", "xmlns", "http://www.daisy.org/z3986/2005/ncx/", "version", "2005-1", "xml:lang", l.lang)
	x.Newline()
	x.Start("head")
	x.Newline()
	for _, m := range [][2]string{{"dtb:uid", l.uid}, {"dtb:depth", strconv.Itoa(depth(toc))},
		{"dtb:totalPageCount", "0"}, {"dtb:maxPageNumber", "0"}} {
		x.Empty("meta", "name", m[0], "content", m[1])
		x.Newline()
	}
	x.End("head")
	x.Newline()
	x.Start("docTitle")
	x.Element("text", l.title)
	x.End("docTitle")
	x.Newline()
	x.Start("navMap")
	x.Newline()
	order := 0
	var points func([]*navEntry)
	points = func(es []*navEntry) {
		for _, e := range es {
			if e.href == "" { // a navPoint needs content: a draft has none
				points(e.children)
				continue
			}
			order++
			n := strconv.Itoa(order)
			x.Start("navPoint", "id", "np-"+n, "playOrder", n)
			x.Start("navLabel")
			x.Element("text", e.label)
			x.End("navLabel")
			x.Empty("content", "src", e.href)
			x.Newline()
			points(e.children)
			x.End("navPoint")
			x.Newline()
		}
	}
	points(toc)
	x.End("navMap")
	x.Newline()
	x.End("ncx")
	x.Newline()
	return x.Bytes()
}
