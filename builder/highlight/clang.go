package highlight

import (
	"strings"
	"unicode/utf8"
)

// The states of chroma's C lexer (lexers/embedded/c.xml).
const (
	cRoot = iota
	cStatement
	cFunction // a function's body
	cString
	cMacro
	cIf0 // #if 0 … #endif
)

// lexC follows chroma's C lexer rule by rule, its states on a stack.
func lexC(l *lexer) {
	s := l.src
	stack := []byte{cRoot}
	for l.pos < len(s) {
		i := l.pos
		c := s[i]
		top := stack[len(stack)-1]
		pop := func() { stack = stack[:len(stack)-1] }
		matched := true
		switch top {
		case cString:
			switch {
			case c == '"':
				l.emit("s", i+1)
				pop()
			case c == '\\':
				if e := cEscape(s, i); e > 0 {
					l.emit("se", e)
				} else {
					l.emit("s", i+1+b2i(byteAt(s, i+1) == '\n'))
				}
			case c == '\n':
				matched = false
			default:
				l.emit("s", pySpan(s, i, "\\\"\n"))
			}
		case cMacro:
			switch {
			case i+7 <= len(s) && s[i:i+7] == "include" && cInclude(l, i):
			case c != '/' && c != '\n':
				l.emit("cp", pySpan(s, i, "/\n"))
			case strings.HasPrefix(s[i:], "/*") && l.finders.blockEnd.index(s, "*/", i+2) >= 0:
				l.emit("cm", l.finders.blockEnd.index(s, "*/", i+2)+2)
			case strings.HasPrefix(s[i:], "//"):
				l.emit("c1", lineEnd(s, i)+1)
				pop()
			case c == '/':
				l.emit("cp", i+1)
			case i > 0 && s[i-1] == '\\':
				l.emit("cp", i+1)
			default:
				l.emit("cp", i+1)
				pop()
			}
		case cIf0:
			e := lineEnd(s, i)
			if i == 0 || s[i-1] == '\n' {
				j := l.spaceRun(i)
				je := lineEnd(s, j)
				cont := je > 0 && s[je-1] == '\\'
				if strings.HasPrefix(s[j:], "#if") && !cont && je < len(s) {
					l.emit("cp", je+1)
					stack = append(stack, cIf0)
					continue
				}
				if (strings.HasPrefix(s[j:], "#else") || strings.HasPrefix(s[j:], "#elif")) && je < len(s) {
					l.emit("cp", je+1)
					pop()
					continue
				}
				if strings.HasPrefix(s[j:], "#endif") && !cont && je < len(s) {
					l.emit("cp", je+1)
					pop()
					continue
				}
			}
			if e < len(s) {
				l.emit("c", e+1)
			} else {
				matched = false
			}
		default:
			if cWhitespace(l, &stack) {
				continue
			}
			switch top {
			case cRoot:
				if !cFunctionHead(l, &stack) {
					stack = append(stack, cStatement)
				}
				continue
			case cStatement:
				if c == '{' || c == '}' {
					l.emit("p", i+1)
					continue
				}
				if c == ';' {
					l.emit("p", i+1)
					pop()
					continue
				}
			case cFunction:
				switch c {
				case ';':
					l.emit("p", i+1)
					continue
				case '{':
					l.emit("p", i+1)
					stack = append(stack, cFunction)
					continue
				case '}':
					l.emit("p", i+1)
					pop()
					continue
				}
			}
			matched = cStatements(l, &stack)
		}
		if !matched {
			if c == '\n' && top != cRoot {
				stack = stack[:1]
				continue
			}
			l.errRune()
		}
	}
}

