package linebreak

import (
	"math"
	"slices"
	"sync"
)

// maxBadness caps badness (100·|r|³) so that demerits stay finite when the fallback pass admits
// lines without stretchability (r = +Inf), and small enough that demerits of ordinary lines
// still count next to them (float64 keeps 16 digits); it is reached at a ratio of about 21.
const maxBadness = 1e6

// slack absorbs rounding in sums of widths, so that a line that fits exactly (ratio -1, say, with
// shrinks like 1/3) is not judged overfull by a last-bit error.
const slack = 1e-9

// Fitness classes of the paper: adjacent lines more than one class apart look uneven.
const (
	tight     = iota // r < -0.5
	decent           // -0.5 <= r <= 0.5
	loose            // 0.5 < r <= 1
	veryLoose        // r > 1
)

// Break chooses breakpoints minimising total demerits. widths(i) is the width available for
// line i (0-based), so lines may have different widths (e.g. hanging indents). The items should
// end with Finish; without a final forced break, the end of items acts as one. Items after the
// last forced break that hold no box are dropped.
//
// Line.Start skips the discardable items (glue and penalties) that follow a break, so the
// caller draws items [Start, End) as they are; the first line starts at 0. A forced break right
// after another break makes an empty line (Start == End), as in TeX.
//
// If no set of breaks keeps every line within p.Tolerance, Break retries allowing any
// looseness (still minimising demerits), and in that pass makes an overfull line (Ratio < -1)
// only where material between two break points does not fit at all. It never fails.
//
// widths must be a pure function: Break calls it for lines 0 to the number of break points
// first, to find from which line on all widths are equal (those lines are interchangeable, which
// keeps the work linear). Break keeps no state between calls and is safe for concurrent use.
func Break(items []Item, widths func(line int) float64, p Params) []Line {
	br := breakers.Get().(*breaker)
	*br = breaker{items: items, widths: widths, p: p, nodes: br.nodes[:0], active: br.active[:0], spare: br.spare[:0]}
	defer func() {
		br.items, br.widths = nil, nil
		breakers.Put(br)
	}()
	last := br.lastBreak()
	if last < 0 {
		return nil
	}
	br.prepare(last)
	if end, ok := br.pass(last, p.Tolerance, false); ok {
		return br.lines(end)
	}
	end, ok := br.pass(last, math.Inf(1), true)
	if !ok {
		panic("linebreak: the final pass found no breaks") // cannot happen: see pass
	}
	return br.lines(end)
}

// breakers keeps breakers between paragraphs, for their nodes' memory: a book has tens of
// thousands of paragraphs.
var breakers = sync.Pool{New: func() any { return new(breaker) }}

// breaker holds one paragraph's state; nodes are never freed during a pass, so prev links stay valid.
type breaker struct {
	items    []Item
	widths   func(int) float64
	p        Params
	easyLine int // lines from here on all have the same width, so their nodes merge (TeX's easy_line)

	nodes         []node  // every break considered feasible, for walking back the best path
	active, spare []int32 // active nodes (indices into nodes), sorted by line number
	candidates    [4]candidate
	hasCandidate  bool
	w, y, z       float64 // width, stretch, shrink of items [0, current)
}

// node is a feasible break: the end of one line and the start of the next.
type node struct {
	pos     int32   // index of the break item; -1 for the paragraph start
	start   int32   // first item of the next line (discardables after pos skipped)
	line    int32   // index of the line that starts here, at most easyLine
	prev    int32   // node where the line ending here starts, -1 for the paragraph start
	fitness uint8   // class of the line that ends here
	flagged bool    // the line that ends here ends with a hyphen
	total   float64 // demerits of the best path to here
	ratio   float64 // of the line that ends here
	w, y, z float64 // sums of items [0, start)
}

// candidate is the best way found to reach the current break point in one fitness class.
type candidate struct {
	total float64
	from  int32 // -1: none yet
	ratio float64
}

// lastBreak returns the index of the paragraph's final break: len(items) if a box follows the
// last forced break, else that forced break; -1 if there is nothing to break.
func (br *breaker) lastBreak() int {
	for i := len(br.items) - 1; i >= 0; i-- {
		switch it := br.items[i]; {
		case it.Kind == Box:
			return len(br.items)
		case it.Kind == Penalty && it.Penalty <= -Infinity:
			return i
		}
	}
	return -1
}

// prepare sizes the node pool and finds easyLine, the first line from which every line the
// paragraph can have is as wide as the one before. Without it, nodes reaching the same break
// with different line counts would stay apart, and their number grows with the paragraph.
func (br *breaker) prepare(last int) {
	breaks := 0 // also the most lines there can be
	for i := 0; i <= last; i++ {
		if legal, _, _, _ := br.breakAt(i); legal {
			breaks++
		}
	}
	br.nodes = slices.Grow(br.nodes[:0], breaks+1) // typically one node per break point
	w := br.widths(0)
	for l := 1; l < breaks; l++ {
		if wl := br.widths(l); wl != w {
			br.easyLine, w = l, wl
		}
	}
}

