package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bookc/formats/validate"
	"bookc/handbook"
)

// TestAce holds the EPUB to EPUB Accessibility 1.1 and WCAG 2.2 AA as DAISY Ace checks them: no
// violation of any impact, in the handbook's four editions and its full edition with a page-list,
// in mdBook's guide (a real book none of us wrote, testdata/mdbook-guide) and in the test book
// of raw HTML (images, tables, details). Ace takes seconds a book, so the other books are left
// to epubcheck.
func TestAce(t *testing.T) {
	paged := t.TempDir() // the handbook with page-list = true
	if err := os.CopyFS(paged, handbook.FS); err != nil {
		t.Fatal(err)
	}
	toml := filepath.Join(paged, "book.toml")
	data, err := os.ReadFile(toml)
	if err != nil || !bytes.Contains(data, []byte("[output.bookc]\n")) {
		t.Fatalf("the handbook's book.toml: %v", err)
	}
	if err := os.Chmod(toml, 0o644); err != nil { // copied from the embedded files, read-only
		t.Fatal(err)
	}
	if err := os.WriteFile(toml, bytes.Replace(data, []byte("[output.bookc]\n"), []byte("[output.bookc]\npage-list = true\n"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, dir string
		editions  int
	}{
		{"handbook", "", 4},
		{"handbook-paged", paged, 4},
		{"mdbook-guide", filepath.Join("testdata", "mdbook-guide"), 1},
		{"html-book", filepath.Join("..", "..", "builder", "testdata", "books", "html"), 1},
	} {
		out := t.TempDir()
		args := []string{"epub", "-q", "--all-roles", "-o", out}
		if tc.dir != "" {
			args = append(args, tc.dir)
		}
		var errs strings.Builder
		if code := run(context.Background(), args, io.Discard, &errs); code != 0 {
			t.Fatalf("bookc %s: exit %d\n%s", strings.Join(args, " "), code, errs.String())
		}
		epubs, _ := filepath.Glob(filepath.Join(out, "*.epub"))
		if len(epubs) != tc.editions {
			t.Fatalf("%s: built %v, want %d EPUBs", tc.name, epubs, tc.editions)
		}
		if tc.dir == paged { // the full edition: the others' page-lists are made alike
			epubs = []string{filepath.Join(out, "metropolis-handbook.epub")}
		}
		for _, epub := range epubs {
			t.Run(tc.name+"/"+filepath.Base(epub), func(t *testing.T) {
				t.Parallel()
				if err := validate.Ace(epub); err != nil {
					t.Fatal(err)
				}
			})
		}
	}
}
