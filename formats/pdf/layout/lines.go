package layout

import (
	"math"
	"sync"

	"bookc/builder/strarena"
	"bookc/formats/pdf/linebreak"
	"bookc/formats/pdf/metrics"
	"bookc/formats/pdf/page"
	"bookc/formats/pdf/shape"
)

type align uint8

const (
	justify align = iota
	left
	center
	right
)

// loose is the stretch ratio above which a justified line is set ragged instead: wide gaps read
// worse than an uneven edge.
const loose = 2

// setLines breaks a paragraph into lines of width w starting at x and sets each as a box.
func (l *lay) setLines(p *para, x, w, lead float64, al align) []*vbox {
	if len(p.items) == 0 {
		return nil
	}
	items := linebreak.Finish(p.items) // the items Finish adds have no pieces: pieceAt gives empty ones
	lines := linebreak.Break(items, func(int) float64 { return w }, l.params)
	out := make([]*vbox, 0, len(lines))
	for _, ln := range lines {
		out = append(out, setLine(items, p.pieces, ln, x, w, lead, al, p.rtl, l.room))
	}
	return out
}

// pieceAt is the piece of item i, read only: pieces are large, and lines read them often.
func pieceAt(pieces []piece, i int) *piece {
	if i < len(pieces) {
		return &pieces[i]
	}
	return &noPiece
}

var noPiece piece

// width is the width of a line as set, its glue stretched or shrunk by the line's ratio: a centred
// line that shrinks must be centred by the width it takes, or it starts left of the measure.
func width(items []linebreak.Item, ln linebreak.Line) float64 {
	w := 0.0
	for i := ln.Start; i < ln.End; i++ {
		switch it := items[i]; it.Kind {
		case linebreak.Box:
			w += it.Width
		case linebreak.Glue:
			w += ln.GlueWidth(it)
		}
	}
	if it := items[ln.End]; it.Kind == linebreak.Penalty {
		w += it.Width
	}
	return w
}

// setLine sets one line; rm is the room its runs are gathered and kept in, which the next
// line goes on using.
func setLine(items []linebreak.Item, pieces []piece, ln linebreak.Line, x, w, lead float64, al align, rtl bool, rm *room) *vbox {
	r := ln.Ratio
	switch {
	case math.IsInf(r, 0), al != justify && r > 0, r > loose:
		r = 0
	case r < -1:
		r = -1
	}
	set := linebreak.Line{Start: ln.Start, End: ln.End, Ratio: r}
	if rtl && al == left || rtl && al == justify && r == 0 {
		al = right // a right-to-left paragraph's ragged or last lines are flush right
	}
	switch al {
	case center:
		x += (w - width(items, set)) / 2
	case right:
		x += w - width(items, set)
	}
	size := 0.0
	for i := ln.Start; i < ln.End; i++ {
		if items[i].Kind == linebreak.Box && pieces[i].st.rise == 0 && pieces[i].st.size > size {
			size = pieces[i].st.size
		}
	}
	if size == 0 {
		size = bodySize
	}
	s := &lineSetter{b: &vbox{h: lead}, room: rm}
	s.base = (lead + size*0.734) / 2
	s.b.base = s.base
	order := visualOrder(pieces, ln, rtl)
	for k := range ln.End - ln.Start {
		i := ln.Start + k
		if order != nil {
			i = order[k]
		}
		it := items[i]
		switch it.Kind {
		case linebreak.Box:
			switch pc := &pieces[i]; {
			case pc.img != nil:
				s.image(pc, x, it.Width)
			case pc.dest != "":
				s.b.info().dests = append(s.b.info().dests, pc.dest)
			case pc.text != "":
				s.put(pc, x, it.Width)
			}
			x += it.Width
		case linebreak.Glue:
			adj := set.GlueWidth(it)
			s.space(pieceAt(pieces, i).st, x, it.Width, adj)
			x += adj
		}
	}
	if it, pc := items[ln.End], pieceAt(pieces, ln.End); it.Kind == linebreak.Penalty && pc.text != "" {
		s.put(pc, x, it.Width)
		s.b.split = true
	}
	s.flushText()
	s.flushLink()
	s.flushStrike()
	s.b.texts = rm.keepRuns()
	return s.b
}

