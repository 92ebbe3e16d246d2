package man

import (
	"strconv"
	"strings"

	"bookc/builder/tree"
	"bookc/formats/man/roff"
)

// lineWidth is the width tables are fitted to, in ens: what a terminal of 80 columns leaves for
// text after man's margins (a line of 78n, body indented by 7n). PostScript pages are wider, so
// a table that fits here fits everywhere.
const lineWidth = 71

// minTable is the least width a table is fitted to, however deeply it is indented.
const minTable = 30

// maxKeep is the most lines a table asks to keep on one page: about a printed page.
const maxKeep = 50

// minColumn is the narrowest a wrapped column gets, in ens.
const minColumn = 8

// table writes a table for tbl: a bold header row, a rule, the rows. Columns too wide for the line
// become text blocks (T{ T}) of a width that makes the table fit, so the text wraps in its cell.
func (p *page) table(t *tree.Table) {
	cols := len(t.Align)
	if cols == 0 {
		return
	}
	if t.HasBlockCells() {
		t = flatTable(t)
	}
	hasHead := len(t.Header) > 0
	fitted := &tree.Table{Align: t.Align, Header: fitRow(t.Header, cols), Rows: make([][]tree.Inlines, len(t.Rows))}
	for i, r := range t.Rows {
		fitted.Rows[i] = fitRow(r, cols)
	}
	t = fitted
	header := p.cells(t.Header, roff.B)
	rows := make([][]string, len(t.Rows))
	empty := isEmpty(header)
	for i, r := range t.Rows {
		rows[i] = p.cells(r, roff.R)
		empty = empty && isEmpty(rows[i])
	}
	if empty {
		return // tbl rejects a table without data, and there is nothing to show
	}
	p.tables = true
	gap := 3
	if cols > 6 {
		gap = 1 // many columns: tbl's default gap of 3n would eat the line
	}
	width := max(lineWidth-p.w.Indent(), minTable)
	widths := fit(naturalWidths(header, rows), width-gap*(cols-1))

	var head, body []string
	for i, a := range t.Align {
		key := [...]string{"l", "l", "c", "r"}[a]
		var mods string
		if widths[i] > 0 {
			mods += "w(" + strconv.Itoa(widths[i]) + "n)"
		}
		if i < cols-1 && gap != 3 {
			mods += strconv.Itoa(gap)
		}
		head = append(head, key+"B"+mods)
		body = append(body, key+mods)
	}
	p.w.Para()
	// groff's tbl warns when a row of text blocks meets the page's end; keep the table on one page.
	p.w.Request("ne", strconv.Itoa(min(height(header, rows, widths), maxKeep))+"v")
	p.w.Request("TS")
	if hasHead {
		p.w.Raw(strings.Join(head, " "))
	}
	p.w.Raw(strings.Join(body, " ") + ".")
	if hasHead {
		p.row(header, t.Header, widths, roff.B)
		p.w.Raw("_")
	}
	for i, r := range rows {
		p.row(r, t.Rows[i], widths, roff.R)
	}
	p.w.Request("TE")
	p.w.Para()
}

// flatTable is a table of block cells with each cell as one line of inline content, which tbl can
// hold: paragraphs and list items run on, code keeps its text.
func flatTable(t *tree.Table) *tree.Table {
	row := func(cells []tree.Blocks) []tree.Inlines {
		out := make([]tree.Inlines, len(cells))
		for i, c := range cells {
			out[i] = flatCell(c)
		}
		return out
	}
	flat := &tree.Table{Align: t.Align, Header: row(t.HeaderCells)}
	for _, r := range t.BodyCells {
		flat.Rows = append(flat.Rows, row(r))
	}
	return flat
}

func flatCell(bs tree.Blocks) tree.Inlines {
	var out tree.Inlines
	tree.WalkBlocks(bs, func(b tree.Block) {
		add := func(is tree.Inlines) {
			if len(is) == 0 {
				return
			}
			if len(out) > 0 {
				out = append(out, &tree.Text{Text: " "})
			}
			out = append(out, is...)
		}
		if c, ok := b.(*tree.CodeBlock); ok {
			add(tree.Inlines{&tree.Code{Text: strings.Join(strings.Fields(c.Text), " ")}})
		}
		for _, is := range tree.InlinesOf(b) {
			add(is)
		}
	})
	return out
}

