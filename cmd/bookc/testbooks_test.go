package main

import (
	"path/filepath"
	"testing"

	"bookc/formats/validate"
)

// TestTestBooks builds the builder's test books of real-book constructs and validates every
// artifact (epubcheck, mandoc, groff, qpdf):
//   - grammar: drafts in SUMMARY.md (one with a sub-chapter, whose placeholder entry in the EPUB's
//     nav must pass epubcheck), unreferenced footnotes, links out of the book;
//   - html: raw HTML as mdBook books use it (images in <p align>, <div>, <figure> and cells; tables
//     of Markdown; <dl>, <details>, <kbd>, <sup>; ids as link targets);
//   - scripts: every script, emoji, right-to-left chapters and passages with lang and dir.
func TestTestBooks(t *testing.T) {
	if err := validate.Installed(); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"grammar", "html", "scripts"} {
		t.Run(name, func(t *testing.T) {
			out := t.TempDir()
			buildAll(t, filepath.Join("..", "..", "builder", "testdata", "books", name), out)
			validateAll(t, out)
		})
	}
}
