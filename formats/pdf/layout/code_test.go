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
	highlight(block, codestyle.Get(), func(line []cell) { lines = append(lines, slices.Clone(line)) })
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

// TestCodeSharesText checks that a code line's runs are the block's own bytes, highlighted or
// not, and that a run with a tab's spaces in it is a copy, as it must be.
func TestCodeSharesText(t *testing.T) {
	l := testLay()
	for _, block := range []*tree.CodeBlock{
		sample.Code("go", "package main\n\nfunc main() { // start\n    println(\"hello\", 42)\n}"),
		{Text: "plain text\n  indented by spaces"},
	} {
		n := 0
		for _, b := range l.code(block, l.g.Left, l.g.Measure) {
			for _, tx := range b.texts {
				if n++; !within(tx.S, block.Text) {
					t.Errorf("%q: the run %q is a copy; want the block's own bytes", block.Text, tx.S)
				}
			}
		}
		if n < 2 {
			t.Errorf("%q set as %d runs", block.Text, n)
		}
	}
	block := &tree.CodeBlock{Text: "\tx := 1"}
	var got []string
	for _, b := range l.code(block, l.g.Left, l.g.Measure) {
		for _, tx := range b.texts {
			if got = append(got, tx.S); within(tx.S, block.Text) {
				t.Errorf("the run %q, a tab expanded in it, is in the block's bytes", tx.S)
			}
		}
	}
	if !slices.Equal(got, []string{"    x := 1"}) {
		t.Errorf("a tabbed line set as %q", got)
	}
}

// TestPrintGreys checks print = true: every character of highlighted code, inline code, links
// and admonitions' labels, and every background, is set in a grey, where without it keywords,
// strings, comments, code, links and admonitions have colours.
func TestPrintGreys(t *testing.T) {
	block := sample.Code("go", "package main\n\nfunc main() { // start\n\tprintln(\"hello\", 42)\n}")
	for _, print := range []bool{false, true} {
		l := newLay(&tree.Book{Language: "en", Settings: tree.Settings{Print: print}}, nil, newMemo(), NewShared())
		colours := map[page.Color]bool{}
		para := tree.Inlines{&tree.Text{Text: "Run "}, &tree.Code{Text: "make test"}, &tree.Text{Text: " as "},
			&tree.Link{URL: "https://example.com/", Content: tree.Inlines{&tree.Text{Text: "the guide"}}}, &tree.Text{Text: " says."}}
		boxes := append(l.code(block, l.g.Left, l.g.Measure), l.paragraph(l.runs(para, l.text(), nil), l.g.Left, l.g.Measure)...)
		boxes = append(boxes, l.admonition(&tree.Admonition{Kind: tree.Warning, Blocks: tree.Blocks{sample.Para(sample.Text("Mind it."))}}, l.g.Left, l.g.Measure)...)
		for _, b := range boxes {
			for _, tx := range b.texts {
				colours[tx.Color] = true
			}
			for _, r := range b.pieces().Rects {
				if r.Fill != nil {
					colours[*r.Fill] = true
				}
			}
		}
		hues := 0
		for c := range colours {
			if c.R != c.G || c.G != c.B {
				hues++
			}
		}
		switch {
		case len(colours) < 5:
			t.Errorf("print %v: code in %d colours %v, want keywords, strings, comments told apart", print, len(colours), colours)
		case print && hues > 0:
			t.Errorf("print = true: code in colours %v, want greys only", colours)
		case !print && hues == 0:
			t.Errorf("print = false: code in greys only %v", colours)
		}
	}
}
