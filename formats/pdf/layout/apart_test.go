package layout

import (
	"fmt"
	"reflect"
	"runtime"
	"testing"

	"bookc/builder/tree"
	"bookc/builder/tree/sample"
)

// TestApart checks that the chapters paginated apart, on every core, are the pages paginating the
// book in one go makes, with the same link targets, outline entries and structure tree: the
// handbook's body one- and two-sided, with sub-chapters on pages of their own, measured, put on
// pages and tracked, and a book of chapters whose many short sub-chapters log more sections than
// a stretch's room holds.
func TestApart(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(max(4, runtime.GOMAXPROCS(0))))
	ed := handbookEdition(t)
	for _, tt := range []struct {
		name                   string
		book                   *tree.Book
		two, sections, measure bool
		track                  bool
		outgrows               bool // a stretch logs more than its room holds
	}{
		{name: "one-sided", book: ed},
		{name: "one-sided, measured", book: ed, measure: true},
		{name: "two-sided", book: ed, two: true},
		{name: "two-sided, sections", book: ed, two: true, sections: true},
		{name: "two-sided, measured", book: ed, two: true, measure: true},
		{name: "tracked", book: ed, track: true},
		{name: "short sub-chapters", book: shortSubChapters(), outgrows: true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b := *tt.book
			b.Settings.TwoSided, b.Settings.SectionPages = tt.two, tt.sections
			us := (&lay{book: &b}).units()
			memos := make([]*memo, len(us))
			for i := range memos {
				memos[i] = newMemo()
			}
			l := newLay(&b, nil, newMemo(), solo())
			l.unknown, l.measure, l.track = guessPages(&b), tt.measure, tt.track
			bs := l.body(us, memos)
			cuts := chapterCuts(bs)
			if len(cuts) < 3 {
				t.Fatalf("%d cuts in %d boxes, want a chapter's", len(cuts), len(bs))
			}
			if tt.outgrows {
				bounds, outgrew := append(append([]int{0}, cuts...), len(bs)), false
				for k := range len(bounds) - 1 {
					n := bounds[k+1] - bounds[k]
					outgrew = outgrew || len(l.cut(bs[bounds[k]:bounds[k+1]], nil, nil).tags.events) > logRoom(n)+2
				}
				if !outgrew {
					t.Fatal("no stretch outgrows its room in the tag log")
				}
			}
			whole, apart := l.cut(bs, nil, nil), l.apart(bs, cuts)
			l.endOnVerso(whole)
			l.endOnVerso(apart)
			same := func(what string) {
				t.Helper()
				if len(whole.pages) != len(apart.pages) {
					t.Fatalf("%s: %d pages apart, %d in one go", what, len(apart.pages), len(whole.pages))
				}
				for i := range whole.pages {
					if !reflect.DeepEqual(*whole.pages[i], *apart.pages[i]) {
						t.Fatalf("%s: page %d differs", what, i+1)
					}
				}
			}
			same("pages")
			if !reflect.DeepEqual(whole.dests, apart.dests) || !reflect.DeepEqual(whole.marks, apart.marks) {
				t.Error("the link targets or the outline differ")
			}
			if !reflect.DeepEqual(whole.tags.events, apart.tags.events) {
				t.Error("the tag logs differ")
			}
			if !reflect.DeepEqual(whole.tree(), apart.tree()) {
				t.Error("the structure trees differ")
			}
			same("tagged pages")
		})
	}
}

// shortSubChapters is a book of chapters each with twelve sub-chapters of a line.
func shortSubChapters() *tree.Book {
	var cs []*tree.Chapter
	for i := range 6 {
		c := &tree.Chapter{ID: fmt.Sprint("c", i), Title: fmt.Sprint("Chapter ", i), Number: tree.Number{i + 1}, Blocks: tree.Blocks{words("Text", 40)}}
		for k := range 12 {
			id := fmt.Sprintf("c%d-%d", i, k)
			c.Children = append(c.Children, &tree.Chapter{ID: id, Title: "Sub " + id, Number: tree.Number{i + 1, k + 1}, Blocks: tree.Blocks{sample.Heading(1, id, "Sub "+id), words("Line", 5)}})
		}
		cs = append(cs, c)
	}
	return bookOf(cs...)
}

// TestChapterCuts checks where a book's boxes are cut to be paginated apart: before each box
// after the first that opens a titled chapter or part, and nowhere when a footnote is cited on
// both sides of a cut, or when there is one core.
func TestChapterCuts(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(max(2, runtime.GOMAXPROCS(0))))
	opening := func(title string, level int) *vbox {
		return &vbox{newPage: true, flow: &flowInfo{chapter: &chapMark{title: title, level: level, opens: true}}}
	}
	citing := func(notes ...string) *vbox { return &vbox{h: 10, cites: &cites{notes: notes}} }
	line := &vbox{h: 10}
	for _, tt := range []struct {
		name string
		bs   []*vbox
		want []int
	}{
		{"chapters", []*vbox{opening("One", chapterHead), line, opening("Two", chapterHead), line, opening("Three", chapterHead)}, []int{2, 4}},
		{"a sub-chapter's page", []*vbox{opening("One", chapterHead), line, opening("One.1", subHead), line, opening("Two", chapterHead)}, []int{4}},
		{"an untitled chapter", []*vbox{opening("One", chapterHead), line, opening("", chapterHead), line}, nil},
		{"one chapter", []*vbox{opening("One", chapterHead), line, line}, nil},
		{"notes of their own", []*vbox{opening("One", chapterHead), citing("a"), citing("a"), opening("Two", chapterHead), citing("b")}, []int{3}},
		{"a note cited by two chapters", []*vbox{opening("One", chapterHead), citing("a"), opening("Two", chapterHead), citing("b", "a")}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := chapterCuts(tt.bs); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("cuts %v, want %v", got, tt.want)
			}
		})
	}
	t.Run("one core", func(t *testing.T) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
		if got := chapterCuts([]*vbox{opening("One", chapterHead), line, opening("Two", chapterHead)}); got != nil {
			t.Errorf("cuts %v on one core", got)
		}
	})
}
