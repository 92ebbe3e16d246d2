package markdown

import (
	"html"
	"regexp"
	"strings"
)

var (
	tagRE     = regexp.MustCompile(`(?s)<!--.*?-->|<[^>]*>`)
	imgRE     = regexp.MustCompile(`(?is)^<img\b([^>]*?)/?>$`)
	attrRE    = regexp.MustCompile(`(?s)([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>` + "`" + `]+))`)
	breakRE   = regexp.MustCompile(`(?i)^<br\s*/?>$`)
	commentRE = regexp.MustCompile(`(?s)^\s*<!--.*-->\s*$`)
)

// htmlText is the text of an HTML fragment without its tags and with entities decoded.
func htmlText(raw string) string {
	return html.UnescapeString(tagRE.ReplaceAllString(raw, ""))
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
