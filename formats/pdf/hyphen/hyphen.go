// Package hyphen finds the places where a word may be hyphenated, with Liang's algorithm and
// TeX's patterns for each language (patterns/), so the line breaker can break inside words.
package hyphen

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxPart is the longest run of letters that is hyphenated: German compounds of law run past 60
// ("Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnung" has 67), and a run of
// twice that is no word. Matching costs O(n·14) in a run (the deepest pattern has 14 letters), so
// this bound is against nonsense, not cost: a 100 kB "word" takes milliseconds.
const MaxPart = 128

// TeX's \lefthyphenmin and \righthyphenmin for English, the minimums of Default: a hyphen leaves
// at least two letters before it and three after it, so a word needs five letters to be
// hyphenated. Other languages have their own (Hyphenator.Min); none has a sum below four.
const (
	LeftMin  = 2
	RightMin = 3
)

// Hyphenator hyphenates with one language's patterns and exceptions. It is immutable once made,
// so its methods are safe for concurrent use.
type Hyphenator struct {
	tag         string
	left, right int
	trie        *trie
	exceptions  map[string][]int // lowercase word -> rune offsets of its hyphens
	apostrophes bool             // the patterns spell elisions, as French's "l'a4": ' and ’ are letters
}

// New reads a TeX pattern file such as hyphen.tex: the body of \patterns{...} and, optionally,
// of \hyphenation{...} (exception words spelled with their hyphens), with %-comments. It
// hyphenates with English's minimums, LeftMin and RightMin.
func New(tex string) (*Hyphenator, error) {
	tex = stripComments(tex)
	pats, ok := group(tex, `\patterns`)
	if !ok {
		return nil, fmt.Errorf("no \\patterns{...} group found; give a TeX pattern file such as hyphen.tex")
	}
	exc, _ := group(tex, `\hyphenation`)
	return compile("", pats, exc, LeftMin, RightMin)
}

// Min returns the fewest letters a hyphen leaves before and after it, TeX's \lefthyphenmin and
// \righthyphenmin for the language: a word shorter than their sum is never hyphenated.
func (h *Hyphenator) Min() (left, right int) { return h.left, h.right }

// Lang returns the tag of the language whose patterns h has, as For's table names it ("en-us",
// "de"); "" for a Hyphenator made by New.
func (h *Hyphenator) Lang() string { return h.tag }

// Points returns the byte offsets inside word where a hyphen may be inserted, ascending.
//
// Leading and trailing punctuation ("(architecture," or «citation») is ignored. The rest is split
// at hyphens, and at apostrophes unless the language's patterns spell them (French and Italian
// do: "l'hyphénation" is one word to them), and each part of Min's sum to MaxPart letters is
// hyphenated on its own. A break at an explicit hyphen is not a point: no hyphen is inserted
// there, so the caller offers that break itself. A word with anything else inside (digits, dots,
// slashes, underscores, combining marks) gets no points. Any letter belongs to a word, as in
// LuaTeX: one the patterns do not know ("é" in English's "ré-sumé", Cyrillic in German) only
// matches no pattern. Matching is case-insensitive. Each hyphen keeps Min's letters before and
// after it within its part.
func (h *Hyphenator) Points(word string) []int {
	start, end := trimPunct(word)
	core := word[start:end]
	if !hyphenatable(core) {
		return nil
	}
	var pts []int
	var s scratch
	part := 0 // byte offset in core where the current part begins
	for i := 0; i <= len(core); {
		r, size := rune(0), 1
		if i < len(core) {
			r, size = utf8.DecodeRuneInString(core[i:])
		}
		if i == len(core) || isHyphen(r) || isApostrophe(r) && !h.apostrophes {
			pts = h.partPoints(core[part:i], start+part, pts, &s)
			part = i + size
		}
		i += size
	}
	return pts
}

// scratch holds the buffers one call of Points reuses across the parts of a word.
type scratch struct {
	word []rune  // the part in lowercase, between boundary dots
	offs []int   // byte offset in the part of each of its letters, and its length
	vals []uint8 // pattern values before each rune of word
}

// partPoints appends to pts the points of part, a run of letters (and apostrophes, when the
// patterns spell them) that starts at byte off of the word.
func (h *Hyphenator) partPoints(part string, off int, pts []int, s *scratch) []int {
	if len(part) < h.left+h.right || len(part) > MaxPart*utf8.UTFMax {
		return pts // too short or too long even in bytes: spare the decoding
	}
	s.word = append(s.word[:0], '.')
	s.offs = s.offs[:0]
	for i, r := range part {
		s.word = append(s.word, unicode.ToLower(r))
		s.offs = append(s.offs, i)
	}
	n := len(s.offs)
	if n < h.left+h.right || n > MaxPart {
		return pts
	}
	s.offs = append(s.offs, len(part))
	if len(h.exceptions) > 0 {
		if exc, ok := h.exceptions[string(s.word[1:])]; ok {
			for _, p := range exc {
				if p >= h.left && p <= n-h.right {
					pts = append(pts, off+s.offs[p])
				}
			}
			return pts
		}
	}
	s.word = append(s.word, '.')
	s.vals = slices.Grow(s.vals[:0], len(s.word)+1)[:len(s.word)+1]
	clear(s.vals)
	h.trie.match(s.word, s.vals)
	// A break after p letters sits before s.word[p+1], where the value is s.vals[p+1].
	for p := h.left; p <= n-h.right; p++ {
		if s.vals[p+1]%2 == 1 {
			pts = append(pts, off+s.offs[p])
		}
	}
	return pts
}

// trimPunct returns the bounds of word without its leading and trailing punctuation and symbols
// (quotes, brackets, commas, dashes); invalid UTF-8 decodes as U+FFFD, a symbol, so it is trimmed too.
func trimPunct(word string) (start, end int) {
	end = len(word)
	for start < end {
		r, size := utf8.DecodeRuneInString(word[start:end])
		if !isPunct(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(word[start:end])
		if !isPunct(r) {
			break
		}
		end -= size
	}
	return start, end
}

func isPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

// isHyphen reports the characters that join the parts of a compound.
func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

// isApostrophe reports the characters of elisions and contractions: "l'arbre", "children’s".
func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' }

// hyphenatable reports whether core holds only letters, hyphens and apostrophes. Invalid UTF-8
// decodes as U+FFFD, which is no letter.
func hyphenatable(core string) bool {
	if core == "" {
		return false
	}
	for _, r := range core {
		if !unicode.IsLetter(r) && !isHyphen(r) && !isApostrophe(r) {
			return false
		}
	}
	return true
}

func stripComments(tex string) string {
	lines := strings.Split(tex, "\n")
	for i, l := range lines {
		if j := strings.IndexByte(l, '%'); j >= 0 {
			lines[i] = l[:j]
		}
	}
	return strings.Join(lines, "\n")
}

// group returns the text between the braces that follow command, e.g. \patterns{...}.
func group(tex, command string) (string, bool) {
	i := strings.Index(tex, command)
	if i < 0 {
		return "", false
	}
	rest := strings.TrimLeft(tex[i+len(command):], " \t\r\n")
	if !strings.HasPrefix(rest, "{") {
		return "", false
	}
	body, _, ok := strings.Cut(rest[1:], "}")
	return body, ok
}
