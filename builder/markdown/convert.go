// Package markdown turns one chapter's Markdown into document-tree blocks. It is the only place that
// knows goldmark: it parses once, with mdBook's extensions, and converts goldmark's AST node by node.
package markdown

import (
	"bytes"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

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
	Note    bool   // Problem is a note: the link is as its author meant it, nothing to fix here
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
	Anchors   []*tree.Anchor  // every HTML id, in order, with chapter-local IDs unique among the headings'
	Refs      []Ref
	Diags     diag.List
}

// Convert parses the chapter's expanded text and converts it.
func Convert(env Env) *Result { return convertWith(env).res }

// convertWith is Convert, with the converter that did it.
func convertWith(env Env) *converter {
	src := []byte(env.Source.Text)
	doc := md.Parser().Parse(text.NewReader(src))
	c := &converter{env: env, src: src, res: &Result{}, ids: map[string]int{}, next: map[string]int{}, reported: map[string]bool{}, texts: newTextArena(doc, src)}
	c.lineStarts = lineStarts(src)
	c.res.Blocks = c.blocks(doc)
	sort.Slice(c.res.Footnotes, func(i, j int) bool { return c.res.Footnotes[i].Number < c.res.Footnotes[j].Number })
	return c
}

type converter struct {
	env        Env
	src        []byte
	res        *Result
	lineStarts []int
	ids        map[string]int  // chapter-local heading IDs in use: how often each was asked for
	next       map[string]int  // where uniqueID's search for a free suffix of an ID goes on
	reported   map[string]bool // raw HTML elements flattened or dropped, reported once a chapter
	html       htmlTokens      // reads every piece of raw HTML in the chapter
	texts      textArena       // the chapter's Text nodes

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

// at is where a node starts, for the block made of it.
func (c *converter) at(n gast.Node) tree.At {
	p := c.pos(nodePos(n))
	return tree.At{File: p.File, Line: p.Line}
}

// pos maps a byte offset of the expanded text to its origin.
func (c *converter) pos(offset int) Pos { return c.env.Source.Origin(c.line(offset)) }

// line is the 1-based line of the expanded text that holds a byte offset.
func (c *converter) line(offset int) int {
	if offset < 0 {
		offset = 0
	}
	return sort.Search(len(c.lineStarts), func(i int) bool { return c.lineStarts[i] > offset })
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
	var html *htmlStack // raw HTML elements open among these blocks
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		var bs tree.Blocks
		switch h, isHTML := ch.(*gast.HTMLBlock); {
		case c.depth > maxDepth && nests(ch):
			c.tooDeep(&c.deepBlocks, c.pos(nodePos(ch)), "lists and quotes are nested deeper than %[1]d levels; "+
				"the deeper levels are kept as a paragraph of plain text (nest them less deeply)")
			if text := strings.TrimSpace(c.flatText(ch)); text != "" {
				bs = tree.Blocks{&tree.Paragraph{Content: tree.Inlines{&tree.Text{Text: text}}}}
			}
		case isHTML:
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
			if h.HasClosure() {
				raw += string(h.ClosureLine.Value(c.src))
			}
			if html == nil {
				html = c.blockStack()
			}
			html.feed(raw, h)
		default:
			bs = c.block(ch)
		}
		if html == nil {
			seq = appendItems(seq, bs)
			continue
		}
		html.addBlocks(bs)
		seq = appendItems(seq, html.drain())
	}
	if html != nil {
		html.closeAll()
		seq = appendItems(seq, html.drain())
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
		h := c.heading(n)
		h.At = c.at(n)
		return tree.Blocks{h}
	case *gast.Paragraph, *gast.TextBlock:
		bs := c.paragraph(n)
		for _, b := range bs {
			if p, ok := b.(*tree.Paragraph); ok {
				p.At = c.at(n)
			}
		}
		return bs
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
	case *east.Table:
		return tree.Blocks{c.table(n)}
	case *east.DefinitionList:
		return tree.Blocks{c.definitionList(n)}
	case *east.FootnoteList:
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			if f, ok := ch.(*east.Footnote); ok && f.Index > 0 {
				c.res.Footnotes = append(c.res.Footnotes, c.footnote(f))
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

func (c *converter) paragraph(n gast.Node) tree.Blocks { return c.paraBlocks(c.inlines(n)) }

// paraBlocks makes the blocks of a paragraph's content: nothing, link targets alone, a figure for
// an image alone (captioned by its title: the alt text stays the image's), or a paragraph.
func (c *converter) paraBlocks(content tree.Inlines) tree.Blocks {
	if len(content) == 0 {
		return nil
	}
	if as, ok := onlyAnchors(content); ok {
		return as
	}
	if img, ok := soleImage(content); ok {
		f := &tree.Figure{Image: img}
		if img.Title != "" {
			f.Caption = tree.Inlines{&tree.Text{Text: img.Title}}
		}
		return tree.Blocks{f}
	}
	return tree.Blocks{&tree.Paragraph{Content: content}}
}

func onlyAnchors(is tree.Inlines) (tree.Blocks, bool) {
	var out tree.Blocks
	for _, in := range is {
		switch n := in.(type) {
		case *tree.Anchor:
			out = append(out, n)
		case *tree.Text:
			if strings.TrimSpace(n.Text) != "" {
				return nil, false
			}
		default:
			return nil, false
		}
	}
	return out, len(out) > 0
}

var figureRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^Figure\s+\d+\b`) })

// appendBlock appends b, unless b is a paragraph starting "Figure N" right after a figure without
// a caption: then it is that figure's caption.
func appendBlock(bs tree.Blocks, b tree.Block) tree.Blocks {
	if len(bs) > 0 && captions(bs[len(bs)-1], b) {
		return bs
	}
	return append(bs, b)
}

func appendItems(seq []item, bs tree.Blocks) []item {
	for _, b := range bs {
		if len(seq) > 0 && captions(seq[len(seq)-1].block, b) {
			continue
		}
		seq = append(seq, item{block: b})
	}
	return seq
}

func captions(prev, b tree.Block) bool {
	f, ok := prev.(*tree.Figure)
	p, isPara := b.(*tree.Paragraph)
	if !ok || !isPara || len(f.Caption) > 0 || !figureRE().MatchString(tree.PlainText(p.Content)) {
		return false
	}
	f.Caption = p.Content
	return true
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
	content := c.inlines(n)
	id := ""
	if v, ok := n.AttributeString("id"); ok {
		if b, ok := v.([]byte); ok {
			id = string(b)
		}
	}
	var classes []string
	if v, ok := n.AttributeString("class"); ok {
		if b, ok := v.([]byte); ok {
			classes = strings.Fields(string(b))
		}
	}
	return c.newHeading(n.Level, content, id, classes)
}

// newHeading makes a heading with an ID unique in the chapter: id, or else a slug of its text.
func (c *converter) newHeading(level int, content tree.Inlines, id string, classes []string) *tree.Heading {
	h := &tree.Heading{Level: level, Classes: classes, Content: content}
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

// anchor makes a link target of an HTML id, unique in the chapter among heading IDs and other
// targets as a heading's is: a link to a name that both use goes to the first.
func (c *converter) anchor(id string) *tree.Anchor {
	a := &tree.Anchor{ID: c.uniqueID(id)}
	c.res.Anchors = append(c.res.Anchors, a)
	return a
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
