// Package roff writes man(7) source that mandoc and groff accept without a warning: it escapes
// text once and keeps the line discipline (requests on their own lines, no blank or space-led
// lines, no empty paragraphs, fonts closed on every line) so that callers think in paragraphs.
package roff

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Font is a typeface of the man macros' fonts: roman, italic, bold, bold italic.
type Font uint8

const (
	R Font = iota
	I
	B
	BI
)

// escape selects the font explicitly; \fP (previous font) is never used, since nesting makes the
// previous font a guess.
func (f Font) escape() string {
	return [...]string{`\fR`, `\fI`, `\fB`, `\f(BI`}[f]
}

// With returns f with bold or italic added.
func (f Font) With(add Font) Font { return f | add }

// Writer accumulates a page body. The zero Writer is not ready; use New.
type Writer struct {
	b []byte

	bol   bool // at the beginning of an input line
	space bool // a word space is due before the next visible character
	run   int  // characters of the current word
	// unbroken counts the current word's characters since its start or its last break point;
	// long says the word is longer than longWord, so that prose may break it too.
	unbroken int
	long     bool
	prev     rune // the last character written on this line, ' ' after a space
	// before is the character before prev in the same word: "::" separates a path's parts.
	before rune
	dash   bool // prev is a hyphen-minus written as an option dash
	// Wrap is the input line length after which a word space starts a new line, so that the
	// source stays readable; 0 keeps text on one line (table cells).
	Wrap int

	font, want Font // the font in effect on this line and the one text should be in

	needPara  bool // the next text or block starts a new paragraph
	fresh     bool // a paragraph (or section, or tagged item) has begun and holds no text yet
	needBreak bool // a line break is due before the next text of this paragraph
	head      bool // the current text line is a heading or tag: after it, the body is fresh
	tail      bool // the current line is a request whose trailing argument takes text up to a space
	tailArg   bool // that argument has begun

	indents []indent // the open .RS blocks

	glyphs map[rune]bool // characters used that need a fallback declaration; shared with Sub writers
}

// indent is an open .RS block: where its request line ends in b, to drop it if it stays empty,
// and its width in ens.
type indent struct{ end, width int }

// New returns a Writer at the start of a page.
func New() *Writer {
	return &Writer{bol: true, fresh: true, prev: ' ', Wrap: DefaultWrap, glyphs: map[rune]bool{}}
}

// DefaultWrap is the input line length after which text continues on a new line.
const DefaultWrap = 72

// Sub returns a Writer for a fragment (a table cell) that shares this page's fallback glyphs and
// keeps its text on one line.
func (w *Writer) Sub() *Writer {
	s := New()
	s.glyphs = w.glyphs
	s.Wrap = 0
	return s
}

// Bytes returns the text written so far, ending every line.
func (w *Writer) Bytes() []byte {
	w.endLine()
	return w.b
}

// String returns the written text without a final newline, for fragments.
func (w *Writer) String() string {
	return strings.TrimSuffix(string(w.Bytes()), "\n")
}

// Prelude returns the fallback declarations for the characters written, one per line, in
// character order. They belong at the top of the page, before .TH.
func (w *Writer) Prelude() []byte {
	rs := make([]rune, 0, len(w.glyphs))
	for r := range w.glyphs {
		rs = append(rs, r)
	}
	slices.Sort(rs)
	var b []byte
	for _, r := range rs {
		g, _ := appendRune(nil, r, Prose)
		b = append(b, `.if !c`...)
		b = append(b, g...)
		b = append(b, " .char "...)
		b = append(b, g...)
		b = append(b, ' ')
		b = append(b, fallback(r)...)
		b = append(b, '\n')
	}
	return b
}

// Indent is the indentation of the open .RS blocks, in ens.
func (w *Writer) Indent() int {
	n := 0
	for _, in := range w.indents {
		n += in.width
	}
	return n
}

// SetFont sets the font of the text that follows. The escape is written lazily, next to text.
func (w *Writer) SetFont(f Font) { w.want = f }

// Font returns the font that text written now would be in.
func (w *Writer) Font() Font { return w.want }

