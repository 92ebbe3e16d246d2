package highlight

import (
	"strings"
	"unicode/utf8"
)

// lexRust follows chroma's Rust lexer (lexers/embedded/rust.xml) rule by rule.
func lexRust(l *lexer) {
	s := l.src
	if strings.HasPrefix(s, "#!") && len(s) > 2 && s[2] != '[' && s[2] != '\r' && s[2] != '\n' {
		l.emit("cp", lineEnd(s, 0))
	}
	closeBrace := -1 // the next '}' at or after a position, for format strings' `\{[^}]*\}`
	for l.pos < len(s) {
		i := l.pos
		c := s[i]
		if n := spaceAt(s, i); n > 0 {
			l.emit("w", spaceEnd(s, i))
			continue
		}
		switch {
		case strings.HasPrefix(s[i:], "//"):
			cls := "c1"
			if strings.HasPrefix(s[i:], "//!") || strings.HasPrefix(s[i:], "///") && (len(s) == i+3 || s[i+3] != '/') {
				cls = "sd"
			}
			if e := lineEnd(s, i); e < len(s) {
				l.emit(cls, e+1)
				continue
			}
			l.emit("o", i+1) // `//` at the very end, with no newline: two operators
			continue
		case strings.HasPrefix(s[i:], "/*"):
			cls := "cm"
			if strings.HasPrefix(s[i:], "/*!") || strings.HasPrefix(s[i:], "/**") && len(s) > i+3 && s[i+3] != '/' && s[i+3] != '*' ||
				strings.HasPrefix(s[i:], "/**\n") {
				cls = "sd"
			}
			l.emit(cls, nestedComment(s, i))
			continue
		case c == '"':
			l.emit("s", i+1)
			rustString(l, false, nil)
			continue
		case c == '$':
			e := i + 1
			switch {
			case e < len(s) && isLetter(s[e]):
				e = wordEnd(s, e)
			case e < len(s) && (s[e] == '(' || s[e] == ')'):
				e++
				if e < len(s) && s[e] == ',' {
					e++
				}
			case e < len(s) && s[e] == ',':
				e++
			}
			l.emit("cp", e)
			continue
		case c == '\'':
			if e := rustChar(s, i+1, false); e > 0 {
				l.emit("sc", e)
			} else if strings.HasPrefix(s[i+1:], "static") || strings.HasPrefix(s[i+1:], "_") {
				if s[i+1] == '_' {
					l.emit("nb", i+2)
				} else {
					l.emit("nb", i+7)
				}
			} else {
				l.emit("na", i+1)
				l.emit("na", lifetimeEnd(s, i+1))
			}
			continue
		case isDigit(c):
			l.emit(rustNumber(s, i))
			rustNumberSuffix(l)
			continue
		case c == 'b' && i+1 < len(s) && s[i+1] == '\'':
			if e := rustChar(s, i+2, true); e > 0 {
				l.emit("sa", i+1)
				l.emit("sc", e)
				continue
			}
		case c == 'b' && i+1 < len(s) && s[i+1] == '"':
			l.emit("sa", i+1)
			l.emit("s", i+2)
			rustString(l, true, nil)
			continue
		}
		if c == 'r' || c == 'b' && i+1 < len(s) && s[i+1] == 'r' {
			if e, ok := rustRaw(l, i); ok {
				a := i + 1
				if c == 'b' {
					a++
				}
				l.emit("sa", a)
				l.emit("s", e)
				continue
			}
		}
		if isLetter(c) {
			if rustWord(l, &closeBrace) {
				continue
			}
		}
		switch {
		case strings.HasPrefix(s[i:], "::") && wordAt(s, i+2) > 0:
			l.emit("", i+2)
		case c == ':' || strings.HasPrefix(s[i:], "->"):
			e := i + 1
			if c == '-' {
				e++
			}
			l.emit("", e)
			rustTypename(l)
		case strings.HasPrefix(s[i:], ".."):
			e := i + 2
			if e < len(s) && s[e] == '=' {
				e++
			}
			l.emit("o", e)
		case strings.IndexByte("{}()[],.;", c) >= 0:
			l.emit("p", i+1)
		case strings.IndexByte("+-*/%&|<>^!~@=:?", c) >= 0:
			l.emit("o", i+1)
		case c == '#':
			if e := i + 1; e < len(s) && s[e] == '[' {
				l.emit("cp", e+1)
				rustAttribute(l)
			} else if e+1 < len(s) && s[e] == '!' && s[e+1] == '[' {
				l.emit("cp", e+2)
				rustAttribute(l)
			} else {
				l.emit("", e)
			}
		default:
			l.errRune()
		}
	}
}

