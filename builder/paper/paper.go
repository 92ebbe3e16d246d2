// Package paper reads the paper sizes book.toml names: the ISO and US sheets, the trim sizes
// print-on-demand services print, and any width by height in mm, cm, in or pt.
package paper

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"bookc/builder/tree"
)

// named are the sizes known by name; aliases share a size.
var named = map[string][2]float64{
	"a4":        {210 * mm, 297 * mm},
	"a5":        {148 * mm, 210 * mm},
	"letter":    {8.5 * in, 11 * in},
	"us-letter": {8.5 * in, 11 * in},
	"6x9in":     {6 * in, 9 * in},  // US trade paperback
	"7x10in":    {7 * in, 10 * in}, // technical books
	"royal":     {156 * mm, 234 * mm},
}

// Points per unit.
const (
	pt = 1.0
	in = 72.0
	mm = in / 25.4
	cm = 10 * mm
)

var units = []struct {
	name string
	pt   float64
}{{"mm", mm}, {"cm", cm}, {"in", in}, {"pt", pt}}

// Sides are bounded: below a postcard no text block fits, above A2 no printer binds it.
const (
	minSide = 60 * mm
	maxSide = 600 * mm
	slack   = 1e-9 // for the rounding of a side's points: 60 mm is within
)

// help is what an error says to write instead.
const help = `use "a4", "a5", "letter", "6x9in", "7x10in", "royal", or width x height with a unit, such as "170x240mm" or "6.14x9.21in"`

// Parse reads a paper setting: a name or "WxH" with a unit of mm, cm, in or pt, in any case.
func Parse(s string) (tree.Paper, error) {
	name := strings.ToLower(strings.TrimSpace(s))
	if wh, ok := named[name]; ok {
		return tree.Paper{Name: name, W: hundredths(wh[0]), H: hundredths(wh[1])}, nil
	}
	w, h, err := custom(name)
	if err != nil {
		return tree.Paper{}, fmt.Errorf("%q: %v", s, err)
	}
	return tree.Paper{Name: name, W: hundredths(w), H: hundredths(h)}, nil
}

// hundredths rounds a length to a hundredth of a point, finer than any printer cuts: what a
// page's size says in the PDF and in 'bookc tree'.
func hundredths(v float64) float64 { return math.Round(v*100) / 100 }

// custom reads "170x240mm" as points.
func custom(s string) (w, h float64, err error) {
	for _, u := range units {
		num, ok := strings.CutSuffix(s, u.name)
		if !ok {
			continue
		}
		ws, hs, ok := strings.Cut(num, "x")
		if !ok {
			break
		}
		w, werr := side(ws, u.pt)
		h, herr := side(hs, u.pt)
		if werr != nil || herr != nil {
			break
		}
		if min(w, h) < minSide-slack || max(w, h) > maxSide+slack {
			return 0, 0, fmt.Errorf("each side must be between 60 and 600 mm: %s", help)
		}
		return w, h, nil
	}
	return 0, 0, fmt.Errorf("not a paper size: %s", help)
}

// lengthHelp is what a length's error says to write instead.
const lengthHelp = `give a length with a unit of mm, cm, in or pt, such as "20mm" or "0.75in"`

// Length reads a length with a unit of mm, cm, in or pt, in any case ("20mm", "0.75in"), as
// points; a margin's setting.
func Length(s string) (float64, error) {
	v := strings.ToLower(strings.TrimSpace(s))
	for _, u := range units {
		if num, ok := strings.CutSuffix(v, u.name); ok {
			if pt, err := side(num, u.pt); err == nil {
				return hundredths(pt), nil
			}
			break
		}
	}
	return 0, fmt.Errorf("%q: %s", s, lengthHelp)
}

// side reads one side's length, a plain decimal number, in points.
func side(s string, unit float64) (float64, error) {
	if s == "" || strings.ContainsAny(s, "eE_+-") { // decimals only: no 1e3, 0x10, -5 or 1_0
		return 0, strconv.ErrSyntax
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, strconv.ErrSyntax
	}
	return v * unit, nil
}
