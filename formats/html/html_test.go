package html

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"bookc/builder/golden"
	"bookc/builder/tree"
	"bookc/builder/tree/sample"
)

// The nodes tests write most, by short names.
var (
	text    = sample.Text
	para    = sample.Para
	heading = sample.Heading
	item    = sample.Item
)

func raw(s string) *tree.RawHTML     { return &tree.RawHTML{HTML: s} }
func block(s string) *tree.HTMLBlock { return &tree.HTMLBlock{HTML: s} }

var png = &tree.Asset{Name: "images/grid.png", MediaType: "image/png", Width: 4, Height: 2, Data: sample.PNG(4, 2)}

// cases are the golden tests: one chapter each, whose blocks follow its title heading.
var cases = []struct {
	name      string
	blocks    tree.Blocks
	footnotes []*tree.Footnote
}{
	{name: "sections", blocks: tree.Blocks{
		para(text("Intro.")), heading(2, "a", "A"), para(text("In A.")), heading(3, "a1", "A.1"),
		heading(5, "deep", "Deep"), heading(2, "b", "B"), heading(9, "too-deep", "Level nine"),
		// headings that open no section sit one level under their section's
		&tree.Quote{Blocks: tree.Blocks{heading(1, "quoted", "Quoted")}},
		&tree.HTMLBlock{HTML: "<div><h1>Raw</h1></div>"},
	}},
	{name: "inlines", blocks: tree.Blocks{para(
		text("Plain & <angle> \"quoted\", "), &tree.Emphasis{Content: tree.Inlines{text("em "), &tree.Strong{Content: tree.Inlines{text("strong")}}}},
		text(", "), &tree.Strikethrough{Content: tree.Inlines{text("struck")}}, text(", "), &tree.Code{Text: "a<b && c"},
		&tree.LineBreak{}, &tree.Link{URL: "https://example.com/a b?q=ü", Title: "T \"t\"", Content: tree.Inlines{text("link")}},
		text(" "), &tree.XRef{Chapter: "other", Anchor: "1-setup", Content: tree.Inlines{text("xref")}},
		text(" "), &tree.XRef{Chapter: "other", Content: tree.Inlines{text("chapter")}},
		text(" "), &tree.Link{URL: "https://a.example", Content: tree.Inlines{text("outer "), &tree.Link{URL: "https://b.example", Content: tree.Inlines{text("inner")}}}},
	)}},
	{name: "escaping", blocks: tree.Blocks{para(text("ctrl\x01\x1fchars, invalid \xff utf8, noncharacter \uFFFE, tab\tand CR\r."))}},
	{name: "lists", blocks: tree.Blocks{
		&tree.List{Tight: true, Items: []*tree.ListItem{item(para(text("one"))), item(para(text("two")), &tree.List{Ordered: true, Start: 1, Tight: true, Items: []*tree.ListItem{item(para(text("nested")))}})}},
		&tree.List{Ordered: true, Start: 7, Items: []*tree.ListItem{item(para(text("loose a")), para(text("second para"))), item()}},
	}},
	{name: "tasks", blocks: tree.Blocks{
		&tree.List{Tight: true, Items: []*tree.ListItem{{Task: tree.Checked, Blocks: tree.Blocks{para(text("done"))}}, {Task: tree.Unchecked, Blocks: tree.Blocks{para(text("open"))}}}},
		&tree.List{Items: []*tree.ListItem{{Task: tree.Unchecked, Blocks: tree.Blocks{para(text("loose open"))}}, {Task: tree.Checked}}},
	}},
	{name: "code", blocks: tree.Blocks{
		sample.Code("go", "// Comment\nfunc main() { fmt.Println(\"<hi>\") }"),
		&tree.CodeBlock{Lang: "no-such-language", Text: "plain <text> & stuff\n  indented"},
		&tree.CodeBlock{Text: "no language, trailing blank line\n\n"},
	}},
	{name: "quote-admonitions", blocks: tree.Blocks{
		&tree.Quote{Blocks: tree.Blocks{para(text("quoted")), &tree.Quote{Blocks: tree.Blocks{para(text("nested"))}}}},
		&tree.Admonition{Kind: tree.Note, Blocks: tree.Blocks{para(text("a note"))}},
		&tree.Admonition{Kind: tree.Caution, Blocks: tree.Blocks{para(text("careful")), &tree.CodeBlock{Text: "rm -rf"}}},
		&tree.ThematicBreak{},
	}},
	{name: "table", blocks: tree.Blocks{&tree.Table{
		Align:  []tree.Align{tree.AlignNone, tree.AlignLeft, tree.AlignCenter, tree.AlignRight},
		Header: []tree.Inlines{{text("n")}, {text("l")}, {text("c")}, {&tree.Emphasis{Content: tree.Inlines{text("r")}}}},
		Rows:   [][]tree.Inlines{{{text("1")}, {text("a")}, {}, {&tree.Code{Text: "x|y"}}}},
	}}},
	{name: "images", blocks: tree.Blocks{
		&tree.Figure{Image: &tree.Image{Src: "images/grid.png", Alt: "Grid", Title: "The grid", Asset: png}, Caption: tree.Inlines{text("The grid")}},
		&tree.Figure{Image: &tree.Image{Src: "https://example.com/remote.png", Alt: "Remote"}, Caption: tree.Inlines{text("Remote")}},
		&tree.Figure{Image: &tree.Image{Src: "gone.png", Alt: "Gone"}, Caption: tree.Inlines{text("A caption of its own")}},
		para(text("inline "), &tree.Image{Src: "images/grid.png", Alt: "grid", Asset: png}, text(" and missing "), &tree.Image{Src: "nothing.png"},
			text(" and unusable "), &tree.Image{Src: "x.bmp", Alt: "bitmap", Asset: &tree.Asset{Name: "x.bmp", MediaType: "image/bmp"}}),
	}},
	{name: "definitions", blocks: tree.Blocks{&tree.DefinitionList{Items: []*tree.Definition{
		{Term: tree.Inlines{text("Term")}, Definitions: []tree.Blocks{{para(text("First."))}, {para(text("Second.")), &tree.CodeBlock{Text: "code"}}}},
		{Term: tree.Inlines{&tree.Code{Text: "--flag"}}, Definitions: []tree.Blocks{{para(text("A flag."))}}},
	}}}},
	{name: "footnotes", blocks: tree.Blocks{
		para(text("First"), &tree.FootnoteRef{Number: 1, ID: "fn-c-1"}, text(" again"), &tree.FootnoteRef{Number: 1, ID: "fn-c-1"},
			text(" in a link "), &tree.Link{URL: "https://example.com", Content: tree.Inlines{text("l"), &tree.FootnoteRef{Number: 2, ID: "fn-c-2"}}},
			text(" to another chapter's"), &tree.FootnoteRef{Number: 9, ID: "fn-elsewhere-1"}),
	}, footnotes: []*tree.Footnote{
		{Number: 1, ID: "fn-c-1", Blocks: tree.Blocks{para(text("One.")), para(text("More."))}},
		{Number: 2, ID: "fn-c-2", Blocks: tree.Blocks{&tree.CodeBlock{Text: "code first"}}},
		{Number: 3, ID: "fn-c-3", Blocks: tree.Blocks{para(text("Never referenced."))}},
	}},
	{name: "raw-inline", blocks: tree.Blocks{
		para(text("A "), raw(`<span class="filename" id="x" onclick="evil()">`), text("book.toml"), raw("</span>"), text(" file.")),
		para(raw("<kbd>"), text("Ctrl"), raw("</kbd>"), text("+"), raw("<kbd>"), text("C"), raw("</kbd>"), raw("<br>"), raw("<!-- comment -->")),
		para(raw("<b>"), text("never closed "), &tree.Emphasis{Content: tree.Inlines{raw("<i>"), text("inner"), raw("</b>")}}, text(" after")),
		para(text("stray "), raw("</span>"), raw("</em>"), text("closers")),
		para(raw(`<a href="https://example.com">`), text("raw link "), &tree.Link{URL: "https://x.example", Content: tree.Inlines{text("tree link")}}, raw("</a>")),
		para(raw(`<a href="other.md">`), text("internal"), raw("</a>"), text(" "), raw(`<a name="anchor">`), text("anchor"), raw("</a>")),
		para(raw("<blink>"), text("unknown"), raw("</blink>"), text(" "), raw("<div>"), text("block in para"), raw("</div>")),
		para(raw(`<img src="pic.png" alt="raw picture">`), raw(`<sup>`), text("sup"), raw(`</sup>`)),
		para(raw(`<i class="fa fa-print"></i>`), text(" icon")),
	}},
	{name: "raw-block", blocks: tree.Blocks{
		block("<div class=\"warning\">\n<p>Raw <b>HTML</b> &amp; entities&nbsp;here</p>\n</div>"),
		block("<div class=\"hidden\">This will not be seen.</div>"),
		block("<style>\n.x { color: red }\n</style>"),
		block("<script>alert(1)</script>"),
		block("<custom-element>custom text</custom-element>"),
		block("<ul>\n<li>one</li>\nstray text\n<p>para in list</p>\n</ul>"),
		block("<table><tr><td colspan=\"2\" style=\"x\">cell</td><th rowspan=\"x\">bad span</th></tr></table>"),
		block("<p>para <div>div in para</div> after</p>"),
		block("<span>phrasing <div>div in span</div></span>"),
		block(`<span class=fa-svg><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><path d="M0 0"/></svg></span>`),
		block("<dl><dt>t</dt>loose<dd>d</dd></dl>"),
		block(`<p><img class="right" src="images/logo.svg" alt="The logo"></p>`),
		block(`<details open><summary>Sum <div>mary</div></summary><p>body</p></details>`),
		block(`<li>li outside a list</li><summary>summary outside details</summary><figcaption>caption outside figure</figcaption>`),
		block(`<ol start="3" reversed type="a"><li>x</li></ol><ol start="x"><li>y</li></ol><p dir="sideways" lang="de">z</p>`),
		block("<center><font color=red>old</font></center><marquee>moving</marquee><tt>tt</tt> <strike>gone</strike>"),
		block(`<a id="top" name="top">anchor</a> stays inline <a href="https://example.com"><div>block in link</div></a>`),
		block("</div>"),
	}},
	{name: "raw-block-spanning", blocks: tree.Blocks{
		block("<details>\n<summary>Example</summary>"),
		sample.Code("rust", "fn main() {}"),
		block("</details>"),
		block("<div class=\"outer\">"),
		para(text("inside outer")),
		block("<div class=\"inner\">"),
		para(text("inside inner")),
		block("</div>"),
		para(text("back in outer")),
		heading(2, "next", "Next section closes what is open"),
		block("<blockquote>"),
		para(text("never closed")),
	}},
	{name: "ids", blocks: tree.Blocks{
		heading(2, "1-setup", "Starts with a digit"), heading(2, "café", "Not ASCII"), heading(2, "x1-setup", "Would collide"),
		heading(2, "", "No id"),
		para(&tree.XRef{Chapter: "ch", Anchor: "1-setup", Content: tree.Inlines{text("to digit")}}),
	}},
	{name: "empty", blocks: tree.Blocks{para(), &tree.List{}, &tree.Quote{}, &tree.Table{}, &tree.DefinitionList{}, &tree.Figure{}, &tree.CodeBlock{Lang: "go"}}},
}

