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

	"bookc/builder/tree"
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

// footnoteTransformer moves the list, in reference order, to the end of the document, as goldmark's
// does. Unlike goldmark's, it keeps a definition that nothing references: numbered after the
// referenced ones, in the order they are defined, and marked, for the converter to warn of it.
// Further definitions of a label are dropped, as goldmark and mdBook drop them.
type footnoteTransformer struct{}

// unreferenced marks a footnote definition that nothing references.
var unreferenced = []byte("bookc-unreferenced")

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
		switch fn := n.(*east.Footnote); {
		case defs.byLabel[string(fn.Ref)] != fn:
			list.RemoveChild(list, fn)
		case fn.Index < 0:
			list.Count++
			fn.Index = list.Count
			fn.SetAttribute(unreferenced, true)
			used = append(used, fn)
		default:
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

// footnote converts a definition. One that nothing references is still shown, with the others
// at the chapter's end, and warned of as mdBook warns ("is defined but not referenced").
func (c *converter) footnote(f *east.Footnote) *tree.Footnote {
	fn := &tree.Footnote{Number: f.Index, ID: c.footnoteID(f.Index), Blocks: c.blocks(f)}
	if _, ok := f.Attribute(unreferenced); ok {
		fn.Unreferenced = true
		c.warn(f, "footnote [^%s] is defined but not referenced; it is shown at the chapter's end with the other notes, though no mark in the text points to it (reference it with [^%s] where it belongs, or remove it)", f.Ref, f.Ref)
	}
	return fn
}
