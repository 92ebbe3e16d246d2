package page

import (
	"encoding/binary"
	"slices"
)

// Glyphs are a Text's glyphs as pages keep them: packed into three bytes for most glyphs, where a
// Glyph takes twelve, since a long book's pages hold tens of millions of them. Pack makes them
// and Unpack gives the Glyphs back, both with the advances of the font's glyphs, which most
// glyphs keep (kerning changes a few). nil is no glyphs (draw shapes S itself); empty and not
// nil, a run shaped to nothing.
//
// Each glyph is a head and its ID (two bytes, little-endian, as all that follow), then its
// Advance when it is not the font's, then its XOff and YOff when it is drawn off the pen. The
// head is a varint of the glyph's cluster less the one before (the first's less 0), zigzagged
// since right-to-left clusters go down, times four, plus two for an advance of its own and one
// for a glyph drawn off the pen: one byte while a cluster is under 16 bytes long.
type Glyphs []byte

// MaxPacked is the most bytes Pack takes for a glyph.
const MaxPacked = binary.MaxVarintLen64 + 8

// Pack appends gs, packed, to dst; widths are the advances of their font's glyphs.
func Pack(dst Glyphs, gs []Glyph, widths []int16) Glyphs {
	dst = slices.Grow(dst, MaxPacked*len(gs))
	at := len(dst)
	out := dst[:cap(dst)]
	prev := int32(0)
	for _, g := range gs {
		step := int64(g.Cluster) - int64(prev)
		prev = g.Cluster
		head := uint64(step<<1^step>>63) << 2
		kerned := int(g.ID) >= len(widths) || g.Advance != widths[g.ID]
		moved := g.XOff != 0 || g.YOff != 0
		if kerned {
			head |= 2
		}
		if moved {
			head |= 1
		}
		if head < 0x80 { // most glyphs: one byte
			out[at] = byte(head)
			at++
		} else {
			at += binary.PutUvarint(out[at:], head)
		}
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
	}
	return dst[:at]
}

// Unpack appends the glyphs of p to dst; widths are the advances Pack was given. Glyphs come
// from Pack alone: the bytes are trusted.
func (p Glyphs) Unpack(dst []Glyph, widths []int16) []Glyph {
	k := len(dst)
	dst = slices.Grow(dst, len(p)/3)[:k+len(p)/3] // each glyph takes three bytes or more
	cluster := int32(0)
	u16 := func(i int) uint16 { return uint16(p[i]) | uint16(p[i+1])<<8 }
	for i := 0; i+3 <= len(p) && k < len(dst); k++ {
		head := uint64(p[i])
		if head < 0x80 {
			i++
		} else {
			h, n := binary.Uvarint(p[i:])
			if n <= 0 || i+n+2 > len(p) {
				break
			}
			head, i = h, i+n
		}
		z := head >> 2
		cluster += int32(int64(z>>1) ^ -int64(z&1))
		g := &dst[k]
		*g = Glyph{ID: u16(i), Cluster: cluster}
		i += 2
		if head&2 != 0 && i+2 <= len(p) {
			g.Advance = int16(u16(i))
			i += 2
		} else if int(g.ID) < len(widths) {
			g.Advance = widths[g.ID]
		}
		if head&1 != 0 && i+4 <= len(p) {
			g.XOff, g.YOff = int16(u16(i)), int16(u16(i+2))
			i += 4
		}
	}
	return dst[:k]
}
