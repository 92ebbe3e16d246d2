package linebreak

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"bookc/builder/golden"
	"bookc/formats/pdf/hyphen"
)

// frogKing is the example paragraph of Knuth and Plass's paper.
const frogKing = "In olden times when wishing still helped one, there lived a king whose daughters were all " +
	"beautiful; and the youngest was so beautiful that the sun itself, which has seen so much, was " +
	"astonished whenever it shone in her face. Close by the king's castle lay a great dark forest, and " +
	"under an old lime-tree in the forest was a well, and when the day was very warm, the king's child " +
	"went out into the forest and sat down by the side of the cool fountain; and when she was bored she " +
	"took a golden ball, and threw it up on high and caught it; and this ball was her favorite plaything."

// paragraph turns text into items with a monospace model (every character is 1 wide, spaces
// stretch by 1/2 and shrink by 1/3 as in TeX's fonts), hyphenation points as flagged penalties
// of 50 and explicit hyphens as breaks after them. text[i] is what item i shows.
func paragraph(s string) (items []Item, text []string) {
	add := func(it Item, t string) { items, text = append(items, it), append(text, t) }
	for i, word := range strings.Fields(s) {
		if i > 0 {
			add(Item{Kind: Glue, Width: 1, Stretch: 0.5, Shrink: 1.0 / 3}, " ")
		}
		// Break after each explicit hyphen (nothing drawn) and at each hyphenation point.
		last := 0
		for j := 1; j < len(word); j++ {
			explicit := word[j-1] == '-'
			if !explicit && !slices.Contains(hyphen.Default().Points(word), j) {
				continue
			}
			add(Item{Kind: Box, Width: float64(j - last)}, word[last:j])
			if explicit {
				add(Item{Kind: Penalty, Penalty: 50, Flagged: true}, "")
			} else {
				add(Item{Kind: Penalty, Width: 1, Penalty: 50, Flagged: true}, "")
			}
			last = j
		}
		add(Item{Kind: Box, Width: float64(len(word) - last)}, word[last:])
	}
	n := len(items)
	items = Finish(items)
	text = append(text, make([]string, len(items)-n)...)
	return items, text
}

// render shows the lines as text, with each line's ratio.
func render(items []Item, text []string, lines []Line, width float64) string {
	var b strings.Builder
	for _, l := range lines {
		var s strings.Builder
		for i := l.Start; i < l.End; i++ {
			s.WriteString(text[i])
		}
		if l.Hyphenated && items[l.End].Width > 0 {
			s.WriteByte('-')
		}
		fmt.Fprintf(&b, "%-*s| %+.3f\n", int(width), s.String(), l.Ratio)
	}
	return b.String()
}

func constant(w float64) func(int) float64 { return func(int) float64 { return w } }

// checkLines asserts what every result must satisfy, whatever the input.
func checkLines(t *testing.T, items []Item, lines []Line) {
	t.Helper()
	legal, forced := refLegal(items)
	isLegal := map[int]bool{len(items): true}
	for _, b := range legal {
		isLegal[b] = true
	}
	ends := map[int]bool{}
	start := 0
	for k, l := range lines {
		if l.Start != start || l.End < l.Start || !isLegal[l.End] {
			t.Fatalf("line %d = %+v: want Start %d and End a legal break >= Start", k, l, start)
		}
		if want := l.End < len(items) && items[l.End].Kind == Penalty && items[l.End].Flagged; l.Hyphenated != want {
			t.Fatalf("line %d: Hyphenated = %v, want %v", k, l.Hyphenated, want)
		}
		ends[l.End] = true
		start = refStart(items, l.End)
	}
	lastBox, lastForced := -1, -1
	for i, it := range items {
		if it.Kind == Box {
			lastBox = i
		}
		if forced[i] {
			lastForced = i
			if !ends[i] {
				t.Fatalf("forced break %d is not honoured: %+v", i, lines)
			}
		}
	}
	// Every box is on a line: the last line reaches past the last box and the last forced break.
	end := -1
	if len(lines) > 0 {
		end = lines[len(lines)-1].End
	}
	if lastBox >= 0 && end <= lastBox || end < lastForced {
		t.Fatalf("lines end at %d, before box %d or forced break %d", end, lastBox, lastForced)
	}
}

