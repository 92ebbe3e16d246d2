package layout

import (
	"cmp"
	"fmt"
	"math"
	"strings"
	"testing"

	"bookc/builder/tree"
	"bookc/builder/tree/sample"
	"bookc/formats/pdf/metrics"
	"bookc/formats/pdf/page"
	"bookc/formats/pdf/tags"
)

// laid is a flow of boxes paginated: the page each box is on, -1 for space dropped at a page's
// top, and where on it.
type laid struct {
	l     *lay
	bs    []*vbox
	f     *flow
	page  []int
	y     []float64 // from the top of the text block
	texts []string  // each box's text
}

// paginated paginates boxes that each get a link target of their own, to tell where they went.
func paginated(l *lay, bs []*vbox) *laid {
	for k, b := range bs {
		own(b).dests = append(b.starts().dests, fmt.Sprint("box:", k))
	}
	r := &laid{l: l, bs: bs, f: l.paginate(bs, nil), page: make([]int, len(bs)), y: make([]float64, len(bs))}
	for k := range r.page {
		r.page[k] = -1
	}
	for _, d := range r.f.dests {
		var k int
		if _, err := fmt.Sscanf(d.Name, "box:%d", &k); err == nil {
			r.page[k], r.y[k] = d.Page, d.Y-l.g.Top
		}
	}
	r.texts = lineTexts(bs)
	return r
}

// find is the first box whose text holds s.
func (r *laid) find(t *testing.T, s string) int {
	t.Helper()
	for k, tx := range r.texts {
		if strings.Contains(tx, s) {
			return k
		}
	}
	t.Fatalf("no box holds %q", s)
	return -1
}

// block is the boxes from k up to the next space.
func (r *laid) block(k int) []int {
	var out []int
	for ; k < len(r.bs) && !r.bs[k].glue; k++ {
		out = append(out, k)
	}
	return out
}

// words is a paragraph of n words that starts with the word first and ends with a full stop.
func words(first string, n int) *tree.Paragraph { return wordsEnding(first, n, ".") }

// wordsEnding is a paragraph of n words that starts with the word first and ends with end.
func wordsEnding(first string, n int, end string) *tree.Paragraph {
	ws := strings.Fields(strings.NewReplacer(".", "", ",", "", ";", "").Replace(knuthFrog))
	var sb strings.Builder
	sb.WriteString(first)
	for i := 1; i < n; i++ {
		sb.WriteString(" " + ws[i%len(ws)])
	}
	return sample.Para(sample.Text(sb.String() + end))
}

func codeLines(n int) *tree.CodeBlock {
	var sb strings.Builder
	for i := range n {
		fmt.Fprintf(&sb, "code line %d\n", i+1)
	}
	return &tree.CodeBlock{Lang: "nosuchlanguage", Text: strings.TrimSuffix(sb.String(), "\n")}
}

// sweep lays out blocks on text blocks of many heights, for each break to fall everywhere once.
func sweep(t *testing.T, bs tree.Blocks, check func(t *testing.T, r *laid)) {
	for h := 150.0; h < 420; h += 3.7 {
		l := testLay()
		l.g.TextH = h
		l.chap = &tree.Chapter{ID: "c"}
		r := paginated(l, l.blocks(bs, l.g.Left, l.g.Measure))
		t.Run(fmt.Sprintf("%.1f", h), func(t *testing.T) { check(t, r) })
	}
}

