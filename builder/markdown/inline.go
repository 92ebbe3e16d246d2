package markdown

import (
	"strings"

	gast "github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"bookc/builder/tree"
)

// inlineBuf collects converted inlines. Adjacent text is gathered in a builder and becomes one Text
// node when a non-text inline or the end comes: appending to a node's string at every soft line
// break made long paragraphs quadratic.
type inlineBuf struct {
	out  tree.Inlines
	text strings.Builder
}

func (b *inlineBuf) addText(s string) { b.text.WriteString(s) }

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
	if b.text.Len() > 0 {
		b.out = append(b.out, &tree.Text{Text: b.text.String()})
		b.text.Reset()
	}
}

func (b *inlineBuf) done() tree.Inlines {
	b.flush()
	return b.out
}

// inlines converts the inline children of n. Adjacent text is merged, soft line breaks become spaces.
func (c *converter) inlines(n gast.Node) tree.Inlines {
	var b inlineBuf
	c.children(&b, n)
	return b.done()
}

// children converts the inline children of n into b, one nesting level down. It stops recursing
// at maxDepth levels: a deeper container joins b as the plain text of its content.
func (c *converter) children(b *inlineBuf, n gast.Node) {
	c.inlineDepth++
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if c.inlineDepth > maxDepth && ch.HasChildren() && ch.Kind() != gast.KindCodeSpan {
			c.tooDeep(&c.deepInlines, c.pos(nodePos(ch)), "inline markup (emphasis, links, images) is nested deeper than %[1]d levels; "+
				"the deeper levels are kept as plain text (nest the markup less deeply)")
			b.addText(c.flatText(ch))
			continue
		}
		c.inline(b, ch)
	}
	c.inlineDepth--
}

func (c *converter) inline(b *inlineBuf, n gast.Node) {
	switch n := n.(type) {
	case *gast.Text:
		b.addText(c.textValue(n))
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
		c.link(b, n, unescape(string(n.Destination)), unescape(string(n.Title)), c.inlines(n))
	case *gast.AutoLink:
		url := string(n.URL(c.src))
		label := string(n.Label(c.src))
		if n.AutoLinkType == gast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
			url = "mailto:" + url
		}
		c.link(b, n, url, "", tree.Inlines{&tree.Text{Text: label}}) // refused schemes as for any link
	case *gast.Image:
		b.add(c.image(n, unescape(string(n.Destination)), tree.PlainText(c.inlines(n)), unescape(string(n.Title))))
	case *gast.RawHTML:
		c.rawInline(b, n, c.rawHTML(n))
	case *east.FootnoteLink:
		b.add(&tree.FootnoteRef{Number: n.Index, ID: c.footnoteID(n.Index)})
	case *east.TaskCheckBox:
		// list has taken the box of each task item; no other box is shown
	default:
		// Unknown inline kinds keep their children's text.
		c.children(b, n)
	}
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

// link turns a Markdown link into an external link or a cross-reference.
func (c *converter) link(b *inlineBuf, n gast.Node, dest, title string, content tree.Inlines) {
	t := c.env.Resolve(dest)
	switch {
	case t.Problem != "":
		c.warn(n, "%s", t.Problem)
		b.addInlines(content) // keep the words; there is nowhere to link to
	case t.URL != "":
		b.add(&tree.Link{URL: t.URL, Title: title, Content: content})
	default:
		x := &tree.XRef{Chapter: t.Chapter, Anchor: t.Anchor, Content: content}
		c.res.Refs = append(c.res.Refs, Ref{XRef: x, At: c.pos(nodePos(n))})
		b.add(x)
	}
}

func (c *converter) image(n gast.Node, src, alt, title string) *tree.Image {
	at := c.pos(nodePos(n))
	img := &tree.Image{Src: src, Alt: alt, Title: title, File: at.File, Line: at.Line}
	img.Asset = c.env.Image(src, at)
	return img
}

// rawInline keeps inline HTML: <img> becomes an image, <br> a line break, anything else stays raw.
func (c *converter) rawInline(b *inlineBuf, n gast.Node, raw string) {
	switch attrs, ok := imgTag(raw); {
	case ok && attrs["src"] != "":
		b.add(c.image(n, attrs["src"], attrs["alt"], attrs["title"]))
	case isBreakTag(raw):
		b.add(&tree.LineBreak{})
	case isComment(raw):
	default:
		b.add(&tree.RawHTML{HTML: raw, Text: htmlText(raw)})
	}
}

// htmlBlock keeps a raw HTML block; a lone <img> becomes a figure.
func (c *converter) htmlBlock(n *gast.HTMLBlock) tree.Blocks {
	raw := c.lines(n)
	if n.HasClosure() {
		raw += string(n.ClosureLine.Value(c.src))
	}
	raw = strings.TrimRight(raw, "\n")
	if attrs, ok := imgTag(strings.TrimSpace(raw)); ok && attrs["src"] != "" {
		img := c.image(n, attrs["src"], attrs["alt"], attrs["title"])
		var cap tree.Inlines
		if img.Alt != "" {
			cap = tree.Inlines{&tree.Text{Text: img.Alt}}
		}
		return tree.Blocks{&tree.Figure{Image: img, Caption: cap}}
	}
	return tree.Blocks{&tree.HTMLBlock{HTML: raw, Text: strings.TrimSpace(htmlText(raw))}}
}
