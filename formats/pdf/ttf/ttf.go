// Package ttf reads a TrueType font for what a PDF needs of it: the glyph each character maps to
// (from the Unicode cmap, format 12 where the font has one, else format 4), each glyph's advance, the metrics a font descriptor gives, and
// subsets that keep only the glyphs a document draws.
package ttf

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"
)

// Font is a parsed TrueType font. It keeps slices of the data it was parsed from, which must not
// change; a Font is read-only and safe to share.
type Font struct {
	tables   map[string][]byte
	cmap     []uint16        // by BMP rune, its glyph; 0 (.notdef) where the font has none
	supp     map[rune]uint16 // the characters past the BMP the font maps, and their glyphs
	advances []int16         // by glyph, in thousandths of an em, rounded
	loca     []uint32        // by glyph, its offset into glyf; one more entry ends the last
	longLoca bool

	Ascent, Descent float64    // from the baseline, in thousandths of an em; Descent is negative
	CapHeight       float64    // height of capitals, in thousandths of an em
	BBox            [4]float64 // every glyph's bounds, in thousandths of an em
	ItalicAngle     float64    // degrees, counterclockwise from vertical
	FixedPitch      bool
	Weight          int // OS/2 usWeightClass, 400 regular and 700 bold
}

// Parse reads a TrueType font. It fails on a font without the tables a PDF embeds, or with a
// table that points outside the data.
func Parse(data []byte) (*Font, error) {
	if len(data) < 12 {
		return nil, fmt.Errorf("too short for a font")
	}
	f := &Font{tables: map[string][]byte{}}
	n := int(u16(data, 4))
	if len(data) < 12+16*n {
		return nil, fmt.Errorf("table directory cut short")
	}
	for i := range n {
		rec := data[12+16*i:]
		off, ln := uint64(u32(rec, 8)), uint64(u32(rec, 12))
		if off+ln > uint64(len(data)) {
			return nil, fmt.Errorf("table %q out of bounds", rec[:4])
		}
		f.tables[string(rec[:4])] = data[off : off+ln]
	}
	for _, tag := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap"} {
		if f.tables[tag] == nil {
			return nil, fmt.Errorf("no %s table", tag)
		}
	}
	head, hhea, maxp := f.tables["head"], f.tables["hhea"], f.tables["maxp"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 {
		return nil, fmt.Errorf("head, hhea or maxp table cut short")
	}
	upem := float64(u16(head, 18))
	if upem == 0 {
		return nil, fmt.Errorf("zero units per em")
	}
	scale := 1000 / upem
	em := func(t []byte, off int) float64 { return float64(int16(u16(t, off))) * scale }
	f.BBox = [4]float64{em(head, 36), em(head, 38), em(head, 40), em(head, 42)}
	f.longLoca = u16(head, 50) != 0
	f.Ascent, f.Descent = em(hhea, 4), em(hhea, 6)
	f.CapHeight = f.Ascent
	if os2 := f.tables["OS/2"]; len(os2) >= 6 {
		f.Weight = int(u16(os2, 4))
		if len(os2) >= 90 && u16(os2, 0) >= 2 {
			f.CapHeight = em(os2, 88)
		}
	}
	if post := f.tables["post"]; len(post) >= 16 {
		f.ItalicAngle = float64(int32(u32(post, 4))) / 65536
		f.FixedPitch = u32(post, 12) != 0
	}
	glyphs := int(u16(maxp, 4))
	if glyphs == 0 {
		return nil, fmt.Errorf("no glyphs")
	}
	if err := f.readLoca(glyphs); err != nil {
		return nil, err
	}
	metrics := int(u16(hhea, 34))
	hmtx := f.tables["hmtx"]
	if metrics == 0 || len(hmtx) < 4*metrics {
		return nil, fmt.Errorf("hmtx table cut short")
	}
	f.advances = make([]int16, glyphs)
	for g := range f.advances {
		m := min(g, metrics-1) // glyphs past the last metric share its advance
		f.advances[g] = int16(math.Round(float64(u16(hmtx, 4*m)) * scale))
	}
	var err error
	if f.cmap, f.supp, err = unicodeMap(f.tables["cmap"], glyphs); err != nil {
		return nil, err
	}
	return f, nil
}

func (f *Font) readLoca(glyphs int) error {
	loca, glyf := f.tables["loca"], f.tables["glyf"]
	f.loca = make([]uint32, glyphs+1)
	for g := range f.loca {
		if f.longLoca {
			if len(loca) < 4*g+4 {
				return fmt.Errorf("loca table cut short")
			}
			f.loca[g] = u32(loca, 4*g)
		} else {
			if len(loca) < 2*g+2 {
				return fmt.Errorf("loca table cut short")
			}
			f.loca[g] = 2 * uint32(u16(loca, 2*g))
		}
		if f.loca[g] > uint32(len(glyf)) || g > 0 && f.loca[g] < f.loca[g-1] {
			return fmt.Errorf("loca entry %d out of order or past glyf", g)
		}
	}
	return nil
}

