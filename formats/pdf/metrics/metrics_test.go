package metrics

import (
	"testing"

	"bookc/formats/pdf/page"
)

// TestWidths checks advances against the font files' hmtx, as fontTools reads them (Noto Serif
// and JetBrains Mono have 1000 units per em), with kerning and ligatures as the faces have them.
func TestWidths(t *testing.T) {
	for _, c := range []struct {
		font page.Font
		s    string
		want float64 // at 10 points
	}{
		{page.Regular, "a", 5.63},
		{page.Regular, " ", 2.6},
		{page.Regular, "-", 3.1}, // a hyphen, as wide as U+2010
		{page.Bold, "a", 5.99},
		{page.Italic, "a", 5.79},
		{page.Mono, "any text!", 9 * 6},
		{page.MonoBold, "─│", 2 * 6},            // box drawing, for trees in code blocks
		{page.MonoItalic, "x\U0001D54A", 2 * 6}, // a character past the BMP, from the format 12 cmap
		{page.Mono, "fi -> !=", 8 * 6},          // code: no ligatures
		{page.Bold, "", 0},
		{page.Regular, "a→", 5.63 + 6},      // Noto Serif has no arrows: JetBrains Mono draws them
		{page.BoldItalic, "≤\u2212", 2 * 6}, // nor ≤ and the minus sign
	} {
		if got := Get(c.font).Width(c.s, 10); got != c.want {
			t.Errorf("%s: width of %q = %v, want %v", c.font.Face().Name, c.s, got, c.want)
		}
	}
}

// TestKerning checks that "AV" and "To" set closer than their letters' advances, and that the
// text face joins "fi" into one glyph that reads back as both letters.
func TestKerning(t *testing.T) {
	for _, f := range []page.Font{page.Regular, page.Bold, page.Italic} {
		fc := Get(f)
		for _, pair := range []string{"AV", "To"} {
			apart := fc.Width(pair[:1], 10) + fc.Width(pair[1:], 10)
			if got := fc.Width(pair, 10); got >= apart {
				t.Errorf("%s: %q is %v wide, its letters %v: no kerning", fc.Name, pair, got, apart)
			}
		}
		segs := fc.Shape("fine")
		if len(segs) != 1 || len(segs[0].Glyphs) != 3 {
			t.Fatalf("%s: \"fine\" shapes as %v, want fi, n, e", fc.Name, segs)
		}
		if g := segs[0].Glyphs[0]; fc.CharOf(g.ID) != 'ﬁ' || segs[0].Glyphs[1].Cluster != 2 {
			t.Errorf("%s: the ligature is glyph %d (maps to %q), next cluster %d", fc.Name, g.ID, fc.CharOf(g.ID), segs[0].Glyphs[1].Cluster)
		}
	}
}

// TestFallback checks which face draws what: a text face its own glyphs, the mono face of its
// weight and slant those it lacks, the system's fonts what neither has, and nothing (glyph 0) a
// character no font has.
func TestFallback(t *testing.T) {
	for _, c := range []struct {
		font page.Font
		s    string
		want string // the face's name, "" for glyph 0
	}{
		{page.Regular, "a", "NotoSerif-Regular"},
		{page.Regular, "→", "JetBrainsMono-Regular"},
		{page.Bold, "≠", "JetBrainsMono-Bold"},
		{page.Italic, "\u2212", "JetBrainsMono-Italic"},
		{page.Regular, "\U0001D53D", "JetBrainsMono-Regular"}, // past the BMP, in the mono face's format 12 cmap
		{page.Regular, "שלום", "NotoSansHebrew-Regular"},      // fonts-noto-core, which .ci/run installs
		{page.Mono, "שלום", "NotoSansHebrew-Regular"},
		{page.Regular, "\U000F0000", ""}, // private use: no font
	} {
		segs := Get(c.font).Shape(c.s)
		if len(segs) != 1 || len(segs[0].Glyphs) == 0 {
			t.Errorf("%q: %d segments", c.s, len(segs))
			continue
		}
		name := Get(segs[0].Font).Name
		if segs[0].Glyphs[0].ID == 0 {
			name = ""
		}
		if name != c.want {
			t.Errorf("%s: %q is drawn by %q, want %q", Get(c.font).Name, c.s, name, c.want)
		}
	}
}

// TestRightToLeft checks that a Hebrew word comes in visual order (its clusters going down) and
// that its clusters index the text given, also where it is not in NFC.
func TestRightToLeft(t *testing.T) {
	s := "ab שלום"
	segs := Get(page.Regular).Shape(s)
	if len(segs) != 2 {
		t.Fatalf("%q: %d segments, want 2", s, len(segs))
	}
	heb := segs[1].Glyphs
	if heb[0].Cluster <= heb[len(heb)-1].Cluster || int(heb[len(heb)-1].Cluster) != len("ab ") {
		t.Errorf("Hebrew clusters %v: want going down to %d", heb, len("ab "))
	}
	decomposed := "cafe\u0301 x" // é as e and a combining acute: NFC gives one glyph
	segs = Get(page.Regular).Shape(decomposed)
	gs := segs[0].Glyphs
	if len(segs) != 1 || len(gs) != 7-1 || gs[4].Cluster != int32(len("cafe\u0301")) {
		t.Errorf("%q: %v", decomposed, segs)
	}
}
