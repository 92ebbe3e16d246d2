// Package wordbreak finds where words meet in text written without spaces between them, Thai,
// so that lines may break there as they break at spaces elsewhere (UAX #14 leaves class SA to a
// dictionary). It matches maximally against a word list: the segmentation that leaves the fewest
// characters in no word, and then has the fewest words. Characters in no word stay together.
//
// The word list is the machine's hunspell dictionary for the language (Debian's hunspell-th:
// NECTEC's 51,000 Thai words, LGPL), found as the system's fonts are and read on first use, not
// one of bookc's own: the same machine gives the same breaks.
package wordbreak

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"strings"
	"sync"
	"unicode/utf8"
)

// Dict is a word list.
type Dict struct {
	words  map[string]bool
	maxLen int // bytes of the longest word
}

// DefaultPaths are where Debian and others install hunspell's Thai dictionary.
var DefaultPaths = []string{"/usr/share/hunspell/th_TH.dic", "/usr/share/myspell/th_TH.dic", "/usr/share/myspell/dicts/th_TH.dic"}

// maxFile bounds the dictionary read: Debian's is 1.3 MB.
const maxFile = 16 << 20

// maxWord bounds a word's bytes, and so the work at each place of a text: segmenting tries every
// word that may start there, up to the longest (Debian's longest Thai word is 25 letters).
const maxWord = 256

// Thai is the first of DefaultPaths that reads as a dictionary, loaded once; nil when none does.
var Thai = sync.OnceValue(func() *Dict {
	for _, p := range DefaultPaths {
		if d, err := Load(p); err == nil {
			return d
		}
	}
	return nil
})

// Load reads a hunspell dictionary: a count, then a word a line, each maybe followed by "/" and
// its affix flags, which are dropped (Thai has no affixes).
func Load(path string) (*Dict, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.Size() > maxFile {
		return nil, &os.PathError{Op: "read", Path: path, Err: errTooBig}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(data), nil
}

var errTooBig = errors.New("bigger than a dictionary is")

// Parse reads a hunspell dictionary's bytes (see Load). Lines that are not UTF-8 are skipped.
func Parse(data []byte) *Dict {
	d := &Dict{words: map[string]bool{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	first := true
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if first { // the count
			first = false
			continue
		}
		if i := strings.IndexByte(w, '/'); i >= 0 {
			w = w[:i]
		}
		if w == "" || len(w) > maxWord || !utf8.ValidString(w) {
			continue
		}
		d.words[w] = true
		d.maxLen = max(d.maxLen, len(w))
	}
	return d
}

// Len is the number of words.
func (d *Dict) Len() int { return len(d.words) }

// Breaks returns where words meet in s, as byte offsets inside it (never 0 or len(s)), in order.
// Only runs of Thai letters are segmented; nothing breaks where a run meets other text, nor
// before a mark or after a leading vowel, which belong to the letters beside them.
func (d *Dict) Breaks(s string) []int {
	var out []int
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !thai(r) {
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !thai(r) {
				break
			}
			j += n
		}
		for _, b := range d.segment(s[i:j]) {
			out = append(out, i+b)
		}
		i = j
	}
	return out
}

// segment finds the boundaries inside a run of Thai (maximal matching, by dynamic programming
// over the places a boundary may go).
func (d *Dict) segment(s string) []int {
	type best struct {
		unknown, words int
		from           int  // the boundary before
		known          bool // s[from:here] is a word
		set            bool
	}
	b := make([]best, len(s)+1)
	b[0].set = true
	better := func(a, c best) bool {
		return !c.set || a.unknown < c.unknown || a.unknown == c.unknown && a.words < c.words
	}
	for i := 0; i < len(s); i++ {
		if !b[i].set || !boundary(s, i) {
			continue
		}
		for j := i + 1; j <= len(s) && j-i <= d.maxLen; j++ {
			if boundary(s, j) && d.words[s[i:j]] {
				if c := (best{unknown: b[i].unknown, words: b[i].words + 1, from: i, known: true, set: true}); better(c, b[j]) {
					b[j] = c
				}
			}
		}
		// a character in no word: to the next place a boundary may go
		j := i + 1
		for j < len(s) && !boundary(s, j) {
			j++
		}
		if c := (best{unknown: b[i].unknown + 1, words: b[i].words + 1, from: i, set: true}); better(c, b[j]) {
			b[j] = c
		}
	}
	var cuts []int
	for at := len(s); at > 0; {
		from := b[at].from
		// characters in no word stay with their neighbours that are in none either
		if from > 0 && (b[at].known || b[from].known) {
			cuts = append(cuts, from)
		}
		at = from
	}
	for i, j := 0, len(cuts)-1; i < j; i, j = i+1, j-1 {
		cuts[i], cuts[j] = cuts[j], cuts[i]
	}
	return cuts
}

// boundary tells whether a word may end at byte i of s: at a character's start, not before a
// combining vowel or tone mark, and not after a leading vowel (เ แ โ ใ ไ), which is written
// before the consonant it follows in speech.
func boundary(s string, i int) bool {
	if i == 0 || i == len(s) {
		return true
	}
	if !utf8.RuneStart(s[i]) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	return !thaiMark(r) && !(prev >= 0x0E40 && prev <= 0x0E44)
}

// thai tells the Thai block's letters, vowels and marks (not its digits and signs, which UAX #14
// classes apart).
func thai(r rune) bool { return r >= 0x0E01 && r <= 0x0E4E }

// thaiMark tells the combining vowels and tone marks, and the vowels that follow their consonant
// without standing alone (ั ิ ี ึ ื ุ ู ฺ ็ ่ ้ ๊ ๋ ์ ํ ๎, and ะ า ำ ๅ after their consonant).
func thaiMark(r rune) bool {
	return r == 0x0E31 || r >= 0x0E34 && r <= 0x0E3A || r >= 0x0E47 && r <= 0x0E4E ||
		r == 0x0E30 || r == 0x0E32 || r == 0x0E33 || r == 0x0E45
}