// TestKeepWithNext checks, with the page breaking at every place in turn, that a heading (a rule
// under it too), a paragraph ending in a colon and a figure's image never end a page without what
// follows them,
// and that a short code block never splits, a longer one never with fewer than three lines on a
// side.
func TestKeepWithNext(t *testing.T) {
	png := &tree.Asset{Name: "f.png", MediaType: "image/png", Width: 400, Height: 120, Data: sample.PNG(40, 12)}
	bs := tree.Blocks{
		words("Opening", 70), words("Second", 40),
		sample.Heading(2, "h", "HeadingOne"), words("AfterHeading", 60),
		wordsEnding("Leading", 30, " as follows:"), codeLines(2),
		words("Then", 50), codeLines(2), words("Between", 45),
		&tree.Figure{Image: &tree.Image{Src: "f.png", Alt: "a figure", Asset: png}, Caption: tree.Inlines{sample.Text("CaptionWords")}},
		words("Later", 80), codeLines(8), words("More", 30), codeLines(20),
		sample.Heading(3, "h3", "HeadingTwo"), words("Last", 90),
		sample.Heading(3, "h4", "HeadingRuled"), &tree.ThematicBreak{}, words("AfterRule", 60),
	}
	sweep(t, bs, func(t *testing.T, r *laid) {
		for _, h := range []string{"HeadingOne", "HeadingTwo", "HeadingRuled"} {
			k := r.find(t, h)
			next := r.find(t, map[string]string{"HeadingOne": "AfterHeading", "HeadingTwo": "Last", "HeadingRuled": "AfterRule"}[h])
			if r.page[k] != r.page[next] {
				t.Errorf("heading %s ends page %d", h, r.page[k]+1)
			}
		}
		lead := r.block(r.find(t, "Leading"))
		if code := r.find(t, "code line 1"); r.page[lead[len(lead)-1]] != r.page[code] {
			t.Errorf("the paragraph ending in a colon ends page %d, the code it leads in to is on page %d", r.page[lead[len(lead)-1]]+1, r.page[code]+1)
		}
		img := r.find(t, "CaptionWords") - 2 // the image, the space above the caption, the caption
		if len(r.bs[img].pieces().Images) != 1 {
			t.Fatalf("box %d is no image", img)
		}
		if cap := r.find(t, "CaptionWords"); r.page[img] != r.page[cap] {
			t.Errorf("the image is on page %d, its caption on page %d", r.page[img]+1, r.page[cap]+1)
		}
		// every code block: its lines, by their pages, and the pages they go on to
		goesOn := map[int]float64{} // page -> y of the first code line there
		for k := 0; k < len(r.bs); k++ {
			if r.texts[k] != "code line 1" {
				continue
			}
			n, split := 0, map[int]int{}
			for ; k < len(r.bs) && strings.HasPrefix(r.texts[k], "code line"); k++ {
				if n > 0 && r.page[k] != r.page[k-1] {
					goesOn[r.page[k]] = r.y[k]
				}
				split[r.page[k]]++
				n++
			}
			if n <= shortCode && len(split) > 1 {
				t.Errorf("a code block of %d lines splits: %v", n, split)
			}
			for p, c := range split {
				if c < splitCode && len(split) > 1 {
					t.Errorf("a code block of %d lines leaves %d on page %d", n, c, p+1)
				}
			}
		}
		for p, pg := range r.f.pages {
			at := math.NaN()
			for _, tx := range pg.p.AllTexts() {
				if tx.S == "continued" {
					at = tx.Y - r.l.g.Top
				}
			}
			y, ok := goesOn[p]
			switch {
			case ok && !(at < y):
				t.Errorf("page %d goes on with a code block at y %.1f, marked continued at %v", p+1, y, at)
			case !ok && !math.IsNaN(at):
				t.Errorf("page %d is marked continued, but goes on with no code block", p+1)
			}
		}
	})
}

