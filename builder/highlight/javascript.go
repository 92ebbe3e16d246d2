package highlight

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The states of chroma's JavaScript lexer (lexers/embedded/javascript.xml).
const (
	jsRoot        = iota
	jsInterp      // in a template string
	jsInterpInner // in its ${ … }
	jsRegexOK     // slashstartsregex: where a slash opens a regular expression
	jsBadRegex    // after a slash that opens none, to the end of the line
)

// lexJS follows chroma's JavaScript lexer rule by rule, its states on a stack.
func lexJS(l *lexer) {
	s := l.src
	stack := []byte{jsRoot}
	if strings.HasPrefix(s, "#!") { // \A#! ?/.*?\n
		j := 2
		if byteAt(s, j) == ' ' {
			j++
		}
		if byteAt(s, j) == '/' {
			l.emit("ch", lineEnd(s, j)+1)
		}
	}
	for l.pos < len(s) {
		i := l.pos
		c := s[i]
		switch stack[len(stack)-1] {
		case jsInterp:
			switch {
			case c == '`':
				l.emit("sb", i+1)
				stack = stack[:len(stack)-1]
			case c == '\\':
				l.emit("sb", i+1+runeLen(s, i+1)) // \\\\, \\`, \\[^`\\]: a backslash and the next character
			case c == '$' && byteAt(s, i+1) == '{':
				l.emit("si", i+2)
				stack = append(stack, jsInterpInner)
			case c == '$':
				l.emit("sb", i+1)
			default:
				e := i
				for e < len(s) && s[e] != '`' && s[e] != '\\' && s[e] != '$' {
					e++
				}
				l.emit("sb", e)
			}
			continue
		case jsInterpInner:
			if c == '}' {
				l.emit("si", i+1)
				stack = stack[:len(stack)-1]
				continue
			}
		case jsRegexOK:
			if jsSpaceOrComment(l) {
				continue
			}
			stack = stack[:len(stack)-1]
			if c == '/' {
				if e := jsRegex(l, i); e > 0 {
					l.emit("sr", e)
				} else {
					stack = append(stack, jsBadRegex)
				}
			}
			continue
		case jsBadRegex:
			if c == '\n' {
				l.emit("", i+1)
				stack = stack[:len(stack)-1]
			} else {
				l.errRune()
			}
			continue
		}
		// root, which interp-inside includes
		if (i == 0 || s[i-1] == '\n') && (spaceAt(s, i) > 0 || c == '/' || strings.HasPrefix(s[i:], "<!--")) {
			stack = append(stack, jsRegexOK)
			continue
		}
		if jsSpaceOrComment(l) {
			continue
		}
		if push, ok := jsToken(l); ok {
			if push {
				stack = append(stack, jsRegexOK)
			}
			continue
		}
		if c == '`' {
			l.emit("sb", i+1)
			stack = append(stack, jsInterp)
			continue
		}
		l.errRune()
	}
}

// jsSpaceOrComment lexes the rules of commentsandwhitespace at l.pos, if one matches.
func jsSpaceOrComment(l *lexer) bool {
	s, i := l.src, l.pos
	switch {
	case spaceAt(s, i) > 0:
		l.emit("", spaceEnd(s, i))
	case strings.HasPrefix(s[i:], "<!--"):
		l.emit("c", i+4)
	case strings.HasPrefix(s[i:], "//"):
		l.emit("c1", lineEnd(s, i)+1) // the text ends with a newline
	case strings.HasPrefix(s[i:], "/*"):
		j := l.finders.blockEnd.index(s, "*/", i+2)
		if j < 0 {
			return false
		}
		l.emit("cm", j+2)
	default:
		return false
	}
	return true
}

// jsRegex is the end of `/(\\.|[^[/\\\n]|\[(\\.|[^\]\\\n])*])+/([gimuy]+\b|\B)` at i, or 0. The
// body's items are each the only one to match where they start, and none starts with a slash, so
// the expression never backtracks into the body.
func jsRegex(l *lexer, i int) int {
	s, fs := l.src, &l.finders
	j := i + 1
	for j < len(s) {
		switch c := s[j]; c {
		case '\\':
			if j+1 >= len(s) {
				return 0
			}
			j += 1 + runeLen(s, j+1)
			continue
		case '/', '\n':
		case '[':
			k := j + 1
			if k >= fs.classFrom && k < fs.classTo { // known to run to the line's end unclosed
				break
			}
			for k < len(s) && s[k] != ']' && s[k] != '\n' {
				if s[k] == '\\' {
					if k+1 >= len(s) {
						return 0
					}
					k += runeLen(s, k+1)
				}
				k++
			}
			if byteAt(s, k) != ']' {
				// a scan from any later '[' of this stretch is in step with this one after it,
				// and ends unclosed too
				fs.classFrom, fs.classTo = j+1, k
				break
			}
			j = k + 1
			continue
		default:
			j++
			continue
		}
		break
	}
	if j == i+1 || byteAt(s, j) != '/' {
		return 0
	}
	j++
	f := span(s, j, func(c byte) bool { return strings.IndexByte("gimuy", c) >= 0 })
	if f > j && wordAt(s, f) == 0 {
		return f
	}
	if wordAt(s, j) == 0 { // \B after the slash
		return j
	}
	return 0
}

