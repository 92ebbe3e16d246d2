package tree

import "strings"

// ValidLang reports whether s has the shape of a BCP 47 language tag, as Lang, the book's
// language and EPUB's lang attributes need it: a language subtag of 2-8 letters, then subtags of
// up to 8 letters and digits.
func ValidLang(s string) bool {
	for i, sub := range strings.Split(s, "-") {
		if len(sub) == 0 || len(sub) > 8 || i == 0 && len(sub) < 2 {
			return false
		}
		for _, c := range sub {
			letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
			if !letter && (i == 0 || c < '0' || c > '9') {
				return false
			}
		}
	}
	return true
}
