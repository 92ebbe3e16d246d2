package linebreak

import (
	"math"
	"slices"
	"testing"
)

// This file is an independent, slow reference: it scores a given set of breaks straight from
// the paper's definitions, and finds the optimum by trying every set of breaks.

// refStart is the first item of the line after a break at b.
func refStart(items []Item, b int) int {
	j := b + 1
	for j < len(items) && items[j].Kind != Box && !(items[j].Kind == Penalty && items[j].Penalty <= -Infinity) {
		j++
	}
	return j
}

// refLegal lists the legal break points, and which of them are forced.
func refLegal(items []Item) (legal []int, forced map[int]bool) {
	forced = map[int]bool{}
	for i, it := range items {
		switch {
		case it.Kind == Penalty && it.Penalty < Infinity:
			legal = append(legal, i)
			if it.Penalty <= -Infinity {
				forced[i] = true
			}
		case it.Kind == Glue && i > 0 && items[i-1].Kind == Box:
			legal = append(legal, i)
		}
	}
	return legal, forced
}

// refScore returns the total demerits of breaking at breaks (ascending, ending with the last
// item) and whether every line's ratio lies in [-1, tolerance].
func refScore(items []Item, breaks []int, widths func(int) float64, p Params, tolerance float64) (float64, bool) {
	total, start := 0.0, 0
	prevFit, prevFlagged := 1, false
	for line, b := range breaks {
		d, fit, ok := refLine(items, start, b, widths(line), p, tolerance, prevFit, prevFlagged)
		if !ok {
			return 0, false
		}
		total += d
		prevFit, prevFlagged = fit, items[b].Kind == Penalty && items[b].Flagged
		start = refStart(items, b)
	}
	return total, true
}

// refLine scores the line of items [start, b) broken at b, after a line of class prevFit.
func refLine(items []Item, start, b int, width float64, p Params, tolerance float64, prevFit int, prevFlagged bool) (demerits float64, fit int, ok bool) {
	if start > b {
		return 0, 0, false
	}
	var w, y, z float64
	for _, it := range items[start:b] {
		switch it.Kind {
		case Box:
			w += it.Width
		case Glue:
			w, y, z = w+it.Width, y+it.Stretch, z+it.Shrink
		}
	}
	pen, flagged := 0.0, false
	if items[b].Kind == Penalty {
		w += items[b].Width
		pen, flagged = items[b].Penalty, items[b].Flagged
	}
	short := width - w
	r := 0.0
	switch {
	case short > 0 && y > 0:
		r = short / y
	case short > 0:
		r = math.Inf(1)
	case short < 0 && z > 0:
		r = short / z
	case short < 0:
		r = math.Inf(-1)
	}
	if r < -1-slack || r > tolerance+slack { // Break forgives rounding errors
		return 0, 0, false
	}
	r = math.Max(r, -1)
	bad := math.Min(100*math.Pow(math.Abs(r), 3), maxBadness)
	d := (p.LinePenalty + bad) * (p.LinePenalty + bad)
	if pen >= 0 {
		d += pen * pen
	} else if pen > -Infinity {
		d -= pen * pen
	}
	if flagged && prevFlagged {
		d += p.FlaggedDemerits
	}
	fit = 3
	switch {
	case r < -0.5:
		fit = 0
	case r <= 0.5:
		fit = 1
	case r <= 1:
		fit = 2
	}
	if fit-prevFit > 1 || prevFit-fit > 1 {
		d += p.FitnessDemerits
	}
	return d, fit, true
}

// refBest tries every set of optional breaks of a paragraph that ends with a forced break.
func refBest(t *testing.T, items []Item, widths func(int) float64, p Params, tolerance float64) (float64, bool) {
	legal, forced := refLegal(items)
	var optional []int
	for _, b := range legal {
		if !forced[b] {
			optional = append(optional, b)
		}
	}
	if len(optional) > 16 {
		t.Fatalf("refBest: %d optional breaks is too many to enumerate", len(optional))
	}
	best, found := math.Inf(1), false
	for mask := 0; mask < 1<<len(optional); mask++ {
		var breaks []int
		k := 0
		for _, b := range legal {
			if forced[b] {
				breaks = append(breaks, b)
			} else {
				if mask&(1<<k) != 0 {
					breaks = append(breaks, b)
				}
				k++
			}
		}
		if total, ok := refScore(items, breaks, widths, p, tolerance); ok && total < best {
			best, found = total, true
		}
	}
	return best, found
}

// refDP finds the optimum for a constant line width by dynamic programming over (break point,
// fitness class of the line ending there), for paragraphs too long to enumerate.
func refDP(items []Item, width float64, p Params, tolerance float64) (float64, bool) {
	legal, forced := refLegal(items)
	points := append([]int{-1}, legal...)
	inf := math.Inf(1)
	best := make([][4]float64, len(points))
	for i := range best {
		best[i] = [4]float64{inf, inf, inf, inf}
	}
	best[0][1] = 0 // the paragraph starts as if after a decent line
	for j := 1; j < len(points); j++ {
		b := points[j]
		for i := j - 1; i >= 0; i-- {
			if i < j-1 && forced[points[i+1]] {
				break // a line cannot run through a forced break
			}
			a, start := points[i], 0
			if a >= 0 {
				start = refStart(items, a)
			}
			aFlagged := a >= 0 && items[a].Kind == Penalty && items[a].Flagged
			for prevFit, prevTotal := range best[i] {
				if math.IsInf(prevTotal, 1) {
					continue
				}
				d, fit, ok := refLine(items, start, b, width, p, tolerance, prevFit, aFlagged)
				if ok && prevTotal+d < best[j][fit] {
					best[j][fit] = prevTotal + d
				}
			}
		}
	}
	m := slices.Min(best[len(points)-1][:])
	return m, !math.IsInf(m, 1)
}