// breakAt tells whether item i (or the implicit end, i == len(items)) is a legal break point,
// and the penalty, extra width and flag of breaking there.
func (br *breaker) breakAt(i int) (legal bool, penalty, width float64, flagged bool) {
	if i == len(br.items) {
		return true, -Infinity, 0, false
	}
	switch it := br.items[i]; it.Kind {
	case Penalty:
		return it.Penalty < Infinity, it.Penalty, it.Width, it.Flagged
	case Glue:
		return i > 0 && br.items[i-1].Kind == Box, 0, 0, false
	}
	return false, 0, 0, false
}

// skip returns the first item of the line after a break at b: the discardable glue and
// penalties after b are dropped, up to the next box or forced break.
func (br *breaker) skip(b int) int {
	j := b + 1
	for ; j < len(br.items); j++ {
		it := br.items[j]
		if it.Kind == Box || it.Kind == Penalty && it.Penalty <= -Infinity {
			break
		}
	}
	return j
}

// pass runs the algorithm up to the break at last with the given tolerance, and returns the best
// node at last. In the final pass, when every active node would be dropped because its line is
// overfull, one such break is made anyway; as every feasible line is recorded even when its
// demerits are NaN or infinite (absurd inputs), the final pass cannot fail.
func (br *breaker) pass(last int, tolerance float64, final bool) (int32, bool) {
	br.nodes = append(br.nodes[:0], node{pos: -1, start: 0, fitness: decent, prev: -1})
	br.active = append(br.active[:0], 0)
	br.w, br.y, br.z = 0, 0, 0
	for i := 0; i <= last; i++ {
		if legal, pen, pw, flagged := br.breakAt(i); legal {
			br.tryBreak(i, pen, pw, flagged, tolerance, final)
			if len(br.active) == 0 {
				return -1, false
			}
		}
		if i < len(br.items) {
			if it := br.items[i]; it.Kind != Penalty {
				br.w += it.Width
				if it.Kind == Glue {
					br.y += it.Stretch
					br.z += it.Shrink
				}
			}
		}
	}
	best, bestTotal := int32(-1), math.Inf(1)
	for _, a := range br.active {
		if n := &br.nodes[a]; int(n.pos) == last && (best < 0 || n.total < bestTotal) {
			best, bestTotal = a, n.total
		}
	}
	return best, best >= 0
}

// tryBreak considers ending a line at break point b from every active node, as in the paper:
// nodes whose lines can only get more overfull are dropped, and for each group of nodes with
// the same line number the best predecessor per fitness class becomes a new active node.
func (br *breaker) tryBreak(b int, pen, pw float64, flagged bool, tolerance float64, final bool) {
	forced := pen <= -Infinity
	next := br.spare[:0]
	br.resetCandidates()
	// In the final pass, the dropped overfull line that sticks out least, in case all are dropped.
	rescue, rescueLine, rescueRatio, rescueOver := int32(-1), 0, 0.0, math.Inf(1)
	for i := 0; i < len(br.active); {
		line := int(br.nodes[br.active[i]].line)
		target := br.widths(line)
		for ; i < len(br.active) && int(br.nodes[br.active[i]].line) == line; i++ {
			ai := br.active[i]
			a := &br.nodes[ai]
			if int(a.start) > b {
				// b lies in the discardables after a's break: no line from a can end there.
				next = append(next, ai)
				continue
			}
			width, stretch, shrink := br.w-a.w, br.y-a.y, br.z-a.z
			r := ratio(target-width-pw, stretch, shrink)
			// Material only accumulates, so a line overfull without the break's own material
			// (a hyphen) stays overfull at every later break.
			drop := forced || r < -1-slack && ratio(target-width, stretch, shrink) < -1-slack
			feasible := r >= -1-slack && r <= tolerance+slack
			if feasible {
				br.consider(ai, r, pen, flagged, false)
			} else if final && drop {
				over := width + pw - shrink - target
				if rescue < 0 || over < rescueOver || over == rescueOver && a.total < br.nodes[rescue].total {
					rescue, rescueLine, rescueRatio, rescueOver = ai, line, r, over
				}
			}
			if !drop {
				next = append(next, ai)
			}
		}
		newLine := min(line+1, br.easyLine)
		if i < len(br.active) && min(int(br.nodes[br.active[i]].line)+1, br.easyLine) == newLine {
			continue // the next group's lines lead to the same line class: pool their candidates
		}
		if br.hasCandidate {
			next = br.addNodes(next, b, newLine, flagged)
			br.resetCandidates()
		}
	}
	if len(next) == 0 && rescue >= 0 {
		// Every way on is overfull: TeX's "artificial demerits" break, made after the line that
		// overflows least rather than after TeX's last active node, so an overfull line holds
		// only what cannot fit.
		br.consider(rescue, rescueRatio, pen, flagged, true)
		next = br.addNodes(next, b, min(rescueLine+1, br.easyLine), flagged)
	}
	br.active, br.spare = next, br.active
}

