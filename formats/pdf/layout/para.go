package layout

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-text/typesetting/segmenter"
	"golang.org/x/text/unicode/bidi"

	"bookc/builder/diag"
	"bookc/builder/tree"
	"bookc/fonts"
	"bookc/formats/pdf/hyphen"
	"bookc/formats/pdf/linebreak"
	"bookc/formats/pdf/metrics"
	"bookc/formats/pdf/page"
	"bookc/formats/pdf/wordbreak"
)

// piece is what an item shows: the text of a box, the hyphen a flagged penalty adds, or an image.
// A text's glyphs are shaped in font, the style's face or one it falls back to; their clusters,
// less base, are offsets in text (the glyphs are the shaped word's, shared, not copied).
type piece struct {
	st     *style
	text   string
	from   string // the run's text that text is a part of, from byte at (room.keepFrom); "" if none
	glyphs []page.Glyph
	base   int32
	at     int32
	font   page.Font
	level  uint8 // a box's bidi embedding level: odd for text set right to left
	note   string
	img    *tree.Asset
	dest   string // a link target at this place
}

// para is a paragraph as Knuth–Plass items, with the piece behind each item.
type para struct {
	items  []linebreak.Item
	pieces []piece
	width  float64 // the measure it is set to, for emergency breaks
	rtl    bool    // a right-to-left paragraph (its first strong character is), set flush right
}

func (p *para) add(it linebreak.Item, pc piece) {
	p.items = append(p.items, it)
	p.pieces = append(p.pieces, pc)
}

// build turns runs into items: words as boxes, spaces as glue, hyphenation points and the breaks
// of verbatim text as penalties.
func (l *lay) build(rs []run, width float64) *para { return l.buildInto(nil, rs, width) }

// spares keeps the room of paragraphs set and done with (see lay.paragraph), for the next ones.
var spares = sync.Pool{New: func() any { return (*para)(nil) }}

// buildInto is build into the room of a paragraph already set, when p is not nil.
func (l *lay) buildInto(p *para, rs []run, width float64) *para {
	n := 4
	for _, r := range rs {
		n += len(r.text) / 2 // a box and a glue per word, a penalty and a box per hyphenation point
	}
	if p == nil || cap(p.items) < n || cap(p.pieces) < n {
		p = &para{items: make([]linebreak.Item, 0, n), pieces: make([]piece, 0, n)}
	}
	p.width, p.items, p.pieces = width, p.items[:0], p.pieces[:0]
	p.rtl = rightToLeft(rs)
	var word []run
	flush := func() {
		if len(word) > 0 {
			l.word(p, word)
			word = word[:0]
		}
	}
	space := func(st *style) {
		flush()
		if n := len(p.items); n > 0 && p.items[n-1].Kind == linebreak.Box {
			p.add(wordSpace(st), piece{st: st})
		}
	}
	// a tie, n no-break spaces, is n spaces a line breaks at only where else it would cut a
	// word (TeX's ~, which would rather stick out)
	tie := func(st *style, n int) {
		flush()
		p.add(linebreak.Item{Kind: linebreak.Penalty, Penalty: tiePenalty}, piece{st: st})
		for range n {
			p.add(wordSpace(st), piece{st: st})
		}
	}
	for _, r := range rs {
		if r.img != nil {
			flush()
			w := inlineImageWidth(r.img, r.st.size)
			if asked := askedWidth(r.size, width); asked > 0 {
				w = min(w, asked) // an icon asked smaller; never taller than the line
			}
			p.add(linebreak.Item{Kind: linebreak.Box, Width: w}, piece{st: r.st, img: r.img})
			continue
		}
		if r.dest != "" { // no width: the target only marks the line it lands on
			flush()
			p.add(linebreak.Item{Kind: linebreak.Box}, piece{st: r.st, dest: r.dest})
			continue
		}
		if r.brk {
			flush()
			p.trimGlue()
			p.items = linebreak.Finish(p.items)
			p.pieces = append(p.pieces, make([]piece, len(p.items)-len(p.pieces))...)
			continue
		}
		text := r.text
		for text != "" {
			i := strings.IndexFunc(text, isSpaceOrTie)
			at := len(r.text) - len(text)
			if i < 0 {
				word = append(word, run{st: r.st, text: text, note: r.note, from: r.text, at: at})
				break
			}
			if i > 0 {
				word = append(word, run{st: r.st, text: text[:i], note: r.note, from: r.text, at: at})
			}
			if ties := len(text[i:]) - len(strings.TrimLeft(text[i:], nbsp)); ties > 0 {
				tie(r.st, ties/len(nbsp))
				text = text[i+ties:]
				continue
			}
			space(r.st)
			_, n := utf8.DecodeRuneInString(text[i:])
			text = text[i+n:]
		}
	}
	flush()
	p.trimGlue()
	p.fit()
	return p
}

