package page

import (
	"encoding/binary"
	"slices"
	"unicode/utf8"
)

// Glyphs are a Text's glyphs as pages keep them, packed, since a long book's pages hold tens of
// millions of them and a Glyph takes twelve bytes. Most glyphs are nominal: the glyph its font
// maps the character at the glyph's cluster to, with that glyph's own advance, drawn at the pen,
// its cluster where the character before it ends. Those are not stored but counted, and read
// again from the run's text and the font's tables (Nominal): a run of plain text packs into a
// byte or two. Pack makes Glyphs and Unpack gives the Glyphs back, both with the same text and
// font. nil is no glyphs (draw shapes S itself); empty and not nil, a run shaped to nothing.
//
// Glyphs are a sequence of items, each a head, a varint. An even head is a run of head/2 nominal
// glyphs. An odd head is one glyph as it is: its ID (two bytes, little-endian, as all that
// follow), then its Advance when it is not its font's, then its XOff and YOff when it is drawn
// off the pen; head/2 is four times its cluster less where the character before it ends (the
// first's less 0), zigzagged since right-to-left clusters go down, plus two for an advance of its
// own and one for a glyph drawn off the pen.
type Glyphs []byte

// Nominal is a font's own tables: the glyph it maps each character to, and each glyph's advance.
type Nominal interface {
	Glyph(r rune) uint16
	Advances() []int16
}

// MaxPacked is the most bytes Pack takes for a glyph.
const MaxPacked = binary.MaxVarintLen64 + 8

// Pack appends gs, the glyphs of text s set in the font of nominal, packed, to dst.
func Pack(dst Glyphs, gs []Glyph, s string, nominal Nominal) Glyphs {
	dst = slices.Grow(dst, MaxPacked*len(gs))
	at := len(dst)
	out := dst[:cap(dst)]
	widths := nominal.Advances()
	next, run := int32(0), uint64(0) // where the character before ends; nominal glyphs not yet written
	flush := func() {
		if run > 0 {
			at += binary.PutUvarint(out[at:], run<<1)
			run = 0
		}
	}
	for _, g := range gs {
		if g.Cluster == next && next >= 0 && int(next) < len(s) && g.XOff == 0 && g.YOff == 0 {
			r, n := utf8.DecodeRuneInString(s[next:])
			if id := nominal.Glyph(r); id == g.ID && int(id) < len(widths) && widths[id] == g.Advance {
				run++
				next += int32(n)
				continue
			}
		}
		flush()
		step := int64(g.Cluster) - int64(next)
		head := uint64(step<<1^step>>63) << 2
		kerned := int(g.ID) >= len(widths) || g.Advance != widths[g.ID]
		moved := g.XOff != 0 || g.YOff != 0
		if kerned {
			head |= 2
		}
		if moved {
			head |= 1
		}
		at += binary.PutUvarint(out[at:], head<<1|1)
		out[at], out[at+1] = byte(g.ID), byte(g.ID>>8)
		at += 2
		if kerned {
			out[at], out[at+1] = byte(g.Advance), byte(uint16(g.Advance)>>8)
			at += 2
		}
		if moved {
			b := out[at : at+4]
			b[0], b[1], b[2], b[3] = byte(g.XOff), byte(uint16(g.XOff)>>8), byte(g.YOff), byte(uint16(g.YOff)>>8)
			at += 4
		}
		next = after(s, g.Cluster)
	}
	flush()
	return dst[:at]
}

// after is where the character at offset i of s ends: i+1 for an offset outside s.
func after(s string, i int32) int32 {
	if i < 0 || int(i) >= len(s) {
		return i + 1
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return i + int32(n)
}

// Unpack appends the glyphs of p to dst; s and nominal are the text and font Pack was given.
// Glyphs come from Pack alone: the bytes are trusted, but never read past.
func (p Glyphs) Unpack(dst []Glyph, s string, nominal Nominal) []Glyph {
	widths := nominal.Advances()
	u16 := func(i int) uint16 { return uint16(p[i]) | uint16(p[i+1])<<8 }
	next := int32(0)
	for i := 0; i < len(p); {
		head := uint64(p[i])
		if head < 0x80 {
			i++
		} else {
			h, n := binary.Uvarint(p[i:])
			if n <= 0 {
				break
			}
			head, i = h, i+n
		}
		if head&1 == 0 {
			run := head >> 1
			if next < 0 || int(next) > len(s) || uint64(len(s)-int(next)) < run { // never from Pack: a glyph a character
				return dst
			}
			dst = slices.Grow(dst, int(run))
			for range run {
				if int(next) >= len(s) {
					return dst
				}
				r, n := rune(s[next]), 1
				if r >= utf8.RuneSelf {
					r, n = utf8.DecodeRuneInString(s[next:])
				}
				g := Glyph{ID: nominal.Glyph(r), Cluster: next}
				if int(g.ID) < len(widths) {
					g.Advance = widths[g.ID]
				}
				dst = append(dst, g)
				next += int32(n)
			}
			continue
		}
		if i+2 > len(p) {
			break
		}
		z := head >> 3
		g := Glyph{ID: u16(i), Cluster: int32(int64(next) + (int64(z>>1) ^ -int64(z&1)))}
		i += 2
		if head&4 != 0 && i+2 <= len(p) {
			g.Advance = int16(u16(i))
			i += 2
		} else if int(g.ID) < len(widths) {
			g.Advance = widths[g.ID]
		}
		if head&2 != 0 && i+4 <= len(p) {
			g.XOff, g.YOff = int16(u16(i)), int16(u16(i+2))
			i += 4
		}
		dst = append(dst, g)
		next = after(s, g.Cluster)
	}
	return dst
}
