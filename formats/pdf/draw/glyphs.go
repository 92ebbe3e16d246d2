package draw

import (
	"math"
	"slices"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"bookc/formats/pdf/metrics"
	"bookc/formats/pdf/page"
)

// The pages' text codes are glyph numbers (Identity-H, CID = glyph): what shaping gives, ligatures
// and contextual forms included, which have no character of their own. ToUnicode takes each glyph
// back to its text (embed), and where a glyph's text there is not what the source says at that
// place (a ligature, a reordered or joined cluster, a soft hyphen drawn as a hyphen), an
// ActualText span around it says it, so that copying and extracting give the source.

// glyphSet is the glyphs a document draws in one face: a bit per glyph, and the text of each glyph
// the font's cmap does not reach, for ToUnicode: the least text it stood for, the same whichever
// pages a worker drew.
type glyphSet struct {
	bits  []uint64
	texts map[uint16]string
}

func (s *glyphSet) add(g uint16) {
	if i := int(g / 64); i >= len(s.bits) {
		s.bits = append(s.bits, make([]uint64, i+1-len(s.bits))...)
	}
	s.bits[g/64] |= 1 << (g % 64)
}

func (s *glyphSet) addText(g uint16, text string) {
	if cur, ok := s.texts[g]; !ok || text < cur {
		if s.texts == nil {
			s.texts = map[uint16]string{}
		}
		s.texts[g] = text
	}
}

func (s *glyphSet) union(o *glyphSet) {
	if len(o.bits) > len(s.bits) {
		s.bits = append(s.bits, make([]uint64, len(o.bits)-len(s.bits))...)
	}
	for i, w := range o.bits {
		s.bits[i] |= w
	}
	for g, t := range o.texts {
		s.addText(g, t)
	}
}

// list gives the glyphs in order.
func (s *glyphSet) list() []uint16 {
	var gs []uint16
	for i, w := range s.bits {
		for b := 0; w != 0; b, w = b+1, w>>1 {
			if w&1 != 0 {
				gs = append(gs, uint16(i*64+b))
			}
		}
	}
	return gs
}

// usage is the glyphs drawn, by face.
type usage map[page.Font]*glyphSet

func (u usage) of(f page.Font) *glyphSet {
	s := u[f]
	if s == nil {
		s = &glyphSet{}
		u[f] = s
	}
	return s
}

func (u usage) merge(o usage) {
	for f, s := range o {
		u.of(f).union(s)
	}
}

// fontSet is the faces a form names, in order.
type fontSet []page.Font

func (s *fontSet) add(f page.Font) {
	if i, ok := slices.BinarySearch(*s, f); !ok {
		*s = slices.Insert(*s, i, f)
	}
}

// fontName is the resource name a content calls a face by: the same for the same face in every
// build, whatever number it got (metrics lends numbers as faces are first needed).
func fontName(f page.Font) string { return metrics.Get(f).Res }

// missingBox is where a glyph no font has stands, from the run's start, in points.
type missingBox struct{ x, w float64 }

// show writes text set in font (the run's glyphs, or S shaped by metrics) as text-showing
// operators inside a text object, at the size given, with wordSpace added after each space;
// endsLine tells whether it is the last run on its baseline (see cluster). It adds the faces it
// sets to fonts and their glyphs to the subsets, and gives where the glyphs that no font has
// stand: the caller draws those boxes, outside the text object.
func (e *encoder) show(t page.Text, endsLine bool, fonts *fontSet) []missingBox {
	var segs []metrics.Seg
	if t.Glyphs == nil {
		segs = e.words.Shape(metrics.Get(t.Font), t.S)
	} else {
		e.glyphs = metrics.Get(t.Font).Unpack(e.glyphs[:0], t.Glyphs, t.S)
		e.seg[0] = metrics.Seg{Font: t.Font, Glyphs: e.glyphs}
		segs = e.seg[:] // a million runs of a large book's each made one otherwise
	}
	r := glyphRun{e: e, t: t, ws: t.WordSpace * 1000 / t.Size, segs: segs}
	for i, sg := range segs {
		if len(sg.Glyphs) == 0 {
			continue
		}
		if sg.Font != e.font {
			r.close() // no operator but numbers and strings inside an array
		}
		e.setFont(sg.Font, t.Size)
		fonts.add(sg.Font)
		r.seg(sg, endsLine && i == len(segs)-1)
	}
	r.close()
	return r.boxes
}