// cWhitespace lexes by the rules of the whitespace state at l.pos, if one matches.
func cWhitespace(l *lexer, stack *[]byte) bool {
	s, i := l.src, l.pos
	c := s[i]
	if i == 0 || s[i-1] == '\n' { // ^(\s*(?:/[*].*?[*]/\s*)?)(#if\s+0|#), the group lexed anew
		j := l.spaceRun(i)
		if strings.HasPrefix(s[j:], "/*") {
			// every line's start in a run of blank lines comes to this j: look once
			if f := &l.finders; f.commentAt != j || f.commentAt == 0 {
				f.commentAt, f.commentHash = j, -1
				if k := strings.Index(s[j+2:lineEnd(s, j)], "*/"); k >= 0 {
					if m := spaceEnd(s, j+2+k+2); byteAt(s, m) == '#' {
						f.commentHash = m
					}
				}
			}
			if m := l.finders.commentHash; m >= 0 {
				j = m
			}
		}
		if byteAt(s, j) == '#' {
			l.anew(j, lexC)
			if k := spaceEnd(s, j+3); strings.HasPrefix(s[j:], "#if") && k > j+3 && byteAt(s, k) == '0' {
				l.emit("cp", k+1)
				*stack = append(*stack, cIf0)
			} else {
				l.emit("cp", j+1)
				*stack = append(*stack, cMacro)
			}
			return true
		}
	}
	switch {
	case spaceAt(s, i) > 0:
		if c == '\n' {
			l.emit("", i+1)
		} else {
			l.emit("", spaceEnd(s, i))
		}
	case c == '\\' && byteAt(s, i+1) == '\n':
		l.emit("", i+2)
	case strings.HasPrefix(s[i:], "//"):
		e := cLineComment(l, i)
		if e < 0 {
			return false
		}
		l.emit("c1", e)
	case strings.HasPrefix(s[i:], "/*") || strings.HasPrefix(s[i:], "/\\\n*"):
		j := i + 2
		if s[i+1] == '\\' {
			j = i + 4
		}
		if k := l.finders.blockEnd.index(s, "*/", j); k >= 0 {
			e := k + 2
			if k2 := l.finders.backtick.index(s, "*\\\n/", j); k2 >= 0 && k2 < k {
				e = k2 + 4
			}
			l.emit("cm", e)
		} else if k2 := l.finders.backtick.index(s, "*\\\n/", j); k2 >= 0 {
			l.emit("cm", k2+4)
		} else {
			l.emit("cm", len(s))
		}
	default:
		return false
	}
	return true
}

// cLineComment is the end of `//(\n|[\w\W]*?[^\\]\n)` at i: after the first newline that no
// backslash comes before; or -1.
func cLineComment(l *lexer, i int) int {
	s := l.src
	if byteAt(s, i+2) == '\n' {
		return i + 3
	}
	for j := i + 3; ; {
		k := l.finders.newline.index(s, "\n", j)
		if k < 0 {
			return -1
		}
		if s[k-1] != '\\' {
			return k + 1
		}
		j = k + 1
	}
}

// cInclude lexes `(include)(\s*(?:/[*].*?[*]/\s*)?)([^\n]+)` at i, if it matches.
func cInclude(l *lexer, i int) bool {
	s := l.src
	j := spaceEnd(s, i+7)
	if strings.HasPrefix(s[j:], "/*") {
		if k := strings.Index(s[j+2:lineEnd(s, j)], "*/"); k >= 0 {
			j = spaceEnd(s, j+2+k+2)
		}
	}
	for ; j > i+7 && (j >= len(s) || s[j] == '\n'); j-- {
	}
	if j >= len(s) || s[j] == '\n' {
		return false
	}
	l.emit("cp", i+7)
	l.emit("", j)
	l.emit("cpf", lineEnd(s, j))
	return true
}

// cFunctionHead lexes, at the root, chroma's rules for a function's definition and declaration:
// `((?:[\w*\s])+?(?:\s|[*]))([a-zA-Z_]\w*)(\s*\([^;]*?\))([^;{]*)(\{)` and the same with
// `([^;]*)(;)`. The name is the last word of the run of [\w*\s] before the parenthesis; the
// parameters end at the first ')' before the first ';'; a '{' before the next ';' makes it a
// definition.
func cFunctionHead(l *lexer, stack *[]byte) bool {
	s, i := l.src, l.pos
	r := i
	for r < len(s) {
		if n := wordAt(s, r); n > 0 {
			r += n
		} else if n := spaceAt(s, r); n > 0 {
			r += n
		} else if s[r] == '*' {
			r++
		} else {
			break
		}
	}
	if byteAt(s, r) != '(' {
		return false
	}
	e := r
	for e > i && spaceAt(s, e-1) > 0 && s[e-1] < utf8.RuneSelf {
		e--
	}
	k := e
	for k > i {
		r, n := utf8.DecodeLastRuneInString(s[:k])
		if !isWordRune(r) {
			break
		}
		k -= n
	}
	if k-i < 2 || k == e || !isLetter(s[k]) || !(s[k-1] == '*' || s[k-1] < utf8.RuneSelf && spaceAt(s, k-1) > 0) {
		return false
	}
	semi := l.finders.closeBrace.index(s, ";", r+1)
	if semi < 0 {
		semi = len(s)
	}
	close := strings.IndexByte(s[r+1:semi], ')')
	if close < 0 {
		return false
	}
	close += r + 1
	brace := strings.IndexAny(s[close+1:semi], "{")
	switch {
	case brace >= 0:
		brace += close + 1
		l.anew(k, lexC)
		l.emit("nf", e)
		l.anew(close+1, lexC)
		l.anew(brace, lexC)
		l.emit("p", brace+1)
		*stack = append(*stack, cFunction)
	case semi < len(s):
		l.anew(k, lexC)
		l.emit("nf", e)
		l.anew(close+1, lexC)
		l.anew(semi, lexC)
		l.emit("p", semi+1)
	default:
		return false
	}
	return true
}

