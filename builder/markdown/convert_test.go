package markdown

import (
	"encoding/json"
	"math/rand"
	"slices"
	"strconv"
	"strings"
	"testing"

	"bookc/builder/include"
	"bookc/builder/tree"
)

// convert runs the converter over text with a simple link resolver: "x.md" is chapter "x".
func convert(t testing.TB, text string) *Result {
	t.Helper()
	return Convert(testEnv(text))
}

func testEnv(text string) Env {
	return Env{
		ChapterID: "ch",
		Roles:     []string{"ops", "dev"},
		HideLines: map[string]string{"python": "~"},
		Source:    include.Expand(include.Options{FS: nil}, "ch.md", []byte(text)),
		Highlight: true,
		Resolve: func(dest string) Target {
			switch {
			case strings.Contains(dest, "://"), strings.HasPrefix(dest, "mailto:"):
				return Target{URL: dest}
			case strings.HasPrefix(dest, "#"):
				return Target{Chapter: "ch", Anchor: dest[1:]}
			case strings.HasSuffix(strings.Split(dest, "#")[0], ".md"):
				file, anchor, _ := strings.Cut(dest, "#")
				return Target{Chapter: strings.TrimSuffix(file, ".md"), Anchor: anchor}
			}
			return Target{Problem: "no such chapter " + dest}
		},
		Image: func(src string, at Pos) *tree.Asset {
			if src == "missing.png" {
				return nil
			}
			return &tree.Asset{Name: "images/" + src, MediaType: "image/png"}
		},
	}
}

