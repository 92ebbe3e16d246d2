// Package sample builds small document trees that use every node kind, for backend tests that
// must not depend on the Markdown builder.
package sample

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"time"

	"bookc/builder/highlight"
	"bookc/builder/tree"
)

// Text, Para, Heading, Item and Code build the nodes tests write most.
func Text(s string) *tree.Text { return &tree.Text{Text: s} }

func Para(is ...tree.Inline) *tree.Paragraph { return &tree.Paragraph{Content: is} }

func Heading(level int, id, title string) *tree.Heading {
	return &tree.Heading{Level: level, ID: id, Content: tree.Inlines{Text(title)}}
}

func Item(bs ...tree.Block) *tree.ListItem { return &tree.ListItem{Blocks: bs} }

// Code is a code block lexed as the builder lexes it.
func Code(lang, text string) *tree.CodeBlock {
	return &tree.CodeBlock{Lang: lang, Text: text, Tokens: highlight.Tokens(lang, text)}
}

// Short names inside this file.
var (
	text    = Text
	para    = Para
	heading = Heading
)

// PNG returns a small valid PNG image of the given size.
func PNG(w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 255 / w), 90, uint8(y * 255 / h), 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// Chapter returns the chapter of b with the given ID, or nil.
func Chapter(b *tree.Book, id string) *tree.Chapter {
	for _, c := range b.Chapters() {
		if c.ID == id {
			return c
		}
	}
	return nil
}

// Book returns a three-chapter book in two parts that uses every block and inline kind, with
// cross-references between chapters and to headings, footnotes, a figure and non-ASCII text.
func Book() *tree.Book {
	fig := &tree.Image{Src: "images/grid.png", Alt: "A colour grid", Title: "The grid",
		Asset: &tree.Asset{Name: "images/grid.png", MediaType: "image/png", Width: 64, Height: 32, Data: PNG(64, 32)}}
	intro := &tree.Chapter{
		ID: "introduction", Title: "Introduction", Source: "src/intro.md",
		Blocks: tree.Blocks{
			heading(1, "introduction", "Introduction"),
			para(text("Welcome — this is a “sample” book about naïve café résumés, λ-calculus and arrows → ←. "),
				&tree.Emphasis{Content: tree.Inlines{text("Emphasis "), &tree.Strong{Content: tree.Inlines{text("and strong inside")}}}},
				text(", "), &tree.Strikethrough{Content: tree.Inlines{text("struck")}}, text(", "),
				&tree.Code{Text: "inline --code"}, text(". See "),
				&tree.XRef{Chapter: "usage", Content: tree.Inlines{text("1. Usage")}},
				text(" and "),
				&tree.XRef{Chapter: "usage", Anchor: "options", Content: tree.Inlines{text("the options")}},
				text("."), &tree.FootnoteRef{Number: 1, ID: "fn-introduction-1"}),
			para(text("Visit "), &tree.Link{URL: "https://example.com/a/very/long/path/that/goes/on_and_on-forever.html", Content: tree.Inlines{text("the example site")}},
				text(" or mail "), &tree.Link{URL: "mailto:docs@example.com", Content: tree.Inlines{text("docs@example.com")}},
				text("."), &tree.LineBreak{}, text("A second line with "), &tree.RawHTML{HTML: `<span class="filename">`, Text: ""},
				text("book.toml"), &tree.RawHTML{HTML: "</span>"}, text(".")),
			&tree.Figure{Image: fig, Caption: tree.Inlines{text("The grid")}},
		},
		Footnotes: []*tree.Footnote{{Number: 1, ID: "fn-introduction-1", Blocks: tree.Blocks{para(text("A footnote with "), &tree.Emphasis{Content: tree.Inlines{text("emphasis")}}, text("."))}}},
	}
	usage := &tree.Chapter{
		ID: "usage", Title: "Usage", Number: tree.Number{1}, Source: "src/usage.md",
		Blocks: tree.Blocks{
			heading(1, "usage", "Usage"),
			para(text("Run the tool as shown. A leading .dot and 'quote, a back\\slash and -dash must survive.")),
			Code("sh", "metroctl cluster takeownership --endpoints=192.0.2.10 --cluster=metropolis.example.com --config=/home/operator/.config/metroctl --proxy=socks5://localhost:1080\necho done"),
			heading(2, "options", "Options"),
			&tree.Table{Align: []tree.Align{tree.AlignLeft, tree.AlignCenter, tree.AlignRight},
				Header: []tree.Inlines{{text("Flag")}, {text("Default")}, {text("Port")}},
				Rows: [][]tree.Inlines{
					{{&tree.Code{Text: "--endpoints"}}, {text("none")}, {text("7835")}},
					{{&tree.Code{Text: "--config"}}, {text("XDG config directory")}, {text("6443")}},
				}},
			&tree.List{Ordered: true, Start: 3, Tight: true, Items: []*tree.ListItem{
				{Blocks: tree.Blocks{para(text("Third"))}},
				{Blocks: tree.Blocks{para(text("Fourth, with a nested list:")),
					&tree.List{Tight: true, Items: []*tree.ListItem{
						{Task: tree.Checked, Blocks: tree.Blocks{para(text("done task"))}},
						{Task: tree.Unchecked, Blocks: tree.Blocks{para(text("open task"))}},
					}}}},
			}},
			&tree.Admonition{Kind: tree.Warning, Blocks: tree.Blocks{para(text("Do not run this on production."))}},
			&tree.Quote{Blocks: tree.Blocks{para(text("A quoted paragraph."))}},
			&tree.ThematicBreak{},
			Code("go", "package main\n\nfunc main() {\n\tprintln(\"hello\")\n}"),
		},
		Children: []*tree.Chapter{{
			ID: "usage-details", Title: "Details", Number: tree.Number{1, 1}, Source: "src/usage/details.md",
			Blocks: tree.Blocks{
				heading(1, "details", "Details"),
				&tree.DefinitionList{Items: []*tree.Definition{
					{Term: tree.Inlines{text("Node")}, Definitions: []tree.Blocks{{para(text("A machine running Metropolis."))}}},
					{Term: tree.Inlines{text("Curator")}, Definitions: []tree.Blocks{{para(text("The control-plane service."))}, {para(text("Leader-elected."))}}},
				}},
				&tree.HTMLBlock{HTML: "<div class=\"warning\">\n<p>Raw <b>HTML</b> block</p>\n</div>", Text: "Raw HTML block"},
				para(text("Back to "), &tree.XRef{Chapter: "introduction", Content: tree.Inlines{text("the introduction")}}, text(".")),
			},
		}},
	}
	cli := &tree.Chapter{
		ID: "tool", Title: "The tool", Number: tree.Number{2}, Source: "src/tool.md",
		ManPage: &tree.ManPage{Name: "sampletool", Section: "1"},
		Blocks: tree.Blocks{
			heading(1, "the-tool", "The tool"),
			heading(2, "name", "NAME"),
			para(text("sampletool - does sample things")),
			heading(2, "synopsis", "SYNOPSIS"),
			para(&tree.Code{Text: "sampletool [--flag] COMMAND"}),
		},
	}
	return &tree.Book{
		Title: "Sample Book", Authors: []string{"Ada Writer", "Bo Editor"}, Description: "A book for tests.",
		Language: "en", Slug: "sample-book",
		Date:     time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC),
		Settings: tree.Settings{Paper: tree.A4, ManSection: "7"},
		Parts: []*tree.Part{
			{Chapters: []*tree.Chapter{intro}},
			{Title: "Using it", Chapters: []*tree.Chapter{usage, cli}},
		},
	}
}
