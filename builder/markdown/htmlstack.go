package markdown

import (
	"slices"
	"strings"

	gast "github.com/yuin/goldmark/ast"
	nethtml "golang.org/x/net/html"

	"bookc/builder/tree"
)

// Raw HTML reaches the converter in pieces: an HTML block ends at a blank line, and inline HTML is
// one node per tag. An htmlStack rebuilds the elements across the pieces of one container (a
// chapter, list item or quote for blocks; a paragraph or emphasis for inlines): it reads each
// piece's tokens in order with the HTML5 tokenizer, and the Markdown between pieces lands inside
// the innermost open element. What is still open at the container's end closes there.

// maxOpen bounds how many elements are open at once. Past it a start tag counts as an element
// without meaning, its content kept, so hostile nesting costs neither depth nor time.
const maxOpen = 50

// frame is an open element and what it has gathered.
type frame struct {
	name string
	elem
	attrs  []nethtml.Attribute
	at     Pos
	buf    *inlineBuf // inline content not yet in a block; nil when there is none
	blocks tree.Blocks

	summary    tree.Inlines // details
	hasSummary bool
	caption    tree.Inlines // figure, table
	items      []*tree.ListItem
	defs       []*tree.Definition
	rows       []htmlRow       // table
	cells      []htmlCell      // tr
	text       strings.Builder // pre
	lang       string          // pre: the language of its <code>
	nested     int             // dropped: elements of its own name open inside it
}

type htmlRow struct {
	head  bool
	cells []htmlCell
}

// htmlCell holds inline content, or blocks when Markdown blocks or block elements are in it.
type htmlCell struct {
	head   bool
	align  tree.Align
	inl    tree.Inlines
	blocks tree.Blocks
}

type htmlStack struct {
	c      *converter
	frames []*frame // frames[0] is the container itself
	inline bool     // the container holds inline content: block elements cannot start in it
	node   gast.Node
	at     Pos // where the token being read is
}

func (c *converter) blockStack() *htmlStack {
	return &htmlStack{c: c, frames: []*frame{{elem: elem{kind: kBox}}}}
}

func (c *converter) inlineStack(b *inlineBuf) *htmlStack {
	return &htmlStack{c: c, frames: []*frame{{elem: elem{kInline, true}, buf: b}}, inline: true}
}

// feed reads one piece of raw HTML, goldmark node n.
func (s *htmlStack) feed(raw string, n gast.Node) {
	s.node = n
	line := s.c.line(nodePos(n))
	s.c.html.tokens(raw, func(tt nethtml.TokenType, tok nethtml.Token, newlines int) {
		s.at = s.c.env.Source.Origin(line)
		line += newlines
		switch tt {
		case nethtml.StartTagToken:
			s.start(tok.Data, tok.Attr)
		case nethtml.SelfClosingTagToken: // <a name="x"/>: XHTML habits close the element at once
			s.start(tok.Data, tok.Attr)
			if classify(tok.Data, tok.Attr).kind != kVoid {
				s.end(tok.Data)
			}
		case nethtml.EndTagToken:
			s.end(tok.Data)
		case nethtml.TextToken:
			s.text(tok.Data)
		}
	})
}

func (s *htmlStack) top() *frame { return s.frames[len(s.frames)-1] }

// nearest is the index of the innermost frame at or below i that has a meaning: wrappers pass
// their content through.
func (s *htmlStack) nearest(i int) int {
	for i > 0 && (s.frames[i].kind == kWrap || s.frames[i].kind == kFlat) {
		i--
	}
	return i
}

