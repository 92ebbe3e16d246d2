package markdown

import (
	"testing"
	"unsafe"

	"bookc/builder/tree"
)

// TestTextArena checks that the arena newTextArena sizes holds every Text the chapter makes, node
// and string, with no room to spare but what entities and escapes save, a node where raw HTML
// splits text, and the rest of a slab of nodes past the estimate. Where the estimate is short
// (the text of HTML blocks) a text is allocated alone, as it was before the arena.
func TestTextArena(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		alone      bool // texts outside the arena
		spareBytes int  // room to spare, at most
		spareNodes int
	}{
		{name: "prose", text: "One line\nand a second,\nsoft breaks between.\n\nA second paragraph."},
		{name: "emphasis", text: "Some *emphasis*, **strong** and ~~struck~~ text, `code` between."},
		{name: "hard break", text: "one  \ntwo\\\nthree"},
		{name: "entities and escapes", text: "AT&amp;T &copy; 2026 \\*not emphasis\\* &#x41;", spareBytes: 4 + 4 + 2 + 5}, // &amp; 5 bytes to 1, &copy; 6 to 2, \\* 2 to 1 twice, &#x41; 6 to 1
		{name: "links and images", text: "[a link](https://example.com) and ![an image](x.png \"its title\") and <https://auto.link>"},
		{name: "inline HTML", text: "Some <b>bold <i>italic</i></b> and <span id=\"here\">a span</span>.", spareNodes: 1},
		{name: "lists and headings", text: "# A heading\n\n- one\n- two *2*\n  - nested\n\n1. first\n2. second\n"},
		{name: "table", text: "| a | b |\n|---|---|\n| one | *two* |\n| three | `four` |\n"},
		{name: "footnote", text: "Text with a note.[^1]\n\n[^1]: The note, *emphasised*.\n"},
		{name: "typography", text: "\"Quoted\" -- dashed --- and ... ellipsis"},
		{name: "html block", text: "<div>\n<p>A paragraph of <em>HTML</em></p>\n</div>\n", alone: true, spareNodes: 6},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := convertWith(testEnv(tt.text))
			a := c.texts
			var n int
			tree.WalkChapter(&tree.Chapter{Blocks: c.res.Blocks}, nil, func(in tree.Inline) {
				x, ok := in.(*tree.Text)
				if !ok {
					return
				}
				n++
				if tt.alone {
					return
				}
				if p := unsafe.Pointer(x); len(a.nodes) == 0 || uintptr(p) < uintptr(unsafe.Pointer(&a.nodes[0])) || uintptr(p) > uintptr(unsafe.Pointer(&a.nodes[len(a.nodes)-1])) {
					t.Errorf("Text %q is not one of the arena's nodes", x.Text)
				}
				if x.Text != "" && !a.chars.Holds(x.Text) {
					t.Errorf("Text %q is not in the arena's bytes", x.Text)
				}
			})
			if n == 0 {
				t.Fatal("no Text made")
			}
			if spare := cap(a.nodes) - len(a.nodes); spare > tt.spareNodes {
				t.Errorf("%d nodes made, room for %d: %d to spare", len(a.nodes), cap(a.nodes), spare)
			}
			if spare := a.chars.Spare(); spare > tt.spareBytes {
				t.Errorf("%d bytes of text to spare", spare)
			}
		})
	}
}