// TestWidows checks that no paragraph leaves a single line at the foot or the head of a page where
// moving a line or two avoids it, and that the pages before the last end flush at the foot.
func TestWidows(t *testing.T) {
	var bs tree.Blocks
	for i, n := range []int{60, 23, 41, 90, 15, 55, 70, 33, 48, 12, 80, 26, 64, 39} {
		bs = append(bs, words(fmt.Sprint("Para", i), n))
	}
	flushes, pagesSeen := 0, 0
	defer func() {
		t.Logf("%d of %d pages end flush at the foot", flushes, pagesSeen)
		if flushes < pagesSeen/2 { // pages of 10 to 30 lines; the old greedy breaks ended none flush
			t.Errorf("only %d of %d pages end flush at the foot", flushes, pagesSeen)
		}
	}()
	sweep(t, bs, func(t *testing.T, r *laid) {
		for i := range 14 {
			lines := r.block(r.find(t, fmt.Sprint("Para", i, " ")))
			for j := 1; j < len(lines); j++ {
				if r.page[lines[j]] == r.page[lines[j-1]] {
					continue
				}
				if j == 1 || j == len(lines)-1 {
					t.Errorf("paragraph %d (%d lines) breaks after line %d", i, len(lines), j)
				}
			}
		}
		// each page's lowest line, where its glue, stretched as far as it goes, brings it
		type fill struct{ foot, natural, stretch, glue float64 }
		pages := map[int]*fill{}
		for k, b := range r.bs {
			p := r.page[k]
			if p < 0 {
				continue
			}
			if pages[p] == nil {
				pages[p] = &fill{}
			}
			f := pages[p]
			if b.glue {
				f.glue += b.h
				f.stretch += float64(b.stretch) // glue after the last line counts for nothing: see below
				continue
			}
			f.natural += f.glue + b.h
			f.glue = 0
			f.foot = max(f.foot, r.y[k]+b.h)
		}
		flush := 0
		for p := 0; p < len(r.f.pages)-1; p++ {
			f := pages[p]
			stretch := f.stretch
			for k := len(r.bs) - 1; k >= 0; k-- { // less the glue after the last line
				if r.page[k] == p && !r.bs[k].glue {
					break
				}
				if r.page[k] == p {
					stretch -= float64(r.bs[k].stretch)
				}
			}
			want := min(r.l.g.TextH, f.natural+maxRatio*stretch)
			if math.Abs(f.foot-want) > 0.01 {
				t.Errorf("page %d ends at %.2f, want %.2f (text block %.2f)", p+1, f.foot, want, r.l.g.TextH)
			}
			if want == r.l.g.TextH {
				flush++
			}
		}
		flushes, pagesSeen = flushes+flush, pagesSeen+len(r.f.pages)-1
	})
}

// figure is a figure of a w x h pixel image with a caption.
func figure(name string, w, h int) *tree.Figure {
	a := &tree.Asset{Name: name, MediaType: "image/png", Width: w, Height: h, Data: sample.PNG(8, 8)}
	return &tree.Figure{Image: &tree.Image{Src: name, Alt: name, Asset: a}, Caption: tree.Inlines{sample.Text("Caption of " + name)}}
}

// image is the box that shows the named image.
func (r *laid) image(t *testing.T, name string) int {
	t.Helper()
	for k, b := range r.bs {
		for _, im := range b.pieces().Images {
			if im.Name == name {
				return k
			}
		}
	}
	t.Fatalf("no box shows %s", name)
	return -1
}