// inlineHeight is the height of an image set in a line of text, relative to the type size: as tall
// as capitals and ascenders, so that it never pushes into the lines around it.
const inlineHeight = 0.9

// inlineImageWidth is the width of an image set in a line, scaled to inlineHeight.
func inlineImageWidth(a *tree.Asset, size float64) float64 {
	return size * inlineHeight * float64(a.Width) / float64(a.Height)
}

// trimGlue drops space at the end, before a line break or the paragraph's end.
func (p *para) trimGlue() {
	for n := len(p.items); n > 0 && p.items[n-1].Kind == linebreak.Glue; n-- {
		p.items, p.pieces = p.items[:n-1], p.pieces[:n-1]
	}
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }

// wordSpace is the glue of a space between words in a style.
func wordSpace(st *style) linebreak.Item {
	w := st.face().RuneWidth(' ', st.size)
	if st.code {
		return linebreak.Item{Kind: linebreak.Glue, Width: w} // code keeps its spaces as typed: the prose around it justifies
	}
	return linebreak.Item{Kind: linebreak.Glue, Width: w, Stretch: w * 0.6, Shrink: w * 0.3}
}

// nbsp is the no-break space, which ties the words around it ("p. 57", "2.1  Title").
const nbsp = "\u00a0"

func isSpaceOrTie(r rune) bool { return isSpace(r) || r == '\u00a0' }

// word adds one word, made of runs in different styles, as boxes and penalties.
func (l *lay) word(p *para, frags []run) {
	for i, f := range frags {
		if f.note != "" && i > 0 {
			// a hair of space, so that text extraction does not read the mark as part of the word
			p.add(linebreak.Item{Kind: linebreak.Box, Width: 0.6}, piece{st: f.st})
		}
		var cuts []cut
		switch {
		case strings.Contains(f.text, "://"):
			cuts = urlCuts(f.text)
		case f.st.code:
			cuts = codeCuts(f.text)
		case l.noHyphen, p.rtl: // a hyphen has no place to go in a line set right to left
		default:
			h := l.hyph
			if f.st.lang != "" {
				h = hyphenator(f.st.lang)
			}
			if h != nil {
				cuts = l.hyphenCuts(h, f.text)
			}
		}
		if !f.st.code {
			cuts = mergeCuts(cuts, ideographicCuts(f.text))
			cuts = mergeCuts(cuts, thaiCuts(f.text))
		}
		segs := l.words.Shape(f.st.face(), f.text)
		l.lackIn(f.text, segs)
		for k, sg := range segs {
			n := len(p.items)
			l.boxes(p, f, sg, segSpan(f.text, segs, k), cuts)
			level := uint8(0)
			switch {
			case sg.RTL:
				level = 1
			case p.rtl:
				level = 2 // left-to-right text in a right-to-left paragraph
			}
			for i := n; i < len(p.items); i++ {
				p.pieces[i].level = level
			}
		}
	}
}

