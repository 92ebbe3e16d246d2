package main

import (
	"path/filepath"
	"testing"

	"bookc/formats/validate"
)

// TestGrammarBook builds builder/testdata/books/grammar, whose SUMMARY.md holds drafts (one with a
// sub-chapter) and whose chapters have unreferenced footnotes and links out of the book, and
// validates every artifact: a draft's placeholder entry in the EPUB's nav must pass epubcheck.
func TestGrammarBook(t *testing.T) {
	if err := validate.Installed(); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	buildAll(t, filepath.Join("..", "..", "builder", "testdata", "books", "grammar"), out)
	validateAll(t, out)
}