func (s *htmlStack) start(name string, attrs []nethtml.Attribute) {
	switch top := s.top(); top.kind {
	case kDrop:
		if name == top.name {
			top.nested++
		}
		return
	case kPre:
		switch {
		case name == "code" && top.lang == "":
			top.lang = codeLang(attr(attrs, "class"))
		case name == "br":
			top.text.WriteByte('\n')
		}
		return
	}
	e := classify(name, attrs)
	id := anchorID(name, attrs)
	switch e.kind {
	case kFlat:
		s.c.flattened(name, s.at)
	case kDrop, kVoid:
		if !quietDrops[name] && (e.kind == kDrop || name == "embed" || name == "input") {
			s.c.droppedHTML(name, s.at)
		}
	}
	e = withLang(e, attrs, s.inline)
	if s.inline && !e.phrasing && e.kind != kWrap && e.kind != kFlat && e.kind != kDrop {
		s.anchor(id) // a block cannot start inside a paragraph: its tags go, its content stays
		return
	}
	switch {
	case e.kind == kVoid:
		s.anchor(id)
		s.void(name, attrs)
		return
	case e.kind == kDrop:
		s.push(name, e, attrs)
		return
	case parts[name].containers != nil:
		if !s.openPart(name) {
			e = elem{kWrap, false} // an <li> outside a list, a <td> outside a table: its content stays
			s.blockTarget()
		}
	case e.phrasing:
		s.inlineTarget()
	default:
		s.blockTarget()
	}
	structural := e.kind >= kList && e.kind <= kRow
	if structural {
		s.anchor(id) // before the table or list, not in an implied cell
	}
	if !s.push(name, e, attrs) {
		return
	}
	if !structural && !isHeading(name) { // a heading's id is its own
		s.anchor(id)
	}
}

// push opens an element, unless maxOpen are open.
func (s *htmlStack) push(name string, e elem, attrs []nethtml.Attribute) bool {
	if len(s.frames) >= maxOpen {
		return false
	}
	f := &frame{name: name, elem: e, attrs: attrs, at: s.at}
	if e.kind == kInline || e.kind == kText {
		f.buf = s.c.inlineBuf()
	}
	s.frames = append(s.frames, f)
	return true
}

// parts are elements that belong in a container: they close their open siblings (an <li> ends
// the item before it), pass what may stand between, and need the container open.
var parts = map[string]struct{ containers, passes []string }{
	"li":      {[]string{"ul", "ol"}, []string{"li"}},
	"dt":      {[]string{"dl"}, []string{"dt", "dd"}},
	"dd":      {[]string{"dl"}, []string{"dt", "dd"}},
	"tr":      {[]string{"table", "thead", "tbody", "tfoot"}, []string{"tr", "td", "th"}},
	"td":      {[]string{"tr", "table", "thead", "tbody", "tfoot"}, []string{"td", "th"}},
	"th":      {[]string{"tr", "table", "thead", "tbody", "tfoot"}, []string{"td", "th"}},
	"thead":   {[]string{"table"}, []string{"thead", "tbody", "tfoot", "tr", "td", "th", "caption"}},
	"tbody":   {[]string{"table"}, []string{"thead", "tbody", "tfoot", "tr", "td", "th", "caption"}},
	"tfoot":   {[]string{"table"}, []string{"thead", "tbody", "tfoot", "tr", "td", "th", "caption"}},
	"caption": {[]string{"table"}, nil},
}

// openPart closes what stands above the part's container and reports whether there is one. A cell
// directly in a table gets its row implied.
func (s *htmlStack) openPart(name string) bool {
	p := parts[name]
	for i := len(s.frames) - 1; i > 0; i-- {
		f := s.frames[i]
		structural := f.kind >= kList && f.kind <= kRow
		switch {
		case structural && slices.Contains(p.containers, f.name):
			s.closeAbove(i)
			if (name == "td" || name == "th") && f.kind != kRow {
				s.pushImplied("tr")
			}
			return true
		case f.kind == kInline || f.kind == kText || f.kind == kWrap || f.kind == kFlat ||
			slices.Contains(p.passes, f.name):
		default:
			return false
		}
	}
	return false
}

func (s *htmlStack) closeAbove(i int) {
	for len(s.frames) > i+1 {
		s.pop()
	}
}

func (s *htmlStack) pop() {
	f := s.top()
	s.frames = s.frames[:len(s.frames)-1]
	s.finish(f)
}

// drain takes the blocks complete at the container's level. Inline content there becomes a
// paragraph only once no element is open, as one may still add to it.
func (s *htmlStack) drain() tree.Blocks {
	root := s.frames[0]
	if len(s.frames) == 1 {
		root.flush(s.c)
	}
	bs := root.blocks
	root.blocks = nil
	return bs
}

