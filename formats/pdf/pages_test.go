package pdf

import (
	"math"
	"slices"
	"testing"

	"bookc/builder"
	"bookc/builder/tree"
	"bookc/formats/pdf/layout"
	"bookc/formats/pdf/page"
	"bookc/handbook"
)

// pageBooks are the books whose pages TestBookPages reads: the handbook, one- and two-sided.
func pageBooks(t *testing.T) map[string]*tree.Book {
	t.Helper()
	out := map[string]*tree.Book{}
	load := func(name string, src *builder.Source) {
		b, err := builder.Load(src, builder.Options{FallbackDate: handbook.Date, Highlight: true})
		if err != nil {
			t.Fatal(err)
		}
		ed, _, err := b.Edition("")
		if err != nil {
			t.Fatal(err)
		}
		out[name] = ed
		two := *ed
		two.Settings.TwoSided = true
		out[name+", two-sided"] = &two
	}
	load("handbook", builder.FromFS(handbook.FS, "handbook"))
	return out
}

// line is a baseline of a page's text block, with what is set on it.
type line struct {
	y                      float64
	heading, code, caption bool
	text                   bool // anything else
}

// lines are the baselines of a page's text block, top to bottom, without the running header, the
// folio and the other artifacts (a code block's "continued", a table's repeated header).
func lines(p *page.Page, g layout.Geometry) []line {
	var out []line
	for _, tx := range p.Texts {
		if tx.Y <= g.Top || tx.Y > g.Top+g.TextH || tx.Tag == 0 {
			continue
		}
		i := slices.IndexFunc(out, func(l line) bool { return math.Abs(l.y-tx.Y) < 0.5 })
		if i < 0 {
			out = append(out, line{y: tx.Y})
			i = len(out) - 1
		}
		l := &out[i]
		switch {
		case (tx.Font == page.Bold || tx.Font == page.BoldItalic) && tx.Size > 11.5:
			l.heading = true
		case tx.Font >= page.Mono && tx.Font <= page.MonoBoldItalic && tx.Size < 9:
			l.code = true
		case tx.Font == page.Italic && tx.Size == 9:
			l.caption = true
		default:
			l.text = true
		}
	}
	slices.SortFunc(out, func(a, b line) int { return int(math.Copysign(1, a.y-b.y)) })
	return out
}

// TestBookPages reads real books' pages as a typographer would: no heading ends a page, no
// figure's image ends one without its caption, no code block splits with fewer than three lines on
// a side, and no page is under 30% full but a chapter's last.
func TestBookPages(t *testing.T) {
	for name, b := range pageBooks(t) {
		t.Run(name, func(t *testing.T) {
			doc, _ := layout.Book(b)
			g := layout.PageGeometry(b.Settings)
			all := make([][]line, len(doc.Pages))
			for i, p := range doc.Pages {
				all[i] = lines(p, g)
			}
			opens := func(i int) bool { // the page opens a chapter or part: it has no running header
				for _, tx := range doc.Pages[i].Texts {
					if tx.Y == g.HeaderY {
						return false
					}
				}
				return true
			}
			splits := 0
			for i, ls := range all {
				if len(ls) == 0 {
					continue
				}
				last := ls[len(ls)-1]
				titlePage := opens(i) && !slices.ContainsFunc(ls, func(l line) bool { return !l.heading || l.text })
				if last.heading && !last.text && i+1 < len(all) && !titlePage {
					t.Errorf("page %d ends with a heading", i+1)
				}
				if i+1 == len(all) || len(all[i+1]) == 0 {
					continue
				}
				next := all[i+1]
				for _, im := range doc.Pages[i].Images {
					if im.Y+im.H > last.y && next[0].caption {
						t.Errorf("page %d ends with an image, its caption is overleaf", i+1)
					}
				}
				if last.code && next[0].code {
					n, m := 0, 0
					for k := len(ls) - 1; k >= 0 && ls[k].code && !ls[k].text; k-- {
						n++
					}
					for k := 0; k < len(next) && next[k].code && !next[k].text; k++ {
						m++
					}
					splits++
					if n < 3 || m < 3 {
						t.Errorf("a code block splits %d lines on page %d, %d on page %d", n, i+1, m, i+2)
					}
				}
				if fill := (last.y - g.Top) / g.TextH; fill < 0.3 && !opens(i+1) && !opens(i) {
					t.Errorf("page %d is %.0f%% full, and no chapter ends on it", i+1, 100*fill)
				}
			}
			t.Logf("%d pages, %d code blocks split", len(doc.Pages), splits)
		})
	}
}