// Glyph returns the glyph the font maps r to, 0 (.notdef) for none.
func (f *Font) Glyph(r rune) uint16 {
	if r >= 0 && int(r) < len(f.cmap) {
		return f.cmap[r]
	}
	return f.supp[r]
}

// Supplementary lists the characters past the Basic Multilingual Plane that the font maps to a
// glyph, in order.
func (f *Font) Supplementary() []rune {
	rs := make([]rune, 0, len(f.supp))
	for r := range f.supp {
		rs = append(rs, r)
	}
	slices.Sort(rs)
	return rs
}

// Glyphs is how many glyphs the font has.
func (f *Font) Glyphs() int { return len(f.advances) }

// Advances are the glyphs' advances, as Advance gives them, by glyph: not to be changed.
func (f *Font) Advances() []int16 { return f.advances }

// Advance returns a glyph's advance in thousandths of an em, rounded as a PDF's width array
// gives it.
func (f *Font) Advance(g uint16) int16 {
	if int(g) >= len(f.advances) {
		return 0
	}
	return f.advances[g]
}

// unicodeMap reads the Unicode subtable of cmap: the full repertoire's (3,10) format 12 where
// the font has one, else the BMP's (3,1) format 4. It gives the glyph of each BMP rune, by rune,
// and those of the characters past it.
func unicodeMap(cmap []byte, glyphs int) ([]uint16, map[rune]uint16, error) {
	if len(cmap) < 4 {
		return nil, nil, fmt.Errorf("cmap table cut short")
	}
	n := int(u16(cmap, 2))
	bmp := -1
	for i := range n {
		if len(cmap) < 4+8*i+8 {
			break
		}
		rec := cmap[4+8*i:]
		off := int(u32(rec, 4))
		platform, encoding := u16(rec, 0), u16(rec, 2)
		switch {
		case platform == 3 && encoding == 10 && off+16 <= len(cmap) && u16(cmap, off) == 12:
			return format12(cmap[off:], glyphs)
		case platform == 3 && encoding == 1 && off+14 <= len(cmap) && u16(cmap, off) == 4 && bmp < 0:
			bmp = off
		}
	}
	if bmp < 0 {
		return nil, nil, fmt.Errorf("no Unicode (3,10) format 12 or (3,1) format 4 cmap")
	}
	m, err := format4(cmap[bmp:], glyphs)
	return m, nil, err
}

// format12 reads a format 12 subtable: groups of consecutive characters mapped to consecutive
// glyphs. Characters past Unicode's last, surrogates, and glyphs past the font's are left out, and
// so is a group that does not start after the one before it ends, as the groups must: each
// character is read once at most.
func format12(t []byte, glyphs int) ([]uint16, map[rune]uint16, error) {
	groups := uint64(u32(t, 12))
	if uint64(len(t)) < 16+12*groups {
		return nil, nil, fmt.Errorf("cmap format 12 subtable cut short")
	}
	m, supp := make([]uint16, 0x10000), map[rune]uint16{}
	next := uint64(0) // the first character a group may start at
	for i := range int(groups) {
		grp := t[16+12*i:]
		start, end, first := uint64(u32(grp, 0)), uint64(u32(grp, 4)), uint64(u32(grp, 8))
		if start < next {
			continue
		}
		end = min(end, 0x10FFFF)
		next = end + 1
		for c := start; c <= end; c++ {
			g := first + (c - start)
			if g >= uint64(glyphs) {
				break // the rest of the group is past the last glyph too
			}
			switch {
			case c >= 0xD800 && c <= 0xDFFF, g == 0:
			case c < 0x10000:
				m[c] = uint16(g)
			default:
				supp[rune(c)] = uint16(g)
			}
		}
	}
	return m, supp, nil
}

func format4(t []byte, glyphs int) ([]uint16, error) {
	segs := int(u16(t, 6)) / 2
	ends, starts, deltas, ranges := 14, 16+2*segs, 16+4*segs, 16+6*segs
	if len(t) < ranges+2*segs {
		return nil, fmt.Errorf("cmap format 4 subtable cut short")
	}
	m := make([]uint16, 0x10000)
	for s := range segs {
		end, start := int(u16(t, ends+2*s)), int(u16(t, starts+2*s))
		delta, ro := int(u16(t, deltas+2*s)), int(u16(t, ranges+2*s))
		for c := start; c <= end && c != 0xFFFF; c++ {
			g := 0
			if ro == 0 {
				g = (c + delta) & 0xFFFF
			} else if at := ranges + 2*s + ro + 2*(c-start); at+2 <= len(t) {
				if g = int(u16(t, at)); g != 0 {
					g = (g + delta) & 0xFFFF
				}
			}
			if g < glyphs {
				m[c] = uint16(g)
			}
		}
	}
	return m, nil
}

// kept lists the tables a subset keeps: what a PDF's TrueType font program needs (glyf, head,
// hhea, hmtx, loca, maxp, and the hinting in cvt, fpgm and prep), cmap and OS/2 for the tools
// that read a font by its characters, and a post table cut to its header.
var kept = []string{"OS/2", "cmap", "cvt ", "fpgm", "gasp", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "post", "prep"}

