package markdown

import (
	"slices"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Footnotes as goldmark's extension reads them (PHP Markdown Extra's `[^label]` and `[^label]: text`),
// building its nodes, with the parts that were quadratic in the number of footnotes replaced:
// goldmark's reference parser finds each label by scanning the list of definitions, and its
// transformer sorts that list by insertion. Here definitions are indexed by label and sorted with
// the standard library. There is no renderer and no backlinks: the converter reads the nodes and
// makes its own.
var footnotes goldmark.Extender = footnoteExtension{}

type footnoteExtension struct{}

func (footnoteExtension) Extend(m goldmark.Markdown) {
	// goldmark's own priorities, so that footnotes parse exactly as with its extension
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(footnoteBlockParser{extension.NewFootnoteBlockParser()}, 999)),
		parser.WithInlineParsers(util.Prioritized(footnoteRefParser{}, 101)),
		parser.WithASTTransformers(util.Prioritized(footnoteTransformer{}, 999)),
	)
}

var footnotesKey = parser.NewContextKey()

// footnoteDefs are a chapter's footnote definitions as they are parsed.
type footnoteDefs struct {
	list    *east.FootnoteList        // every definition, in the order goldmark closes them
	byLabel map[string]*east.Footnote // the first definition of each label in list
}

func defsOf(pc parser.Context) *footnoteDefs {
	if v := pc.Get(footnotesKey); v != nil {
		return v.(*footnoteDefs)
	}
	return nil
}

// footnoteBlockParser is goldmark's definition parser; only Close, which files the definition, is ours.
type footnoteBlockParser struct{ parser.BlockParser }

func (footnoteBlockParser) Close(node gast.Node, reader text.Reader, pc parser.Context) {
	defs := defsOf(pc)
	if defs == nil {
		defs = &footnoteDefs{list: east.NewFootnoteList(), byLabel: map[string]*east.Footnote{}}
		pc.Set(footnotesKey, defs)
		node.Parent().InsertBefore(node.Parent(), node, defs.list)
	}
	node.Parent().RemoveChild(node.Parent(), node)
	defs.list.AppendChild(defs.list, node)
	fn := node.(*east.Footnote)
	if _, dup := defs.byLabel[string(fn.Ref)]; !dup {
		defs.byLabel[string(fn.Ref)] = fn
	}
}

// footnoteLabelLimit is goldmark's (and CommonMark's link label) limit on a label's length.
const footnoteLabelLimit = 999

// footnoteRefParser reads a reference `[^label]`, numbering definitions in the order of their first
// reference. It follows goldmark's parser step by step, down to advancing past a label it then
// does not find.
type footnoteRefParser struct{}

func (footnoteRefParser) Trigger() []byte { return []byte{'!', '['} }

func (footnoteRefParser) Parse(parent gast.Node, block text.Reader, pc parser.Context) gast.Node {
	line, segment := block.PeekLine()
	pos := 1
	if len(line) > 0 && line[0] == '!' {
		pos++
	}
	if pos >= len(line) || line[pos] != '^' {
		return nil
	}
	pos++
	if pos >= len(line) {
		return nil
	}
	open := pos
	closure := util.FindClosure(line[pos:min(len(line), pos+footnoteLabelLimit)], '[', ']', false, false) //nolint:staticcheck // goldmark's footnote parser uses it
	if closure < 0 {
		return nil
	}
	closes := pos + closure
	// The label lies in this line: block.Value would walk every line of the paragraph, which made
	// a paragraph of many references quadratic.
	label := line[open:closes]
	block.Advance(closes + 1)
	defs := defsOf(pc)
	if defs == nil {
		return nil
	}
	def := defs.byLabel[string(label)]
	if def == nil {
		return nil
	}
	if def.Index < 0 {
		defs.list.Count++
		def.Index = defs.list.Count
	}
	if line[0] == '!' {
		parent.AppendChild(parent, gast.NewTextSegment(text.NewSegment(segment.Start, segment.Start+1)))
	}
	return east.NewFootnoteLink(def.Index)
}

// footnoteTransformer drops unreferenced definitions and moves the list, in reference order, to the
// end of the document, as goldmark's does.
type footnoteTransformer struct{}

func (footnoteTransformer) Transform(doc *gast.Document, reader text.Reader, pc parser.Context) {
	defs := defsOf(pc)
	pc.Set(footnotesKey, nil)
	if defs == nil {
		return
	}
	list := defs.list
	var used []*east.Footnote
	for n := list.FirstChild(); n != nil; {
		next := n.NextSibling()
		if fn := n.(*east.Footnote); fn.Index < 0 {
			list.RemoveChild(list, fn)
		} else {
			used = append(used, fn)
		}
		n = next
	}
	if list.Count <= 0 {
		list.Parent().RemoveChild(list.Parent(), list)
		return
	}
	slices.SortFunc(used, func(a, b *east.Footnote) int { return a.Index - b.Index })
	for _, fn := range used {
		list.AppendChild(list, fn) // AppendChild first detaches fn from the list
	}
	doc.AppendChild(doc, list)
}
