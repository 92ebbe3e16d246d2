package highlight

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"bookc/builder/tree"
)

// lexer is the state that every hand-written lexer shares: the text, how far it has been read, and
// the tokens so far, adjacent tokens of one class merged as they are emitted. The classes are
// chroma's short names ("k", "s2", "" for plain text), the ones class gives chroma's token types.
type lexer struct {
	src string
	pos int
	out []tok

	budget  int     // of search
	finders finders // of the lexer's unterminated constructs
}

// tok is a token as the lexers emit it: its class and where it ends in src; it starts where the
// one before it ends. Tokens makes the tree's tokens of them at the end, all in one slice of the
// right size, out of a buffer that the calls share: growing a slice of tree tokens as it filled
// allocated five times the tokens' memory, for each block afresh.
type tok struct {
	cls string
	end int
}

// finders are those of the lexers' constructs that may run to the end of the text.
type finders struct {
	blockEnd, backtick, bracket finder
	tripleDouble, tripleSingle  finder // Python's docstrings
	closeBrace, newline         finder
	spaceFrom, spaceTo          int // the last run of spaces that spaceRun measured
	classFrom, classTo          int // a stretch of a line where no unescaped ']' closes a JavaScript class
	commentAt, commentHash      int // C: a comment at a line's start, and the '#' after it, or -1
}

// emit makes src[pos:end] a token of class cls and moves pos to end.
func (l *lexer) emit(cls string, end int) {
	if end <= l.pos {
		return
	}
	if k := len(l.out) - 1; k >= 0 && l.out[k].cls == cls {
		l.out[k].end = end
	} else {
		l.out = append(l.out, tok{cls, end})
	}
	l.pos = end
}

// anew lexes src[pos:end] with lex from its first state, as chroma's rules that lex a match "using"
// a lexer do, and emits the tokens.
func (l *lexer) anew(end int, lex func(*lexer)) {
	if end <= l.pos {
		return
	}
	sub := &lexer{src: l.src[l.pos:end]}
	lex(sub)
	at := l.pos
	for _, t := range sub.out {
		l.emit(t.cls, at+t.end)
	}
}

// tokens are the tree's tokens of out, over text: src without the newline that Tokens adds,
// which the last token loses.
func (l *lexer) tokens(text string) []tree.Token {
	out := make([]tree.Token, 0, len(l.out))
	start := 0
	for _, t := range l.out {
		end := min(t.end, len(text))
		if end == start { // the added newline, a token of its own
			break
		}
		out = append(out, tree.Token{Class: t.cls, Text: text[start:end]})
		start = end
	}
	return out
}

// errRune emits one character as an error, as chroma does where no rule matches.
func (l *lexer) errRune() {
	_, n := utf8.DecodeRuneInString(l.src[l.pos:])
	l.emit("err", l.pos+n)
}

// The character classes of chroma's regular expressions (regexp2's, which are Unicode's).

func isWordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Pc, r)
}

