package layout

import (
	"math"
	"reflect"
	"runtime"
	"testing"

	"bookc/builder"
	"bookc/builder/tree"
	"bookc/builder/tree/sample"
	"bookc/formats/formatstest"
	"bookc/formats/pdf/page"
	"bookc/handbook"
)

// TestStretches checks that a book laid out with its units packed and its body paginated a
// stretch at a time is the book laid out as it is: the same pages, link targets, outline,
// structure tree and page starts, through every pass. The handbook one- and two-sided, with
// sub-chapters on pages of their own, and tracked; a book of short sub-chapters; a footnote cited
// by two chapters, which paginates every box at once; and one core.
func TestStretches(t *testing.T) {
	ed := handbookEdition(t)
	note := &tree.Footnote{Number: 1, ID: "fn-shared", Blocks: tree.Blocks{words("Note", 8)}}
	citing := func(id string) *tree.Chapter {
		return &tree.Chapter{ID: id, Title: "Chapter " + id, Number: tree.Number{len(id)}, Footnotes: []*tree.Footnote{note},
			Blocks: tree.Blocks{sample.Heading(1, id, "Chapter "+id), sample.Para(sample.Text("A note."), &tree.FootnoteRef{Number: 1, ID: note.ID}), words("Text", 300)}}
	}
	for _, tt := range []struct {
		name          string
		book          *tree.Book
		two, sections bool
		track         bool
		cores         int
	}{
		{name: "one-sided", book: ed},
		{name: "two-sided, sections", book: ed, two: true, sections: true},
		{name: "tracked", book: ed, track: true},
		{name: "one core", book: ed, two: true, cores: 1},
		{name: "short sub-chapters", book: shortSubChapters()},
		{name: "a note cited by two chapters", book: bookOf(citing("a"), citing("bb"))},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if tt.cores > 0 {
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(tt.cores))
			}
			b := *tt.book
			b.Settings.TwoSided, b.Settings.SectionPages = tt.two, tt.sections
			lay := func(above int) (any, []PageStart) {
				defer func(was int) { packAbove = was }(packAbove)
				packAbove = above
				if packs := bigBook(guessPages(&b), nil); packs != (above < 0) {
					t.Fatalf("packs %v with packAbove %d", packs, above)
				}
				doc, diags, starts := solo().book(&b, tt.track)
				for _, p := range doc.Pages { // the texts, whether placed as they are or as runs
					for i := range p.Placed {
						pl := &p.Placed[i]
						var texts []page.Text
						pl.Each(func(t page.Text) { texts = append(texts, t) })
						pl.Texts, pl.Runs, pl.RunsAt, pl.Base = texts, nil, 0, 0
					}
				}
				return []any{doc, diags}, starts
			}
			whole, wstarts := lay(math.MaxInt)
			packed, pstarts := lay(-1)
			if !reflect.DeepEqual(whole, packed) {
				t.Error("the document differs")
			}
			if !reflect.DeepEqual(wstarts, pstarts) {
				t.Error("the page starts differ")
			}
			if tt.track && len(pstarts) == 0 {
				t.Error("no page starts tracked")
			}
		})
	}
}

// TestPlacedAgain checks that a pass that puts pieces on pages, which lets go of each unit it
// unpacks but for the runs its pages place, leaves a pass after it to set the units again and
// place the same pages: the last pass is most often, not always, the last.
func TestPlacedAgain(t *testing.T) {
	b := handbookEdition(t)
	us := (&lay{book: b}).units()
	memos := make([]*memo, len(us))
	for i := range memos {
		memos[i] = newMemo()
	}
	front, sh := newMemo(), solo()
	place := func() (texts []page.Text) {
		l := newLay(b, nil, front, sh)
		l.unknown, l.packs = guessPages(b), true
		for _, pg := range l.stretches(us, memos).pages {
			for i := range pg.p.Placed {
				pg.p.Placed[i].Each(func(t page.Text) { texts = append(texts, t) })
			}
			texts = append(texts, pg.p.Texts...)
		}
		for i, m := range memos {
			if m.unit != nil {
				t.Fatalf("unit %d kept once placed", i)
			}
		}
		return texts
	}
	first, again := place(), place()
	if len(first) == 0 {
		t.Fatal("no texts placed")
	}
	if !reflect.DeepEqual(first, again) {
		t.Errorf("placed again, the pages differ (%d texts against %d)", len(again), len(first))
	}
}

// handbookEdition is the handbook's full edition, with its code highlighted.
func handbookEdition(t *testing.T) *tree.Book {
	t.Helper()
	return formatstest.Editions(t, builder.FromFS(handbook.FS, "handbook"), builder.Options{FallbackDate: handbook.Date, Highlight: true})[0]
}
