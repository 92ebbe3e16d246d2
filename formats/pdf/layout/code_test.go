package layout

import (
	"slices"
	"testing"

	"github.com/alecthomas/chroma/v2"

	"bookc/builder/tree"
	"bookc/builder/tree/sample"
	"bookc/formats/codestyle"
	"bookc/formats/pdf/page"
)

// TestTokenStyles checks that a class styles every token type the builder gives it, as chroma's
// own type did: a type without a class takes its nearest ancestor's.
func TestTokenStyles(t *testing.T) {
	sty := codestyle.Get()
	for _, tt := range chroma.TokenTypeValues() {
		up := tt
		for ; up != 0; up = up.Parent() {
			if _, ok := chroma.StandardTypes[up]; ok {
				break
			}
		}
		if got, want := sty.Get(tokenTypes()[chroma.StandardTypes[up]]), sty.Get(tt); got != want {
			t.Errorf("%v is styled %v through its class, %v by its type", tt, got, want)
		}
	}
}

// highlighted collects the lines that highlight hands over, each copied as highlight reuses its slice.
func highlighted(block *tree.CodeBlock) [][]cell {
	var lines [][]cell
	highlight(block, func(line []cell) { lines = append(lines, slices.Clone(line)) })
	return lines
}

func TestHighlight(t *testing.T) {
	plain := func(line []cell) string {
		s := ""
		for _, c := range line {
			s += string(c.r)
		}
		return s
	}
	tests := []struct {
		name  string
		block *tree.CodeBlock
		want  []string
	}{
		{"tokens", sample.Code("go", "if x {\n\treturn // done\n}"), []string{"if x {", "    return // done", "}"}},
		{"trailing newline", sample.Code("go", "x\n"), []string{"x", ""}},
		{"no tokens", &tree.CodeBlock{Lang: "nosuchlanguage", Text: "a\tb\r\nc"}, []string{"a   b", "c"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := highlighted(tt.block)
			if len(lines) != len(tt.want) {
				t.Fatalf("%d lines, want %d", len(lines), len(tt.want))
			}
			for i, l := range lines {
				if got := plain(l); got != tt.want[i] {
					t.Errorf("line %d is %q, want %q", i, got, tt.want[i])
				}
			}
		})
	}
	lines := highlighted(sample.Code("go", "if x {\n\treturn // done\n}"))
	if kw, comment := lines[0][0], lines[1][len(lines[1])-1]; kw.font != page.MonoBold || comment.font != page.MonoItalic || comment.c == codeText || comment.c == kw.c {
		t.Errorf("keyword %v, comment %v: want the keyword bold, the comment italic (as tango has them) in a colour of its own", kw, comment)
	}
}