func chapterOf(blocks tree.Blocks, fns []*tree.Footnote) (*tree.Book, *tree.Chapter) {
	c := &tree.Chapter{ID: "ch", Title: "Chapter", Source: "src/ch.md", Footnotes: fns,
		Blocks: append(tree.Blocks{heading(1, "ch", "Chapter")}, blocks...)}
	return &tree.Book{Parts: []*tree.Part{{Chapters: []*tree.Chapter{c}}}}, c
}

func testOptions(b *tree.Book) Options {
	ids := NewIDs(b)
	return Options{
		IDs: ids,
		Href: func(x *tree.XRef) string {
			if x.Anchor == "" {
				return x.Chapter + ".xhtml"
			}
			return x.Chapter + ".xhtml#" + ids.Get(x.Anchor)
		},
		ImageSrc: func(a *tree.Asset) string {
			if a.MediaType == "image/bmp" {
				return ""
			}
			return "../media/" + a.Name
		},
	}
}

func TestGolden(t *testing.T) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b, c := chapterOf(tc.blocks, tc.footnotes)
			var x XML
			diags := Chapter(&x, c, testOptions(b))
			wellFormed(t, x.Bytes())
			var got bytes.Buffer
			got.Write(x.Bytes())
			for _, d := range diags {
				got.WriteString("<!-- " + strings.ReplaceAll(d.String(), "--", "- -") + " -->\n")
			}
			golden.Check(t, tc.name+".golden", got.Bytes())
		})
	}
}