// breaksOf lists the lines' break points, for scoring with the reference.
func breaksOf(lines []Line) []int {
	var bs []int
	for _, l := range lines {
		bs = append(bs, l.End)
	}
	return bs
}

// checkOptimal asserts that lines have the least demerits the reference finds, in the pass
// Break must have used, and returns that pass: 0 within tolerance, 1 looser, 2 overfull.
func checkOptimal(t *testing.T, items []Item, widths func(int) float64, p Params, lines []Line, best func(tolerance float64) (float64, bool)) int {
	t.Helper()
	for pass, tol := range []float64{p.Tolerance, math.Inf(1)} {
		want, ok := best(tol)
		if !ok {
			continue
		}
		got, feasible := refScore(items, breaksOf(lines), widths, p, tol)
		if !feasible || math.Abs(got-want) > 1e-9*math.Max(1, math.Abs(want)) {
			t.Fatalf("tolerance %v: demerits %v (feasible %v), optimum %v; lines %+v", tol, got, feasible, want, lines)
		}
		return pass
	}
	// No set of breaks avoids an overfull line: Break must have made one.
	for _, l := range lines {
		if l.Overfull() {
			return 2
		}
	}
	t.Fatalf("no feasible breaks exist, yet no line is overfull: %+v", lines)
	return 2
}

// randomParagraph builds small paragraphs with integer sizes, so that sums are exact and the
// reference and Break make the same feasibility decisions.
func randomParagraph(rng *rand.Rand) []Item {
	var items []Item
	for w := range 3 + rng.IntN(6) {
		if w > 0 {
			width := float64(1 + rng.IntN(2))
			items = append(items, Item{Kind: Glue, Width: width, Stretch: float64(rng.IntN(3)), Shrink: float64(rng.IntN(2))})
		}
		items = append(items, Item{Kind: Box, Width: float64(1 + rng.IntN(5))})
		if rng.IntN(3) == 0 {
			items = append(items, Item{Kind: Penalty, Width: 1, Penalty: 50, Flagged: true}, Item{Kind: Box, Width: float64(1 + rng.IntN(4))})
		}
		switch rng.IntN(12) {
		case 0:
			items = Finish(items)
		case 1:
			items = append(items, Item{Kind: Penalty, Penalty: float64(rng.IntN(400) - 200)})
		}
	}
	return Finish(items)
}

func TestBreakMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	var passes [3]int
	for n := 0; n < 3000; {
		items := randomParagraph(rng)
		if legal, forced := refLegal(items); len(legal)-len(forced) > 13 {
			continue
		}
		n++
		base := float64(6 + rng.IntN(14))
		widths := constant(base)
		if n%3 == 0 { // a hanging indent: the first lines are narrower
			widths = func(line int) float64 { return base - 3*float64(max(0, 2-line)) }
		}
		p := DefaultParams()
		p.Tolerance = []float64{1, 2, 4}[n%3]
		if n%5 == 0 {
			p.FlaggedDemerits, p.FitnessDemerits = 0, 100
		}
		lines := Break(items, widths, p)
		checkLines(t, items, lines)
		passes[checkOptimal(t, items, widths, p, lines, func(tol float64) (float64, bool) {
			return refBest(t, items, widths, p, tol)
		})]++
	}
	t.Logf("paragraphs set by each pass: %v", passes)
	// The generator must keep exercising every pass, or the test proves less than it claims.
	for pass, n := range passes {
		if n < 100 {
			t.Errorf("only %d of the paragraphs were set by pass %d: %v", n, pass, passes)
		}
	}
}

