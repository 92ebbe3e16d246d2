package builder

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"bookc/builder/mdbookjson"
	"bookc/builder/tree"
)

// outlineOf is a tree's shape in brief: "== title" per part, then "N title source" per chapter.
func outlineOf(b *tree.Book) string {
	var sb strings.Builder
	var walk func(chs []*tree.Chapter, indent string)
	walk = func(chs []*tree.Chapter, indent string) {
		for _, c := range chs {
			num := "-"
			if len(c.Number) > 0 {
				num = c.Number.String()
			}
			draft := ""
			if c.Draft {
				draft = " (draft)"
			}
			sb.WriteString(indent + num + " " + c.Title + " " + c.Source + draft + "\n")
			walk(c.Children, indent+"  ")
		}
	}
	for _, p := range b.Parts {
		sb.WriteString("== " + p.Title + "\n")
		walk(p.Chapters, "")
	}
	return sb.String()
}

// TestLoadMdBook builds the tree from the recorded render contexts of mdBook 0.4 and 0.5: the
// same parts, numbers, drafts and sources from both, the chapters' HTML read as HTML.
func TestLoadMdBook(t *testing.T) {
	const want = `== 
- Introduction book/src/intro.md
== Using Tern
1 Getting started book/src/start.md
  1.1 Installing book/src/start/install.md
  1.2 Tuning  (draft)
== Running Tern
2 Operations book/src/ops/README.md
  2.1 Backups book/src/ops/backups.md
== 
- Glossary book/src/glossary.md
`
	for _, name := range []string{"render-0.4.json", "render-0.5.json"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile("mdbookjson/testdata/" + name)
			if err != nil {
				t.Fatal(err)
			}
			rc, err := mdbookjson.DecodeRenderContext(data)
			if err != nil {
				t.Fatal(err)
			}
			src := FromFS(fstest.MapFS{"src/images/tern.png": {Data: []byte("not a png")}}, "book")
			b, err := LoadMdBook(src, rc, Options{SourceDateEpoch: "1700000000"})
			if err != nil {
				t.Fatal(err)
			}
			if got := outlineOf(b.Tree); got != want {
				t.Errorf("outline:\n%s\nwant:\n%s", got, want)
			}
			if b.Tree.Title != "The Tern Guide" || b.Tree.Slug != "tern-guide" || len(b.Config.Roles) != 1 || !b.Config.AllRoles {
				t.Errorf("book %q %q, config %+v", b.Tree.Title, b.Tree.Slug, b.Config)
			}
			for _, d := range b.Diags {
				if strings.Contains(d.Msg, "does not run [preprocessor.") {
					t.Errorf("mdBook ran the preprocessors, yet: %s", d)
				}
			}
			// The image is read from the book's folder, relative to its chapter, and reported
			// at its line there.
			found := false
			for _, d := range b.Diags {
				found = found || (d.File == "book/src/intro.md" && d.Line == 21 && strings.Contains(d.Msg, "images/tern.png"))
			}
			if !found {
				t.Errorf("no diagnostic for the broken image at book/src/intro.md:21: %v", b.Diags)
			}
			ed, _, err := b.Edition("operators")
			if err != nil {
				t.Fatal(err)
			}
			var titles []string
			for _, c := range ed.Chapters() {
				titles = append(titles, c.Title)
			}
			if got := strings.Join(titles, ", "); got != "Introduction, Operations, Backups" {
				t.Errorf("the operators' edition has %s", got)
			}
			intro := b.Tree.Chapters()[0]
			codes := 0
			tree.WalkBlocks(intro.Blocks, func(n tree.Block) {
				if _, ok := n.(*tree.CodeBlock); ok {
					codes++
				}
			})
			if codes != 0 {
				t.Errorf("the admonition's HTML became %d code blocks", codes)
			}
		})
	}
}
