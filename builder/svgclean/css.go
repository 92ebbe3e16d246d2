package svgclean

import (
	"regexp"
	"strings"
	"sync"
)

// fetchers are CSS functions, besides url(), that load an image or run code.
var fetchers = []string{"image-set(", "image(", "cross-fade(", "element(", "src(", "expression("}

// fragmentURL is a url() to an element of the document itself.
var fragmentURL = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^url\(\s*(#[^\s'"()]*|'#[^'"]*'|"#[^'"]*")\s*\)`) })

// quotedFragment is a url() to a fragment in quotes, which epubcheck takes for a file named "'".
var quotedFragment = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`url\(\s*(?:'(#[^\s'"()]*)'|"(#[^\s'"()]*)")\s*\)`) })

// unquoteFragments writes url('#a') and url("#a") as url(#a), which means the same to CSS.
func unquoteFragments(css string) string {
	if !strings.Contains(css, "url(") {
		return css
	}
	return quotedFragment().ReplaceAllString(css, "url($1$2)")
}

// cleanCSS drops the rules or declarations of a style sheet or style attribute that reach outside
// the document, and says why each went.
func cleanCSS(css string) (string, []string) {
	var b strings.Builder
	var whys []string
	for _, p := range cssPieces(css) {
		if why := cssBad(p); why != "" {
			whys = append(whys, why)
			continue
		}
		b.WriteString(unquoteFragments(p))
	}
	return b.String(), whys
}

// cssPieces splits CSS after each ';' or '}' outside strings, comments and brackets: a style
// sheet into its rules and at-rules, a style attribute into its declarations. The pieces joined
// are the text again, so cleaning twice changes nothing more.
func cssPieces(css string) []string {
	var pieces []string
	depth, start := 0, 0
	var quote byte
	for i := 0; i < len(css); i++ {
		switch b := css[i]; {
		case quote != 0:
			if b == quote {
				quote = 0
			}
		case b == '"' || b == '\'':
			quote = b
		case b == '/' && strings.HasPrefix(css[i:], "/*"):
			end := strings.Index(css[i+2:], "*/")
			if end < 0 {
				i = len(css)
			} else {
				i += 2 + end + 1
			}
		case b == '{' || b == '(' || b == '[':
			depth++
		case b == '}' || b == ')' || b == ']':
			depth = max(depth-1, 0)
			if b == '}' && depth == 0 {
				pieces, start = append(pieces, css[start:i+1]), i+1
			}
		case b == ';' && depth == 0:
			pieces, start = append(pieces, css[start:i+1]), i+1
		}
	}
	if start < len(css) {
		pieces = append(pieces, css[start:])
	}
	return pieces
}

// cssBad says why a piece of CSS may not stay, or "" when it may: it imports, fetches, or has an
// escape, which could spell either. It reads the text, not CSS's tokens, so it errs only towards
// dropping: what it keeps has no "url(" but to a fragment, whatever a reader's parser makes of it.
func cssBad(css string) string {
	l := asciiLower(css)
	if strings.Contains(l, `\`) {
		return "CSS escape"
	}
	if strings.Contains(l, "@import") {
		return "@import"
	}
	for i := 0; ; {
		j := strings.Index(l[i:], "url(")
		if j < 0 {
			break
		}
		i += j
		if !fragmentURL().MatchString(l[i:]) {
			ref := css[i:]
			if end := strings.IndexByte(ref, ')'); end >= 0 {
				ref = ref[:end+1]
			}
			return "external reference " + short(ref)
		}
		i += len("url(")
	}
	for _, f := range fetchers {
		if strings.Contains(l, f) {
			return "CSS " + f + ")"
		}
	}
	return ""
}

// asciiLower lowers ASCII letters only, as CSS matches names, and keeps every byte's place.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
