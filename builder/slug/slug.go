// Package slug makes the ASCII names files and man pages are given from titles and paths: lower-case
// letters and digits, words joined by one '-', cut at a word's end.
package slug

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// ASCII lowers s to letters and digits, words joined by one '-'. lossy reports that s had letters
// or digits beyond ASCII, which the slug leaves out.
func ASCII(s string) (slug string, lossy bool) {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			lossy, dash = true, true
		default:
			dash = true
		}
	}
	return b.String(), lossy
}

// Cut cuts a slug to at most n bytes, at a '-' when there is one past its middle.
func Cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	if i := strings.LastIndexByte(s, '-'); i > n/2 {
		s = s[:i]
	}
	return strings.TrimRight(s, "-")
}
