package man

import (
	"testing"
	"time"

	"bookc/builder/golden"
	"bookc/builder/tree"
	"bookc/builder/tree/sample"
)

// The nodes tests write most, by short names.
var (
	text = sample.Text
	para = sample.Para
	item = sample.Item
)

// goldenBook is a two-chapter book whose first chapter holds the blocks under test; the second is
// a target for cross-references.
func goldenBook(blocks tree.Blocks, footnotes []*tree.Footnote) *tree.Book {
	ch := &tree.Chapter{ID: "element", Title: "Element", Number: tree.Number{1},
		Blocks:    append(tree.Blocks{&tree.Heading{Level: 1, ID: "element", Content: tree.Inlines{text("Element")}}}, blocks...),
		Footnotes: footnotes}
	other := &tree.Chapter{ID: "other", Title: "Other", Number: tree.Number{2}, Blocks: tree.Blocks{
		&tree.Heading{Level: 1, ID: "other", Content: tree.Inlines{text("Other")}},
		&tree.Heading{Level: 2, ID: "setup", Content: tree.Inlines{text("Setup")}},
		para(text("Text.")),
	}}
	return &tree.Book{Title: "Golden Book", Slug: "golden", Language: "en",
		Date:     time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC),
		Settings: tree.Settings{ManSection: "7"},
		Parts:    []*tree.Part{{Chapters: []*tree.Chapter{ch, other}}}}
}