// closeAll closes every open element: the container ends.
func (s *htmlStack) closeAll() { s.closeAbove(0) }

// pushImplied opens the part that content inside a structure needs: a cell, an item.
func (s *htmlStack) pushImplied(name string) *frame {
	f := &frame{name: name, elem: elems[name], at: s.at}
	s.frames = append(s.frames, f)
	return f
}

// implied is the part each structure holds its content in.
var implied = map[kind]string{kList: "li", kDefs: "dd", kTable: "tr", kSection: "tr", kRow: "td"}

// content is the frame that content at the current place belongs in: the innermost meaningful
// frame, or a part implied inside a structure.
func (s *htmlStack) content() *frame {
	f := s.frames[s.nearest(len(s.frames)-1)]
	for {
		name, ok := implied[f.kind]
		if !ok {
			return f
		}
		f = s.pushImplied(name)
	}
}

// inlineTarget is where inline content goes now: nowhere inside a dropped element, whose end
// comes at the container's end at the latest.
func (s *htmlStack) inlineTarget() *inlineBuf {
	if s.top().kind == kDrop {
		return s.c.inlineBuf()
	}
	f := s.content()
	if f.buf == nil {
		f.buf = s.c.inlineBuf()
	}
	return f.buf
}

// blockTarget is where a block goes now: open inline elements and paragraphs end before it, as in
// HTML, so an unclosed <b> or <p> never swallows what follows.
func (s *htmlStack) blockTarget() *frame {
	for len(s.frames) > 1 {
		top := s.top()
		if !top.phrasing && top.kind != kText && top.kind != kPre && top.kind != kDrop {
			break
		}
		s.pop()
	}
	return s.content()
}

func (s *htmlStack) addBlock(b tree.Block) { s.blockTarget().addBlock(s.c, b) }

// addBlocks places Markdown blocks that stand between pieces of HTML.
func (s *htmlStack) addBlocks(bs tree.Blocks) {
	for _, b := range bs {
		s.addBlock(b)
	}
}

func (s *htmlStack) end(name string) {
	switch top := s.top(); {
	case top.kind == kDrop:
		if name == top.name {
			if top.nested > 0 {
				top.nested--
			} else {
				s.pop()
			}
		}
		return
	case top.kind == kPre && name != "pre":
		return
	}
	for i := len(s.frames) - 1; i > 0; i-- {
		if s.frames[i].name == name {
			s.closeAbove(i - 1)
			return
		}
	}
	// a stray end tag closes nothing
}

func (s *htmlStack) text(t string) {
	switch top := s.top(); top.kind {
	case kDrop:
		return
	case kPre:
		top.text.WriteString(t)
		return
	}
	t = collapseSpace(t)
	if strings.TrimSpace(t) == "" {
		f := s.frames[s.nearest(len(s.frames)-1)]
		if f.buf == nil || implied[f.kind] != "" {
			return // no paragraph starts with a space; a structure's spacing is no content
		}
	}
	s.inlineTarget().addText(t)
}

// anchor puts a link target where the element stands. It goes in the inline content; a
// paragraph of nothing but targets becomes targets between blocks.
func (s *htmlStack) anchor(id string) {
	if id == "" {
		return
	}
	s.inlineTarget().add(s.c.anchor(id))
}

func (s *htmlStack) void(name string, attrs []nethtml.Attribute) {
	switch name {
	case "br":
		s.inlineTarget().add(&tree.LineBreak{})
	case "img":
		src := strings.TrimSpace(attr(attrs, "src"))
		if src == "" {
			return
		}
		img := s.c.imageAt(s.at, src, attr(attrs, "alt"), attr(attrs, "title"))
		img.Width = imageWidth(attrs)
		s.inlineTarget().add(img)
	case "hr":
		if !s.inline {
			s.addBlock(&tree.ThematicBreak{})
		}
	}
}

// codeLang is the language a <code class="language-rust"> names, as mdBook's highlighter reads it.
func codeLang(class string) string {
	for _, c := range strings.Fields(class) {
		if l, ok := strings.CutPrefix(c, "language-"); ok {
			return l
		}
	}
	return ""
}

func isHeading(name string) bool {
	return len(name) == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6'
}
