package touched

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestChanged records what a build reads, then edits, creates and removes files: each change to a
// file read, or asked for and missing, is seen, and a change to a file never read is not.
func TestChanged(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("book.toml", "[book]\n")
	write("src/a.md", "# A\n")
	write("src/b.md", "# B\n")
	write("out/book.pdf", "%PDF")
	rec := Record(os.DirFS(dir), dir)
	for _, n := range []string{"book.toml", "src/a.md", "src/missing.md"} {
		_, _ = fs.ReadFile(rec, n)
	}
	if _, err := fs.Stat(rec, "src/b.md"); err != nil {
		t.Fatal(err)
	}
	if got, want := rec.Names(), []string{"book.toml", "src/a.md", "src/b.md", "src/missing.md"}; !slices.Equal(got, want) {
		t.Fatalf("recorded %q, want %q", got, want)
	}
	for _, tt := range []struct {
		name   string
		change func()
		want   []string
	}{
		{"nothing", func() {}, nil},
		{"output written", func() { write("out/book.pdf", "%PDF-1.5 longer") }, nil},
		{"a file never read", func() { write("src/c.md", "# C\n") }, nil},
		{"an edit", func() { write("src/a.md", "# A, edited\n") }, []string{"src/a.md"}},
		{"same size, later", func() {
			later := time.Now().Add(time.Hour)
			if err := os.Chtimes(filepath.Join(dir, "book.toml"), later, later); err != nil {
				t.Fatal(err)
			}
		}, []string{"book.toml"}},
		{"a missing file created", func() { write("src/missing.md", "# Here\n") }, []string{"src/missing.md"}},
		{"a file removed", func() { os.Remove(filepath.Join(dir, "src/b.md")) }, []string{"src/b.md"}},
	} {
		snap := rec.Snapshot()
		tt.change()
		if got := snap.Changed(); !slices.Equal(got, tt.want) {
			t.Errorf("%s: changed %q, want %q", tt.name, got, tt.want)
		}
		rec = Record(os.DirFS(dir), dir) // the next build reads them again
		for _, n := range []string{"book.toml", "src/a.md", "src/b.md", "src/missing.md"} {
			_, _ = fs.ReadFile(rec, n)
		}
	}
}
