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

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/sync/errgroup"

	"bookc/formats"
	"bookc/formats/memo"
	"bookc/formats/pdf/metrics"
	"bookc/formats/pdf/page"
	"bookc/formats/pdf/tags"
	"bookc/formats/scratch"
)

// PDF paints the document. The same document always gives the same bytes.
//
// The pages' rectangles, rules and text, nearly all of a book, are written and compressed on
// every core as they are given (Drawing), and each vector drawing once however many pages show
// it (forms); fpdf then makes the file (its pages, links and information), the faces the pages
// use are subset while it writes (embedFonts), and rewrite puts each page's content beside what
// fpdf drew on it, and adds the fonts, the drawings and the outline. The raster images are
// prepared on every core too, once per build (images.go), and added by rewrite before the fonts;
// fpdf only shows them. Faces are parsed once per process (metrics), not once per document as
// fpdf would. What a page holds is let go of once painted, and doc.Pages keeps its length with
// nil pages, so a big book is not in memory twice.
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
	d, err := NewDrawing(doc.Meta, doc.Height, len(doc.Tags) > 0, len(doc.Pages) >= spillPages, streams, images, pages)
	if err != nil {
		return formats.File{}, err
	}
	for i, pg := range doc.Pages {
		d.Page(pg, doc.Tags, 0)
		doc.Pages[i] = nil // the drawing's until it is encoded
	}
	return d.Finish(doc)
}

// A Drawing paints a document's pages as they are given, in order, each on the next core free,
// and makes the file once the rest of the document is known (Finish): a large book's pages need
// not all be in memory at once (layout.Sink).
type Drawing struct {
	meta    page.Meta
	height  float64
	tagged  bool
	streams *memo.Bytes
	pages   *Pages
	spill   *formats.Spill
	sc      *scratch.File
	imgs    *docImages // prepared on every core, with the pages
	forms   *forms
	st      *structure
	jobs    chan pageJob
	done    []*[jobChunk]encoded // each page's, in chunks that never move as more pages come
	n       int                  // pages given
	used    []usage              // per worker, the glyphs its pages draw
	g       errgroup.Group
}

// pageJob is a page to encode, the roles of the elements its Tags name, and where its content goes.
type pageJob struct {
	pg    *page.Page
	roles []tags.Role
	out   *encoded
}

// encoded is a page's content, compressed, in memory or in the scratch file, and the element of
// each of its marked-content IDs.
type encoded struct {
	data  []byte
	piece scratch.Piece
	marks []int32
}

const jobChunk = 1024

// NewDrawing starts drawing a document: meta and height are the document's, tagged says it has a
// structure tree, and large puts its pages' contents and the file in temporary files as they are
// made. streams, images and pages are PDFShared's.
func NewDrawing(meta page.Meta, height float64, tagged, large bool, streams *memo.Bytes, images *Images, pages *Pages) (*Drawing, error) {
	d := &Drawing{meta: meta, height: height, tagged: tagged, streams: streams, pages: pages,
		imgs: newDocImages(images, meta.Archival), forms: newForms(), st: newStructure(meta, height)}
	if large {
		var err error
		if d.spill, err = formats.NewSpill(); err != nil {
			return nil, err
		}
		if d.sc, err = scratch.New("the pages of a large PDF"); err != nil {
			d.spill.Close()
			return nil, err
		}
	}
	d.encode()
	return d, nil
}

// Page adds the document's next page. elems is the structure tree, or the part of it that holds
// every element the page's Tags name, from element off on. The page is the drawing's from then
// on: its pieces are let go of once it is encoded.
func (d *Drawing) Page(pg *page.Page, elems []tags.Elem, off int32) {
	var roles []tags.Role
	if d.tagged {
		roles = make([]tags.Role, len(pg.Tags))
		for k, t := range pg.Tags {
			roles[k] = elems[t-off].Role
		}
	}
	if d.n%jobChunk == 0 {
		d.done = append(d.done, new([jobChunk]encoded))
	}
	out := &d.done[d.n/jobChunk][d.n%jobChunk]
	d.imgs.add(d.n, pg)
	d.forms.add(pg)
	d.st.addPage(pg, roles)
	d.n++
	d.jobs <- pageJob{pg, roles, out}
}

