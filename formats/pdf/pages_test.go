package pdf

import (
	"cmp"
	"testing"

	"bookc/builder"
	"bookc/builder/tree"
	"bookc/formats/pdf/layout"
	"bookc/formats/pdf/pagecheck"
	"bookc/handbook"
)

// pageBooks are the books whose pages TestBookPages reads: the handbook, one- and two-sided.
func pageBooks(t *testing.T) map[string]*tree.Book {
	t.Helper()
	out := map[string]*tree.Book{}
	load := func(name string, src *builder.Source) {
		b, err := builder.Load(src, builder.Options{FallbackDate: handbook.Date, Highlight: true})
		if err != nil {
			t.Fatal(err)
		}
		ed, _, err := b.Edition("")
		if err != nil {
			t.Fatal(err)
		}
		out[name] = ed
		two := *ed
		two.Settings.TwoSided = true
		out[name+", two-sided"] = &two
	}
	load("handbook", builder.FromFS(handbook.FS, "handbook"))
	return out
}

// TestBookPages reads real books' pages as a typographer would (pagecheck): no heading ends a
// page, no figure's image ends one without its caption, no code block splits with fewer than three
// lines on a side, no page is under 30% full but a chapter's last, and 90% of full body lines hold
// 60 to 75 characters.
func TestBookPages(t *testing.T) {
	for name, b := range pageBooks(t) {
		t.Run(name, func(t *testing.T) {
			doc, _ := layout.Book(b)
			r := pagecheck.Read(doc, layout.PageGeometry(b.Settings), cmp.Or(b.Settings.FontSize, tree.DefaultFontSize))
			for _, f := range r.Faults {
				t.Error(f)
			}
			if r.MeasureShare() < 0.9 {
				t.Errorf("%d of %d full lines hold 60 to 75 characters, want 90%%", r.InMeasure, r.FullLines)
			}
			t.Log(r)
		})
	}
}