// cEscape is the end of `\\([\\abfnrtv"\']|x[a-fA-F0-9]{2,4}|u[a-fA-F0-9]{4}|U[a-fA-F0-9]{8}|[0-7]{1,3})`
// at i, or 0.
func cEscape(s string, i int) int {
	switch c := byteAt(s, i+1); {
	case c != 0 && strings.IndexByte("\\abfnrtv\"'", c) >= 0:
		return i + 2
	case c == 'x' && hexRun(s, i+2, 2):
		return min(span(s, i+2, isHex), i+6)
	case c == 'u' && hexRun(s, i+2, 4):
		return i + 6
	case c == 'U' && hexRun(s, i+2, 8):
		return i + 10
	case '0' <= c && c <= '7':
		return min(span(s, i+1, func(c byte) bool { return '0' <= c && c <= '7' }), i+4)
	}
	return 0
}

// cChar is the end of `(L?)(')(\\.|\\[0-7]{1,3}|\\x[a-fA-F0-9]{1,2}|[^\\\'\n])(')` at i, or 0.
func cChar(s string, i int) int {
	j := i + b2i(s[i] == 'L')
	if byteAt(s, j) != '\'' {
		return 0
	}
	b := j + 1
	if byteAt(s, b) == '\\' {
		var ends []int
		if b+1 < len(s) && s[b+1] != '\n' {
			ends = append(ends, b+1+runeLen(s, b+1))
		}
		for n := min(span(s, b+1, func(c byte) bool { return '0' <= c && c <= '7' }), b+4); n > b+1; n-- {
			ends = append(ends, n)
		}
		if byteAt(s, b+1) == 'x' {
			for n := min(span(s, b+2, isHex), b+4); n > b+2; n-- {
				ends = append(ends, n)
			}
		}
		for _, e := range ends {
			if byteAt(s, e) == '\'' {
				return e + 1
			}
		}
		return 0
	}
	if b >= len(s) || s[b] == '\'' || s[b] == '\n' {
		return 0
	}
	if e := b + runeLen(s, b); byteAt(s, e) == '\'' {
		return e + 1
	}
	return 0
}

// cStatements lexes by the rules of the statements state, reporting false when none matches.
func cStatements(l *lexer, stack *[]byte) bool {
	s, i := l.src, l.pos
	c := s[i]
	if c == '"' || c == 'L' && byteAt(s, i+1) == '"' {
		l.emit("sa", i+b2i(c == 'L'))
		l.emit("s", l.pos+1)
		*stack = append(*stack, cString)
		return true
	}
	if c == '\'' || c == 'L' && byteAt(s, i+1) == '\'' {
		if e := cChar(s, i); e > 0 {
			l.emit("sa", i+b2i(c == 'L'))
			l.emit("sc", e)
			return true
		}
	}
	if cls, e := cNumber(s, i); e > 0 {
		l.emit(cls, e)
		return true
	}
	switch {
	case strings.HasPrefix(s[i:], "*/"):
		l.emit("err", i+2)
		return true
	case strings.IndexByte("~!%^&*+=|?:<>/-", c) >= 0:
		l.emit("o", i+1)
		return true
	case strings.IndexByte("()[],.", c) >= 0:
		l.emit("p", i+1)
		return true
	}
	if e := wordEnd(s, i); e > i {
		w := s[i:e]
		switch {
		case cKeyword(w):
			l.emit("k", e)
			return true
		case cType(w) || !wordBefore(s, i) && len(w) >= 3 && 'a' <= w[0] && w[0] <= 'z' && strings.HasSuffix(w, "_t"):
			l.emit("kt", e)
			return true
		case cReserved(w):
			l.emit("kr", e)
			return true
		case w == "true" || w == "false" || w == "NULL":
			l.emit("nb", e)
			return true
		}
	}
	if isLetter(c) {
		e := span(s, i, isASCIIWord)
		if wordAt(s, e) > 0 { // `[a-zA-Z_]\w*` goes on in a non-ASCII letter
			e = wordEnd(s, e)
		}
		sp := spaceEnd(s, e)
		if byteAt(s, sp) == ':' && byteAt(s, sp+1) != ':' {
			l.emit("nl", e)
			l.emit("", sp)
			l.emit("p", sp+1)
			return true
		}
		if byteAt(s, sp) == '(' && !wordBefore(s, i) {
			l.emit("nf", e)
			return true
		}
		l.emit("n", e)
		return true
	}
	return false
}

