package man

import (
	"strings"

	"bookc/builder/tree"
	"bookc/formats/man/roff"
)

// inlines writes inline content. line is true where the text must stay on one input line (a
// heading, a tag, a table cell): links then show their URL after the text instead of using
// .UR/.UE, and line breaks become spaces.
func (p *page) inlines(is tree.Inlines, line bool) {
	for _, in := range is {
		p.inline(in, line)
	}
}

func (p *page) inline(in tree.Inline, line bool) {
	w := p.w
	switch n := in.(type) {
	case *tree.Text:
		w.Text(n.Text)
	case *tree.Emphasis:
		p.styled(roff.I, n.Content, line)
	case *tree.Strong:
		p.styled(roff.B, n.Content, line)
	case *tree.Strikethrough:
		p.inlines(n.Content, line) // roff has no strike-through; the words stay
	case *tree.Code:
		f := w.Font()
		w.SetFont(f.With(roff.B))
		w.Literal(n.Text)
		w.SetFont(f)
	case *tree.Link:
		p.link(n, line)
	case *tree.XRef:
		p.xref(n, line)
	case *tree.Image:
		alt := n.Alt
		if strings.TrimSpace(alt) == "" {
			alt = "image"
		}
		w.Text(alt)
		p.noteMark(p.addNote(note{image: n, altShown: true}))
	case *tree.FootnoteRef:
		if f := p.footnote(n.ID); f != nil {
			p.noteMark(p.addNote(note{footnote: f}))
		} else {
			p.noteMark(n.Number)
		}
	case *tree.LineBreak:
		if line {
			w.Text(" ")
		} else {
			w.LineBreak()
		}
	case *tree.RawHTML:
		w.Text(n.Text)
	case *tree.Styled:
		p.styledKind(n, line)
	case *tree.Lang:
		p.inlines(n.Content, line) // roff has no languages: the text as it is
	case *tree.Anchor:
		// man pages have no link targets: a reference names its page and section instead
	}
}

// styledKind writes keys in bold, as man pages name keys and commands; superscripts as ^x and
// subscripts as _x, the way plain text writes them.
func (p *page) styledKind(s *tree.Styled, line bool) {
	switch s.Kind {
	case tree.Keyboard:
		p.styled(roff.B, s.Content, line)
	case tree.Superscript:
		p.w.Text("^")
		p.inlines(s.Content, line)
	case tree.Subscript:
		p.w.Text("_")
		p.inlines(s.Content, line)
	default:
		p.inlines(s.Content, line)
	}
}

// styled writes content in the current font with bold or italic added, then returns to it.
func (p *page) styled(add roff.Font, is tree.Inlines, line bool) {
	f := p.w.Font()
	p.w.SetFont(f.With(add))
	p.inlines(is, line)
	p.w.SetFont(f)
}

// link writes an external link as .UR/.UE (.MT/.ME for mail) around its text, which man and
// mandoc follow with the address. A link whose text is its address is written as the address.
func (p *page) link(l *tree.Link, line bool) {
	w := p.w
	addr, mail := strings.CutPrefix(l.URL, "mailto:")
	text := strings.TrimSpace(tree.PlainText(l.Content))
	if text == "" || text == l.URL || text == addr {
		w.Literal(addr)
		return
	}
	if line || strings.ContainsAny(l.URL, " \t\n") {
		p.inlines(l.Content, line)
		w.Text(" <")
		w.Literal(addr)
		w.Text(">")
		return
	}
	open, close := "UR", "UE"
	if mail {
		open, close = "MT", "ME"
	}
	w.Inline(open, w.URL(addr))
	p.inlines(l.Content, true) // on the lines between the requests: no nested requests
	w.Tail(close)
}

// xref writes a cross-reference: its text, then where to find the target: the page and, for a
// heading, the section's title; within the page, only the section's title.
func (p *page) xref(x *tree.XRef, line bool) {
	w := p.w
	target, ok := p.page[x.Chapter]
	c := p.chapter[x.Chapter]
	var h *tree.Heading
	if x.Anchor != "" && c != nil && (len(c.Blocks) == 0 || blockID(c.Blocks[0]) != x.Anchor) {
		h = p.headings[x.Anchor]
	}
	text := strings.TrimSpace(tree.PlainText(x.Content))
	switch {
	case text != "":
		p.inlines(x.Content, line)
	case h != nil:
		w.Text(tree.PlainText(h.Content))
	case c != nil:
		w.Text(chapterTitle(c))
	}
	samePage := p.ch != nil && x.Chapter == p.ch.ID
	if samePage && (h == nil || text == strings.TrimSpace(tree.PlainText(h.Content))) || !ok && h == nil {
		return // the text names the section, or there is no page to name
	}
	w.Text(" (")
	if !samePage && ok {
		p.ref(target)
		if h != nil {
			w.Text(", ")
		}
	}
	if h != nil {
		w.Text("section \u201C" + strings.TrimSpace(tree.PlainText(h.Content)) + "\u201D")
	}
	w.Text(")")
}

func blockID(b tree.Block) string {
	if h, ok := b.(*tree.Heading); ok {
		return h.ID
	}
	return ""
}
