// Package hyphen finds the places where an English word may be hyphenated, with Liang's algorithm
// and Knuth's plain TeX patterns (hyphen.tex), so the line breaker can break inside words.
package hyphen

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/speedata/hyphenation"
)

// MaxPart is the longest run of letters that is hyphenated: longer runs are not English words
// (the longest in common dictionaries has 45 letters), and speedata's matching costs O(n³) in it.
const MaxPart = 64

// TeX's \lefthyphenmin and \righthyphenmin for English: a hyphen leaves at least two letters
// before it and three after it, so a word needs at least five letters to be hyphenated.
const (
	LeftMin  = 2
	RightMin = 3
)

//go:embed hyphen.tex
var hyphenTeX string

// Hyphenator hyphenates with one set of patterns and exceptions. It is immutable after New, so
// its methods are safe for concurrent use: hyphenation.Lang.Hyphenate only reads its pattern map.
type Hyphenator struct {
	lang       *hyphenation.Lang
	exceptions map[string][]int // lowercase word -> rune offsets of its hyphens
}

var (
	defaultOnce sync.Once
	defaultHyph *Hyphenator
)

// Default returns the US English hyphenator, loaded once (sync.Once), safe for concurrent use.
func Default() *Hyphenator {
	defaultOnce.Do(func() {
		h, err := New(hyphenTeX)
		if err != nil {
			// The file is embedded and covered by tests: failing here is a build defect.
			panic(fmt.Sprintf("hyphen: embedded hyphen.tex: %v", err))
		}
		defaultHyph = h
	})
	return defaultHyph
}

// New reads a TeX pattern file: the body of \patterns{...} and, optionally, of \hyphenation{...}
// (exception words spelled with their hyphens), with %-comments. speedata's parser takes bare
// patterns only, so the TeX wrapping is removed here.
func New(tex string) (*Hyphenator, error) {
	tex = stripComments(tex)
	pats, ok := group(tex, `\patterns`)
	if !ok {
		return nil, fmt.Errorf("no \\patterns{...} group found; give a TeX pattern file such as hyphen.tex")
	}
	for _, p := range strings.Fields(pats) {
		if !validPattern(p) {
			return nil, fmt.Errorf("pattern %q: want lowercase ASCII letters, digits and '.' word boundaries", p)
		}
	}
	lang, err := hyphenation.New(strings.NewReader(pats))
	if err != nil {
		return nil, fmt.Errorf("reading patterns: %w", err)
	}
	// Minimums are applied in Points (speedata counts Leftmin one letter differently from TeX).
	lang.Leftmin, lang.Rightmin = 0, 0
	h := &Hyphenator{lang: lang, exceptions: map[string][]int{}}
	if exc, ok := group(tex, `\hyphenation`); ok {
		for _, w := range strings.Fields(exc) {
			word, pts := parseException(w)
			if word == "" {
				return nil, fmt.Errorf("exception %q: want letters with '-' between syllables", w)
			}
			h.exceptions[word] = pts
		}
	}
	return h, nil
}

// Points returns the byte offsets inside word where a hyphen may be inserted, ascending.
//
// Leading and trailing punctuation ("(architecture," or “quoted”) is ignored. The rest is split
// at hyphens and apostrophes ("cross-referencing", "children's"), and each part of five to
// MaxPart letters is hyphenated on its own. A break at an explicit hyphen is not a point: no
// hyphen is inserted there, so the caller offers that break itself. A word with anything else
// inside, such as digits, non-ASCII letters (the patterns cover a-z only), dots, slashes or
// underscores, gets no points. Matching is case-insensitive. Each hyphen keeps LeftMin letters
// before it and RightMin letters after it within its part.
func (h *Hyphenator) Points(word string) []int {
	start, end := trimPunct(word)
	core := word[start:end]
	if !hyphenatable(core) {
		return nil
	}
	var pts []int
	part := 0 // byte offset in core where the current letters-only part begins
	for i := 0; i <= len(core); {
		r, size := rune(0), 1
		if i < len(core) {
			r, size = utf8.DecodeRuneInString(core[i:])
		}
		if i == len(core) || isJoiner(r) {
			for _, p := range h.partPoints(core[part:i]) {
				pts = append(pts, start+part+p)
			}
			part = i + size
		}
		i += size
	}
	return pts
}

// partPoints hyphenates one run of ASCII letters; its offsets are rune and byte offsets alike.
func (h *Hyphenator) partPoints(part string) []int {
	if len(part) < LeftMin+RightMin || len(part) > MaxPart {
		return nil
	}
	lower := strings.ToLower(part)
	pts, ok := h.exceptions[lower]
	if !ok {
		pts = h.lang.Hyphenate(lower)
	}
	var out []int
	for _, p := range pts {
		if p >= LeftMin && p <= len(part)-RightMin {
			out = append(out, p)
		}
	}
	return out
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

// isJoiner reports the characters that join the parts of a compound or a contraction.
func isJoiner(r rune) bool {
	switch r {
	case '-', '\u2010', '\u2011', '\'', '\u2019':
		return true
	}
	return false
}

// hyphenatable reports whether core holds only ASCII letters and joiners.
func hyphenatable(core string) bool {
	if core == "" {
		return false
	}
	for _, r := range core {
		if !isASCIILetter(r) && !isJoiner(r) {
			return false
		}
	}
	return true
}

func isASCIILetter(r rune) bool { return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' }

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

func validPattern(p string) bool {
	for _, r := range p {
		if !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '.') {
			return false
		}
	}
	return true
}

// parseException turns "as-so-ciate" into "associate" and [2 4]; it returns "" for a malformed word.
func parseException(w string) (string, []int) {
	var b strings.Builder
	var pts []int
	for _, r := range w {
		switch {
		case r == '-' && b.Len() > 0 && (len(pts) == 0 || pts[len(pts)-1] != b.Len()):
			pts = append(pts, b.Len())
		case 'a' <= r && r <= 'z':
			b.WriteRune(r)
		default:
			return "", nil
		}
	}
	if len(pts) > 0 && pts[len(pts)-1] == b.Len() {
		return "", nil // trailing hyphen
	}
	return b.String(), pts
}