// end is where the text of the cluster at c ends: at the run's next cluster, or its end. A
// cluster's glyphs are mostly followed by the next one's (next), so that is looked at first.
func (r *glyphRun) end(c int32, next []page.Glyph) int32 {
	_, n := utf8.DecodeRuneInString(r.t.S[c:])
	for _, g := range next {
		if g.Cluster == c+int32(n) {
			return g.Cluster // the very next character: no other cluster can come between
		}
		if g.Cluster != c {
			break
		}
	}
	end := int32(len(r.t.S))
	for _, sg := range r.segs {
		for _, g := range sg.Glyphs {
			if g.Cluster > c && g.Cluster < end {
				end = g.Cluster
			}
		}
	}
	return end
}

// glyphRun writes one run's glyphs.
type glyphRun struct {
	e    *encoder
	t    page.Text
	ws   float64 // word spacing, in thousandths of the size
	segs []metrics.Seg
	pen  float64 // thousandths of the size from the run's start
	// the last fractional move written, and how: word spacing repeats after every space
	lastMove float64
	lastNum  []byte
	open     bool // a TJ array is open
	boxes    []missingBox
}

// seg writes a segment cluster by cluster. Left to right, each plain cluster is its glyph and
// each other (cluster) sits inside an ActualText span. Right to left, there is no span: PDF
// readers take right-to-left glyphs for visual order and put them back in logical order
// themselves (poppler, MuPDF), which a span's logical text would undo, so each glyph's text is
// what ToUnicode gives (own).
func (r *glyphRun) seg(sg metrics.Seg, endsLine bool) {
	gs, face := sg.Glyphs, metrics.Get(sg.Font)
	set := r.e.used.of(sg.Font)
	rtl := len(gs) > 1 && gs[0].Cluster > gs[len(gs)-1].Cluster
	runes := face.Runes()
	for i := 0; i < len(gs); {
		// most clusters are one character and one glyph that the cmap maps it to: written straight
		if g := gs[i]; !rtl && g.ID != 0 && g.XOff == 0 && g.YOff == 0 && int(g.ID) < len(runes) {
			c, n := rune(r.t.S[g.Cluster]), 1
			if c >= utf8.RuneSelf {
				c, n = utf8.DecodeRuneInString(r.t.S[g.Cluster:])
			}
			next := int32(len(r.t.S))
			if i+1 < len(gs) {
				next = gs[i+1].Cluster
			}
			if runes[g.ID] == c && next == g.Cluster+int32(n) && !(endsLine && c == '-' && i == len(gs)-1) {
				set.add(g.ID)
				adv := float64(g.Advance)
				if c == ' ' {
					adv += r.ws
				}
				r.code(g.ID)
				r.move(adv - float64(face.TTF.Advance(g.ID)))
				r.pen += adv
				i++
				continue
			}
		}
		j := i + 1
		for j < len(gs) && gs[j].Cluster == gs[i].Cluster {
			j++
		}
		text := r.t.S[gs[i].Cluster:r.end(gs[i].Cluster, gs[j:])]
		if rtl {
			for k, g := range gs[i:j] {
				r.glyph(g, face, set, own(gs[i:j], k, text, face))
			}
			i = j
			continue
		}
		actual, plain := r.cluster(gs[i:j], text, face, endsLine && j == len(gs))
		if !plain {
			r.span(actual)
		}
		for _, g := range gs[i:j] {
			r.glyph(g, face, set, text)
			if !plain {
				set.addText(g.ID, text)
			}
		}
		if !plain {
			r.endSpan()
		}
		i = j
	}
}

// own is the text of glyph k of a right-to-left cluster for ToUnicode, where no span says the
// cluster's: the cluster's text but for the characters its other glyphs show through the cmap (a
// base's positional form and its vowel mark are two glyphs of one cluster), all of it for the
// first glyph the cmap does not reach, none for the others. Readers take the text of one glyph
// of several letters (lam-alef) as in visual order too, and turn it around with the rest, so it
// is given so: right to left.
func own(gs []page.Glyph, k int, text string, face *metrics.Face) string {
	if c := face.CharOf(gs[k].ID); c != 0 && !presentationForm(c) {
		return string(c)
	}
	for _, g := range gs[:k] {
		if c := face.CharOf(g.ID); c == 0 || presentationForm(c) {
			return "" // an earlier glyph has the text
		}
	}
	rest := []rune(text)
	for i, g := range gs {
		if c := face.CharOf(g.ID); i != k && c != 0 && !presentationForm(c) {
			if at := slices.Index(rest, c); at >= 0 {
				rest = slices.Delete(rest, at, at+1)
			}
		}
	}
	slices.Reverse(rest)
	return string(rest)
}