// rightToLeft tells whether a paragraph's first strong character is right to left (UAX #9 P2).
func rightToLeft(rs []run) bool {
	for _, r := range rs {
		for i := 0; i < len(r.text); {
			c, n := utf8.DecodeRuneInString(r.text[i:])
			i += n
			if c < 0x80 {
				if 'A' <= c|0x20 && c|0x20 <= 'z' {
					return false
				}
				continue
			}
			switch p, _ := bidi.LookupRune(c); p.Class() {
			case bidi.L:
				return false
			case bidi.R, bidi.AL:
				return true
			}
		}
	}
	return false
}

// segSpan is the bytes of text that segment k of its shaping shows: from its first cluster to
// the next cluster of any segment after it in the text.
func segSpan(text string, segs []metrics.Seg, k int) [2]int {
	lo, hi := len(text), len(text)
	for _, g := range segs[k].Glyphs {
		lo = min(lo, int(g.Cluster))
	}
	if len(segs) == 1 {
		return [2]int{lo, hi} // every cluster after lo is the segment's own: most words are one
	}
	for _, sg := range segs {
		for _, g := range sg.Glyphs {
			if c := int(g.Cluster); c > lo && c < hi && !inSeg(segs[k], c) {
				hi = c
			}
		}
	}
	return [2]int{lo, hi}
}

func inSeg(sg metrics.Seg, cluster int) bool {
	for _, g := range sg.Glyphs {
		if int(g.Cluster) == cluster {
			return true
		}
	}
	return false
}

// boxes adds the boxes of one shaped segment, the bytes span of f.text, with a penalty at each
// cut that falls between two of its clusters, left to right: a cut inside a cluster (a
// ligature's letters, a base and its marks) is no place to break, and a right-to-left segment
// is not broken.
func (l *lay) boxes(p *para, f run, sg metrics.Seg, span [2]int, cuts []cut) {
	gs := sg.Glyphs
	if len(gs) == 0 {
		return
	}
	start, from := span[0], 0 // the text and glyphs of the box being made
	ltr := gs[0].Cluster <= gs[len(gs)-1].Cluster
	for _, c := range cuts {
		if !ltr || c.at <= start || c.at >= span[1] {
			continue
		}
		k := from
		for k < len(gs) && int(gs[k].Cluster) < c.at {
			k++
		}
		if k == from || k == len(gs) || int(gs[k].Cluster) != c.at {
			continue
		}
		box(p, f, sg.Font, start, c.at, gs[from:k])
		start, from = c.at, k
		if c.glue {
			p.add(linebreak.Item{Kind: linebreak.Glue, Stretch: f.st.size * interCharStretch}, piece{st: f.st})
			continue
		}
		pen := linebreak.Item{Kind: linebreak.Penalty, Penalty: c.penalty, Flagged: c.flagged}
		pc := piece{st: f.st}
		if c.hyphen {
			// the hyphen's glyph, shown as a soft hyphen: readers of the PDF's text know to join
			// the word again
			hy := f.st.face().Hyphen()
			pen.Width = float64(metrics.Advance(hy.Glyphs)) * f.st.size / 1000
			pc.text, pc.glyphs, pc.font = "\u00ad", hy.Glyphs, hy.Font
		}
		p.add(pen, pc)
	}
	box(p, f, sg.Font, start, span[1], gs[from:])
}

// box adds a box of glyphs set in font, showing f.text[start:end].
func box(p *para, f run, font page.Font, start, end int, gs []page.Glyph) {
	if start < end {
		w := float64(metrics.Advance(gs)) * f.st.size / 1000
		p.add(linebreak.Item{Kind: linebreak.Box, Width: w}, piece{st: f.st, text: f.text[start:end], glyphs: gs, base: int32(start), font: font, note: f.note, from: f.from, at: int32(f.at + start)})
	}
}

// emergency is the penalty of a break that only keeps a line inside the measure; tiePenalty,
// of a break at a no-break space, is just below it: a tie breaks before a word would be cut.
const (
	emergency  = 500
	tiePenalty = emergency - 1
)

