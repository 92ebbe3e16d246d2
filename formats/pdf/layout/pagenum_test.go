package layout

import (
	"strconv"
	"strings"
	"testing"

	"bookc/builder/tree"
	"bookc/builder/tree/sample"
	"bookc/formats/pdf/page"
)

// TestPrintedPageNumbers builds books whose titles collide (a chapter titled as another chapter's
// heading, two sections of one title, a part titled as a chapter) and checks that every link
// target names one place, and every page number printed inside a link, in the contents and after
// cross-references, is the number of the page its destination is on.
func TestPrintedPageNumbers(t *testing.T) {
	filler := sample.Para(sample.Text(strings.Repeat("Words to fill a page or so. ", 120)))
	chapter := func(id, title string, n int, blocks ...tree.Block) *tree.Chapter {
		bs := append(tree.Blocks{sample.Heading(1, id+"-title", title), filler}, blocks...)
		return &tree.Chapter{ID: id, Title: title, Number: tree.Number{n}, Blocks: bs}
	}
	see := func(chapter, anchor string) tree.Block {
		return sample.Para(sample.Text("See "), &tree.XRef{Chapter: chapter, Anchor: anchor, Content: tree.Inlines{sample.Text("there")}}, sample.Text("."))
	}
	b := bookOf()
	b.Parts = []*tree.Part{{Title: "Setup", Chapters: []*tree.Chapter{
		// the introduction's heading "Setup" has the ID the builder gives it, equal to the next chapter's
		chapter("intro", "Introduction", 1, sample.Heading(2, "setup", "Setup"), filler, filler, see("setup", ""), see("intro", "setup")),
		chapter("setup", "Setup", 2, filler, sample.Heading(2, "setup-2", "Setup"), filler, filler, sample.Heading(2, "intro-2", "Introduction"),
			see("intro", ""), see("setup", "setup-2"), see("setup", "intro-2")),
	}}}
	doc, _ := Book(b)
	if checked := checkPageNumbers(t, doc); checked < 10 {
		t.Errorf("only %d page numbers found to check", checked)
	}
}

// checkPageNumbers checks that every link target names one place, and that every page number
// printed inside a link is the number of the page its destination is on; it returns how many
// numbers it checked.
func checkPageNumbers(t *testing.T, doc *page.Doc) int {
	t.Helper()
	pageOf := map[string]int{}
	at := map[string]page.Dest{}
	for _, d := range doc.Dests {
		if first, ok := at[d.Name]; ok && (first.Page != d.Page || first.Y != d.Y) {
			t.Errorf("%q names two places, page %d and page %d: its links can land on one only", d.Name, first.Page+1, d.Page+1)
			continue
		}
		at[d.Name], pageOf[d.Name] = d, d.Page
	}
	checked := 0
	for i, p := range doc.Pages {
		for _, l := range p.Links {
			if l.Dest == "" || strings.HasPrefix(l.Dest, "n:") {
				continue // a footnote's mark is its number, not a page's
			}
			dp, ok := pageOf[l.Dest]
			if !ok {
				t.Errorf("page %d: a link to %q, which is nowhere", i+1, l.Dest)
				continue
			}
			for _, tx := range p.AllTexts() {
				if tx.Y < l.Y || tx.Y > l.Y+l.H || tx.X < l.X-0.01 || tx.X > l.X+l.W || !isPageNumber(tx.S) {
					continue
				}
				checked++
				if want := label(doc.Labels, dp); tx.S != want {
					t.Errorf("page %d: %q printed for a link to %s, which is on page %s", i+1, tx.S, l.Dest, want)
				}
			}
		}
	}
	return checked
}

func isPageNumber(s string) bool {
	if _, err := strconv.Atoi(s); err == nil {
		return true
	}
	return s != "" && strings.Trim(s, "ivxlc") == ""
}

// label is how page i (0-based) is numbered.
func label(ls []page.Label, i int) string {
	var at page.Label
	for _, l := range ls {
		if l.Page <= i {
			at = l
		}
	}
	n := i - at.Page + 1
	if !at.Roman {
		return strconv.Itoa(n)
	}
	return roman(n)
}

// TestGuessPages checks what references print before their pages are known: zeros as many as the
// digits of the page their target's place in the text suggests, counted from the body's first
// page; the page count's digits for a target in the front matter and one not found.
func TestGuessPages(t *testing.T) {
	text := func(n int) tree.Block { return sample.Para(sample.Text(strings.Repeat("x", n))) }
	b := bookOf()
	b.Parts = []*tree.Part{
		{Chapters: []*tree.Chapter{{ID: "preface", Blocks: tree.Blocks{sample.Heading(1, "why", "Why"), text(30 * charsPerPage)}}}},
		{Title: "One", Chapters: []*tree.Chapter{
			{ID: "first", Number: tree.Number{1}, Blocks: tree.Blocks{text(5 * charsPerPage), sample.Heading(2, "later", "Later"), text(40 * charsPerPage), sample.Heading(2, "mid", "Mid"), text(160 * charsPerPage)},
				Children: []*tree.Chapter{{ID: "child", Number: tree.Number{1, 1}, Blocks: tree.Blocks{text(charsPerPage)}}}},
			{ID: "draft", Draft: true},
			{ID: "last", Number: tree.Number{2}, Blocks: tree.Blocks{sample.Para(&tree.Anchor{ID: "spot"}, sample.Text("here"))}},
		}},
	}
	g := guessPages(b)
	for _, tt := range []struct{ dest, want string }{
		{chapterDest("preface"), "000"}, // front matter: the page count's digits (237 pages)
		{headingDest("why"), "000"},
		{chapterDest("first"), "0"},     // page 1
		{headingDest("later"), "0"},     // page 6
		{headingDest("mid"), "00"},      // page 46
		{chapterDest("child"), "000"},   // page 206
		{chapterDest("draft"), "000"},   // no pages: not guessed
		{chapterDest("last"), "000"},    // page 207
		{headingDest("spot"), "000"},    // an anchor in the text
		{chapterDest("nowhere"), "000"}, // not in the book
	} {
		if got := g.of(tt.dest); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.dest, got, tt.want)
		}
		// once pages are numbered, a reference asks a guess only of a target they do not have
		known := map[string]string{chapterDest("first"): "1", headingDest("mid"): "46"}
		rest := g.without(known)
		if _, ok := known[tt.dest]; !ok {
			if got := rest.of(tt.dest); got != tt.want {
				t.Errorf("%s, without the known: %q, want %q", tt.dest, got, tt.want)
			}
		} else if _, kept := rest.dests[tt.dest]; kept {
			t.Errorf("%s is known, and its guess kept", tt.dest)
		}
		if len(rest.dests) != len(g.dests)-len(known) || rest.text != g.text {
			t.Errorf("without the known: %d guesses of %d bytes, want %d of %d", len(rest.dests), rest.text, len(g.dests)-len(known), g.text)
		}
	}
}
