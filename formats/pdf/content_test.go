package pdf

import (
	"regexp"
	"strings"
	"testing"

	"bookc/builder/tree"
)

var wordRx = regexp.MustCompile(`[0-9A-Za-z\x{00C0}-\x{024F}\x{0370}-\x{03FF}\x{0400}-\x{04FF}]+`)

// bag counts words as /work/shared/tools/text-recall does: letters and digits, case-folded.
func bag(s string) map[string]int {
	m := map[string]int{}
	for _, w := range wordRx.FindAllString(s, -1) {
		m[strings.ToLower(w)]++
	}
	return m
}

// bookText is every word a reader should find: chapter titles, blocks and footnotes.
func bookText(b *tree.Book) string {
	var sb strings.Builder
	for _, c := range b.Chapters() {
		tree.WalkChapter(c, func(bl tree.Block) {
			switch n := bl.(type) {
			case *tree.CodeBlock:
				sb.WriteString(n.Text + "\n")
			case *tree.HTMLBlock:
				sb.WriteString(n.Text + "\n")
			case *tree.Figure:
				sb.WriteString(tree.PlainText(n.Caption) + "\n") // a drawn image carries no alt text
			default:
				for is := range tree.InlinesOf(bl) {
					sb.WriteString(tree.PlainText(is) + "\n")
				}
			}
		}, nil)
	}
	return sb.String()
}

var hyphenated = regexp.MustCompile(`(\w)[-\x{00AD}]\n\s*([a-z])`)

// TestTextKept checks that the PDF keeps the book's words (text-recall's measure), and that the
// words that are hardest to keep (long URLs, identifiers, code lines) are there whole.
func TestTextKept(t *testing.T) {
	b := stressBook(3)
	_, path := render(t, b)
	text := strings.Join(pageTexts(t, path), "\n")
	text = hyphenated.ReplaceAllString(text, "$1$2")
	src, got := bag(bookText(b)), bag(text)
	total, found := 0, 0
	var missed []string
	for w, n := range src {
		total += n
		found += min(n, got[w])
		if got[w] < n {
			missed = append(missed, w)
		}
	}
	if r := float64(found) / float64(total); r < 0.995 {
		t.Errorf("recall %.4f < 0.995; missed %v", r, missed)
	}
	flat := strings.Join(strings.Fields(text), "")
	for _, s := range []string{"WatchNodesInClusterWithFilters", "node_image_x86_64-linux-gnu_with_debug_symbols.tar.zst",
		"applyDiff(ctx,computeDiff(desired,actual),opts...)"} {
		if !strings.Contains(flat, s) {
			t.Errorf("%q is not in the PDF in one piece", s)
		}
	}
}

// TestFootnotes checks that each footnote sits on the page that refers to it.
func TestFootnotes(t *testing.T) {
	_, path := render(t, stressBook(4))
	n := 0
	for i, p := range pageTexts(t, path) {
		if !strings.Contains(p, "Footnote text of chapter") {
			continue
		}
		n++
		// words, whatever white pdftotext puts between them: a raised footnote mark on a line can
		// make it see a blank line above
		if !strings.Contains(strings.Join(strings.Fields(p), " "), "a note") {
			t.Errorf("page %d has a footnote but not the reference to it", i+1)
		}
	}
	if n != 4 {
		t.Errorf("%d pages with footnotes, want 4", n)
	}
}