// TestFloats checks that a figure or table that does not fit where it stands goes to the top of
// the next page while the text after it fills this one; that floats keep their order; that they
// never go past the end of their chapter or sub-chapter; and that a figure in a list, which
// cannot float, keeps its caption.
func TestFloats(t *testing.T) {
	table := &tree.Table{Align: []tree.Align{tree.AlignNone, tree.AlignNone}, Header: []tree.Inlines{{sample.Text("Key")}, {sample.Text("Value")}}}
	for i := range 6 {
		table.Rows = append(table.Rows, []tree.Inlines{{sample.Text(fmt.Sprint("row", i))}, {sample.Text("TableCell words")}})
	}
	chapter := func(id string, bs ...tree.Block) *tree.Chapter {
		return &tree.Chapter{ID: id, Title: id, Number: tree.Number{1}, Blocks: append(tree.Blocks{sample.Heading(1, id, id)}, bs...)}
	}
	type place struct {
		page int
		y    float64
	}
	for _, tt := range []struct {
		name  string
		units [][2]any // a chapter and its depth
		check func(t *testing.T, r *laid, at func(k int) place)
	}{
		{"text fills the page", [][2]any{{chapter("a", words("Before", 150), figure("f", 400, 300), words("After", 40), words("Later", 200)), 0}},
			func(t *testing.T, r *laid, at func(int) place) {
				img, after := at(r.image(t, "f")), at(r.find(t, "After"))
				if before := at(r.find(t, "Before")); after.page != before.page || img.page != before.page+1 || img.y != 0 {
					t.Errorf("text before the figure on page %d, after it on page %d; the figure on page %d at %.1f", before.page+1, after.page+1, img.page+1, img.y)
				}
				if c := at(r.find(t, "Caption of f")); c.page != img.page {
					t.Errorf("the caption on page %d, its figure on page %d", c.page+1, img.page+1)
				}
			}},
		{"in their order", [][2]any{{chapter("a", words("Before", 150), figure("f", 400, 300), figure("g", 400, 40), words("After", 40), words("Later", 200)), 0}},
			func(t *testing.T, r *laid, at func(int) place) {
				f, g := at(r.image(t, "f")), at(r.image(t, "g"))
				if g.page < f.page || g.page == f.page && g.y < f.y {
					t.Errorf("figure g (page %d at %.1f) before figure f (page %d at %.1f)", g.page+1, g.y, f.page+1, f.y)
				}
				if after := at(r.find(t, "After")); after.page >= f.page {
					t.Errorf("the text after the figures on page %d, the first figure on page %d", after.page+1, f.page+1)
				}
			}},
		{"a table", [][2]any{{chapter("a", words("Before", 170), table, words("After", 40), words("Later", 200)), 0}},
			func(t *testing.T, r *laid, at func(int) place) {
				before, row, after := at(r.find(t, "Before")), at(r.find(t, "row0")), at(r.find(t, "After"))
				if after.page != before.page || row.page != before.page+1 {
					t.Errorf("text before the table on page %d, after it on page %d; the table on page %d", before.page+1, after.page+1, row.page+1)
				}
			}},
		{"not past the sub-chapter", [][2]any{{chapter("a", words("Before", 150), figure("f", 400, 300)), 0}, {chapter("b", words("Sub", 100)), 1}},
			func(t *testing.T, r *laid, at func(int) place) {
				if f, sub := at(r.image(t, "f")), at(r.find(t, "Sub ")); sub.page < f.page || sub.page == f.page && sub.y < f.y {
					t.Errorf("the sub-chapter's text on page %d at %.1f, before the figure of the chapter above it (page %d at %.1f)", sub.page+1, sub.y, f.page+1, f.y)
				}
			}},
		{"not past the chapter", [][2]any{{chapter("a", words("Before", 150), figure("f", 400, 300)), 0}, {chapter("b", words("Next", 100)), 0}},
			func(t *testing.T, r *laid, at func(int) place) {
				if f, next := at(r.image(t, "f")), at(r.find(t, "Next ")); next.page <= f.page {
					t.Errorf("the next chapter's text on page %d, the figure on page %d", next.page+1, f.page+1)
				}
			}},
		{"in a list, with its caption", [][2]any{{chapter("a", words("Before", 150), &tree.List{Items: []*tree.ListItem{sample.Item(figure("f", 400, 300))}}, words("After", 40)), 0}},
			func(t *testing.T, r *laid, at func(int) place) {
				f, c, before := at(r.image(t, "f")), at(r.find(t, "Caption of f")), at(r.find(t, "Before"))
				if f.page != c.page || f.page != before.page+1 {
					t.Errorf("the figure on page %d, its caption on page %d, the text before them on page %d", f.page+1, c.page+1, before.page+1)
				}
			}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l := testLay()
			l.g.TextH = 400
			var bs []*vbox
			for _, u := range tt.units {
				d := u[1].(int)
				bs = append(bs, l.chapter(u[0].(*tree.Chapter), d, d)...)
			}
			r := paginated(l, bs)
			tt.check(t, r, func(k int) place { return place{r.page[k], r.y[k]} })
		})
	}
}

