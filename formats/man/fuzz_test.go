package man

import (
	"strings"
	"testing"

	"bookc/builder/tree"
)

// FuzzRender builds a random chapter from the fuzz input (every node kind, nested at random, with
// text full of roff's special characters) and requires every page to pass the validators.
func FuzzRender(f *testing.F) {
	requireValidators(f)
	for _, seed := range []string{
		"",
		"\x07\x03\x01\x02\x05\x09\x04\x08\x06\x0a\x0b",
		"\x03\x03\x03\x03\x02\x02\x02\x01\x01\x01\x00\x00",
		"\x06\x04\x05\x07\x03\x05\x02\x04\x01\x05\x00\x04\x09\x01\x03\x02",
		"\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f",
		strings.Repeat("\x02\x05\x08\x0b\x0e\x11", 6),
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		g := &gen{data: data}
		blocks := g.blocks(0, true)
		footnotes := []*tree.Footnote{
			{Number: 1, ID: "fn-1", Blocks: g.blocks(2, false)},
			{Number: 2, ID: "fn-2", Blocks: tree.Blocks{para(text(g.text()))}},
		}
		out, err := Render(goldenBook(blocks, footnotes))
		if err != nil {
			t.Fatal(err)
		}
		for _, file := range out.Files {
			if msg := lint(t, file.Name, file.Data, false); msg != "" {
				t.Fatalf("%s:\n%s\npage:\n%s", file.Name, msg, file.Data)
			}
		}
	})
}

// gen turns fuzz bytes into tree nodes; when the bytes run out, it returns zeros, which end lists.
type gen struct{ data []byte }

func (g *gen) next() int {
	if len(g.data) == 0 {
		return 0
	}
	b := g.data[0]
	g.data = g.data[1:]
	return int(b)
}

// fragments are the pieces random text is made of: roff's special characters at line starts and
// inside words, tbl's cell markers, dashes, quotes, spaces and non-ASCII text.
var fragments = []string{
	"word", " ", ".", "'", `\`, "-", "--opt", `"`, "\n", "\t", "caf\u00e9", "\u4e2d\u6587", "\u2014",
	"T{", "T}", "_", "=", `\fB`, ".TH x", `'\" t`, "%", "~", "`", "^", ".\\\"", "\u0151", "\u2500",
	"\U0001F600", "\u00a0", "x\u0301", "\x01", "https://example.com/a/b", strings.Repeat("long", 15), "  ",
}

func (g *gen) text() string {
	var sb strings.Builder
	for n := g.next() % 8; n >= 0; n-- {
		sb.WriteString(fragments[g.next()%len(fragments)])
	}
	return sb.String()
}

func (g *gen) inlines(depth int) tree.Inlines {
	var is tree.Inlines
	for n := g.next() % 5; n > 0; n-- {
		k := g.next() % 13
		if depth > 3 {
			k = 0
		}
		switch k {
		case 0, 1:
			is = append(is, text(g.text()))
		case 2:
			is = append(is, &tree.Emphasis{Content: g.inlines(depth + 1)})
		case 3:
			is = append(is, &tree.Strong{Content: g.inlines(depth + 1)})
		case 4:
			is = append(is, &tree.Strikethrough{Content: g.inlines(depth + 1)})
		case 5:
			is = append(is, &tree.Code{Text: g.text()})
		case 6:
			url := []string{"https://example.com/" + g.text(), "mailto:x@example.com", "https://example.com/x y"}[g.next()%3]
			is = append(is, &tree.Link{URL: url, Content: g.inlines(depth + 1)})
		case 7:
			x := [][2]string{{"other", ""}, {"other", "setup"}, {"element", ""}, {"element", "element"}}[g.next()%4]
			is = append(is, &tree.XRef{Chapter: x[0], Anchor: x[1], Content: g.inlines(depth + 1)})
		case 8:
			is = append(is, &tree.Image{Src: "images/" + g.text(), Alt: g.text()})
		case 9:
			is = append(is, &tree.FootnoteRef{Number: 1 + g.next()%2, ID: []string{"fn-1", "fn-2"}[g.next()%2]})
		case 10:
			is = append(is, &tree.LineBreak{})
		case 11:
			is = append(is, &tree.RawHTML{HTML: "<b>", Text: g.text()})
		case 12:
			is = append(is, text(""))
		}
	}
	return is
}

func (g *gen) blocks(depth int, top bool) tree.Blocks {
	var bs tree.Blocks
	for n := g.next() % 6; n > 0; n-- {
		k := g.next() % 13
		if depth > 3 && k > 2 {
			k = 1
		}
		switch k {
		case 0:
			bs = append(bs, &tree.Heading{Level: 1 + g.next()%6, ID: "h" + string(rune('a'+len(bs))), Content: g.inlines(depth)})
		case 1, 2:
			bs = append(bs, &tree.Paragraph{Content: g.inlines(depth)})
		case 3:
			l := &tree.List{Ordered: g.next()%2 == 0, Start: g.next() % 120, Tight: g.next()%2 == 0}
			for m := 1 + g.next()%3; m > 0; m-- {
				l.Items = append(l.Items, &tree.ListItem{Task: tree.Task(g.next() % 3), Blocks: g.blocks(depth+1, false)})
			}
			bs = append(bs, l)
		case 4:
			bs = append(bs, &tree.CodeBlock{Text: g.text() + "\n" + g.text()})
		case 5:
			bs = append(bs, &tree.Quote{Blocks: g.blocks(depth+1, false)})
		case 6:
			kinds := []tree.AdmonitionKind{tree.Note, tree.Tip, tree.Important, tree.Warning, tree.Caution}
			bs = append(bs, &tree.Admonition{Kind: kinds[g.next()%len(kinds)], Blocks: g.blocks(depth+1, false)})
		case 7:
			bs = append(bs, g.table(depth))
		case 8:
			bs = append(bs, &tree.ThematicBreak{})
		case 9:
			bs = append(bs, &tree.Figure{Image: &tree.Image{Src: g.text(), Alt: g.text()}, Caption: g.inlines(depth + 1)})
		case 10:
			dl := &tree.DefinitionList{}
			for m := 1 + g.next()%2; m > 0; m-- {
				dl.Items = append(dl.Items, &tree.Definition{Term: g.inlines(depth + 1),
					Definitions: []tree.Blocks{g.blocks(depth+1, false), g.blocks(depth+1, false)}})
			}
			bs = append(bs, dl)
		case 11:
			bs = append(bs, &tree.HTMLBlock{HTML: "<div>", Text: g.text()})
		case 12:
			bs = append(bs, &tree.Paragraph{Content: tree.Inlines{&tree.Image{Src: "x.png", Alt: g.text()}}})
		}
	}
	return bs
}

func (g *gen) table(depth int) *tree.Table {
	cols := 1 + g.next()%5
	t := &tree.Table{}
	for i := 0; i < cols; i++ {
		t.Align = append(t.Align, tree.Align(g.next()%4))
		t.Header = append(t.Header, g.inlines(depth+2))
	}
	for r := g.next() % 4; r > 0; r-- {
		row := make([]tree.Inlines, cols)
		for i := range row {
			row[i] = g.inlines(depth + 2)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
