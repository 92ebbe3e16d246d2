package page

import (
	"math"
	"slices"
	"testing"
)

// TestPack checks that glyphs come back from Pack as they went in, and in three bytes each when
// they keep their font's advances, are laid left to right, undisplaced, in clusters under 16
// bytes.
func TestPack(t *testing.T) {
	widths := []int16{0, 500, 600, 250, 300, 400, 410, 0, 0, 550, 0, 0}
	for _, c := range []struct {
		name string
		gs   []Glyph
		size int // bytes packed; 0: not checked
	}{
		{"none", nil, 0},
		{"left to right", []Glyph{{ID: 1, Advance: 500}, {ID: 2, Advance: 600, Cluster: 1}, {ID: 3, Advance: 250, Cluster: 4}}, 9},
		{"kerned", []Glyph{{ID: 1, Advance: 480}, {ID: 2, Advance: 600, Cluster: 1}, {ID: 3, Advance: -20, Cluster: 4}}, 13},
		{"a ligature and its marks", []Glyph{{ID: 9, Advance: 550}, {ID: 10, XOff: -300, YOff: 120, Cluster: 0}, {ID: 11, Cluster: 2}}, 13},
		{"right to left", []Glyph{{ID: 5, Advance: 400, Cluster: 6}, {ID: 6, Advance: 410, Cluster: 4}, {ID: 7, Cluster: 2}, {ID: 8, Cluster: 0}}, 12},
		{"glyphs the font has not", []Glyph{{ID: 40, Advance: 0}, {ID: 41, Advance: 700, Cluster: 3}}, 10},
		{"extremes", []Glyph{{ID: math.MaxUint16, Advance: math.MinInt16, XOff: math.MaxInt16, YOff: math.MinInt16, Cluster: math.MaxInt32}, {Advance: math.MaxInt16, Cluster: 0}, {Cluster: math.MaxInt32}}, 0},
	} {
		p := Pack(nil, c.gs, widths)
		if c.size > 0 && len(p) != c.size {
			t.Errorf("%s: %d bytes packed, want %d", c.name, len(p), c.size)
		}
		if len(p) > MaxPacked*len(c.gs) {
			t.Errorf("%s: %d bytes packed, more than MaxPacked allows", c.name, len(p))
		}
		if got := p.Unpack(nil, widths); !slices.Equal(got, c.gs) {
			t.Errorf("%s: unpacked %v, want %v", c.name, got, c.gs)
		}
	}
}

// FuzzPack checks that any glyphs come back from Pack as they went in.
func FuzzPack(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, []byte{1, 2, 3, 4})
	f.Fuzz(func(t *testing.T, data, table []byte) {
		var gs []Glyph
		u16 := func(b []byte) uint16 { return uint16(b[0]) | uint16(b[1])<<8 }
		for ; len(data) >= 12; data = data[12:] {
			gs = append(gs, Glyph{ID: u16(data) % 64, Advance: int16(u16(data[2:])), XOff: int16(u16(data[4:])), YOff: int16(u16(data[6:])),
				Cluster: int32(uint32(u16(data[8:])) | uint32(u16(data[10:]))<<16)})
		}
		var widths []int16
		for ; len(table) >= 2; table = table[2:] {
			widths = append(widths, int16(u16(table)))
		}
		if got := Pack(nil, gs, widths).Unpack(nil, widths); !slices.Equal(got, gs) {
			t.Fatalf("unpacked %v, want %v", got, gs)
		}
	})
}

// line is a line of text's glyphs, one in ten kerned, and their font's advances, for the
// benchmarks: what layout packs and draw unpacks.
func line() ([]Glyph, []int16) {
	gs, widths := make([]Glyph, 70), make([]int16, 80)
	for i := range gs {
		widths[i+3] = 500
		gs[i] = Glyph{ID: uint16(i + 3), Advance: 500, Cluster: int32(i)}
		if i%10 == 0 {
			gs[i].Advance = 480
		}
	}
	return gs, widths
}

// BenchmarkPack is what layout pays for each run it keeps.
func BenchmarkPack(b *testing.B) {
	gs, widths := line()
	var p Glyphs
	for b.Loop() {
		p = Pack(p[:0], gs, widths)
	}
}

// BenchmarkUnpack is what draw pays for each run it paints.
func BenchmarkUnpack(b *testing.B) {
	gs, widths := line()
	p := Pack(nil, gs, widths)
	var out []Glyph
	for b.Loop() {
		out = p.Unpack(out[:0], widths)
	}
}
