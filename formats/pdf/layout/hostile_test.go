package layout

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"bookc/builder/tree"
	"bookc/builder/tree/sample"
	"bookc/formats/pdf/page"
)

// Hostile books: inputs far past any real book's, which must cost time in proportion to their
// size and still keep every line inside the text block. The benchmarks set each at 1x and 10x:
// the 10x time should be at most about 11 times the 1x.

// bookOf is the sample book with only the given chapters.
func bookOf(cs ...*tree.Chapter) *tree.Book {
	b := sample.Book()
	b.Parts = []*tree.Part{{Chapters: cs}}
	return b
}

func longTitle(n int) string { return strings.TrimSpace(strings.Repeat("Long title words ", n/17)) }

// titleBook has a title of n bytes everywhere a title goes, and text enough for running headers.
func titleBook(n int) *tree.Book {
	title := longTitle(n)
	chapter := func(id string, kids ...*tree.Chapter) *tree.Chapter {
		return &tree.Chapter{ID: id, Title: title, Number: tree.Number{1}, Children: kids, Blocks: tree.Blocks{
			sample.Heading(1, id, title), sample.Para(sample.Text(strings.Repeat("Some text. ", 2000))), sample.Heading(2, id+"-s", title)}}
	}
	b := bookOf()
	b.Title, b.Description, b.Edition.Title, b.Authors = title, title, title, []string{title, title}
	b.Parts = []*tree.Part{{Title: title, Chapters: []*tree.Chapter{chapter("a", chapter("b"))}}}
	return b
}

// TestFitText checks that a title too wide for the running header is cut to the longest prefix
// that fits with the ellipsis, and that one that fits is left as it is.
func TestFitText(t *testing.T) {
	st := style{font: page.Italic, size: smallSize}
	const measure = 432.0
	for _, n := range []int{1_000, 20_000, 200_000} {
		s := longTitle(n)
		got := fitText(s, st, measure)
		prefix, ok := strings.CutSuffix(got, "…")
		if !ok || !strings.HasPrefix(s, prefix) {
			t.Fatalf("%d bytes: got %q, want a prefix of the title and an ellipsis", n, got)
		}
		if w := st.face().Width(got, st.size); w > measure {
			t.Errorf("%d bytes: %q is %.2f wide, past the measure %v", n, got, w, measure)
		}
		next := s[:len(prefix)+1] + "…" // the titles are ASCII
		if w := st.face().Width(next, st.size); w <= measure {
			t.Errorf("%d bytes: cut at %d bytes, but %q fits too (%.2f)", n, len(prefix), next, w)
		}
	}
	if s := "A short title"; fitText(s, st, measure) != s {
		t.Errorf("%q was cut", s)
	}
}

// TestLongTitles lays out a book with titles of 20 kB and 200 kB: the title page stays one page,
// running headers end with the ellipsis, bookmarks are cut, and no line leaves the text block.
func TestLongTitles(t *testing.T) {
	for _, n := range []int{20_000, 200_000} {
		doc, _ := Book(titleBook(n))
		g := PageGeometry(tree.Settings{})
		checkInside(t, fmt.Sprint(n, " bytes"), doc, g)
		if len(doc.Labels) < 2 || doc.Outline[0].Title != "Contents" || doc.Outline[0].Page != 1 {
			t.Errorf("%d bytes: the contents do not start on the second page: %+v", n, doc.Outline[0])
		}
		for _, m := range doc.Outline {
			if len(m.Title) > 4*maxOutlineTitle {
				t.Errorf("%d bytes: bookmark title of %d bytes, past PDF's string limit in the end", n, len(m.Title))
			}
		}
		heads := 0
		for _, p := range doc.Pages {
			for _, tx := range p.AllTexts() {
				if tx.Y == g.HeaderY && strings.HasPrefix(tx.S, "Long") {
					heads++
					if !strings.HasSuffix(tx.S, "…") {
						t.Errorf("%d bytes: running header %.40q… has no ellipsis", n, tx.S)
					}
				}
			}
		}
		if heads == 0 {
			t.Errorf("%d bytes: no running header names the chapter", n)
		}
	}
}

// noteBook is one paragraph citing n footnotes of words words each, its references sep apart.
func noteBook(n, words int, sep string) *tree.Book {
	var in tree.Inlines
	var notes []*tree.Footnote
	for i := 1; i <= n; i++ {
		id := fmt.Sprint("fn-a-", i)
		in = append(in, sample.Text("x"+sep), &tree.FootnoteRef{Number: i, ID: id})
		notes = append(notes, &tree.Footnote{Number: i, ID: id, Blocks: tree.Blocks{
			sample.Para(sample.Text(fmt.Sprint("Note ", i, " ", strings.Repeat("word ", words))))}})
	}
	next := &tree.Chapter{ID: "b", Title: "B", Blocks: tree.Blocks{sample.Heading(1, "b", "B")}}
	return bookOf(&tree.Chapter{ID: "a", Title: "A", Footnotes: notes, Blocks: tree.Blocks{sample.Heading(1, "a", "A"), &tree.Paragraph{Content: in}}}, next)
}

