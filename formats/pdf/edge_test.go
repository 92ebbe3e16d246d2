package pdf

import (
	"strings"
	"testing"

	"bookc/builder/tree"
	"bookc/builder/tree/sample"
)

// TestEdgeCases renders books with empty and degenerate content: nothing may fail or overflow.
func TestEdgeCases(t *testing.T) {
	empty := &tree.Book{Title: "Empty", Slug: "empty", Language: "en"}
	odd := &tree.Book{Title: strings.Repeat("A very long title ", 12), Slug: "odd", Language: "en",
		Authors: []string{strings.Repeat("Author ", 30)}, Settings: tree.Settings{Paper: tree.Paper{Name: "letter", W: 612, H: 792}},
		Parts: []*tree.Part{{Title: "Part", Chapters: []*tree.Chapter{
			{ID: "draft", Title: "Draft", Draft: true, Blocks: tree.Blocks{&tree.Heading{Level: 1, ID: "draft", Content: tree.Inlines{txt("Draft")}}}},
			{ID: "odd", Title: "Odd", Number: tree.Number{1}, Blocks: tree.Blocks{
				&tree.Heading{Level: 1, ID: "odd", Content: tree.Inlines{txt(strings.Repeat("Heading ", 30))}},
				// prose, so that the overflow check finds the text block's edge
				&tree.Paragraph{Content: tree.Inlines{txt(prose + " " + prose)}},
				&tree.Paragraph{}, &tree.Paragraph{Content: tree.Inlines{txt("   ")}},
				&tree.Paragraph{Content: tree.Inlines{&tree.LineBreak{}, &tree.LineBreak{}, txt("after breaks"), &tree.LineBreak{}}},
				&tree.Paragraph{Content: tree.Inlines{txt(strings.Repeat("x", 500))}},
				&tree.Paragraph{Content: tree.Inlines{txt("emoji 🎉 and CJK 漢字 survive as marks")}},
				&tree.CodeBlock{}, &tree.CodeBlock{Lang: "nosuchlanguage", Text: "\t\ttabs\n\n" + strings.Repeat("y", 300)},
				&tree.Table{}, &tree.Table{Align: []tree.Align{tree.AlignNone}, Header: []tree.Inlines{{}}},
				&tree.List{}, &tree.List{Items: []*tree.ListItem{{}}},
				&tree.Quote{}, &tree.Admonition{Kind: "unknown"}, &tree.DefinitionList{Items: []*tree.Definition{{}}},
				&tree.Heading{Level: 6, ID: "deep"}, &tree.Heading{Level: 2, ID: "empty-heading"},
				&tree.HTMLBlock{HTML: "<br>"}, &tree.ThematicBreak{},
				&tree.Figure{Image: &tree.Image{Src: "gone.png"}},
			}},
		}}}}
	for _, b := range []*tree.Book{empty, odd} {
		t.Run(b.Slug, func(t *testing.T) {
			_, path := render(t, b)
			tool(t, "qpdf", "--check", path)
			if b == empty {
				return // no text to find the block's edge by
			}
			for _, o := range overflow(t, path) {
				t.Error(o)
			}
		})
	}
}

// TestDiagnostics checks that what the PDF cannot show is reported, whichever layout pass set it.
func TestDiagnostics(t *testing.T) {
	b := sample.Book()
	c := b.Parts[1].Chapters[0]
	c.Blocks = append(c.Blocks,
		&tree.Paragraph{At: tree.At{File: "src/usage.md", Line: 3}, Content: tree.Inlines{txt("A party \U000F0000 in "), &tree.XRef{Chapter: "tool", Content: tree.Inlines{txt("the tool")}}}},
		&tree.Paragraph{Content: tree.Inlines{txt("Inline "), &tree.Image{Src: "badge.svg", Alt: "badge",
			Asset: &tree.Asset{Name: "badge.svg", MediaType: "image/svg+xml", Data: []byte("<svg/>")}}, txt(" and 漢字")}},
		&tree.Figure{Image: &tree.Image{Src: "logo.webp", Alt: "Logo", File: "src/shared.md", Line: 7, Asset: &tree.Asset{Name: "logo.webp", MediaType: "image/webp", Data: []byte("RIFF")}}})
	out, err := Backend{}.Render(b)
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, d := range out.Diagnostics {
		msgs = append(msgs, d.String())
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{"src/usage.md:3: error: no font has a glyph for \"\\U000f0000\" (tried Noto Serif, JetBrains Mono and the fonts installed on this machine)", "inline image badge.svg is shown as its alt text in the PDF, which cannot show image/svg+xml", "src/shared.md:7: warning: image logo.webp is shown as its alt text"} {
		if !strings.Contains(all, want) {
			t.Errorf("no diagnostic with %q in:\n%s", want, all)
		}
	}
}

// TestMetadata checks the document information: title, authors, edition, language and the book's date.
func TestMetadata(t *testing.T) {
	b := sample.Book()
	b.Edition = tree.Edition{Role: "ops", Title: "Operators' Edition"}
	_, path := render(t, b)
	info := tool(t, "pdfinfo", "-isodates", path)
	for _, want := range []string{"Title:           Sample Book", "Author:          Ada Writer, Bo Editor",
		"Subject:         Operators' Edition", "Creator:         bookc", "CreationDate:    2026-01-02T03:04:05Z",
		"ModDate:         2026-01-02T03:04:05Z"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	if !strings.Contains(tool(t, "qpdf", "--json", "--json-key=qpdf", path), `"/Lang": "u:en"`) {
		t.Error("no /Lang en in the catalog")
	}
}
