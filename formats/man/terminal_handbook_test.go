package man

import (
	"testing"

	"bookc/builder"
	"bookc/builder/tree"
	"bookc/handbook"
)

// TestHandbookOnTerminals renders every page of every handbook edition with groff and mandoc at
// 80 and 60 columns, as man -l shows them: headers and footers whole, no line too wide. Code is
// verbatim and may be wider: its lines are cut first. Tables fit both, or are lists where the
// line is too short for them.
func TestHandbookOnTerminals(t *testing.T) {
	requireValidators(t)
	for _, width := range []int{80, 60} {
		for _, ed := range loadEditions(t, builder.FromFS(handbook.FS, "handbook")) {
			for _, c := range ed.Chapters() {
				c.Blocks = narrowed(c.Blocks)
			}
			out, err := Render(ed)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range out.Files {
				checkPage(t, ed.Artifact()+"/"+f.Name, width, f.Data)
			}
		}
	}
}

// narrowed cuts the lines of code blocks to 10 characters.
func narrowed(bs tree.Blocks) tree.Blocks {
	var out tree.Blocks
	for _, b := range bs {
		tree.WalkBlocks(tree.Blocks{b}, func(b tree.Block) {
			if c, ok := b.(*tree.CodeBlock); ok {
				c.Text = cutLines(c.Text, 10)
			}
		})
		out = append(out, b)
	}
	return out
}

func cutLines(s string, n int) string {
	rs := []rune(s)
	out, col := make([]rune, 0, len(rs)), 0
	for _, r := range rs {
		if r == '\n' {
			col = 0
		} else if col++; col > n {
			continue
		}
		out = append(out, r)
	}
	return string(out)
}
