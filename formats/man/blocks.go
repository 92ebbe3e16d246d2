package man

import (
	"strconv"
	"strings"
	"unicode"

	"bookc/builder/tree"
	"bookc/formats/man/roff"
)

// indent is the indentation of code, quotes and admonitions, in ens.
const indent = "4"

// blocks writes block content. top is true for a chapter's own blocks, whose headings become
// sections; headings inside containers become bold paragraphs.
func (p *page) blocks(bs tree.Blocks, top bool) {
	for _, b := range bs {
		p.block(b, top)
	}
}

func (p *page) block(b tree.Block, top bool) {
	switch n := b.(type) {
	case *tree.Heading:
		p.heading(n, top)
	case *tree.Paragraph:
		p.w.Para()
		p.inlines(n.Content, false)
	case *tree.List:
		p.list(n)
	case *tree.CodeBlock:
		p.code(n.Text)
	case *tree.Quote:
		p.indented(n.Blocks)
	case *tree.Admonition:
		p.labelled(tree.Inlines{&tree.Text{Text: n.Kind.Label()}}, n.Blocks)
	case *tree.Details:
		label := n.Summary
		if len(label) == 0 {
			label = tree.Inlines{&tree.Text{Text: "Details"}}
		}
		p.labelled(label, n.Blocks)
	case *tree.Table:
		p.table(n)
	case *tree.ThematicBreak:
		p.w.Para()
		p.w.Request("ce", "1")
		p.w.Text("* * *")
		p.w.Para()
	case *tree.Figure:
		p.figure(n)
	case *tree.DefinitionList:
		p.definitions(n)
	case *tree.HTMLBlock:
		p.w.Para()
		p.w.Text(n.Text)
	case *tree.Only:
		p.blocks(n.Blocks, top) // the edition filter unwraps these; render the content if one slips through
	}
}

// heading writes a section (.SH) for levels 1 and 2, a subsection (.SS) for level 3, and a bold
// paragraph for deeper headings and headings inside containers.
func (p *page) heading(h *tree.Heading, top bool) {
	if !hasText(h.Content) {
		return // an empty .SH or .SS is an error; there is nothing to show
	}
	if top && h.Level <= 3 {
		macro := "SH"
		if h.Level == 3 {
			macro = "SS"
		}
		if plain, ok := plainText(h.Content); ok {
			p.w.Request(macro, p.w.Escape(strings.Join(strings.Fields(plain), " "), roff.Prose))
			return
		}
		p.w.Head(macro)
		p.w.SetFont(roff.B) // the macro's font, so that emphasis inside knows what to return to
		p.inlines(h.Content, true)
		p.w.SetFont(roff.R)
		p.w.EndHead()
		return
	}
	p.w.Para()
	p.w.SetFont(roff.B)
	p.inlines(h.Content, false)
	p.w.SetFont(roff.R)
	p.w.Para()
}

// plainText returns the text of content that is text only, without markup.
func plainText(is tree.Inlines) (string, bool) {
	var sb strings.Builder
	for _, in := range is {
		t, ok := in.(*tree.Text)
		if !ok {
			return "", false
		}
		sb.WriteString(t.Text)
	}
	return sb.String(), true
}

// hasText reports whether content shows anything: a heading or a term of nothing but spaces,
// controls or invisible marks would leave a macro without its text.
func hasText(is tree.Inlines) bool {
	return strings.IndexFunc(tree.PlainText(is), func(r rune) bool {
		return unicode.IsPrint(r) && !unicode.IsSpace(r)
	}) >= 0
}

// code writes a code block indented, unfilled, every character as typed.
func (p *page) code(text string) {
	p.w.Para()
	p.w.Request("RS", indent)
	p.w.Request("EX")
	p.w.Verbatim(text)
	p.w.Request("EE")
	p.w.Request("RE")
}

// indented writes blocks as an indented block: quotes.
func (p *page) indented(bs tree.Blocks) {
	p.w.Para()
	p.w.Request("RS", indent)
	p.blocks(bs, false)
	p.w.Request("RE")
}

