package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"bookc/formats"
)

func TestUnchanged(t *testing.T) {
	dir := t.TempDir()
	there := filepath.Join(dir, "book.pdf")
	body := bytes.Repeat([]byte("%PDF stream "), 10000) // past sameAs's piece
	if err := os.WriteFile(there, body, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(there, filepath.Join(dir, "link.pdf")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "folder.pdf"), 0o755); err != nil {
		t.Fatal(err)
	}
	spill, err := formats.NewSpill()
	if err != nil {
		t.Fatal(err)
	}
	defer spill.Close()
	var p formats.Pieces
	p.SpillTo(spill)
	p.Copy(body)
	spilled, err := p.File()
	if err != nil {
		t.Fatal(err)
	}
	last := bytes.Clone(body)
	last[len(last)-1] = 'X'
	for _, tt := range []struct {
		name, dest string
		file       formats.File
		want       bool
	}{
		{"the same bytes", there, formats.File{Data: body}, true},
		{"the same in parts", there, formats.File{Parts: [][]byte{body[:7], body[7:50000], body[50000:]}}, true},
		{"the same, spilled", there, spilled, true},
		{"a byte differs, the last", there, formats.File{Data: last}, false},
		{"shorter", there, formats.File{Data: body[:len(body)-1]}, false},
		{"longer", there, formats.File{Data: append(bytes.Clone(body), '\n')}, false},
		{"no file there", filepath.Join(dir, "none.pdf"), formats.File{Data: body}, false},
		{"a link to the same bytes", filepath.Join(dir, "link.pdf"), formats.File{Data: body}, false}, // replaced by the file, as before
		{"a folder", filepath.Join(dir, "folder.pdf"), formats.File{}, false},
	} {
		if got := unchanged(tt.dest, tt.file); got != tt.want {
			t.Errorf("%s: unchanged = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestRebuildLeavesUnchanged builds a book's man pages and PDF twice into one folder: the second
// build leaves every file as it is (the same file, not a copy); after a chapter changes, that
// chapter's page and the PDF are new files with the new text, the other page the same file.
func TestRebuildLeavesUnchanged(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	book, out := t.TempDir(), t.TempDir()
	writeBook(t, book, map[string]string{
		"book.toml":      "[book]\ntitle = \"Two\"\n",
		"src/SUMMARY.md": "- [Alpha](alpha.md)\n- [Beta](beta.md)\n",
		"src/alpha.md":   "# Alpha\n\nThe first chapter.\n",
		"src/beta.md":    "# Beta\n\nThe second chapter.\n",
	})
	build := func() map[string]os.FileInfo {
		t.Helper()
		for _, format := range []string{"man", "pdf"} {
			if code, _, errs := runCLI(t, format, book, "-q", "-o", out); code != 0 {
				t.Fatalf("bookc %s: exit %d: %s", format, code, errs)
			}
		}
		files := map[string]os.FileInfo{}
		err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				files[p], err = os.Stat(p)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return files
	}
	first := build()
	if len(first) < 3 {
		t.Fatalf("%d files built, want the PDF and a page for each chapter", len(first))
	}
	for p, fi := range build() {
		if !os.SameFile(fi, first[p]) {
			t.Errorf("the rebuild of an unchanged book wrote %s again", p)
		}
	}
	writeBook(t, book, map[string]string{"src/beta.md": "# Beta\n\nThe second chapter, changed.\n"})
	var changed []string
	for p, fi := range build() {
		if !os.SameFile(fi, first[p]) {
			changed = append(changed, filepath.Base(p))
			if b, err := os.ReadFile(p); err != nil || filepath.Ext(p) != ".pdf" && !bytes.Contains(b, []byte("changed")) {
				t.Errorf("%s was written again without the change (%v)", p, err)
			}
		}
	}
	if len(changed) != 2 {
		t.Errorf("after a chapter changed, the rebuild wrote %q, want that chapter's page and the PDF", changed)
	}
}
