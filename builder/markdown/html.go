package markdown

import (
	"html"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

var commentRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?s)^\s*<!--.*-->\s*$`) })

// htmlText is the text of an HTML fragment as a browser shows it: without tags, comments, scripts
// and styles, with entities decoded. It scans by hand: as one regexp, `<!--.*?-->|<[^>]*>` looked
// for the end of a comment to the end of the fragment at every tag, quadratic in the tags.
func htmlText(raw string) string {
	return html.UnescapeString(stripTags(stripHidden(raw)))
}

// stripHidden removes script and style elements, names in any case: from `<script` or `<style`,
// ending a word, to the first closing tag of either name, or to the end when there is none.
func stripHidden(s string) string {
	var sb strings.Builder
	kept := 0 // s[:kept] is written or removed
	for i := 0; i < len(s); i++ {
		if s[i] != '<' {
			continue
		}
		n, ok := hiddenName(s[i+1:])
		if !ok || i+1+n < len(s) && isWordByte(s[i+1+n]) {
			continue
		}
		sb.WriteString(s[kept:i])
		kept = hiddenEnd(s, i+1+n)
		i = kept - 1
	}
	sb.WriteString(s[kept:])
	return sb.String()
}

// hiddenEnd is where the script or style element whose body starts at s[from] ends: after the
// first `</script` or `</style`, spaces and `>`, or at the end of s.
func hiddenEnd(s string, from int) int {
	for i := from; i < len(s); i++ {
		if s[i] != '<' || i+1 >= len(s) || s[i+1] != '/' {
			continue
		}
		n, ok := hiddenName(s[i+2:])
		if !ok {
			continue
		}
		j := i + 2 + n
		for j < len(s) && strings.IndexByte("\t\n\f\r ", s[j]) >= 0 {
			j++
		}
		if j < len(s) && s[j] == '>' {
			return j + 1
		}
	}
	return len(s)
}

// hiddenName matches "script" or "style" at the start of s, in any case as regexp's (?i) folds it,
// and returns its length in s.
func hiddenName(s string) (int, bool) {
	for _, name := range [...]string{"script", "style"} {
		if n, ok := foldPrefix(s, name); ok {
			return n, true
		}
	}
	return 0, false
}

// foldPrefix reports whether s starts with word under Unicode simple case folding, and how long
// that start is in s ("ſ" folds to "s" and is two bytes).
func foldPrefix(s, word string) (int, bool) {
	i := 0
	for _, w := range word {
		if i >= len(s) {
			return 0, false
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !foldEqual(r, w) {
			return 0, false
		}
		i += size
	}
	return i, true
}

func foldEqual(r, w rune) bool {
	for f := unicode.SimpleFold(w); f != w; f = unicode.SimpleFold(f) {
		if f == r {
			return true
		}
	}
	return r == w
}

func isWordByte(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '_'
}

// stripTags removes comments, `<!--` to the next `-->`, and else tags, `<` to the next `>`; a `<`
// that neither closes stays. Once no `-->` or `>` is left, no later `<` looks for one again.
func stripTags(s string) string {
	var sb strings.Builder
	kept := 0 // s[:kept] is written or removed
	noComment, noTag := false, false
	for i := 0; i < len(s); i++ {
		if s[i] != '<' {
			continue
		}
		end := -1
		if !noComment && strings.HasPrefix(s[i:], "<!--") {
			if k := strings.Index(s[i+4:], "-->"); k >= 0 {
				end = i + 4 + k + 3
			} else {
				noComment = true
			}
		}
		if end < 0 && !noTag {
			if k := strings.IndexByte(s[i+1:], '>'); k >= 0 {
				end = i + 1 + k + 1
			} else {
				noTag = true
			}
		}
		if end >= 0 {
			sb.WriteString(s[kept:i])
			kept = end
			i = end - 1
		}
	}
	sb.WriteString(s[kept:])
	return sb.String()
}

func isComment(raw string) bool { return commentRE().MatchString(raw) }

var entityRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)
})

// unescape resolves what CommonMark lets text escape, in one pass as its renderers do: backslash
// escapes of ASCII punctuation and entity references. goldmark's AST keeps both as written.
func unescape(s string) string {
	if !strings.ContainsAny(s, `\&`) {
		return s
	}
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			i++
			sb.WriteByte(s[i])
		case c == '&':
			if m := entityRE().FindString(s[i:]); m != "" {
				if u := html.UnescapeString(m); u != m {
					sb.WriteString(u)
					i += len(m) - 1
					continue
				}
			}
			sb.WriteByte(c)
		default:
			sb.WriteByte(c)
		}
	}
	return sb.String()
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}
