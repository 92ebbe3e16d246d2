package svg

import (
	"math"
	"strconv"
)

// scanner reads the numbers, flags and separators that path data, points, transforms and lists
// share. It never backtracks, so every attribute is read in one pass.
type scanner struct {
	s string
	i int
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// skipSpace skips white space.
func (sc *scanner) skipSpace() {
	for sc.i < len(sc.s) && isSpace(sc.s[sc.i]) {
		sc.i++
	}
}

// skipSep skips white space and at most one comma.
func (sc *scanner) skipSep() {
	sc.skipSpace()
	if sc.i < len(sc.s) && sc.s[sc.i] == ',' {
		sc.i++
		sc.skipSpace()
	}
}

func (sc *scanner) done() bool { return sc.i >= len(sc.s) }

// number reads SVG's number grammar: "1.5e-3", "-.5", and "-.5.5" as two numbers. An "e" counts as
// an exponent only when a digit follows it, so "1em" is 1 and a unit. A number out of float64's
// range is not a number.
func (sc *scanner) number() (float64, bool) {
	s, start := sc.s, sc.i
	i := start
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for i < len(s) && isDigit(s[i]) {
		i++
		digits++
	}
	if i < len(s) && s[i] == '.' && i+1 < len(s) && isDigit(s[i+1]) {
		i++
		for i < len(s) && isDigit(s[i]) {
			i++
			digits++
		}
	} else if digits > 0 && i < len(s) && s[i] == '.' {
		i++ // "5." is 5
	}
	if digits == 0 {
		return 0, false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if j < len(s) && isDigit(s[j]) {
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			i = j
		}
	}
	v, err := strconv.ParseFloat(s[start:i], 64)
	if err != nil && (math.IsInf(v, 0) || math.IsNaN(v)) {
		return 0, false
	}
	sc.i = i
	return v, true
}

// flag reads an arc flag, a single 0 or 1 that needs no separator after it.
func (sc *scanner) flag() (bool, bool) {
	if sc.i < len(sc.s) && (sc.s[sc.i] == '0' || sc.s[sc.i] == '1') {
		sc.i++
		return sc.s[sc.i-1] == '1', true
	}
	return false, false
}

// numbers reads a list of numbers separated by white space or commas, as points and
// stroke-dasharray are written. ok is false when something else is in the list.
func numbers(s string) (list []float64, ok bool) {
	sc := scanner{s: s}
	sc.skipSpace()
	for !sc.done() {
		v, ok := sc.number()
		if !ok {
			return list, false
		}
		list = append(list, v)
		sc.skipSep()
	}
	return list, true
}
