package layout

import (
	"slices"

	"bookc/builder/tree"
	"bookc/formats/pdf/linebreak"
	"bookc/formats/pdf/page"
	"bookc/formats/pdf/tags"
)

const cellPad = 4.0

// table sets a table in a smaller size across the text block, with column widths from the
// content, cells wrapped, rows kept whole and the header row, if any, repeated on every page.
// Cells of blocks are measured by their text and set as blocks in the table's size.
func (l *lay) table(t *tree.Table, x, w float64) []*vbox {
	if len(t.Align) == 0 {
		return nil
	}
	l.nest++
	defer func() { l.nest-- }()
	// cells are not hyphenated: a reader's copy of a table row would interleave the halves
	defer l.unhyphenated()()
	size, lead := smallSize*l.size/bodySize, smallLead*l.size/bodySize
	var head []*para
	var body [][]*para
	// the cells' paragraphs are done with when the table is set again smaller, or is set: the
	// boxes have copies of what their lines show
	giveBack := func() {
		l.room.giveParas(head)
		for _, r := range body {
			l.room.giveParas(r)
		}
	}
	defer giveBack()
	build := func(size float64) {
		st := style{faces: l.faces, font: page.Regular, size: size, color: black}
		hs := st.with(func(s *style) { s.font = page.Bold })
		cells := func(row []tree.Inlines, blocks []tree.Blocks, st style) []*para {
			ps := make([]*para, len(t.Align))
			for i := range ps {
				rs := l.room.takeRuns()
				switch {
				case i < len(blocks):
					rs = l.blockRuns(blocks[i], st, rs)
				case i < len(row):
					rs = l.runs(row[i], st, rs)
				}
				ps[i] = l.buildInto(l.room.takePara(), rs, w)
				l.room.giveRuns(rs)
			}
			return ps
		}
		giveBack()
		head, body = nil, nil
		if len(t.Header) > 0 || len(t.HeaderCells) > 0 {
			head = cells(t.Header, t.HeaderCells, hs)
		}
		for i := range max(len(t.Rows), len(t.BodyCells)) {
			body = append(body, cells(rowOf(t.Rows, i), rowOf(t.BodyCells, i), st))
		}
	}
	all := func() [][]*para {
		if head == nil {
			return body
		}
		return append([][]*para{head}, body...)
	}
	build(size)
	if len(all()) == 0 {
		return nil
	}
	widths := columnWidths(all(), w)
	if lo, _ := extents(all()); sum(lo) > w {
		// too many columns for their longest words: a smaller size, down to the floor
		scale := min(1, max(l.tableFloor()/size, w/sum(lo)))
		size, lead = size*scale, lead*scale
		build(size)
		if lo, _ := extents(all()); sum(lo) > w {
			// still too many even so: the words hyphenated, not cut where a column ends
			l.noHyphen = false
			build(size)
			l.noHyphen = true
		}
		widths = columnWidths(all(), w)
	}
	cell := cellSetter{l: l, size: size, lead: lead, align: t.Align}
	rebuild := func(ps []*para) {
		for i, p := range ps {
			p.width = widths[i] - 2*cellPad
			p.fit()
		}
	}
	tw := sum(widths)
	var hbs, out []*vbox
	tbody := tags.New(tags.TBody)
	if head != nil {
		rebuild(head)
		hbs = tagged(cell.row(head, t.HeaderCells, widths, x, true), tags.THead)
		for _, hb := range hbs {
			hb.more().Rects = append([]page.Rect{{X: x, Y: 0, W: tw, H: hb.h, Fill: colorPtr(headBg)}}, hb.more().Rects...)
			hb.keep = true
		}
		first, last := hbs[0], hbs[len(hbs)-1]
		first.more().Rules = append(first.more().Rules, page.Rule{X1: x, Y1: 0, X2: x + tw, Y2: 0, Width: 1, Color: black})
		last.more().Rules = append(last.more().Rules, page.Rule{X1: x, Y1: last.h, X2: x + tw, Y2: last.h, Width: 0.6, Color: black})
		out = slices.Clone(hbs)
	}
	for i, r := range body {
		rebuild(r)
		bs := cell.row(r, rowOf(t.BodyCells, i), widths, x, false)
		for j, b := range bs {
			if hbs != nil && (i > 0 || j > 0) {
				b.info().header = hbs
			}
		}
		switch {
		case i > 0:
			bs[0].more().Rules = append(bs[0].more().Rules, page.Rule{X1: x, Y1: 0, X2: x + tw, Y2: 0, Width: 0.3, Color: ruleGrey})
		case hbs == nil:
			bs[0].more().Rules = append(bs[0].more().Rules, page.Rule{X1: x, Y1: 0, X2: x + tw, Y2: 0, Width: 1, Color: black})
		}
		if i == len(body)-1 {
			b := bs[len(bs)-1]
			b.more().Rules = append(b.more().Rules, page.Rule{X1: x, Y1: b.h, X2: x + tw, Y2: b.h, Width: 1, Color: black})
		}
		out = append(out, bs...)
	}
	wrap(out[len(hbs):], tbody)
	return tagged(out, tags.Table)
}

func sum(fs []float64) float64 {
	s := 0.0
	for _, f := range fs {
		s += f
	}
	return s
}

