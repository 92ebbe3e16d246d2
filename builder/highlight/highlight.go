// Package highlight splits code into lexed tokens. The builder does it once per book, so that the
// backends only style the tokens instead of lexing every code block again for each edition.
package highlight

import (
	"strings"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"

	"bookc/builder/tree"
)

// MaxBytes is the most code of one block that Tokens lexes: about 3,000 lines, more than a
// listing anyone reads in a book. Chroma lexes Rust or Go at 0.1 to 0.2 MB a second, so this
// bounds a block to about a second, where a generated dump of megabytes took minutes. The budget
// is in bytes, not in time, for every machine to give the same output.
const MaxBytes = 128 << 10

// TooBig reports whether Tokens leaves text plain for its size alone: a lexer knows the language
// but the text is over MaxBytes.
func TooBig(lang, text string) bool { return len(text) > MaxBytes && lexer(lang) != nil }

func lexer(lang string) chroma.Lexer {
	lang = strings.ToLower(strings.TrimSpace(lang))
	if lang == "" {
		return nil
	}
	return lexers.Get(lang)
}

// Tokens splits text into tokens for the language, adjacent tokens of one class merged; their texts
// concatenate to exactly text. It returns nil when text is empty or over MaxBytes (see TooBig), when
// no lexer knows the language, or when the lexer fails or does not give the text back unchanged
// (invalid UTF-8 comes back as U+FFFD): the text is then plain.
func Tokens(lang, text string) []tree.Token {
	if text == "" || len(text) > MaxBytes {
		return nil
	}
	lx := lexer(lang)
	if lx == nil {
		return nil
	}
	// Lexers append a newline to text without one; give it one, to take off the last token again.
	// Line endings are left as they are (no EnsureLF), for the text to come back unchanged.
	src := text + "\n"
	// no chroma.Coalesce: the loop below merges by class, which merges by type too, and without
	// Coalesce's copying of each run a token at a time
	it, err := lx.Tokenise(&chroma.TokeniseOptions{State: "root"}, src)
	if err != nil {
		return nil
	}
	var out []tree.Token
	n, start := 0, 0 // the text read so far; where the last token of out starts
	for t := it(); t != chroma.EOF; t = it() {
		if t.Value == "" {
			continue
		}
		if !strings.HasPrefix(src[n:], t.Value) {
			return nil
		}
		cls := class(t.Type)
		if k := len(out) - 1; k >= 0 && out[k].Class == cls {
			// a slice of src, not out[k].Text + t.Value: a run of many tokens of one class (a
			// plain-text lexer gives one per line) would copy the run again for each
			out[k].Text = src[start : n+len(t.Value)]
		} else {
			start = n
			out = append(out, tree.Token{Class: cls, Text: src[n : n+len(t.Value)]})
		}
		n += len(t.Value)
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
