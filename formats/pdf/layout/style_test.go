package layout

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"bookc/builder/tree"
	"bookc/builder/tree/sample"
)

// TestPageGeometry checks the pages of each paper size and body size: a line of body text holds
// 60 to 75 characters, the text block and its furniture lie inside the page with side margins of
// at least minSide, and the head and foot margins are equal.
func TestPageGeometry(t *testing.T) {
	for _, tt := range []struct {
		paper      tree.Paper
		size, lead float64
	}{
		{tree.Paper{}, 0, 0}, // A4, bookc's own size
		{tree.Paper{Name: "a4", W: 595.28, H: 841.89}, 0, 0},
		{tree.Paper{Name: "letter", W: 612, H: 792}, 0, 0},
		{tree.Paper{Name: "a5", W: 419.53, H: 595.28}, 0, 0},
		{tree.Paper{Name: "6x9in", W: 432, H: 648}, 0, 0},
		{tree.Paper{Name: "7x10in", W: 504, H: 720}, 0, 0},
		{tree.Paper{Name: "royal", W: 442.2, H: 663.31}, 0, 0},
		{tree.Paper{Name: "170x240mm", W: 481.89, H: 680.31}, 0, 0},
		{tree.Paper{Name: "a4", W: 595.28, H: 841.89}, 12, 18},
		{tree.Paper{Name: "a4", W: 595.28, H: 841.89}, 14, 0},
		{tree.Paper{Name: "a5", W: 419.53, H: 595.28}, 9, 12},
		{tree.Paper{Name: "6x9in", W: 432, H: 648}, 8, 0},
	} {
		s := tree.Settings{Paper: tt.paper, FontSize: tt.size, LineHeight: tt.lead}
		name := tt.paper.Name + "/" + fmtSize(tt.size)
		g := PageGeometry(s)
		if tt.paper.W > 0 && (g.W != tt.paper.W || g.H != tt.paper.H) {
			t.Errorf("%s: page %v x %v, want %v x %v", name, g.W, g.H, tt.paper.W, tt.paper.H)
		}
		if right := g.W - g.Left - g.Measure; g.Left < minSide || right < minSide || math.Abs(g.Left-right) > 1e-9 {
			t.Errorf("%s: side margins %.1f and %.1f, want equal and at least %v", name, g.Left, right, minSide)
		}
		if foot := g.H - g.Top - g.TextH; foot != g.Top {
			t.Errorf("%s: head margin %.1f, foot margin %.1f", name, g.Top, foot)
		}
		if !(0 < g.HeaderY && g.HeaderY < g.Top && g.Top+g.TextH < g.FooterY && g.FooterY < g.H) {
			t.Errorf("%s: running header at %.1f, folio at %.1f: outside the margins of the text block %.1f to %.1f", name, g.HeaderY, g.FooterY, g.Top, g.Top+g.TextH)
		}
		// nine lines in ten hold 60 to 75 characters: the shortest tenth and the longest are out
		if c := lineCounts(s); c[len(c)/10] < 60 || c[len(c)*9/10] > 75 {
			t.Errorf("%s: a measure of %.1f pt holds %d to %d characters of body text on nine lines in ten, want 60 to 75", name, g.Measure, c[len(c)/10], c[len(c)*9/10])
		}
		if _, _, narrow := narrowMeasure(s); narrow {
			t.Errorf("%s: warned of a narrow measure", name)
		}
	}
}

// charsPerLine is the median number of characters in the full lines of a paragraph set with a
// book's settings.
func charsPerLine(s tree.Settings) int {
	counts := lineCounts(s)
	return counts[len(counts)/2]
}

// lineCounts are the numbers of characters in the full lines of a paragraph set with a book's
// settings, fewest first.
func lineCounts(s tree.Settings) []int {
	l := newLay(&tree.Book{Language: "en", Settings: s}, nil, newMemo(), NewShared())
	text := knuthFrog + " " + knuthFrog + " " + knuthFrog
	lines := lineTexts(l.paragraph(l.runs(tree.Inlines{&tree.Text{Text: text}}, l.text(), nil), l.g.Left, l.g.Measure))
	var counts []int
	for _, ln := range lines[:len(lines)-1] { // the last line is short
		counts = append(counts, utf8.RuneCountInString(ln))
	}
	slices.Sort(counts)
	return counts
}