// Subset returns the font with only the outlines of the glyphs given, .notdef and the parts of
// composite glyphs they use. Glyphs keep their numbers: the others are left empty, so text
// encoded for the whole font draws the same with its subset.
func (f *Font) Subset(glyphs []uint16) []byte {
	keep := make([]bool, len(f.advances))
	f.mark(keep, 0)
	for _, g := range glyphs {
		f.mark(keep, g)
	}
	tables := f.outlines(func(g uint16) []byte {
		if keep[g] {
			return f.glyph(g)
		}
		return nil
	})
	if post := f.tables["post"]; len(post) >= 32 {
		p := slices.Clone(post[:32])
		binary.BigEndian.PutUint32(p, 0x00030000) // version 3: no glyph names
		tables["post"] = p
	}
	return f.write(tables)
}

// outlines makes the glyf and loca tables of the font's glyphs with the outline data given.
func (f *Font) outlines(data func(g uint16) []byte) map[string][]byte {
	var glyf []byte
	loca := make([]byte, 0, len(f.loca)*4)
	for g := range len(f.loca) {
		if f.longLoca {
			loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))
		} else {
			loca = binary.BigEndian.AppendUint16(loca, uint16(len(glyf)/2))
		}
		if g < len(f.advances) {
			glyf = append(glyf, data(uint16(g))...)
		}
	}
	return map[string][]byte{"glyf": glyf, "loca": loca}
}

// mark keeps glyph g and, for a composite glyph, its components. A glyph kept already is not
// looked into again, which also ends components that refer to each other in a loop.
func (f *Font) mark(keep []bool, g uint16) {
	if int(g) >= len(keep) || keep[g] {
		return
	}
	keep[g] = true
	data := f.glyph(g)
	if len(data) < 10 || int16(u16(data, 0)) >= 0 {
		return // empty or simple
	}
	const (
		argWords   = 0x0001
		hasScale   = 0x0008
		more       = 0x0020
		hasXYScale = 0x0040
		has2x2     = 0x0080
	)
	for at := 10; at+4 <= len(data); {
		flags, comp := u16(data, at), u16(data, at+2)
		f.mark(keep, comp)
		at += 4
		if flags&argWords != 0 {
			at += 4
		} else {
			at += 2
		}
		switch {
		case flags&hasScale != 0:
			at += 2
		case flags&hasXYScale != 0:
			at += 4
		case flags&has2x2 != 0:
			at += 8
		}
		if flags&more == 0 {
			break
		}
	}
}

// glyph is glyph g's outline data.
func (f *Font) glyph(g uint16) []byte { return f.tables["glyf"][f.loca[g]:f.loca[g+1]] }

// write assembles a font file of the kept tables, the ones given replacing the font's own, with
// their checksums and the head table's checksum adjustment.
func (f *Font) write(replaced map[string][]byte) []byte {
	var tags []string
	for _, tag := range kept {
		if _, ok := replaced[tag]; ok || f.tables[tag] != nil {
			tags = append(tags, tag)
		}
	}
	n := len(tags)
	size := 12 + 16*n
	for _, tag := range tags {
		size += (len(f.table(tag, replaced)) + 3) &^ 3
	}
	out := make([]byte, 12+16*n, size)
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	pow := 1
	for pow*2 <= n {
		pow *= 2
	}
	binary.BigEndian.PutUint16(out[6:], uint16(16*pow))
	binary.BigEndian.PutUint16(out[8:], uint16(math.Log2(float64(pow))))
	binary.BigEndian.PutUint16(out[10:], uint16(16*(n-pow)))
	headAt := 0
	for i, tag := range tags {
		t := f.table(tag, replaced)
		at := len(out)
		out = append(out, t...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		if tag == "head" {
			headAt = at
			binary.BigEndian.PutUint32(out[at+8:], 0) // summed as zero, then set below
		}
		rec := out[12+16*i:]
		copy(rec, tag)
		binary.BigEndian.PutUint32(rec[4:], checksum(out[at:]))
		binary.BigEndian.PutUint32(rec[8:], uint32(at))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(t)))
	}
	if headAt > 0 {
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}

func (f *Font) table(tag string, replaced map[string][]byte) []byte {
	if t, ok := replaced[tag]; ok {
		return t
	}
	return f.tables[tag]
}

// checksum sums data as big-endian 32-bit words, the last padded with zeros.
func checksum(data []byte) uint32 {
	var sum uint32
	for len(data) >= 4 {
		sum += binary.BigEndian.Uint32(data)
		data = data[4:]
	}
	var last [4]byte
	copy(last[:], data)
	return sum + binary.BigEndian.Uint32(last[:])
}

func u16(b []byte, off int) uint16 { return binary.BigEndian.Uint16(b[off:]) }
func u32(b []byte, off int) uint32 { return binary.BigEndian.Uint32(b[off:]) }