// subBook has a part of two chapters, the first with a sub-chapter and a sub-sub-chapter, each
// with a section, a cross-reference and some text.
func subBook(pages bool) *tree.Book {
	chapter := func(id string, n tree.Number, kids ...*tree.Chapter) *tree.Chapter {
		return &tree.Chapter{ID: id, Title: "Title " + id, Number: n, Children: kids, Blocks: tree.Blocks{
			sample.Heading(1, id, "Title "+id), words("Text"+id, 60), sample.Heading(2, id+"-s", "Section "+id), words("More", 30),
			sample.Para(sample.Text("See "), &tree.XRef{Chapter: "c2", Content: tree.Inlines{sample.Text("chapter two")}}, sample.Text("."))}}
	}
	b := bookOf()
	b.Settings.SectionPages = pages
	b.Parts = []*tree.Part{{Title: "Part", Chapters: []*tree.Chapter{
		chapter("c1", tree.Number{1}, chapter("c11", tree.Number{1, 1}, chapter("c111", tree.Number{1, 1, 1}))),
		chapter("c2", tree.Number{2}),
	}}}
	return b
}

// TestRunOn checks that sub-chapters run on after their chapter, under a heading of their
// number and title scaled to their depth, with page-break = "chapter", and start pages of their
// own, under the same heading, with "section"; and that the outline, the links and the page
// numbers of the contents and of cross-references say where they are either way.
func TestRunOn(t *testing.T) {
	for _, tt := range []struct {
		name  string
		pages bool
	}{{"chapter", false}, {"section", true}} {
		t.Run(tt.name, func(t *testing.T) {
			doc, _ := Book(subBook(tt.pages))
			at := map[string]page.Dest{}
			for _, d := range doc.Dests {
				if _, ok := at[d.Name]; !ok {
					at[d.Name] = d
				}
			}
			g := PageGeometry(tree.Settings{})
			c1, c11, c111, c2 := at[chapterDest("c1")], at[chapterDest("c11")], at[chapterDest("c111")], at[chapterDest("c2")]
			if c2.Page <= c111.Page || c1.Y != g.Top {
				t.Errorf("chapter 1 at page %d, y %.1f; chapter 2 on page %d after the sub-chapters' page %d: want each at the top of a page", c1.Page+1, c1.Y, c2.Page+1, c111.Page+1)
			}
			// short chapters: with "chapter", all on one page; with "section", each on its own
			for i, sub := range []page.Dest{c11, c111} {
				wantPage, top := c1.Page, sub.Y < g.Top+30
				if tt.pages {
					wantPage += i + 1
				}
				if sub.Page != wantPage || top != tt.pages {
					t.Errorf("%s on page %d at y %.1f, want page %d, at its top %v", sub.Name, sub.Page+1, sub.Y, wantPage+1, tt.pages)
				}
			}
			// the headings: number and title, in sizes by depth, and no "Chapter 1.1"
			sizes := map[string]float64{}
			for _, p := range doc.Pages {
				for _, tx := range p.AllTexts() {
					if tx.Y < g.Top { // a running header, in the running header's size
						continue
					}
					if strings.HasPrefix(tx.S, "1.1") || strings.HasPrefix(tx.S, "Chapter 1.") {
						sizes[tx.S] = tx.Size
					}
				}
			}
			if s11, s111 := sizes["1.1  Title c11"], sizes["1.1.1  Title c111"]; s11 <= headingSizes[2] || s111 >= s11 || s111 < headingSizes[2] {
				t.Errorf("sub-chapter headings set in %v and %v, want them between a chapter's %v and a section's %v, the deeper smaller: %v", s11, s111, headingSizes[1], headingSizes[2], sizes)
			}
			for s := range sizes {
				if strings.HasPrefix(s, "Chapter 1.") {
					t.Errorf("a sub-chapter opens as a chapter: %q", s)
				}
			}
			// the outline: each chapter at its place, a level below its parent
			levels := map[string]int{}
			for _, m := range doc.Outline {
				for _, d := range []page.Dest{c1, c11, c111, c2} {
					if strings.HasSuffix(m.Title, "Title "+strings.TrimPrefix(d.Name, "c:")) {
						levels[d.Name] = m.Level
						if m.Page != d.Page || m.Y != d.Y {
							t.Errorf("bookmark %q at page %d y %.1f, its chapter at page %d y %.1f", m.Title, m.Page+1, m.Y, d.Page+1, d.Y)
						}
					}
				}
			}
			if levels["c:c11"] != levels["c:c1"]+1 || levels["c:c111"] != levels["c:c1"]+2 || levels["c:c2"] != levels["c:c1"] {
				t.Errorf("outline levels %v", levels)
			}
			if n := checkPageNumbers(t, doc); n < 8 {
				t.Errorf("only %d page numbers checked", n)
			}
		})
	}
}

