package svg

import (
	"math"
	"strings"
)

// Lengths resolve to user units (CSS pixels). Absolute units use CSS's 96 pixels per inch; em is
// the font size (16 where none is set) and ex half of it.
var unitPx = map[string]float64{
	"": 1, "px": 1, "pt": 96.0 / 72, "pc": 16, "mm": 96 / 25.4, "cm": 96 / 2.54, "in": 96,
}

// axis says what a percentage is of: the viewport's width, its height, or its normalised diagonal.
type axis uint8

const (
	horizontal axis = iota
	vertical
	diagonal
)

// viewport is the size of the nearest <svg> or <symbol>'s coordinate system, for percentages.
type viewport struct{ w, h float64 }

func (vp viewport) along(a axis) float64 {
	switch a {
	case horizontal:
		return vp.w
	case vertical:
		return vp.h
	}
	return math.Sqrt(vp.w*vp.w+vp.h*vp.h) / math.Sqrt2
}

// length is a number and its unit, before it is resolved.
type length struct {
	v    float64
	unit string // lower case: "", "px", "mm", "em", "%", ...
}

// parseLength reads one length; ok is false for anything that is not a length with a known unit.
func parseLength(s string) (length, bool) {
	sc := scanner{s: strings.TrimSpace(s)}
	v, ok := sc.number()
	if !ok {
		return length{}, false
	}
	unit := strings.ToLower(sc.s[sc.i:])
	if _, known := unitPx[unit]; !known && unit != "em" && unit != "ex" && unit != "%" {
		return length{}, false
	}
	return length{v, unit}, true
}

// resolve turns a length into user units: percentages of ref, em and ex of fontSize.
func (l length) resolve(ref, fontSize float64) float64 {
	switch l.unit {
	case "%":
		return l.v / 100 * ref
	case "em":
		return l.v * fontSize
	case "ex":
		return l.v * fontSize / 2
	}
	return l.v * unitPx[l.unit]
}

// firstLength reads the first length of a list such as text's x="10 20 30"; more says whether
// others follow.
func firstLength(s string) (l length, more, ok bool) {
	s = strings.TrimSpace(s)
	end := strings.IndexAny(s, " \t\n\r\f,")
	if end < 0 {
		l, ok = parseLength(s)
		return l, false, ok
	}
	l, ok = parseLength(s[:end])
	return l, strings.TrimLeft(s[end:], " \t\n\r\f,") != "", ok
}
