package man

import (
	"strings"

	"bookc/builder/tree"
)

// renderChapter writes a chapter's page: NAME (the chapter's own NAME section for command
// references), DESCRIPTION for text before the first section, the chapter, NOTES, and one SEE
// ALSO: the chapter's own, if it has one, then the related pages.
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
	own, body := cutSection(body, "SEE ALSO")
	if len(body) > 0 {
		if h, ok := body[0].(*tree.Heading); !ok || h.Level > 2 || !hasText(h.Content) {
			p.section("DESCRIPTION")
		}
	}
	p.blocks(body, true)
	p.writeNotes()
	p.seeAlso(own, bk.related(c))
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
	section, rest := cutSection(body, "NAME")
	if len(section) != 1 {
		return "", "", nil, false // not a one-line NAME section: keep it as written
	}
	para, isPara := section[0].(*tree.Paragraph)
	if !isPara {
		return "", "", nil, false
	}
	text := strings.Join(strings.Fields(tree.PlainText(para.Content)), " ")
	if text == "" {
		return "", "", nil, false
	}
	names = text
	for _, sep := range []string{" - ", " \u2014 ", " \u2013 ", " -- "} {
		if n, d, found := strings.Cut(text, sep); found {
			names, description = n, d
			break
		}
	}
	return names, description, rest, true
}

// cutSection finds the first top-level heading titled title (in any case) and returns the blocks
// up to the next heading, and the body without the heading and them; nil and body when there is
// none, or when it holds nothing.
func cutSection(body tree.Blocks, title string) (section, rest tree.Blocks) {
	for i, b := range body {
		h, isHeading := b.(*tree.Heading)
		if !isHeading || !strings.EqualFold(strings.TrimSpace(tree.PlainText(h.Content)), title) {
			continue
		}
		end := i + 1
		for end < len(body) {
			if _, next := body[end].(*tree.Heading); next {
				break
			}
			end++
		}
		if end == i+1 {
			return nil, body
		}
		return body[i+1 : end], append(append(tree.Blocks{}, body[:i]...), body[end:]...)
	}
	return nil, body
}