// fit makes every run of boxes without a break between them at most the paragraph's width:
// it allows breaks between the run's boxes and, where one box alone is too wide, between its
// characters, and forbids a hyphenation that leaves too little room for its hyphen. Nothing then
// sticks out of the measure.
func (p *para) fit() {
	if !p.tooWide() {
		return
	}
	items, pieces := p.items, p.pieces
	p.items, p.pieces = nil, nil
	run := 0.0
	for i, it := range items {
		if it.Kind != linebreak.Box {
			if it.Kind == linebreak.Penalty && it.Penalty < linebreak.Infinity && it.Width > 0 && run+it.Width > p.width {
				continue // a break here would stick out by the hyphen it adds: none
			}
			p.add(it, pieces[i])
			if it.Kind == linebreak.Glue || it.Penalty < linebreak.Infinity {
				run = 0
			}
			continue
		}
		if run > 0 && run+it.Width > p.width {
			p.add(linebreak.Item{Kind: linebreak.Penalty, Penalty: emergency}, piece{st: pieces[i].st})
			run = 0
		}
		if it.Width <= p.width {
			p.add(it, pieces[i])
			run += it.Width
			continue
		}
		pc := pieces[i]
		start, from, acc := 0, 0, 0.0 // the text, glyphs and width of the part being made
		for k, g := range pc.glyphs {
			gw := float64(g.Advance) * pc.st.size / 1000
			if c := int(g.Cluster - pc.base); acc+gw > p.width && k > from && c > start && g.Cluster > pc.glyphs[k-1].Cluster {
				part := pc
				part.text, part.glyphs, part.base = pc.text[start:c], pc.glyphs[from:k], pc.base+int32(start)
				p.add(linebreak.Item{Kind: linebreak.Box, Width: acc}, part)
				p.add(linebreak.Item{Kind: linebreak.Penalty, Penalty: emergency}, piece{st: pc.st})
				start, from, acc = c, k, 0
			}
			acc += gw
		}
		part := pc
		part.text, part.glyphs, part.base = pc.text[start:], pc.glyphs[from:], pc.base+int32(start)
		p.add(linebreak.Item{Kind: linebreak.Box, Width: acc}, part)
		run = acc
	}
}

// tooWide reports whether some run of boxes without a break between them, or before a hyphen a
// break adds, is wider than the measure.
func (p *para) tooWide() bool {
	run := 0.0
	for _, it := range p.items {
		switch {
		case it.Kind == linebreak.Box:
			if run += it.Width; run > p.width {
				return true
			}
		case it.Kind == linebreak.Glue:
			run = 0
		case it.Penalty < linebreak.Infinity:
			if run+it.Width > p.width {
				return true
			}
			run = 0
		}
	}
	return false
}

// lackIn notes the characters of text that no face has, which Shape gave glyph 0: the chapter's
// diagnostic lists them, and the PDF shows a box for each.
func (l *lay) lackIn(text string, segs []metrics.Seg) {
	for _, sg := range segs {
		if !sg.Missing {
			continue
		}
		for _, g := range sg.Glyphs {
			if g.ID == 0 && int(g.Cluster) < len(text) {
				r, _ := utf8.DecodeRuneInString(text[g.Cluster:])
				l.missing.add(r, l.at)
			}
		}
	}
}

// lack notes characters the fonts cannot show, once each, where a block set before found them.
func (l *lay) lack(ls []lack) {
	for _, m := range ls {
		l.missing.add(m.r, m.at)
	}
}

// lacking is a set of characters, in the order they were added, each with where it was first
// found. It is a set, not a string searched for each one: a chapter in a script the fonts lack
// has thousands of them.
type lacking struct {
	list []lack
	seen map[rune]bool
}

type lack struct {
	r  rune
	at tree.At
}

func (m *lacking) add(r rune, at tree.At) {
	if m.seen[r] {
		return
	}
	if m.seen == nil {
		m.seen = map[rune]bool{}
	}
	m.seen[r] = true
	m.list = append(m.list, lack{r, at})
}

// maxLackDiags bounds the places a chapter's message about missing glyphs names one by one.
const maxLackDiags = 10

