// Package pdf is bookc's PDF backend: it typesets each edition as a printed book (package
// layout) and paints the pages (package draw).
package pdf

import (
	"fmt"
	"runtime"
	rtmetrics "runtime/metrics"

	"bookc/builder/tree"
	"bookc/formats"
	"bookc/formats/memo"
	"bookc/formats/pdf/draw"
	"bookc/formats/pdf/layout"
	"bookc/formats/pdf/metrics"
	"bookc/formats/pdf/page"
)

func init() { formats.Register(Backend{}) }

// Backend renders PDF editions.
type Backend struct {
	shared  *layout.Shared // from ForBook; nil: each Render on its own
	streams *memo.Bytes    // the same: the streams compressed so far
	images  *draw.Images   // the same: the raster images prepared so far
	pages   *draw.Pages    // the same: the pages encoded so far
}

// Name is the CLI's subcommand.
func (Backend) Name() string { return "pdf" }

// ForBook returns a Backend whose renders of one book's editions share their common blocks, and
// encode and compress each page they have alike, and prepare each image, once; a Backend that is
// one already, itself.
func (be Backend) ForBook() formats.Backend {
	if be.shared != nil {
		return be
	}
	return Backend{shared: layout.NewShared(), streams: memo.New(), images: draw.NewImages(), pages: draw.NewPages()}
}

// Renew returns the Backend for the next build of the same book: the blocks, streams, images and
// pages this one used (formats.Sharing). A Backend that shares nothing renews as one from ForBook.
func (be Backend) Renew() formats.Backend {
	if be.shared == nil {
		return be.ForBook()
	}
	return Backend{shared: be.shared.Renew(), streams: be.streams.Renew(), images: be.images.Renew(), pages: be.pages.Renew()}
}

// Warm loads the book faces, which every layout waits for, while the book loads.
func (Backend) Warm() { go metrics.Warm() }

// ColoursCode: code is printed in colour.
func (Backend) ColoursCode() {}

// Render typesets the book into one PDF file.
func (be Backend) Render(b *tree.Book) (*formats.Output, error) {
	name := b.Artifact() // taken now: nothing keeps the tree once layout is done with it
	typeset := layout.BookTo
	if be.shared != nil {
		typeset = be.shared.Book
	}
	images := be.images
	if images == nil {
		images = draw.NewImages()
	}
	startImages(b, images)
	// a large book's last pass is drawn as its pages are cut, by the last drawing made
	var drawing *draw.Drawing
	doc, diags := typeset(b, func(doc *page.Doc) (layout.Sink, error) {
		d, err := draw.NewDrawing(doc.Meta, doc.Height, len(doc.Tags) > 0, true, be.streams, images, be.pages)
		if err != nil {
			return nil, err
		}
		drawing = d
		return d, nil
	})
	collectLayout()
	var file formats.File
	var err error
	pages := len(doc.Pages)
	if drawing != nil {
		pages = drawing.Count()
		file, err = drawing.Finish(doc)
	} else {
		file, err = draw.PDFShared(doc, be.streams, images, be.pages)
	}
	if err != nil {
		return nil, fmt.Errorf("pdf: %s: %w", name, err)
	}
	file.Name, file.Pages = name+".pdf", pages
	return &formats.Output{
		Files:       []formats.File{file},
		Diagnostics: diags,
	}, nil
}

// bigHeap is the live heap past which collectLayout collects: below it, a heap twice the size
// costs little, and a collection costs more than it spares.
const bigHeap = 256 << 20

// collectLayout collects the garbage layout leaves, its set lines and pages, most of a large
// book's heap, before drawing allocates: the collector, paced by the heap layout left at its
// last collection, would otherwise let drawing grow the heap to twice that before it looks again.
// At 30 times the benchmark book that is 0.25 GB of peak memory, and a little time.
func collectLayout() {
	live := []rtmetrics.Sample{{Name: "/gc/heap/live:bytes"}}
	if rtmetrics.Read(live); live[0].Value.Kind() == rtmetrics.KindUint64 && live[0].Value.Uint64() > bigHeap {
		runtime.GC()
	}
}

// startImages starts preparing the book's raster images, on the cores typesetting leaves idle.
func startImages(b *tree.Book, images *draw.Images) {
	for _, c := range b.Written() {
		tree.WalkChapter(c, nil, func(in tree.Inline) {
			if im, ok := in.(*tree.Image); ok && im.Asset != nil && im.Asset.Drawing == nil {
				images.Start(im.Asset.MediaType, im.Asset.Data, b.Settings.Archival)
			}
		})
	}
}