// rustWord lexes the word at l.pos by the rules that start with a letter, from the keywords to the
// names; it reports false when none matches (a `b` or `r` that opens nothing).
func rustWord(l *lexer, closeBrace *int) bool {
	s, i := l.src, l.pos
	e := wordEnd(s, i)
	w := s[i:e]
	switch {
	case rustKeyword(w):
		l.emit("k", e)
	case rustReserved(w):
		l.emit("kr", e)
	case w == "true" || w == "false":
		l.emit("kc", e)
	case w == "self":
		l.emit("bp", e)
	case w == "mod":
		l.emit("k", e)
		l.emit("", spaceEnd(s, e))
		if isLetter(byteAt(s, l.pos)) {
			l.emit("nn", wordEnd(s, l.pos))
		}
	case w == "let":
		l.emit("kd", e)
	case w == "fn":
		l.emit("k", e)
		l.emit("", spaceEnd(s, e))
		if isLetter(byteAt(s, l.pos)) {
			l.emit("nf", wordEnd(s, l.pos))
		}
	case w == "struct" || w == "enum" || w == "type" || w == "union":
		l.emit("k", e)
		rustTypename(l)
	case w == "default" && rustDefault(s, e):
		l.emit("k", e)
		l.emit("", spaceEnd(s, e))
		l.emit("k", wordEnd(s, l.pos))
	case rustType(w):
		l.emit("kt", e)
	case w == "Self":
		l.emit("bp", e)
	case rustBuiltin(w):
		l.emit("nb", e)
	case w == "break" || w == "continue":
		l.emit("k", e)
		l.emit("w", spaceEnd(s, e))
		if p := l.pos; byteAt(s, p) == '\'' && isLetter(byteAt(s, p+1)) {
			l.emit("nl", wordEnd(s, p+1))
		}
	default:
		if w == "r" && byteAt(s, e) == '#' && isLetter(byteAt(s, e+1)) { // r#type, a raw name
			if rustConstant(s[e+1:wordEnd(s, e+1)]) && !wordBefore(s, i) {
				l.emit("no", wordEnd(s, e+1))
			} else {
				l.emit("n", wordEnd(s, e+1))
			}
			return true
		}
		if !wordBefore(s, i) && rustConstant(w) {
			l.emit("no", e)
			return true
		}
		if rustMacro(l, e, closeBrace) {
			return true
		}
		l.emit("n", e)
	}
	return true
}

// rustDefault reports whether `default` at e is followed by space and `type` or `fn`, whole.
func rustDefault(s string, e int) bool {
	j := spaceEnd(s, e)
	if j == e {
		return false
	}
	k := wordEnd(s, j)
	return s[j:k] == "type" || s[j:k] == "fn"
}

// rustConstant reports whether w matches `_?([A-Z][A-Z0-9_]*){2,}`.
func rustConstant(w string) bool {
	w = strings.TrimPrefix(w, "_")
	if w == "" || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	upper := 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case 'A' <= c && c <= 'Z':
			upper++
		case isDigit(c) || c == '_':
		default:
			return false
		}
	}
	return upper >= 2
}

// rustMacro lexes a macro's name and its opening bracket, and a format string that opens with it.
func rustMacro(l *lexer, e int, closeBrace *int) bool {
	s, i := l.src, l.pos
	if byteAt(s, e) != '!' {
		return false
	}
	b := spaceEnd(s, e+1)
	if c := byteAt(s, b); c != '(' && c != '[' && c != '{' {
		return false
	}
	switch s[i:e] {
	case "print", "println", "eprint", "eprintln", "format", "format_args", "panic", "todo", "unreachable", "unimplemented":
		if s[b] == '(' {
			if q := spaceEnd(s, b+1); byteAt(s, q) == '"' {
				l.emit("fm", e+1)
				l.emit("w", b)
				l.emit("p", b+1)
				l.emit("w", q)
				l.emit("s", q+1)
				rustString(l, false, closeBrace)
				return true
			}
		}
	}
	l.emit("fm", e+1)
	l.emit("w", b)
	l.emit("p", b+1)
	return true
}

// rustTypename is chroma's typename state: after `:`, `->`, `struct` and the like.
func rustTypename(l *lexer) {
	s := l.src
	for l.pos < len(s) {
		i := l.pos
		if spaceAt(s, i) > 0 {
			l.emit("", spaceEnd(s, i))
			continue
		}
		switch c := s[i]; {
		case c == '&':
			l.emit("kp", i+1)
		case c == '\'':
			if strings.HasPrefix(s[i+1:], "static") {
				l.emit("nb", i+7)
			} else if byteAt(s, i+1) == '_' {
				l.emit("nb", i+2)
			} else {
				l.emit("na", i+1)
				l.emit("na", lifetimeEnd(s, i+1))
			}
		case isLetter(c):
			e := wordEnd(s, i)
			switch w := s[i:e]; {
			case rustBuiltin(w):
				l.emit("nb", e)
			case rustType(w):
				l.emit("kt", e)
			default:
				l.emit("nc", e)
				return
			}
		default:
			return
		}
	}
}