// cluster tells whether a cluster's glyphs read back as its text through ToUnicode (plain), and
// else what its ActualText says. Extractors take a "-" that ends a line for a hyphen the line
// break added, and join the lines: "on-call" broken after its hyphen would lose it, and a code
// line "---" would run into the next. Read as "- ", it keeps both.
func (r *glyphRun) cluster(gs []page.Glyph, text string, face *metrics.Face, endsLine bool) (string, bool) {
	if endsLine && text == "-" {
		return "- ", false
	}
	if len(gs) != 1 || gs[0].ID == 0 {
		return text, false
	}
	c, n := utf8.DecodeRuneInString(text)
	return text, n == len(text) && face.CharOf(gs[0].ID) == c
}

// glyph writes one glyph of the cluster whose text is given (for ToUnicode, where the cmap does
// not reach it), moved by its
// offsets, and the pen moved on by its advance, word spacing after a space included; a glyph 0
// is left out, its room kept, and its box noted.
func (r *glyphRun) glyph(g page.Glyph, face *metrics.Face, set *glyphSet, text string) {
	adv := float64(g.Advance)
	if int(g.Cluster) < len(r.t.S) && r.t.S[g.Cluster] == ' ' {
		adv += r.ws
	}
	if g.ID == 0 {
		r.boxes = append(r.boxes, missingBox{x: r.pen * r.t.Size / 1000, w: float64(g.Advance) * r.t.Size / 1000})
		r.move(adv)
		return
	}
	set.add(g.ID)
	if c := face.CharOf(g.ID); (c == 0 || presentationForm(c)) && text != "" {
		set.addText(g.ID, text)
	}
	if g.YOff != 0 {
		r.close()
		r.e.nums(float64(g.YOff) * r.t.Size / 1000)
		r.e.buf = append(r.e.buf, "Ts "...)
	}
	r.move(float64(g.XOff))
	r.code(g.ID)
	r.move(adv - float64(face.TTF.Advance(g.ID)) - float64(g.XOff))
	if g.YOff != 0 {
		r.close()
		r.e.buf = append(r.e.buf, "0 Ts "...)
	}
	r.pen += adv
}

// move moves the pen by d thousandths of the size, beyond what the glyphs shown advance it.
func (r *glyphRun) move(d float64) {
	if d == 0 {
		return
	}
	r.openArray()
	r.e.buf = append(r.e.buf, ") "...)
	switch {
	case d == r.lastMove && r.lastNum != nil: // a line's word spaces are all one
		r.e.buf = append(r.e.buf, r.lastNum...)
	case d == math.Trunc(d) && math.Abs(d) < 1e6: // kerning, in whole thousandths
		r.e.buf = strconv.AppendInt(r.e.buf, int64(-d), 10)
	default:
		at := len(r.e.buf)
		r.e.buf = appendReal(r.e.buf, -d, 2)
		r.lastMove, r.lastNum = d, append(r.lastNum[:0], r.e.buf[at:]...)
	}
	r.e.buf = append(r.e.buf, " ("...)
}

func (r *glyphRun) openArray() {
	if !r.open {
		r.e.buf = append(r.e.buf, "[("...)
		r.open = true
	}
}

func (r *glyphRun) close() {
	if r.open {
		r.e.buf = append(r.e.buf, ")] TJ "...)
		r.open = false
	}
}

// code writes a glyph number as the embedded fonts take it, two bytes in a literal string: "(",
// ")" and "\" escaped, and CR, which a reader would turn into LF.
func (r *glyphRun) code(g uint16) {
	r.openArray()
	for _, b := range [2]byte{byte(g >> 8), byte(g)} {
		switch b {
		case '(', ')', '\\':
			r.e.buf = append(r.e.buf, '\\', b)
		case '\r':
			r.e.buf = append(r.e.buf, '\\', 'r')
		default:
			r.e.buf = append(r.e.buf, b)
		}
	}
}

// span opens marked content whose ActualText is text; marked content cannot sit inside an array.
func (r *glyphRun) span(text string) {
	r.close()
	r.e.buf = append(r.e.buf, "/Span <</ActualText <FEFF"...)
	r.e.buf = appendUTF16Hex(r.e.buf, text)
	r.e.buf = append(r.e.buf, ">>> BDC "...)
}

func (r *glyphRun) endSpan() {
	r.close()
	r.e.buf = append(r.e.buf, "EMC "...)
}

// appendUTF16Hex writes text in UTF-16BE, as hexadecimal digits.
func appendUTF16Hex(buf []byte, text string) []byte {
	const digits = "0123456789ABCDEF"
	for _, u := range utf16.Encode([]rune(text)) {
		buf = append(buf, digits[u>>12&15], digits[u>>8&15], digits[u>>4&15], digits[u&15])
	}
	return buf
}
