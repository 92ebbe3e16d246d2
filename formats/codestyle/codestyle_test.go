package codestyle

import (
	"math"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/styles"
)

// TestSameAsChroma checks that the copy styles every token type as chroma's own tango does, but for
// colours too light to read, which keep their hue and get darker.
func TestSameAsChroma(t *testing.T) {
	ours, theirs := Get(), styles.Get("tango")
	if theirs.Name != "tango" {
		t.Fatalf("chroma has no tango style: got %q", theirs.Name)
	}
	for tt := range chroma.StandardTypes {
		got, want := ours.Get(tt), theirs.Get(tt)
		if tt >= 0 && tt != chroma.TextWhitespace && want.Colour.IsSet() && Contrast(want.Colour, Paper) < MinContrast {
			if got.Colour == want.Colour || !sameHue(got.Colour, want.Colour) {
				t.Errorf("%s: %v is not a darker %v", tt, got.Colour, want.Colour)
			}
			want.Colour = got.Colour
		}
		if got != want {
			t.Errorf("%s: %v, chroma's tango says %v", tt, got, want)
		}
	}
}

// TestContrast checks WCAG's 4.5:1 for every colour code is shown in, on white and on Paper.
func TestContrast(t *testing.T) {
	white := chroma.MustParseColour("#ffffff")
	for tt := range chroma.StandardTypes {
		c := Get().Get(tt).Colour
		if !c.IsSet() || tt < 0 || tt == chroma.TextWhitespace { // < 0: the frame and line numbers, not tokens
			continue
		}
		for _, bg := range []chroma.Colour{white, Paper} {
			if r := Contrast(c, bg); r < MinContrast {
				t.Errorf("%s: %v on %v has contrast %.2f, under %.1f", tt, c, bg, r, MinContrast)
			}
		}
	}
}

// TestPrint checks the print style: every token colour a grey, as light as its colour (to within
// 8-bit rounding) and so with its contrast, and bold and italic as in the colour style.
func TestPrint(t *testing.T) {
	greys := 0
	for tt := range chroma.StandardTypes {
		c, g := Get().Get(tt), Print().Get(tt)
		if c.Bold != g.Bold || c.Italic != g.Italic {
			t.Errorf("%s: bold %v italic %v, in print %v %v", tt, c.Bold, c.Italic, g.Bold, g.Italic)
		}
		if !c.Colour.IsSet() || tt < 0 || tt == chroma.TextWhitespace {
			continue
		}
		if gc := g.Colour; gc.Red() != gc.Green() || gc.Green() != gc.Blue() {
			t.Errorf("%s: %v prints as %v, not a grey", tt, c.Colour, gc)
		}
		if r := Contrast(g.Colour, Paper); r < MinContrast || math.Abs(r-Contrast(c.Colour, Paper)) > 0.1 {
			t.Errorf("%s: %v has contrast %.2f, its grey %v %.2f", tt, c.Colour, Contrast(c.Colour, Paper), g.Colour, r)
		}
		greys++
	}
	if greys < 10 {
		t.Errorf("only %d coloured token types", greys)
	}
}

// TestContrastKnown checks the formula against WCAG's published values.
func TestContrastKnown(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want float64
	}{{"#000000", "#ffffff", 21}, {"#777777", "#ffffff", 4.48}, {"#4e9a06", "#ffffff", 3.53}} {
		if got := Contrast(chroma.MustParseColour(c.a), chroma.MustParseColour(c.b)); got < c.want-0.01 || got > c.want+0.01 {
			t.Errorf("contrast of %s on %s = %.3f, want %.2f", c.a, c.b, got, c.want)
		}
	}
}

// sameHue reports whether two colours have about the same chromaticity: their channels in the same
// proportions in linear light.
func sameHue(a, b chroma.Colour) bool {
	la := [3]float64{linear(a.Red()), linear(a.Green()), linear(a.Blue())}
	lb := [3]float64{linear(b.Red()), linear(b.Green()), linear(b.Blue())}
	sa, sb := la[0]+la[1]+la[2], lb[0]+lb[1]+lb[2]
	for i := range la {
		if d := la[i]/sa - lb[i]/sb; d > 0.02 || d < -0.02 {
			return false
		}
	}
	return true
}