var goldenCases = []struct {
	name      string
	blocks    tree.Blocks
	footnotes []*tree.Footnote
}{
	{name: "headings", blocks: tree.Blocks{
		para(text("Before any section.")),
		&tree.Heading{Level: 2, ID: "a", Content: tree.Inlines{text("Section "), &tree.Emphasis{Content: tree.Inlines{text("with emphasis")}}, text(" and "), &tree.Code{Text: "--code"}}},
		para(text("Text.")),
		&tree.Heading{Level: 3, ID: "b", Content: tree.Inlines{text("Subsection")}},
		para(text("Text.")),
		&tree.Heading{Level: 4, ID: "c", Content: tree.Inlines{text("Deeper heading")}},
		para(text("Text.")),
		&tree.Heading{Level: 2, ID: "empty", Content: tree.Inlines{text(" ")}},
	}},
	{name: "escapes", blocks: tree.Blocks{
		para(text(".starts with a dot")),
		para(text("'starts with a quote")),
		para(text("back\\slash, \"double quotes\", -option, --long, -5, well-known, a - b, 'single', `tick`, ~tilde ^caret")),
		para(&tree.Code{Text: "rm -rf 'x' `y` ~z ^w \\n"}),
		para(text("Unicode: caf\u00e9 \u03bb \u2192 \u2014 \u201cquoted\u201d \u00a0nbsp \u4e2d \u0151 soft\u00adhyphen zero\u200bwidth \u2500\u2502\u250c")),
		para(text("  leading spaces,\ttabs\nand newlines  ")),
		para(text("averyveryverylongwordwithoutanybreakpointsatallthatgoesonandonandonforever and https://example.com/a/very/long/path/with/many/segments/to/break.html")),
	}},
	{name: "inlines", blocks: tree.Blocks{
		para(&tree.Emphasis{Content: tree.Inlines{text("em "), &tree.Strong{Content: tree.Inlines{text("strong em")}}, text(" em")}},
			text(" "), &tree.Strong{Content: tree.Inlines{text("strong "), &tree.Code{Text: "code"}}},
			text(" "), &tree.Strikethrough{Content: tree.Inlines{text("struck")}},
			text(" "), &tree.RawHTML{HTML: "<kbd>", Text: ""}, text("Ctrl"), &tree.RawHTML{HTML: "</kbd>"},
			text(" line"), &tree.LineBreak{}, text("break")),
		para(&tree.Image{Src: "images/x.png", Alt: "an inline image"}, text(" and a footnote"), &tree.FootnoteRef{Number: 1, ID: "fn-1"}, text(".")),
	}, footnotes: []*tree.Footnote{
		{Number: 1, ID: "fn-1", Blocks: tree.Blocks{para(text("The footnote, referring to another"), &tree.FootnoteRef{Number: 2, ID: "fn-2"}, text("."))}},
		{Number: 2, ID: "fn-2", Blocks: tree.Blocks{para(text("The second footnote.")), &tree.CodeBlock{Text: "with code"}}},
		{Number: 3, ID: "fn-3", Blocks: tree.Blocks{para(text("Never referred to."))}},
	}},
	{name: "links", blocks: tree.Blocks{
		para(text("See "), &tree.Link{URL: "https://example.com/x-y", Content: tree.Inlines{text("the "), &tree.Emphasis{Content: tree.Inlines{text("site")}}}}, text(", then more.")),
		para(text("Mail "), &tree.Link{URL: "mailto:a@example.com", Content: tree.Inlines{text("the authors")}}, text(".")),
		para(text("Bare "), &tree.Link{URL: "https://example.com/", Content: tree.Inlines{text("https://example.com/")}}, text(" and "),
			&tree.Link{URL: "mailto:a@example.com", Content: tree.Inlines{text("a@example.com")}}, text(".")),
		para(text("Touching:"), &tree.Link{URL: "https://example.com/t", Content: tree.Inlines{text("link")}}, &tree.Link{URL: "https://example.com/u", Content: tree.Inlines{text("link2")}}),
		para(&tree.Link{URL: "https://example.com/first", Content: tree.Inlines{text("First")}}, text(" in paragraph.")),
	}},
	{name: "xrefs", blocks: tree.Blocks{
		&tree.Heading{Level: 2, ID: "here", Content: tree.Inlines{text("Here")}},
		para(text("See "), &tree.XRef{Chapter: "other", Content: tree.Inlines{text("the other chapter")}},
			text(", "), &tree.XRef{Chapter: "other", Anchor: "setup", Content: tree.Inlines{text("its setup")}},
			text(", "), &tree.XRef{Chapter: "element", Anchor: "here", Content: tree.Inlines{text("this section")}},
			text(", "), &tree.XRef{Chapter: "element", Anchor: "here", Content: tree.Inlines{text("Here")}},
			text(" and "), &tree.XRef{Chapter: "other", Anchor: "setup"}, text(".")),
	}},
	{name: "lists", blocks: tree.Blocks{
		&tree.List{Tight: true, Items: []*tree.ListItem{
			item(para(text("one"))),
			item(para(text("two")), &tree.List{Ordered: true, Start: 9, Tight: true, Items: []*tree.ListItem{
				item(para(text("nine"))), item(para(text("ten")), &tree.List{Items: []*tree.ListItem{item(para(text("deep")))}}),
			}}),
			{Task: tree.Checked, Blocks: tree.Blocks{para(text("done"))}},
			{Task: tree.Unchecked, Blocks: tree.Blocks{para(text("open"))}},
		}},
		para(text("Between lists.")),
		&tree.List{Ordered: true, Start: 1, Items: []*tree.ListItem{
			item(para(text("loose first")), para(text("second paragraph"))),
			item(&tree.CodeBlock{Text: "code first"}),
			item(),
		}},
	}},
	{name: "code", blocks: tree.Blocks{
		para(text("Before.")),
		&tree.CodeBlock{Lang: "sh", Text: ".dot line\n'quote line\n\n  indented -x --y \\ \"q\" 'a' `b`\ntrailing   \n\tcaf\u00e9 \u2500"},
		&tree.CodeBlock{Text: ""},
	}},
	{name: "quote-admonition", blocks: tree.Blocks{
		&tree.Quote{Blocks: tree.Blocks{para(text("Quoted.")), &tree.Quote{Blocks: tree.Blocks{para(text("Nested."))}}}},
		&tree.Admonition{Kind: tree.Note, Blocks: tree.Blocks{para(text("A note."))}},
		&tree.Admonition{Kind: tree.Caution, Blocks: tree.Blocks{&tree.CodeBlock{Text: "careful"}, para(text("After code."))}},
	}},
	{name: "tables", blocks: tree.Blocks{
		&tree.Table{Align: []tree.Align{tree.AlignNone, tree.AlignCenter, tree.AlignRight},
			Header: []tree.Inlines{{text("Name")}, {&tree.Emphasis{Content: tree.Inlines{text("Mid")}}}, {text("Num")}},
			Rows: [][]tree.Inlines{
				{{text(".dot")}, {text("_")}, {text("1")}},
				{{&tree.Code{Text: "--flag"}}, {}, {text("T{")}},
			}},
		&tree.Table{Align: []tree.Align{tree.AlignLeft, tree.AlignLeft},
			Header: []tree.Inlines{{text("Option")}, {text("Description")}},
			Rows: [][]tree.Inlines{
				{{&tree.Code{Text: "build.create-missing"}}, {text("By default, any missing files specified in SUMMARY.md will be created when the book is built, which is convenient when writing a new book, but annoying when you do not want it.")}},
				{{&tree.Code{Text: "x"}}, {text("See "), &tree.Link{URL: "https://example.com/docs", Content: tree.Inlines{text("the docs")}}, text(".")}},
			}},
	}},
	{name: "blocks", blocks: tree.Blocks{
		para(text("Above the break.")),
		&tree.ThematicBreak{},
		&tree.Figure{Image: &tree.Image{Src: "images/f.png", Alt: "Alt text", Title: "Caption"}, Caption: tree.Inlines{text("Caption")}},
		&tree.DefinitionList{Items: []*tree.Definition{
			{Term: tree.Inlines{text("Term "), &tree.Code{Text: "--x"}}, Definitions: []tree.Blocks{{para(text("First."))}, {para(text("Second."))}}},
			{Term: tree.Inlines{text("Code first")}, Definitions: []tree.Blocks{{&tree.CodeBlock{Text: "x"}}}},
		}},
		&tree.HTMLBlock{HTML: "<div>\n<p>Raw</p>\n</div>", Text: "Raw\nHTML text"},
	}},
}

