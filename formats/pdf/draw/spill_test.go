package draw

import (
	"bytes"
	"testing"

	"bookc/builder"
	"bookc/formats/formatstest"
	"bookc/formats/pdf/layout"
	"bookc/handbook"
)

// TestSpill checks that a PDF assembled in a temporary file, its pages' contents in another, is
// the PDF assembled in memory, byte for byte, and so is one whose structure tree is made in
// chunks of a few objects: the handbook's, with images, drawings, links, an outline and a
// structure tree.
func TestSpill(t *testing.T) {
	ed := formatstest.Editions(t, builder.FromFS(handbook.FS, "handbook"), builder.Options{FallbackDate: handbook.Date, Highlight: true})[0]
	paint := func(from, objects int) ([]byte, bool) {
		defer func(was, wasChunk int) { spillPages, chunk = was, wasChunk }(spillPages, chunk)
		spillPages, chunk = from, objects
		doc, _ := layout.Book(ed)
		f, err := PDFShared(doc, nil, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		return f.Bytes(), f.Spill != nil
	}
	kept, spilled := paint(1<<30, chunk)
	if spilled {
		t.Fatal("the handbook spilled at a billion pages")
	}
	for _, c := range []struct {
		name         string
		spill, chunk int
	}{
		{"spilled from one page", 1, chunk},
		{"its structure in chunks of 7 objects", 1 << 30, 7},
		{"spilled, its structure in chunks of one", 1, 1},
	} {
		out, spilled := paint(c.spill, c.chunk)
		if spilled != (c.spill == 1) {
			t.Fatalf("%s: spilled is %v", c.name, spilled)
		}
		if !bytes.Equal(kept, out) {
			t.Errorf("the PDF %s (%d bytes) differs from the one assembled in memory at once (%d)", c.name, len(out), len(kept))
		}
	}
}

// TestAbandon checks that a drawing given some of a document's pages can be let go of, its
// workers and temporary files with it, and a drawing of the whole document made after it.
func TestAbandon(t *testing.T) {
	ed := formatstest.Editions(t, builder.FromFS(handbook.FS, "handbook"), builder.Options{FallbackDate: handbook.Date, Highlight: true})[0]
	doc, _ := layout.Book(ed)
	want, err := PDF(doc, nil)
	if err != nil {
		t.Fatal(err)
	}
	doc, _ = layout.Book(ed)
	for _, large := range []bool{false, true} {
		d, err := NewDrawing(doc.Meta, doc.Height, true, large, nil, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, pg := range doc.Pages[:len(doc.Pages)/2] {
			p := *pg // a copy: the drawing lets go of what it is given
			d.Page(&p, doc.Tags, 0)
		}
		d.Abandon()
	}
	got, err := PDF(doc, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("the PDF drawn after an abandoned drawing differs")
	}
}