// visualOrder is the order, left to right, in which a line shows its items (UAX #9 L2): by the
// levels of its boxes, a space or other neutral between two of one level taking theirs, else
// the paragraph's. A line all at level 0 is in its own order: nil.
func visualOrder(pieces []piece, ln linebreak.Line, rtl bool) []int {
	mixed := rtl
	for i := ln.Start; i < ln.End && !mixed; i++ {
		mixed = pieceAt(pieces, i).level != 0
	}
	if !mixed {
		return nil
	}
	order := make([]int, ln.End-ln.Start)
	for i := range order {
		order[i] = ln.Start + i
	}
	para := shape.Level(0)
	if rtl {
		para = 1
	}
	levels := make([]shape.Level, len(order))
	for k, i := range order {
		levels[k] = para
		if pc := pieceAt(pieces, i); pc.text != "" || pc.img != nil {
			levels[k] = shape.Level(pc.level)
			if pc.level == 0 {
				levels[k] = para + para // left to right: 0, or 2 in a right-to-left paragraph
			}
		}
	}
	for k := range levels { // neutrals between two boxes of one level take it
		if pc := pieceAt(pieces, order[k]); pc.text != "" || pc.img != nil {
			continue
		}
		prev, next := -1, -1
		for j := k - 1; j >= 0 && prev < 0; j-- {
			if pc := pieceAt(pieces, order[j]); pc.text != "" || pc.img != nil {
				prev = j
			}
		}
		for j := k + 1; j < len(levels) && next < 0; j++ {
			if pc := pieceAt(pieces, order[j]); pc.text != "" || pc.img != nil {
				next = j
			}
		}
		if prev >= 0 && next >= 0 && levels[prev] == levels[next] {
			levels[k] = levels[prev]
		}
	}
	visual := make([]int, len(order))
	for k, j := range shape.ReorderLine(levels) {
		visual[k] = order[j]
	}
	return visual
}

// room is where a layout's lines gather the glyphs, the text and the runs of a line, and keep
// them once it is set, packed: slices of a few large arrays, for a chapter's many small runs,
// rather than an allocation each (a long book's lines are millions of runs). A room serves one
// layout at a time; the units of a book take turns with rooms (rooms), so that each goes on
// filling the arrays the one before left, rather than leave an array half empty each.
type room struct {
	line  []page.Glyph // the pending run's glyphs
	text  []byte       // the pending run's text
	runs  []page.Text  // the pending line's runs
	kept  page.Glyphs
	chars strarena.Arena // the kept text
	texts []page.Text
	// scratch, lent out while a paragraph or a table is set and given back (nil while lent: a
	// nested one makes its own): at 30x the benchmark book, a third of the first pass's garbage
	flat  []run   // the runs of a paragraph or a cell
	cells []*para // the paragraphs of cells set and done with, at most maxCells
}

// maxCells is as many cells' paragraphs as a room keeps for the next table: a long table's
// are made anew beyond it, rather than kept as long as the room.
const maxCells = 256

// takeRuns lends out the room's runs, empty.
func (r *room) takeRuns() []run {
	rs := r.flat[:0]
	r.flat = nil
	return rs
}

// giveRuns gives back runs lent out (or grown from them), their styles and texts let go of.
func (r *room) giveRuns(rs []run) {
	clear(rs)
	r.flat = rs[:0]
}

// takePara lends out a cell's paragraph set before, nil if the room has none.
func (r *room) takePara() *para {
	n := len(r.cells)
	if n == 0 {
		return nil
	}
	p := r.cells[n-1]
	r.cells = r.cells[:n-1]
	return p
}

// giveParas gives back cells' paragraphs, their pieces' styles and texts let go of.
func (r *room) giveParas(ps []*para) {
	for _, p := range ps {
		if len(r.cells) == maxCells {
			return
		}
		clear(p.pieces)
		r.cells = append(r.cells, p)
	}
}

// rooms are the rooms the units of books take turns with.
var rooms = sync.Pool{New: func() any { return newRoom() }}

// newRoom is an empty room, whose text arrays start small, for a layout's first few lines (a
// part's page, the contents), then grow.
func newRoom() *room { return &room{chars: strarena.Growing(1024, 1<<16)} }

// keep packs the glyphs of the run's text s, of the face given, into the room that keeps them,
// and gives them.
func (r *room) keep(face *metrics.Face, s string) page.Glyphs {
	r.kept = strarena.Grown(r.kept, page.MaxPacked*len(r.line), 512, 1<<15)
	start := len(r.kept)
	r.kept = face.Pack(r.kept, r.line, s)
	r.line = r.line[:0]
	return r.kept[start:len(r.kept):len(r.kept)]
}

// keepText gives the pending run's text as a string kept in the room.
func (r *room) keepText() string {
	s := r.chars.String(r.text)
	r.text = r.text[:0]
	return s
}

// keepFrom is keepText for a run whose text was gathered from from, starting at byte at: from's
// own bytes, when the run's are them, rather than a copy. A line of prose is most often the
// words of one text of the tree and the spaces between them.
func (r *room) keepFrom(from string, at int) string {
	if n := len(r.text); n > 0 && at >= 0 && at+n <= len(from) && from[at:at+n] == string(r.text) {
		r.text = r.text[:0]
		return from[at : at+n]
	}
	return r.keepText()
}

// keepRuns gives the pending line's runs, kept in the room: a box may append to them, in an
// array of its own then.
func (r *room) keepRuns() []page.Text {
	n := len(r.runs)
	if n == 0 {
		return nil
	}
	r.texts = strarena.Grown(r.texts, n, 16, 1<<10)
	start := len(r.texts)
	r.texts = append(r.texts, r.runs...)
	clear(r.runs) // let go of what the runs point to
	r.runs = r.runs[:0]
	return r.texts[start:len(r.texts):len(r.texts)]
}

