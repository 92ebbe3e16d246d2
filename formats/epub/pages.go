package epub

import (
	"strings"

	"bookc/builder/tree"
	"bookc/formats/html"
)

// document writes an XHTML content document around body; up leads from the document's directory
// back to the package directory ("../" for chapters).
func (l *layout) document(x *html.XML, title, up string, body func()) {
	x.Markup("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n")
	x.Start("html", "xmlns", "http://www.w3.org/1999/xhtml", "xmlns:epub", "http://www.idpf.org/2007/ops",
		"xml:lang", l.lang, "lang", l.lang, "dir", l.htmlDir())
	x.Newline()
	x.Start("head")
	x.Newline()
	x.Element("title", title)
	x.Newline()
	x.Empty("link", "rel", "stylesheet", "type", "text/css", "href", up+"style.css")
	x.Newline()
	x.End("head")
	x.Newline()
	x.Start("body")
	x.Newline()
	body()
	x.End("body")
	x.Newline()
	x.End("html")
	x.Newline()
}

// htmlDir is the dir of every page's <html>: "rtl" for a book in a right-to-left language, else
// none, as left to right is every reader's default.
func (l *layout) htmlDir() string {
	if l.dir == "rtl" {
		return "rtl"
	}
	return ""
}

// titlePage names the book, its edition, authors and date.
func (l *layout) titlePage() []byte {
	b := l.book
	var x html.XML
	l.document(&x, l.title, "", func() {
		x.Start("section", "epub:type", "titlepage", "class", "titlepage")
		x.Newline()
		title := b.Title
		if title == "" {
			title = l.title
		}
		x.Element("h1", title, "class", "title")
		x.Newline()
		if !b.Edition.Full() {
			ed := b.Edition.Title
			if ed == "" {
				ed = b.Edition.Role
			}
			x.Element("p", ed, "class", "edition")
			x.Newline()
		}
		if len(b.Authors) > 0 {
			x.Element("p", strings.Join(b.Authors, ", "), "class", "authors")
			x.Newline()
		}
		if b.Description != "" {
			x.Element("p", b.Description, "class", "description")
			x.Newline()
		}
		if !b.Date.IsZero() {
			x.Element("p", b.Date.UTC().Format("2006-01-02"), "class", "date")
			x.Newline()
		}
		x.End("section")
		x.Newline()
	})
	return x.Bytes()
}

// partPage opens a titled part of the book.
func (l *layout) partPage(p *tree.Part) []byte {
	var x html.XML
	l.document(&x, p.Title, "../", func() {
		x.Start("section", "epub:type", "part", "role", "doc-part", "class", "part")
		x.Element("h1", p.Title, "class", "part-title")
		x.End("section")
		x.Newline()
	})
	return x.Bytes()
}