// labelled writes an admonition or details block: an indented block whose first paragraph begins
// with the bold label, "Warning:".
func (p *page) labelled(label tree.Inlines, bs tree.Blocks) {
	p.w.Para()
	p.w.Request("RS", indent)
	p.w.Para()
	p.w.SetFont(roff.B)
	p.inlines(label, false)
	p.w.Text(":")
	p.w.SetFont(roff.R)
	rest := bs
	if len(rest) > 0 {
		if para, ok := rest[0].(*tree.Paragraph); ok {
			p.w.Text(" ")
			p.inlines(para.Content, false)
			rest = rest[1:]
		}
	}
	p.blocks(rest, false)
	p.w.Request("RE")
}

// list writes list items as tagged paragraphs (.IP), nested content indented to the item's text.
// Tight lists set the inter-paragraph distance to zero (.PD 0) from their second item on.
func (p *page) list(l *tree.List) {
	width := 2
	last := l.Start + len(l.Items) - 1
	if l.Ordered {
		width = len(strconv.Itoa(last)) + 2
	}
	for _, it := range l.Items {
		if it.Task != tree.NoTask {
			width = max(width, 4)
		}
	}
	ind := strconv.Itoa(width)
	tightHere := l.Tight && !p.tight
	for i, it := range l.Items {
		tag := `\(bu`
		switch {
		case it.Task == tree.Checked:
			tag = "[x]"
		case it.Task == tree.Unchecked:
			tag = `[\ ]`
		case l.Ordered:
			tag = strconv.Itoa(l.Start+i) + "."
		}
		p.w.Request("IP", tag, ind)
		if i == 0 && tightHere {
			p.w.Request("PD", "0")
			p.tight = true
		}
		p.itemBody(it.Blocks, ind)
	}
	if tightHere {
		p.w.Request("PD")
		p.tight = false
	}
}

// itemBody writes the content of a tagged paragraph whose tag is written: its first paragraph
// runs in the tagged paragraph; the other blocks sit in an indented block at the same indent.
func (p *page) itemBody(bs tree.Blocks, ind string) {
	if len(bs) > 0 {
		if para, ok := bs[0].(*tree.Paragraph); ok {
			p.inlines(para.Content, false)
			bs = bs[1:]
		}
	}
	if len(bs) > 0 {
		p.w.Request("RS", ind)
		p.blocks(bs, false)
		p.w.Request("RE")
	}
}

// definitions writes each term as the bold tag of a .TP paragraph and its definitions as the body.
func (p *page) definitions(dl *tree.DefinitionList) {
	for _, d := range dl.Items {
		p.w.Head("TP", indent)
		p.w.SetFont(roff.B)
		if hasText(d.Term) {
			p.inlines(d.Term, true)
		} else {
			p.w.Glyph(`\(em`) // a tag line must not be empty
		}
		p.w.SetFont(roff.R)
		p.w.EndHead()
		var body tree.Blocks
		for _, def := range d.Definitions {
			body = append(body, def...)
		}
		p.itemBody(body, indent)
	}
}

// figure writes a stand-alone image as its caption (its alt text when it has none), in italics,
// with the number of the note that names the image.
func (p *page) figure(f *tree.Figure) {
	if f.Image == nil {
		p.w.Para()
		p.inlines(f.Caption, false)
		return
	}
	caption := f.Caption
	if !hasText(caption) {
		caption = tree.Inlines{&tree.Text{Text: f.Image.Alt}}
	}
	p.w.Para()
	p.w.SetFont(roff.I)
	p.w.Text("Figure: ")
	p.inlines(caption, false)
	p.w.SetFont(roff.R)
	altShown := strings.TrimSpace(tree.PlainText(caption)) == strings.TrimSpace(f.Image.Alt)
	p.noteMark(p.addNote(note{image: f.Image, altShown: altShown}))
}
