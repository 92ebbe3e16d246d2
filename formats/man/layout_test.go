package man

import (
	"regexp"
	"strings"
	"testing"

	"bookc/builder/tree"
)

// TestNoHyphenation renders long words in prose and code at 30 columns, after a link and code: groff would hyphenate
// them (mandoc never does), and breaks them only at their own hyphens and break points.
func TestNoHyphenation(t *testing.T) {
	requireValidators(t)
	out, err := Render(goldenBook(tree.Blocks{
		// groff's macros turn hyphenation back on after a link and an example
		para(&tree.Link{URL: "https://example.com/", Content: tree.Inlines{text("a link")}}, text(".")),
		&tree.CodeBlock{Text: "code"},
		para(text("Internationalisation, responsibilities and incomprehensibilities of controllers, reconfiguration.")),
		para(&tree.Code{Text: "controllermanager.reconfigure"}, text(" (after a bracket: "), &tree.Code{Text: "internationalisation"}, text(")")),
	}, nil))
	if err != nil {
		t.Fatal(err)
	}
	for _, tool := range []string{"groff", "mandoc"} {
		for _, l := range terminal(t, tool, 30, out.Files[1].Data) {
			if hyphenated.MatchString(l) {
				t.Errorf("%s hyphenated: %q", tool, l)
			}
		}
	}
}

// hyphenated is a line that ends inside a word.
var hyphenated = regexp.MustCompile(`\pL[-\x{2010}]$`)

// TestImageNotes checks what NOTES says of images: their alt text and the book's web address,
// and no file name, which an installed page could not reach.
func TestImageNotes(t *testing.T) {
	blocks := tree.Blocks{
		&tree.Figure{Image: &tree.Image{Src: "images/cluster.svg", Alt: "The cluster and its nodes", Asset: &tree.Asset{Name: "images/cluster.svg"}},
			Caption: tree.Inlines{text("Figure 1: the cluster")}},
		para(text("Inline "), &tree.Image{Src: "img/x.png", Alt: "a chart"}, text(".")),
		&tree.Figure{Image: &tree.Image{Src: "images/blank.png"}},
	}
	for _, tt := range []struct {
		base string
		want []string
	}{
		{"", []string{"Image: The cluster and its nodes.", "An image, not shown in a manual page.", "An image without a description"}},
		{"https://example.com/book/", []string{"Image: The cluster and its nodes. The book on the web shows it: https://\\:example.\\:com/\\:book/"}},
	} {
		b := goldenBook(blocks, nil)
		b.Settings.BaseURL = tt.base
		out, err := Render(b)
		if err != nil {
			t.Fatal(err)
		}
		page := string(out.Files[1].Data)
		_, notes, _ := strings.Cut(page, ".SH NOTES\n")
		for _, want := range tt.want {
			if !strings.Contains(notes, want) {
				t.Errorf("base %q: notes lack %q:\n%s", tt.base, want, notes)
			}
		}
		for _, file := range []string{"images/", "img/", ".svg", ".png"} {
			if strings.Contains(notes, file) {
				t.Errorf("base %q: notes name a file (%s):\n%s", tt.base, file, notes)
			}
		}
		if msg := lint(t, out.Files[1].Name, out.Files[1].Data, true); msg != "" {
			t.Errorf("validators: %s", msg)
		}
	}
}

// TestTablesFit renders tables at 80 columns with groff and mandoc: those that fit by wrapping
// cells stay tables, and one whose columns cannot be narrow enough becomes a list.
func TestTablesFit(t *testing.T) {
	requireValidators(t)
	row := func(cells ...string) []tree.Inlines {
		var r []tree.Inlines
		for _, c := range cells {
			r = append(r, tree.Inlines{text(c)})
		}
		return r
	}
	words := strings.Repeat("words that wrap in their cell ", 6)
	long := "NEEDS_ENCRYPTION_AND_AUTHENTICATION_AND_MORE"
	for _, tt := range []struct {
		name  string
		table *tree.Table
		list  bool
		wide  bool // too wide for 60 columns: groff shows the table at 80, the list at 60
	}{
		{"wraps", &tree.Table{Align: make([]tree.Align, 3), Header: row("A", "B", "C"), Rows: [][]tree.Inlines{row("short", words, words)}}, false, false},
		{"long words", &tree.Table{Align: make([]tree.Align, 4), Header: row("Policy", "Insecure", "Encrypted", "Encrypted and authenticated"),
			Rows: [][]tree.Inlines{row("NEEDS_ENCRYPTION_AND_AUTHENTICATION", "refused", "refused", "accepted")}}, false, true},
		{"too wide", &tree.Table{Align: make([]tree.Align, 3), Header: row("Key", "Value", "Other"), Rows: [][]tree.Inlines{row(long, long, "x")}}, true, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, err := Render(goldenBook(tree.Blocks{tt.table}, nil))
			if err != nil {
				t.Fatal(err)
			}
			page := out.Files[1].Data
			if got := strings.Contains(string(page), "\n.TS\n"); got == tt.list {
				t.Errorf("a tbl table: %v, want %v:\n%s", got, !tt.list, page)
			}
			if msg := lint(t, out.Files[1].Name, page, true); msg != "" {
				t.Errorf("validators: %s", msg)
			}
			for _, width := range []int{80, 60} {
				checkPage(t, tt.name, width, page)
				ruled := strings.Contains(strings.Join(terminal(t, "groff", width, page), "\n"), "───")
				if want := !tt.list && (width == 80 || !tt.wide); ruled != want {
					t.Errorf("groff at %d columns: a table's rule %v, want %v", width, ruled, want)
				}
			}
		})
	}
}
