package metrics

import (
	"testing"

	"bookc/formats/pdf/page"
)

func TestWidths(t *testing.T) {
	for _, c := range []struct {
		font page.Font
		s    string
		want float64 // at 10 points
	}{
		{page.Regular, "a", 5.56},
		{page.Regular, " ", 2.78},
		{page.Mono, "any text!", 9 * 6},
		{page.MonoBold, "─│", 2 * 6}, // box drawing, for trees in code blocks
		{page.Bold, "", 0},
	} {
		if got := Get(c.font).Width(c.s, 10); got != c.want {
			t.Errorf("%s: width of %q = %v, want %v", c.font.Face().Name, c.s, got, c.want)
		}
	}
	r := Get(page.Regular)
	if !r.Has('é') || !r.Has('λ') || r.Has('🎉') || r.Has('漢') {
		t.Error("Has is wrong for é, λ, 🎉 or 漢")
	}
	if r.Rune('漢', 10) != r.Rune('\uffff', 10) || r.Rune('漢', 10) == 0 {
		t.Error("a missing glyph should measure as the font's .notdef")
	}
}