// TestTallNotes checks footnotes that do not fit the page of their reference, a line citing more
// than a page holds: they go on over the next pages, in order, before the next chapter, inside
// the text block.
func TestTallNotes(t *testing.T) {
	for _, sep := range []string{" ", ""} {
		b := noteBook(300, 40, sep)
		doc, _ := Book(b)
		checkInside(t, fmt.Sprintf("references %q apart", sep), doc, PageGeometry(tree.Settings{}))
		on := map[string]int{}
		for _, d := range doc.Dests {
			if _, dup := on[d.Name]; !dup {
				on[d.Name] = d.Page
			}
		}
		last := 0
		for i := 1; i <= 300; i++ {
			p, ok := on[footnoteDest(fmt.Sprint("fn-a-", i))]
			switch {
			case !ok:
				t.Fatalf("note %d is not set", i)
			case p < last:
				t.Errorf("note %d on page %d, before note %d on page %d", i, p+1, i-1, last+1)
			case p >= on[chapterDest("b")]:
				t.Errorf("note %d on page %d, in the next chapter (page %d)", i, p+1, on[chapterDest("b")]+1)
			}
			last = p
		}
	}
}

// deepBook nests n chapters, each in the one before.
func deepBook(n int) *tree.Book {
	var top *tree.Chapter
	for i := n; i > 0; i-- {
		id := fmt.Sprint("c", i)
		num := make(tree.Number, i)
		for k := range num {
			num[k] = 1
		}
		c := &tree.Chapter{ID: id, Title: "Chapter title", Number: num, Blocks: tree.Blocks{
			sample.Heading(1, id, "Chapter title"), sample.Para(sample.Text("Text.")), sample.Heading(2, id+"-s", "A section")}}
		if top != nil {
			c.Children = []*tree.Chapter{top}
		}
		top = c
	}
	return bookOf(top)
}

// TestDeepContents checks that contents nested 100 levels deep stay inside the text block.
func TestDeepContents(t *testing.T) {
	doc, _ := Book(deepBook(100))
	checkInside(t, "100 levels", doc, PageGeometry(tree.Settings{}))
}

func BenchmarkLongTitle(b *testing.B) {
	for _, x := range []int{1, 10} {
		book := titleBook(20_000 * x)
		b.Run(fmt.Sprint(x, "x"), func(b *testing.B) {
			for b.Loop() {
				Book(book)
			}
		})
	}
}

// codeBook has one code block of n lines in a language no lexer knows.
func codeBook(n int) *tree.Book {
	var sb strings.Builder
	for i := range n {
		fmt.Fprintf(&sb, "line %d of a long listing, set as it is\n", i)
	}
	return bookOf(&tree.Chapter{ID: "a", Title: "A", Blocks: tree.Blocks{sample.Heading(1, "a", "A"),
		&tree.CodeBlock{Lang: "nosuchlanguage", Text: sb.String()}}})
}

func BenchmarkLongCode(b *testing.B) {
	for _, x := range []int{1, 10} {
		book := codeBook(20_000 * x)
		b.Run(fmt.Sprint(x, "x"), func(b *testing.B) {
			for b.Loop() {
				Book(book)
			}
		})
	}
}

func BenchmarkFootnotes(b *testing.B) {
	for _, x := range []int{1, 10} {
		book := noteBook(20_000*x, 3, " ")
		b.Run(fmt.Sprint(x, "x"), func(b *testing.B) {
			for b.Loop() {
				Book(book)
			}
		})
	}
}

// BenchmarkTallNotes sets footnotes that overflow their pages, carried over page after page.
func BenchmarkTallNotes(b *testing.B) {
	for _, x := range []int{1, 10} {
		book := noteBook(1_000*x, 40, "")
		b.Run(fmt.Sprint(x, "x"), func(b *testing.B) {
			for b.Loop() {
				Book(book)
			}
		})
	}
}

// BenchmarkChapters sets thousands of chapters of one title.
func BenchmarkChapters(b *testing.B) {
	for _, x := range []int{1, 10} {
		cs := make([]*tree.Chapter, 2_000*x)
		for i := range cs {
			id := fmt.Sprint("same-title-", i)
			cs[i] = &tree.Chapter{ID: id, Title: "Same title", Number: tree.Number{i + 1}, Blocks: tree.Blocks{
				sample.Heading(1, id, "Same title"), sample.Para(sample.Text("Some text."))}}
		}
		book := bookOf(cs...)
		b.Run(fmt.Sprint(x, "x"), func(b *testing.B) {
			for b.Loop() {
				Book(book)
			}
		})
	}
}

// BenchmarkMissingGlyphs sets text in a script the fonts lack, thousands of characters of it.
func BenchmarkMissingGlyphs(b *testing.B) {
	for _, x := range []int{1, 10} {
		r := rand.New(rand.NewPCG(1, 2))
		var sb strings.Builder
		for i := range 20_000 * x {
			sb.WriteRune(rune(0x4e00 + r.IntN(20_000))) // CJK ideographs
			if i%20 == 19 {
				sb.WriteByte(' ')
			}
		}
		book := bookOf(&tree.Chapter{ID: "a", Title: "A", Blocks: tree.Blocks{sample.Heading(1, "a", "A"), sample.Para(sample.Text(sb.String()))}})
		b.Run(fmt.Sprint(x, "x"), func(b *testing.B) {
			for b.Loop() {
				Book(book)
			}
		})
	}
}
