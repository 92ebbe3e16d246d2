package markdown

import (
	"strings"
	"unicode"
)

// Slug makes a heading anchor as mdBook does: lower-case, spaces to '-', other punctuation dropped,
// and letters of every script kept (goldmark's own IDs drop non-ASCII letters).
func Slug(s string) string {
	var sb strings.Builder
	for _, r := range strings.TrimSpace(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-':
			sb.WriteRune(unicode.ToLower(r))
		case unicode.IsSpace(r):
			sb.WriteByte('-')
		}
	}
	return sb.String()
}
