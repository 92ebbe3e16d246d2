package roff

import "unicode/utf8"

// Width is the number of characters that escaped text s prints, for sizing table columns: each
// glyph escape counts one, font changes and zero-width escapes none.
func Width(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if s[i] != '\\' || i+1 >= len(s) {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			n++
			continue
		}
		switch c := s[i+1]; c {
		case 'f': // \fR, \f(BI
			i += 3
			if i-1 < len(s) && s[i-1] == '(' {
				i += 2
			}
		case '(': // \(em
			i += 4
			n++
		case '[': // \[u00E9]
			j := i + 2
			for j < len(s) && s[j] != ']' {
				j++
			}
			i = j + 1
			n++
		case '&', '%', ':', 'c':
			i += 2
		default: // \e, \-, \~ and the unpaddable space
			i += 2
			n++
		}
	}
	return n
}