func js(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestConvertBlocks(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"heading with auto id keeps non-ASCII letters", "## Über λ-Calculus!", `[{"type":"Heading","level":2,"id":"über-λ-calculus","content":[{"type":"Text","text":"Über λ-Calculus!"}]}]`},
		{"heading attributes", "# Title {#custom .big .wide}", `[{"type":"Heading","level":1,"id":"custom","classes":["big","wide"],"content":[{"type":"Text","text":"Title"}]}]`},
		{"duplicate headings", "## A\n## A\n## A-1", `[{"type":"Heading","level":2,"id":"a","content":[{"type":"Text","text":"A"}]},{"type":"Heading","level":2,"id":"a-1","content":[{"type":"Text","text":"A"}]},{"type":"Heading","level":2,"id":"a-1-1","content":[{"type":"Text","text":"A-1"}]}]`},
		{"smart punctuation as characters", `"Quote" -- it's --- done...`, `[{"type":"Paragraph","content":[{"type":"Text","text":"“Quote” – it’s — done…"}]}]`},
		{"soft break is a space, hard break a node", "a\nb  \nc", `[{"type":"Paragraph","content":[{"type":"Text","text":"a b"},{"type":"LineBreak"},{"type":"Text","text":"c"}]}]`},
		{"inline markup", "*e* **s** ~~x~~ `c`", `[{"type":"Paragraph","content":[{"type":"Emphasis","content":[{"type":"Text","text":"e"}]},{"type":"Text","text":" "},{"type":"Strong","content":[{"type":"Text","text":"s"}]},{"type":"Text","text":" "},{"type":"Strikethrough","content":[{"type":"Text","text":"x"}]},{"type":"Text","text":" "},{"type":"Code","text":"c"}]}]`},
		{"ordered tight list with start", "3. a\n4. b", `[{"type":"List","ordered":true,"start":3,"tight":true,"items":[{"blocks":[{"type":"Paragraph","content":[{"type":"Text","text":"a"}]}]},{"blocks":[{"type":"Paragraph","content":[{"type":"Text","text":"b"}]}]}]}]`},
		{"task list", "- [x] done\n- [ ] open", `[{"type":"List","tight":true,"items":[{"task":2,"blocks":[{"type":"Paragraph","content":[{"type":"Text","text":"done"}]}]},{"task":1,"blocks":[{"type":"Paragraph","content":[{"type":"Text","text":"open"}]}]}]}]`},
		{"fenced code keeps language", "```rust,ignore\nlet x;\n```", `[{"type":"CodeBlock","lang":"rust","text":"let x;","tokens":[{"class":"kd","text":"let"},{"class":"w","text":" "},{"class":"n","text":"x"},{"class":"p","text":";"}]}]`},
		{"rust hidden lines dropped", "```rust\n# fn main() {\nlet x = 1;\n## not hidden\n#\n# }\n```", `[{"type":"CodeBlock","lang":"rust","text":"let x = 1;\n# not hidden","tokens":[{"class":"kd","text":"let"},{"class":"w","text":" "},{"class":"n","text":"x"},{"class":"w","text":" "},{"class":"o","text":"="},{"class":"w","text":" "},{"class":"mi","text":"1"},{"class":"p","text":";"},{"class":"w","text":"\n"},{"text":"#"},{"class":"w","text":" "},{"class":"n","text":"not"},{"class":"w","text":" "},{"class":"n","text":"hidden"}]}]`},
		{"hidden lines only in rust", "```sh\n# a comment\n```", `[{"type":"CodeBlock","lang":"sh","text":"# a comment","tokens":[{"class":"c1","text":"# a comment"}]}]`},
		{"hidelines from book.toml", "```python\n~hidden()\nshown():\n    ~hidden()\n    shown()\n```", `[{"type":"CodeBlock","lang":"python","text":"shown():\n    shown()","tokens":[{"class":"n","text":"shown"},{"class":"p","text":"():"},{"text":"\n    "},{"class":"n","text":"shown"},{"class":"p","text":"()"}]}]`},
		{"hidelines on the block", "```python,hidelines=!!!\n!!!hidden()\n~shown()\n```", `[{"type":"CodeBlock","lang":"python","text":"~shown()","tokens":[{"class":"o","text":"~"},{"class":"n","text":"shown"},{"class":"p","text":"()"}]}]`},
		{"no hidelines for other languages", "```bash\n~shown\n```", `[{"type":"CodeBlock","lang":"bash","text":"~shown","tokens":[{"text":"~shown"}]}]`},
		{"indented code", "    x := 1", `[{"type":"CodeBlock","text":"x := 1"}]`},
		{"alert", "> [!WARNING]\n> Careful.", `[{"type":"Admonition","kind":"warning","blocks":[{"type":"Paragraph","content":[{"type":"Text","text":"Careful."}]}]}]`},
		{"alert on its own line", "> [!TIP]\n>\n> Para.", `[{"type":"Admonition","kind":"tip","blocks":[{"type":"Paragraph","content":[{"type":"Text","text":"Para."}]}]}]`},
		{"not an alert", "> [!FOO]\n> x", `[{"type":"Quote","blocks":[{"type":"Paragraph","content":[{"type":"Text","text":"[!FOO] x"}]}]}]`},
		{"table alignment", "| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |", `[{"type":"Table","align":[1,2,3,0],"header":[[{"type":"Text","text":"a"}],[{"type":"Text","text":"b"}],[{"type":"Text","text":"c"}],[{"type":"Text","text":"d"}]],"rows":[[[{"type":"Text","text":"1"}],[{"type":"Text","text":"2"}],[{"type":"Text","text":"3"}],[{"type":"Text","text":"4"}]]]}]`},
		{"definition list", "Term\n: Def one\n: Def two", `[{"type":"DefinitionList","items":[{"term":[{"type":"Text","text":"Term"}],"definitions":[[{"type":"Paragraph","content":[{"type":"Text","text":"Def one"}]}],[{"type":"Paragraph","content":[{"type":"Text","text":"Def two"}]}]]}]}]`},
		{"definition list as mdBook writes it", "term A\n  : Def A. Text\n    goes on.\n\nterm B\n  : One.\n  : Two.", `[{"type":"DefinitionList","items":[{"term":[{"type":"Text","text":"term A"}],"definitions":[[{"type":"Paragraph","content":[{"type":"Text","text":"Def A. Text goes on."}]}]]},{"term":[{"type":"Text","text":"term B"}],"definitions":[[{"type":"Paragraph","content":[{"type":"Text","text":"One."}]}],[{"type":"Paragraph","content":[{"type":"Text","text":"Two."}]}]]}]}]`},
		{"a colon line in code is code", "```\nterm\n  : not a list\n```", `[{"type":"CodeBlock","text":"term\n  : not a list"}]`},
		{"figure from a lone image", `![Alt text](pic.png "Caption")`, `[{"type":"Figure","image":{"src":"pic.png","alt":"Alt text","title":"Caption","file":"ch.md","line":1,"asset":{"name":"images/pic.png","media_type":"image/png"}},"caption":[{"type":"Text","text":"Caption"}]}]`},
		{"missing image keeps alt, which is no caption", "![Gone](missing.png)", `[{"type":"Figure","image":{"src":"missing.png","alt":"Gone","file":"ch.md","line":1}}]`},
		{"raw inline span keeps its text", `See <span class="f">x.toml</span>.`, `[{"type":"Paragraph","content":[{"type":"Text","text":"See x.toml."}]}]`},
		{"img tag becomes an image", `Logo: <img src="l.png" alt="The logo">`, `[{"type":"Paragraph","content":[{"type":"Text","text":"Logo: "},{"type":"Image","src":"l.png","alt":"The logo","file":"ch.md","line":1,"asset":{"name":"images/l.png","media_type":"image/png"}}]}]`},
		{"html block becomes its structure", "<div class=\"x\">\n<b>Bold</b> &amp; more\n</div>", `[{"type":"Paragraph","content":[{"type":"Strong","content":[{"type":"Text","text":"Bold"}]},{"type":"Text","text":" \u0026 more"}]}]`},
		{"styles and scripts have no text", "<style>\n.x { color: red; }\n</style>\n\n<script>alert(1)</script>", `[]`},
		{"comments vanish", "<!-- a note for writers -->\n\ntext <!-- inline --> more", `[{"type":"Paragraph","content":[{"type":"Text","text":"text  more"}]}]`},
		{"escapes and entities", "a &amp; b &copy; &#65; &bogus; \\<t\\> \\* \\&amp; [x\\]](https://e.org/a\\_b \"t\\\"q\") `c\\d` ![a\\*b](p\\_q.png)", `[{"type":"Paragraph","content":[{"type":"Text","text":"a \u0026 b © A \u0026bogus; \u003ct\u003e * \u0026amp; "},{"type":"Link","url":"https://e.org/a_b","title":"t\"q","content":[{"type":"Text","text":"x]"}]},{"type":"Text","text":" "},{"type":"Code","text":"c\\d"},{"type":"Text","text":" "},{"type":"Image","src":"p_q.png","alt":"a*b","file":"ch.md","line":1,"asset":{"name":"images/p_q.png","media_type":"image/png"}}]}]`},
		{"links", "[web](https://x.org) [ch](other.md#sec) [here](#top) [bad](nowhere)", `[{"type":"Paragraph","content":[{"type":"Link","url":"https://x.org","content":[{"type":"Text","text":"web"}]},{"type":"Text","text":" "},{"type":"XRef","chapter":"other","anchor":"sec","content":[{"type":"Text","text":"ch"}]},{"type":"Text","text":" "},{"type":"XRef","chapter":"ch","anchor":"top","content":[{"type":"Text","text":"here"}]},{"type":"Text","text":" bad"}]}]`},
		{"autolinks", "<https://a.org> www.b.org <me@c.org>", `[{"type":"Paragraph","content":[{"type":"Link","url":"https://a.org","content":[{"type":"Text","text":"https://a.org"}]},{"type":"Text","text":" "},{"type":"Link","url":"http://www.b.org","content":[{"type":"Text","text":"www.b.org"}]},{"type":"Text","text":" "},{"type":"Link","url":"mailto:me@c.org","content":[{"type":"Text","text":"me@c.org"}]}]}]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := convert(t, tt.in)
			if got := js(t, r.Blocks); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestUniqueIDs checks uniqueID against the plain search it speeds up, on hand-picked and random
// sequences of headings.
func TestUniqueIDs(t *testing.T) {
	plain := func(ids []string) []string {
		count := map[string]int{}
		var out []string
		for _, id := range ids {
			n, used := count[id]
			count[id] = n + 1
			for ; used; n++ {
				cand := id + "-" + strconv.Itoa(n)
				if _, used = count[cand]; !used {
					count[cand] = 1
					id = cand
				}
			}
			out = append(out, id)
		}
		return out
	}
	tests := [][]string{
		{"a", "a", "a-1"},
		{"a-1", "a-2", "a", "a", "a", "a"},
		{"a", "a", "a-2", "a", "a-3", "a", "a-3"},
		{"a", "a-1", "a-1", "a", "a", "a-1-1", "a-1"},
		{"x", "x-1", "x-1-1", "x", "x", "x-1"},
	}
	rng := rand.New(rand.NewSource(1))
	pool := []string{"a", "a-1", "a-2", "a-3", "a-1-1", "a-1-2", "b", "b-1"}
	for range 200 {
		var ids []string
		for range rng.Intn(30) {
			ids = append(ids, pool[rng.Intn(len(pool))])
		}
		tests = append(tests, ids)
	}
	for _, ids := range tests {
		c := &converter{ids: map[string]int{}, next: map[string]int{}}
		var got []string
		for _, id := range ids {
			got = append(got, c.uniqueID(id))
		}
		if want := plain(ids); !slices.Equal(got, want) {
			t.Errorf("IDs for %q: %q, want %q", ids, got, want)
		}
	}
}

func TestFootnotes(t *testing.T) {
	r := convert(t, "One[^b] two[^a] again[^b].\n\n[^a]: First *def*.\n[^b]: Second.\n[^unused]: Never.")
	if got, want := js(t, r.Blocks), `[{"type":"Paragraph","content":[{"type":"Text","text":"One"},{"type":"FootnoteRef","number":1,"id":"fn-ch-1"},{"type":"Text","text":" two"},{"type":"FootnoteRef","number":2,"id":"fn-ch-2"},{"type":"Text","text":" again"},{"type":"FootnoteRef","number":1,"id":"fn-ch-1"},{"type":"Text","text":"."}]}]`; got != want {
		t.Errorf("blocks\n%s\nwant\n%s", got, want)
	}
	if got, want := js(t, r.Footnotes), `[{"number":1,"id":"fn-ch-1","blocks":[{"type":"Paragraph","content":[{"type":"Text","text":"Second."}]}]},{"number":2,"id":"fn-ch-2","blocks":[{"type":"Paragraph","content":[{"type":"Text","text":"First "},{"type":"Emphasis","content":[{"type":"Text","text":"def"}]},{"type":"Text","text":"."}]}]},{"number":3,"id":"fn-ch-3","blocks":[{"type":"Paragraph","content":[{"type":"Text","text":"Never."}]}],"unreferenced":true}]`; got != want {
		t.Errorf("footnotes\n%s\nwant\n%s", got, want)
	}
}

func TestLinkProblemsAndRefs(t *testing.T) {
	r := convert(t, "line one\n\n[bad](nowhere) and [ok](x.md#y)")
	if len(r.Diags) != 1 || r.Diags[0].Line != 3 || !strings.Contains(r.Diags[0].Msg, "no such chapter nowhere") {
		t.Errorf("diagnostics %v", r.Diags)
	}
	if len(r.Refs) != 1 || r.Refs[0].At.Line != 3 || r.Refs[0].XRef.Anchor != "y" {
		t.Errorf("refs %+v", r.Refs)
	}
}

func TestMarkers(t *testing.T) {
	tests := []struct {
		name, in, want string
		errs           []string
	}{
		{
			name: "block range",
			in:   "a\n\n<!-- only: ops dev -->\n\nb\n\nc\n\n<!-- end only -->\n\nd",
			want: `[P a][Only ops,dev [P b][P c]][P d]`,
		},
		{
			name: "section scope ends at a heading of the same level",
			in:   "# T\n\n<!-- only: dev -->\n## Dev\n\nx\n\n### Sub\n\ny\n\n## Next\n\nz",
			want: `[H1 t][Only dev [H2 dev][P x][H3 sub][P y]][H2 next][P z]`,
		},
		{
			name: "section inside a range ends with the range",
			in:   "<!-- only: ops -->\n\na\n\n<!-- only: dev -->\n## S\n\nb\n\n<!-- end only -->\n\nc",
			want: `[Only ops [P a][Only dev [H2 s][P b]]][P c]`,
		},
		{
			name: "a marked heading ends the marked section before it",
			in:   "<!-- only: ops -->\n## A\n\nx\n\n<!-- only: dev -->\n## B\n\ny\n\n<!-- only: ops -->\n# C\n\nz",
			want: `[Only ops [H2 a][P x]][Only dev [H2 b][P y]][Only ops [H1 c][P z]]`,
		},
		{
			name: "a marked heading deeper than the section nests in it",
			in:   "<!-- only: ops dev -->\n## A\n\nx\n\n<!-- only: dev -->\n### B\n\ny\n\n## C",
			want: `[Only ops,dev [H2 a][P x][Only dev [H3 b][P y]]][H2 c]`,
		},
		{
			name: "markers inside a list item",
			in:   "- item\n\n  <!-- only: ops -->\n\n  inner\n\n  <!-- end only -->\n",
			want: `[List [P item][Only ops [P inner]]]`,
		},
		{
			name: "unknown role",
			in:   "<!-- only: ops users -->\n\nx\n\n<!-- end only -->",
			want: `[Only ops [P x]]`,
			errs: []string{`ch.md:1: error: role marker names unknown role "users" (known roles: ops, dev)`},
		},
		{
			name: "unclosed",
			in:   "a\n\n<!-- only: ops -->\n\nb",
			want: `[P a][Only ops [P b]]`,
			errs: []string{"ch.md:3: error: <!-- only: ops --> is never closed"},
		},
		{
			name: "stray end",
			in:   "a\n\n<!-- end only -->\n\nb",
			want: `[P a][P b]`,
			errs: []string{"ch.md:3: error: <!-- end only --> without an opening"},
		},
		{
			name: "no roles",
			in:   "<!-- only: -->\n\nb\n\n<!-- end only -->",
			want: `[Only  [P b]]`,
			errs: []string{"ch.md:1: error: role marker names no role"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := convert(t, tt.in)
			if got := shape(r.Blocks); got != tt.want {
				t.Errorf("shape %s, want %s", got, tt.want)
			}
			if len(r.Diags) != len(tt.errs) {
				t.Fatalf("diagnostics %v, want %v", r.Diags, tt.errs)
			}
			for i, d := range r.Diags {
				if !strings.Contains(d.String(), tt.errs[i]) {
					t.Errorf("diagnostic %q, want %q", d, tt.errs[i])
				}
			}
		})
	}
}

// shape abbreviates a block list: paragraphs and headings by their text, Only with its roles.
func shape(bs tree.Blocks) string {
	var sb strings.Builder
	for _, b := range bs {
		switch n := b.(type) {
		case *tree.Paragraph:
			sb.WriteString("[P " + tree.PlainText(n.Content) + "]")
		case *tree.Heading:
			sb.WriteString("[H" + string(rune('0'+n.Level)) + " " + n.ID + "]")
		case *tree.Only:
			sb.WriteString("[Only " + strings.Join(n.Roles, ",") + " " + shape(n.Blocks) + "]")
		case *tree.List:
			sb.WriteString("[List ")
			for _, it := range n.Items {
				sb.WriteString(shape(it.Blocks))
			}
			sb.WriteString("]")
		default:
			sb.WriteString("[?]")
		}
	}
	return sb.String()
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Node states":           "node-states",
		"The `metroctl` tool!":  "the-metroctl-tool",
		"Café → Straße":         "café--straße",
		"  Trim me  ":           "trim-me",
		"snake_case and-dashes": "snake_case-and-dashes",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzConvert(f *testing.F) {
	for _, s := range []string{
		"# T\n\n<!-- only: ops -->\n## S\n\nx\n\n<!-- end only -->\n",
		"> [!NOTE]\n> y\n\n- [ ] t\n\n| a |\n|---|\n| b |\n\nT\n: d\n\nx[^1]\n\n[^1]: n\n",
		"<!-- only: dev -->\n\n<!-- only: ops -->\n\n<!-- end only -->",
		"<img src=x.png alt=y>\n\n```rust\n# h\n```",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		r := convert(t, in)
		seen := map[string]bool{}
		for _, h := range r.Headings {
			if seen[h.ID] {
				t.Fatalf("duplicate heading id %q", h.ID)
			}
			seen[h.ID] = true
		}
		if _, err := json.Marshal(r.Blocks); err != nil {
			t.Fatal(err)
		}
	})
}

