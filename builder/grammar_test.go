package builder

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"bookc/builder/tree"
)

// TestGrammarBook loads testdata/books/grammar, which uses the parts of mdBook's grammar that
// readers of other tools' books meet: rustdoc_include, trailing words in SUMMARY.md, drafts,
// unreferenced footnotes, links out of the book under a base URL, a Rust path as a link, and
// preprocessors bookc does not run.
func TestGrammarBook(t *testing.T) {
	b := loadDir(t, filepath.Join("testdata", "books", "grammar"))
	diags := string(diagText(b.Diags))
	for _, want := range []string{
		"grammar/book.toml:8: warning: bookc does not run [preprocessor.admonish]: ```admonish blocks will show as code blocks",
		"grammar/book.toml:11: warning: bookc does not run [preprocessor.mermaid]: ```mermaid blocks will show as code",
		"grammar/src/foreword.md:5: warning: footnote [^orphan] is defined but not referenced",
		"grammar/src/links.md:17: warning: footnote [^uncited] is defined but not referenced",
		"grammar/src/ch01/hello.md:5: note: link to std::ops::Index names a Rust item",
	} {
		if !strings.Contains(diags, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, diags)
		}
	}
	if n := strings.Count(diags, "\n"); n != 5 {
		t.Errorf("%d diagnostics, want 5:\n%s", n, diags)
	}
	var outline []string
	for _, c := range b.Tree.Chapters() {
		outline = append(outline, c.Number.String()+" "+c.Title+map[bool]string{true: " (draft)"}[c.Draft])
	}
	if got, want := strings.Join(outline, "|"), " Foreword|1 Getting Started|1.1 Hello, World!|1.2 Planned Section (draft)|2 Notes and Links|3 Future Work (draft)|3.1 Written Under a Draft| Appendix"; got != want {
		t.Errorf("outline %q, want %q", got, want)
	}
	data, _ := json.Marshal(b.Tree)
	for _, want := range []string{
		`"url":"https://doc.rust-lang.org/stable/std/macro.println.html"`, // ../../std from ch01/hello.html
		`"url":"https://doc.rust-lang.org/reference/introduction.html"`,
		`"url":"https://doc.rust-lang.org/stable/book/print.html"`,
		`"text":"    let x = add_one(2);\n    println!(\"{x}\");"`, // rustdoc_include: every region, the rest hidden
		`"text":"    let x = add_one(2);"`,                         // include: the first region
		`"text":"    // ANCHOR: body\n    let x = add_one(2);"`,    // a range keeps anchor comments
	} {
		if !strings.Contains(string(data), want) {
			t.Errorf("tree lacks %s", want)
		}
	}
	for _, l := range links(b.Tree) {
		if !strings.HasPrefix(l, "https://") {
			t.Errorf("link to %q: only absolute URLs leave the book, and a Rust path is no link", l)
		}
	}
	notes := map[string][]bool{}
	for _, c := range b.Tree.Chapters() {
		for _, fn := range c.Footnotes {
			notes[c.Title] = append(notes[c.Title], fn.Unreferenced)
		}
	}
	if got := notes["Notes and Links"]; len(got) != 2 || got[0] || !got[1] {
		t.Errorf("Notes and Links footnotes (unreferenced?) %v, want [false true]", got)
	}
	ed, _, err := b.Edition("")
	must(t, err)
	for _, c := range ed.Chapters() {
		if c.Title == "Foreword" && (len(c.Footnotes) != 1 || !c.Footnotes[0].Unreferenced) {
			t.Errorf("the edition drops the foreword's unreferenced footnote: %v", c.Footnotes)
		}
	}
}

// TestLinksLeavingTheBook resolves links that leave the book with and without a base URL.
func TestLinksLeavingTheBook(t *testing.T) {
	chapter := "See [std](../std/index.html), [up](../../x/y.md#z), [pdf](files/a.pdf), [abs](/std/), [Index](std::ops::Index), [Vec::new](Vec::new()), [missing](nope.md).\n"
	tests := []struct {
		name, toml string
		want       []string // in the tree, or in the diagnostics
	}{
		{"base-url", "[output.bookc]\nbase-url = 'https://example.org/book'\n", []string{
			`"url":"https://example.org/book/std/index.html"`, `"url":"https://example.org/x/y.html#z"`, // from book/ch/page.html
			`"url":"https://example.org/book/ch/files/a.pdf"`, `"url":"https://example.org/std/"`,
			"bk/src/ch/page.md:1: note: link to std::ops::Index names a Rust item",
			"bk/src/ch/page.md:1: note: link to Vec::new() names a Rust item",
			"bk/src/ch/page.md:1: warning: link to nope.md: no chapter in SUMMARY.md is ch/nope.md; list the chapter",
		}},
		{"an absolute site-url", "[output.html]\nsite-url = 'https://example.org/site/'\n", []string{
			`"url":"https://example.org/site/std/index.html"`, `"url":"https://example.org/site/ch/files/a.pdf"`,
		}},
		{"no base", "[output.html]\nsite-url = '/book/'\n", []string{
			"bk/book.toml: warning: 4 links leave the book, the first ../std/index.html in bk/src/ch/page.md; their text is kept without links. Set base-url in [output.bookc]",
			"bk/src/ch/page.md:1: note: link to ../std/index.html leaves the book; its text is kept without a link",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"book.toml":      {Data: []byte(tt.toml)},
				"src/SUMMARY.md": {Data: []byte("- [Page](ch/page.md)\n")},
				"src/ch/page.md": {Data: []byte(chapter)},
			}
			b, err := Load(FromFS(fsys, "bk"), Options{})
			must(t, err)
			data, _ := json.Marshal(b.Tree)
			got := string(data) + "\n" + string(diagText(b.Diags))
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("missing %q in\n%s", w, got)
				}
			}
			for _, l := range links(b.Tree) {
				if !strings.HasPrefix(l, "https://") {
					t.Errorf("link to %q: only absolute URLs leave the book", l)
				}
			}
		})
	}
}

func links(b *tree.Book) []string {
	var out []string
	for _, c := range b.Chapters() {
		tree.WalkChapter(c, nil, func(in tree.Inline) {
			if l, ok := in.(*tree.Link); ok {
				out = append(out, l.URL)
			}
		})
	}
	return out
}