// fitRow pads or cuts a row to the table's columns, which a well-formed table needs not.
func fitRow(row []tree.Inlines, cols int) []tree.Inlines {
	out := make([]tree.Inlines, cols)
	copy(out, row)
	return out
}

// cells renders a row's cells on one line each, to measure them.
func (p *page) cells(row []tree.Inlines, font roff.Font) []string {
	out := make([]string, len(row))
	for i, c := range row {
		out[i] = p.cell(c, font, roff.DefaultWordLimit)
	}
	return out
}

// cell renders a cell's content as one line of escaped text. limit caps the characters between
// break points, so that words fit a wrapped column.
func (p *page) cell(content tree.Inlines, font roff.Font, limit int) string {
	main := p.w
	p.w = main.Sub()
	p.w.WordLimit = limit
	p.w.SetFont(font)
	p.inlines(content, true)
	s := p.w.String()
	p.w = main
	return s
}

// row writes a table row. Cells of wrapped columns are rendered again as text blocks with a word
// limit that fits the column.
func (p *page) row(cells []string, content []tree.Inlines, widths []int, font roff.Font) {
	var b strings.Builder
	for i, c := range cells {
		if i > 0 {
			b.WriteByte('\t')
		}
		if widths[i] > 0 && c != "" {
			// A text block's width is in ens; bold letters are up to twice as wide.
			c = p.cell(content[i], font, max(widths[i]/2, 3))
			b.WriteString("T{\n" + guardCell(c) + "\nT}")
			continue
		}
		b.WriteString(guardCell(c))
	}
	if isEmpty(cells) {
		b.WriteString(`\&`) // an empty line would be a blank line in the page
	}
	p.w.Raw(b.String())
}

func isEmpty(cells []string) bool {
	for _, c := range cells {
		if c != "" {
			return false
		}
	}
	return true
}

// guardCell keeps tbl from reading a cell as a rule, a span or a text block delimiter.
func guardCell(c string) string {
	switch {
	case c == "_", c == "=", strings.HasPrefix(c, `\_`), strings.HasPrefix(c, `\=`), strings.HasPrefix(c, `\^`),
		strings.HasPrefix(c, "T{"), strings.HasPrefix(c, "T}"):
		return `\&` + c
	}
	return c
}

// naturalWidths is each column's widest cell, in characters.
func naturalWidths(header []string, rows [][]string) []int {
	w := make([]int, len(header))
	for _, r := range append([][]string{header}, rows...) {
		for i, c := range r {
			if i < len(w) {
				w[i] = max(w[i], roff.Width(c))
			}
		}
	}
	return w
}

// fit decides which columns wrap and how wide: columns narrower than a fair share of the
// remaining width keep their natural width (0: no text block); the others share what is left.
func fit(natural []int, budget int) []int {
	widths := make([]int, len(natural))
	total := 0
	for _, n := range natural {
		total += n
	}
	if total <= budget {
		return widths
	}
	wrap := make([]bool, len(natural))
	left, open := budget, len(natural)
	for changed := true; changed; {
		changed = false
		for i, n := range natural {
			if !wrap[i] && n > left/max(open, 1) && n > minColumn {
				wrap[i] = true
				changed = true
			}
		}
		left, open = budget, 0
		for i, n := range natural {
			if wrap[i] {
				open++
			} else {
				left -= n
			}
		}
	}
	for i := range widths {
		if wrap[i] {
			widths[i] = max(left/max(open, 1), minColumn)
		}
	}
	return widths
}

// height estimates the table's lines: a line per row, more where text blocks wrap, and the rule.
func height(header []string, rows [][]string, widths []int) int {
	n := 1
	for _, r := range append([][]string{header}, rows...) {
		lines := 1
		for i, c := range r {
			if i < len(widths) && widths[i] > 0 {
				lines = max(lines, (roff.Width(c)*5/4)/widths[i]+1)
			}
		}
		n += lines
	}
	return n
}
