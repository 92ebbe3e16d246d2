package layout

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"bookc/builder/tree"
	"bookc/builder/tree/sample"
	"bookc/formats/pdf/metrics"
	"bookc/formats/pdf/page"
)

// randomBook nests every block kind in every container at random, with words of every kind.
func randomBook(seed uint64) *tree.Book {
	r := rand.New(rand.NewPCG(seed, 7))
	words := strings.Fields(knuthFrog + " https://example.com/a/long/path/to_some-file.html internationalization " +
		strings.Repeat("x", 90) + " --flag=value 12345 naïve λ")
	text := func(n int) tree.Inlines {
		var is tree.Inlines
		for i := 0; i < n; i++ {
			w := words[r.IntN(len(words))] + " "
			switch r.IntN(12) {
			case 0:
				is = append(is, &tree.Code{Text: w})
			case 1:
				is = append(is, &tree.Strong{Content: tree.Inlines{&tree.Text{Text: w}}})
			case 2:
				is = append(is, &tree.Link{URL: "https://example.com", Content: tree.Inlines{&tree.Text{Text: w}}})
			case 3:
				is = append(is, &tree.XRef{Chapter: "c0", Content: tree.Inlines{&tree.Text{Text: w}}})
			default:
				is = append(is, &tree.Text{Text: w})
			}
		}
		return is
	}
	var blocks func(depth int) tree.Blocks
	blocks = func(depth int) tree.Blocks {
		var bs tree.Blocks
		for i := 0; i < 1+r.IntN(4); i++ {
			k := r.IntN(10)
			if depth > 2 {
				k = r.IntN(3)
			}
			switch k {
			case 0, 1:
				bs = append(bs, &tree.Paragraph{Content: text(5 + r.IntN(80))})
			case 2:
				bs = append(bs, sample.Code("go", tree.PlainText(text(3+r.IntN(40)))+"\n\tx := 1"))
			case 3:
				bs = append(bs, &tree.List{Ordered: r.IntN(2) == 0, Items: []*tree.ListItem{{Blocks: blocks(depth + 1)}, {Task: tree.Checked, Blocks: blocks(depth + 1)}}})
			case 4:
				bs = append(bs, &tree.Quote{Blocks: blocks(depth + 1)})
			case 5:
				bs = append(bs, &tree.Admonition{Kind: tree.Tip, Blocks: blocks(depth + 1)})
			case 6:
				t := &tree.Table{Align: make([]tree.Align, 1+r.IntN(7))}
				t.Header = make([]tree.Inlines, len(t.Align))
				for j := 0; j < 1+r.IntN(12); j++ {
					row := make([]tree.Inlines, len(t.Align))
					for c := range row {
						row[c] = text(1 + r.IntN(12))
					}
					t.Rows = append(t.Rows, row)
				}
				bs = append(bs, t)
			case 7:
				bs = append(bs, &tree.DefinitionList{Items: []*tree.Definition{{Term: text(3), Definitions: []tree.Blocks{blocks(depth + 1)}}}})
			case 8:
				bs = append(bs, &tree.Heading{Level: 2 + r.IntN(4), ID: fmt.Sprint("h", r.Uint64()), Content: text(2 + r.IntN(12))})
			case 9:
				w, h := 1+r.IntN(3000), 1+r.IntN(3000)
				bs = append(bs, &tree.Figure{Image: &tree.Image{Src: "i.png", Asset: &tree.Asset{Name: "i.png", MediaType: "image/png", Width: w, Height: h, Data: sample.PNG(4, 4)}}, Caption: text(4)})
			}
		}
		return bs
	}
	b := sample.Book()
	var cs []*tree.Chapter
	for i := 0; i < 6; i++ {
		id := fmt.Sprint("c", i)
		cs = append(cs, &tree.Chapter{ID: id, Title: id, Number: tree.Number{i + 1},
			Blocks: append(tree.Blocks{&tree.Heading{Level: 1, ID: id, Content: tree.Inlines{&tree.Text{Text: id}}}}, blocks(0)...)})
	}
	b.Parts = []*tree.Part{{Chapters: cs}}
	return b
}

// TestRandomBooks lays out random books: no text may leave the text block, no image the page.
func TestRandomBooks(t *testing.T) {
	for seed := uint64(1); seed <= 40; seed++ {
		b := randomBook(seed)
		// A4, letter, and a small trim at a large size and a narrow one at a small size
		switch seed % 4 {
		case 1:
			b.Settings.Paper = tree.Paper{Name: "letter", W: 612, H: 792}
		case 2:
			b.Settings.Paper, b.Settings.FontSize = tree.Paper{Name: "6x9in", W: 432, H: 648}, 12
		case 3:
			b.Settings.Paper, b.Settings.FontSize, b.Settings.LineHeight = tree.Paper{Name: "a5", W: 419.53, H: 595.28}, 9, 10
		}
		doc, _ := Book(b)
		checkInside(t, fmt.Sprint("seed ", seed), doc, PageGeometry(b.Settings))
	}
}

// checkInside checks that no text leaves the text block but the running header and the folio,
// and no box or image the measure; it reports the first few that do, and how many.
func checkInside(t *testing.T, what string, doc *page.Doc, g Geometry) {
	t.Helper()
	var bad []string
	for i, p := range doc.Pages {
		for _, tx := range p.AllTexts() {
			end := tx.X + metrics.Reach(tx)
			if tx.X < g.Left-0.01 || end > g.Left+g.Measure+0.01 {
				bad = append(bad, fmt.Sprintf("page %d: %.40q spans %.2f..%.2f, outside %.2f..%.2f", i+1, tx.S, tx.X, end, g.Left, g.Left+g.Measure))
			}
			if (tx.Y < g.Top && tx.Y != g.HeaderY) || (tx.Y > g.Top+g.TextH && tx.Y != g.FooterY) {
				bad = append(bad, fmt.Sprintf("page %d: %.40q at y %.2f, outside the text block", i+1, tx.S, tx.Y))
			}
		}
		for _, r := range p.Rects {
			if r.X < g.Left-0.01 || r.X+r.W > g.Left+g.Measure+0.01 {
				bad = append(bad, fmt.Sprintf("page %d: box at %.2f..%.2f leaves the text block", i+1, r.X, r.X+r.W))
			}
		}
		for _, im := range p.Images {
			if im.X < g.Left-0.01 || im.X+im.W > g.Left+g.Measure+0.01 || im.Y+im.H > g.Top+g.TextH+0.01 {
				bad = append(bad, fmt.Sprintf("page %d: image at %+v leaves the text block", i+1, im))
			}
		}
	}
	for _, b := range bad[:min(len(bad), 5)] {
		t.Errorf("%s: %s", what, b)
	}
	if len(bad) > 5 {
		t.Errorf("%s: %d more outside", what, len(bad)-5)
	}
}
