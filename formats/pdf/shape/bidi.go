package shape

import (
	gbidi "github.com/go-text/typesetting/bidi"
	"golang.org/x/text/unicode/bidi"
)

// Level is a UAX #9 embedding level: even runs go left to right, odd ones right to left.
type Level uint8

// Direction is the writing direction of text at this level.
func (l Level) Direction() Direction {
	if l%2 == 1 {
		return RightToLeft
	}
	return LeftToRight
}

// Base is how a paragraph's direction is chosen.
type Base uint8

const (
	Auto    Base = iota // from the first strong character (UAX #9 P2–P3); left to right if none
	BaseLTR             // given: left to right
	BaseRTL             // given: right to left
)

// paragraphLevel applies P2–P3: the first L, R or AL outside isolates decides.
func paragraphLevel(runes []rune, base Base) Level {
	switch base {
	case BaseLTR:
		return 0
	case BaseRTL:
		return 1
	}
	isolates := 0
	for _, r := range runes {
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.LRI, bidi.RLI, bidi.FSI:
			isolates++
		case bidi.PDI:
			if isolates > 0 {
				isolates--
			}
		case bidi.L:
			if isolates == 0 {
				return 0
			}
		case bidi.R, bidi.AL:
			if isolates == 0 {
				return 1
			}
		case bidi.B:
			return 0
		}
	}
	return 0
}

// bidiLevels resolves the level of each rune. golang.org/x/text/unicode/bidi gives each run only
// a direction, not its level, so the levels come from go-text's port of the same algorithm, run
// with the paragraph level found above. Its runs split where the direction changes, so runs of
// one parity but different levels (0 next to 2) merge; only explicit embedding controls make
// such neighbours. A paragraph separator inside the text (bidi class B) ends a bidi paragraph:
// it takes the paragraph level and the text after it is resolved on its own.
func bidiLevels(runes []rune, para Level) []Level {
	levels := make([]Level, len(runes))
	if para == 0 && !hasRTL(runes) {
		return levels // the common case: nothing to resolve, all at level 0
	}
	dir := gbidi.LeftToRight
	if para == 1 {
		dir = gbidi.RightToLeft
	}
	var p gbidi.Paragraph
	for start := 0; start < len(runes); {
		end := start
		for end < len(runes) {
			if c, _ := bidi.LookupRune(runes[end]); c.Class() == bidi.B {
				break
			}
			end++
		}
		runs := p.Segment(runes[start:end], dir)
		for i := 0; i < runs.NumRuns(); i++ {
			run := runs.Run(i)
			for j := run.Start; j < run.End; j++ {
				levels[start+j] = Level(run.Level)
			}
		}
		if end < len(runes) {
			levels[end] = para
		}
		start = end + 1
	}
	return levels
}

// hasRTL reports characters that can raise a level in a left-to-right paragraph: right-to-left
// letters, Arabic digits, explicit embeddings and isolates. None is below U+0590.
func hasRTL(runes []rune) bool {
	for _, r := range runes {
		if r < 0x590 {
			continue
		}
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.R, bidi.AL, bidi.AN, bidi.RLE, bidi.RLO, bidi.RLI, bidi.LRE, bidi.LRO, bidi.LRI, bidi.FSI:
			return true
		}
	}
	return false
}

// ReorderLine gives the visual order of the runs of one line, from their levels (UAX #9 L2): from
// the highest level down to the lowest odd one, every stretch of runs at that level or above is
// reversed. order[i] is the index of the run shown i-th from the left. Each right-to-left run's
// glyphs are already in visual order from Shape. Trailing spaces are the caller's (rule L1: reset
// them to the paragraph level before calling).
func ReorderLine(levels []Level) []int {
	order := make([]int, len(levels))
	var hi, lowOdd Level = 0, 255
	for i, l := range levels {
		order[i] = i
		hi = max(hi, l)
		if l%2 == 1 {
			lowOdd = min(lowOdd, l)
		}
	}
	for l := hi; l >= lowOdd && l > 0; l-- {
		for i := 0; i < len(order); {
			if levels[order[i]] < l {
				i++
				continue
			}
			j := i
			for j < len(order) && levels[order[j]] >= l {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				order[a], order[b] = order[b], order[a]
			}
			i = j
		}
	}
	return order
}
