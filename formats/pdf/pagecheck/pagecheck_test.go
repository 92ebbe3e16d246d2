package pagecheck

import (
	"strings"
	"testing"

	"bookc/builder/tree"
	"bookc/formats/pdf/layout"
	"bookc/formats/pdf/metrics"
	"bookc/formats/pdf/page"
	"bookc/formats/pdf/tags"
)

const body = tree.DefaultFontSize

var g = layout.PageGeometry(tree.Settings{})

// set is a page's text: what each line is, top to bottom, one line a baseline 14 pt below the last.
type set []string

// structure is the document's structure tree: each kind of line of a page in an element of its
// own, by its Tag: 1 a paragraph, 2 a heading, 3 code, 4 a caption, 5 a footnote.
var structure = []tags.Elem{{Role: tags.Document, Parent: -1}, {Role: tags.P}, {Role: tags.H2}, {Role: tags.Code},
	{Role: tags.Caption}, {Role: tags.Note}, {Role: tags.P, Parent: 5}}

// page makes a page of lines: "h" a heading, "c" a line of code, "p" a line of body text of the
// full measure, "p90" one of 90 characters, "i" an image, "cap" its caption, "n" a footnote;
// every page has a running header.
func (s set) page() *page.Page {
	p := &page.Page{Tags: []int32{1, 2, 3, 4, 6}, Texts: []page.Text{{X: g.Left, Y: g.HeaderY, Font: page.Italic, Size: 9, S: "Running head"}}}
	y := g.Top + 14
	for _, what := range s {
		switch what {
		case "h":
			p.Texts = append(p.Texts, page.Text{X: g.Left, Y: y, Font: page.Bold, Size: 16, S: "A heading", Tag: 2})
		case "c":
			p.Texts = append(p.Texts, page.Text{X: g.Left + 5, Y: y, Font: page.Mono, Size: 8.6, S: "let x = 1;", Tag: 3})
		case "p", "p90":
			n := map[string]int{"p": 66, "p90": 90}[what]
			tx := page.Text{X: g.Left, Y: y, Font: page.Regular, Size: body, S: strings.Repeat("word ", n/5+1)[:n-1] + ".", Tag: 1}
			tx.WordSpace = (g.Measure - metrics.Reach(tx)) / float64(strings.Count(tx.S, " "))
			p.Texts = append(p.Texts, tx)
		case "i":
			p.Images = append(p.Images, page.Image{X: g.Left, Y: y - 10, W: 100, H: 12})
		case "i2": // a drawing a third of the page tall
			p.Vectors = append(p.Vectors, page.Vector{X: g.Left, Y: y, W: 100, H: g.TextH / 3})
		case "cap":
			p.Texts = append(p.Texts, page.Text{X: g.Left, Y: y, Font: page.Italic, Size: 9, S: "Figure 1: a caption", Tag: 4})
		case "n":
			p.Texts = append(p.Texts, page.Text{X: g.Left, Y: y, Font: page.Regular, Size: 8.5, S: "1 A footnote.", Tag: 5})
		}
		y += 14
	}
	return p
}

// full is n lines of body text, a page's worth when n is 40.
func full(n int) set {
	s := make(set, n)
	for i := range s {
		s[i] = "p"
	}
	return s
}

// TestRead checks that each fault is found on the page it is on, and only there, and that the
// measure counts full body lines by their characters.
func TestRead(t *testing.T) {
	for _, tt := range []struct {
		name           string
		pages          []set
		faults         []string
		splits         int
		full, inBounds int
	}{
		{"clean", []set{full(40), full(40), full(3)}, nil, 0, 83, 83},
		{"heading last", []set{append(full(39), "h"), full(10)}, []string{"page 1: ends with a heading"}, 0, 49, 49},
		{"caption overleaf", []set{append(full(39), "i"), {"cap", "p"}}, []string{"page 1: ends with an image, its caption overleaf"}, 0, 40, 40},
		{"code split 2 and 5", []set{append(full(38), "c", "c"), {"c", "c", "c", "c", "c", "p"}}, []string{"page 1: a code block splits 2 lines here, 5 overleaf"}, 1, 39, 39},
		{"code split 3 and 3", []set{append(full(37), "c", "c", "c"), {"c", "c", "c", "p"}}, nil, 1, 38, 38},
		{"code split above a footnote", []set{append(full(37), "c", "c", "n"), {"c", "c", "c", "p"}}, []string{"page 1: a code block splits 2 lines here, 3 overleaf"}, 1, 38, 38},
		{"nearly empty", []set{full(40), full(5), full(40)}, []string{"page 2: 10% full, and no chapter ends on it"}, 0, 85, 85},
		{"a figure fills it", []set{full(40), append(full(2), "i", "cap", "i2"), full(40)}, nil, 0, 82, 82},
		{"wide lines", []set{{"p", "p90", "p90", "p"}}, nil, 0, 4, 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc := &page.Doc{Tags: structure}
			for _, s := range tt.pages {
				doc.Pages = append(doc.Pages, s.page())
			}
			r := Read(doc, g, body)
			var got []string
			for _, f := range r.Faults {
				got = append(got, f.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.faults, "\n") {
				t.Errorf("faults %q, want %q", got, tt.faults)
			}
			if r.CodeSplits != tt.splits || r.FullLines != tt.full || r.InMeasure != tt.inBounds {
				t.Errorf("%d splits, %d of %d full lines in the measure; want %d, %d of %d", r.CodeSplits, r.InMeasure, r.FullLines, tt.splits, tt.inBounds, tt.full)
			}
		})
	}
}
