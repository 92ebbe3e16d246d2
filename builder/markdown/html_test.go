package markdown

import (
	"html"
	"math/rand"
	"regexp"
	"strings"
	"testing"
)

// regexpHTMLText is htmlText as two regular expressions, which say what it does but take quadratic
// time on fragments with many tags: the reference the scanner must match.
func regexpHTMLText(raw string) string {
	tags := regexp.MustCompile(`(?s)<!--.*?-->|<[^>]*>`)
	hidden := regexp.MustCompile(`(?is)<(script|style)\b.*?(</(script|style)\s*>|$)`)
	return html.UnescapeString(tags.ReplaceAllString(hidden.ReplaceAllString(raw, ""), ""))
}

func TestHTMLText(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"<b>Bold</b> &amp; more", "Bold & more"},
		{"a <!-- c --> b <!-- d", "a  b <!-- d"},
		{"<!--a> b", " b"},
		{"x < y > z", "x  z"},
		{"x < y", "x < y"},
		{"<style>\n.x { color: red; }\n</style>after", "after"},
		{"<SCRIPT type=x>alert(1)</script >after", "after"},
		{"<script>a</style>b", "b"},
		{"<scripts>kept</scripts>", "kept"},
		{"<script>never closed", ""},
		{"<ſcript>long s folds to s</ſcript>x", "x"},
		{"<script\n>a</script\t>b", "b"},
	} {
		if got := htmlText(tt.in); got != tt.want {
			t.Errorf("htmlText(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if ref := regexpHTMLText(tt.in); ref != tt.want {
			t.Errorf("reference for %q = %q, want %q", tt.in, ref, tt.want)
		}
	}
	rng := rand.New(rand.NewSource(1))
	atoms := []string{"<", ">", "<!--", "-->", "--", "-", "!", "a", " ", "\n", "\t", "<b>", "</b>", "<script", "</script",
		"<style", "</STYLE", "<Script>", "_", "x1", "é", "ſ", "\xff", "&amp;", "&lt;", "/", "<scriptx", "<style "}
	for range 20000 {
		var sb strings.Builder
		for range rng.Intn(20) {
			sb.WriteString(atoms[rng.Intn(len(atoms))])
		}
		in := sb.String()
		if got, want := htmlText(in), regexpHTMLText(in); got != want {
			t.Fatalf("htmlText(%q) = %q, want %q", in, got, want)
		}
	}
}