// encode starts the workers that write and compress the pages' contents, each taking the next
// page given (pages differ in cost: every so many pages in turn left one worker alone for the
// last 15 ms of the 1.5 MB book's). A page's stream is the page's alone, whichever worker writes
// it. A page's pieces are let go of once encoded.
func (d *Drawing) encode() {
	workers := runtime.GOMAXPROCS(0)
	d.jobs, d.used = make(chan pageJob, 4*workers), make([]usage, workers)
	for w := range workers {
		d.g.Go(func() error {
			e := newEncoder(d.height)
			e.forms, e.images, e.tagged = d.forms, d.imgs, d.tagged
			e.words = metrics.NewMemo()
			defer e.words.Done()
			z := deflaters.Get().(*deflater)
			defer deflaters.Put(z)
			compress := z.stream // pages keeps each page's stream already
			switch {
			case d.pages == nil && d.streams == nil && d.sc != nil:
				compress = z.deflate // kept by none, and in the scratch file before the next
			case d.pages == nil:
				compress = func(data []byte) []byte { return d.streams.Do(data, z.stream) }
			}
			var marks slab[int32]
			for j := range d.jobs {
				pg := j.pg
				e.roles = j.roles
				stream, ms := d.pages.encode(e, pg, compress)
				j.out.marks = marks.copy(ms)
				if d.sc != nil {
					j.out.piece, _ = d.sc.Put(stream) // an error is sc's, for Finish to return
				} else {
					j.out.data = stream
				}
				pg.Rects, pg.Rules, pg.Vectors, pg.Texts, pg.Images, pg.Links = nil, nil, nil, nil, nil, nil
				pg.Placed, pg.TagMap = nil, nil
			}
			d.used[w] = e.used
			return nil
		})
	}
}

// wait waits for every page's content, and gives the contents, their marks and the glyphs drawn,
// by font, the drawings' forms painted.
func (d *Drawing) wait() (pageContents, [][]int32, usage) {
	d.stop()
	d.forms.paint(d.streams)
	var contents pageContents
	if d.sc != nil {
		contents.pieces = make([]scratch.Piece, d.n)
	} else {
		contents.data = make([][]byte, d.n)
	}
	marks := make([][]int32, d.n)
	for i := range d.n {
		out := &d.done[i/jobChunk][i%jobChunk]
		if d.sc != nil {
			contents.pieces[i] = out.piece
		} else {
			contents.data[i] = out.data
		}
		marks[i] = out.marks
	}
	d.done = nil
	all := usage{}
	for _, u := range append(d.used, d.forms.used) {
		all.merge(u)
	}
	return contents, marks, all
}

// Count is the number of pages given.
func (d *Drawing) Count() int { return d.n }

// stop waits for the pages given to be encoded, and ends the workers.
func (d *Drawing) stop() {
	close(d.jobs)
	d.g.Wait() // the workers return no errors
}

// Abandon lets go of a drawing that will not be finished, and of its temporary files: its pages
// are not the document's after all.
func (d *Drawing) Abandon() {
	d.stop()
	d.imgs.wait()
	d.close()
	if d.spill != nil {
		d.spill.Close()
	}
}

func (d *Drawing) close() {
	if d.sc != nil {
		d.sc.Close()
	}
}

// Finish makes the file: doc is the document the pages given were laid out for, its pages
// aside (doc.Pages is not read).
//
// fpdf makes the file: its pages, links and information. The pages' contents, written while the
// pages came, are put beside what fpdf drew on each (rewrite) with the fonts' subsets, which draw
// embeds itself, the vector drawings' forms, the raster images and the outline.
func (d *Drawing) Finish(doc *page.Doc) (formats.File, error) {
	defer d.close()
	f, err := d.finish(doc)
	if err != nil && d.spill != nil {
		d.spill.Close()
	}
	return f, err
}

func (d *Drawing) finish(doc *page.Doc) (formats.File, error) {
	f := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: doc.Width, Ht: doc.Height}})
	f.SetCompression(false) // rewrite compresses what fpdf writes, faster than fpdf does
	f.SetCatalogSort(true)
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(0, 0, 0)
	m := d.meta
	f.SetCreationDate(m.Date.UTC())
	f.SetModificationDate(m.Date.UTC())
	f.SetProducer("bookc", true)
	f.SetCreator(m.Creator, true)
	f.SetTitle(m.Title, true)
	f.SetAuthor(m.Author, true)
	f.SetSubject(m.Subject, true)
	f.SetLang(m.Language)
	for range d.n {
		f.AddPage()
	}
	contents, marks, glyphs := d.wait()
	if err := f.Error(); err != nil {
		d.imgs.wait()
		return formats.File{}, err
	}
	if err := d.imgs.wait(); err != nil {
		return formats.File{}, err
	}
	if d.sc != nil && d.sc.Err() != nil {
		return formats.File{}, d.sc.Err()
	}
	tagged := d.st
	tagged.resolve(doc.Tags, doc.Dests)
	tagged.marks = marks
	tagged.plan()
	out := &sink{labels: doc.Labels, outline: outline{doc.Outline, doc.Height}, contents: contents, spill: d.spill, fonts: embedFonts(glyphs, d.streams), forms: d.forms, images: d.imgs, tagged: tagged}
	if d.spill != nil {
		// The pages, let go of as they were encoded, leave the heap's memory free but scattered,
		// and fpdf's document grows by doubling into arrays that need it in one piece: given
		// back to the system first, it is not held twice over (0.37 GB of peak memory at 30x).
		debug.FreeOSMemory()
	}
	if err := f.Output(out); err != nil {
		return formats.File{}, err
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