// lineSetter gathers one line's text runs, link areas and strike-outs.
type lineSetter struct {
	b      *vbox
	base   float64
	cur    *page.Text // the pending run, its S still in room.text and its glyphs in room.line
	from   string     // the text of the tree the pending run's first piece is part of, from byte at
	at     int
	room   *room
	spaces bool // the pending run has a space, so its WordSpace is set
	rtl    bool // the pending run is set right to left: nothing joins it
	curSt  *style
	curEnd float64
	link   *page.Link
	strike *page.Rule
}

// space joins a space to the pending run when it continues it in the same face, stretched or
// shrunk as the run's other spaces are: a line in one face is then one run, its spaces widened
// as PDF's word spacing does, instead of a run per word. natural is the glue's own width, set is
// its width in the line.
func (s *lineSetter) space(st *style, x, natural, set float64) {
	if s.cur == nil || s.rtl || s.curEnd != x || !sameFace(st, s.curSt) || s.cur.Font != st.face().Font || natural != st.face().RuneWidth(' ', st.size) {
		return
	}
	if ws := set - natural; !s.spaces {
		s.cur.WordSpace, s.spaces = ws, true
	} else if ws != s.cur.WordSpace {
		return
	}
	for _, g := range st.face().Space() {
		g.Cluster += int32(len(s.room.text))
		s.room.line = append(s.room.line, g)
	}
	s.room.text = append(s.room.text, ' ')
	s.curEnd += set
}

func sameFace(a, b *style) bool {
	return a != nil && b != nil && a.font == b.font && a.faces == b.faces && a.heading == b.heading && a.size == b.size && a.color == b.color && a.rise == b.rise && a.ref == b.ref && a.link == b.link && a.span == b.span
}

// put sets a piece at x: it joins the pending text run when it continues it exactly.
func (s *lineSetter) put(pc *piece, x, w float64) {
	st := pc.st
	// a right-to-left piece is a run of its own, its glyphs in visual order: draw tells it by them
	if s.cur == nil || s.curEnd != x || !sameFace(st, s.curSt) || s.cur.Font != pc.font || pc.level%2 == 1 || s.rtl {
		s.flushText()
		s.cur = &page.Text{X: x, Y: s.base - st.rise, Font: pc.font, Size: st.size, Color: st.color, Tag: s.b.tagFor(st.inline())}
		s.curSt, s.rtl = st, pc.level%2 == 1
		s.from, s.at = pc.from, int(pc.at)
	}
	off := int32(len(s.room.text)) - pc.base
	for _, g := range pc.glyphs {
		g.Cluster += off
		s.room.line = append(s.room.line, g)
	}
	s.room.text = append(s.room.text, pc.text...)
	s.curEnd = x + w
	if pc.note != "" {
		c := s.b.cite()
		c.notes = append(c.notes, pc.note)
	}
	s.linkTo(st, x, w)
	if st.strike {
		if s.strike != nil {
			s.strike.X2 = x + w
		} else {
			y := s.base - st.size*0.28
			s.strike = &page.Rule{X1: x, Y1: y, X2: x + w, Y2: y, Width: st.size * 0.06, Color: st.color}
		}
	} else {
		s.flushStrike()
	}
}

// image sets an image in the line at x, standing on the baseline.
func (s *lineSetter) image(pc *piece, x, w float64) {
	s.flushText()
	s.flushStrike()
	h := min(pc.st.size*inlineHeight, w*float64(pc.img.Height)/float64(pc.img.Width)) // narrower when asked so
	// a Figure of its own, in its link and passage if it has them
	outer, inner := pc.st.inline()
	placeImage(s.b.more(), pc.img, x, s.base-h, w, h, s.b.tagFor(outer, inner, pc.st.figure))
	s.linkTo(pc.st, x, w)
}

// linkTo makes the span from x, w wide, part of the style's link, if it has one.
func (s *lineSetter) linkTo(st *style, x, w float64) {
	if st.url == "" && st.dest == "" {
		s.flushLink()
		return
	}
	if s.link != nil && s.link.URL == st.url && s.link.Dest == st.dest {
		s.link.W = x + w - s.link.X
		return
	}
	s.flushLink()
	top := s.base - st.rise - st.size*0.95
	s.link = &page.Link{X: x, Y: top, W: w, H: st.size * 1.2, URL: st.url, Dest: st.dest, Tag: s.b.tagFor(st.linkPath())}
}

func (s *lineSetter) flushText() {
	if s.cur != nil && s.curSt.ref != "" {
		c := s.b.cite()
		c.refs = append(c.refs, refSlot{text: len(s.room.runs), dest: s.curSt.ref})
	}
	if s.cur != nil {
		s.cur.S = s.room.keepFrom(s.from, s.at)
		s.cur.Glyphs = s.room.keep(faceOf(s.cur.Font), s.cur.S)
		s.room.runs = append(s.room.runs, *s.cur)
		s.cur, s.spaces = nil, false
	}
}

func (s *lineSetter) flushLink() {
	if s.link != nil {
		s.b.more().Links = append(s.b.more().Links, *s.link)
		s.link = nil
	}
}

func (s *lineSetter) flushStrike() {
	if s.strike != nil {
		s.b.more().Rules = append(s.b.more().Rules, *s.strike)
		s.strike = nil
	}
}
