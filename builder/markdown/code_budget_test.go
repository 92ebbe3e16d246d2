package markdown

import (
	"fmt"
	"strings"
	"testing"

	"bookc/builder/highlight"
	"bookc/builder/include"
	"bookc/builder/tree"
)

// TestCodeBudget: a block past highlighting's budget is plain, with a note at its line; one
// within it is coloured, without a note.
func TestCodeBudget(t *testing.T) {
	line := "let x = compute(1, 2) + 3;\n"
	for _, tt := range []struct {
		name  string
		lines int
		plain bool
	}{
		{"within the budget", 10, false},
		{"past the budget", highlight.MaxBytes/len(line) + 10, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			text := "# A\n\nIntro.\n\n```rust\n" + strings.Repeat(line, tt.lines) + "```\n"
			res := Convert(Env{Source: include.Expand(include.Options{}, "ch.md", []byte(text)), Highlight: true})
			cb := res.Blocks[2].(*tree.CodeBlock)
			if (cb.Tokens == nil) != tt.plain {
				t.Errorf("%d tokens, want plain %v", len(cb.Tokens), tt.plain)
			}
			note := "ch.md:5: note: code block of " // the fence's line
			if got := fmt.Sprint(res.Diags); strings.Contains(got, note) != tt.plain {
				t.Errorf("diagnostics %q; want a note %v", got, tt.plain)
			}
		})
	}
}
