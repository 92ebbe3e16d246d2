package roff

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Mode says how text is escaped: prose, or literal text (code, URLs) whose every character must
// survive copying from the rendered page.
type Mode uint8

const (
	Prose Mode = iota
	// Literal writes every hyphen-minus as \- and the quote characters that groff would curl as
	// \(aq and \(ga, so that commands and options render as typed.
	Literal
)

// appendRune appends r, escaped, to b. It reports whether r is a non-ASCII character that some
// groff devices lack, so that the page declares a fallback for it (see Writer.Prelude).
func appendRune(b []byte, r rune, mode Mode) ([]byte, bool) {
	switch {
	case invisible(r):
		return b, false
	case r == '\\':
		return append(b, `\e`...), false
	case r == '"':
		// \(dq rather than ", so that escaped text is also a safe macro argument.
		return append(b, `\(dq`...), false
	case mode == Literal && r == '-':
		return append(b, `\-`...), false
	case mode == Literal && r == '\'':
		return append(b, `\(aq`...), false
	case mode == Literal && r == '`':
		return append(b, `\(ga`...), false
	case mode == Literal && r == '^':
		return append(b, `\(ha`...), false
	case mode == Literal && r == '~':
		return append(b, `\(ti`...), false
	case r < utf8.RuneSelf:
		return append(b, byte(r)), false
	}
	if s := named(r); s != "" {
		return append(b, s...), false
	}
	if !valid(r) {
		r = utf8.RuneError
	}
	b = append(b, `\[u`...)
	h := strings.ToUpper(strconv.FormatInt(int64(r), 16))
	for i := len(h); i < 4; i++ {
		b = append(b, '0')
	}
	b = append(b, h...)
	b = append(b, ']')
	// Latin-1 letters and signs are in every groff font; beyond them, declare a fallback.
	return b, r > 0xFF
}

// named gives the groff glyph names of common typographic characters, which every device and
// mandoc know; "" for others.
func named(r rune) string {
	switch r {
	case '\u00A0':
		return `\~`
	case '\u2010', '\u2011':
		return "-"
	case '\u2212':
		return `\-`
	case '\u2013':
		return `\(en`
	case '\u2014':
		return `\(em`
	case '\u2018':
		return `\(oq`
	case '\u2019':
		return `\(cq`
	case '\u201C':
		return `\(lq`
	case '\u201D':
		return `\(rq`
	case '\u2022':
		return `\(bu`
	case '\u2190':
		return `\(<-`
	case '\u2192':
		return `\(->`
	case '\u00A9':
		return `\(co`
	case '\u00AE':
		return `\(rg`
	case '\u2122':
		return `\(tm`
	case '\u00B0':
		return `\(de`
	case '\u00D7':
		return `\(mu`
	}
	return ""
}

// invisible reports characters that only steer layout or are not text: C0 and C1 controls,
// soft hyphens, zero-width spaces and joiners, byte-order marks. groff rejects or mangles them.
func invisible(r rune) bool {
	switch {
	case r < 0x20, r == 0x7F, r >= 0x80 && r <= 0x9F:
		return true
	case r == 0xAD, r >= 0x200B && r <= 0x200F, r == 0x2060, r == 0xFEFF:
		return true
	}
	return false
}

// valid reports whether r can be written as \[uXXXX]: a Unicode scalar value that is not a
// noncharacter.
func valid(r rune) bool {
	switch {
	case r > utf8.MaxRune, r >= 0xD800 && r <= 0xDFFF:
		return false
	case r >= 0xFDD0 && r <= 0xFDEF, r&0xFFFE == 0xFFFE:
		return false
	}
	return true
}

// isSpace reports the characters that separate words in filled text.
func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v'
}

// isWordChar reports letters and digits, around which a hyphen-minus is a hyphen; elsewhere it is
// a minus sign or an option dash and is written \-.
func isWordChar(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r >= 0x80
}

// QuoteArg quotes an already escaped argument when it holds spaces or is empty.
func QuoteArg(s string) string {
	if s == "" || strings.ContainsAny(s, " \t") {
		return `"` + s + `"`
	}
	return s
}