// columnWidths gives each column its widest cell on one line when it can, narrow columns first,
// and shares what remains among the others in proportion to their content, never below their
// longest word. Leftover width widens all columns, so tables span the text block.
func columnWidths(rows [][]*para, w float64) []float64 {
	n := len(rows[0])
	lo, hi := extents(rows)
	out := make([]float64, n)
	if slo := sum(lo); slo >= w {
		// words wider than an equal share break anyway: the columns with short words keep them
		share, excess := w/float64(n), 0.0
		for i := range out {
			out[i] = min(lo[i], share)
			excess += lo[i] - out[i]
		}
		if excess == 0 {
			return lo
		}
		rest := w - sum(out)
		for i := range out {
			out[i] += rest * (lo[i] - out[i]) / excess
		}
		return out
	}
	open := make([]bool, n)
	for i := range open {
		open[i] = true
	}
	left, nopen := w, n
	for changed := true; changed && nopen > 0; {
		changed = false
		for i := range out {
			if open[i] && hi[i] <= left/float64(nopen) {
				out[i], open[i], left, nopen, changed = hi[i], false, left-hi[i], nopen-1, true
			}
		}
	}
	if nopen == 0 {
		for i := range out {
			out[i] += left * hi[i] / sum(hi)
		}
		return out
	}
	// the open columns share what is left: each its longest word, the rest by content
	var olo, ohi float64
	for i := range out {
		if open[i] {
			olo, ohi = olo+lo[i], ohi+hi[i]
		}
	}
	if olo > left { // the narrow columns took too much: give back from them
		return columnsByMinimum(lo, hi, w)
	}
	for i := range out {
		if open[i] {
			out[i] = lo[i] + (hi[i]-lo[i])*(left-olo)/(ohi-olo)
		}
	}
	return out
}

// extents are each column's longest word and longest cell on one line, padding included.
func extents(rows [][]*para) (lo, hi []float64) {
	n := len(rows[0])
	lo, hi = make([]float64, n), make([]float64, n)
	for _, r := range rows {
		for i, p := range r {
			line := 0.0
			for _, it := range p.items {
				switch it.Kind {
				case linebreak.Box:
					lo[i] = max(lo[i], it.Width+2*cellPad)
					line += it.Width
				case linebreak.Glue:
					line += it.Width
				}
			}
			hi[i] = max(hi[i], line+2*cellPad)
		}
	}
	return lo, hi
}

// columnsByMinimum gives every column its longest word and shares the rest by content.
func columnsByMinimum(lo, hi []float64, w float64) []float64 {
	slo, shi := sum(lo), sum(hi)
	out := make([]float64, len(lo))
	for i := range out {
		out[i] = lo[i] + (hi[i]-lo[i])*(w-slo)/(shi-slo)
	}
	return out
}

// rowOf is row i of a table's cells, nil past its last.
func rowOf[T any](rows [][]T, i int) []T {
	if i < len(rows) {
		return rows[i]
	}
	return nil
}

// blockRuns appends the text of a cell's blocks to out as one run of words, to measure the cell
// by.
func (l *lay) blockRuns(bs tree.Blocks, st style, out []run) []run {
	tree.WalkBlocks(bs, func(b tree.Block) {
		out = append(out, run{st: &st, text: " "})
		if c, ok := b.(*tree.CodeBlock); ok {
			cs := st.with(func(s *style) { s.font, s.size, s.code = mono(s.font), s.size*0.9, true })
			out = append(out, run{st: &cs, text: c.Text})
		}
		for is := range tree.InlinesOf(b) {
			out = l.runs(is, st, out)
		}
	})
	return out
}

// tableFloor is the smallest size a table's text shrinks to: 7 points, the least that reads
// on paper, and as much above it as a larger body size is above bookc's (9.3 at 14 points).
func (l *lay) tableFloor() float64 { return max(7, l.pt(7)) }

// cellSetter sets the cells of a table's rows in its size.
type cellSetter struct {
	l          *lay
	size, lead float64
	align      []tree.Align
}

// column sets one cell: its paragraph, or its blocks when it has them.
func (c cellSetter) column(p *para, blocks tree.Blocks, col int, x, w float64) []*vbox {
	if blocks != nil {
		l := c.l
		size, lead := l.size, l.lead
		l.size, l.lead = c.size, c.lead
		defer func() { l.size, l.lead = size, lead }()
		return l.blocks(blocks, x, w)
	}
	a := left
	switch c.align[col] {
	case tree.AlignCenter:
		a = center
	case tree.AlignRight:
		a = right
	}
	return c.l.setLines(p, x, w, c.lead, a)
}

// row sets one table row as a single box; only a row taller than half a page is cut, between
// lines, into boxes that pages can hold. The cells of a header row head their columns.
func (c cellSetter) row(cells []*para, blocks []tree.Blocks, widths []float64, x float64, header bool) []*vbox {
	l := c.l
	var cols [][]*vbox
	for i, p := range cells {
		var bs tree.Blocks
		if i < len(blocks) {
			bs = blocks[i]
		}
		cell := tags.New(tags.TD)
		if header {
			cell.Role, cell.Scope = tags.TH, true
		}
		col := c.column(p, bs, i, x+cellPad, widths[i]-2*cellPad)
		wrap(col, cell)
		cols = append(cols, col)
		x += widths[i]
	}
	limit := l.g.TextH / 2
	next := make([]int, len(cols)) // each cell's first line not yet set
	var out []*vbox
	for more := true; more; {
		b := &vbox{h: 2 * cellPad}
		more = false
		for c, lines := range cols {
			y := cellPad
			for ; next[c] < len(lines) && (y == cellPad || y+lines[next[c]].h+cellPad <= limit); next[c]++ {
				b.absorb(lines[next[c]], y)
				y += lines[next[c]].h
			}
			b.h = max(b.h, y+cellPad)
			more = more || next[c] < len(lines)
		}
		out = append(out, b)
	}
	wrap(out, tags.New(tags.TR))
	if f := firstText(cols[0]); f != nil {
		out[0].base = cellPad + f.base
	}
	return out
}