func TestBreakMatchesDP(t *testing.T) {
	items, _ := paragraph(frogKing)
	for width := 12.0; width <= 80; width++ {
		p := DefaultParams()
		lines := Break(items, constant(width), p)
		checkLines(t, items, lines)
		checkOptimal(t, items, constant(width), p, lines, func(tol float64) (float64, bool) {
			return refDP(items, width, p, tol)
		})
	}
}

func TestGolden(t *testing.T) {
	items, text := paragraph(frogKing)
	var b strings.Builder
	for _, width := range []float64{38, 60} {
		fmt.Fprintf(&b, "width %v:\n", width)
		b.WriteString(render(items, text, Break(items, constant(width), DefaultParams()), width))
	}
	hanging := func(line int) float64 { return map[bool]float64{true: 30, false: 38}[line < 3] }
	b.WriteString("width 30 for three lines, then 38:\n")
	b.WriteString(render(items, text, Break(items, hanging, DefaultParams()), 38))
	golden.Check(t, "frogking.golden", []byte(b.String()))
}

func TestBreakCases(t *testing.T) {
	word := func(w float64) Item { return Item{Kind: Box, Width: w} }
	space := Item{Kind: Glue, Width: 1, Stretch: 1, Shrink: 0.5}
	tests := []struct {
		name  string
		items []Item
		width float64
		want  string // lines as "start-end" pairs, '*' marks an overfull line
	}{
		{"empty", nil, 10, ""},
		{"glue only", []Item{space, space}, 10, ""},
		{"one word", Finish([]Item{word(3)}), 10, "0-3"},
		{"no Finish: the end breaks", []Item{word(3), space, word(3)}, 10, "0-3"},
		{"trailing glue dropped", Finish([]Item{word(3), space}), 10, "0-3"},
		{"forced break honoured though the line is short",
			Finish(append(Finish([]Item{word(2)}), word(2))), 10, "0-3 4-7"},
		{"two forced breaks make an empty line",
			append([]Item{word(2), {Kind: Penalty, Penalty: -Infinity}}, Finish([]Item{{Kind: Penalty, Penalty: -Infinity}, word(2)})...),
			10, "0-1 2-2 3-6"},
		{"a box wider than the line sits alone, overfull",
			Finish([]Item{word(2), space, word(30), space, word(2)}), 10, "0-1 2-3* 4-7"},
		{"an overfull line holds only the box that does not fit",
			Finish([]Item{word(2), space, word(2), space, word(2), space, word(30), space, word(2)}), 10, "0-5 6-7* 8-11"},
		{"a forbidden break is not taken",
			Finish([]Item{word(5), {Kind: Penalty, Penalty: Infinity}, space, word(5), space, word(5)}), 10, "0-4* 5-8"},
		{"glue after a break is dropped",
			Finish([]Item{word(5), {Kind: Penalty, Penalty: 0}, space, word(5)}), 6, "0-1 3-6"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := Break(tt.items, constant(tt.width), DefaultParams())
			checkLines(t, tt.items, lines)
			var got []string
			for _, l := range lines {
				s := fmt.Sprintf("%d-%d", l.Start, l.End)
				if l.Overfull() {
					s += "*"
				}
				got = append(got, s)
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("lines %q, want %q", g, tt.want)
			}
		})
	}
}

// TestFlaggedDemerits: raising FlaggedDemerits can only reduce the number of consecutive
// hyphenated lines (the optimum trades them against other demerits), and must do so somewhere.
func TestFlaggedDemerits(t *testing.T) {
	items, _ := paragraph(frogKing + " " + frogKing)
	consecutive := func(lines []Line) int {
		n := 0
		for k := 1; k < len(lines); k++ {
			if lines[k].Hyphenated && lines[k-1].Hyphenated {
				n++
			}
		}
		return n
	}
	free, strict := DefaultParams(), DefaultParams()
	free.FlaggedDemerits, strict.FlaggedDemerits = 0, 1e6
	reduced := false
	for width := 20.0; width <= 70; width++ {
		a := consecutive(Break(items, constant(width), free))
		b := consecutive(Break(items, constant(width), strict))
		if b > a {
			t.Errorf("width %v: %d consecutive hyphens with FlaggedDemerits, %d without", width, b, a)
		}
		reduced = reduced || b < a
	}
	if !reduced {
		t.Error("FlaggedDemerits never removed a pair of consecutive hyphenated lines")
	}
}

