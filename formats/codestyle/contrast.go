package codestyle

import (
	"math"

	"github.com/alecthomas/chroma/v2"
)

// Paper is the darkest background bookc sets code on, with room to spare: the EPUB's page is white,
// the PDF's code panel #f4f5f7, tango's own #f8f8f8.
var Paper = chroma.MustParseColour("#eeeeee")

// MinContrast is WCAG 2.2's AA contrast for normal text (1.4.3), which code is.
const MinContrast = 4.5

// accessible gives every token colour at least MinContrast on Paper. A colour that has it is kept;
// one that has not keeps its chromaticity and loses only light: its linear RGB is scaled down until
// it has. So the theme stays tango's, its greens, oranges and yellows a shade deeper.
func accessible(s *chroma.Style) (*chroma.Style, error) {
	b := s.Builder()
	for _, t := range s.Types() {
		e := s.Get(t)
		if e.Colour.IsSet() && t != chroma.TextWhitespace { // whitespace has no ink to see
			e.Colour = darken(e.Colour, Paper, MinContrast)
			b.AddEntry(t, e)
		}
	}
	return b.Build()
}

// greys turns every colour of s into the grey of its luminance, darkened where rounding to 8
// bits lost a little of its contrast on Paper.
func greys(s *chroma.Style) (*chroma.Style, error) {
	b := s.Builder()
	for _, t := range s.Types() {
		e := s.Get(t)
		if e.Colour.IsSet() {
			e.Colour = Grey(e.Colour)
			if t != chroma.TextWhitespace && Contrast(e.Colour, Paper) < MinContrast {
				e.Colour = darken(e.Colour, Paper, MinContrast)
			}
		}
		if e.Background.IsSet() {
			e.Background = Grey(e.Background)
		}
		b.AddEntry(t, e)
	}
	return b.Build()
}

// Grey is the grey as light as c: the same contrast on any background, to within 8-bit rounding.
func Grey(c chroma.Colour) chroma.Colour {
	g := encode(luminance(c))
	return chroma.NewColour(g, g, g)
}

// darken returns c, scaled down in linear light until its contrast on bg is at least min.
func darken(c, bg chroma.Colour, min float64) chroma.Colour {
	r, g, b := linear(c.Red()), linear(c.Green()), linear(c.Blue())
	target := (luminance(bg)+0.05)/min - 0.05
	for k := math.Min(1, target/luminance(c)); ; k *= 0.995 { // rounding to 8 bits may miss by a step
		d := chroma.NewColour(encode(r*k), encode(g*k), encode(b*k))
		if Contrast(d, bg) >= min {
			return d
		}
	}
}

// Contrast is WCAG's contrast ratio of two colours, from 1 to 21.
func Contrast(a, b chroma.Colour) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// luminance is WCAG's relative luminance of an sRGB colour.
func luminance(c chroma.Colour) float64 {
	return 0.2126*linear(c.Red()) + 0.7152*linear(c.Green()) + 0.0722*linear(c.Blue())
}

func linear(v uint8) float64 {
	s := float64(v) / 255
	if s <= 0.04045 {
		return s / 12.92
	}
	return math.Pow((s+0.055)/1.055, 2.4)
}

func encode(l float64) uint8 {
	s := 12.92 * l
	if l > 0.0031308 {
		s = 1.055*math.Pow(l, 1/2.4) - 0.055
	}
	return uint8(math.Round(math.Max(0, math.Min(1, s)) * 255))
}
