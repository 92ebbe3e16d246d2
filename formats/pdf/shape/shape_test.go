package shape

import (
	"slices"
	"testing"

	"github.com/go-text/typesetting/language"
)

func TestKerning(t *testing.T) {
	for _, font := range []string{"NotoSerif", "DejaVuSerif"} {
		t.Run(font, func(t *testing.T) {
			p := Params{Face: testFace(t, font), Script: language.Latin}
			apart := Width(Shape("A", p)) + Width(Shape("V", p))
			if got := Width(Shape("AV", p)); got >= apart {
				t.Errorf(`"AV" is %d units wide, the two letters apart %d: not kerned`, got, apart)
			}
		})
	}
}

func TestLigatures(t *testing.T) {
	tests := []struct {
		font     string
		features Features
		glyphs   int
	}{
		{"NotoSerif", Features{}, 1},
		{"NotoSerif", Features{NoLigatures: true}, 2},
		{"DejaVuSerif", Features{}, 1},
		{"DejaVuSerif", Features{NoLigatures: true}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.font, func(t *testing.T) {
			gs := Shape("fi", Params{Face: testFace(t, tt.font), Script: language.Latin, Features: tt.features})
			if len(gs) != tt.glyphs {
				t.Errorf(`"fi" with %+v: %d glyphs, want %d`, tt.features, len(gs), tt.glyphs)
			}
		})
	}
}

func TestNumerals(t *testing.T) {
	f := testFace(t, "NotoSerif")
	shape := func(n Numerals) uint16 {
		return Shape("3", Params{Face: f, Script: language.Latin, Features: Features{Numerals: n}})[0].ID
	}
	if shape(OldstyleNumerals) == shape(LiningNumerals) {
		t.Errorf("onum and lnum give the same glyph for 3 in %s", f.Name())
	}
}

