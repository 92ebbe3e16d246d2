// Package highlight splits code into lexed tokens. The builder does it once per book, so that the
// backends only style the tokens instead of lexing every code block again for each edition.
//
// The languages that books use most have lexers here, byte-scanning state machines that follow
// chroma's rules and give chroma's token classes at parse speed (lexers.go lists them); the long
// tail goes to chroma, whose lexers package longtail reads one at a time, when first asked for.
package highlight

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"

	"bookc/builder/highlight/longtail"
	"bookc/builder/tree"
)

// The budgets of code in one block that Tokens lexes, past which the block is plain. They are in
// bytes, not in time, for every machine to give the same output.
const (
	// chromaMaxBytes bounds chroma: about 3,000 lines, more than a listing anyone reads in a book.
	// Chroma lexes at 0.1 to 0.5 MB a second, so this bounds a block to about a second, where a
	// generated dump of megabytes took minutes.
	chromaMaxBytes = 128 << 10
	// ownMaxBytes bounds the lexers of this package: about 25,000 lines, which they lex in 10 to 50
	// ms. What it bounds is memory: a token takes 32 bytes for every 1 to 4 bytes of code, and the
	// EPUB writes each as a span, so that a generated dump of 40 MB took 2 GB.
	ownMaxBytes = 1 << 20
)

// Budget is the most code of one block, in bytes, that Tokens lexes in the language; 0 when no
// lexer knows it.
func Budget(lang string) int {
	switch lang = normalise(lang); {
	case lang == "":
		return 0
	case own(lang) != nil:
		return ownMaxBytes
	case longtail.Known(lang):
		return chromaMaxBytes
	}
	return 0
}

// TooBig reports whether Tokens leaves text plain for its size alone: a lexer knows the language
// but the text is over its Budget.
func TooBig(lang, text string) bool {
	b := Budget(lang)
	return b > 0 && len(text) > b
}

func normalise(lang string) string { return strings.ToLower(strings.TrimSpace(lang)) }

// Tokens splits text into tokens for the language, adjacent tokens of one class merged; their texts
// concatenate to exactly text. It returns nil when text is empty or not UTF-8, when no lexer knows
// the language, when text is over the language's Budget (see TooBig), or when chroma fails or does
// not give the text back unchanged: the text is then plain.
func Tokens(lang, text string) []tree.Token {
	lang = normalise(lang)
	if text == "" || len(text) > Budget(lang) {
		return nil
	}
	if lex := own(lang); lex != nil {
		if !utf8.ValidString(text) {
			return nil // as chroma would: it reads runes, and gives U+FFFD back
		}
		// the lexers read text as chroma's do, with a newline at the end
		l := &lexer{src: text + "\n"}
		buf := toks.Get().(*[]tok)
		if cap(*buf) < len(l.src) { // as many as there can be, each a byte or more: out never grows
			*buf = make([]tok, 0, len(l.src))
		}
		l.out = (*buf)[:0]
		lex(l)
		out := l.tokens(text)
		*buf = l.out
		toks.Put(buf)
		return out
	}
	return chromaTokens(longtail.Get(lang), text) // Known, as Budget is not 0
}

// toks are the lexers' buffers of tokens, one for each Tokens at a time.
var toks = sync.Pool{New: func() any { return new([]tok) }}

// trimNewline takes the newline that Tokens adds off the last token.
func trimNewline(out []tree.Token) []tree.Token {
	if len(out) == 0 {
		return nil
	}
	last := &out[len(out)-1]
	if last.Text = strings.TrimSuffix(last.Text, "\n"); last.Text == "" {
		out = out[:len(out)-1]
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// chromaTokens lexes text with a chroma lexer, mapping its token types to classes.
func chromaTokens(lx chroma.Lexer, text string) (out []tree.Token) {
	defer func() {
		if recover() != nil { // a lexer that delegates to one it cannot find panics
			out = nil
		}
	}()
	// Lexers append a newline to text without one; give it one, to take off the last token again.
	// Line endings are left as they are (no EnsureLF), for the text to come back unchanged.
	src := text + "\n"
	// no chroma.Coalesce: the loop below merges by class, which merges by type too, and without
	// Coalesce's copying of each run a token at a time
	it, err := lx.Tokenise(&chroma.TokeniseOptions{State: "root"}, src)
	if err != nil {
		return nil
	}
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
	return trimNewline(out)
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
