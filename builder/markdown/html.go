package markdown

import (
	"html"
	"regexp"
	"strings"
)

var (
	tagRE     = regexp.MustCompile(`(?s)<!--.*?-->|<[^>]*>`)
	hiddenRE  = regexp.MustCompile(`(?is)<(script|style)\b.*?(</(script|style)\s*>|$)`)
	imgRE     = regexp.MustCompile(`(?is)^<img\b([^>]*?)/?>$`)
	attrRE    = regexp.MustCompile(`(?s)([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>` + "`" + `]+))`)
	breakRE   = regexp.MustCompile(`(?i)^<br\s*/?>$`)
	commentRE = regexp.MustCompile(`(?s)^\s*<!--.*-->\s*$`)
)

// htmlText is the text of an HTML fragment as a browser shows it: without tags, scripts and
// styles, with entities decoded.
func htmlText(raw string) string {
	return html.UnescapeString(tagRE.ReplaceAllString(hiddenRE.ReplaceAllString(raw, ""), ""))
}

// imgTag reads the attributes of a lone <img> tag.
func imgTag(raw string) (map[string]string, bool) {
	m := imgRE.FindStringSubmatch(raw)
	if m == nil {
		return nil, false
	}
	attrs := map[string]string{}
	for _, a := range attrRE.FindAllStringSubmatch(m[1], -1) {
		attrs[strings.ToLower(a[1])] = html.UnescapeString(a[2] + a[3] + a[4])
	}
	return attrs, true
}

func isBreakTag(raw string) bool { return breakRE.MatchString(strings.TrimSpace(raw)) }

func isComment(raw string) bool { return commentRE.MatchString(raw) }

var entityRE = regexp.MustCompile(`^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)

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
			if m := entityRE.FindString(s[i:]); m != "" {
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
