package ttf

import (
	"encoding/binary"
	"math"
	"testing"
	"time"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

var faces = map[string][]byte{"regular": goregular.TTF, "italic": goitalic.TTF, "mono": gomono.TTF}

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
		for _, r := range "Aa0 -–—“é€λ→\u00AD\uFFFF\U0001F600" {
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
		if italic := name == "italic"; (f.ItalicAngle != 0) != italic {
			t.Errorf("%s: italic angle %v", name, f.ItalicAngle)
		}
		if mono := name == "mono"; f.FixedPitch != mono {
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
	f.Add(gomono.TTF[:4096], uint16(3))
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
