package layout

import (
	"reflect"
	"slices"
	"testing"

	"bookc/builder/tree/sample"
)

// TestSharedPages checks Shared.paged: the body paginated again takes each stretch between boxes
// that start pages from the table, and gets the pages, link targets, outline and structure tree
// that paginating its boxes gives; a stretch one of whose boxes is another is paginated again.
func TestSharedPages(t *testing.T) {
	b := sample.Book()
	sh := NewShared().Renew()
	for _, measure := range []bool{true, false} {
		l := newLay(b, nil, newMemo(), sh)
		l.unknown, l.measure = guessPages(b), measure
		us := l.units()
		memos := make([]*memo, len(us))
		for i := range memos {
			memos[i] = newMemo()
		}
		bs := l.body(us, memos)
		same := func(what string, got *flow, boxes []*vbox) {
			t.Helper()
			want := l.paginate(boxes, nil)
			if !reflect.DeepEqual(got.pages, want.pages) || !slices.Equal(got.dests, want.dests) || !slices.Equal(got.marks, want.marks) {
				t.Errorf("measure %v, %s: the pages differ from the boxes paginated afresh", measure, what)
			}
			if gt, wt := got.tree(), want.tree(); !reflect.DeepEqual(gt, wt) || !reflect.DeepEqual(got.pages, want.pages) {
				t.Errorf("measure %v, %s: the structure tree or the pages' tags differ from the boxes paginated afresh", measure, what)
			}
		}
		same("the first time", l.paginate(bs, sh.paged), bs)
		same("taken from the table", l.paginate(bs, sh.paged), bs)

		// the second stretch's pages, marked in the table, come back marked: they were taken
		i := slices.IndexFunc(bs[1:], func(b *vbox) bool { return b.newPage }) + 1
		j := stretch(bs, i)
		key, _, ok := l.pagedKey(bs[i:j], heads{}, map[string]bool{})
		got, share := claim(sh.paged, key)
		if !ok || got == nil || share != nil {
			t.Fatalf("measure %v: the stretch of boxes %d to %d is not in the table", measure, i, j)
		}
		(*got).pages[0].chapter = "marked"
		first := func(f *flow) *built { return f.pages[pageOf(f, bs[i].starts().dests[0])] }
		if pg := first(l.paginate(bs, sh.paged)); pg.chapter != "marked" {
			t.Errorf("measure %v: the stretch's first page has the running title %q, not the one marked in the table", measure, pg.chapter)
		}
		edited := slices.Clone(bs)
		edited[j-1] = copyBox(bs[j-1])
		f := l.paginate(edited, sh.paged)
		if pg := first(f); pg.chapter == "marked" {
			t.Errorf("measure %v: a stretch with a box changed was taken from the table", measure)
		}
		same("a box changed", f, edited)
	}
}

// TestRenumberedKept checks that a unit renumbered for the page numbers it prints is the same
// boxes the next time it prints the same numbers: in the next build, Shared.paged then holds
// their pages.
func TestRenumberedKept(t *testing.T) {
	b, sh := sample.Book(), NewShared()
	// a build: a pass without page numbers, then one with them, the same memos
	build := func() []*vbox {
		var memos []*memo
		var out []*vbox
		for _, numbered := range []bool{false, true} {
			l := newLay(b, nil, newMemo(), sh)
			l.unknown = guessPages(b)
			us := l.units()
			if memos == nil {
				memos = make([]*memo, len(us))
				for i := range memos {
					memos[i] = newMemo()
				}
			}
			if numbered {
				l.refs = map[string]string{}
				for _, bx := range out {
					for _, r := range bx.cited().refs {
						l.refs[r.dest] = "7" // as wide as the placeholder: renumbered, not set again
					}
				}
			}
			out = l.body(us, memos)
		}
		return out
	}
	first := build()
	var printing []*vbox
	for _, bx := range first {
		if len(bx.cited().refs) > 0 {
			printing = append(printing, bx)
		}
	}
	if len(printing) == 0 {
		t.Fatal("the sample book prints no page number")
	}
	sh = sh.Renew()
	again := build()
	for _, bx := range printing {
		if !slices.Contains(again, bx) {
			t.Errorf("a box printing %q was renumbered again, not kept", bx.texts[bx.cited().refs[0].text].S)
		}
	}
}
