package epub

import (
	"crypto/sha1"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"

	"bookc/builder/tree"
	"bookc/formats/html"
)

// packed is a file of the package.
type packed struct {
	path      string // in the ZIP: "EPUB/text/usage.xhtml"
	data      []byte
	mediaType string
	stored    bool   // already compressed: stored, not deflated
	fallback  string // path of the file a reader shows when it cannot show this one
	entry     *entry // its archive entry, when it was deflated as soon as made (data is then nil)
}

// packageDoc writes the OPF package document: metadata, a manifest sorted by path and the spine in
// reading order.
func (l *layout) packageDoc(files []packed) []byte {
	b := l.book
	var x html.XML
	x.Markup("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	x.Start("package", "xmlns", "http://www.idpf.org/2007/opf", "version", "3.0", "unique-identifier", "uid", "xml:lang", l.lang)
	x.Newline()

	x.Start("metadata", "xmlns:dc", "http://purl.org/dc/elements/1.1/")
	x.Newline()
	x.Element("dc:identifier", l.uid, "id", "uid")
	x.Newline()
	x.Element("dc:title", l.title)
	x.Newline()
	x.Element("dc:language", l.lang)
	x.Newline()
	if l.access.pageList { // the page-list's numbers are those of this edition's PDF (EPUB 3.3, D.4.1)
		x.Element("dc:source", b.Artifact()+".pdf", "id", "page-source")
		x.Newline()
		x.Element("meta", "pagination", "refines", "#page-source", "property", "source-of")
		x.Newline()
	}
	for i, a := range b.Authors {
		id := "creator-" + strconv.Itoa(i+1)
		x.Element("dc:creator", a, "id", id)
		x.Newline()
		x.Element("meta", "aut", "refines", "#"+id, "property", "role", "scheme", "marc:relators")
		x.Newline()
	}
	if b.Description != "" {
		x.Element("dc:description", b.Description)
		x.Newline()
	}
	stamp := b.Date.UTC().Format("2006-01-02T15:04:05Z")
	x.Element("dc:date", stamp)
	x.Newline()
	x.Element("meta", stamp, "property", "dcterms:modified")
	x.Newline()
	l.access.metadata(&x)
	x.End("metadata")
	x.Newline()

	sorted := slices.Clone(files)
	slices.SortFunc(sorted, func(a, b packed) int { return strings.Compare(a.path, b.path) })
	ids := map[string]string{}
	for i, f := range sorted {
		ids[f.path] = "item-" + strconv.Itoa(i+1)
	}
	ids["EPUB/nav.xhtml"], ids["EPUB/toc.ncx"] = "nav", "ncx"
	x.Start("manifest")
	x.Newline()
	for _, f := range sorted {
		props := ""
		switch {
		case f.path == "EPUB/nav.xhtml":
			props = "nav"
		case strings.HasPrefix(f.path, "EPUB/media/cover."):
			props = "cover-image"
		}
		x.Empty("item", "id", ids[f.path], "href", escapePath(strings.TrimPrefix(f.path, "EPUB/")),
			"media-type", f.mediaType, "properties", props, "fallback", ids[f.fallback])
		x.Newline()
	}
	x.End("manifest")
	x.Newline()

	x.Start("spine", "toc", "ncx", "page-progression-direction", l.dir)
	x.Newline()
	itemref := func(path string) {
		x.Empty("itemref", "idref", ids["EPUB/"+path])
		x.Newline()
	}
	itemref("title.xhtml")
	itemref("nav.xhtml")
	var chapters func([]*tree.Chapter)
	chapters = func(cs []*tree.Chapter) {
		for _, c := range cs {
			if !c.Draft {
				itemref(l.chapterFile(c.ID))
			}
			chapters(c.Children)
		}
	}
	for i, p := range b.Parts {
		if l.partHref[i] != "" {
			itemref(l.partHref[i])
		}
		chapters(p.Chapters)
	}
	x.End("spine")
	x.Newline()
	x.End("package")
	x.Newline()
	return x.Bytes()
}

// uuid5 is the RFC 4122 name-based (SHA-1) UUID of name in the URL namespace: the same book and
// edition always get the same identifier, and different editions different ones.
func uuid5(name string) string {
	ns := [16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	h := sha1.New()
	h.Write(ns[:])
	h.Write([]byte("bookc:" + name))
	u := h.Sum(nil)[:16]
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	s := hex.EncodeToString(u)
	return s[0:8] + "-" + s[8:12] + "-" + s[12:16] + "-" + s[16:20] + "-" + s[20:]
}
