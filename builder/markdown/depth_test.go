package markdown

import (
	"strings"
	"testing"

	"bookc/builder/tree"
)

// blockDepth is how deeply containers nest in bs, and the blocks of the deepest one.
func blockDepth(bs tree.Blocks) (int, tree.Blocks) {
	depth, inner := 0, bs
	for _, b := range bs {
		var kids []tree.Blocks
		switch n := b.(type) {
		case *tree.Quote:
			kids = []tree.Blocks{n.Blocks}
		case *tree.Admonition:
			kids = []tree.Blocks{n.Blocks}
		case *tree.Only:
			kids = []tree.Blocks{n.Blocks}
		case *tree.List:
			for _, it := range n.Items {
				kids = append(kids, it.Blocks)
			}
		case *tree.DefinitionList:
			for _, d := range n.Items {
				kids = append(kids, d.Definitions...)
			}
		}
		for _, k := range kids {
			if d, in := blockDepth(k); d+1 > depth {
				depth, inner = d+1, in
			}
		}
	}
	return depth, inner
}

// inlineDepth is how deeply inline containers nest in is, and the content of the deepest one.
func inlineDepth(is tree.Inlines) (int, tree.Inlines) {
	depth, inner := 0, is
	for _, in := range is {
		var kid tree.Inlines
		switch n := in.(type) {
		case *tree.Emphasis:
			kid = n.Content
		case *tree.Strong:
			kid = n.Content
		case *tree.Strikethrough:
			kid = n.Content
		case *tree.Link:
			kid = n.Content
		case *tree.XRef:
			kid = n.Content
		default:
			continue
		}
		if d, k := inlineDepth(kid); d+1 > depth {
			depth, inner = d+1, k
		}
	}
	return depth, inner
}

func TestBlockDepthCap(t *testing.T) {
	deep := strings.Repeat(">", 201) // one level past the cap
	tests := []struct {
		name, in string
		depth    int
		inner    string // the innermost container's blocks
		diag     string // the one diagnostic, "" for none
	}{
		{"quotes at the cap", strings.Repeat("> ", 200) + "x", 200, `[{"type":"Paragraph","content":[{"type":"Text","text":"x"}]}]`, ""},
		{"quotes past the cap", "intro\n\n" + strings.Repeat("> ", 250) + "*deep* `code`\n", 200,
			`[{"type":"Paragraph","content":[{"type":"Text","text":"deep code"}]}]`,
			"ch.md:3: error: lists and quotes are nested deeper than 200 levels; the deeper levels are kept as a paragraph of plain text (nest them less deeply)"},
		{"lists past the cap", strings.Repeat("- ", 250) + "x", 200, `[{"type":"Paragraph","content":[{"type":"Text","text":"x"}]}]`,
			"ch.md:1: error: lists and quotes are nested deeper than 200 levels"},
		{"lists in quotes past the cap", "a\n\nb\n\n" + strings.Repeat("1. > ", 150) + "x", 200, `[{"type":"Paragraph","content":[{"type":"Text","text":"x"}]}]`,
			"ch.md:5: error: lists and quotes are nested deeper than 200 levels"},
		{"blocks below the cap keep their words",
			"# T\n\n" + strings.Repeat("> ", 200) + "kept\n" + deep + " one\n" + deep + " two\n" + deep + "\n" + deep + "     code  line\n" + deep + "\n" + deep + " - [item](https://x.org) &amp; <b>bold</b>\n",
			200, `[{"type":"Paragraph","content":[{"type":"Text","text":"kept"}]},{"type":"Paragraph","content":[{"type":"Text","text":"one two code line item \u0026 bold"}]}]`,
			"ch.md:4: error: lists and quotes are nested deeper than 200 levels"},
		{"reported once per chapter", strings.Repeat("> ", 250) + "x\n\npara\n\n" + strings.Repeat("- ", 250) + "y", 200,
			`[{"type":"Paragraph","content":[{"type":"Text","text":"x"}]}]`, "ch.md:1: error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := convert(t, tt.in)
			depth, inner := blockDepth(r.Blocks)
			if depth != tt.depth || js(t, inner) != tt.inner {
				t.Errorf("depth %d, innermost %s; want %d, %s", depth, js(t, inner), tt.depth, tt.inner)
			}
			checkOneDiag(t, r, tt.diag)
		})
	}
}

