package tree_test

import (
	"fmt"
	"strings"
	"testing"

	"bookc/builder/tree"
	"bookc/builder/tree/sample"
)

func TestWalkChapter(t *testing.T) {
	b := sample.Book()
	var blocks, inlines []string
	for _, c := range b.Chapters() {
		tree.WalkChapter(c, func(bl tree.Block) { blocks = append(blocks, fmt.Sprintf("%T", bl)) },
			func(in tree.Inline) { inlines = append(inlines, fmt.Sprintf("%T", in)) })
	}
	for _, want := range []string{"*tree.Heading", "*tree.Table", "*tree.DefinitionList", "*tree.Admonition", "*tree.Figure", "*tree.HTMLBlock"} {
		if !strings.Contains(strings.Join(blocks, " "), want) {
			t.Errorf("no %s visited", want)
		}
	}
	// Inlines nested in emphasis, inside list items and in footnotes are reached too.
	all := strings.Join(inlines, " ")
	for _, want := range []string{"*tree.Strong", "*tree.Image", "*tree.FootnoteRef", "*tree.XRef", "*tree.Code"} {
		if !strings.Contains(all, want) {
			t.Errorf("no %s visited", want)
		}
	}
	var tasks int
	tree.WalkBlocks(sample.Chapter(b, "usage").Blocks, func(bl tree.Block) {
		if p, ok := bl.(*tree.Paragraph); ok && strings.HasSuffix(tree.PlainText(p.Content), "task") {
			tasks++
		}
	})
	if tasks != 2 {
		t.Errorf("visited %d task paragraphs in a nested list, want 2", tasks)
	}
}

func TestSections(t *testing.T) {
	secs := sample.Chapter(sample.Book(), "usage").Sections()
	if len(secs) != 1 || secs[0].Heading.ID != "options" {
		t.Errorf("sections %+v", secs)
	}
	if got := (tree.Number{3, 2}).String(); got != "3.2" {
		t.Errorf("Number.String = %q", got)
	}
	if got := tree.Warning.Label(); got != "Warning" {
		t.Errorf("Label = %q", got)
	}
}

// TestInlinesOf gives each block kind's own inline lists in order, and stops where the loop
// over them breaks.
func TestInlinesOf(t *testing.T) {
	txt := func(s string) tree.Inlines { return tree.Inlines{&tree.Text{Text: s}} }
	img := &tree.Image{Alt: "fig"}
	tests := []struct {
		name  string
		block tree.Block
		want  []string
	}{
		{"heading", &tree.Heading{Content: txt("h")}, []string{"h"}},
		{"paragraph", &tree.Paragraph{Content: txt("p")}, []string{"p"}},
		{"table", &tree.Table{Header: []tree.Inlines{txt("a"), txt("b")}, Rows: [][]tree.Inlines{{txt("c"), txt("d")}, {txt("e")}}}, []string{"a", "b", "c", "d", "e"}},
		{"definitions", &tree.DefinitionList{Items: []*tree.Definition{{Term: txt("t1")}, {Term: txt("t2")}}}, []string{"t1", "t2"}},
		{"details", &tree.Details{Summary: txt("s")}, []string{"s"}},
		{"figure", &tree.Figure{Image: img, Caption: txt("cap")}, []string{"fig", "cap"}},
		{"figure without image", &tree.Figure{Caption: txt("cap")}, []string{"cap"}},
		{"a quote holds none itself", &tree.Quote{Blocks: tree.Blocks{&tree.Paragraph{Content: txt("q")}}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for is := range tree.InlinesOf(tt.block) {
				got = append(got, tree.PlainText(is))
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if len(tt.want) < 2 {
				return
			}
			got = got[:0]
			for is := range tree.InlinesOf(tt.block) {
				got = append(got, tree.PlainText(is))
				if len(got) == 2 {
					break
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want[:2], "|") {
				t.Errorf("broken after two: got %q, want %q", got, tt.want[:2])
			}
		})
	}
}