func (br *breaker) resetCandidates() {
	br.hasCandidate = false
	for c := range br.candidates {
		br.candidates[c] = candidate{total: math.Inf(1), from: -1}
	}
}

// consider records the line from node ai to the current break point if it beats the best so
// far in its fitness class.
func (br *breaker) consider(ai int32, r, pen float64, flagged, artificial bool) {
	a := &br.nodes[ai]
	if !artificial {
		r = max(r, -1) // within slack
	}
	c := fitness(r)
	d := 0.0 // an artificial break is the only way on: TeX gives it no demerits
	if !artificial {
		d = br.demerits(r, pen, flagged && a.flagged, c, int(a.fitness))
	}
	if total := a.total + d; br.candidates[c].from < 0 || total < br.candidates[c].total {
		br.candidates[c] = candidate{total: total, from: ai, ratio: r}
		br.hasCandidate = true
	}
}

// demerits of one line, as in the paper: (l+b)² ± p², plus the flagged and fitness demerits.
func (br *breaker) demerits(r, pen float64, bothFlagged bool, c, prevClass int) float64 {
	lb := br.p.LinePenalty + badness(r)
	d := lb * lb
	switch {
	case pen >= 0:
		d += pen * pen
	case pen > -Infinity:
		d -= pen * pen
	}
	if bothFlagged {
		d += br.p.FlaggedDemerits
	}
	if c-prevClass > 1 || prevClass-c > 1 {
		d += br.p.FitnessDemerits
	}
	return d
}

// addNodes makes active nodes at break point b for the recorded candidates: only those within
// FitnessDemerits of the best can still win, because the class affects just the next line.
func (br *breaker) addNodes(next []int32, b, line int, flagged bool) []int32 {
	best := math.Inf(1)
	for _, c := range br.candidates {
		if c.from >= 0 && c.total < best {
			best = c.total
		}
	}
	start := br.skip(b)
	w, y, z := br.w, br.y, br.z
	for j := b; j < start && j < len(br.items); j++ {
		if it := br.items[j]; it.Kind == Glue {
			w, y, z = w+it.Width, y+it.Stretch, z+it.Shrink
		}
	}
	for c, cand := range br.candidates {
		// Written so that NaN totals and weights still make nodes: the pass must go on.
		if cand.from >= 0 && (cand.total == best || !(cand.total > best+br.p.FitnessDemerits)) {
			br.nodes = append(br.nodes, node{
				pos: int32(b), start: int32(start), line: int32(line), fitness: uint8(c), flagged: flagged,
				total: cand.total, ratio: cand.ratio, prev: cand.from, w: w, y: y, z: z,
			})
			next = append(next, int32(len(br.nodes)-1))
		}
	}
	return next
}

// lines walks back from the final node.
func (br *breaker) lines(end int32) []Line {
	n := 0
	for i := end; br.nodes[i].prev >= 0; i = br.nodes[i].prev {
		n++
	}
	out := make([]Line, n)
	for i := end; br.nodes[i].prev >= 0; i = br.nodes[i].prev {
		n--
		e := &br.nodes[i]
		out[n] = br.line(int(br.nodes[e.prev].start), int(e.pos), e.ratio)
	}
	return out
}

func (br *breaker) line(start, end int, r float64) Line {
	hyph := end < len(br.items) && br.items[end].Kind == Penalty && br.items[end].Flagged
	return Line{Start: start, End: end, Ratio: r, Hyphenated: hyph}
}

// ratio is the adjustment ratio that closes shortfall: stretching if positive, shrinking if
// negative, ±Inf if the line cannot adjust at all.
func ratio(shortfall, stretch, shrink float64) float64 {
	switch {
	case shortfall > 0:
		if stretch > 0 {
			return shortfall / stretch
		}
		return math.Inf(1)
	case shortfall < 0:
		if shrink > 0 {
			return shortfall / shrink
		}
		return math.Inf(-1)
	}
	return 0
}

func badness(r float64) float64 {
	r = math.Abs(r)
	return min(100*r*r*r, maxBadness)
}

func fitness(r float64) int {
	switch {
	case r < -0.5:
		return tight
	case r <= 0.5:
		return decent
	case r <= 1:
		return loose
	}
	return veryLoose
}