// Para asks for a paragraph break before the next text or block. It is dropped where a paragraph
// has just begun, so the page never holds an empty paragraph.
func (w *Writer) Para() {
	w.needPara = true
	w.needBreak = false
}

// LineBreak asks for a line break before the next text of the current paragraph.
func (w *Writer) LineBreak() {
	if !w.fresh && !w.needPara {
		w.needBreak = true
	}
}

// Text writes prose: filled text in which a hyphen-minus starting a word is an option dash or a
// minus (\-) and one inside a word is a hyphen. Its words break at spaces and hyphens, and only
// a word too long for a line (a URL or path in running text) breaks as Literal's do.
func (w *Writer) Text(s string) { w.write(s, Prose, breakLong) }

// Literal writes code or a URL: every character as typed, with break points between the parts
// of a path or a name (see breakAfter).
func (w *Writer) Literal(s string) { w.write(s, Literal, breakParts) }

// Name writes a page name as Literal does, but without break points: in the NAME line, man-db's
// lexgrog would read a break point as part of the name.
func (w *Writer) Name(s string) { w.write(s, Literal, breakNever) }

// breakRule says where a word may break besides its hyphens.
type breakRule uint8

const (
	breakNever breakRule = iota
	breakParts           // between the parts of a path or name, and every longWord characters
	breakLong            // as breakParts, in words longer than longWord only
)

// longWord is the length past which a word cannot be left whole: man's body text is 71 columns
// wide on an 80-column terminal before any indent, and nested lists take 4 or more each, so a
// longer word would run past the line (groff: "can't break line").
const longWord = 40

func (w *Writer) write(s string, mode Mode, rule breakRule) {
	if rule == breakLong && w.run > 0 && !w.long {
		w.long = w.run+wordLen(s) > longWord // the word goes on from an earlier call
	}
	for i, r := range s {
		if r < utf8.RuneSelf && isWordChar(r) && w.steady() {
			// the common case, a letter or digit inside a word: nothing to escape or to begin
			if rule != breakNever {
				w.breakPoint(r, rule, s[i:])
			}
			w.b = append(w.b, byte(r))
			w.before, w.prev, w.dash = w.prev, r, false
			w.run++
			w.unbroken++
			continue
		}
		if invisible(r) && !isSpace(r) {
			continue // before the line-start check: it must see the first character that shows
		}
		if isSpace(r) {
			if w.tail {
				w.endLine()
			}
			if !w.bol {
				w.space = true
			}
			w.before, w.prev = ' ', ' '
			continue
		}
		w.visible(r == '.' || r == '\'')
		if rule != breakNever {
			w.breakPoint(r, rule, s[i:])
		}
		dash := r == '-' && mode == Prose && w.optionDash(s[i:])
		if dash {
			w.b = append(w.b, `\-`...)
		} else {
			var needs bool
			w.b, needs = appendRune(w.b, r, mode)
			if needs {
				w.glyphs[r] = true
			}
		}
		w.before, w.prev, w.dash = w.prev, r, dash
		w.run++
		w.unbroken++
	}
}

// steady reports that the next character continues a word on a line of text in the right font,
// with no space, break, font change or line start to write before it.
func (w *Writer) steady() bool {
	return !w.bol && !w.space && !w.fresh && w.font == w.want && w.prev != ' ' &&
		!w.needPara && !w.needBreak && (!w.tail || w.tailArg)
}

// breakPoint writes an invisible break point (\:) before next, the first character of rest,
// where breakAfter allows one past the word's first character (a leading "/" or "." stays with
// what follows), or where the word has gone longWord characters without one. Under breakLong it
// does so in long words only.
func (w *Writer) breakPoint(next rune, rule breakRule, rest string) {
	if w.run == 0 {
		w.unbroken = 0
		if rule == breakLong {
			w.long = wordLen(rest) > longWord
		}
	}
	if rule == breakLong && !w.long {
		return
	}
	if w.run >= 2 && breakAfter(w.before, w.prev, next) || w.unbroken >= longWord {
		w.b = append(w.b, `\:`...)
		w.unbroken = 0
	}
}

// wordLen counts the characters of s up to its first space: the word it begins or goes on with.
func wordLen(s string) int {
	if end := strings.IndexFunc(s, isSpace); end >= 0 {
		s = s[:end]
	}
	return utf8.RuneCountInString(s)
}

