// Package markdown turns one chapter's Markdown into document-tree blocks. It is the only place that
// knows goldmark: it parses once, with mdBook's extensions, and converts goldmark's AST node by node.
package markdown

import (
	"bytes"
	"sort"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"bookc/builder/diag"
	"bookc/builder/include"
	"bookc/builder/tree"
)

// md is safe for concurrent use: goldmark keeps parse state in a per-call context.
var md = newMarkdown(footnotes)

// newMarkdown is goldmark with mdBook's extensions; notes is our footnote extension, or goldmark's
// when tests compare the two.
func newMarkdown(notes goldmark.Extender) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(
			extension.GFM, // tables, strikethrough, task lists, autolinks
			notes,
			extension.NewTypographer(extension.WithTypographicSubstitutions(map[extension.TypographicPunctuation]string{
				// Unicode characters, never HTML entities: every backend gets text it can print as is.
				extension.LeftSingleQuote: "‘", extension.RightSingleQuote: "’",
				extension.LeftDoubleQuote: "“", extension.RightDoubleQuote: "”",
				extension.EnDash: "–", extension.EmDash: "—", extension.Ellipsis: "…",
				extension.LeftAngleQuote: "«", extension.RightAngleQuote: "»",
				extension.Apostrophe: "’",
			})),
		),
		goldmark.WithParserOptions(parser.WithHeadingAttribute(), definitionLists),
	)
}

// Target is what a link destination points at, as the builder resolved it.
type Target struct {
	URL     string // an external URL; empty for cross-references
	Chapter string // the target chapter's ID for a cross-reference
	Anchor  string // the heading anchor as written in the source (chapter-local)
	Problem string // non-empty: the link cannot be resolved; the message says why
}

// Env is what the converter needs to know of the rest of the book.
type Env struct {
	ChapterID string
	Roles     []string                             // roles that markers may name
	HideLines map[string]string                    // code language -> prefix of hidden lines (book.toml)
	Resolve   func(dest string) Target             // link destinations
	Image     func(src string, at Pos) *tree.Asset // loads an image, reporting problems itself
	Source    *include.Result                      // the chapter's expanded text and line origins
	Highlight bool                                 // lex code blocks into tokens
}

// Pos is a place in the source, for diagnostics.
type Pos = include.Origin

// Ref is a cross-reference whose anchor the builder still has to check against the whole book.
type Ref struct {
	XRef *tree.XRef
	At   Pos
}

// Result is a converted chapter.
type Result struct {
	Blocks    tree.Blocks
	Footnotes []*tree.Footnote
	Headings  []*tree.Heading // every heading, in order, with chapter-local IDs
	Refs      []Ref
	Diags     diag.List
}

// Convert parses the chapter's expanded text and converts it.
func Convert(env Env) *Result {
	src := []byte(env.Source.Text)
	doc := md.Parser().Parse(text.NewReader(src))
	c := &converter{env: env, src: src, res: &Result{}, ids: map[string]int{}, next: map[string]int{}}
	c.lineStarts = lineStarts(src)
	c.res.Blocks = c.blocks(doc)
	sort.Slice(c.res.Footnotes, func(i, j int) bool { return c.res.Footnotes[i].Number < c.res.Footnotes[j].Number })
	return c.res
}

type converter struct {
	env        Env
	src        []byte
	res        *Result
	lineStarts []int
	ids        map[string]int // chapter-local heading IDs in use: how often each was asked for
	next       map[string]int // where uniqueID's search for a free suffix of an ID goes on

	depth, inlineDepth                   int  // containers and inline markup around the node being converted
	deepBlocks, deepInlines, deepMarkers bool // nesting cut at maxDepth has been reported
}

func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// pos maps a byte offset of the expanded text to its origin.
func (c *converter) pos(offset int) Pos {
	if offset < 0 {
		offset = 0
	}
	line := sort.Search(len(c.lineStarts), func(i int) bool { return c.lineStarts[i] > offset })
	return c.env.Source.Origin(line)
}

// nodePos finds the offset of a node, looking at its first descendants and then its ancestors,
// since goldmark records positions on some node kinds only.
func nodePos(n gast.Node) int {
	for m := n; m != nil; m = m.Parent() {
		if p := m.Pos(); p >= 0 {
			return p
		}
		if m.Type() == gast.TypeBlock && m.Lines().Len() > 0 {
			return m.Lines().At(0).Start
		}
		for ch := m.FirstChild(); ch != nil; ch = ch.FirstChild() {
			if p := ch.Pos(); p >= 0 {
				return p
			}
			if t, ok := ch.(*gast.Text); ok {
				return t.Segment.Start
			}
		}
	}
	return 0
}

func (c *converter) warn(n gast.Node, format string, a ...any) {
	p := c.pos(nodePos(n))
	c.res.Diags.Add(diag.Warnf(p.File, p.Line, format, a...))
}