// diagnose reports the characters no font has, a message for each place they were first found
// (the chapter's file where the block has none), the first maxLackDiags places one by one.
func (m *lacking) diagnose(ds *diag.List, source string) {
	var places []tree.At
	chars := map[tree.At][]rune{}
	for _, l := range m.list {
		at := l.at
		if at.File == "" {
			at = tree.At{File: source}
		}
		if chars[at] == nil {
			places = append(places, at)
		}
		chars[at] = append(chars[at], l.r)
	}
	for i, at := range places {
		if i == maxLackDiags {
			var rest []rune
			for _, at := range places[i:] {
				rest = append(rest, chars[at]...)
			}
			ds.Add(diag.Errorf(source, 0, "and in %d more places, no font has a glyph for %q", len(places)-i, string(rest)))
			return
		}
		ds.Add(diag.Errorf(at.File, at.Line, "no font has a glyph for %q (tried %s, %s and the fonts installed on this machine); the PDF shows a box for each: install a font that has them (Debian's fonts-noto-* packages)",
			string(chars[at]), fonts.TextFamily, fonts.MonoFamily))
	}
}

type cut struct {
	at      int
	penalty float64
	flagged bool
	hyphen  bool // a hyphen is added when the line breaks here
	glue    bool // a break between ideographs: no penalty, and room to stretch for justifying
}

// interCharStretch is how far, in ems, the space between two ideographs may stretch when a line
// of Chinese or Japanese justifies (as xeCJK's default inter-character glue does).
const interCharStretch = 0.1

