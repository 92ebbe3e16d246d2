package shape

import (
	"bytes"
	"os"
	"slices"
	"testing"

	"bookc/fonts"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
)

// unoutlinedTexts exercise what a font's GPOS does and outlines could: marks on bases (HarfBuzz's
// fallback places them by the glyphs' outlines), kerning, ligatures, joining scripts.
var unoutlinedTexts = []string{
	"AVATAR Wolf, To. fi fl ffi office",
	"e\u0301 a\u0308\u0323 n\u0303 Z\u030c q\u0327 x\u0306\u0301",
	"ǅ Ǳ ǯ ḉ ṩ",
	"-> => != <= 0x1F fn main() {}",
	"مرحبا بالعالم",
	"नमस्ते क्षत्रिय",
	"שָׁלוֹם",
}

// TestUnoutlined checks that a font with GPOS positioning, loaded without its outlines, shapes
// every text as the whole file does, for bookc's own faces and for the system fonts the tests
// use; and that a font without GPOS keeps its outlines, which HarfBuzz then places marks by.
func TestUnoutlined(t *testing.T) {
	files := map[string][]byte{}
	for _, f := range fonts.All() {
		files[f.Name] = f.TTF
	}
	for name, tf := range testFonts {
		data, err := os.ReadFile(tf.path)
		if err != nil {
			t.Fatalf("%v: install Debian's %s (apt-get install %s)", err, tf.pkg, tf.pkg)
		}
		files[name] = data
	}
	for name, data := range files {
		quick, err := LoadFace(data, 0)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		whole := wholeFace(t, data)
		if _, outlined := font.NewFace(quick.font).GlyphExtents(outlinedGlyph(t, whole)); outlined {
			t.Errorf("%s: loaded with its outlines; want them left out (it has GPOS)", name)
		}
		for _, s := range unoutlinedTexts {
			if got, want := Shape(s, Params{Face: quick}), Shape(s, Params{Face: whole}); !slices.Equal(got, want) {
				t.Errorf("%s: %q shapes as\n%v\nwithout outlines, as\n%v\nwith them", name, s, got, want)
			}
		}
	}

	// the same font without its GPOS: its outlines stay, for HarfBuzz's fallback
	data := fonts.All()[0].TTF
	dir, ok := directoryWithout(data, "GPOS")
	if !ok {
		t.Fatal("bookc's first face has no GPOS table")
	}
	noGPOS := append(slices.Clone(dir), data[len(dir):]...)
	f, err := LoadFace(noGPOS, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, outlined := font.NewFace(f.font).GlyphExtents(outlinedGlyph(t, f)); !outlined {
		t.Error("a font without GPOS was loaded without its outlines")
	}
	s := "e\u0301 a\u0308\u0323"
	if got, want := Shape(s, Params{Face: f}), Shape(s, Params{Face: wholeFace(t, noGPOS)}); !slices.Equal(got, want) {
		t.Errorf("without GPOS, %q shapes as %v; as %v from the whole file", s, got, want)
	}
}

// outlinedGlyph is a glyph that has an outline in f.
func outlinedGlyph(t *testing.T, f *Face) font.GID {
	t.Helper()
	fc := font.NewFace(f.font)
	for g := range font.GID(1000) {
		if ext, ok := fc.GlyphExtents(g); ok && ext.Width > 0 {
			return g
		}
	}
	t.Fatalf("%s has no outlined glyph", f.Name())
	return 0
}

// wholeFace is the face go-text parses from the whole file, outlines and all.
func wholeFace(t *testing.T, data []byte) *Face {
	t.Helper()
	lds, err := ot.NewLoaders(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	ft, err := font.NewFont(lds[0])
	if err != nil {
		t.Fatal(err)
	}
	f, err := LoadFace(data, 0)
	if err != nil {
		t.Fatal(err)
	}
	return &Face{font: ft, data: data, name: f.name, upem: f.upem, bmp: f.bmp}
}
