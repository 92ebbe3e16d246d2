package builder

import (
	"strings"
	"testing"
	"testing/fstest"
	"unsafe"

	"bookc/builder/imagecheck"
	"bookc/builder/tree"
	"bookc/builder/tree/sample"
)

// TestImageBudget checks that the book's budget of decoded images charges identical bytes once,
// whichever paths hold them, and the book holds them once, and that an image past it gives way
// to its alt text with a warning.
func TestImageBudget(t *testing.T) {
	shared, other := sample.PNG(40, 30), sample.PNG(30, 40)
	info, err := imagecheck.Check(shared)
	must(t, err)
	defer func(was int64) { maxImageBytes = was }(maxImageBytes)
	maxImageBytes = info.Decoded * 3 / 2 // room for one of the two images, not both

	fsys := fstest.MapFS{
		"book.toml":      {Data: []byte("")},
		"src/SUMMARY.md": {Data: []byte("- [A](a.md)\n- [B](b/b.md)\n")},
		"src/a.md":       {Data: []byte("# A\n\n![one](one.png)\n")},
		"src/b/b.md":     {Data: []byte("# B\n\n![copy](copy.png)\n\n![other](../other.png)\n")},
		"src/one.png":    {Data: shared},
		"src/b/copy.png": {Data: shared},
		"src/other.png":  {Data: other},
	}
	b, err := Load(FromFS(fsys, "bk"), Options{})
	must(t, err)
	shown := map[string]*tree.Asset{}
	for _, ch := range b.Tree.Chapters() {
		tree.WalkChapter(ch, func(tree.Block) {}, func(in tree.Inline) {
			if im, ok := in.(*tree.Image); ok {
				shown[im.Alt] = im.Asset
			}
		})
	}
	one, cp := shown["one"], shown["copy"]
	if one == nil || cp == nil || shown["other"] != nil {
		t.Fatalf("images shown %v, want one and copy (the same bytes), not other", shown)
	}
	if one.Name == cp.Name || unsafe.SliceData(one.Data) != unsafe.SliceData(cp.Data) {
		t.Errorf("one and its copy are %s and %s, their bytes held apart: want two names, one copy of the bytes", one.Name, cp.Name)
	}
	want := "bk/src/b/b.md:5: warning: image ../other.png is one image too many"
	if ds := string(diagText(b.Diags)); !strings.Contains(ds, want) || strings.Count(ds, "too many") != 1 {
		t.Errorf("diagnostics:\n%s\nwant only %q", ds, want)
	}
}
