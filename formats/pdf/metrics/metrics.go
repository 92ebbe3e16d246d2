// Package metrics measures text set in bookc's fonts exactly as a PDF viewer will: each glyph's
// advance in thousandths of an em, rounded as the width array of the embedded font has it.
package metrics

import (
	"fmt"
	"strings"
	"sync"

	"bookc/formats/pdf/page"
	"bookc/formats/pdf/ttf"
)

// Face holds one font's advance widths, and those of the characters it lacks that its fallback
// face (page.Font.Fallback) draws.
type Face struct {
	TTF      *ttf.Font // the parsed font file, which draw embeds
	font     page.Font
	fallback *Face          // nil for a face that is its own
	widths   []int16        // per rune of the Basic Multilingual Plane in 1/1000 em; -1 where the font has no glyph
	supp     map[rune]int16 // the same for the characters past it that the font maps
	notdef   int16
	Ascent   float64 // above the baseline, in 1/1000 em
	Descent  float64 // below the baseline (positive), in 1/1000 em
}

var (
	once  sync.Once
	faces []*Face
	err   error
)

// Get returns the metrics of a font, parsed once and shared (Faces are read-only).
func Get(f page.Font) *Face {
	once.Do(func() {
		for _, pf := range page.Fonts {
			var fc *Face
			fc, err = parse(pf.Face().TTF)
			if err != nil {
				err = fmt.Errorf("metrics: font %s: %w", pf.Face().Name, err)
				return
			}
			fc.font = pf
			faces = append(faces, fc)
		}
		for _, fc := range faces {
			if fb := fc.font.Fallback(); fb != fc.font {
				fc.fallback = faces[fb]
			}
		}
	})
	if err != nil {
		panic(err) // the fonts are compiled in: a parse failure is a programming error
	}
	return faces[f]
}

// Has reports whether the font, or its fallback, has a glyph for r.
func (f *Face) Has(r rune) bool {
	return f.own(r) >= 0 || f.fallback != nil && f.fallback.own(r) >= 0
}

// DrawnBy is the face whose glyph draws r: the font's own, or its fallback where only that has
// one; the font itself (its .notdef) where neither has.
func (f *Face) DrawnBy(r rune) page.Font {
	if f.own(r) < 0 && f.fallback != nil && f.fallback.own(r) >= 0 {
		return f.fallback.font
	}
	return f.font
}

// Rune returns the advance of r at the given size in points.
func (f *Face) Rune(r rune, size float64) float64 {
	return float64(f.units(r)) * size / 1000
}

// own is the advance of the font's own glyph for r, -1 for none.
func (f *Face) own(r rune) int16 {
	if r >= 0 && int(r) < len(f.widths) {
		return f.widths[r]
	}
	if w, ok := f.supp[r]; ok {
		return w
	}
	return -1
}

// units measures the glyph that draws r (DrawnBy).
func (f *Face) units(r rune) int16 {
	if w := f.own(r); w >= 0 {
		return w
	}
	if f.fallback != nil {
		if w := f.fallback.own(r); w >= 0 {
			return w
		}
	}
	return f.notdef
}

// Width returns the advance of s at the given size in points.
func (f *Face) Width(s string, size float64) float64 {
	n := 0
	for _, r := range s {
		n += int(f.units(r))
	}
	return float64(n) * size / 1000
}

// Advance returns how far a text run reaches from its X, its word spacing included.
func Advance(t page.Text) float64 {
	return Get(t.Font).Width(t.S, t.Size) + float64(strings.Count(t.S, " "))*t.WordSpace
}

func parse(data []byte) (*Face, error) {
	t, err := ttf.Parse(data)
	if err != nil {
		return nil, err
	}
	f := &Face{TTF: t, widths: make([]int16, 0x10000), supp: map[rune]int16{}, notdef: t.Advance(0),
		Ascent: t.Ascent, Descent: -t.Descent}
	for r := range f.widths {
		f.widths[r] = -1
		if g := t.Glyph(rune(r)); g != 0 {
			f.widths[r] = t.Advance(g)
		}
	}
	for _, r := range t.Supplementary() {
		f.supp[r] = t.Advance(t.Glyph(r))
	}
	return f, nil
}
