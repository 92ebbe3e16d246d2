package markdown

import (
	"slices"
	"strings"

	"bookc/builder/tree"
)

// finish turns a closed element into tree nodes and hands them to the element it stood in.
func (s *htmlStack) finish(f *frame) {
	switch f.kind {
	case kInline:
		s.finishInline(f)
	case kText:
		s.finishText(f, trimSpace(f.buf.done()))
	case kBox:
		s.finishBox(f)
	case kPre:
		s.addBlock(s.c.codeBlock(s.node, f.lang, strings.TrimPrefix(f.text.String(), "\n")))
	default:
		s.finishStructure(f)
	}
}

// finishInline places a closed inline element: its node, in the passage its lang and dir give.
func (s *htmlStack) finishInline(f *frame) {
	content := f.buf.done()
	if len(content) == 0 {
		return
	}
	dest := s.inlineTarget()
	p := s.c.passageOf(f)
	if p.none() && f.name == "a" && !passes(f.name, f.attrs) {
		s.c.link(dest, f.at, attr(f.attrs, "href"), attr(f.attrs, "title"), content)
		return
	}
	node := s.c.inlineBuf()
	switch {
	case passes(f.name, f.attrs): // a span: its content is all it has
		node.addInlines(content)
	case f.name == "a":
		s.c.link(node, f.at, attr(f.attrs, "href"), attr(f.attrs, "title"), content)
	default:
		node.add(styledNode(f.name, content))
	}
	dest.addInlines(p.inlines(node.done()))
}

// finishStructure places a closed list, definition list, table or row, in the passage its lang and
// dir give.
func (s *htmlStack) finishStructure(f *frame) {
	var bs tree.Blocks
	switch f.kind {
	case kList:
		if len(f.items) > 0 {
			l := &tree.List{Ordered: f.name == "ol", Tight: true, Items: f.items}
			if l.Ordered {
				l.Start = 1
				if n, err := parseStart(attr(f.attrs, "start")); err == nil {
					l.Start = n
				}
			}
			for _, it := range f.items {
				if len(it.Blocks) > 1 {
					l.Tight = false
				}
			}
			bs = tree.Blocks{l}
		}
	case kDefs:
		if len(f.defs) > 0 {
			bs = tree.Blocks{&tree.DefinitionList{Items: f.defs}}
		}
	case kTable:
		bs = s.c.paraBlocks(f.caption)
		if t := htmlTable(f.rows); t != nil {
			bs = append(bs, t)
		}
	case kRow:
		i := s.nearest(len(s.frames) - 1)
		row := htmlRow{cells: f.cells}
		if sec := s.frames[i]; sec.kind == kSection {
			row.head = sec.name == "thead"
			i = s.nearest(i - 1)
		}
		if t := s.frames[i]; t.kind == kTable && len(row.cells) > 0 {
			t.rows = append(t.rows, row)
		}
	}
	// wrappers have passed their content on; dropped elements and sections keep nothing
	s.c.passageOf(f).blocks(bs)
	for _, b := range bs {
		s.addBlock(b)
	}
}

// finishText places a closed element of inline content: a heading, paragraph, summary, term or
// caption.
func (s *htmlStack) finishText(f *frame, content tree.Inlines) {
	under := s.frames[s.nearest(len(s.frames)-1)]
	p := s.c.passageOf(f)
	if !isHeading(f.name) && f.name != "p" || len(content) == 0 {
		content = p.inlines(content)
	}
	switch {
	case isHeading(f.name):
		if len(content) > 0 {
			h := s.c.newHeading(int(f.name[1]-'0'), content, strings.TrimSpace(attr(f.attrs, "id")), strings.Fields(attr(f.attrs, "class")))
			h.Content = p.inlines(h.Content) // after its id is made of its text
			s.addBlock(h)
		}
	case f.name == "summary" && under.name == "details" && !under.hasSummary:
		under.summary, under.hasSummary = content, true
	case f.name == "figcaption" && under.name == "figure" && under.caption == nil:
		under.caption = content
	case f.name == "caption" && under.kind == kTable:
		under.caption = content
	case f.name == "dt" && under.kind == kDefs:
		under.defs = append(under.defs, &tree.Definition{Term: content})
	default:
		bs := s.c.paraBlocks(content) // a figure is found in the content as written
		p.blocks(bs)
		for _, b := range bs {
			s.addBlock(b)
		}
	}
}

// finishBox places a closed element of blocks.
func (s *htmlStack) finishBox(f *frame) {
	under := s.frames[s.nearest(len(s.frames)-1)]
	p := s.c.passageOf(f)
	switch {
	case (f.name == "td" || f.name == "th") && under.kind == kRow:
		cell := htmlCell{head: f.name == "th", align: cellAlign(f.attrs)}
		if len(f.blocks) == 0 && f.buf != nil {
			cell.inl = p.inlines(trimSpace(f.buf.done()))
		} else {
			f.flush(s.c)
			cell.blocks = f.blocks
			p.blocks(cell.blocks)
		}
		under.cells = append(under.cells, cell)
		return
	}
	f.flush(s.c)
	p.blocks(f.blocks)
	f.summary, f.caption = p.inlines(f.summary), p.inlines(f.caption)
	switch {
	case f.name == "li" && under.kind == kList:
		under.items = append(under.items, &tree.ListItem{Blocks: f.blocks})
	case f.name == "dd" && under.kind == kDefs:
		if len(under.defs) == 0 {
			under.defs = append(under.defs, &tree.Definition{})
		}
		d := under.defs[len(under.defs)-1]
		d.Definitions = append(d.Definitions, f.blocks)
	case f.name == "blockquote":
		s.addBlock(&tree.Quote{Blocks: f.blocks})
	case f.name == "details":
		s.addBlock(&tree.Details{Summary: f.summary, Blocks: f.blocks})
	case f.name == "div" && hasClass(f.attrs, "warning"): // mdBook's own admonition
		s.addBlock(&tree.Admonition{Kind: tree.Warning, Blocks: f.blocks})
	case f.name == "figure":
		s.finishFigure(f)
	default: // a part whose container went away
		for _, b := range f.blocks {
			s.addBlock(b)
		}
	}
}

