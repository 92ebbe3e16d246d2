package layout

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"bookc/builder/tree"
	"bookc/formats/pdf/page"
	"bookc/formats/pdf/tags"
)

// blocks lays out blocks one below the other, with paragraph spacing between them. A paragraph
// that leads in to what follows (it ends in a colon, or captions the table after it) stays with it;
// a figure or a short table of the chapter's own flow may float to the top of the next page.
func (l *lay) blocks(bs tree.Blocks, x, w float64) []*vbox {
	var out []*vbox
	var prev tree.Block
	var dests []string // link targets waiting for the next block, where they land
	for i, b := range bs {
		if a, ok := b.(*tree.Anchor); ok {
			dests = append(dests, headingDest(a.ID))
			continue
		}
		bb := l.block(b, x, w)
		if len(bb) == 0 {
			continue
		}
		if len(dests) > 0 {
			own(bb[0]).dests = append(dests, bb[0].starts().dests...)
			dests = nil
		}
		if l.track && l.nest == 0 && l.chap != nil {
			// bs is the end of the chapter's blocks (its title is set in the opening): bs[i]'s index
			own(bb[0]).start = &PageStart{Chapter: l.chap, Block: len(l.chap.Blocks) - len(bs) + i}
		}
		if _, rule := b.(*tree.ThematicBreak); rule && keeps(out) {
			bb[len(bb)-1].keep = true // a rule under a heading: the heading still keeps with the text
		}
		if len(out) > 0 {
			gap := parSkip * l.size / bodySize
			if h, ok := b.(*tree.Heading); ok && h.Level <= 3 {
				gap = l.pt(20 - 3*float64(h.Level))
			} else if display(b) || display(prev) {
				gap *= 1.5
			}
			out = append(out, space(gap))
		}
		if p, ok := b.(*tree.Paragraph); ok && leadsIn(p, bs[i+1:]) {
			bb[len(bb)-1].keep = true
		}
		if l.floats(b, prev, bb) {
			own(bb[0]).float = len(bb)
		}
		out = append(out, bb...)
		prev = b
	}
	if len(dests) > 0 {
		out = append(out, &vbox{flow: &flowInfo{dests: dests}})
	}
	return out
}

// keeps reports whether the last box of out that is not space keeps with what follows.
func keeps(out []*vbox) bool {
	for i := len(out) - 1; i >= 0; i-- {
		if !out[i].glue {
			return out[i].keep
		}
	}
	return false
}