// TestNoHighlight checks that code is lexed only for builds that colour it.
func TestNoHighlight(t *testing.T) {
	for _, hl := range []bool{false, true} {
		res := Convert(Env{ChapterID: "ch", Highlight: hl,
			Source: include.Expand(include.Options{}, "ch.md", []byte("```go\nx := 1\n```\n"))})
		cb, ok := res.Blocks[len(res.Blocks)-1].(*tree.CodeBlock)
		if !ok {
			t.Fatalf("no code block in %#v", res.Blocks)
		}
		if got := cb.Tokens != nil; got != hl {
			t.Errorf("Highlight %v: tokens %v", hl, cb.Tokens)
		}
	}
}

// TestSelfLinkedImage checks that an image linked to its own file, as books do for "click to
// enlarge", is the image alone, with no warning about the link; a link elsewhere is still checked.
func TestSelfLinkedImage(t *testing.T) {
	r := convert(t, "[![Shot](pic.png)](pic.png)\n\nSee [![Shot](pic.png)](other.png).")
	if got, want := js(t, r.Blocks[0]), `{"image":{"src":"pic.png","alt":"Shot","file":"ch.md","line":1,"asset":{"name":"images/pic.png","media_type":"image/png"}}}`; got != want {
		t.Errorf("got %s, want the figure %s", got, want)
	}
	if len(r.Diags) != 1 || r.Diags[0].Line != 3 {
		t.Errorf("diagnostics %v, want one for the link to other.png on line 3", r.Diags)
	}
}