// jsToken lexes the root rules from the numbers to the single-quoted strings, reporting whether
// the rule pushes slashstartsregex.
func jsToken(l *lexer) (push, ok bool) {
	s, i := l.src, l.pos
	c := s[i]
	if isDigit(c) {
		l.emit(jsNumber(s, i))
		return false, true
	}
	switch {
	case strings.HasPrefix(s[i:], "...") || strings.HasPrefix(s[i:], "=>"):
		l.emit("p", i+2+b2i(c == '.'))
		return false, true
	case c == '"' || c == '\'':
		break
	default:
		if e := jsOperator(s, i); e > 0 {
			l.emit("o", e)
			return true, true
		}
	}
	switch c {
	case '{', '(', '[', ';', ',':
		l.emit("p", i+1)
		return true, true
	case '}', ')', ']', '.':
		l.emit("p", i+1)
		return false, true
	case '"', '\'':
		if e := quoted(s, i, c); e > 0 {
			l.emit(map[byte]string{'"': "s2", '\'': "s1"}[c], e)
			return false, true
		}
		return false, false
	}
	if e := wordEnd(s, i); e > i {
		switch w := s[i:e]; {
		case jsKeyword(w):
			l.emit("k", e)
			return true, true
		case w == "var" || w == "let" || w == "with" || w == "function":
			l.emit("kd", e)
			return true, true
		case jsReserved(w):
			l.emit("kr", e)
			return false, true
		case w == "true" || w == "false" || w == "null" || w == "NaN" || w == "Infinity" || w == "undefined":
			l.emit("kc", e)
			return false, true
		case jsBuiltin(w):
			l.emit("nb", e)
			return false, true
		}
	}
	if e := jsName(s, i); e > i {
		l.emit("nx", e)
		return false, true
	}
	return false, false
}

// jsName is the end of `(?:[$_\p{L}\p{N}]|\\u[a-fA-F0-9]{4})(?:(?:[$\p{L}\p{N}]|\\u[a-fA-F0-9]{4}))*`
// at i: an underscore may start a name but not go on with one.
func jsName(s string, i int) int {
	start := true
	for i < len(s) {
		c := s[i]
		switch {
		case c == '$' || isDigit(c) || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' && start:
			i++
		case c == '\\' && byteAt(s, i+1) == 'u' && hexRun(s, i+2, 4):
			i += 6
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsLetter(r) && !unicode.IsNumber(r) {
				return i
			}
			i += n
		default:
			return i
		}
		start = false
	}
	return i
}

// jsOperator is the end of `\+\+|--|~|&&|\?|:|\|\||\\(?=\n)|(<<|>>>?|==?|!=?|[-<>+*%&|^/])=?` at i, or 0.
func jsOperator(s string, i int) int {
	c, d := s[i], byteAt(s, i+1)
	switch {
	case (c == '+' || c == '-' || c == '&' || c == '|') && d == c:
		return i + 2
	case c == '~' || c == '?' || c == ':':
		return i + 1
	case c == '\\':
		if d == '\n' {
			return i + 1
		}
		return 0
	}
	e := i + 1
	switch c {
	case '<':
		if d == '<' {
			e++
		}
	case '>':
		if d == '>' {
			e++
			if byteAt(s, e) == '>' {
				e++
			}
		}
	case '=', '!':
		if d == '=' {
			e++
		}
	case '-', '+', '*', '%', '&', '|', '^', '/':
	default:
		return 0
	}
	if byteAt(s, e) == '=' {
		e++
	}
	return e
}

// jsNumber is the class and end of the number at i, a digit.
func jsNumber(s string, i int) (string, int) {
	d := span(s, i, isDigit)
	switch byteAt(s, d) {
	case '.':
		return "mf", span(s, d+1, isDigit)
	case 'e', 'E':
		j := d + 1
		if c := byteAt(s, j); c == '+' || c == '-' {
			j++
		}
		if e := span(s, j, isDigit); e > j {
			return "mf", e
		}
	}
	if s[i] == '0' {
		isBin := func(c byte) bool { return c == '0' || c == '1' }
		isOct := func(c byte) bool { return '0' <= c && c <= '7' }
		switch byteAt(s, i+1) {
		case 'b', 'B':
			if e := span(s, i+2, isBin); e > i+2 {
				return "mb", e
			}
		case 'o', 'O':
			if e := span(s, i+2, isOct); e > i+2 {
				return "mo", e
			}
		case 'x', 'X':
			if e := span(s, i+2, isHex); e > i+2 {
				return "mh", e
			}
		}
	}
	return "mi", span(s, i, func(c byte) bool { return isDigit(c) || c == '_' })
}

func jsKeyword(w string) bool {
	switch w {
	case "for", "in", "while", "do", "break", "return", "continue", "switch", "case", "default", "if", "else", "throw", "try",
		"catch", "finally", "new", "delete", "typeof", "instanceof", "void", "yield", "this", "of":
		return true
	}
	return false
}

func jsReserved(w string) bool {
	switch w {
	case "abstract", "async", "await", "boolean", "byte", "char", "class", "const", "debugger", "double", "enum", "export",
		"extends", "final", "float", "goto", "implements", "import", "int", "interface", "long", "native", "package",
		"private", "protected", "public", "short", "static", "super", "synchronized", "throws", "transient", "using", "volatile":
		return true
	}
	return false
}

func jsBuiltin(w string) bool {
	switch w {
	case "Array", "Boolean", "Date", "Error", "Function", "Math", "netscape", "Number", "Object", "Packages", "RegExp", "String",
		"Promise", "Proxy", "sun", "decodeURI", "decodeURIComponent", "encodeURI", "encodeURIComponent", "eval", "isFinite",
		"isNaN", "isSafeInteger", "parseFloat", "parseInt", "document", "window":
		return true
	}
	return false
}