// TestNarrowMeasure checks the warning for type too large for its paper: given where a line
// holds fewer than 60 characters, with about that count, and the size it suggests holds 60.
func TestNarrowMeasure(t *testing.T) {
	a5, sixByNine := tree.Paper{Name: "a5", W: 419.53, H: 595.28}, tree.Paper{Name: "6x9in", W: 432, H: 648}
	for _, tt := range []struct {
		paper        tree.Paper
		size         float64
		inner, outer float64
	}{{a5, 12, 0, 0}, {a5, 14, 0, 0}, {sixByNine, 12, 0, 0}, {sixByNine, 13, 0, 0}, {tree.A4, 10.5, 200, 100}, {a5, 9, 100, 0}} {
		s := tree.Settings{Paper: tt.paper, FontSize: tt.size, InnerMargin: tt.inner, OuterMargin: tt.outer}
		name := fmt.Sprintf("%s/%s/%v+%v", tt.paper.Name, fmtSize(tt.size), tt.inner, tt.outer)
		cpl, fits, narrow := narrowMeasure(s)
		if !narrow {
			t.Errorf("%s: no warning, though a line holds %d characters", name, charsPerLine(s))
			continue
		}
		if got := charsPerLine(s); got >= 60 || cpl < got-3 || cpl > got+3 {
			t.Errorf("%s: warned of about %d characters a line; it holds %d", name, cpl, got)
		}
		s.FontSize = fits
		if got := charsPerLine(s); got < 60 || fits >= tt.size {
			t.Errorf("%s: suggested %v pt, which holds %d characters a line", name, fits, got)
		}
		if _, _, narrow := narrowMeasure(s); narrow {
			t.Errorf("%s: the suggested %v pt is warned of too", name, fits)
		}
	}
	for _, tt := range []struct {
		paper        tree.Paper
		size         float64
		inner, outer float64
		want         string
	}{
		{a5, 12, 0, 0, `font-size = 12 on paper = "a5" sets about`},
		{tree.A4, 10.5, 200, 100, `font-size = 10.5 on paper = "a4" between inner-margin and outer-margin sets about 58 characters a line, fewer than the 60 a book reads well at: use font-size = 10 or less, or narrower margins`},
	} {
		doc := sample.Book()
		doc.Settings.Paper, doc.Settings.FontSize, doc.Settings.InnerMargin, doc.Settings.OuterMargin = tt.paper, tt.size, tt.inner, tt.outer
		if _, diags := Book(doc); !strings.Contains(fmt.Sprint(diags), tt.want) {
			t.Errorf("Book on %s at %v pt: diagnostics %v, want the narrow measure's", tt.paper.Name, tt.size, diags)
		}
	}
}

func fmtSize(v float64) string {
	if v == 0 {
		return "default"
	}
	return strconv.FormatFloat(v, 'g', -1, 64) + "pt"
}

// TestFontSize checks that font-size scales every size of the book, headings, code, notes and the
// running headers too, and that line-height sets the leading of body text.
func TestFontSize(t *testing.T) {
	sizes := func(s tree.Settings) map[float64]bool {
		b := sample.Book()
		b.Settings.FontSize, b.Settings.LineHeight = s.FontSize, s.LineHeight
		doc, _ := Book(b)
		out := map[float64]bool{}
		for _, p := range doc.Pages {
			for _, tx := range p.AllTexts() {
				out[math.Round(tx.Size*100)/100] = true
			}
		}
		return out
	}
	base := sizes(tree.Settings{})
	big := sizes(tree.Settings{FontSize: 12})
	if len(base) < 5 || len(big) != len(base) {
		t.Fatalf("sizes at 10.5 pt %v, at 12 pt %v: want as many, at least 5", base, big)
	}
	for s := range base {
		if want := math.Round(s*12/bodySize*100) / 100; !big[want] {
			t.Errorf("%v pt at 10.5 is not %v at 12: %v", s, want, big)
		}
	}
	for _, tt := range []struct{ size, lead, want float64 }{
		{0, 0, bodyLead}, {12, 0, bodyLead * 12 / bodySize}, {12, 18, 18}, {0, 12, 12},
	} {
		l := newLay(&tree.Book{Language: "en", Settings: tree.Settings{FontSize: tt.size, LineHeight: tt.lead}}, nil, newMemo(), NewShared())
		lines := l.paragraph(l.runs(tree.Inlines{&tree.Text{Text: knuthFrog}}, l.text(), nil), 0, l.g.Measure)
		if h := lines[0].h; math.Abs(h-tt.want) > 1e-9 {
			t.Errorf("font-size %v, line-height %v: lines %v pt apart, want %v", tt.size, tt.lead, h, tt.want)
		}
	}
}