func checkOneDiag(t *testing.T, r *Result, want string) {
	t.Helper()
	switch {
	case want == "" && len(r.Diags) > 0:
		t.Errorf("diagnostics %v, want none", r.Diags)
	case want != "" && (len(r.Diags) != 1 || !strings.HasPrefix(r.Diags[0].String(), want)):
		t.Errorf("diagnostics %v, want one starting %q", r.Diags, want)
	}
}

func TestInlineDepthCap(t *testing.T) {
	tests := []struct {
		name, in string
		depth    int
		inner    string // the innermost container's content
		plain    string // the paragraph's words
		diag     string
	}{
		{"emphasis at the cap", strings.Repeat("**", 200) + "x" + strings.Repeat("**", 200), 200, `[{"type":"Text","text":"x"}]`, "x", ""},
		{"emphasis past the cap", "para\n\n" + strings.Repeat("**", 250) + "x *y* [z](https://x.org) ![i](i.png)\nw" + strings.Repeat("**", 250), 200,
			`[{"type":"Text","text":"x y z i w"}]`, "x y z i w",
			"ch.md:3: error: inline markup (emphasis, links, images) is nested deeper than 200 levels; the deeper levels are kept as plain text (nest the markup less deeply)"},
		{"strikethrough and strong past the cap", strings.Repeat("~~a **b ", 110) + "`x`" + strings.Repeat(" b** a~~", 110), 200,
			`[{"type":"Text","text":"b ` + strings.Repeat("a b ", 10) + "x" + strings.Repeat(" b a", 10) + ` b"}]`,
			strings.Repeat("a b ", 110) + "x" + strings.Repeat(" b a", 110), "ch.md:1: error: inline markup"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := convert(t, tt.in)
			para := r.Blocks[len(r.Blocks)-1].(*tree.Paragraph)
			depth, inner := inlineDepth(para.Content)
			if depth != tt.depth || js(t, inner) != tt.inner {
				t.Errorf("depth %d, innermost %s; want %d, %s", depth, js(t, inner), tt.depth, tt.inner)
			}
			if got := tree.PlainText(para.Content); got != tt.plain {
				t.Errorf("words %q, want %q", got, tt.plain)
			}
			checkOneDiag(t, r, tt.diag)
		})
	}
}

func TestMarkerDepthCap(t *testing.T) {
	open := func(n int, roles string) string { return strings.Repeat("<!-- only: "+roles+" -->\n\n", n) }
	end := func(n int) string { return strings.Repeat("<!-- end only -->\n\n", n) }
	tests := []struct {
		name, in string
		depth    int
		roles    string // of the innermost Only
		inner    string
		diag     string
	}{
		{"ranges at the cap", open(200, "ops dev") + "x\n\n" + end(200) + "after", 200, "ops,dev", "[P x]", ""},
		{"a deeper range narrows the deepest", open(200, "ops dev") + "x\n\n" + open(1, "ops") + "y\n\n" + end(1) + "z\n\n" + end(200), 200, "ops",
			"[P x][P y][P z]", "ch.md:403: error: role markers are nested deeper than 200 levels; the deeper markers' roles limit the whole passage at level 200 (close ranges with <!-- end only -->, or nest them less deeply)"},
		{"deeper sections narrow too", open(200, "ops dev") + "x\n\n" + open(1, "dev") + "## S\n\ny\n\n" + end(200), 200, "dev",
			"[P x][H2 s][P y]", "ch.md:403: error: role markers are nested deeper"},
		{"roles no deeper marker allows are dropped", open(199, "ops dev") + open(1, "ops") + open(2, "dev") + "x\n\n" + end(202), 200, "",
			"[P x]", "ch.md:401: error: role markers are nested deeper"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := convert(t, tt.in)
			depth, inner := blockDepth(r.Blocks)
			var roles []string
			for bs := r.Blocks; len(bs) > 0; {
				o, ok := bs[0].(*tree.Only)
				if !ok {
					break
				}
				roles, bs = o.Roles, o.Blocks
			}
			if depth != tt.depth || strings.Join(roles, ",") != tt.roles || shape(inner) != tt.inner {
				t.Errorf("depth %d, roles %v, innermost %s; want %d, %s, %s", depth, roles, shape(inner), tt.depth, tt.roles, tt.inner)
			}
			checkOneDiag(t, r, tt.diag)
		})
	}
}
