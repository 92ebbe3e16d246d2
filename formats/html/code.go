package html

import (
	"sort"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"

	"bookc/builder/tree"
)

// codeStyle is the highlighting palette: dark enough on white, and told apart by weight and slant
// as well as by colour, so that it still reads in the greys of e-ink.
const codeStyle = "tango"

// codeBlock writes a code block, highlighted by chroma with class names (the colours live in
// CodeCSS), or plain when its language is unknown.
func (w *writer) codeBlock(c *tree.CodeBlock) {
	lang := strings.ToLower(strings.TrimSpace(c.Lang))
	class := ""
	if lang != "" {
		class = "language-" + lang
	}
	w.x.Start("pre", "class", "code")
	w.x.Start("code", "class", class)
	tokens := highlight(lang, c.Text)
	if tokens == nil {
		w.x.Text(c.Text)
	}
	_, styled := codeStyles()
	for _, t := range tokens {
		if cls := tokenClass(t.Type); styled[cls] {
			w.x.Element("span", t.Value, "class", cls)
		} else {
			w.x.Text(t.Value)
		}
	}
	w.x.End("code")
	w.x.End("pre")
}

// highlight tokenises text, or returns nil when no lexer knows the language.
func highlight(lang, text string) []chroma.Token {
	if lang == "" {
		return nil
	}
	lexer := lexers.Get(lang)
	if lexer == nil {
		return nil
	}
	// The lexer appends a newline to text without one; give it one and take it off again, so that
	// the block keeps its exact text.
	it, err := chroma.Coalesce(lexer).Tokenise(nil, text+"\n")
	if err != nil {
		return nil
	}
	tokens := it.Tokens()
	for len(tokens) > 0 {
		last := &tokens[len(tokens)-1]
		if strings.HasSuffix(last.Value, "\n") {
			last.Value = strings.TrimSuffix(last.Value, "\n")
			if last.Value == "" {
				tokens = tokens[:len(tokens)-1]
			}
			break
		}
		if last.Value != "" {
			break
		}
		tokens = tokens[:len(tokens)-1]
	}
	return tokens
}

// tokenClass is chroma's short class name for a token type, or its category's: "k", "nx", "s2".
func tokenClass(t chroma.TokenType) string {
	for ; t != 0; t = t.Parent() {
		if cls, ok := chroma.StandardTypes[t]; ok {
			return cls
		}
	}
	return ""
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
	style := styles.Get(codeStyle)
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
