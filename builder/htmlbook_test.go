package builder

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"bookc/builder/golden"
	"bookc/builder/tree"
)

// TestHTMLBook loads a book written with raw HTML: every link to an HTML id (<a id>, <a name>,
// <span id>, <div id>, <dt id>) lands on it, without a warning, and the one element bookc cannot
// show (<marquee>) is reported once.
func TestHTMLBook(t *testing.T) {
	b := loadDir(t, filepath.Join("testdata", "books", "html"))
	var warnings []string
	for _, d := range b.Diags {
		warnings = append(warnings, d.String())
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "structure.md:64: warning: raw HTML <marquee>") {
		t.Errorf("diagnostics:\n%s\nwant only the <marquee> one", strings.Join(warnings, "\n"))
	}
	ed, _, err := b.Edition("")
	if err != nil {
		t.Fatal(err)
	}
	targets := map[string]bool{}
	var anchors []string
	for _, ch := range ed.Chapters() {
		tree.WalkChapter(ch, func(bl tree.Block) {
			if a, ok := bl.(*tree.Anchor); ok {
				targets[a.ID] = true
			}
		}, func(in tree.Inline) {
			switch n := in.(type) {
			case *tree.Anchor:
				targets[n.ID] = true
			case *tree.XRef:
				anchors = append(anchors, n.Anchor)
			}
		})
	}
	for _, want := range []string{"term-cluster", "a-span", "named", "a-div", "top-anchor"} {
		if !targets[want] {
			t.Errorf("no link target %q in the tree", want)
		}
	}
	if got := strings.Join(anchors, " "); got != "term-cluster a-span named a-div top-anchor" {
		t.Errorf("cross-references go to %q", got)
	}
	data, err := json.MarshalIndent(ed, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "golden/html.full.json", append(data, '\n'))
}
