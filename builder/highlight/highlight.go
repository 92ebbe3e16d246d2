// Package highlight splits code into lexed tokens. The builder does it once per book, so that the
// backends only style the tokens instead of lexing every code block again for each edition.
package highlight

import (
	"strings"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"

	"bookc/builder/tree"
)

// Tokens splits text into tokens for the language, adjacent tokens of one class merged; their texts
// concatenate to exactly text. It returns nil when text is empty, when no lexer knows the language,
// or when the lexer fails or does not give the text back unchanged (invalid UTF-8 comes back as
// U+FFFD): the text is then plain.
func Tokens(lang, text string) []tree.Token {
	lang = strings.ToLower(strings.TrimSpace(lang))
	if lang == "" || text == "" {
		return nil
	}
	lexer := lexers.Get(lang)
	if lexer == nil {
		return nil
	}
	// Lexers append a newline to text without one; give it one, to take off the last token again.
	// Line endings are left as they are (no EnsureLF), for the text to come back unchanged.
	src := text + "\n"
	it, err := chroma.Coalesce(lexer).Tokenise(&chroma.TokeniseOptions{State: "root"}, src)
	if err != nil {
		return nil
	}
	var out []tree.Token
	n := 0
	for t := it(); t != chroma.EOF; t = it() {
		if !strings.HasPrefix(src[n:], t.Value) {
			return nil
		}
		n += len(t.Value)
		cls := class(t.Type)
		if k := len(out) - 1; k >= 0 && out[k].Class == cls {
			out[k].Text += t.Value
		} else {
			out = append(out, tree.Token{Class: cls, Text: t.Value})
		}
	}
	if n != len(src) {
		return nil
	}
	last := &out[len(out)-1]
	if last.Text = strings.TrimSuffix(last.Text, "\n"); last.Text == "" {
		out = out[:len(out)-1]
	}
	return out
}

// class is chroma's short class name for a token type, or its nearest ancestor's: "k", "nx", "s2".
func class(t chroma.TokenType) string {
	for ; t != 0; t = t.Parent() {
		if cls, ok := chroma.StandardTypes[t]; ok {
			return cls
		}
	}
	return ""
}
