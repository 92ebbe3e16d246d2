package metrics

import (
	"testing"

	"bookc/formats/pdf/page"
)

// TestWidths checks advances against the font files' hmtx, as fontTools reads them (Noto Serif
// and JetBrains Mono have 1000 units per em, so the advances are theirs unrounded).
func TestWidths(t *testing.T) {
	for _, c := range []struct {
		font page.Font
		s    string
		want float64 // at 10 points
	}{
		{page.Regular, "a", 5.63},
		{page.Regular, " ", 2.6},
		{page.Regular, "-", 3.1},   // a hyphen, as wide as the soft hyphen and U+2010
		{page.Regular, "fi", 6.89}, // no ligature: f and i, 369 + 320
		{page.Bold, "a", 5.99},
		{page.Italic, "a", 5.79},
		{page.Mono, "any text!", 9 * 6},
		{page.MonoBold, "─│", 2 * 6},            // box drawing, for trees in code blocks
		{page.MonoItalic, "x\U0001D54A", 2 * 6}, // a character past the BMP, from the format 12 cmap
		{page.MonoBoldItalic, "{}", 2 * 6},
		{page.Bold, "", 0},
		{page.Regular, "a→", 5.63 + 6},      // Noto Serif has no arrows: JetBrains Mono draws them
		{page.BoldItalic, "≤\u2212", 2 * 6}, // nor ≤ and the minus sign
	} {
		if got := Get(c.font).Width(c.s, 10); got != c.want {
			t.Errorf("%s: width of %q = %v, want %v", c.font.Face().Name, c.s, got, c.want)
		}
	}
	r := Get(page.Regular)
	if !r.Has('é') || !r.Has('λ') || !r.Has('Ж') || r.Has('🎉') || r.Has('漢') || r.Has(-1) {
		t.Error("Has is wrong for é, λ, Ж, 🎉, 漢 or -1")
	}
	if m := Get(page.Mono); !m.Has('\U0001D53D') || !m.Has('\U0001D54A') || m.Has('\U0001D53E') {
		t.Error("Has is wrong for the mono face's characters past the BMP")
	}
	if r.Rune('漢', 10) != 6 || r.Rune('🎉', 10) != 6 {
		t.Error("a missing glyph should measure as the font's .notdef, 600 units")
	}
}

// TestFallback checks which face draws what: a text face its own glyphs, the mono face of its
// weight and slant those it lacks, and itself (its .notdef) what neither has.
func TestFallback(t *testing.T) {
	for _, c := range []struct {
		font page.Font
		r    rune
		want page.Font
	}{
		{page.Regular, 'a', page.Regular},
		{page.Regular, '→', page.Mono},
		{page.Bold, '≠', page.MonoBold},
		{page.Italic, '\u2212', page.MonoItalic},
		{page.BoldItalic, '←', page.MonoBoldItalic},
		{page.Regular, '\U0001D53D', page.Mono}, // past the BMP, in the mono face's format 12 cmap
		{page.Regular, '漢', page.Regular},
		{page.Mono, '漢', page.Mono},
		{page.MonoBold, '→', page.MonoBold},
	} {
		if got := Get(c.font).DrawnBy(c.r); got != c.want {
			t.Errorf("%s: %q is drawn by %s, want %s", c.font.Face().Name, c.r, got.Face().Name, c.want.Face().Name)
		}
		if has := c.want != c.font || Get(c.font).own(c.r) >= 0; Get(c.font).Has(c.r) != has {
			t.Errorf("%s: Has(%q) = %v", c.font.Face().Name, c.r, !has)
		}
	}
}
