package markdown

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/yuin/goldmark/extension"
)

// TestFootnotesAsGoldmark converts chapters with our footnote extension and with goldmark's, which
// it replaces, and wants the same tree, footnotes, headings and diagnostics.
func TestFootnotesAsGoldmark(t *testing.T) {
	theirs := newMarkdown(extension.Footnote)
	result := func(in string) string {
		r := convert(t, in)
		return js(t, []any{r.Blocks, r.Footnotes, r.Headings, r.Diags})
	}
	compare := func(in string) {
		t.Helper()
		ours := result(in)
		saved := md
		md = theirs
		want := result(in)
		md = saved
		if ours != want {
			t.Errorf("input %q:\nours   %s\ngoldmark %s", in, ours, want)
		}
	}
	for _, in := range []string{
		"One[^b] two[^a] again[^b].\n\n[^a]: First *def*.\n[^b]: Second.\n[^unused]: Never.",
		"Defined twice[^x].\n\n[^x]: first\n\n[^x]: second",
		"Image or note: ![^x] and ![alt](p.png)\n\n[^x]: n",
		"Missing [^nope] and [^] and [^\n\n[^ok]: x",
		"Nested[^a] defs[^b]\n\n[^a]: [^b]: inner\n",
		"> Quoted[^q]\n>\n> [^q]: inside a quote\n\n[^q]: outside",
		"- item[^l]\n\n  [^l]: in a list\n",
		"Long[^long]\n\n[^long]: para one\n\n    para two, indented\n\n    ```\n    code\n    ```\n",
		"Heading in a note[^h]\n\n## Sec\n\n[^h]: # Sec\n",
		"Case[^A] [^a]\n\n[^a]: lower\n[^A]: upper",
		"No notes at all.",
		"[^only]: a definition no one references",
	} {
		compare(in)
	}
	rng := rand.New(rand.NewSource(1))
	atoms := []string{"x", " ", "[^1]", "[^2]", "[^a]", "![^1]", "\n", "\n\n", "[^1]: one\n", "[^2]: *two*\n", "[^a]: [^1] a\n",
		"    more\n", "> ", "- ", "## H\n", "[", "]", "^", ":", "[^", "[^1]:", "\n[^b]: b[^a]\n"}
	for range 3000 {
		var sb strings.Builder
		for range rng.Intn(25) {
			sb.WriteString(atoms[rng.Intn(len(atoms))])
		}
		compare(sb.String())
	}
}