// finishFigure captions the figure a <figure> holds with its <figcaption>. A <figure> of other
// content keeps it, the caption as a paragraph after it.
func (s *htmlStack) finishFigure(f *frame) {
	if len(f.blocks) == 1 {
		if fig, ok := f.blocks[0].(*tree.Figure); ok {
			if len(f.caption) > 0 {
				fig.Caption = f.caption
			}
			s.addBlock(fig)
			return
		}
	}
	for _, b := range f.blocks {
		s.addBlock(b)
	}
	for _, b := range s.c.paraBlocks(f.caption) {
		s.addBlock(b)
	}
}

// addBlock adds a block to a frame, after the inline content gathered before it.
func (f *frame) addBlock(c *converter, b tree.Block) {
	f.flush(c)
	f.blocks = appendBlock(f.blocks, b)
}

// flush turns the frame's pending inline content into blocks.
func (f *frame) flush(c *converter) {
	if f.buf == nil {
		return
	}
	content := trimSpace(f.buf.done())
	f.buf = nil
	for _, b := range c.paraBlocks(content) {
		f.blocks = appendBlock(f.blocks, b)
	}
}

// htmlTable makes a table node of an HTML table's rows, nil for a table without cells. Its first
// row is the header when it is in <thead> or all <th>. Cells of one paragraph hold its inlines; a
// table with any other block in a cell holds blocks in every cell.
func htmlTable(rows []htmlRow) *tree.Table {
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r.cells))
	}
	if cols == 0 {
		return nil
	}
	inline := true
	for _, r := range rows {
		for _, cell := range r.cells {
			if _, ok := cellInlines(cell); !ok {
				inline = false
			}
		}
	}
	var head *htmlRow
	if r := rows[0]; r.head || allHead(r.cells) {
		head, rows = &r, rows[1:]
	}
	t := &tree.Table{Align: make([]tree.Align, cols)}
	first := head
	if first == nil {
		first = &rows[0]
	}
	for i, cell := range first.cells {
		t.Align[i] = cell.align
	}
	pad := func(cells []htmlCell) []htmlCell {
		for len(cells) < cols {
			cells = append(cells, htmlCell{})
		}
		return cells
	}
	if inline {
		row := func(cells []htmlCell) []tree.Inlines {
			out := make([]tree.Inlines, cols)
			for i, cell := range pad(cells) {
				out[i], _ = cellInlines(cell)
			}
			return out
		}
		if head != nil {
			t.Header = row(head.cells)
		}
		for _, r := range rows {
			t.Rows = append(t.Rows, row(r.cells))
		}
		return t
	}
	row := func(cells []htmlCell) []tree.Blocks {
		out := make([]tree.Blocks, cols)
		for i, cell := range pad(cells) {
			out[i] = cell.blocks
			if cell.blocks == nil && len(cell.inl) > 0 { // a paragraph: an image in it stays in the cell's line
				out[i] = tree.Blocks{&tree.Paragraph{Content: cell.inl}}
			}
		}
		return out
	}
	if head != nil {
		t.HeaderCells = row(head.cells)
	}
	for _, r := range rows {
		t.BodyCells = append(t.BodyCells, row(r.cells))
	}
	return t
}

func allHead(cells []htmlCell) bool {
	for _, c := range cells {
		if !c.head {
			return false
		}
	}
	return len(cells) > 0
}

// cellInlines is a cell's content as inlines, when it is no more than one paragraph.
func cellInlines(cell htmlCell) (tree.Inlines, bool) {
	switch len(cell.blocks) {
	case 0:
		return cell.inl, true
	case 1:
		if p, ok := cell.blocks[0].(*tree.Paragraph); ok {
			return p.Content, true
		}
	}
	return nil, false
}

// trimSpace removes the white space that HTML's line structure leaves at both ends of content.
func trimSpace(is tree.Inlines) tree.Inlines {
	for i := 0; i < len(is); { // leading space, also after link targets, which show nothing
		if t, ok := is[i].(*tree.Text); ok {
			if t.Text = strings.TrimLeft(t.Text, " "); t.Text != "" {
				break
			}
			is = slices.Delete(is, i, i+1)
			continue
		}
		if _, ok := is[i].(*tree.Anchor); !ok {
			break
		}
		i++
	}
	for len(is) > 0 {
		t, ok := is[len(is)-1].(*tree.Text)
		if !ok {
			break
		}
		if t.Text = strings.TrimRight(t.Text, " "); t.Text != "" {
			break
		}
		is = is[:len(is)-1]
	}
	return is
}
