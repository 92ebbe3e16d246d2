package pdf

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"bookc/builder/tree"
	"bookc/builder/tree/sample"
)

// outlineChapter is a chapter whose headings are heads, "## A" for a section and "### B" for a
// subsection, each over a paragraph.
func outlineChapter(id, title string, num tree.Number, heads []string, children ...*tree.Chapter) *tree.Chapter {
	blocks := tree.Blocks{sample.Heading(1, id, title)}
	for i, h := range heads {
		marks, text, _ := strings.Cut(h, " ")
		blocks = append(blocks, sample.Heading(len(marks), fmt.Sprintf("%s-%d", id, i), text), sample.Para(sample.Text(sentence(i, 40))))
	}
	return &tree.Chapter{ID: id, Title: title, Number: num, Source: "src/" + id + ".md", Blocks: blocks, Children: children}
}

// readOutline is the PDF's outline as qpdf reads it, an item a line, indented two spaces a level:
// its title and its /Count, if it has one; and the root's /Count.
func readOutline(t *testing.T, path string) (string, int) {
	t.Helper()
	type item struct {
		Title  string `json:"title"`
		Object string `json:"object"`
		Kids   []item `json:"kids"`
	}
	var js struct {
		Outlines []item `json:"outlines"`
		QPDF     []json.RawMessage
	}
	if err := json.Unmarshal([]byte(tool(t, "qpdf", "--json", "--json-key=outlines", "--json-key=qpdf", path)), &js); err != nil {
		t.Fatal(err)
	}
	var objs map[string]struct {
		Value struct {
			Type  string `json:"/Type"`
			Count *int   `json:"/Count"`
		} `json:"value"`
	}
	if len(js.QPDF) != 2 || json.Unmarshal(js.QPDF[1], &objs) != nil {
		t.Fatalf("qpdf --json: no objects where qpdf 11 writes them")
	}
	var b strings.Builder
	var walk func(items []item, depth int)
	walk = func(items []item, depth int) {
		for _, it := range items {
			fmt.Fprintf(&b, "%s%s", strings.Repeat("  ", depth), it.Title)
			if c := objs["obj:"+it.Object].Value.Count; c != nil {
				fmt.Fprintf(&b, " [%d]", *c)
			}
			b.WriteByte('\n')
			walk(it.Kids, depth+1)
		}
	}
	walk(js.Outlines, 0)
	root := -1
	for _, o := range objs {
		if o.Value.Type == "/Outlines" && o.Value.Count != nil {
			root = *o.Value.Count
		}
	}
	return b.String(), root
}

// TestOutline reads the outline of books with and without parts: parts open on their chapters,
// chapters closed on their sections and sub-chapters, each item with children counting what shows
// below it (closed: negative, what would show), leaves without a /Count, the root counting what
// shows when the document opens (ISO 32000-1, 12.3.3).
func TestOutline(t *testing.T) {
	two := []string{"## One", "## Two"}
	nested := []string{"## One", "### One a", "### One b", "## Two"}
	for _, tc := range []struct {
		name  string
		parts []*tree.Part
		want  string
		root  int
	}{
		{"chapters, no parts", []*tree.Part{{Chapters: []*tree.Chapter{
			outlineChapter("a", "Alpha", tree.Number{1}, two),
			outlineChapter("b", "Beta", tree.Number{2}, nested, outlineChapter("b1", "Beta sub", tree.Number{2, 1}, two)),
			outlineChapter("c", "Gamma", tree.Number{3}, nil),
		}}}, `Contents
1  Alpha [-2]
  One
  Two
2  Beta [-3]
  One [-2]
    One a
    One b
  Two
  2.1  Beta sub [-2]
    One
    Two
3  Gamma
`, 4},
		{"parts", []*tree.Part{
			{Chapters: []*tree.Chapter{outlineChapter("pre", "Preface", nil, two)}},
			{Title: "First part", Chapters: []*tree.Chapter{
				outlineChapter("a", "Alpha", tree.Number{1}, nested),
				outlineChapter("b", "Beta", tree.Number{2}, nil, outlineChapter("b1", "Beta sub", tree.Number{2, 1}, nested)),
			}},
			{Title: "Second part", Chapters: []*tree.Chapter{outlineChapter("c", "Gamma", tree.Number{3}, two)}},
		}, `Contents
Preface [-2]
  One
  Two
First part [2]
  1  Alpha [-2]
    One [-2]
      One a
      One b
    Two
  2  Beta [-1]
    2.1  Beta sub [-2]
      One [-2]
        One a
        One b
      Two
Second part [1]
  3  Gamma [-2]
    One
    Two
`, 7},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := sample.Book()
			b.Parts = tc.parts
			_, path := render(t, b)
			if out := tool(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors") || strings.Contains(out, "WARNING") {
				t.Errorf("qpdf --check:\n%s", out)
			}
			got, root := readOutline(t, path)
			if got != tc.want {
				t.Errorf("outline:\n%s\nwant:\n%s", got, tc.want)
			}
			if root != tc.root {
				t.Errorf("the outline's root counts %d, want %d", root, tc.root)
			}
		})
	}
}
