package markdown

import (
	gast "github.com/yuin/goldmark/ast"

	"bookc/builder/strarena"
	"bookc/builder/tree"
)

// textArena gives a chapter's Text nodes and their strings out of two allocations made to the
// chapter's measure, rather than two small ones for each: a book's text is most of its tree, and
// at 30 times the benchmark book it is 620,000 nodes, which the collector marks at every cycle
// of the build and whose holes among the parse's garbage stay in the heap's spans.
type textArena struct {
	chars strarena.Arena
	nodes []tree.Text
}

// newTextArena makes the arena for the text of doc, whose segments are in src: room for the text
// of its text nodes, a space for each soft line break and the labels of its autolinks, and a node for
// each run of text, which is what inlineBuf makes of them. What is past that is allocated as it
// comes: the text of HTML blocks, which only a tokenizer would measure, and the runs that raw
// HTML's elements start (a few nodes more at a time).
func newTextArena(doc gast.Node, src []byte) textArena {
	size, runs := 0, 0
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		switch t := n.(type) {
		case *gast.CodeSpan: // its text is a Code's
			return gast.WalkSkipChildren, nil
		case *gast.Text:
			size += t.Segment.Len()
			if t.SoftLineBreak() {
				size++
			}
			runs += startsRun(t)
		case *gast.String:
			size += len(t.Value)
			runs += startsRun(t)
		case *gast.AutoLink:
			size += len(t.Label(src))
			runs++
		}
		return gast.WalkContinue, nil
	})
	return textArena{chars: strarena.Sized(size), nodes: make([]tree.Text, 0, runs)}
}

// startsRun is 1 where a text node starts a run of text, which inlineBuf makes one Text of.
func startsRun(n gast.Node) int {
	switch p := n.PreviousSibling().(type) {
	case *gast.Text:
		if !p.HardLineBreak() {
			return 0
		}
	case *gast.String:
		return 0
	}
	return 1
}

// text is a Text node of a copy of b.
func (a *textArena) text(b []byte) *tree.Text {
	if len(a.nodes) == cap(a.nodes) {
		a.nodes = make([]tree.Text, 0, 8)
	}
	a.nodes = append(a.nodes, tree.Text{Text: a.chars.String(b)})
	return &a.nodes[len(a.nodes)-1]
}
