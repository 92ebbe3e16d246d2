package page

import (
	"math"
	"slices"
	"testing"
	"unicode/utf8"
)

// table is a font's tables for the tests: a cmap and the glyphs' advances. Its cmap is looked up
// as a font's is (ttf.Font.Glyph), by index for the first characters, so that the benchmarks
// cost what layout's and draw's do.
type table struct {
	cmap   map[rune]uint16
	first  []uint16 // the cmap of the characters below len(first)
	widths []int16
}

func (t table) Glyph(r rune) uint16 {
	if r >= 0 && int(r) < len(t.first) {
		return t.first[r]
	}
	return t.cmap[r]
}

func (t table) Advances() []int16 { return t.widths }

// font maps a, b, c, é, A, V, f, i, space and 𝔸 to glyphs 1 to 10; glyph 11 is the ligature fi.
var font = func() table {
	t := table{
		cmap:   map[rune]uint16{'a': 1, 'b': 2, 'c': 3, 'é': 4, 'A': 5, 'V': 6, 'f': 7, 'i': 8, ' ': 9, '𝔸': 10},
		first:  make([]uint16, 0x100),
		widths: []int16{0, 500, 600, 250, 300, 400, 410, 300, 280, 250, 700, 560},
	}
	for r, g := range t.cmap {
		if int(r) < len(t.first) {
			t.first[r] = g
		}
	}
	return t
}()

// nominal gives the glyphs font has for s, one per character, as a shaper without kerning and
// ligatures would.
func nominal(s string) []Glyph {
	var gs []Glyph
	for i, r := range s {
		id := font.cmap[r]
		gs = append(gs, Glyph{ID: id, Advance: font.widths[id], Cluster: int32(i)})
	}
	return gs
}

// TestPack checks that glyphs come back from Pack as they went in, and that a run of nominal
// glyphs takes a byte, and every other glyph three bytes or more.
func TestPack(t *testing.T) {
	kerned := nominal("AVa")
	kerned[0].Advance = 330
	fi := append([]Glyph{{ID: 11, Advance: 560}}, nominal("fic")[2:]...)
	marks := nominal("ab")
	marks = slices.Insert(marks, 1, Glyph{ID: 3, XOff: -300, YOff: 120})
	rtl := nominal("abc")
	slices.Reverse(rtl)
	for _, c := range []struct {
		name string
		s    string
		gs   []Glyph
		size int // bytes packed; 0: not checked
	}{
		{"none", "", nil, 0},
		{"plain text", "abc ab", nominal("abc ab"), 1},
		{"characters of two, three and four bytes", "aé𝔸b", nominal("aé𝔸b"), 1},
		{"kerned", "AVa", kerned, 6},
		{"a ligature", "fic", fi, 6},
		{"a mark", "ab", marks, 11},
		{"right to left", "abc", rtl, 9},
		{"characters the font has not", "a?b", nominal("a?b"), 1},
		{"glyphs the text has not", "", nominal("ab"), 6},
		{"text the glyphs have not", "abc", nominal("a"), 1},
		{"not UTF-8", "a\xffb", []Glyph{{ID: 1, Advance: 500}, {ID: 0, Cluster: 1}, {ID: 2, Advance: 600, Cluster: 2}}, 1},
		{"extremes", "ab", []Glyph{{ID: math.MaxUint16, Advance: math.MinInt16, XOff: math.MaxInt16, YOff: math.MinInt16, Cluster: math.MaxInt32},
			{Advance: math.MaxInt16, Cluster: 0}, {Cluster: math.MaxInt32}, {Cluster: math.MinInt32}, {ID: 1, Advance: 500, Cluster: 0}}, 0},
	} {
		p := Pack(nil, c.gs, c.s, font)
		if c.size > 0 && len(p) != c.size {
			t.Errorf("%s: %d bytes packed, want %d", c.name, len(p), c.size)
		}
		if len(p) > MaxPacked*len(c.gs) {
			t.Errorf("%s: %d bytes packed, more than MaxPacked allows", c.name, len(p))
		}
		if got := p.Unpack(nil, c.s, font); !slices.Equal(got, c.gs) {
			t.Errorf("%s: unpacked %v, want %v", c.name, got, c.gs)
		}
	}
}

// FuzzPack checks that any glyphs of any text come back from Pack as they went in: glyphs made
// of the bytes given, each either the nominal glyph of the text's next character or one of its own.
func FuzzPack(f *testing.F) {
	f.Add("abc", []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13})
	f.Add("aé𝔸 fi", []byte{1, 0, 1, 1, 255, 255, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, s string, data []byte) {
		var gs []Glyph
		u16 := func(b []byte) uint16 { return uint16(b[0]) | uint16(b[1])<<8 }
		next := 0
		for len(data) > 0 {
			if data[0]%2 == 0 || len(data) < 13 { // the next character's nominal glyph
				data = data[1:]
				if next >= len(s) {
					continue
				}
				r, n := utf8.DecodeRuneInString(s[next:])
				id := font.cmap[r]
				gs = append(gs, Glyph{ID: id, Advance: font.widths[id], Cluster: int32(next)})
				next += n
				continue
			}
			gs = append(gs, Glyph{ID: u16(data[1:]) % 16, Advance: int16(u16(data[3:])), XOff: int16(u16(data[5:])), YOff: int16(u16(data[7:])),
				Cluster: int32(uint32(u16(data[9:])) | uint32(u16(data[11:]))<<16)})
			data = data[13:]
		}
		p := Pack(nil, gs, s, font)
		if len(p) > MaxPacked*len(gs) {
			t.Fatalf("%d bytes packed for %d glyphs, more than MaxPacked allows", len(p), len(gs))
		}
		if got := p.Unpack(nil, s, font); !slices.Equal(got, gs) {
			t.Fatalf("unpacked %v, want %v", got, gs)
		}
	})
}

// FuzzUnpack checks that any bytes unpack, as glyphs of any text, without reading past either:
// Glyphs come from Pack alone, but a slip must not crash a build.
func FuzzUnpack(f *testing.F) {
	f.Add([]byte{6, 1, 0, 0}, "abc")
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}, "aé")
	f.Fuzz(func(t *testing.T, p []byte, s string) {
		gs := Glyphs(p).Unpack(nil, s, font)
		if len(gs) > len(p)*128 { // a run's head of n bytes counts fewer than 128^n glyphs, each a character of s
			t.Fatalf("%d glyphs from %d bytes", len(gs), len(p))
		}
	})
}

// line is a line of text's glyphs, one in ten kerned, for the benchmarks: what layout packs and
// draw unpacks.
func line() (string, []Glyph) {
	s := "abc abcabc ab abcab abc abcabc ab abcab abc abcabc ab abcab abc abcabc"
	gs := nominal(s)
	for i := range gs {
		if i%10 == 0 {
			gs[i].Advance -= 20
		}
	}
	return s, gs
}

// BenchmarkPack is what layout pays for each run it keeps.
func BenchmarkPack(b *testing.B) {
	s, gs := line()
	var p Glyphs
	for b.Loop() {
		p = Pack(p[:0], gs, s, font)
	}
}

// BenchmarkUnpack is what draw pays for each run it paints.
func BenchmarkUnpack(b *testing.B) {
	s, gs := line()
	p := Pack(nil, gs, s, font)
	var out []Glyph
	for b.Loop() {
		out = p.Unpack(out[:0], s, font)
	}
}