// TestTwoSided checks a two-sided book: the title page's verso is blank, the contents, parts and
// chapters open on rectos, every flow ends on a verso, the text block sits toward the spine
// (bookc's shift, or book.toml's inner and outer margins, mirrored on versos; one-sided, the
// inner margin on the left of every page), the running header (the chapter's title on versos, the
// section's on rectos) and the folio at the outer edge, and the page
// numbers still agree with the contents.
func TestTwoSided(t *testing.T) {
	g := PageGeometry(tree.Settings{})
	shift := g.Left * 0.2 // TeX's book class: inner margins 4/5 of the centred one, outer 6/5
	for _, tt := range []struct {
		name                 string
		two                  bool
		inner, outer         float64
		rectoLeft, versoLeft float64
	}{
		{"bookc's", true, 0, 0, g.Left - shift, g.Left + shift},
		{"inner 72 outer 54", true, 72, 54, 72, 54},
		{"inner 90", true, 90, 0, 90, g.Left},
		{"outer 60", true, 0, 60, g.Left, 60},
		{"one-sided inner 80 outer 40", false, 80, 40, 80, 80},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b := subBook(false)
			b.Settings.TwoSided, b.Settings.InnerMargin, b.Settings.OuterMargin = tt.two, tt.inner, tt.outer
			c2 := b.Parts[0].Chapters[1]
			for range 20 {
				c2.Blocks = append(c2.Blocks, words("Long", 150)) // pages of text, rectos and versos
			}
			doc, _ := Book(b)
			measure := g.Measure
			if tt.inner > 0 || tt.outer > 0 {
				measure = g.W - cmp.Or(tt.inner, g.Left) - cmp.Or(tt.outer, g.Left)
			}
			opens := map[string]int{}
			for _, d := range doc.Dests {
				if _, ok := opens[d.Name]; !ok {
					opens[d.Name] = d.Page
				}
			}
			if tt.two {
				checkRectoOpenings(t, doc, opens)
			}
			checked := [2]int{} // versos, rectos
			chapters := map[string]bool{"Contents": true, "1  Title c1": true, "2  Title c2": true}
			sections := map[string]bool{"Section c1": true, "Section c2": true, "1.1  Title c11": true, "1.1.1  Title c111": true}
			rectoSections := 0
			for i, p := range doc.Pages {
				recto := i%2 == 0
				left, header, folio, folioEnd := math.Inf(1), math.NaN(), math.NaN(), math.NaN()
				title := ""
				for _, tx := range p.AllTexts() {
					switch {
					case tx.Y == g.HeaderY:
						header, title = tx.X, tx.S
					case tx.Y == g.FooterY:
						folio, folioEnd = tx.X, tx.X+metrics.Reach(tx)
					case tx.Y > g.Top && tx.Y < g.Top+g.TextH:
						left = min(left, tx.X)
					}
				}
				if math.IsInf(left, 1) || i == 0 || i == opens[partDest(0)] {
					continue // blank, or a title set centred
				}
				checked[i%2^1]++
				want := tt.versoLeft
				if recto || !tt.two {
					want = tt.rectoLeft
				}
				if math.Abs(left-want) > 0.01 {
					t.Errorf("page %d (recto %v): text block at x %.2f, want %.2f", i+1, recto, left, want)
				}
				switch {
				case math.IsNaN(header):
				case (!recto || !tt.two) && math.Abs(header-want) > 0.01:
					t.Errorf("page %d, a verso: running header at x %.2f, want the text block's left edge %.2f", i+1, header, want)
				case recto && tt.two && header < want+measure/2:
					t.Errorf("page %d, a recto: running header at x %.2f, want it set against the text block's right edge", i+1, header)
				}
				// two-sided, the chapter on the verso and the section on the recto; the folios outside
				switch {
				case math.IsNaN(header) || !tt.two:
				case !recto && !chapters[title]:
					t.Errorf("page %d, a verso: running header %q, want its chapter's title", i+1, title)
				case recto && !chapters[title] && !sections[title]:
					t.Errorf("page %d, a recto: running header %q, want a section's title", i+1, title)
				case recto && sections[title]:
					rectoSections++
				}
				switch {
				case math.IsNaN(folio):
					t.Errorf("page %d has no folio", i+1)
				case !tt.two && math.Abs(folio+folioEnd-2*want-measure) > 0.01:
					t.Errorf("page %d: folio from x %.2f to %.2f, want it centred on the text block", i+1, folio, folioEnd)
				case tt.two && !recto && math.Abs(folio-want) > 0.01, tt.two && recto && math.Abs(folioEnd-want-measure) > 0.01:
					t.Errorf("page %d (recto %v): folio from x %.2f to %.2f, want it at the outer edge", i+1, recto, folio, folioEnd)
				}
			}
			if tt.two && rectoSections < 2 {
				t.Errorf("%d rectos head a section, want 2 at least", rectoSections)
			}
			if checked[0] < 2 || checked[1] < 2 {
				t.Errorf("%d versos and %d rectos with text, want 2 of each at least", checked[0], checked[1])
			}
			if n := checkPageNumbers(t, doc); n < 8 {
				t.Errorf("only %d page numbers checked", n)
			}
		})
	}
}

