package html

import (
	"sort"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"

	"bookc/builder/tree"
	"bookc/formats/codestyle"
)

// codeBlock writes a code block, its tokens in spans of their class (the colours live in CodeCSS),
// or plain when its language is unknown.
func (w *writer) codeBlock(c *tree.CodeBlock) {
	lang := strings.ToLower(strings.TrimSpace(c.Lang))
	class := ""
	if lang != "" {
		class = "language-" + lang
	}
	w.x.Start("pre", "class", "code")
	w.x.Start("code", "class", class)
	if c.Tokens == nil {
		w.x.Text(c.Text)
	}
	_, styled := codeStyles()
	for _, t := range c.Tokens {
		if styled[t.Class] {
			w.x.Element("span", t.Text, "class", t.Class)
		} else {
			w.x.Text(t.Text)
		}
	}
	w.x.End("code")
	w.x.End("pre")
}

// CodeCSS returns the style rules for highlighted code: one rule per token class whose style differs
// from plain text, in token-type order.
func CodeCSS() string {
	css, _ := codeStyles()
	return css
}

// codeStyles computes the code style rules once, and the classes they style: tokens of other
// classes look like plain text and get no span.
var codeStyles = sync.OnceValues(func() (string, map[string]bool) {
	styled := map[string]bool{}
	style := codestyle.Get()
	bg := style.Get(chroma.Background)
	plain := style.Get(chroma.Text)
	types := make([]int, 0, len(chroma.StandardTypes))
	for t := range chroma.StandardTypes {
		types = append(types, int(t))
	}
	sort.Ints(types)
	var sb strings.Builder
	for _, ti := range types {
		t := chroma.TokenType(ti)
		cls := chroma.StandardTypes[t]
		if cls == "" || t < 0 || t == chroma.Background || t == chroma.PreWrapper || t.InSubCategory(chroma.TextWhitespace) || t == chroma.TextWhitespace {
			continue
		}
		entry := style.Get(t).Sub(bg)
		entry.Background = 0 // code sits on the page's own background, white or e-ink grey
		entry.Border = 0
		if entry.Colour == plain.Colour || !plain.Colour.IsSet() && entry.Colour.String() == "#000000" {
			entry.Colour = 0
		}
		css := chromahtml.StyleEntryToCSS(entry)
		if css == "" {
			continue
		}
		sb.WriteString("pre.code ." + cls + " { " + css + " }\n")
		styled[cls] = true
	}
	return sb.String(), styled
})