func isASCIIWord(c byte) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func isLetter(c byte) bool { return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isHex(c byte) bool { return isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

// wordAt is the size of the \w character at i, or 0.
func wordAt(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		if isASCIIWord(c) {
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if isWordRune(r) {
		return n
	}
	return 0
}

// spaceAt is the size of the \s character at i, or 0.
func spaceAt(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		if c == ' ' || '\t' <= c && c <= '\r' {
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if unicode.IsSpace(r) {
		return n
	}
	return 0
}

// wordEnd is the end of the run of \w characters at i.
func wordEnd(s string, i int) int {
	for n := wordAt(s, i); n > 0; n = wordAt(s, i) {
		i += n
	}
	return i
}

// spaceEnd is the end of the run of \s characters at i.
func spaceEnd(s string, i int) int {
	for n := spaceAt(s, i); n > 0; n = spaceAt(s, i) {
		i += n
	}
	return i
}

// wordBefore reports whether the character before i is a \w one: whether \b holds at i when a
// \w character follows.
func wordBefore(s string, i int) bool {
	if i == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return isWordRune(r)
}

// boundary reports whether \b holds at i.
func boundary(s string, i int) bool { return wordBefore(s, i) != (wordAt(s, i) > 0) }

// exponent is the end of a number's exponent at j, one of marks then a sign (optional unless
// signed) then digits, or -1; digits gives the end of the digit run at a position, as languages
// differ in what a digit run is ("_" in it or not).
func exponent(s string, j int, marks string, signed bool, digits func(string, int) int) int {
	if c := byteAt(s, j); c == 0 || strings.IndexByte(marks, c) < 0 {
		return -1
	}
	j++
	if c := byteAt(s, j); c == '+' || c == '-' {
		j++
	} else if signed {
		return -1
	}
	if e := digits(s, j); e > j {
		return e
	}
	return -1
}

// decimalEnd is the end of the run of decimal digits at j.
func decimalEnd(s string, j int) int { return span(s, j, isDigit) }

// byteAt is the byte at i, or 0 past the end: lookahead without a bounds test at every use.
func byteAt(s string, i int) byte {
	if i < len(s) {
		return s[i]
	}
	return 0
}

// span is the end of the run of bytes at i that ok accepts.
func span(s string, i int, ok func(byte) bool) int {
	for i < len(s) && ok(s[i]) {
		i++
	}
	return i
}

// lineEnd is the index of the newline at or after i, or len(s): where `.*` from i ends.
func lineEnd(s string, i int) int {
	if j := strings.IndexByte(s[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(s)
}

// quoted is the end of the string that opens with the quote q at i, as `"(\\\\|\\"|[^"])*"`
// matches it: to the first quote no backslash escapes, or else, as the expression backtracks, to
// the last quote of the text; -1 if there is none.
func quoted(s string, i int, q byte) int {
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			if j+1 < len(s) && (s[j+1] == '\\' || s[j+1] == q) {
				j++
			}
		case q:
			return j + 1
		}
	}
	if j := strings.LastIndexByte(s[i+1:], q); j >= 0 {
		return i + 1 + j + 1
	}
	return -1
}

// finder finds a needle again and again in one text, for positions that grow, reading the text
// once: a lexer asks where an unterminated comment or string ends at each of its openings, and
// must not read the rest of the text each time.
type finder struct {
	from, at int // the last answer: the first needle at or after from is at at, or none if at < 0
	valid    bool
}

// index is the first needle in s at or after i, or -1.
func (f *finder) index(s, needle string, i int) int {
	if f.valid && i >= f.from && (f.at < 0 || i <= f.at) {
		return f.at
	}
	j := strings.Index(s[i:], needle)
	if j >= 0 {
		j += i
	}
	*f = finder{from: i, at: j, valid: true}
	return j
}

// spaceRun is spaceEnd(l.src, i), remembered: a rule that looks past the spaces at every line's
// start must not read a long run of blank lines again at each of them.
func (l *lexer) spaceRun(i int) int {
	f := &l.finders
	if f.spaceTo > 0 && i >= f.spaceFrom && i <= f.spaceTo {
		return f.spaceTo
	}
	f.spaceFrom, f.spaceTo = i, spaceEnd(l.src, i)
	return f.spaceTo
}

// search is strings.Index(s[i:], needle)+i for needles that vary (a raw string's hashes, a
// heredoc's word), which a finder cannot remember, within a budget of bytes read in all, a few
// times the text: past it, on input made to be slow, it finds nothing.
func (l *lexer) search(needle string, i int) int {
	if l.budget == 0 {
		l.budget = 8*len(l.src) + 1<<20
	}
	if l.budget < 0 {
		return -1
	}
	j := strings.Index(l.src[i:], needle)
	if j < 0 {
		l.budget -= len(l.src) - i
		return -1
	}
	l.budget -= j + len(needle)
	return i + j
}
