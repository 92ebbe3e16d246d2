package draw

import (
	"bytes"
	"testing"

	"bookc/builder"
	"bookc/formats/pdf/layout"
	"bookc/handbook"
)

// TestSpill checks that a PDF assembled in a temporary file, its pages' contents in another, is
// the PDF assembled in memory, byte for byte: the handbook's, with images, drawings, links, an
// outline and a structure tree.
func TestSpill(t *testing.T) {
	loaded, err := builder.Load(builder.FromFS(handbook.FS, "handbook"), builder.Options{FallbackDate: handbook.Date, Highlight: true})
	if err != nil {
		t.Fatal(err)
	}
	ed, _, err := loaded.Edition("")
	if err != nil {
		t.Fatal(err)
	}
	paint := func(from int) ([]byte, bool) {
		defer func(was int) { spillPages = was }(spillPages)
		spillPages = from
		doc, _ := layout.Book(ed)
		f, err := PDFShared(doc, nil, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		return f.Bytes(), f.Spill != nil
	}
	kept, spilled := paint(1 << 30)
	if spilled {
		t.Fatal("the handbook spilled at a billion pages")
	}
	out, spilled := paint(1)
	if !spilled {
		t.Fatal("the handbook did not spill from one page")
	}
	if !bytes.Equal(kept, out) {
		t.Errorf("the PDF assembled in a temporary file (%d bytes) differs from the one assembled in memory (%d)", len(out), len(kept))
	}
}
