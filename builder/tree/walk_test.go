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
