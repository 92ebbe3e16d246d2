package markdown

import (
	gast "github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Definition lists as mdBook (pulldown-cmark) reads them: the ':' of a definition may be indented
// by up to three spaces ("  : definition" is the form mdBook's own guide uses). goldmark's extension
// accepts column 0 only; these two parsers are its own with that one condition relaxed, and they
// build goldmark's definition-list nodes.

type defListParser struct{}

func (defListParser) Trigger() []byte { return []byte{':'} }

func (defListParser) Open(parent gast.Node, reader text.Reader, pc parser.Context) (gast.Node, parser.State) {
	if _, ok := parent.(*east.DefinitionList); ok {
		return nil, parser.NoChildren
	}
	line, _ := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || line[pos] != ':' || pc.BlockIndent() > 3 {
		return nil, parser.NoChildren
	}
	last := parent.LastChild()
	w, _ := util.IndentWidth(line[pos+1:], pos+1)
	if w < 1 { // a ':' must be followed by space
		return nil, parser.NoChildren
	}
	if w >= 8 { // the definition starts with indented code
		w = 5
	}
	w += pos + 1
	para, lastIsParagraph := last.(*gast.Paragraph)
	status := parser.HasChildren
	switch list, ok := last.(*east.DefinitionList); {
	case lastIsParagraph:
		if prev, ok := last.PreviousSibling().(*east.DefinitionList); ok { // a further term
			prev.Offset = w
			prev.TemporaryParagraph = para
			return prev, status
		}
		return east.NewDefinitionList(w, para), status | parser.RequireParagraph
	case ok: // a further definition of the same term
		list.Offset = w
		list.TemporaryParagraph = nil
		return list, status
	}
	return nil, parser.NoChildren
}

func (defListParser) Continue(node gast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, _ := reader.PeekLine()
	if util.IsBlank(line) {
		return parser.Continue | parser.HasChildren
	}
	list := node.(*east.DefinitionList)
	w, _ := util.IndentWidth(line, reader.LineOffset())
	if w < list.Offset {
		return parser.Close // Open takes the list up again if a further definition follows
	}
	pos, padding := util.IndentPosition(line, reader.LineOffset(), list.Offset)
	reader.AdvanceAndSetPadding(pos, padding)
	return parser.Continue | parser.HasChildren
}

func (defListParser) Close(gast.Node, text.Reader, parser.Context) {}
func (defListParser) CanInterruptParagraph() bool                  { return true }
func (defListParser) CanAcceptIndentedLine() bool                  { return false }

type defDescriptionParser struct{}

func (defDescriptionParser) Trigger() []byte { return []byte{':'} }

func (defDescriptionParser) Open(parent gast.Node, reader text.Reader, pc parser.Context) (gast.Node, parser.State) {
	line, _ := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || line[pos] != ':' || pc.BlockIndent() > 3 {
		return nil, parser.NoChildren
	}
	list, _ := parent.(*east.DefinitionList)
	if list == nil {
		return nil, parser.NoChildren
	}
	if para := list.TemporaryParagraph; para != nil {
		list.TemporaryParagraph = nil
		lines := para.Lines()
		for i := 0; i < lines.Len(); i++ {
			term := east.NewDefinitionTerm()
			seg := lines.At(i)
			term.Lines().Append(seg.TrimRightSpace(reader.Source()))
			list.AppendChild(list, term)
		}
		para.Parent().RemoveChild(para.Parent(), para)
	}
	cpos, padding := util.IndentPosition(line[pos+1:], pos+1, list.Offset-pos-1)
	reader.AdvanceAndSetPadding(pos+cpos+1, padding) // past the indent, the ':' and its space
	return east.NewDefinitionDescription(), parser.HasChildren
}

func (defDescriptionParser) Continue(gast.Node, text.Reader, parser.Context) parser.State {
	return parser.Continue | parser.HasChildren // the list parser decides where a description ends
}

func (defDescriptionParser) Close(node gast.Node, reader text.Reader, pc parser.Context) {
	desc := node.(*east.DefinitionDescription)
	desc.IsTight = !desc.HasBlankPreviousLines()
}

func (defDescriptionParser) CanInterruptParagraph() bool { return true }
func (defDescriptionParser) CanAcceptIndentedLine() bool { return false }

// definitionLists registers the parsers where goldmark's extension would.
var definitionLists = parser.WithBlockParsers(
	util.Prioritized(defListParser{}, 101),
	util.Prioritized(defDescriptionParser{}, 102),
)