// TestContentsDepth checks toc-depth: the contents list every chapter and sub-chapter, and of a
// chapter's headings the levels below its title that the depth asks for, 2 by default.
func TestContentsDepth(t *testing.T) {
	h := func(level int, text string) *tree.Heading {
		return &tree.Heading{Level: level, ID: "h-" + strings.ToLower(text), Content: tree.Inlines{&tree.Text{Text: text}}}
	}
	child := &tree.Chapter{ID: "child", Title: "Child", Blocks: tree.Blocks{h(1, "Child"), h(2, "Inner")}}
	ch := &tree.Chapter{ID: "top", Title: "Top", Children: []*tree.Chapter{child},
		Blocks: tree.Blocks{h(1, "Top"), h(2, "Section"), h(3, "Subsection"), h(4, "Deep"), h(2, "Other")}}
	for _, tt := range []struct {
		depth int
		want  []string
	}{
		{1, []string{"Top", "Child"}},
		{0, []string{"Top", "Section", "Other", "Child", "Inner"}},
		{2, []string{"Top", "Section", "Other", "Child", "Inner"}},
		{3, []string{"Top", "Section", "Subsection", "Other", "Child", "Inner"}},
		{6, []string{"Top", "Section", "Subsection", "Deep", "Other", "Child", "Inner"}},
	} {
		b := &tree.Book{Language: "en", Settings: tree.Settings{TOCDepth: tt.depth}, Parts: []*tree.Part{{Chapters: []*tree.Chapter{ch}}}}
		l := newLay(b, nil, newMemo(), NewShared())
		var got []string
		for _, ln := range lineTexts(l.contents(map[string]string{})) {
			if f := strings.Fields(ln); len(f) > 0 && f[0] != "Contents" {
				got = append(got, f[0])
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("toc-depth %d: contents %q, want %q", tt.depth, got, tt.want)
		}
	}
}

// TestNumberTied checks that a chapter's number stays on the line of its title's first word, in
// its heading and in the contents, at every measure that holds the two (from 250 pt for the
// heading's 18 pt bold).
func TestNumberTied(t *testing.T) {
	title := "Internationalisation considerations"
	child := &tree.Chapter{ID: "child", Title: title, Number: tree.Number{12, 10}}
	b := &tree.Book{Language: "en", Parts: []*tree.Part{{Chapters: []*tree.Chapter{{ID: "top", Title: "Top", Number: tree.Number{12}, Children: []*tree.Chapter{child}}}}}}
	for w := 250.0; w < 400; w += 3 {
		l := newLay(b, nil, newMemo(), NewShared())
		l.noHyphen = true // for the line to break only between words
		l.g.Measure = w
		heading := l.subOpening(child, tree.Inlines{&tree.Text{Text: title}}, title, 1, 1, nil)
		for _, ln := range append(lineTexts(l.contents(map[string]string{})), lineTexts(heading)...) {
			if f := strings.Fields(ln); len(f) > 0 && strings.HasPrefix(f[0], "12.10") && !strings.Contains(ln, "Internationalisation") {
				t.Errorf("at %v pt, the number is on a line without the title's first word: %q", w, ln)
			}
		}
	}
}
