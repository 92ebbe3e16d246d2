package builder

import (
	"testing"
	"testing/fstest"

	"bookc/builder/tree"
)

// TestChapterTitles checks that a chapter has one title: its opening heading when it has one, even
// after comments, and the SUMMARY title in a heading of its own when it has none.
func TestChapterTitles(t *testing.T) {
	tests := []struct {
		name, summaryTitle, text string
		title                    string // the chapter's title
		headings                 int    // level-1 headings in the chapter
	}{
		{"same title", "Setup", "# Setup\n\nText.\n", "Setup", 1},
		{"heading differs", "Setup", "# Setting up the cluster\n\nText.\n", "Setting up the cluster", 1},
		{"comment first", "Setup", "<!-- reviewed 2024 -->\n\n# Setup\n\nText.\n", "Setup", 1},
		{"comments and a style first", "Setup", "<!-- a -->\n<!-- b -->\n\n<style>p{}</style>\n\n# Setup\n", "Setup", 1},
		{"no heading", "Setup", "Text first.\n\n# Later\n", "Setup", 2},
		{"second-level first", "Setup", "## Overview\n", "Setup", 1},
		{"markup in the heading", "Mem", "# The `mem::take` *idiom*\n", "The mem::take idiom", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"src/SUMMARY.md": {Data: []byte("- [" + tt.summaryTitle + "](a.md)\n")},
				"src/a.md":       {Data: []byte(tt.text)},
			}
			b, err := Load(FromFS(fsys, "bk"), Options{})
			must(t, err)
			c := b.Tree.Chapters()[0]
			if c.Title != tt.title {
				t.Errorf("title %q, want %q", c.Title, tt.title)
			}
			h, ok := c.Blocks[0].(*tree.Heading)
			if !ok || h.Level != 1 {
				t.Fatalf("the chapter opens with %T, not its title heading", c.Blocks[0])
			}
			n := 0
			tree.WalkBlocks(c.Blocks, func(b tree.Block) {
				if h, ok := b.(*tree.Heading); ok && h.Level == 1 {
					n++
				}
			})
			if n != tt.headings {
				t.Errorf("%d level-1 headings, want %d", n, tt.headings)
			}
		})
	}
}