// lifetimeEnd is where a lifetime's name from i ends: `[a-zA-Z_]+\w*`.
func lifetimeEnd(s string, i int) int {
	if !isLetter(byteAt(s, i)) {
		return i
	}
	return wordEnd(s, i)
}

// rustAttribute is chroma's attribute[ state, after `#[`: all preprocessor but strings, nested
// brackets counted.
func rustAttribute(l *lexer) {
	s := l.src
	depth := 1
	for l.pos < len(s) && depth > 0 {
		i := l.pos
		switch s[i] {
		case '"':
			l.emit("s", i+1)
			rustString(l, false, nil)
		case '[':
			depth++
			l.emit("cp", i+1)
		case ']':
			depth--
			l.emit("cp", i+1)
		default:
			e := i
			for e < len(s) && s[e] != '"' && s[e] != '[' && s[e] != ']' {
				e++
			}
			l.emit("cp", e)
		}
	}
}

// rustEscape is the end of the escape at i (a backslash) in a string: `\\['"\\nrt]|\\(?=\n)|
// \\x[0-7][0-9a-fA-F]|\\0|\\u\{[0-9a-fA-F]{1,6}\}`, or, in a byte string, `\\x[89a-fA-F][0-9a-fA-F]`
// too; -1 if none.
func rustEscape(s string, i int, bytes bool) int {
	switch c := byteAt(s, i+1); c {
	case '\'', '"', '\\', 'n', 'r', 't', '0':
		return i + 2
	case '\n':
		return i + 1
	case 'x':
		if d := byteAt(s, i+2); ('0' <= d && d <= '7' || bytes && isHex(d)) && isHex(byteAt(s, i+3)) {
			return i + 4
		}
	case 'u':
		if byteAt(s, i+2) == '{' {
			j := span(s, i+3, isHex)
			if n := j - (i + 3); n >= 1 && n <= 6 && byteAt(s, j) == '}' {
				return j + 1
			}
		}
	}
	return -1
}

// rustString lexes a string's body and its closing quote, after the opening one. Given closeBrace
// (the next '}' at or after a position, kept across the block), it is a format string: chroma's
// formatted_string state, with `{x}` as interpolation and `{{`, `}}` as escapes.
func rustString(l *lexer, bytes bool, closeBrace *int) {
	s := l.src
	format := closeBrace != nil
	for l.pos < len(s) {
		i := l.pos
		switch c := s[i]; {
		case c == '"':
			l.emit("s", i+1)
			return
		case c == '\\':
			if e := rustEscape(s, i, bytes); e > 0 {
				l.emit("se", e)
			} else {
				l.emit("s", i+1)
			}
		case format && c == '{':
			if byteAt(s, i+1) == '{' {
				l.emit("se", i+2)
				continue
			}
			if *closeBrace < i+1 {
				if j := strings.IndexByte(s[i+1:], '}'); j >= 0 {
					*closeBrace = i + 1 + j
				} else {
					*closeBrace = len(s)
				}
			}
			if *closeBrace < len(s) {
				l.emit("si", *closeBrace+1)
			} else {
				l.errRune()
			}
		case format && c == '}':
			if byteAt(s, i+1) == '}' {
				l.emit("se", i+2)
			} else {
				l.errRune()
			}
		default:
			e := i
			for e < len(s) && s[e] != '"' && s[e] != '\\' && !(format && (s[e] == '{' || s[e] == '}')) {
				e++
			}
			l.emit("s", e)
		}
	}
}