// TestComplexScripts checks the shaping that char-by-char mapping cannot do.
func TestComplexScripts(t *testing.T) {
	tests := []struct {
		name, font, text string
		script           language.Script
		dir              Direction
		check            func(t *testing.T, f *Face, gs []Glyph)
	}{
		{"arabic joins", "NotoArabic", "سلام", language.Arabic, RightToLeft, func(t *testing.T, f *Face, gs []Glyph) {
			// seen joins lam, lam joins alef; meem follows alef, which does not join forwards
			for _, c := range []struct {
				cluster int32
				r       rune
			}{{0, 'س'}, {2, 'ل'}, {4, 'ا'}} {
				g := glyphAt(t, gs, c.cluster)
				if iso, _ := f.Glyph(c.r); g == iso {
					t.Errorf("%c has its isolated form %d: no joining", c.r, iso)
				}
			}
			if gs[0].Cluster != 6 {
				t.Errorf("first glyph is cluster %d, want 6 (meem, leftmost)", gs[0].Cluster)
			}
		}},
		{"devanagari reorders", "NotoDevanagari", "कि", language.Devanagari, LeftToRight, func(t *testing.T, f *Face, gs []Glyph) {
			ka, _ := f.Glyph('क')
			if len(gs) != 2 || gs[0].ID == ka || gs[1].ID != ka {
				t.Errorf("glyphs %v: want the i-matra before ka (%d)", ids(gs), ka)
			}
		}},
		{"thai marks", "NotoThai", "สวัสดี", language.Thai, LeftToRight, func(t *testing.T, f *Face, gs []Glyph) {
			marks := 0
			for _, g := range gs {
				if g.ID == 0 {
					t.Errorf("glyphs %v: .notdef", ids(gs))
				}
				if g.XAdvance == 0 {
					marks++
				}
			}
			if marks != 2 {
				t.Errorf("glyphs %+v: %d with no advance, want the 2 vowel marks", gs, marks)
			}
		}},
		{"mark positioned", "NotoSerif", "q\u0301", language.Latin, LeftToRight, func(t *testing.T, f *Face, gs []Glyph) {
			if len(gs) != 2 || gs[1].XAdvance != 0 || (gs[1].XOffset == 0 && gs[1].YOffset == 0) {
				t.Errorf("glyphs %+v: want the acute with no advance and an offset", gs)
			}
		}},
		{"mirrored", "NotoSerif", "(a)", language.Latin, RightToLeft, func(t *testing.T, f *Face, gs []Glyph) {
			open, _ := f.Glyph('(')
			if gs[0].ID != open || gs[0].Cluster != 2 {
				t.Errorf("glyphs %+v: the leftmost should be ) mirrored to ( (%d)", gs, open)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := testFace(t, tt.font)
			tt.check(t, f, Shape(tt.text, Params{Face: f, Script: tt.script, Direction: tt.dir}))
		})
	}
}

func glyphAt(t *testing.T, gs []Glyph, cluster int32) uint16 {
	t.Helper()
	for _, g := range gs {
		if g.Cluster == cluster {
			return g.ID
		}
	}
	t.Fatalf("no glyph for cluster %d in %+v", cluster, gs)
	return 0
}

// TestInvisible checks that joiners and variation selectors never print, whether the face has a
// glyph for them (Noto Serif draws ZWJ) or not.
func TestInvisible(t *testing.T) {
	f := testFace(t, "NotoSerif")
	chain := NewChain([]*Face{f}, nil)
	for _, text := range []string{"a\uFE0Fb", "a\u200Db", "a\U000E0100b", "\u200Dab\uFE0E", "a\u200C\u200Db"} {
		p := Itemise(text, Auto, chain)
		var gs []Glyph
		for _, r := range p.Runs {
			gs = append(gs, Shape(p.Text[r.Start:r.End], Params{Face: r.Face, Script: r.Script})...)
		}
		a, _ := f.Glyph('a')
		b, _ := f.Glyph('b')
		if len(gs) != 2 || gs[0].ID != a || gs[1].ID != b {
			t.Errorf("%+q: glyphs %v, want only a and b (%d %d)", text, ids(gs), a, b)
		}
	}
}

func TestFace(t *testing.T) {
	if f := testFace(t, "NotoSerif"); f.UnitsPerEm() != 1000 || f.Points(500, 10) != 5 {
		t.Errorf("%s: %d units per em, 500 units at 10 pt = %v pt", f.Name(), f.UnitsPerEm(), f.Points(500, 10))
	}
	for font, want := range map[string]string{"NotoSerif": "NotoSerif-Regular", "DejaVuSerif": "DejaVuSerif"} {
		if got := testFace(t, font).Name(); got != want {
			t.Errorf("%s: name %q, want %q", font, got, want)
		}
	}
	if _, err := LoadFace([]byte("not a font"), 0); err == nil {
		t.Error("LoadFace accepted garbage")
	}
}

// TestLeadingMark: a mark with no base gets a dotted circle, also in a direction against its
// script's, where go-text v0.3.5 overran its buffer.
func TestLeadingMark(t *testing.T) {
	f := testFace(t, "NotoHebrew")
	for _, dir := range []Direction{LeftToRight, RightToLeft} {
		gs := Shape("\u05BA", Params{Face: f, Script: language.Hebrew, Direction: dir})
		circle, _ := f.Glyph(0x25CC)
		if len(gs) != 2 || !slices.Contains(ids(gs), circle) {
			t.Errorf("direction %d: glyphs %v, want the mark and a dotted circle (%d)", dir, ids(gs), circle)
		}
	}
}

// TestCoverage checks the coverage bitmap against the cmap it is built from.
func TestCoverage(t *testing.T) {
	for _, font := range []string{"NotoSerif", "NotoArabic", "DejaVuSerif"} {
		f := testFace(t, font)
		for r := rune(0); r < 0x10000; r++ {
			if _, ok := f.font.NominalGlyph(r); ok != f.Has(r) {
				t.Fatalf("%s: Has(%U) = %v, cmap %v", font, r, f.Has(r), ok)
			}
		}
	}
}
