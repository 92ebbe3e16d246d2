package man

import (
	"slices"
	"strconv"
	"strings"

	"bookc/builder/tree"
	"bookc/formats/man/roff"
)

// lineWidth and narrowWidth are the widths tables are fitted to, in ens: what terminals of 80 and
// 60 columns leave for text after man's margins (a line of 78n or 58n, body indented by 7n).
// A table fitted to 60 columns has its widest wrapping column expand (tbl's x): on a wider line
// that column takes the room there is.
const (
	lineWidth   = 71
	narrowWidth = 51
)

// A table whose columns cannot be that narrow, their longest words side by side, is written as
// a list instead (tableList).

// minTable is the least width a table is fitted to, however deeply it is indented.
const minTable = 30

// maxKeep is the most lines a table asks to keep on one page: about a printed page.
const maxKeep = 50

// minColumn is the narrowest a wrapped column gets, in ens, unless its text is narrower.
const minColumn = 8

// table writes a table for tbl: a bold header row, a rule, the rows. Columns too wide for the line
// become text blocks (T{ T}) of a width that makes the table fit, so the text wraps in its cell
// at its spaces; a table that cannot fit so becomes a list.
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
	natural, least := columnWidths(header, rows)
	gap, widths, narrowFit, ok := fitColumns(natural, least, p.w.Indent())
	if !ok {
		p.tableList(t)
		return
	}
	p.tables = true
	if !narrowFit {
		// Too wide for 60 columns: the table where the line holds it, else the list. groff knows
		// the line's length when it formats; mandoc, which has no such register, shows the list.
		need := gap*(cols-1) + 1 // and the 1n a shortened line leaves
		for i, w := range widths {
			if w > 0 {
				w = least[i] + 1 // a wrapping column holds its longest word, as fit leaves it
			} else {
				w = natural[i]
			}
			need += w
		}
		p.w.Para()
		p.w.Raw(`.ie \n(.l-\n(.i>=` + strconv.Itoa(need) + `n \{\`)
		defer func() {
			p.w.Raw(`.\}`)
			p.w.Raw(`.el \{\`)
			p.tableList(t)
			p.w.Raw(`.\}`)
		}()
	}

	grow := -1 // the column that expands: the widest that wraps, in a table fitted to 60 columns
	for i, w := range widths {
		if narrowFit && w > 0 && (grow < 0 || natural[i] > natural[grow]) {
			grow = i
		}
	}
	var head, body []string
	for i, a := range t.Align {
		key := [...]string{"l", "l", "c", "r"}[a]
		var mods string
		if widths[i] > 0 {
			mods += "w(" + strconv.Itoa(widths[i]) + "n)"
		}
		if i == grow {
			mods += "x"
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
	// An expanded table fills the line, and its rules reach 1n past it: a line 1n shorter holds it.
	expands := grow >= 0
	if expands {
		p.w.Request("ll", "-1n")
	}
	p.w.Request("TS")
	if hasHead {
		p.w.Raw(strings.Join(head, " "))
	}
	p.w.Raw(strings.Join(body, " ") + ".")
	if hasHead {
		p.row(header, widths)
		p.w.Raw("_")
	}
	for _, r := range rows {
		p.row(r, widths)
	}
	p.w.Request("TE")
	if expands {
		p.w.Request("ll", "+1n")
	}
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
		for is := range tree.InlinesOf(b) {
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
		out[i] = p.cell(c, font)
	}
	return out
}

// cell renders a cell's content as one line of escaped text.
func (p *page) cell(content tree.Inlines, font roff.Font) string {
	main := p.w
	p.w = main.Sub()
	p.w.SetFont(font)
	p.inlines(content, true)
	s := p.w.String()
	p.w = main
	return s
}

// row writes a table row, the cells of wrapped columns as text blocks.
func (p *page) row(cells []string, widths []int) {
	var b strings.Builder
	for i, c := range cells {
		if i > 0 {
			b.WriteByte('\t')
		}
		if widths[i] > 0 && c != "" {
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

// columnWidths is each column's widest cell and its longest word, in characters: how wide it
// would be, and how narrow it could be. A word is up to a space: mandoc ignores the break points
// (\:) at which groff breaks code words.
func columnWidths(header []string, rows [][]string) (natural, least []int) {
	natural, least = make([]int, len(header)), make([]int, len(header))
	for _, r := range append([][]string{header}, rows...) {
		for i, c := range r {
			if i >= len(natural) {
				continue
			}
			natural[i] = max(natural[i], roff.Width(c))
			for _, word := range strings.Fields(c) {
				least[i] = max(least[i], roff.Width(word))
			}
		}
	}
	for i := range least {
		least[i] = max(least[i], min(natural[i], minColumn))
	}
	return natural, least
}

// fitColumns fits the columns to a 60-column terminal if they can be, else to an 80-column one,
// with tbl's gap of 3n between columns, or 1n where that is what makes them fit. It returns the
// gap and fit's widths and whether they fit 60 columns, or false when they do not fit even 80.
func fitColumns(natural, least []int, indent int) (gap int, widths []int, narrowFit, ok bool) {
	for _, line := range []int{narrowWidth, lineWidth} {
		budget := max(line-indent, minTable)
		for _, gap := range []int{3, 1} {
			if widths, ok := fit(natural, least, budget-gap*(len(natural)-1)); ok {
				return gap, widths, line == narrowWidth, true
			}
		}
	}
	return 0, nil, false, false
}

// fit caps the columns at one width, found by bisection, the widest that makes them fit the
// budget, but none narrower than its least. It returns the width of each column that wraps (0 for
// those that keep their natural width), or false when even the least widths do not fit.
func fit(natural, least []int, budget int) ([]int, bool) {
	// A column capped at limit wraps, but never below its longest word and a space: groff cannot
	// adjust a text block's line that one word fills exactly.
	width := func(i, limit int) int { return min(natural[i], max(least[i]+1, limit)) }
	total := func(limit int) int {
		n := 0
		for i := range natural {
			n += width(i, limit)
		}
		return n
	}
	lo, hi := 0, slices.Max(natural)
	if total(lo) > budget {
		return nil, false
	}
	for lo < hi { // the largest limit whose total fits
		mid := (lo + hi + 1) / 2
		if total(mid) <= budget {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	widths := make([]int, len(natural))
	for i := range natural {
		if w := width(i, lo); w < natural[i] {
			widths[i] = w
		}
	}
	return widths, true
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

// tableList writes a table too wide for the page as a list: a tagged paragraph per row, its first
// cell as the tag, the other cells below it, each after its column's heading; a table of a header
// alone is that header's cells.
func (p *page) tableList(t *tree.Table) {
	rows, labels := t.Rows, t.Header
	if !slices.ContainsFunc(rows, func(r []tree.Inlines) bool { return slices.ContainsFunc(r, hasText) }) {
		rows, labels = [][]tree.Inlines{t.Header}, nil // a table of a header alone: it is the one entry
	}
	for _, r := range rows {
		p.w.Head("TP", indent)
		p.w.SetFont(roff.B)
		p.inlines(r[0], true)
		p.w.SetFont(roff.R)
		p.w.EndHead()
		for i, c := range r[1:] {
			if !hasText(c) {
				continue
			}
			p.w.LineBreak()
			if i+1 < len(labels) && hasText(labels[i+1]) {
				p.styled(roff.I, labels[i+1], true)
				p.w.Text(": ")
			}
			p.inlines(c, false)
		}
	}
	p.w.Para()
}