// cNumber is the class and end of the number at i, or 0: the statements' rules for numbers.
func cNumber(s string, i int) (string, int) {
	c := s[i]
	if !isDigit(c) && !(c == '.' && isDigit(byteAt(s, i+1))) {
		return "", 0
	}
	suffix := func(j int) int { return span(s, j, func(c byte) bool { return strings.IndexByte("LlUu", c) >= 0 }) }
	exp := func(j int) int { return exponent(s, j, "eE", false, decimalEnd) } // [eE][+-]?\d+
	d := span(s, i, isDigit)
	// (\d+\.\d*|\.\d+|\d+)[eE][+-]?\d+[LlUu]*
	if byteAt(s, d) == '.' {
		if g := exp(span(s, d+1, isDigit)); g > 0 {
			return "mf", suffix(g)
		}
	}
	if d > i {
		if g := exp(d); g > 0 {
			return "mf", suffix(g)
		}
	}
	// (\d+\.\d*|\.\d+|\d+[fF])[fF]?
	f := -1
	if byteAt(s, d) == '.' && (d > i || isDigit(byteAt(s, d+1))) {
		f = span(s, d+1, isDigit)
	} else if d > i && (byteAt(s, d) == 'f' || byteAt(s, d) == 'F') {
		f = d + 1
	}
	if f > 0 {
		if c := byteAt(s, f); c == 'f' || c == 'F' {
			f++
		}
		return "mf", f
	}
	if c == '0' && byteAt(s, i+1) == 'x' {
		if h := span(s, i+2, isHex); h > i+2 {
			return "mh", suffix(h)
		}
	}
	if c == '0' {
		if o := span(s, i+1, func(c byte) bool { return '0' <= c && c <= '7' }); o > i+1 {
			return "mo", suffix(o)
		}
	}
	return "mi", suffix(d)
}

func cKeyword(w string) bool {
	switch w {
	case "restricted", "volatile", "continue", "register", "default", "typedef", "struct", "extern", "switch", "sizeof",
		"static", "return", "union", "while", "const", "break", "goto", "enum", "else", "case", "auto", "for", "asm", "if", "do":
		return true
	}
	return false
}

// cType reports whether w matches
// `bool|int|long|float|short|double|char((8|16|32)_t)?|unsigned|signed|void|u?int(_fast|_least|)(8|16|32|64)_t`.
func cType(w string) bool {
	switch w {
	case "bool", "int", "long", "float", "short", "double", "char", "char8_t", "char16_t", "char32_t", "unsigned", "signed", "void":
		return true
	}
	w = strings.TrimPrefix(w, "u")
	if !strings.HasPrefix(w, "int") || !strings.HasSuffix(w, "_t") {
		return false
	}
	w = strings.TrimSuffix(strings.TrimPrefix(w, "int"), "_t")
	w = strings.TrimPrefix(strings.TrimPrefix(w, "_fast"), "_least")
	return w == "8" || w == "16" || w == "32" || w == "64"
}

func cReserved(w string) bool {
	switch w {
	case "typename", "__inline", "restrict", "_inline", "thread", "inline", "naked",
		"__m128i", "__m128d", "__m128", "__m64":
		return true
	}
	switch strings.TrimPrefix(w, "__") {
	case "forceinline", "identifier", "unaligned", "declspec", "fastcall", "finally", "stdcall", "wchar_t", "assume", "except",
		"int32", "cdecl", "int16", "leave", "based", "raise", "int64", "noop", "int8", "w64", "try", "asm":
		return strings.HasPrefix(w, "__")
	}
	return false
}
