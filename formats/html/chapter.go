// Package html writes chapters of the document tree as XHTML body content: well-formed by
// construction, HTML5 sections, EPUB 3 footnotes. It is a library for backends that package XHTML;
// it is not a backend itself.
package html

import (
	"strconv"

	"bookc/builder/diag"
	"bookc/builder/tree"
)

// Options says how the writer links to what lies outside the chapter.
type Options struct {
	IDs      *IDs                       // the book's XHTML ids, from NewIDs
	Href     func(x *tree.XRef) string  // the link target of a cross-reference
	ImageSrc func(a *tree.Asset) string // the src of an image file
	// Dir is the direction of the document the chapter is written into, as its <html dir> says:
	// "rtl" or "ltr"; "" is "ltr".
	Dir string
	// Pages are the numbers of the printed pages that begin at the chapter's blocks, by the
	// blocks' indexes; StartPages those that begin at the chapter itself. Each is marked where it
	// begins (see PageID).
	Pages      map[int][]string
	StartPages []string
}

// PageID is the id of the mark where the printed page numbered label begins.
func PageID(label string) string { return "bookc-page-" + label }

// pageBreaks marks where the printed pages numbered labels begin: an empty span a reader's page
// navigation goes to, named by the page's number (DPUB-ARIA's doc-pagebreak).
func (w *writer) pageBreaks(labels []string) {
	for _, l := range labels {
		w.x.Element("span", "", "epub:type", "pagebreak", "role", "doc-pagebreak", "id", PageID(l), "aria-label", l)
		w.x.Newline()
	}
}

// writer renders one chapter. It is used by one goroutine.
type writer struct {
	x      *XML
	opt    Options
	source string // the chapter's file, for diagnostics
	diags  diag.List
	notes  map[string]bool // the chapter's footnotes
	refs   map[string]bool // footnotes whose first reference has been written
	inLink int             // > 0 inside a link: links must not nest
	level  int             // the current section's heading level, as written: 1 for the chapter's title
	dir    string          // the direction of the text around what is being written: "ltr" or "rtl"

	rawInline []string // raw HTML elements open in the current inline container
	rawBlock  []string // raw HTML elements open across the current block container's siblings
}

// Chapter writes the chapter's content into x: a section of epub:type chapter holding its blocks,
// with a nested section for each heading, followed by its footnotes. It returns what it could not
// render faithfully.
func Chapter(x *XML, c *tree.Chapter, opt Options) diag.List {
	w := &writer{x: x, opt: opt, source: c.Source, notes: map[string]bool{}, refs: map[string]bool{}, dir: opt.Dir}
	for _, fn := range c.Footnotes {
		w.notes[fn.ID] = true
	}
	w.sections(c.Blocks)
	w.footnotes(c.Footnotes)
	return w.diags
}

// sections writes the chapter's top-level blocks, opening a section at each heading after the title
// and closing the sections of the same or deeper levels before it. A heading is written at its
// section's depth, not at the source's level: the title is the file's one h1, and a "###" right
// under a "#" becomes h2, so that levels never skip (WCAG 1.3.1).
func (w *writer) sections(bs tree.Blocks) {
	w.x.Start("section", "epub:type", "chapter", "role", "doc-chapter", "class", "chapter")
	w.x.Newline()
	var levels []int
	saved := w.rawBlock
	w.rawBlock = nil
	w.pageBreaks(w.opt.StartPages)
	for i, b := range bs {
		h, ok := b.(*tree.Heading)
		if !ok {
			w.pageBreaks(w.opt.Pages[i])
			w.block(b)
			continue
		}
		if i > 0 {
			w.closeRawBlocks() // raw HTML containers never straddle a section boundary
			for len(levels) > 0 && levels[len(levels)-1] >= h.Level {
				w.x.End("section")
				w.x.Newline()
				levels = levels[:len(levels)-1]
			}
			w.x.Start("section")
			w.x.Newline()
			levels = append(levels, h.Level)
		}
		w.level = min(len(levels)+1, 6)
		w.pageBreaks(w.opt.Pages[i])
		w.heading(h, w.level)
		w.x.Newline()
	}
	w.closeRawBlocks()
	w.rawBlock = saved
	for range levels {
		w.x.End("section")
		w.x.Newline()
	}
	w.x.End("section")
	w.x.Newline()
}

// footnotes writes the chapter's footnotes as EPUB 3 footnote asides, each opening with a link back
// to its first reference.
func (w *writer) footnotes(fns []*tree.Footnote) {
	if len(fns) == 0 {
		return
	}
	w.x.Start("div", "class", "footnotes")
	w.x.Newline()
	for _, fn := range fns {
		w.x.Start("aside", "epub:type", "footnote", "role", "doc-footnote", "class", "footnote", "id", w.opt.IDs.Get(fn.ID))
		num := strconv.Itoa(fn.Number)
		lead := func() {
			if w.refs[fn.ID] {
				w.x.Element("a", num, "role", "doc-backlink", "class", "footnote-back", "href", "#"+w.opt.IDs.Ref(fn.ID))
			} else {
				w.x.Element("span", num, "class", "footnote-back")
			}
			w.x.Text(" ")
		}
		w.blocksLead(fn.Blocks, false, lead)
		w.x.End("aside")
		w.x.Newline()
	}
	w.x.End("div")
	w.x.Newline()
}

func (w *writer) warnf(format string, a ...any) {
	w.diags.Add(diag.Warnf(w.source, 0, format, a...))
}