// ideographicCuts are the breaks UAX #14 allows inside a word where an ideograph, kana or a CJK
// punctuation mark stands on either side: Chinese and Japanese are written without spaces, and
// break between characters, but never before a closing mark ("。", "」") or a small kana, nor
// after an opening one, which the line-breaking classes say. Text without such characters has
// none, and costs no segmenting.
func ideographicCuts(s string) []cut {
	if !hasIdeograph(s) {
		return nil
	}
	var seg segmenter.Segmenter
	if seg.InitWithString(s) != nil {
		return nil
	}
	var cuts []cut
	for it := seg.LineIterator(); it.Next(); {
		at := it.Line().OffsetInBytes
		if at == 0 {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(s[:at])
		after, _ := utf8.DecodeRuneInString(s[at:])
		if ideographic(before) || ideographic(after) {
			cuts = append(cuts, cut{at: at, glue: true})
		}
	}
	return cuts
}

// thaiCuts are the places where Thai words meet, in text written without spaces between them
// (wordbreak, from the machine's Thai dictionary): a line breaks there as at a space, with no
// hyphen. Without a dictionary, Thai breaks only at spaces.
func thaiCuts(s string) []cut {
	if !hasThai(s) {
		return nil
	}
	d := wordbreak.Thai()
	if d == nil {
		return nil
	}
	var cuts []cut
	for _, at := range d.Breaks(s) {
		cuts = append(cuts, cut{at: at})
	}
	return cuts
}

// hasThai tells whether s holds a Thai letter, without decoding text that cannot (Thai's UTF-8
// starts with 0xE0 0xB8 or 0xE0 0xB9).
func hasThai(s string) bool {
	for i := strings.IndexByte(s, 0xE0); i >= 0 && i+1 < len(s); {
		if s[i+1] == 0xB8 || s[i+1] == 0xB9 {
			return true
		}
		j := strings.IndexByte(s[i+1:], 0xE0)
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

func hasIdeograph(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xE1 { // a character of U+1000 or past it: the scripts below are all there
			for _, r := range s[i:] {
				if ideographic(r) {
					return true
				}
			}
			return false
		}
	}
	return false
}

// ideographic tells the characters set one per em, between which Chinese and Japanese break.
func ideographic(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Bopomofo) ||
		r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF // CJK punctuation, full-width forms
}

// mergeCuts joins two lists of cuts in order, one cut per place (the first list's where both have one).
func mergeCuts(a, b []cut) []cut {
	if len(b) == 0 {
		return a
	}
	out := make([]cut, 0, len(a)+len(b))
	for len(a) > 0 || len(b) > 0 {
		switch {
		case len(b) == 0 || len(a) > 0 && a[0].at <= b[0].at:
			if len(b) > 0 && b[0].at == a[0].at {
				b = b[1:]
			}
			out, a = append(out, a[0]), a[1:]
		default:
			out, b = append(out, b[0]), b[1:]
		}
	}
	return out
}

// urlCuts allows breaks at / . _ - and the like inside URLs, never adding a hyphen. As the
// Chicago Manual breaks URLs, the break comes before the punctuation (after "//"), so that the
// line never ends in a hyphen a reader would take for a hyphenation. Runs of punctuation ("--",
// "../") stay whole.
func urlCuts(s string) []cut {
	var cuts []cut
	for i := 1; i < len(s)-1; i++ {
		switch {
		case s[i] == '/' && s[i-1] == '/':
			cuts = append(cuts, cut{at: i + 1, penalty: 100})
		case strings.IndexByte(verbatimBreaks, s[i]) >= 0 && strings.IndexByte(verbatimBreaks, s[i-1]) < 0 && s[i-1] != ':':
			cuts = append(cuts, cut{at: i, penalty: 100})
		}
	}
	return cuts
}

const verbatimBreaks = "/._-&?=,#%~"

// codeCuts allows breaks in inline code, never adding a hyphen: after a run of the punctuation
// that joins the parts of paths, identifiers and options (/ . _ - :: = ,) that has something
// before it, so that the next line goes on with a part's name: "build." / "use-" / "default",
// "std::" / "fmt", "/usr/" / "lib", never "--" / "flag" or "." / "gitignore", and no line starts
// with a hyphen a reader would take for an option's.
func codeCuts(s string) []cut {
	var cuts []cut
	joins := func(c byte) bool { return strings.IndexByte(codeJoins, c) >= 0 }
	named := false // a character that is no join before the run of joins going on
	for i := range len(s) {
		if joins(s[i]) {
			continue
		}
		if i > 0 && joins(s[i-1]) && named {
			cuts = append(cuts, cut{at: i, penalty: 100})
		}
		named = true
	}
	return cuts
}

const codeJoins = verbatimBreaks + ":" // and "::"

// compoundJoins are the characters a word may be broken after, with no hyphen added: explicit
// hyphens, dashes and slashes.
const compoundJoins = "-\u2013\u2014/"

// hyphenCuts allows breaks at hyphenation points of letter-only words and after explicit hyphens.
// A word with no join in it, most of them, gets the book's shared cuts: read them, never change
// them.
func (l *lay) hyphenCuts(h *hyphen.Hyphenator, s string) []cut {
	if !strings.ContainsAny(s, compoundJoins) {
		return l.sharedCuts(h, s)
	}
	var cuts []cut
	start := 0
	for i, r := range s {
		if strings.ContainsRune(compoundJoins, r) {
			end := i + utf8.RuneLen(r)
			cuts = l.points(cuts, h, s[start:i], start)
			if end < len(s) && i > 0 {
				cuts = append(cuts, cut{at: end, penalty: 50, flagged: r != '/'})
			}
			start = end
		}
	}
	return l.points(cuts, h, s[start:], start)
}

// sharedCuts are the hyphenation cuts of word s, as the book keeps them (Shared.vocab);
// hyphen.Points sets aside the punctuation around it. Read them, never change them.
func (l *lay) sharedCuts(h *hyphen.Hyphenator, s string) []cut {
	if left, right := h.Min(); len(s) < left+right {
		return nil // too short to break, even in bytes: spare the lookup
	}
	words := l.vocab
	if h != l.hyph {
		words = l.shared.vocab(h)
	}
	return l.cuts.of(words, h, s)
}

// points appends to cuts the hyphenation cuts of a word that starts at byte off.
func (l *lay) points(cuts []cut, h *hyphen.Hyphenator, s string, off int) []cut {
	for _, c := range l.sharedCuts(h, s) {
		c.at += off
		cuts = append(cuts, c)
	}
	return cuts
}
