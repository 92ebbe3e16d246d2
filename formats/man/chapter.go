package man

import (
	"strings"

	"bookc/builder/tree"
)

// renderChapter writes a chapter's page: NAME (the chapter's own NAME section for command
// references), DESCRIPTION for text before the first section, the chapter, NOTES, SEE ALSO.
func (bk *book) renderChapter(c *tree.Chapter) []byte {
	p := bk.newPage(bk.page[c.ID], c)
	body := c.Blocks
	if len(body) > 0 {
		body = body[1:] // the title heading: the NAME line carries it
	}
	names, description := p.name.name, chapterTitle(c)
	if c.ManPage != nil {
		if n, d, rest, ok := nameLine(body); ok {
			names, description, body = n, d, rest
			if description == "" {
				description = chapterTitle(c)
			}
		}
	}
	p.nameSection(names, description)
	if len(body) > 0 {
		if h, ok := body[0].(*tree.Heading); !ok || h.Level > 2 || !hasText(h.Content) {
			p.section("DESCRIPTION")
		}
	}
	p.blocks(body, true)
	p.writeNotes()
	i := bk.order[c.ID]
	var prev, next pageName
	if i > 0 {
		prev = bk.page[bk.pages[i-1].ID]
	}
	if i+1 < len(bk.pages) {
		next = bk.page[bk.pages[i+1].ID]
	}
	p.seeAlso(bk.index, prev, next)
	return p.finish()
}

// chapterTitle is the chapter's title as its first heading spells it.
func chapterTitle(c *tree.Chapter) string {
	if len(c.Blocks) > 0 {
		if h, ok := c.Blocks[0].(*tree.Heading); ok {
			if t := strings.TrimSpace(tree.PlainText(h.Content)); t != "" {
				return t
			}
		}
	}
	return c.Title
}

// nameLine finds a command reference's own NAME section ("## NAME" then "metroctl - manage a
// cluster") among the top-level blocks, and returns its names and description and the blocks
// without that section.
func nameLine(body tree.Blocks) (names, description string, rest tree.Blocks, ok bool) {
	for i, b := range body {
		h, isHeading := b.(*tree.Heading)
		if !isHeading || !strings.EqualFold(strings.TrimSpace(tree.PlainText(h.Content)), "NAME") {
			continue
		}
		end := i + 1
		for end < len(body) {
			if _, next := body[end].(*tree.Heading); next {
				break
			}
			end++
		}
		var text string
		for _, b := range body[i+1 : end] {
			if para, isPara := b.(*tree.Paragraph); isPara {
				text = strings.Join(strings.Fields(tree.PlainText(para.Content)), " ")
				break
			}
		}
		if text == "" || end != i+2 {
			return "", "", nil, false // not a one-line NAME section: keep it as written
		}
		names, description = text, ""
		for _, sep := range []string{" - ", " \u2014 ", " \u2013 ", " -- "} {
			if n, d, found := strings.Cut(text, sep); found {
				names, description = n, d
				break
			}
		}
		rest = append(append(tree.Blocks{}, body[:i]...), body[end:]...)
		return names, description, rest, true
	}
	return "", "", nil, false
}
