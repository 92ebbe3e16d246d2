package page

import (
	"encoding/binary"
	"math"
	"unsafe"
)

// Runs are texts packed into bytes: a large book's lines are kept so between layout passes and
// placed on pages so (Page.PlaceRuns), rather than as Texts of 80 bytes each. The texts of a
// box are a block of Data (AppendTexts) that any of its pages reads from its start, their S
// among the rest: a text read is a string of Data's bytes, which are never written again once
// read from, rather than a string of its own and a header in a table (at 30x the benchmark book,
// 1.4 million headers and the lines' letters they held).
type Runs struct {
	Data []byte
}

// what a packed text says beyond its X and S
const (
	runY      = 1 << iota // Y is not the box's base
	runSize               // Size is not the previous text's
	runSpace              // WordSpace is not 0
	runFont               // Font is not the previous text's
	runColor              // Color is not the previous text's
	runTag                // Tag is not 0
	runGlyphs             // Glyphs are not nil
)

// AppendTexts appends texts to buf as a block: their count, then each text, its Y where it is
// not base, its size, font and colour where they are not the text's before it in the block, its
// S after its length.
func AppendTexts(buf []byte, texts []Text, base float64) []byte {
	buf = binary.AppendUvarint(buf, uint64(len(texts)))
	var (
		size  float64
		font  Font
		color Color
	)
	f64 := func(f float64) { buf = binary.LittleEndian.AppendUint64(buf, math.Float64bits(f)) }
	for _, t := range texts {
		fl := 0
		for _, f := range [...]struct {
			on  bool
			bit int
		}{{t.Y != base, runY}, {t.Size != size, runSize}, {t.WordSpace != 0, runSpace}, {t.Font != font, runFont},
			{t.Color != color, runColor}, {t.Tag != 0, runTag}, {t.Glyphs != nil, runGlyphs}} {
			if f.on {
				fl |= f.bit
			}
		}
		buf = append(buf, byte(fl))
		f64(t.X)
		if fl&runY != 0 {
			f64(t.Y)
		}
		if fl&runSize != 0 {
			f64(t.Size)
			size = t.Size
		}
		if fl&runSpace != 0 {
			f64(t.WordSpace)
		}
		if fl&runFont != 0 {
			buf = binary.AppendUvarint(buf, uint64(t.Font))
			font = t.Font
		}
		if fl&runColor != 0 {
			buf = append(buf, t.Color.R, t.Color.G, t.Color.B)
			color = t.Color
		}
		if fl&runTag != 0 {
			buf = binary.AppendUvarint(buf, uint64(t.Tag))
		}
		buf = binary.AppendUvarint(buf, uint64(len(t.S)))
		buf = append(buf, t.S...)
		if fl&runGlyphs != 0 {
			buf = binary.AppendUvarint(buf, uint64(len(t.Glyphs)))
			buf = append(buf, t.Glyphs...)
		}
	}
	return buf
}

// Count is how many texts the block at at has.
func (r *Runs) Count(at int) int {
	n, _ := binary.Uvarint(r.Data[at:])
	return int(n)
}

// Each calls f with each text of the block at at, its base the box's; it returns where the
// block ends. A text's S and Glyphs are r's Data.
func (r *Runs) Each(at int, base float64, f func(Text)) int {
	d := r.Data
	uv := func() uint64 {
		v, n := binary.Uvarint(d[at:])
		at += n
		return v
	}
	f64 := func() float64 {
		v := math.Float64frombits(binary.LittleEndian.Uint64(d[at:]))
		at += 8
		return v
	}
	var (
		size  float64
		font  Font
		color Color
	)
	for n := uv(); n > 0; n-- {
		fl := int(d[at])
		at++
		t := Text{X: f64(), Y: base}
		if fl&runY != 0 {
			t.Y = f64()
		}
		if fl&runSize != 0 {
			size = f64()
		}
		if fl&runSpace != 0 {
			t.WordSpace = f64()
		}
		if fl&runFont != 0 {
			font = Font(uv())
		}
		if fl&runColor != 0 {
			color = Color{d[at], d[at+1], d[at+2]}
			at += 3
		}
		if fl&runTag != 0 {
			t.Tag = Tag(uv())
		}
		t.Size, t.Font, t.Color = size, font, color
		if k := int(uv()); k > 0 {
			t.S = unsafe.String(&d[at], k)
			at += k
		}
		if fl&runGlyphs != 0 {
			k := int(uv())
			t.Glyphs = Glyphs(d[at : at+k : at+k])
			at += k
		}
		f(t)
	}
	return at
}