// checkRectoOpenings checks a two-sided book's openings: the title page's verso blank, the
// contents, the part and the chapters on rectos, and an even number of pages.
func checkRectoOpenings(t *testing.T, doc *page.Doc, opens map[string]int) {
	t.Helper()
	if len(doc.Pages)%2 != 0 {
		t.Errorf("%d pages: the last is a recto", len(doc.Pages))
	}
	if p := doc.Pages[1]; p.TextCount()+len(p.Rules)+len(p.Images) != 0 {
		t.Errorf("the title page's verso holds %d texts", p.TextCount())
	}
	for _, name := range []string{partDest(0), chapterDest("c1"), chapterDest("c2")} {
		if p, ok := opens[name]; !ok || p%2 != 0 {
			t.Errorf("%s opens on page %d (found %v), want a recto", name, p+1, ok)
		}
	}
	for _, m := range doc.Outline {
		if m.Title == "Contents" && m.Page != 2 {
			t.Errorf("the contents begin on page %d, want 3", m.Page+1)
		}
	}
}

// TestCodeSplitBlanks checks that a code block's blank lines do not count as the three lines a
// split leaves on a side: with the page breaking everywhere, each side holds three lines of text.
func TestCodeSplitBlanks(t *testing.T) {
	var sb strings.Builder
	for i := range 20 {
		if i == 1 || i == 3 || i == 16 || i == 18 {
			sb.WriteString("\n") // blank lines near both ends
			continue
		}
		fmt.Fprintf(&sb, "code line %d\n", i+1)
	}
	block := &tree.CodeBlock{Lang: "nosuchlanguage", Text: strings.TrimSuffix(sb.String(), "\n")}
	splits := 0
	sweep(t, tree.Blocks{words("Opening", 70), block, words("After", 40)}, func(t *testing.T, r *laid) {
		first, last := r.find(t, "code line 1"), r.find(t, "code line 20")
		lines := map[int]int{} // page -> lines with text
		for k := first; k <= last; k++ {
			if r.texts[k] != "" {
				lines[r.page[k]]++
			}
		}
		if len(lines) > 1 {
			splits++
		}
		for p, n := range lines {
			if n < splitCode && len(lines) > 1 {
				t.Errorf("the code block leaves %d lines of text on page %d: %v", n, p+1, lines)
			}
		}
	})
	if splits == 0 {
		t.Error("the code block never split")
	}
}

