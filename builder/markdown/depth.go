package markdown

import (
	"strings"

	gast "github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// maxDepth bounds how deeply the converter nests containers (lists, quotes), inline markup and role
// markers. goldmark builds ASTs as deep as the input asks; every walk over the tree after this one
// recurses, so deeper levels are flattened here, where the depth is known.
const maxDepth = 200

// tooDeep reports, once per chapter for each kind of nesting (the flag), that nesting was cut at
// maxDepth at p. format refers to maxDepth as %[1]d.
func (c *converter) tooDeep(reported *bool, p Pos, format string) {
	if !*reported {
		*reported = true
		c.errorAt(p, format, maxDepth)
	}
}

// nests reports whether converting block n converts blocks one level further down.
func nests(n gast.Node) bool {
	switch n.(type) {
	case *gast.Blockquote, *gast.List, *east.DefinitionList, *east.FootnoteList:
		return true
	case *gast.Heading, *gast.Paragraph, *gast.TextBlock, *gast.FencedCodeBlock, *gast.CodeBlock,
		*gast.ThematicBreak, *gast.HTMLBlock, *east.Table, *gast.LinkReferenceDefinition:
		return false
	}
	return n.Type() == gast.TypeBlock && n.HasChildren() // an unknown container: block keeps its blocks
}

// flatText is the text of n's subtree as one run of words: blocks are separated by spaces, soft and
// hard line breaks are spaces, code and HTML blocks lose their line structure. It walks the subtree without recursion, since n is what was too deep.
func (c *converter) flatText(n gast.Node) string {
	var sb strings.Builder
	space := func() {
		if sb.Len() > 0 && !strings.HasSuffix(sb.String(), " ") {
			sb.WriteByte(' ')
		}
	}
	for m := n; m != nil; m = nextInTree(m, n) {
		switch m := m.(type) {
		case *gast.Text:
			sb.WriteString(c.textValue(m))
			if m.SoftLineBreak() || m.HardLineBreak() {
				sb.WriteByte(' ')
			}
		case *gast.String:
			sb.Write(m.Value)
		case *gast.AutoLink:
			sb.Write(m.Label(c.src))
		case *gast.RawHTML:
			sb.WriteString(htmlText(c.rawHTML(m)))
		case *gast.FencedCodeBlock, *gast.CodeBlock:
			space()
			sb.WriteString(strings.Join(strings.Fields(c.lines(m)), " "))
		case *gast.HTMLBlock:
			space()
			sb.WriteString(strings.Join(strings.Fields(htmlText(c.lines(m))), " "))
		default:
			if m.Type() == gast.TypeBlock {
				space()
			}
		}
	}
	return sb.String()
}

// nextInTree is the node after m in a depth-first walk of root's subtree, nil at its end.
func nextInTree(m, root gast.Node) gast.Node {
	if ch := m.FirstChild(); ch != nil {
		return ch
	}
	for ; m != root; m = m.Parent() {
		if s := m.NextSibling(); s != nil {
			return s
		}
	}
	return nil
}
