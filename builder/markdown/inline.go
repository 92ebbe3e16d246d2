package markdown

import (
	"strings"

	gast "github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"bookc/builder/tree"
)

// inlines converts the inline children of n. Adjacent text is merged, soft line breaks become spaces.
func (c *converter) inlines(n gast.Node) tree.Inlines {
	var out tree.Inlines
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		out = c.inline(out, ch)
	}
	return out
}

// appendText adds text to the list, merging it into a preceding Text node.
func appendText(out tree.Inlines, s string) tree.Inlines {
	if s == "" {
		return out
	}
	if len(out) > 0 {
		if t, ok := out[len(out)-1].(*tree.Text); ok {
			t.Text += s
			return out
		}
	}
	return append(out, &tree.Text{Text: s})
}

// appendInlines adds content to the list, merging text at the seam.
func appendInlines(out, content tree.Inlines) tree.Inlines {
	for _, in := range content {
		if t, ok := in.(*tree.Text); ok {
			out = appendText(out, t.Text)
		} else {
			out = append(out, in)
		}
	}
	return out
}

func (c *converter) inline(out tree.Inlines, n gast.Node) tree.Inlines {
	switch n := n.(type) {
	case *gast.Text:
		v := string(n.Segment.Value(c.src))
		if !n.IsRaw() {
			v = unescape(v)
		}
		out = appendText(out, v)
		switch {
		case n.HardLineBreak():
			out = append(out, &tree.LineBreak{})
		case n.SoftLineBreak():
			out = appendText(out, " ")
		}
		return out
	case *gast.String:
		return appendText(out, string(n.Value))
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
		return append(out, &tree.Code{Text: sb.String()})
	case *gast.Emphasis:
		if n.Level >= 2 {
			return append(out, &tree.Strong{Content: c.inlines(n)})
		}
		return append(out, &tree.Emphasis{Content: c.inlines(n)})
	case *east.Strikethrough:
		return append(out, &tree.Strikethrough{Content: c.inlines(n)})
	case *gast.Link:
		return c.link(out, n, unescape(string(n.Destination)), unescape(string(n.Title)), c.inlines(n))
	case *gast.AutoLink:
		url := string(n.URL(c.src))
		label := string(n.Label(c.src))
		if n.AutoLinkType == gast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
			url = "mailto:" + url
		}
		return append(out, &tree.Link{URL: url, Content: tree.Inlines{&tree.Text{Text: label}}})
	case *gast.Image:
		return append(out, c.image(n, unescape(string(n.Destination)), tree.PlainText(c.inlines(n)), unescape(string(n.Title))))
	case *gast.RawHTML:
		var sb strings.Builder
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			sb.Write(seg.Value(c.src))
		}
		return c.rawInline(out, n, sb.String())
	case *east.FootnoteLink:
		return append(out, &tree.FootnoteRef{Number: n.Index, ID: c.footnoteID(n.Index)})
	case *east.FootnoteBacklink, *east.TaskCheckBox:
		return out
	default:
		// Unknown inline kinds keep their children's text.
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			out = c.inline(out, ch)
		}
		return out
	}
}

// link turns a Markdown link into an external link or a cross-reference.
func (c *converter) link(out tree.Inlines, n gast.Node, dest, title string, content tree.Inlines) tree.Inlines {
	t := c.env.Resolve(dest)
	switch {
	case t.Problem != "":
		c.warn(n, "%s", t.Problem)
		return appendInlines(out, content) // keep the words; there is nowhere to link to
	case t.URL != "":
		return append(out, &tree.Link{URL: t.URL, Title: title, Content: content})
	default:
		x := &tree.XRef{Chapter: t.Chapter, Anchor: t.Anchor, Content: content}
		c.res.Refs = append(c.res.Refs, Ref{XRef: x, At: c.pos(nodePos(n))})
		return append(out, x)
	}
}

func (c *converter) image(n gast.Node, src, alt, title string) *tree.Image {
	img := &tree.Image{Src: src, Alt: alt, Title: title}
	img.Asset = c.env.Image(src, c.pos(nodePos(n)))
	return img
}

// rawInline keeps inline HTML: <img> becomes an image, <br> a line break, anything else stays raw.
func (c *converter) rawInline(out tree.Inlines, n gast.Node, raw string) tree.Inlines {
	if attrs, ok := imgTag(raw); ok && attrs["src"] != "" {
		return append(out, c.image(n, attrs["src"], attrs["alt"], attrs["title"]))
	}
	if isBreakTag(raw) {
		return append(out, &tree.LineBreak{})
	}
	if isComment(raw) {
		return out
	}
	return append(out, &tree.RawHTML{HTML: raw, Text: htmlText(raw)})
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