// TestPageStarts checks where PageStarts says each page begins: every page of the body but the
// part's, by the number it prints, in order; a page that opens a chapter begins at the chapter,
// one that begins with a block at that block of its chapter, and one that begins inside a block
// at the block it goes on with.
func TestPageStarts(t *testing.T) {
	b := subBook(false)
	c2 := b.Parts[0].Chapters[1]
	for i := range 12 {
		c2.Blocks = append(c2.Blocks, words(fmt.Sprint("Block", i), 150))
	}
	doc, _ := Book(b)
	starts := PageStarts(b)
	body := map[string]int{} // the pages numbered in arabic, by their numbers
	for p := range doc.Pages {
		if lbl := label(doc.Labels, p); !strings.ContainsAny(lbl, "ivx") {
			body[lbl] = p
		}
	}
	part, ok := map[string]int{}, false
	for _, d := range doc.Dests {
		if d.Name == partDest(0) {
			part[label(doc.Labels, d.Page)], ok = d.Page, true
		}
	}
	if !ok {
		t.Fatal("no part page")
	}
	if len(starts) != len(body)-len(part) {
		t.Errorf("%d pages begin somewhere, want the body's %d but the part's", len(starts), len(body)-len(part))
	}
	text := func(p int) string { return strings.Join(lineTexts([]*vbox{{texts: doc.Pages[p].AllTexts()}}), " ") }
	for i, s := range starts {
		p, ok := body[s.Label]
		switch {
		case !ok:
			t.Fatalf("page %q is no page of the body", s.Label)
		case i > 0 && p <= body[starts[i-1].Label]:
			t.Errorf("page %q listed after page %q", s.Label, starts[i-1].Label)
		case s.Block < 0 && !strings.Contains(text(p), s.Chapter.Title):
			t.Errorf("page %q begins chapter %s, which it does not open: %.80q", s.Label, s.Chapter.ID, text(p))
		case s.Block == 0 || s.Block >= len(s.Chapter.Blocks):
			t.Errorf("page %q begins at block %d of chapter %s, which has %d (the first its title)", s.Label, s.Block, s.Chapter.ID, len(s.Chapter.Blocks))
		case s.Block > 0:
			// the block begins on the page, or on one of the two before when the page begins inside it
			if para, ok := s.Chapter.Blocks[s.Block].(*tree.Paragraph); ok {
				first := strings.Fields(tree.PlainText(para.Content))[0]
				if !strings.Contains(text(p)+text(p-1)+text(p-2), first) {
					t.Errorf("page %q begins in the paragraph %q, which begins neither there nor just before", s.Label, first)
				}
			}
		}
	}
	if len(starts) < 6 {
		t.Errorf("%d pages listed, want the book's many", len(starts))
	}
}

// TestBookWithoutChapters lays out a book of no chapters, whose first pass, which only numbers
// pages, is its last: its pages must still hold the title and the contents, and the structure
// tree their headings.
func TestBookWithoutChapters(t *testing.T) {
	doc, _ := Book(bookOf())
	var texts []string
	for _, p := range doc.Pages {
		for _, tx := range p.AllTexts() {
			texts = append(texts, tx.S)
		}
	}
	if all := strings.Join(texts, " "); !strings.Contains(all, "Sample Book") || !strings.Contains(all, "Contents") {
		t.Errorf("%d pages, with %q; want the title and the contents", len(doc.Pages), all)
	}
	headings := 0
	for _, e := range doc.Tags {
		if e.Role == tags.H1 {
			headings++
		}
	}
	if headings != 2 { // the title's and the contents'
		t.Errorf("the structure tree has %d H1s, want the title's and the contents' (were the contents' pages only numbered?)", headings)
	}
}
