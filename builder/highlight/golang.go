package highlight

import "strings"

// lexGo follows chroma's Go lexer (lexers/go.go) rule by rule.
func lexGo(l *lexer) {
	s := l.src
	for l.pos < len(s) {
		i := l.pos
		c := s[i]
		if spaceAt(s, i) > 0 {
			l.emit("w", spaceEnd(s, i))
			continue
		}
		if strings.HasPrefix(s[i:], "//") {
			e := i + 2 + strings.IndexAny(s[i+2:], "\r\n") // the text ends with a newline
			if spaceAt(s, i+2) == 0 && e > i+2 {
				l.emit("cp", e)
			} else {
				l.emit("c1", e)
			}
			continue
		}
		if strings.HasPrefix(s[i:], "/*") {
			if j := l.finders.blockEnd.index(s, "*/", i+2); j >= 0 {
				l.emit("cm", j+2)
				continue
			}
		}
		if isLetter(c) {
			goName(l)
			continue
		}
		if isDigit(c) || c == '.' && isDigit(byteAt(s, i+1)) {
			l.emit(goNumber(s, i))
			continue
		}
		switch c {
		case '\'':
			if e := goChar(s, i); e > 0 {
				l.emit("sc", e)
				continue
			}
		case '`':
			if j := l.finders.backtick.index(s, "`", i+1); j >= 0 {
				l.emit("s", j+1)
				continue
			}
		case '"':
			if e := quoted(s, i, '"'); e > 0 {
				l.emit("s", e)
				continue
			}
		}
		if e := goOperator(s, i); e > 0 {
			l.emit("o", e)
			continue
		}
		if strings.IndexByte("|^<>=!()[]{}.,;:~", c) >= 0 {
			l.emit("p", i+1)
			continue
		}
		if n := wordAt(s, i); n > 0 && !isDigit(c) {
			l.emit("nx", wordEnd(s, i))
			continue
		}
		l.errRune()
	}
}

// goName lexes the word at l.pos, which starts with an ASCII letter: a keyword, a builtin, a
// function's name before its parenthesis, or another name. Of the rules from the keywords' on, no
// other can match at a letter.
func goName(l *lexer) {
	s, i := l.src, l.pos
	e := wordEnd(s, i)
	switch w := s[i:e]; w {
	case "import", "package":
		l.emit("kn", e)
	case "var", "func", "struct", "map", "chan", "type", "interface", "const":
		l.emit("kd", e)
	case "break", "default", "select", "case", "defer", "go", "else", "goto", "switch", "fallthrough", "if", "range", "continue", "for", "return":
		l.emit("k", e)
	case "true", "false", "iota", "nil":
		l.emit("kc", e)
	default:
		builtin := goBuiltin(w)
		switch {
		case builtin && byteAt(s, e) == '(':
			l.emit("nb", e)
			l.emit("p", e+1)
		case w == "any" || builtin && goType(w):
			l.emit("kt", e)
		default:
			if sp := spaceEnd(s, e); byteAt(s, sp) == '(' {
				l.emit("nf", e)
				l.emit("w", sp)
				l.emit("p", sp+1)
			} else {
				l.emit("nx", e)
			}
		}
	}
}

func goType(w string) bool {
	switch w {
	case "uint", "uint8", "uint16", "uint32", "uint64", "int", "int8", "int16", "int32", "int64", "float", "float32", "float64",
		"complex64", "complex128", "byte", "rune", "string", "bool", "error", "uintptr":
		return true
	}
	return false
}

// goBuiltin reports whether w is a type or function that chroma calls built in before `(`.
func goBuiltin(w string) bool {
	switch w {
	case "print", "println", "panic", "recover", "close", "complex", "real", "imag", "len", "cap", "append", "copy", "delete",
		"new", "make", "clear", "min", "max":
		return true
	}
	return goType(w)
}

