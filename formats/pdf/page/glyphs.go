package page

import (
	"encoding/binary"
	"slices"
)

// Glyphs are a Text's glyphs as pages keep them: packed into five bytes for most glyphs, where a
// Glyph takes twelve, since a long book's pages hold tens of millions of them. Pack makes them
// and Unpack gives the Glyphs back. nil is no glyphs (draw shapes S itself); empty and not nil,
// a run shaped to nothing.
//
// Each glyph is a head, its ID and its Advance (two bytes each, little-endian), then its XOff and
// YOff when the head says so. The head is a varint of the glyph's cluster less the one before
// (the first's less 0), zigzagged since right-to-left clusters go down, doubled, plus one for a
// glyph drawn off the pen: one byte while a cluster is under 64 bytes long.
type Glyphs []byte

// MaxPacked is the most bytes Pack takes for a glyph.
const MaxPacked = binary.MaxVarintLen64 + 8

// Pack appends gs, packed, to dst.
func Pack(dst Glyphs, gs []Glyph) Glyphs {
	dst = slices.Grow(dst, MaxPacked*len(gs))
	at := len(dst)
	out := dst[:cap(dst)]
	prev := int32(0)
	for _, g := range gs {
		step := int64(g.Cluster) - int64(prev)
		prev = g.Cluster
		head := uint64(step<<1^step>>63) << 1
		moved := g.XOff != 0 || g.YOff != 0
		if moved {
			head |= 1
		}
		if head < 0x80 { // most glyphs: one byte
			out[at] = byte(head)
			at++
		} else {
			at += binary.PutUvarint(out[at:], head)
		}
		b := out[at : at+4]
		b[0], b[1], b[2], b[3] = byte(g.ID), byte(g.ID>>8), byte(g.Advance), byte(uint16(g.Advance)>>8)
		at += 4
		if moved {
			b := out[at : at+4]
			b[0], b[1], b[2], b[3] = byte(g.XOff), byte(uint16(g.XOff)>>8), byte(g.YOff), byte(uint16(g.YOff)>>8)
			at += 4
		}
	}
	return dst[:at]
}

// Unpack appends the glyphs of p to dst. Glyphs come from Pack alone: the bytes are trusted.
func (p Glyphs) Unpack(dst []Glyph) []Glyph {
	k := len(dst)
	dst = slices.Grow(dst, len(p)/5)[:k+len(p)/5] // each glyph takes five bytes or more
	cluster := int32(0)
	for i := 0; i+5 <= len(p) && k < len(dst); k++ {
		head := uint64(p[i])
		if head < 0x80 {
			i++
		} else {
			h, n := binary.Uvarint(p[i:])
			if n <= 0 || i+n+4 > len(p) {
				break
			}
			head, i = h, i+n
		}
		z := head >> 1
		cluster += int32(int64(z>>1) ^ -int64(z&1))
		b := p[i : i+4 : i+4]
		g := &dst[k]
		*g = Glyph{ID: uint16(b[0]) | uint16(b[1])<<8, Advance: int16(uint16(b[2]) | uint16(b[3])<<8), Cluster: cluster}
		i += 4
		if head&1 == 1 && i+4 <= len(p) {
			b := p[i : i+4 : i+4]
			g.XOff, g.YOff = int16(uint16(b[0])|uint16(b[1])<<8), int16(uint16(b[2])|uint16(b[3])<<8)
			i += 4
		}
	}
	return dst[:k]
}
