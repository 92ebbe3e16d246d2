package builder

import (
	"strings"
	"testing"
	"testing/fstest"

	"bookc/builder/tree/sample"
)

// TestCover checks that the cover book.toml names is read as an image, relative to the book's
// folder, and that a missing one is a warning at book.toml.
func TestCover(t *testing.T) {
	fsys := fstest.MapFS{
		"book.toml":      {Data: []byte("[output.bookc]\ncover = 'art/cover.png'\n")},
		"art/cover.png":  {Data: sample.PNG(60, 90)},
		"src/SUMMARY.md": {Data: []byte("- [A](a.md)\n")},
		"src/a.md":       {Data: []byte("# A\n")},
	}
	b, err := Load(FromFS(fsys, "bk"), Options{})
	must(t, err)
	if c := b.Tree.Cover; c == nil || c.MediaType != "image/png" || c.Width != 60 || c.Height != 90 {
		t.Errorf("cover %+v, want the 60x90 PNG", c)
	}
	delete(fsys, "art/cover.png")
	b, err = Load(FromFS(fsys, "bk"), Options{})
	must(t, err)
	if b.Tree.Cover != nil || !strings.Contains(string(diagText(b.Diags)), "bk/book.toml: warning: image art/cover.png does not exist") {
		t.Errorf("cover %v, diagnostics:\n%s", b.Tree.Cover, diagText(b.Diags))
	}
}
