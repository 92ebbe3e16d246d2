// Package pdf is bookc's PDF backend: it typesets each edition as a printed book (package
// layout) and paints the pages (package draw).
package pdf

import (
	"fmt"

	"bookc/builder/tree"
	"bookc/formats"
	"bookc/formats/memo"
	"bookc/formats/pdf/draw"
	"bookc/formats/pdf/layout"
)

func init() { formats.Register(Backend{}) }

// Backend renders PDF editions.
type Backend struct {
	shared  *layout.Shared // from ForBook; nil: each Render on its own
	streams *memo.Bytes    // the same: the streams compressed so far
}

// Name is the CLI's subcommand.
func (Backend) Name() string { return "pdf" }

// ForBook returns a Backend whose renders of one book's editions share their common blocks, and
// compress each page they have alike once.
func (Backend) ForBook() formats.Backend {
	return Backend{shared: layout.NewShared(), streams: memo.New()}
}

// ColoursCode: code is printed in colour.
func (Backend) ColoursCode() {}

// Render typesets the book into one PDF file.
func (be Backend) Render(b *tree.Book) (*formats.Output, error) {
	typeset := layout.Book
	if be.shared != nil {
		typeset = be.shared.Book
	}
	doc, diags := typeset(b)
	data, err := draw.PDF(doc, be.streams)
	if err != nil {
		return nil, fmt.Errorf("pdf: %s: %w", b.Artifact(), err)
	}
	return &formats.Output{
		Files:       []formats.File{{Name: b.Artifact() + ".pdf", Data: data, Pages: len(doc.Pages)}},
		Diagnostics: diags,
	}, nil
}
