// Package draw paints laid-out pages into a PDF: fpdf makes the document (pages, links, the
// information); the pages' text and shapes are written by draw's own encoder, on every core, and
// joined to fpdf's pages with the fonts' subsets, which draw embeds itself, the vector drawings'
// forms, the raster images and the outline (rewrite). Every position comes from the layout; draw
// decides none.
package draw

import (
	"bytes"
	"runtime"
	"runtime/debug"
	"sync/atomic"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/sync/errgroup"

	"bookc/formats"
	"bookc/formats/memo"
	"bookc/formats/pdf/metrics"
	"bookc/formats/pdf/page"
	"bookc/formats/scratch"
)

// PDF paints the document. The same document always gives the same bytes.
//
// fpdf makes the file: its pages, links and information. The pages' rectangles,
// rules and text, nearly all of a book, are written and compressed on every core at once
// (encodePages) while fpdf makes the pages, and so is each vector drawing, once however many
// pages show it (forms); the faces they use are subset while fpdf writes its part (embedFonts);
// rewrite then puts each page's content beside what fpdf drew on it, and adds the fonts, the
// drawings and the outline. The raster images are prepared on every core too, once per build (images.go), and
// added by rewrite before the fonts; fpdf only shows them. Faces are parsed once per process
// (metrics), not once per document as fpdf would. What a page holds is let go of once painted,
// and doc.Pages keeps its length with nil pages, so a big book is not in memory twice.
//
// streams, when not nil, is the zlib compression of the streams the editions of a book have
// painted so far: a page or font subset another edition has compressed is not compressed again.
func PDF(doc *page.Doc, streams *memo.Bytes) ([]byte, error) {
	f, err := PDFShared(doc, streams, nil, nil)
	if err != nil {
		return nil, err
	}
	return f.Bytes(), nil
}

// PDFShared is PDF with the raster images the book's other editions have prepared so far, and the
// pages they have encoded: an image another edition has prepared, or a page it has encoded, is not
// made again (nil: make each here). It gives the file in pieces, to be written one after the
// other, rather than copy a large book's whole file once more; a document of spillPages pages
// or more, in a temporary file (formats.Spill).
func PDFShared(doc *page.Doc, streams *memo.Bytes, images *Images, pages *Pages) (formats.File, error) {
	var spill *formats.Spill
	var sc *scratch.File
	if len(doc.Pages) >= spillPages {
		var err error
		if spill, err = formats.NewSpill(); err != nil {
			return formats.File{}, err
		}
		if sc, err = scratch.New("the pages of a large PDF"); err != nil {
			spill.Close()
			return formats.File{}, err
		}
		defer sc.Close()
	}
	f, err := draw(doc, streams, images, pages, spill, sc)
	if err != nil && spill != nil {
		spill.Close()
	}
	return f, err
}

func draw(doc *page.Doc, streams *memo.Bytes, images *Images, pages *Pages, spill *formats.Spill, sc *scratch.File) (formats.File, error) {
	imgs := newDocImages(doc.Pages, images, doc.Meta.Archival) // prepared on every core, with the pages
	tagged := newStructure(doc)
	encoded := encodePages(doc, streams, pages, newForms(doc.Pages), imgs, sc)
	f := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: doc.Width, Ht: doc.Height}})
	f.SetCompression(false) // rewrite compresses what fpdf writes, faster than fpdf does
	f.SetCatalogSort(true)
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(0, 0, 0)
	m := doc.Meta
	f.SetCreationDate(m.Date.UTC())
	f.SetModificationDate(m.Date.UTC())
	f.SetProducer("bookc", true)
	f.SetCreator(m.Creator, true)
	f.SetTitle(m.Title, true)
	f.SetAuthor(m.Author, true)
	f.SetSubject(m.Subject, true)
	f.SetLang(m.Language)
	for range doc.Pages {
		f.AddPage()
	}
	if err := f.Error(); err != nil {
		encoded.wait()
		imgs.wait()
		return formats.File{}, err
	}
	if err := imgs.wait(); err != nil {
		encoded.wait()
		return formats.File{}, err
	}
	data, glyphs := encoded.wait()
	if sc != nil && sc.Err() != nil {
		return formats.File{}, sc.Err()
	}
	tagged.marks = encoded.marks
	tagged.plan()
	out := &sink{labels: doc.Labels, outline: outline{doc.Outline, doc.Height}, contents: data, spill: spill, fonts: embedFonts(glyphs, streams), forms: encoded.forms, images: imgs, tagged: tagged}
	if spill != nil {
		// The pages, let go of as they were encoded, leave the heap's memory free but scattered,
		// and fpdf's document grows by doubling into arrays that need it in one piece: given
		// back to the system first, it is not held twice over (0.37 GB of peak memory at 30x).
		debug.FreeOSMemory()
	}
	if err := f.Output(out); err != nil {
		return formats.File{}, err
	}
	for i := range doc.Pages {
		doc.Pages[i] = nil
	}
	return out.result()
}