// TestGolden checks the page of each element against testdata/NAME.golden and the validators.
func TestGolden(t *testing.T) {
	requireValidators(t)
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			out, err := Render(goldenBook(tc.blocks, tc.footnotes))
			if err != nil {
				t.Fatal(err)
			}
			got := out.Files[1].Data // the "element" chapter's page
			if msg := lint(t, out.Files[1].Name, got, true); msg != "" {
				t.Errorf("validators:\n%s\npage:\n%s", msg, got)
			}
			golden.Check(t, tc.name+".golden", got)
		})
	}
}

// TestGoldenPages checks the index and a command reference page.
func TestGoldenPages(t *testing.T) {
	b := goldenBook(tree.Blocks{
		para(text("Intro before NAME.")),
		&tree.Heading{Level: 2, ID: "name", Content: tree.Inlines{text("NAME")}},
		para(&tree.Code{Text: "goldtool"}, text(" - does golden things")),
		&tree.Heading{Level: 2, ID: "synopsis", Content: tree.Inlines{text("SYNOPSIS")}},
		para(&tree.Code{Text: "goldtool [-v] FILE"}),
	}, nil)
	b.Title = "Golden Book \u0151" // a character groff's PostScript fonts lack, in .TH
	b.Description = "A book of golden files."
	b.Authors = []string{"A. Author", "B. Author"}
	b.Parts = append(b.Parts, &tree.Part{Title: "Appendix", Chapters: []*tree.Chapter{{ID: "draft", Title: "Draft", Draft: true}}})
	b.Chapters()[0].ManPage = &tree.ManPage{Name: "goldtool", Section: "1"}
	b.Edition = tree.Edition{Role: "ops", Title: "Ops Edition"}
	out, err := Render(b)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := fileNames(out), "golden.7 goldtool.1 golden-other.7"; got != want {
		t.Errorf("files = %s, want %s", got, want)
	}
	for i, name := range []string{"index", "manpage"} {
		f := out.Files[i]
		if msg := lint(t, f.Name, f.Data, true); msg != "" {
			t.Errorf("%s: validators:\n%s", f.Name, msg)
		}
		golden.Check(t, name+".golden", f.Data)
	}
}
