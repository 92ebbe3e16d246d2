package markdown

import (
	"bytes"
	"strings"

	"bookc/builder/diag"

	gast "github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"bookc/builder/tree"
)

// inlineBuf collects converted inlines. Adjacent text is gathered in a buffer and becomes one Text
// node when a non-text inline or the end comes: appending to a node's string at every soft line
// break made long paragraphs quadratic. The node and its string, copied from the buffer at its
// length, come from the chapter's arena.
type inlineBuf struct {
	out   tree.Inlines
	text  []byte
	arena *textArena
}

func (b *inlineBuf) addText(s string) { b.text = append(b.text, s...) }

func (b *inlineBuf) add(in tree.Inline) {
	b.flush()
	b.out = append(b.out, in)
}

// addInlines adds converted content, merging its text at the seam.
func (b *inlineBuf) addInlines(content tree.Inlines) {
	for _, in := range content {
		if t, ok := in.(*tree.Text); ok {
			b.addText(t.Text)
		} else {
			b.add(in)
		}
	}
}

func (b *inlineBuf) flush() {
	if len(b.text) > 0 {
		b.out = append(b.out, b.arena.text(b.text))
		b.text = b.text[:0]
	}
}

func (b *inlineBuf) done() tree.Inlines {
	b.flush()
	return b.out
}

// inlineBuf is an empty buffer for the chapter's inline content.
func (c *converter) inlineBuf() *inlineBuf { return &inlineBuf{arena: &c.texts} }

// inlines converts the inline children of n. Adjacent text is merged, soft line breaks become spaces.
func (c *converter) inlines(n gast.Node) tree.Inlines {
	b := c.inlineBuf()
	c.children(b, n)
	return b.done()
}

// children converts the inline children of n into b, one nesting level down. It stops recursing
// at maxDepth levels: a deeper container joins b as the plain text of its content. Inline HTML
// tags among the children open and close elements that hold the children between them.
func (c *converter) children(b *inlineBuf, n gast.Node) {
	c.inlineDepth++
	var html *htmlStack
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		dest := b
		if html != nil {
			dest = html.inlineTarget()
		}
		if c.inlineDepth > maxDepth && ch.HasChildren() && ch.Kind() != gast.KindCodeSpan {
			c.tooDeep(&c.deepInlines, c.pos(nodePos(ch)), "inline markup (emphasis, links, images) is nested deeper than %[1]d levels; "+
				"the deeper levels are kept as plain text (nest the markup less deeply)")
			dest.addText(c.flatText(ch))
			continue
		}
		if raw, ok := ch.(*gast.RawHTML); ok {
			if html == nil {
				html = c.inlineStack(b)
			}
			html.feed(c.rawHTML(raw), raw)
			continue
		}
		c.inline(dest, ch)
	}
	if html != nil {
		html.closeAll()
	}
	c.inlineDepth--
}

func (c *converter) inline(b *inlineBuf, n gast.Node) {
	switch n := n.(type) {
	case *gast.Text:
		c.textInto(b, n)
		switch {
		case n.HardLineBreak():
			b.add(&tree.LineBreak{})
		case n.SoftLineBreak():
			b.addText(" ")
		}
	case *gast.String:
		b.addText(string(n.Value))
	case *gast.CodeSpan:
		var sb strings.Builder
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			switch t := ch.(type) {
			case *gast.Text:
				sb.Write(t.Segment.Value(c.src))
			case *gast.String:
				sb.Write(t.Value)
			}
		}
		b.add(&tree.Code{Text: sb.String()})
	case *gast.Emphasis:
		if n.Level >= 2 {
			b.add(&tree.Strong{Content: c.inlines(n)})
		} else {
			b.add(&tree.Emphasis{Content: c.inlines(n)})
		}
	case *east.Strikethrough:
		b.add(&tree.Strikethrough{Content: c.inlines(n)})
	case *gast.Link:
		c.link(b, c.pos(nodePos(n)), unescape(string(n.Destination)), unescape(string(n.Title)), c.inlines(n))
	case *gast.AutoLink:
		url := string(n.URL(c.src))
		label := c.texts.text(n.Label(c.src))
		if n.AutoLinkType == gast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
			url = "mailto:" + url
		}
		c.link(b, c.pos(nodePos(n)), url, "", tree.Inlines{label}) // refused schemes as for any link
	case *gast.Image:
		b.add(c.imageAt(c.pos(nodePos(n)), unescape(string(n.Destination)), tree.PlainText(c.inlines(n)), unescape(string(n.Title))))
	case *east.FootnoteLink:
		b.add(&tree.FootnoteRef{Number: n.Index, ID: c.footnoteID(n.Index)})
	case *east.TaskCheckBox:
		// list has taken the box of each task item; no other box is shown
	default:
		// Unknown inline kinds keep their children's text.
		c.children(b, n)
	}
}

// textInto adds n's text to b: the source's bytes as they are where nothing in them is escaped,
// without a string of their own on the way.
func (c *converter) textInto(b *inlineBuf, n *gast.Text) {
	if v := n.Segment.Value(c.src); n.IsRaw() || !bytes.ContainsAny(v, `\&`) {
		b.text = append(b.text, v...)
		return
	}
	b.addText(c.textValue(n))
}

// textValue is a text node's text with escapes and entities resolved, unless goldmark marked it raw.
func (c *converter) textValue(n *gast.Text) string {
	v := string(n.Segment.Value(c.src))
	if !n.IsRaw() {
		v = unescape(v)
	}
	return v
}

func (c *converter) rawHTML(n *gast.RawHTML) string {
	var sb strings.Builder
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		sb.Write(seg.Value(c.src))
	}
	return sb.String()
}

// link turns a link written at at into an external link or a cross-reference.
func (c *converter) link(b *inlineBuf, at Pos, dest, title string, content tree.Inlines) {
	if linksToItself(content, dest) {
		b.addInlines(content) // [![a](x.png)](x.png): "open the picture" has no page to open on
		return
	}
	t := c.env.Resolve(dest)
	switch {
	case t.Problem != "":
		report := diag.Warnf
		if t.Note {
			report = diag.Notef
		}
		c.res.Diags.Add(report(at.File, at.Line, "%s", t.Problem))
		b.addInlines(content) // keep the words; there is nowhere to link to
	case t.URL != "":
		b.add(&tree.Link{URL: t.URL, Title: title, Content: content})
	default:
		x := &tree.XRef{Chapter: t.Chapter, Anchor: t.Anchor, Content: content}
		c.res.Refs = append(c.res.Refs, Ref{XRef: x, At: at})
		b.add(x)
	}
}

// linksToItself reports whether a link's content is an image alone whose file is the link's target.
func linksToItself(content tree.Inlines, dest string) bool {
	var img *tree.Image
	for _, in := range content {
		switch n := in.(type) {
		case *tree.Image:
			if img != nil {
				return false
			}
			img = n
		case *tree.Text:
			if strings.TrimSpace(n.Text) != "" {
				return false
			}
		default:
			return false
		}
	}
	return img != nil && img.Src == dest
}

func (c *converter) imageAt(at Pos, src, alt, title string) *tree.Image {
	img := &tree.Image{Src: src, Alt: alt, Title: title, File: at.File, Line: at.Line}
	img.Asset = c.env.Image(src, at)
	return img
}
