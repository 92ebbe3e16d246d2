package ttf

import (
	"encoding/binary"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"bookc/fonts"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// faces are bookc's own: Noto Serif's have a format 4 cmap only and long loca, JetBrains Mono's a
// format 12 cmap too (with two characters past the BMP), Regular with short loca, Italic with long.
var faces = map[string][]byte{"regular": fonts.Regular.TTF, "italic": fonts.Italic.TTF,
	"mono": fonts.Mono.TTF, "mono italic": fonts.MonoItalic.TTF}

// TestParse checks glyphs, advances and metrics against golang.org/x/image's own reader.
func TestParse(t *testing.T) {
	for name, data := range faces {
		f, err := Parse(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		ref, err := sfnt.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		var b sfnt.Buffer
		upem := fixed.Int26_6(ref.UnitsPerEm())
		for _, r := range "Aa0 -–—“é€λЖ→─\u00AD\uFFFF\U0001F600\U0001D53D\U0001D54A\U0010FFFF" {
			want, _ := ref.GlyphIndex(&b, r)
			if got := f.Glyph(r); got != uint16(want) {
				t.Errorf("%s: glyph of %q = %d, want %d", name, r, got, want)
			}
			if want == 0 {
				continue
			}
			adv, err := ref.GlyphAdvance(&b, want, upem<<6, font.HintingNone)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := f.Advance(uint16(want)), int16(math.Round(float64(adv>>6)*1000/float64(upem))); got != want {
				t.Errorf("%s: advance of %q = %d, want %d", name, r, got, want)
			}
		}
		if len(f.advances) != ref.NumGlyphs() {
			t.Errorf("%s: %d glyphs, want %d", name, len(f.advances), ref.NumGlyphs())
		}
		if f.Ascent <= 0 || f.Descent >= 0 || f.CapHeight <= 0 || f.CapHeight > f.Ascent || f.BBox[2] <= f.BBox[0] || f.Weight != 400 {
			t.Errorf("%s: implausible metrics %+v", name, f)
		}
		if italic := strings.HasSuffix(name, "italic"); (f.ItalicAngle != 0) != italic {
			t.Errorf("%s: italic angle %v", name, f.ItalicAngle)
		}
		if mono := strings.HasPrefix(name, "mono"); f.FixedPitch != mono {
			t.Errorf("%s: fixed pitch %v", name, f.FixedPitch)
		}
	}
}

// TestSubset checks that a subset keeps the glyphs asked for, with the same numbers and outlines,
// .notdef and the components of composite glyphs, empties the others, and is a valid font file.
func TestSubset(t *testing.T) {
	// Go Regular has no composite glyph: make "é" one, of "e" and "´"
	base, err := Parse(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	composite, e, acute := base.Glyph('é'), base.Glyph('e'), base.Glyph('´')
	f := withComposites(t, base, map[uint16][]uint16{composite: {e, acute}})
	asked := []uint16{f.Glyph('A'), f.Glyph('g'), composite}
	data := f.Subset(asked)
	sub, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) >= len(goregular.TTF)/2 {
		t.Errorf("the subset has %d bytes of the font's %d", len(data), len(goregular.TTF))
	}
	kept := map[uint16]bool{0: true}
	for _, g := range asked {
		kept[g] = true
	}
	for _, c := range f.components(composite) {
		kept[c] = true
	}
	if !kept[e] || !kept[acute] || len(kept) != len(asked)+3 {
		t.Fatalf("composite glyph %d is made of %v, want %d and %d", composite, f.components(composite), e, acute)
	}
	for g := range len(f.advances) {
		got, want := sub.glyph(uint16(g)), f.glyph(uint16(g))
		if !kept[uint16(g)] {
			want = nil
		}
		if string(got) != string(want) {
			t.Errorf("glyph %d: %d bytes, want %d", g, len(got), len(want))
		}
	}
	ref, err := sfnt.Parse(data)
	if err != nil {
		t.Fatalf("x/image cannot read the subset: %v", err)
	}
	var b sfnt.Buffer
	if segs, err := ref.LoadGlyph(&b, sfnt.GlyphIndex(composite), 1000, nil); err != nil || len(segs) == 0 {
		t.Errorf("composite glyph %d: %d segments, %v", composite, len(segs), err)
	}
	// each table's checksum, and the whole file's, as head's adjustment makes it
	n := int(binary.BigEndian.Uint16(data[4:]))
	for i := range n {
		rec := data[12+16*i:]
		off, ln := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		table := data[off : off+ln]
		if string(rec[:4]) == "head" {
			table = append([]byte(nil), table...)
			binary.BigEndian.PutUint32(table[8:], 0)
		}
		if got := checksum(table); got != binary.BigEndian.Uint32(rec[4:]) {
			t.Errorf("table %s: checksum %08x, recorded %08x", rec[:4], got, binary.BigEndian.Uint32(rec[4:]))
		}
	}
	if got := checksum(data); got != 0xB1B0AFBA {
		t.Errorf("file checksum %08x, want B1B0AFBA", got)
	}
}

// withComposites returns font with the glyphs given made composites of the glyphs given them,
// the first at its place, the others moved and scaled.
func withComposites(t *testing.T, font *Font, parts map[uint16][]uint16) *Font {
	t.Helper()
	const more, xy, scaled = 0x0020, 0x0002, 0x0008
	f, err := Parse(font.write(font.outlines(func(g uint16) []byte {
		ps, ok := parts[g]
		if !ok {
			return font.glyph(g)
		}
		comp := []byte{0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0} // -1 contours, a bounding box
		for i, p := range ps {
			flags := uint16(xy)
			if i < len(ps)-1 {
				flags |= more
			}
			if i > 0 {
				flags |= scaled
			}
			comp = binary.BigEndian.AppendUint16(comp, flags)
			comp = binary.BigEndian.AppendUint16(comp, p)
			comp = append(comp, byte(10*i), 0) // byte offsets
			if i > 0 {
				comp = append(comp, 0x40, 0) // scale 1.0
			}
		}
		if len(comp)%2 != 0 {
			comp = append(comp, 0)
		}
		return comp
	})))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestSubsetLoop checks that composite glyphs made of themselves and of each other end: each is
// kept once.
func TestSubsetLoop(t *testing.T) {
	base, err := Parse(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	a, b, c := base.Glyph('a'), base.Glyph('b'), base.Glyph('c')
	loop := map[uint16][]uint16{a: {a, a, a, b}, b: {a, b, b, c}, c: {a, b, c, c}}
	f := withComposites(t, base, loop)
	done := make(chan []byte)
	go func() { done <- f.Subset([]uint16{a}) }()
	select {
	case data := <-done:
		sub, err := Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range []uint16{a, b, c} {
			if len(sub.glyph(g)) == 0 {
				t.Errorf("glyph %d, a part of %d, is not kept", g, a)
			}
		}
	case <-time.After(10 * time.Second):
		t.Fatal("subsetting glyphs made of each other does not end")
	}
}

// components lists the glyphs a composite glyph is made of, at any depth.
func (f *Font) components(g uint16) []uint16 {
	keep := make([]bool, len(f.advances))
	f.mark(keep, g)
	var out []uint16
	for c, k := range keep {
		if k && uint16(c) != g {
			out = append(out, uint16(c))
		}
	}
	return out
}

func TestParseErrors(t *testing.T) {
	cut := func(n int) []byte { return goregular.TTF[:n] }
	for name, data := range map[string][]byte{
		"empty":           nil,
		"header only":     cut(12),
		"directory cut":   cut(100),
		"tables past end": cut(len(goregular.TTF) / 2),
	} {
		if _, err := Parse(data); err == nil {
			t.Errorf("%s: parsed", name)
		}
	}
}

// FuzzParse checks that no font file, however broken, panics the reader or the subsetter, and that
// what a subset of a font it reads gives is a font it reads.
func FuzzParse(f *testing.F) {
	f.Add(goregular.TTF, uint16('A'))
	f.Add(fonts.Mono.TTF[:4096], uint16(3))
	f.Add(withCmap(goregular.TTF, format12Cmap([][3]uint32{{0x41, 0x10FFFF, 3}})), uint16(3))
	f.Fuzz(func(t *testing.T, data []byte, g uint16) {
		font, err := Parse(data)
		if err != nil {
			return
		}
		font.Glyph(rune(g))
		font.Advance(g)
		if _, err := Parse(font.Subset([]uint16{g, font.Glyph('a')})); err != nil {
			t.Errorf("a subset does not parse: %v", err)
		}
	})
}

// TestSupplementary checks the characters past the BMP a font maps: JetBrains Mono's two
// double-struck capitals, as x/image reads them, and none for Noto Serif (format 4 only).
func TestSupplementary(t *testing.T) {
	for name, c := range map[string]struct {
		data []byte
		want []rune
	}{
		"mono":    {fonts.Mono.TTF, []rune{0x1D53D, 0x1D54A}},
		"regular": {fonts.Regular.TTF, []rune{}},
	} {
		f, err := Parse(c.data)
		if err != nil {
			t.Fatal(err)
		}
		if got := f.Supplementary(); !slices.Equal(got, c.want) {
			t.Errorf("%s: characters past the BMP %U, want %U", name, got, c.want)
		}
		ref, err := sfnt.Parse(c.data)
		if err != nil {
			t.Fatal(err)
		}
		var b sfnt.Buffer
		for _, r := range c.want {
			if want, _ := ref.GlyphIndex(&b, r); want == 0 || f.Glyph(r) != uint16(want) {
				t.Errorf("%s: glyph of %U = %d, want %d", name, r, f.Glyph(r), want)
			}
		}
	}
}

// TestFormat12 reads a format 12 cmap of groups as a font might have them, well and badly made:
// surrogates, glyphs past the font's, a group overlapping the one before it, glyph 0, a group
// past Unicode's last character. The format 12 subtable wins over the font's format 4.
func TestFormat12(t *testing.T) {
	cmap := format12Cmap([][3]uint32{
		{0x41, 0x43, 5},
		{0x42, 0x42, 20}, // overlaps the group before: left out
		{0x50, 0x50, 0},  // .notdef: no glyph
		{0xD7FF, 0xD800, 8},
		{0xDFFF, 0xE000, 10},
		{0x1F600, 0x1F601, 30},
		{0x1F700, 0x1F701, 99}, // the second is past the last glyph
		{0x10FFFE, 0xFFFFFFFF, 40},
		{0x10FFFF, 0x10FFFF, 7}, // after a group that ended at the last character
	})
	f, err := Parse(withCmap(goregular.TTF, cmap))
	if err != nil {
		t.Fatal(err)
	}
	for r, want := range map[rune]uint16{
		'A': 5, 'B': 6, 'C': 7, 'D': 0, 'P': 0, 'a': 0,
		0xD7FF: 8, 0xD800: 0, 0xDFFF: 0, 0xE000: 11, // surrogates take no glyph
		0x1F600: 30, 0x1F601: 31, 0x1F602: 0, 0x1F700: 99, 0x1F701: 0,
		0x10FFFE: 40, 0x10FFFF: 41, 0x110000: 0, -1: 0,
	} {
		if got := f.Glyph(r); got != want {
			t.Errorf("glyph of %U = %d, want %d", r, got, want)
		}
	}
	if got, want := f.Supplementary(), []rune{0x1F600, 0x1F601, 0x1F700, 0x10FFFE, 0x10FFFF}; !slices.Equal(got, want) {
		t.Errorf("characters past the BMP %U, want %U", got, want)
	}
	if _, err := Parse(withCmap(goregular.TTF, cmap[:len(cmap)-6])); err == nil {
		t.Error("a format 12 subtable cut short parsed")
	}
}

// format12Cmap is a cmap table of one (3,10) format 12 subtable of the groups given, each first
// character, last and first glyph, in a font of 100 glyphs (withCmap).
func format12Cmap(groups [][3]uint32) []byte {
	b := binary.BigEndian.AppendUint16(nil, 0) // version
	b = binary.BigEndian.AppendUint16(b, 1)
	b = binary.BigEndian.AppendUint16(b, 3)
	b = binary.BigEndian.AppendUint16(b, 10)
	b = binary.BigEndian.AppendUint32(b, 12)
	b = binary.BigEndian.AppendUint16(b, 12) // format
	b = binary.BigEndian.AppendUint16(b, 0)
	b = binary.BigEndian.AppendUint32(b, uint32(16+12*len(groups)))
	b = binary.BigEndian.AppendUint32(b, 0) // language
	b = binary.BigEndian.AppendUint32(b, uint32(len(groups)))
	for _, g := range groups {
		for _, v := range g {
			b = binary.BigEndian.AppendUint32(b, v)
		}
	}
	return b
}

// withCmap is the font with the cmap table given and 100 glyphs (maxp's count cut to them).
func withCmap(data []byte, cmap []byte) []byte {
	f, err := Parse(data)
	if err != nil {
		panic(err)
	}
	maxp := slices.Clone(f.tables["maxp"])
	binary.BigEndian.PutUint16(maxp[4:], 100)
	return f.write(map[string][]byte{"cmap": cmap, "maxp": maxp})
}

// TestSubsetRealComposites subsets each of bookc's faces to accented letters, which they make
// of a base and a mark, and checks that x/image draws every one of them from the subset.
func TestSubsetRealComposites(t *testing.T) {
	for _, face := range fonts.All() {
		f, err := Parse(face.TTF)
		if err != nil {
			t.Fatal(err)
		}
		var asked []uint16
		for _, r := range "éÅŷǖЙ" {
			asked = append(asked, f.Glyph(r))
		}
		composites := 0
		for _, g := range asked {
			if len(f.components(g)) > 0 {
				composites++
			}
		}
		if composites == 0 {
			t.Errorf("%s: no composite glyph among %v", face.Name, asked)
		}
		data := f.Subset(asked)
		ref, err := sfnt.Parse(data)
		if err != nil {
			t.Fatalf("%s: x/image cannot read the subset: %v", face.Name, err)
		}
		var b sfnt.Buffer
		for _, g := range asked {
			if segs, err := ref.LoadGlyph(&b, sfnt.GlyphIndex(g), 1000, nil); err != nil || len(segs) == 0 {
				t.Errorf("%s: glyph %d: %d segments, %v", face.Name, g, len(segs), err)
			}
		}
		if len(data) >= len(face.TTF)/2 {
			t.Errorf("%s: the subset has %d bytes of the font's %d", face.Name, len(data), len(face.TTF))
		}
	}
}
