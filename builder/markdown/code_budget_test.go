package markdown

import (
	"fmt"
	"strings"
	"testing"

	"bookc/builder/highlight"
	"bookc/builder/include"
	"bookc/builder/tree"
)

// TestCodeBudget: a block past its language's highlighting budget is plain, with a note at its line
// that names the budget; one within it is coloured, without a note. The budgets differ: chroma's
// (HTML's) is smaller than that of highlight's own lexers (Rust's).
func TestCodeBudget(t *testing.T) {
	line := "let x = compute(1, 2) + 3;\n"
	past := func(lang string) int { return highlight.Budget(lang)/len(line) + 10 }
	for _, tt := range []struct {
		name, lang string
		lines      int
		note       string // "" when the block is coloured
	}{
		{"within Rust's budget", "rust", 10, ""},
		{"past chroma's budget, within Rust's", "rust", past("html"), ""},
		{"past Rust's budget", "rust", past("rust"), fmt.Sprintf("code block of %d lines is too long to highlight (over 1024 kB)", past("rust"))},
		{"within chroma's budget", "html", 10, ""},
		{"past chroma's budget", "html", past("html"), fmt.Sprintf("code block of %d lines is too long to highlight (over 128 kB)", past("html"))},
	} {
		t.Run(tt.name, func(t *testing.T) {
			text := "# A\n\nIntro.\n\n```" + tt.lang + "\n" + strings.Repeat(line, tt.lines) + "```\n"
			res := Convert(Env{Source: include.Expand(include.Options{}, "ch.md", []byte(text)), Highlight: true})
			cb := res.Blocks[2].(*tree.CodeBlock)
			if plain := tt.note != ""; (cb.Tokens == nil) != plain {
				t.Errorf("%d tokens, want plain %v", len(cb.Tokens), plain)
			}
			got := fmt.Sprint(res.Diags)
			if note := "ch.md:5: note: " + tt.note; tt.note != "" && !strings.Contains(got, note) { // the fence's line
				t.Errorf("diagnostics %q; want %q", got, note)
			}
			if tt.note == "" && len(res.Diags) > 0 {
				t.Errorf("diagnostics %q; want none", got)
			}
		})
	}
}
