// Package linebreak breaks paragraphs into lines with the Knuth–Plass total-fit algorithm
// ("Breaking Paragraphs into Lines", 1981) over boxes, glue and penalties.
package linebreak

import "math"

// Kind tells what an Item is.
type Kind uint8

const (
	Box     Kind = iota // material of fixed width (a word, a syllable)
	Glue                // space that stretches and shrinks; a break point if it follows a box
	Penalty             // a possible break point with a cost (a hyphenation point, a forced break)
)

// Item is one element of a paragraph.
type Item struct {
	Kind    Kind
	Width   float64 // box and glue width; penalty: width of the material (e.g. a hyphen) added if broken here
	Stretch float64 // glue only
	Shrink  float64 // glue only
	Penalty float64 // penalty only; >= Infinity (10000) forbids a break, <= -Infinity forces one
	Flagged bool    // penalty only: a hyphen break (consecutive flagged breaks cost FlaggedDemerits)
}

// Infinity is the penalty that forbids a break; its negation forces one.
const Infinity = 10000

// Fil is the stretch of the glue that Finish puts at the end of a paragraph: so large that any
// real shortfall divided by it is negligible, yet finite, because an infinite stretch would turn
// the differences of running sums that Break uses into NaN.
const Fil = 1e6

// RaggedRatio is the adjustment ratio above which we recommend setting a line ragged-right
// instead of justified: with word spaces that stretch by half their width, a ratio of 3 makes
// them 2.5 times as wide, which reads as holes. Break only returns such lines when no better
// set of breaks exists (they come from its second pass).
const RaggedRatio = 3

// Params weigh the choice of breaks; DefaultParams gives TeX's values.
type Params struct {
	// Tolerance is the largest adjustment ratio (not TeX's badness) a line may have in the first
	// pass; TeX's \tolerance=200 is a ratio of 1.26, as badness = 100·ratio³.
	Tolerance       float64
	LinePenalty     float64 // TeX's \linepenalty: favours fewer lines
	FlaggedDemerits float64 // added when two consecutive lines end in hyphens
	FitnessDemerits float64 // added when adjacent lines are in fitness classes more than one apart
}

// DefaultParams returns TeX's demerits and a tolerance of ratio 2 (badness 800), looser than
// TeX's 200 so that fewer paragraphs (long URLs, narrow measures) need the slower second pass;
// the demerits still prefer tighter lines.
func DefaultParams() Params {
	return Params{Tolerance: 2, LinePenalty: 10, FlaggedDemerits: 3000, FitnessDemerits: 3000}
}

// Line is one line of a broken paragraph. Ratio is +Inf for a short line with no stretchable
// glue and -Inf for an overfull line with no shrinkable glue; GlueWidth handles both. A
// Hyphenated line ends at a flagged penalty whose material (Width wide) the caller draws; a
// break after an explicit hyphen should be a flagged penalty of width 0, with nothing to draw.
type Line struct {
	Start, End int     // items [Start, End) make the line; End is the index of the break item (or len(items))
	Ratio      float64 // adjustment ratio r: glue width = width + r*stretch (r>=0) or + r*shrink (r<0)
	Hyphenated bool    // the line ends at a flagged penalty (draw a hyphen)
}

// Overfull reports that the line is wider than its measure even with all glue shrunk: Break
// makes such a line only when some box does not fit at all.
func (l Line) Overfull() bool { return l.Ratio < -1 }

// GlueWidth returns the width at which glue g is set on line l. Glue never shrinks below its
// shrinkability, so an overfull line sticks out; a ratio of ±Inf (a line without any
// stretchability or shrinkability) leaves the glue at its natural width.
func (l Line) GlueWidth(g Item) float64 {
	switch r := l.Ratio; {
	case math.IsInf(r, 0):
		return g.Width
	case r > 0:
		return g.Width + r*g.Stretch
	case r < 0:
		return g.Width + max(r, -1)*g.Shrink
	}
	return g.Width
}

// Finish ends a paragraph as TeX's \par does: it drops trailing glue and appends a penalty that
// forbids breaking before the finishing glue, the finishing glue (stretch Fil, so the last line
// needs no stretching) and a forced break. Use it also before a hard line break inside a
// paragraph. Like append, it may reuse items' array.
func Finish(items []Item) []Item {
	for len(items) > 0 && items[len(items)-1].Kind == Glue {
		items = items[:len(items)-1]
	}
	return append(items,
		Item{Kind: Penalty, Penalty: Infinity},
		Item{Kind: Glue, Stretch: Fil},
		Item{Kind: Penalty, Penalty: -Infinity})
}
