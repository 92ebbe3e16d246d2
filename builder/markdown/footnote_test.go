package markdown

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/yuin/goldmark/extension"

	"bookc/builder/diag"
	"bookc/builder/tree"
)

// TestFootnotesAsGoldmark converts chapters with our footnote extension and with goldmark's, which
// it replaces, and wants the same tree, footnotes, headings and diagnostics, but for the
// unreferenced definitions that ours keeps (TestUnreferencedFootnotes).
func TestFootnotesAsGoldmark(t *testing.T) {
	theirs := newMarkdown(extension.Footnote)
	result := func(in string) string {
		r := convert(t, in)
		var notes []*tree.Footnote
		theirs := map[*tree.Heading]bool{} // headings of the notes goldmark drops
		for _, fn := range r.Footnotes {
			if !fn.Unreferenced {
				notes = append(notes, fn)
				continue
			}
			tree.WalkBlocks(fn.Blocks, func(b tree.Block) {
				if h, ok := b.(*tree.Heading); ok {
					theirs[h] = true
				}
			})
		}
		var headings []*tree.Heading
		for _, h := range r.Headings {
			if !theirs[h] {
				headings = append(headings, h)
			}
		}
		var ds diag.List
		for _, d := range r.Diags {
			if !strings.Contains(d.Msg, "is defined but not referenced") {
				ds = append(ds, d)
			}
		}
		return js(t, []any{r.Blocks, notes, headings, ds})
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

// TestUnreferencedFootnotes: a definition nothing references is kept, numbered after the
// referenced ones in the order of definition, and warned of at its line with its label.
func TestUnreferencedFootnotes(t *testing.T) {
	tests := []struct {
		name, in string
		numbers  []int  // of the chapter's footnotes, in order
		unref    []bool // which are unreferenced
		diags    []string
	}{
		{"one of each", "Text[^a].\n\n[^z]: never cited\n[^a]: cited\n", []int{1, 2}, []bool{false, true},
			[]string{"ch.md:3: warning: footnote [^z] is defined but not referenced; it is shown at the chapter's end"}},
		{"only unreferenced, in their order", "No refs.\n\n[^b]: second label\n\n[^a]: first label\n", []int{1, 2}, []bool{true, true},
			[]string{"ch.md:3: warning: footnote [^b]", "ch.md:5: warning: footnote [^a]"}},
		{"a second definition of a label is dropped", "X[^a]\n\n[^a]: one\n\n[^a]: two\n", []int{1}, []bool{false}, nil},
		{"all referenced", "X[^a] Y[^b]\n\n[^b]: b\n[^a]: a\n", []int{1, 2}, []bool{false, false}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := convert(t, tt.in)
			var nums []int
			var unref []bool
			for _, fn := range r.Footnotes {
				nums, unref = append(nums, fn.Number), append(unref, fn.Unreferenced)
			}
			if fmt.Sprint(nums, unref) != fmt.Sprint(tt.numbers, tt.unref) {
				t.Errorf("footnotes %v %v, want %v %v", nums, unref, tt.numbers, tt.unref)
			}
			if len(r.Diags) != len(tt.diags) {
				t.Fatalf("diagnostics %v, want %d", r.Diags, len(tt.diags))
			}
			for i, d := range r.Diags {
				if !strings.HasPrefix(d.String(), tt.diags[i]) {
					t.Errorf("diagnostic %q, want it to start %q", d, tt.diags[i])
				}
			}
		})
	}
}
