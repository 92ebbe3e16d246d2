package layout

import (
	"bytes"
	"fmt"
	"math"
	"reflect"
	"runtime"
	"testing"

	"bookc/builder"
	"bookc/builder/tree"
	"bookc/builder/tree/sample"
	"bookc/formats/formatstest"
	"bookc/formats/pdf/draw"
	"bookc/formats/pdf/page"
	"bookc/formats/pdf/tags"
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
			lay := func(above int, sink *keeper) (any, []PageStart) {
				defer func(was int) { packAbove = was }(packAbove)
				packAbove = above
				if packs := bigBook(guessPages(&b), nil); packs != (above < 0) {
					t.Fatalf("packs %v with packAbove %d", packs, above)
				}
				var sinks Sinks
				if sink != nil {
					sinks = func(*page.Doc) (Sink, error) { sink.abandon(); return sink, nil }
				}
				doc, diags, starts := solo().book(&b, tt.track, sinks)
				if sink != nil && !tt.track {
					if doc.Pages != nil {
						t.Fatal("the document keeps pages it gave")
					}
					doc.Pages = sink.pages
					sink.check(t, doc)
				}
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
			whole, wstarts := lay(math.MaxInt, nil)
			packed, pstarts := lay(-1, nil)
			if !reflect.DeepEqual(whole, packed) {
				t.Error("the document differs")
			}
			if streamed, _ := lay(-1, &keeper{}); !reflect.DeepEqual(whole, streamed) {
				t.Error("the document whose pages went to a sink differs")
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

// keeper is a Sink that keeps the pages it is given, and the roles of the elements they name, as
// they were given.
type keeper struct {
	pages []*page.Page
	roles [][]tags.Role
	bad   []string
}

func (k *keeper) Page(p *page.Page, elems []tags.Elem, off int32) {
	roles := make([]tags.Role, len(p.Tags))
	for i, e := range p.Tags {
		if e < off || int(e-off) >= len(elems) {
			k.bad = append(k.bad, fmt.Sprintf("page %d names element %d, outside the %d given from %d", len(k.pages)+1, e, len(elems), off))
			continue
		}
		roles[i] = elems[e-off].Role
	}
	k.pages, k.roles = append(k.pages, p), append(k.roles, roles)
}

func (k *keeper) Abandon() { k.abandon() }
func (k *keeper) abandon() { k.pages, k.roles, k.bad = nil, nil, nil }

// check checks that the elements the pages were given with are the document's.
func (k *keeper) check(t *testing.T, doc *page.Doc) {
	t.Helper()
	for _, b := range k.bad {
		t.Error(b)
	}
	for i, p := range doc.Pages {
		for j, e := range p.Tags {
			if k.roles[i][j] != doc.Tags[e].Role {
				t.Errorf("page %d: element %d was given as a %v, and is a %v", i+1, e, k.roles[i][j], doc.Tags[e].Role)
			}
		}
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

// TestDrawnAsCut checks that a packed book whose last pass gives its pages to a drawing as it
// cuts them makes the PDF a book laid out whole and then drawn makes, byte for byte: the
// handbook, one- and two-sided, its pages' contents in memory and in a scratch file.
func TestDrawnAsCut(t *testing.T) {
	for _, two := range []bool{false, true} {
		b := *handbookEdition(t)
		b.Settings.TwoSided = two
		defer func(was int) { packAbove = was }(packAbove)
		packAbove = math.MaxInt
		doc, _ := Book(&b)
		whole, err := draw.PDF(doc, nil)
		if err != nil {
			t.Fatal(err)
		}
		packAbove = -1
		for _, large := range []bool{false, true} {
			var d *draw.Drawing
			doc, _ := BookTo(&b, func(doc *page.Doc) (Sink, error) {
				var err error
				d, err = draw.NewDrawing(doc.Meta, doc.Height, true, large, nil, nil, nil)
				return d, err
			})
			if d == nil || doc.Pages != nil {
				t.Fatalf("two-sided %v: the last pass gave no drawing its pages", two)
			}
			f, err := d.Finish(doc)
			if err != nil {
				t.Fatal(err)
			}
			if got := f.Bytes(); !bytes.Equal(got, whole) {
				t.Errorf("two-sided %v, large %v: the PDF drawn as cut (%d bytes) differs from the one drawn whole (%d)", two, large, len(got), len(whole))
			}
		}
	}
}