// rustChar is the end of the char literal whose body starts at i (after the quote), or 0:
// `(\\['"\\nrt]|\\x[0-7][0-9a-fA-F]|\\0|\\u\{[0-9a-fA-F]{1,6}\}|.)'`, for a byte `\\x` any two hex
// digits and no `\u`.
func rustChar(s string, i int, bytes bool) int {
	if i >= len(s) {
		return 0
	}
	if s[i] == '\\' {
		e := rustEscape(s, i, bytes)
		if e > 0 && byteAt(s, e) == '\'' && !(bytes && byteAt(s, i+1) == 'u') && byteAt(s, i+1) != '\n' {
			return e + 1
		}
		// `.` takes the backslash alone
	}
	if s[i] == '\n' {
		return 0
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	if byteAt(s, i+n) == '\'' {
		return i + n + 1
	}
	return 0
}

// rustNumber is the class and end of the number at i, a digit.
func rustNumber(s string, i int) (string, int) {
	isBin := func(c byte) bool { return c == '0' || c == '1' || c == '_' }
	isOct := func(c byte) bool { return '0' <= c && c <= '7' || c == '_' }
	isHex_ := func(c byte) bool { return isHex(c) || c == '_' }
	isDec := func(c byte) bool { return isDigit(c) || c == '_' }
	if s[i] == '0' {
		switch byteAt(s, i+1) {
		case 'b':
			if e := span(s, i+2, isBin); e > i+2 {
				return "mb", e
			}
		case 'o':
			if e := span(s, i+2, isOct); e > i+2 {
				return "mo", e
			}
		case 'x', 'X':
			if e := span(s, i+2, isHex_); e > i+2 {
				return "mh", e
			}
		}
	}
	d := span(s, i, isDec)
	decEnd := func(s string, j int) int { return span(s, j, isDec) }
	exp := func(j int) int { return exponent(s, j, "eE", false, decEnd) } // [eE][+\-]?[0-9_]+
	if byteAt(s, d) == '.' {
		f := span(s, d+1, isDec)
		if f > d+1 {
			if e := exp(f); e > 0 {
				return "mf", e
			}
		}
		if byteAt(s, f) != '.' {
			return "mf", f
		}
		if f > d+1 {
			return "mf", f - 1
		}
	}
	if e := exp(d); e > 0 {
		return "mf", e
	}
	return "mi", d
}

// rustNumberSuffix is chroma's number_lit state: a type suffix right after a number.
func rustNumberSuffix(l *lexer) {
	s, i := l.src, l.pos
	switch byteAt(s, i) {
	case 'u', 'i':
		for _, n := range []string{"8", "16", "32", "64", "size"} {
			if strings.HasPrefix(s[i+1:], n) {
				l.emit("k", i+1+len(n))
				return
			}
		}
	case 'f':
		if strings.HasPrefix(s[i+1:], "32") || strings.HasPrefix(s[i+1:], "64") {
			l.emit("k", i+3)
		}
	}
}

// rustRaw is the end of the raw string `(b?r)(#*)(".*?"\2)` at i, dot matching newlines.
func rustRaw(l *lexer, i int) (int, bool) {
	s := l.src
	j := i + 1
	if s[i] == 'b' {
		j++
	}
	h := span(s, j, func(c byte) bool { return c == '#' })
	if byteAt(s, h) != '"' {
		return 0, false
	}
	end := `"` + s[j:h]
	if k := l.search(end, h+1); k >= 0 {
		return k + len(end), true
	}
	return 0, false
}

// nestedComment is the end of the block comment at i, comments nesting, or len(s).
func nestedComment(s string, i int) int {
	depth := 0
	for j := i; j < len(s); {
		switch {
		case strings.HasPrefix(s[j:], "/*"):
			depth++
			j += 2
		case strings.HasPrefix(s[j:], "*/"):
			depth--
			j += 2
			if depth == 0 {
				return j
			}
		default:
			j++
		}
	}
	return len(s)
}

func rustKeyword(w string) bool {
	switch w {
	case "unsafe", "static", "extern", "return", "const", "crate", "where", "while", "await", "trait", "super", "async",
		"match", "impl", "else", "move", "loop", "pub", "ref", "mut", "for", "dyn", "use", "box", "in", "if", "as":
		return true
	}
	return false
}

func rustReserved(w string) bool {
	switch w {
	case "abstract", "override", "unsized", "virtual", "become", "typeof", "final", "macro", "yield", "priv", "try", "do":
		return true
	}
	return false
}

func rustType(w string) bool {
	switch w {
	case "isize", "usize", "bool", "char", "u128", "i128", "i64", "i32", "i16", "str", "u64", "u32", "f32", "f64", "u16", "i8", "u8":
		return true
	}
	return false
}

func rustBuiltin(w string) bool {
	switch w {
	case "DoubleEndedIterator", "ExactSizeIterator", "IntoIterator", "PartialOrd", "PartialEq", "ToString", "Iterator",
		"ToOwned", "Default", "Result", "String", "FnOnce", "Extend", "Option", "FnMut", "Unpin", "Sized", "AsRef", "AsMut",
		"Clone", "None", "From", "Into", "Sync", "drop", "Send", "Drop", "Copy", "Some", "Ord", "Err", "Box", "Vec", "Eq", "Ok", "Fn":
		return true
	}
	return false
}
