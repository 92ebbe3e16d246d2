package layout

// A destination's name says which kind of node it is: chapters, headings and footnotes have IDs
// of their own kinds, which may be equal (a chapter "setup" and another chapter's heading "Setup"),
// and a link must land on the node it names, never on another with the same text.

func chapterDest(id string) string  { return "c:" + id }
func headingDest(id string) string  { return "h:" + id }
func footnoteDest(id string) string { return "n:" + id }

// xrefDest is where a cross-reference goes: its heading, or its chapter when it names none.
func xrefDest(chapter, anchor string) string {
	if anchor == "" {
		return chapterDest(chapter)
	}
	return headingDest(anchor)
}
