package main

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"bookc/formats/validate"
)

// TestAce holds the EPUB to EPUB Accessibility 1.1 and WCAG 2.2 AA as DAISY Ace checks them: no
// violation of any impact, in the handbook's full edition and in the test book of raw HTML (images,
// tables, details). Ace takes seconds a book, so the other editions and books are left to epubcheck.
func TestAce(t *testing.T) {
	for _, tc := range []struct{ name, dir string }{
		{"handbook", ""},
		{"html-book", filepath.Join("..", "..", "builder", "testdata", "books", "html")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			out := t.TempDir()
			args := []string{"epub", "-q", "-o", out}
			if tc.dir != "" {
				args = append(args, tc.dir)
			}
			var errs strings.Builder
			if code := run(context.Background(), args, io.Discard, &errs); code != 0 {
				t.Fatalf("bookc %s: exit %d\n%s", strings.Join(args, " "), code, errs.String())
			}
			epubs, _ := filepath.Glob(filepath.Join(out, "*.epub"))
			if len(epubs) != 1 {
				t.Fatalf("built %v, want one EPUB", epubs)
			}
			if err := validate.Ace(epubs[0]); err != nil {
				t.Fatal(err)
			}
		})
	}
}