// version15 makes the header's version 1.5 (before the file's ID is worked out from its bytes),
// the lowest with every feature draw writes: 1.5's
// /Tabs on tagged pages, ActualText spans in the contents and THead, TBody and /Scope in the
// structure tree; 1.4's transparency (soft masks, constant alpha, groups), XMP metadata, /Lang and
// /MarkInfo. Nothing of 1.6 or 1.7 is used (no AES, no /Summary, no 3D), and PDF/UA-1 takes any
// version up to 1.7 (ISO 14289-1, 6.1). fpdf, which does not know what draw writes itself,
// writes 1.3. The digit is changed in place, so no offset moves.
func version15(head []byte) {
	if bytes.HasPrefix(head, []byte("%PDF-1.")) && len(head) > 8 {
		head[7] = '5'
	}
}

// contents is every page's content stream, compressed, as encodePages makes them, and the
// forms of the drawings they show.
type contents struct {
	data  pageContents
	marks [][]int32 // per page, the element of each marked-content ID
	used  []usage   // per worker, the glyphs its pages draw
	forms *forms
	g     errgroup.Group
}

// encodePages writes and compresses the pages' contents, each worker taking the next page not
// taken (pages differ in cost: every so many pages in turn left one worker alone for the last 15
// ms of the 1.5 MB book's), and one more the drawings' forms. A page's stream is the page's alone,
// whichever worker writes it. A page's rectangles, rules, drawings and text are
// let go of once encoded: the images and links are fpdf's to draw (painter).
func encodePages(doc *page.Doc, streams *memo.Bytes, pages *Pages, fs *forms, imgs *docImages, sc *scratch.File) *contents {
	workers := runtime.GOMAXPROCS(0)
	data := pageContents{data: make([][]byte, len(doc.Pages))}
	if sc != nil {
		data = pageContents{pieces: make([]scratch.Piece, len(doc.Pages))}
	}
	c := &contents{data: data, marks: make([][]int32, len(doc.Pages)), used: make([]usage, workers), forms: fs}
	c.g.Go(func() error {
		fs.paint(streams)
		return nil
	})
	var next atomic.Int64
	for w := range workers {
		c.g.Go(func() error {
			e := newEncoder(doc.Height)
			e.forms, e.images, e.elems = fs, imgs, doc.Tags
			e.words = metrics.NewMemo()
			defer e.words.Done()
			z := deflaters.Get().(*deflater)
			defer deflaters.Put(z)
			compress := z.stream // pages keeps each page's stream already
			switch {
			case pages == nil && streams == nil && sc != nil:
				compress = z.deflate // kept by none, and in the scratch file before the next
			case pages == nil:
				compress = func(data []byte) []byte { return streams.Do(data, z.stream) }
			}
			for i := int(next.Add(1) - 1); i < len(doc.Pages); i = int(next.Add(1) - 1) {
				pg := doc.Pages[i]
				var stream []byte
				stream, c.marks[i] = pages.encode(e, pg, compress)
				if sc != nil {
					c.data.pieces[i], _ = sc.Put(stream) // an error is sc's, for draw to return
				} else {
					c.data.data[i] = stream
				}
				pg.Rects, pg.Rules, pg.Vectors, pg.Texts, pg.Images, pg.Links = nil, nil, nil, nil, nil, nil
				pg.Placed, pg.TagMap = nil, nil
			}
			c.used[w] = e.used
			return nil
		})
	}
	return c
}

// wait waits for every page's content, and gives the glyphs drawn, by font.
func (c *contents) wait() (pageContents, usage) {
	c.g.Wait() // the workers return no errors
	all := usage{}
	for _, u := range append(c.used, c.forms.used) {
		all.merge(u)
	}
	return c.data, all
}
