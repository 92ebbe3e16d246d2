package man

import (
	"testing"

	"bookc/builder/tree"
)

// TestHeaderFits renders the first page of books with short and long titles, editions and page
// names at 80 and 60 columns with groff and mandoc: the header and footer lines must hold their
// texts whole and apart, and say what they can of the book and edition.
func TestHeaderFits(t *testing.T) {
	requireValidators(t)
	long := "The Very Long Title of a Book That Goes On and On About Clusters"
	for _, tt := range []struct {
		name, title, role, edition, source, section string
		manual, footer                              string // the .TH centre and footer texts expected
	}{
		{name: "short", title: "Golden Book", source: "src/a.md", manual: "Golden Book", footer: "Golden Book"},
		{name: "long page name", title: "The Metropolis Handbook", source: "src/troubleshooting-and-runbooks.md",
			manual: "", footer: "The Metropolis Handbook"},
		{name: "edition", title: "The Metropolis Handbook", role: "operators", edition: "Operators' Edition", source: "src/node.md",
			manual: "The Metropolis Handbook", footer: "Operators' Edition"},
		{name: "edition, short name", title: "Golden Book", role: "ops", edition: "Ops Edition", source: "src/a.md",
			manual: "Golden Book (Ops Edition)", footer: "Golden Book, Ops Edition"},
		{name: "edition, long name", title: "The Metropolis Handbook", role: "operators", edition: "Operators' Edition",
			source: "src/launch-locally.md", manual: "", footer: "Operators' Edition"},
		{name: "long title", title: long, source: "src/a.md", manual: "", footer: ""},
		{name: "section 3p", title: "Golden Book", source: "src/troubleshooting.md", section: "3p", manual: "", footer: "Golden Book"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b := goldenBook(nil, nil)
			b.Title = tt.title
			b.Edition = tree.Edition{Role: tt.role, Title: tt.edition}
			if tt.section != "" {
				b.Settings.ManSection = tt.section
			}
			c := b.Chapters()[0]
			c.Source = tt.source
			out, err := Render(b)
			if err != nil {
				t.Fatal(err)
			}
			page := out.Files[1].Data
			th := thArgs(t, page)
			if th[3] != tt.footer || th[4] != tt.manual {
				t.Errorf(".TH %q: footer %q and centre %q, want %q and %q", th, th[3], th[4], tt.footer, tt.manual)
			}
			if msg := lint(t, out.Files[1].Name, page, true); msg != "" {
				t.Errorf("validators: %s", msg)
			}
			for _, width := range []int{80, 60} {
				checkPage(t, tt.name, width, page)
			}
		})
	}
}
