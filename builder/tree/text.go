package tree

import "strings"

// PlainText is the text of inline content without markup, as a reader would read it aloud:
// for titles, alt texts, outlines and metadata.
func PlainText(is Inlines) string {
	var sb strings.Builder
	WalkInlines(is, func(in Inline) {
		switch n := in.(type) {
		case *Text:
			sb.WriteString(n.Text)
		case *Code:
			sb.WriteString(n.Text)
		case *Image:
			sb.WriteString(n.Alt)
		case *RawHTML:
			sb.WriteString(n.Text)
		case *LineBreak:
			sb.WriteByte(' ')
		}
		// containers give their content through the walk; a footnote mark is not part of the text
	})
	return sb.String()
}

// Section is a heading of a chapter, for tables of contents, outlines and navigation.
type Section struct {
	Heading  *Heading
	Children []*Section
}

// Sections returns the chapter's headings after its title heading, nested by level. Headings inside
// lists, quotes and other containers are not sections.
func (c *Chapter) Sections() []*Section {
	var root []*Section
	var stack []*Section
	for i, b := range c.Blocks {
		if i == 0 {
			continue // the chapter's title
		}
		h, ok := b.(*Heading)
		if !ok {
			continue
		}
		s := &Section{Heading: h}
		for len(stack) > 0 && stack[len(stack)-1].Heading.Level >= h.Level {
			stack = stack[:len(stack)-1]
		}
		if len(stack) == 0 {
			root = append(root, s)
		} else {
			p := stack[len(stack)-1]
			p.Children = append(p.Children, s)
		}
		stack = append(stack, s)
	}
	return root
}