// tableCaption is a paragraph that captions the table after it.
var tableCaption = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(Table|Tab\.) [0-9A-Z]`) })

// leadsIn reports whether a paragraph introduces the block after it: it ends in a colon ("as
// follows:"), or it is a table's caption ("Table 3: ...").
func leadsIn(p *tree.Paragraph, rest tree.Blocks) bool {
	for len(rest) > 0 {
		if _, ok := rest[0].(*tree.Anchor); !ok {
			break
		}
		rest = rest[1:]
	}
	if len(rest) == 0 {
		return false
	}
	text := strings.TrimSpace(tree.PlainText(p.Content))
	if strings.HasSuffix(text, ":") {
		return true
	}
	_, table := rest[0].(*tree.Table)
	return table && tableCaption().MatchString(text)
}

// floats reports whether a block set as bs may wait for the top of the next page when it does not
// fit where it stands: a figure or a table no taller than half the text block, in the chapter's
// own flow (not in a list, a quote or a note), unless a paragraph leads in to it.
func (l *lay) floats(b, prev tree.Block, bs []*vbox) bool {
	if l.nest > 0 || l.chap == nil {
		return false
	}
	switch b.(type) {
	case *tree.Figure:
	case *tree.Table:
		if height(bs) > l.g.TextH/2 {
			return false
		}
	default:
		return false
	}
	if p, ok := prev.(*tree.Paragraph); ok && strings.HasSuffix(strings.TrimSpace(tree.PlainText(p.Content)), ":") {
		return false
	}
	return true
}

// display blocks stand apart from the text around them.
func display(b tree.Block) bool {
	switch b.(type) {
	case *tree.CodeBlock, *tree.Table, *tree.Figure, *tree.Admonition, *tree.Details:
		return true
	}
	return false
}

func (l *lay) block(b tree.Block, x, w float64) []*vbox {
	switch b.(type) {
	case *tree.Paragraph, *tree.Heading, *tree.CodeBlock:
		defer l.setAt(b)()
	}
	switch n := b.(type) {
	case *tree.Heading:
		return l.heading(n, x, w)
	case *tree.Paragraph:
		return tagged(l.cached(n, x, w, func() []*vbox {
			rs := l.runs(n.Content, l.text(), l.room.takeRuns())
			defer l.room.giveRuns(rs)
			return l.paragraph(rs, x, w)
		}), tags.P)
	case *tree.HTMLBlock:
		if strings.TrimSpace(n.Text) == "" {
			return nil
		}
		return tagged(l.paragraph([]run{{st: ptr(l.text()), text: n.Text}}, x, w), tags.P)
	case *tree.List:
		return l.list(n, x, w)
	case *tree.CodeBlock:
		return tagged(l.cached(n, x, w, func() []*vbox { return l.code(n, x, w) }), tags.Code)
	case *tree.Quote:
		l.nest++
		defer func() { l.nest-- }()
		if rightToLeftBlocks(n.Blocks) {
			inner := l.blocks(n.Blocks, x, w-l.pt(blockIndent))
			decorate(inner, x+w-3.5, 2.5, ruleGrey)
			return tagged(inner, tags.BlockQuote)
		}
		inner := l.blocks(n.Blocks, x+l.pt(blockIndent), w-l.pt(blockIndent))
		decorate(inner, x+1, 2.5, ruleGrey)
		return tagged(inner, tags.BlockQuote)
	case *tree.Admonition:
		return tagged(l.admonition(n, x, w), tags.Div)
	case *tree.Details:
		return tagged(l.details(n, x, w), tags.Div)
	case *tree.Table:
		return l.cached(n, x, w, func() []*vbox { return l.table(n, x, w) })
	case *tree.ThematicBreak:
		skip := l.pt(parSkip)
		b := &vbox{h: 2 * skip}
		b.more().Rules = append(b.more().Rules, page.Rule{X1: x + w/3, Y1: skip, X2: x + 2*w/3, Y2: skip, Width: 0.6, Color: ruleGrey})
		return []*vbox{b}
	case *tree.Figure:
		return l.figure(n, x, w)
	case *tree.DefinitionList:
		return l.definitions(n, x, w)
	}
	return nil
}

func ptr[T any](v T) *T { return &v }

// unhyphenated turns hyphenation off until the returned function is called.
func (l *lay) unhyphenated() func() {
	was := l.noHyphen
	l.noHyphen = true
	return func() { l.noHyphen = was }
}

// setRuns sets runs as lines w wide from x, in the room of a paragraph set before (spares). One
// at a time: a table's cells, set together, take theirs from the layout's room (room.takePara),
// which keeps at most maxCells, rather than from the pool, which would keep a whole table's,
// each grown to the longest paragraph since, until the next collections.
func (l *lay) setRuns(rs []run, x, w, lead float64, al align) []*vbox {
	p := l.buildInto(spares.Get().(*para), rs, w)
	lines := l.setLines(p, x, w, lead, al)
	clear(p.pieces) // what the lines show is copied out of the pieces: keep their room, not their styles
	spares.Put(p)
	return lines
}

// paragraph sets justified lines that never leave a single line at a page's foot or head.
func (l *lay) paragraph(rs []run, x, w float64) []*vbox {
	lines := l.setRuns(rs, x, w, l.lead, justify)
	if n := len(lines); n >= 2 {
		lines[0].avoid = true
		lines[n-2].avoid = true
	}
	return lines
}

var headingSizes = [...]float64{0, 22, 15, 12.5, 11, 10.5, 10.5}

// heading sets a section heading that stays with what follows it.
func (l *lay) heading(h *tree.Heading, x, w float64) []*vbox {
	defer l.unhyphenated()()
	size := l.pt(headingSizes[min(max(h.Level, 1), 6)])
	st := style{faces: l.faces, heading: true, font: page.Bold, size: size, color: black}
	if h.Level >= 5 {
		st.font = page.BoldItalic
	}
	lines := l.setRuns(l.runs(h.Content, st, nil), x, w, size*1.3, left)
	if len(lines) == 0 {
		return nil
	}
	for _, b := range lines {
		b.keep = true
	}
	wrap(lines, tags.New(tags.Heading(l.level+h.Level)))
	in := lines[0].info()
	in.dests = append(in.dests, headingDest(h.ID))
	if l.nest == 0 && l.chap != nil {
		title := tree.PlainText(h.Content)
		in.marks = append(in.marks, mark{title: title, level: l.level + h.Level - 1})
		if h.Level == 2 && l.depth == 0 {
			in.chapter = &chapMark{title: title, level: sectionHead}
		}
	}
	return append(lines, &vbox{h: l.pt(3), glue: true})
}

// list indents items and hangs their bullets, numbers or check boxes.
func (l *lay) list(ls *tree.List, x, w float64) []*vbox {
	l.nest++
	l.lists++
	defer func() { l.nest--; l.lists-- }()
	var out []*vbox
	list := tags.New(tags.L)
	for i, it := range ls.Items {
		// a right-to-left item is indented from the right, its marker there
		rtl := rightToLeftBlocks(it.Blocks)
		indent := l.pt(listIndent)
		bx, mx := x+indent, x+indent-l.pt(5)
		if rtl {
			bx, mx = x, x+w-indent+l.pt(5)
		}
		inner := tagged(l.blocks(it.Blocks, bx, w-indent), tags.LBody)
		if len(inner) == 0 {
			inner = []*vbox{{h: l.lead, base: (l.lead + l.size*0.734) / 2}}
		}
		if i > 0 {
			gap := parSkip * l.size / bodySize
			if ls.Tight {
				gap = l.pt(2)
			}
			out = append(out, space(gap))
		}
		if first := firstText(inner); first != nil {
			l.marker(first, ls, i, it.Task, mx, rtl)
		}
		wrap(inner, tags.New(tags.LI))
		out = append(out, inner...)
	}
	wrap(out, list)
	return out
}

// marker draws an item's bullet, number or check box on the first line's baseline, ending at x,
// or, for a right-to-left item, starting there.
func (l *lay) marker(b *vbox, ls *tree.List, i int, task tree.Task, x float64, rtl bool) {
	if task != tree.NoTask {
		s := l.size * 0.7
		if rtl {
			x += s
		}
		r := page.Rect{X: x - s, Y: b.base - s, W: s, H: s, Stroke: colorPtr(black), LineWidth: 0.6}
		b.more().Rects = append(b.more().Rects, r)
		if task == tree.Checked {
			b.more().Rules = append(b.more().Rules,
				page.Rule{X1: x - s*0.8, Y1: b.base - s*0.5, X2: x - s*0.55, Y2: b.base - s*0.2, Width: 0.9, Color: black},
				page.Rule{X1: x - s*0.55, Y1: b.base - s*0.2, X2: x - s*0.15, Y2: b.base - s*0.85, Width: 0.9, Color: black})
		}
		return
	}
	st := l.text()
	text := [...]string{"•", "◦", "▪"}[(l.lists-1)%3]
	if ls.Ordered {
		text = strconv.Itoa(ls.Start+i) + "."
	}
	tw := st.face().Width(text, st.size)
	if rtl {
		tw = 0
	}
	putLabel(b, page.Text{X: x - tw, Y: b.base, Font: st.face().Font, Size: st.size, Color: st.color, S: text})
}

// putLabel puts a list item's or footnote's label first among the box's texts, a Lbl in the structure
// tree before the body it labels. The page numbers the box prints move one place along.
func putLabel(b *vbox, t page.Text) {
	t.Tag = b.addPath(tags.Path{tags.New(tags.Lbl)})
	b.texts = append([]page.Text{t}, b.texts...)
	if len(b.cited().refs) > 0 {
		c := b.cite()
		c.refs = slices.Clone(c.refs) // the box's copies share the slots
		for i := range c.refs {
			c.refs[i].text++
		}
	}
}

// rightToLeftBlocks tells whether blocks begin with right-to-left text: a list item or quote set
// flush right, its marker or rule on the right.
func rightToLeftBlocks(bs tree.Blocks) bool {
	for _, b := range bs {
		switch n := b.(type) {
		case *tree.Paragraph:
			return rightToLeft([]run{{text: tree.PlainText(n.Content)}})
		case *tree.Heading:
			return rightToLeft([]run{{text: tree.PlainText(n.Content)}})
		}
	}
	return false
}

// setAt makes the block's place in the source the one messages name, until the function it
// returns is called.
func (l *lay) setAt(b tree.Block) func() {
	was := l.at
	switch n := b.(type) {
	case *tree.Paragraph:
		l.at = n.At
	case *tree.Heading:
		l.at = n.At
	case *tree.CodeBlock:
		l.at = n.At
	}
	return func() { l.at = was }
}
