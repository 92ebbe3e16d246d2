// Package epub renders an edition as an EPUB 3 book with an EPUB 2 NCX for older readers, packaged by
// its own ZIP writer so that the same tree always gives the same bytes.
package epub

import (
	"runtime"

	"golang.org/x/sync/errgroup"

	"bookc/builder/diag"
	"bookc/builder/tree"
	"bookc/formats"
	"bookc/formats/html"
	"bookc/formats/memo"
)

func init() { formats.Register(backend{}) }

type backend struct {
	streams *memo.Bytes // from ForBook: the files compressed so far; nil: each Render on its own
}

func (backend) Name() string { return "epub" }

func (be backend) Render(b *tree.Book) (*formats.Output, error) { return write(b, be.streams) }

// ForBook returns a backend whose renders of one book's editions compress each file they have
// alike once; a backend that is one already, itself.
func (be backend) ForBook() formats.Backend {
	if be.streams != nil {
		return be
	}
	return backend{streams: memo.New()}
}

// Renew returns the backend for the next build of the same book: the files this one compressed
// (formats.Sharing).
func (be backend) Renew() formats.Backend {
	if be.streams == nil {
		return be.ForBook()
	}
	return backend{streams: be.streams.Renew()}
}

// ColoursCode: the XHTML spans code tokens for the style sheet to colour.
func (backend) ColoursCode() {}

// Render writes the book as one EPUB file named after its artifact stem.
func Render(b *tree.Book) (*formats.Output, error) { return write(b, nil) }

func write(b *tree.Book, streams *memo.Bytes) (*formats.Output, error) {
	l := newLayout(b)
	var diags diag.List
	diags.Add(l.diags...)
	var em *embedded // the fonts the EPUB carries; nil: none
	if b.Settings.EPUBFonts {
		em = embed(b.Settings.Fonts)
	}

	// Each chapter is deflated as soon as it is rendered: a big book's pages are never all in
	// memory at once.
	chapters := b.Written()
	entries := make([]entry, len(chapters))
	chDiags := make([]diag.List, len(chapters))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, c := range chapters {
		g.Go(func() error {
			var body []byte
			body, chDiags[i] = l.chapterDoc(c)
			entries[i] = deflate(packed{path: "EPUB/" + l.chapterFile(c.ID), data: body}, streams)
			return nil
		})
	}
	g.Wait() // the chapters fail on nothing
	for _, d := range chDiags {
		diags.Add(d...)
	}

	const xhtml = "application/xhtml+xml"
	files := []packed{
		{path: "EPUB/title.xhtml", data: l.titlePage(), mediaType: xhtml},
		{path: "EPUB/nav.xhtml", data: l.navDoc(), mediaType: xhtml},
		{path: "EPUB/toc.ncx", data: l.ncx(), mediaType: "application/x-dtbncx+xml"},
		{path: "EPUB/style.css", data: stylesheet(em), mediaType: "text/css"},
		l.cover(),
	}
	for i, p := range b.Parts {
		if p.Title != "" {
			files = append(files, packed{path: "EPUB/" + l.partHref[i], data: l.partPage(p), mediaType: xhtml})
		}
	}
	for i := range chapters {
		files = append(files, packed{path: entries[i].name, mediaType: xhtml, entry: &entries[i]})
	}
	for _, a := range l.assets {
		f := packed{path: "EPUB/" + a.href, data: a.data, mediaType: a.mediaType, stored: a.compressed}
		if fb := a.fallback; fb != nil {
			f.fallback = "EPUB/" + fb.href
			files = append(files, packed{path: f.fallback, data: fb.data, mediaType: fb.mediaType, stored: fb.compressed})
		}
		files = append(files, f)
	}
	if em != nil {
		seen := map[string]bool{}
		for _, f := range em.faces {
			if !seen[f.href] { // a file that serves several faces is packed once
				seen[f.href] = true
				files = append(files, packed{path: "EPUB/" + f.href, data: f.data, mediaType: "font/ttf"})
			}
		}
	}
	opf := l.packageDoc(files)
	parts, err := pack(b.Date, opf, files, streams)
	if err != nil {
		return nil, err
	}
	return &formats.Output{
		Files:       []formats.File{{Name: b.Artifact() + ".epub", Parts: parts}},
		Diagnostics: diags,
	}, nil
}

// chapterDoc renders a chapter as a complete XHTML content document.
func (l *layout) chapterDoc(c *tree.Chapter) ([]byte, diag.List) {
	var x html.XML
	title := c.Title
	if title == "" {
		title = l.title
	}
	var diags diag.List
	l.document(&x, title, "../", func() {
		opt := html.Options{IDs: l.ids, Href: l.xrefHref, ImageSrc: l.imageSrc, Dir: l.dir}
		if l.pages != nil {
			opt.StartPages, opt.Pages = l.pages.start[c.ID], l.pages.blocks[c.ID]
		}
		diags = html.Chapter(&x, c, opt)
	})
	return x.Bytes(), diags
}