// goNumber is the class and end of the number at i: chroma's rules for numbers, in their order.
func goNumber(s string, i int) (string, int) {
	digits := func(j int) int { return span(s, j, isDigit) }
	exp := func(j int, sign bool) int { return exponent(s, j, "eE", sign, decimalEnd) } // [eE][+-]\d+
	d := digits(i)
	if d > i {
		if byteAt(s, d) == 'i' { // \d+i
			return "m", d + 1
		}
		if byteAt(s, d) == '.' { // \d+\.\d*([Ee][-+]\d+)?i
			f := digits(d + 1)
			if e := exp(f, true); e > 0 && byteAt(s, e) == 'i' {
				return "m", e + 1
			}
			if byteAt(s, f) == 'i' {
				return "m", f + 1
			}
		}
	} else { // \.\d+([Ee][-+]\d+)?i
		f := digits(i + 1)
		if e := exp(f, true); e > 0 && byteAt(s, e) == 'i' {
			return "m", e + 1
		}
		if byteAt(s, f) == 'i' {
			return "m", f + 1
		}
	}
	if d > i {
		if e := exp(d, true); e > 0 && byteAt(s, e) == 'i' { // \d+[Ee][-+]\d+i
			return "m", e + 1
		}
		// \d+(\.\d+[eE][+\-]?\d+|\.\d*|[eE][+\-]?\d+)
		if byteAt(s, d) == '.' {
			f := digits(d + 1)
			if f > d+1 {
				if e := exp(f, false); e > 0 {
					return "mf", e
				}
			}
			return "mf", f
		}
		if e := exp(d, false); e > 0 {
			return "mf", e
		}
	} else { // \.\d+([eE][+\-]?\d+)?
		f := digits(i + 1)
		if e := exp(f, false); e > 0 {
			return "mf", e
		}
		return "mf", f
	}
	if s[i] == '0' {
		if e := span(s, i+1, func(c byte) bool { return '0' <= c && c <= '7' }); e > i+1 {
			return "mo", e
		}
		if c := byteAt(s, i+1); c == 'x' || c == 'X' {
			if e := span(s, i+2, func(c byte) bool { return isHex(c) || c == '_' }); e > i+2 {
				return "mh", e
			}
		}
		if byteAt(s, i+1) == 'b' {
			if e := span(s, i+2, func(c byte) bool { return c == '0' || c == '1' || c == '_' }); e > i+2 {
				return "mb", e
			}
		}
		return "mi", i + 1
	}
	return "mi", span(s, i, func(c byte) bool { return isDigit(c) || c == '_' })
}

// goChar is the end of the rune literal at i, or 0.
func goChar(s string, i int) int {
	j := i + 1
	if byteAt(s, j) == '\\' {
		c := byteAt(s, j+1)
		switch {
		case strings.IndexByte(`'"\abfnrtv`, c) >= 0 && c != 0:
			j += 2
		case c == 'x' && isHex(byteAt(s, j+2)) && isHex(byteAt(s, j+3)):
			j += 4
		case '0' <= c && c <= '7':
			e := span(s, j+1, func(c byte) bool { return '0' <= c && c <= '7' })
			if e > j+4 {
				e = j + 4
			}
			// \\[0-7]{1,3} backtracks to fewer digits for the closing quote
			for ; e > j+1; e-- {
				if byteAt(s, e) == '\'' {
					return e + 1
				}
			}
			return 0
		case c == 'u' && hexRun(s, j+2, 4):
			j += 6
		case c == 'U' && hexRun(s, j+2, 8):
			j += 10
		default:
			return 0
		}
	} else {
		if j >= len(s) {
			return 0
		}
		j += runeLen(s, j)
	}
	if byteAt(s, j) == '\'' {
		return j + 1
	}
	return 0
}

func hexRun(s string, i, n int) bool {
	return span(s, i, isHex)-i >= n
}

func runeLen(s string, i int) int {
	if s[i] < 0x80 {
		return 1
	}
	n := 1
	for n < 4 && i+n < len(s) && s[i+n]&0xC0 == 0x80 {
		n++
	}
	return n
}

// goOperator is the end of the operator at i, or 0: the first of chroma's alternatives
// `<<=|>>=|<<|>>|<=|>=|&\^=|&\^|\+=|-=|\*=|/=|%=|&=|\|=|&&|\|\||<-|\+\+|--|==|!=|:=|\.\.\.|[+\-*/%&]`
// that matches, which is the longest.
func goOperator(s string, i int) int {
	d, e := byteAt(s, i+1), byteAt(s, i+2)
	switch s[i] {
	case '<', '>':
		switch {
		case d == s[i] && e == '=':
			return i + 3
		case d == s[i] || d == '=' || s[i] == '<' && d == '-':
			return i + 2
		}
	case '&':
		switch {
		case d == '^' && e == '=':
			return i + 3
		case d == '^' || d == '=' || d == '&':
			return i + 2
		}
		return i + 1
	case '+', '-':
		if d == '=' || d == s[i] {
			return i + 2
		}
		return i + 1
	case '*', '/', '%':
		if d == '=' {
			return i + 2
		}
		return i + 1
	case '|':
		if d == '=' || d == '|' {
			return i + 2
		}
	case '=', '!', ':':
		if d == '=' {
			return i + 2
		}
	case '.':
		if d == '.' && e == '.' {
			return i + 3
		}
	}
	return 0
}
