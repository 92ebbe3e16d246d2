package main

import (
	"path/filepath"
	"testing"

	"bookc/formats/validate"
)

// TestHTMLBook builds builder/testdata/books/html, whose chapters use raw HTML as mdBook books do
// (images in <p align>, <div>, <figure> and cells; tables of Markdown; <dl>, <details>, <kbd>,
// <sup>, ids as link targets), and validates every artifact: epubcheck, mandoc and qpdf.
func TestHTMLBook(t *testing.T) {
	if err := validate.Installed(); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	buildAll(t, filepath.Join("..", "..", "builder", "testdata", "books", "html"), out)
	validateAll(t, out)
}