// breakAfter reports whether a code word or URL may break between prev and next: after a "/",
// ".", "_" or "::" that ends one of its parts, and nowhere else, so that no part is split.
func breakAfter(before, prev, next rune) bool {
	if strings.ContainsRune("/._:", next) {
		return false // inside a run of separators ("//", "...")
	}
	return prev == '/' || prev == '.' || prev == '_' || prev == ':' && before == ':'
}

// Glyph writes an escape sequence that prints one character (\-, \(em) as text.
func (w *Writer) Glyph(esc string) {
	w.visible(false)
	w.b = append(w.b, esc...)
	w.before, w.prev, w.dash = w.prev, 0, false
	w.run++
}

// visible prepares for a visible character: paragraph and line breaks due, the word space, the
// font, and \& where a line would otherwise start with a control character (ctrl).
func (w *Writer) visible(ctrl bool) {
	w.beginText()
	if w.space {
		w.space = false
		w.run = 0
		if w.Wrap > 0 && !w.head && !w.tail && len(w.b)-bytes.LastIndexByte(w.b, '\n')-1 >= w.Wrap {
			w.endLine() // in filled text a new line is a word space
		} else {
			w.b = append(w.b, ' ')
		}
	}
	if w.font != w.want {
		w.b = append(w.b, w.want.escape()...)
		w.font = w.want
	}
	if w.bol {
		if ctrl {
			w.b = append(w.b, `\&`...)
		}
		w.bol = false
	}
}

// optionDash reports whether the hyphen-minus starting rest is an option dash or a minus sign: it
// starts a word (follows no letter or digit, or another such dash) and a letter, digit or dash
// follows it.
func (w *Writer) optionDash(rest string) bool {
	switch {
	case w.prev == '-':
		return w.dash // a run of dashes is all hyphens or all option dashes
	case isWordChar(w.prev):
		return false
	case len(rest) < 2:
		return false
	}
	n := rune(rest[1])
	return isWordChar(n) || n == '-' || n == '.'
}

// beginText prepares for visible text: a paragraph break, a line break or a new line after a
// trailing argument is done.
func (w *Writer) beginText() {
	w.breaks()
	if w.tail && !w.tailArg {
		w.b = append(w.b, ' ')
		w.tailArg = true
		w.space = false
	}
	w.fresh = false
}

// breaks writes a pending paragraph or line break.
func (w *Writer) breaks() {
	if w.needPara {
		w.needPara = false
		if !w.fresh {
			w.request("PP")
		}
	}
	if w.needBreak {
		w.needBreak = false
		w.request("br")
	}
}

// endLine ends the current input line, closing its font.
func (w *Writer) endLine() {
	if w.bol {
		return
	}
	if w.font != R {
		w.b = append(w.b, `\fR`...)
		w.font = R
	}
	w.b = append(w.b, '\n')
	w.bol, w.space, w.tail, w.tailArg, w.run, w.prev, w.before = true, false, false, false, 0, ' ', ' '

	if w.head {
		w.head = false
		w.fresh, w.needPara, w.needBreak = true, false, false
	}
}

// request writes a request line; args are escaped already.
func (w *Writer) request(name string, args ...string) {
	w.endLine()
	w.b = append(w.b, '.')
	w.b = append(w.b, name...)
	for _, a := range args {
		w.b = append(w.b, ' ')
		w.b = append(w.b, QuoteArg(a)...)
	}
	w.b = append(w.b, '\n')
	w.space = false
}

// Request writes a request: requests that start output of their own (.EX, .TS, .ce, .sp, .ne)
// come after a pending paragraph break. Paragraph macros (.PP, .IP, .TP) begin a fresh
// paragraph; .RS keeps the state so that a paragraph break moves inside the indented block;
// other requests end the paragraph's text.
func (w *Writer) Request(name string, args ...string) {
	switch name {
	case "EX", "TS", "ce", "sp", "ne":
		w.flushPara()
	case "RE":
		w.endLine()
		if n := len(w.indents); n > 0 {
			end := w.indents[n-1].end
			w.indents = w.indents[:n-1]
			if end == len(w.b) { // nothing in the block: mandoc warns of an empty RS
				w.b = w.b[:bytes.LastIndexByte(w.b[:end-1], '\n')+1]
				return
			}
		}
	}
	w.request(name, args...)
	if name == "RS" {
		width := 0
		if len(args) > 0 {
			width, _ = strconv.Atoi(args[0]) // an indent in another unit counts as none
		}
		w.indents = append(w.indents, indent{len(w.b), width})
	}
	w.needBreak = false
	switch name {
	case "PP", "IP", "TP", "SH", "SS":
		w.fresh, w.needPara = true, false
	case "RS", "PD", "EX", "TS", "ce", "ne":
	default:
		w.fresh = false
	}
}