func (c *converter) errorAt(p Pos, format string, a ...any) {
	c.res.Diags.Add(diag.Errorf(p.File, p.Line, format, a...))
}

// blocks converts the block children of n and applies the role markers among them. Below maxDepth
// containers it stops recursing: a deeper container becomes a paragraph of its text.
func (c *converter) blocks(n gast.Node) tree.Blocks {
	c.depth++
	defer func() { c.depth-- }()
	var seq []item
	marked := false
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if c.depth > maxDepth && nests(ch) {
			c.tooDeep(&c.deepBlocks, c.pos(nodePos(ch)), "lists and quotes are nested deeper than %[1]d levels; "+
				"the deeper levels are kept as a paragraph of plain text (nest them less deeply)")
			if text := strings.TrimSpace(c.flatText(ch)); text != "" {
				seq = append(seq, item{block: &tree.Paragraph{Content: tree.Inlines{&tree.Text{Text: text}}}})
			}
			continue
		}
		if h, ok := ch.(*gast.HTMLBlock); ok {
			raw := c.lines(h)
			if m, ok := parseMarker(raw); ok {
				m.at = c.pos(nodePos(h))
				seq = append(seq, item{mark: m})
				marked = true
				continue
			}
			if isComment(raw) {
				continue // invisible in mdBook's HTML, so in ours too
			}
		}
		for _, b := range c.block(ch) {
			seq = append(seq, item{block: b})
		}
	}
	if marked {
		return c.applyMarkers(seq)
	}
	out := make(tree.Blocks, len(seq))
	for i, it := range seq {
		out[i] = it.block
	}
	return out
}

// lines returns a block's raw source lines.
func (c *converter) lines(n gast.Node) string {
	var buf bytes.Buffer
	ls := n.Lines()
	for i := 0; i < ls.Len(); i++ {
		seg := ls.At(i)
		buf.Write(seg.Value(c.src))
	}
	return buf.String()
}

func (c *converter) block(n gast.Node) tree.Blocks {
	switch n := n.(type) {
	case *gast.Heading:
		return tree.Blocks{c.heading(n)}
	case *gast.Paragraph, *gast.TextBlock:
		return c.paragraph(n)
	case *gast.List:
		return tree.Blocks{c.list(n)}
	case *gast.FencedCodeBlock:
		info := ""
		if n.Info != nil {
			info = string(n.Info.Segment.Value(c.src))
		}
		return tree.Blocks{c.codeBlock(n, info, c.lines(n))}
	case *gast.CodeBlock:
		return tree.Blocks{c.codeBlock(n, "", c.lines(n))}
	case *gast.Blockquote:
		if kind, ok := c.alert(n); ok {
			return tree.Blocks{&tree.Admonition{Kind: kind, Blocks: c.blocks(n)}}
		}
		return tree.Blocks{&tree.Quote{Blocks: c.blocks(n)}}
	case *gast.ThematicBreak:
		return tree.Blocks{&tree.ThematicBreak{}}
	case *gast.HTMLBlock:
		return c.htmlBlock(n)
	case *east.Table:
		return tree.Blocks{c.table(n)}
	case *east.DefinitionList:
		return tree.Blocks{c.definitionList(n)}
	case *east.FootnoteList:
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			if f, ok := ch.(*east.Footnote); ok && f.Index > 0 {
				c.res.Footnotes = append(c.res.Footnotes, &tree.Footnote{
					Number: f.Index, ID: c.footnoteID(f.Index), Blocks: c.blocks(f)})
			}
		}
		return nil
	case *gast.LinkReferenceDefinition:
		return nil
	default:
		// An extension node we did not ask for: keep its text rather than lose words.
		if n.Type() == gast.TypeBlock && n.HasChildren() {
			return c.blocks(n)
		}
		return nil
	}
}

func (c *converter) footnoteID(index int) string {
	return "fn-" + c.env.ChapterID + "-" + strconv.Itoa(index)
}

func (c *converter) paragraph(n gast.Node) tree.Blocks {
	content := c.inlines(n)
	if len(content) == 0 {
		return nil
	}
	// An image alone in its paragraph is a figure, captioned by its title or else its alt text.
	if img, ok := soleImage(content); ok {
		caption := img.Title
		if caption == "" {
			caption = img.Alt
		}
		var cap tree.Inlines
		if caption != "" {
			cap = tree.Inlines{&tree.Text{Text: caption}}
		}
		return tree.Blocks{&tree.Figure{Image: img, Caption: cap}}
	}
	return tree.Blocks{&tree.Paragraph{Content: content}}
}

func soleImage(is tree.Inlines) (*tree.Image, bool) {
	var img *tree.Image
	for _, in := range is {
		switch n := in.(type) {
		case *tree.Image:
			if img != nil {
				return nil, false
			}
			img = n
		case *tree.Text:
			if strings.TrimSpace(n.Text) != "" {
				return nil, false
			}
		default:
			return nil, false
		}
	}
	return img, img != nil
}