// wellFormed fails unless body parses as XML with the EPUB namespace bound.
func wellFormed(t *testing.T, body []byte) {
	t.Helper()
	doc := `<body xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">` + string(body) + `</body>`
	d := xml.NewDecoder(strings.NewReader(doc))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, body)
		}
	}
}

func TestSampleWellFormed(t *testing.T) {
	b := sample.Book()
	opt := testOptions(b)
	for _, c := range b.Chapters() {
		var x XML
		Chapter(&x, c, opt)
		wellFormed(t, x.Bytes())
	}
}

func TestXMLName(t *testing.T) {
	for in, want := range map[string]string{
		"options": "options", "1-setup": "x1-setup", "café": "caf_e9", "": "x", "a:b": "a_3ab", "_x.y-z": "_x.y-z",
	} {
		if got := xmlName(in); got != want {
			t.Errorf("xmlName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLinkURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.com/a b":        "https://example.com/a%20b",
		"https://example.com/ü":          "https://example.com/%C3%BC",
		"mailto:a@example.com":           "mailto:a@example.com",
		"https://example.com/%zz":        "",
		"https://example.com/?q=a&b=<c>": "https://example.com/?q=a&b=%3Cc%3E",
	} {
		if got := linkURL(in); got != want {
			t.Errorf("linkURL(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzRawHTML feeds arbitrary raw HTML, as a block and as inline pieces, and requires well-formed
// output.
func FuzzRawHTML(f *testing.F) {
	for _, s := range []string{"<div><p>x</div>", "<details><summary>s", "</span>", "<a href=\"https://x\"><a href=\"https://y\">", "<table><td>x", "<svg><p>y</p></svg>", "<ul>t<li>a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, c := chapterOf(tree.Blocks{block(s), para(raw(s), text("t"), raw(s)), block(s), para(text("p"))}, nil)
		var x XML
		Chapter(&x, c, testOptions(b))
		wellFormed(t, x.Bytes())
	})
}