// flushPara writes a pending paragraph break.
func (w *Writer) flushPara() {
	w.endLine()
	if w.needPara {
		w.needPara = false
		if !w.fresh {
			w.request("PP")
			w.fresh = true
		}
	}
}

// Head writes a heading or tag request (.SH, .SS, .TP) whose text the caller writes next, on the
// following line; after that line the body begins fresh.
func (w *Writer) Head(name string, args ...string) {
	w.request(name, args...)
	w.needPara, w.needBreak, w.fresh = false, false, false
	w.head = true
}

// EndHead ends a heading or tag line written after Head. A line that stayed empty gets a dash:
// a heading or tag macro without its text is an error.
func (w *Writer) EndHead() {
	if w.bol && w.head {
		w.Glyph(`\(em`)
	}
	w.endLine()
}

// Tail writes a request (.UE, .ME) whose argument takes the text that follows up to the next
// space, so that punctuation after a link stays attached to it.
func (w *Writer) Tail(name string) {
	w.request(name)
	w.b = w.b[:len(w.b)-1] // reopen the line for the argument
	w.bol, w.tail, w.tailArg = false, true, false
	w.fresh = false
}

// Inline writes a request that belongs to the running text (.UR, .MT): after pending breaks, and
// joined to the text before it (\c) where no word space separates them.
func (w *Writer) Inline(name string, args ...string) {
	w.breaks()
	if !w.bol && !w.space && !w.tail {
		w.b = append(w.b, `\c`...)
	}
	w.request(name, args...)
	w.fresh = false
}

// Verbatim writes lines of a no-fill block (between .EX and .EE) as literal text: blank lines
// become \& so the page holds no blank line, trailing blanks go.
func (w *Writer) Verbatim(text string) {
	w.endLine()
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimRight(line, " \t\r\f\v")
		start := len(w.b)
		for _, r := range line {
			var needs bool
			if r == '\t' {
				w.b = append(w.b, '\t')
				continue
			}
			w.b, needs = appendRune(w.b, r, Literal)
			if needs {
				w.glyphs[r] = true
			}
		}
		if len(w.b) == start || w.b[start] == '.' || w.b[start] == '\'' {
			w.b = slices.Insert(w.b, start, '\\', '&')
		}
		w.b = append(w.b, '\n')
	}
	w.fresh = false
}

// Raw writes a line as is: for tbl format lines and rows assembled from escaped cells.
func (w *Writer) Raw(line string) {
	w.endLine()
	w.b = append(w.b, line...)
	w.b = append(w.b, '\n')
}

// Escape returns s escaped for a macro argument or a tbl cell, recording its fallback glyphs.
func (w *Writer) Escape(s string, mode Mode) string {
	var b []byte
	for _, r := range s {
		if isSpace(r) {
			r = ' '
		}
		var needs bool
		b, needs = appendRune(b, r, mode)
		if needs {
			w.glyphs[r] = true
		}
	}
	return string(b)
}

// URL escapes a URL for .UR and .MT, with invisible break points (\:) where breakAfter allows:
// groff prints the URL after the link text and cannot break it otherwise. mandoc drops the break
// points from the link target.
func (w *Writer) URL(url string) string {
	var b []byte
	before, prev := ' ', ' '
	for i, r := range url {
		if i > 1 && breakAfter(before, prev, r) {
			b = append(b, `\:`...)
		}
		var needs bool
		b, needs = appendRune(b, r, Literal)
		if needs {
			w.glyphs[r] = true
		}
		before, prev = prev, r
	}
	return string(b)
}