func (c *converter) heading(n *gast.Heading) *tree.Heading {
	h := &tree.Heading{Level: n.Level, Content: c.inlines(n)}
	id := ""
	if v, ok := n.AttributeString("id"); ok {
		if b, ok := v.([]byte); ok {
			id = string(b)
		}
	}
	if v, ok := n.AttributeString("class"); ok {
		if b, ok := v.([]byte); ok {
			h.Classes = strings.Fields(string(b))
		}
	}
	if id == "" {
		id = Slug(tree.PlainText(h.Content))
		if id == "" {
			id = "section"
		}
	}
	h.ID = c.uniqueID(id)
	c.res.Headings = append(c.res.Headings, h)
	return h
}

// uniqueID makes an anchor unique in the chapter as mdBook does: "x", "x-1", "x-2". The n-th
// request for x tries suffixes from n on; since a taken ID stays taken, the search goes on where the
// last one for x stopped, which keeps many equal headings linear.
func (c *converter) uniqueID(id string) string {
	n, used := c.ids[id]
	c.ids[id] = n + 1
	if !used {
		return id
	}
	for n = max(n, c.next[id]); ; n++ {
		cand := id + "-" + strconv.Itoa(n)
		if _, taken := c.ids[cand]; !taken {
			c.ids[cand] = 1
			c.next[id] = n + 1
			return cand
		}
	}
}

func (c *converter) list(n *gast.List) *tree.List {
	l := &tree.List{Ordered: n.IsOrdered(), Tight: n.IsTight}
	if l.Ordered {
		l.Start = n.Start
	}
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		item := &tree.ListItem{}
		if first := ch.FirstChild(); first != nil {
			if box, ok := first.FirstChild().(*east.TaskCheckBox); ok {
				item.Task = tree.Unchecked
				if box.IsChecked {
					item.Task = tree.Checked
				}
				first.RemoveChild(first, box)
			}
		}
		item.Blocks = c.blocks(ch)
		l.Items = append(l.Items, item)
	}
	return l
}

func (c *converter) table(n *east.Table) *tree.Table {
	t := &tree.Table{}
	for _, a := range n.Alignments {
		t.Align = append(t.Align, map[east.Alignment]tree.Align{
			east.AlignLeft: tree.AlignLeft, east.AlignCenter: tree.AlignCenter, east.AlignRight: tree.AlignRight,
		}[a])
	}
	row := func(r gast.Node) []tree.Inlines {
		cells := make([]tree.Inlines, 0, len(t.Align))
		for cell := r.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, c.inlines(cell))
		}
		for len(cells) < len(t.Align) {
			cells = append(cells, tree.Inlines{})
		}
		return cells[:len(t.Align)]
	}
	for r := n.FirstChild(); r != nil; r = r.NextSibling() {
		if _, ok := r.(*east.TableHeader); ok {
			t.Header = row(r)
		} else {
			t.Rows = append(t.Rows, row(r))
		}
	}
	return t
}

func (c *converter) definitionList(n *east.DefinitionList) *tree.DefinitionList {
	dl := &tree.DefinitionList{}
	var cur *tree.Definition
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch ch := ch.(type) {
		case *east.DefinitionTerm:
			cur = &tree.Definition{Term: c.inlines(ch)}
			dl.Items = append(dl.Items, cur)
		case *east.DefinitionDescription:
			if cur == nil {
				cur = &tree.Definition{}
				dl.Items = append(dl.Items, cur)
			}
			cur.Definitions = append(cur.Definitions, c.blocks(ch))
		}
	}
	return dl
}

// alert recognises a GitHub alert, `> [!NOTE]` on the quote's first line, and removes the marker.
func (c *converter) alert(q *gast.Blockquote) (tree.AdmonitionKind, bool) {
	para := q.FirstChild()
	if para == nil || para.Kind() != gast.KindParagraph {
		return "", false
	}
	var sb strings.Builder
	var marker []gast.Node
	for ch := para.FirstChild(); ch != nil; ch = ch.NextSibling() {
		t, ok := ch.(*gast.Text)
		if !ok {
			return "", false
		}
		sb.Write(t.Segment.Value(c.src))
		marker = append(marker, t)
		if t.SoftLineBreak() || t.HardLineBreak() || ch.NextSibling() == nil {
			break
		}
	}
	word := strings.TrimSpace(sb.String())
	if !strings.HasPrefix(word, "[!") || !strings.HasSuffix(word, "]") {
		return "", false
	}
	kind := tree.AdmonitionKind(strings.ToLower(word[2 : len(word)-1]))
	switch kind {
	case tree.Note, tree.Tip, tree.Important, tree.Warning, tree.Caution:
	default:
		return "", false
	}
	for _, m := range marker {
		para.RemoveChild(para, m)
	}
	if !para.HasChildren() {
		q.RemoveChild(q, para)
	}
	return kind, true
}