// TestNonFinite: absurd sizes and weights give absurd lines, but never a panic, and forced
// breaks are still honoured.
func TestNonFinite(t *testing.T) {
	for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		items := Finish(append(Finish([]Item{{Kind: Box, Width: 2}, {Kind: Glue, Width: 1, Stretch: bad, Shrink: bad}, {Kind: Box, Width: bad}}),
			Item{Kind: Box, Width: 3}, Item{Kind: Glue, Width: 1, Stretch: 1}, Item{Kind: Box, Width: 3}))
		params := []Params{DefaultParams(), {Tolerance: bad, LinePenalty: bad, FlaggedDemerits: bad, FitnessDemerits: bad}}
		for _, width := range []float64{10, bad} {
			for _, p := range params {
				checkLines(t, items, Break(items, constant(width), p))
			}
		}
	}
}

func TestGlueWidth(t *testing.T) {
	g := Item{Kind: Glue, Width: 3, Stretch: 2, Shrink: 1}
	for _, tt := range []struct{ r, want float64 }{
		{0, 3}, {0.5, 4}, {-0.5, 2.5}, {-3, 2}, {math.Inf(1), 3}, {math.Inf(-1), 3},
	} {
		if got := (Line{Ratio: tt.r}).GlueWidth(g); got != tt.want {
			t.Errorf("ratio %v: GlueWidth = %v, want %v", tt.r, got, tt.want)
		}
	}
}

func FuzzBreak(f *testing.F) {
	f.Add([]byte{0, 5, 1, 2, 0, 7, 2, 200}, uint8(10), uint8(0), uint8(0))
	f.Add([]byte{0, 50, 2, 0, 2, 0, 1, 1, 0, 3}, uint8(4), uint8(3), uint8(1))
	f.Add([]byte{0, 128, 1, 127, 0, 3, 4, 0, 0, 1}, uint8(4), uint8(3), uint8(2))
	f.Fuzz(func(t *testing.T, data []byte, width, vary, params uint8) {
		var items []Item
		for i := 0; i+1 < len(data); i += 2 {
			v := float64(int8(data[i+1])) / 4 // negative sizes too: no panic, no loop
			switch data[i+1] {
			case 0x80:
				v = math.NaN()
			case 0x7f:
				v = math.Inf(1)
			}
			switch data[i] % 5 {
			case 0:
				items = append(items, Item{Kind: Box, Width: v})
			case 1:
				items = append(items, Item{Kind: Glue, Width: math.Abs(v), Stretch: v, Shrink: math.Abs(v) / 2})
			case 2:
				items = append(items, Item{Kind: Penalty, Width: math.Abs(v) / 8, Penalty: v * 100, Flagged: data[i]&8 != 0})
			case 3:
				items = append(items, Item{Kind: Penalty, Penalty: -Infinity})
			case 4:
				items = Finish(items)
			}
		}
		widths := func(line int) float64 { return float64(width) + float64(line%3)*float64(vary) }
		p := []Params{DefaultParams(), {}, {Tolerance: math.Inf(1), LinePenalty: -5, FlaggedDemerits: math.NaN(), FitnessDemerits: -1}}[params%3]
		checkLines(t, items, Break(items, widths, p))
	})
}

func BenchmarkBreak(b *testing.B) {
	text := strings.Repeat(frogKing+" ", 2000/len(strings.Fields(frogKing))+1)
	text = strings.Join(strings.Fields(text)[:2000], " ")
	items, _ := paragraph(text)
	b.ReportAllocs()
	for b.Loop() {
		Break(items, constant(65), DefaultParams())
	}
}
