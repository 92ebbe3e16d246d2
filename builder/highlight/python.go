package highlight

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The states of chroma's Python lexer (lexers/embedded/python.xml) that this lexer keeps on its
// stack; a string's state says how it is quoted and escaped.
const (
	pyRoot = iota
	pyFuncname
	pyClassname
	pyFromImport
	pyImport
	pyString
	pyFExpr      // expr-inside-fstring
	pyFExprInner // expr-inside-fstring-inner
)

// The escapes a string's state combines with its own rules.
const (
	pyEscNone     = iota // r"…", rb"…"
	pyEscString          // stringescape: "…", b"…", u"…"
	pyEscFString         // fstringescape: f"…"
	pyEscRFString        // rfstringescape: rf"…"
)

type pyState struct {
	kind   byte
	quote  byte // of a string
	triple bool
	esc    byte
}

type pyWord uint16

const (
	pyKeyword pyWord = 1 << iota
	pyConstant
	pyExprKeyword
	pyBuiltin
	pyPseudo
	pyException
	pyMagicFunc
	pyMagicVar
)

// lexPython follows chroma's Python lexer rule by rule, its states on a stack.
func lexPython(l *lexer) {
	s := l.src
	stack := []pyState{{kind: pyRoot}}
	for l.pos < len(s) {
		i := l.pos
		c := s[i]
		top := &stack[len(stack)-1]
		pop := func() { stack = stack[:len(stack)-1] }
		push := func(st pyState) { stack = append(stack, st) }
		matched := true
		switch top.kind {
		case pyRoot:
			matched = pyRootRule(l, &stack)
		case pyFuncname:
			if e := wordEnd(s, i); e > i && pyWords()[s[i:e]]&pyMagicFunc != 0 {
				l.emit("fm", e)
				break
			}
			if e := pyNameEnd(s, i); e > i {
				l.emit("nf", e)
			}
			pop()
		case pyClassname:
			if e := pyNameEnd(s, i); e > i {
				l.emit("nc", e)
				pop()
			} else {
				matched = false
			}
		case pyFromImport:
			if j := spaceEnd(s, i); j > i && strings.HasPrefix(s[j:], "import") && boundary(s, j+6) {
				l.emit("", j)
				l.emit("kn", j+6)
				pop()
			} else if c == '.' {
				l.emit("nn", i+1)
			} else if strings.HasPrefix(s[i:], "None") && boundary(s, i+4) {
				l.emit("bp", i+4)
				pop()
			} else if e := pyNameEnd(s, i); e > i {
				l.emit("nn", e)
			} else {
				pop()
			}
		case pyImport:
			j := spaceEnd(s, i)
			switch {
			case j > i && strings.HasPrefix(s[j:], "as") && spaceAt(s, j+2) > 0:
				l.emit("", j)
				l.emit("k", j+2)
				l.emit("", spaceEnd(s, j+2))
			case c == '.':
				l.emit("nn", i+1)
			case pyNameEnd(s, i) > i:
				l.emit("nn", pyNameEnd(s, i))
			case byteAt(s, j) == ',':
				l.emit("", j)
				l.emit("o", j+1)
				l.emit("", spaceEnd(s, j+1))
			default:
				pop()
			}
		case pyString:
			if st := *top; !pyStringRule(l, st, &stack) {
				matched = false
			}
		case pyFExpr:
			switch {
			case c == '{' || c == '(' || c == '[':
				l.emit("p", i+1)
				push(pyState{kind: pyFExprInner})
			case pyFExprEnd(s, i) > 0:
				l.emit("si", pyFExprEnd(s, i))
				pop()
			case spaceAt(s, i) > 0:
				l.emit("", spaceEnd(s, i))
			default:
				matched = pyExpr(l, &stack)
			}
		case pyFExprInner:
			switch {
			case c == '{' || c == '(' || c == '[':
				l.emit("p", i+1)
				push(pyState{kind: pyFExprInner})
			case c == '}' || c == ')' || c == ']':
				l.emit("p", i+1)
				pop()
			case spaceAt(s, i) > 0:
				l.emit("", spaceEnd(s, i))
			default:
				matched = pyExpr(l, &stack)
			}
		}
		if !matched {
			if c == '\n' && top.kind != pyRoot {
				stack = stack[:1]
				continue
			}
			l.errRune()
		}
	}
}

// pyRootRule lexes by the rules of the root state.
func pyRootRule(l *lexer, stack *[]pyState) bool {
	s, i := l.src, l.pos
	c := s[i]
	switch {
	case c == '\n':
		l.emit("", i+1)
		return true
	case i == 0 || s[i-1] == '\n':
		if e := pyDocstring(l, i); e > 0 {
			return true
		}
	}
	switch {
	case i == 0 && strings.HasPrefix(s, "#!") && lineEnd(s, 0) > 2:
		l.emit("ch", lineEnd(s, 0))
		return true
	case c == '#':
		l.emit("c1", lineEnd(s, i))
		return true
	case c == '\\':
		l.emit("", i+1+b2i(byteAt(s, i+1) == '\n'))
		return true
	}
	if isLetter(c) {
		if strings.HasPrefix(s[i:], "yield from") && boundary(s, i+10) {
			l.emit("k", i+10)
			return true
		}
		e := wordEnd(s, i)
		w := s[i:e]
		if k := pyWords()[w]; k&pyKeyword != 0 {
			l.emit("k", e)
			return true
		} else if k&pyConstant != 0 {
			l.emit("kc", e)
			return true
		}
		for _, d := range [...]struct {
			word, cls string
			state     byte
		}{{"def", "k", pyFuncname}, {"class", "k", pyClassname}, {"from", "kn", pyFromImport}, {"import", "kn", pyImport}} {
			if strings.HasPrefix(s[i:], d.word) {
				if j := pySpaces(s, i+len(d.word)); j > i+len(d.word) {
					l.emit(d.cls, i+len(d.word))
					l.emit("", j)
					*stack = append(*stack, pyState{kind: d.state})
					return true
				}
			}
		}
	}
	return pyExpr(l, stack)
}

// pySpaces is the end of `(?:\s|\\\s)*` at i.
func pySpaces(s string, i int) int {
	for {
		if n := spaceAt(s, i); n > 0 {
			i += n
		} else if byteAt(s, i) == '\\' && spaceAt(s, i+1) > 0 {
			i += 1 + spaceAt(s, i+1)
		} else {
			return i
		}
	}
}

// pyDocstring lexes `^(\s*)([rRuUbB]{,2})("""(?:.|\n)*?""")` and its ”' twin at i, if they
// match: in chroma's regular expressions `{,2}` is no quantifier but the text "{,2}".
func pyDocstring(l *lexer, i int) int {
	s := l.src
	j := l.spaceRun(i)
	if strings.IndexByte("rRuUbB", byteAt(s, j)) < 0 || byteAt(s, j) == 0 || !strings.HasPrefix(s[j+1:], "{,2}") {
		return 0
	}
	q := j + 5
	for _, t := range []struct {
		quote string
		f     *finder
	}{{`"""`, &l.finders.tripleDouble}, {`'''`, &l.finders.tripleSingle}} {
		if strings.HasPrefix(s[q:], t.quote) {
			if k := t.f.index(s, t.quote, q+3); k >= 0 {
				l.emit("", j)
				l.emit("sa", q)
				l.emit("sd", k+3)
				return k + 3
			}
		}
	}
	return 0
}

// pyExpr lexes by the rules of the expr state; it reports false when none matches.
func pyExpr(l *lexer, stack *[]pyState) bool {
	s, i := l.src, l.pos
	c := s[i]
	if st, p, ok := pyStringStart(s, i); ok {
		l.emit("sa", i+p)
		n := 1
		if st.triple {
			n = 3
		}
		l.emit(pyStringClass(st.quote), i+p+n)
		*stack = append(*stack, st)
		return true
	}
	if c != '\n' && spaceAt(s, i) > 0 {
		e := i
		for e < len(s) && s[e] != '\n' && spaceAt(s, e) > 0 {
			e += spaceAt(s, e)
		}
		l.emit("", e)
		return true
	}
	if cls, e := pyNumber(s, i); e > 0 {
		l.emit(cls, e)
		return true
	}
	switch {
	case strings.HasPrefix(s[i:], "!=") || strings.HasPrefix(s[i:], "==") || strings.HasPrefix(s[i:], "<<") ||
		strings.HasPrefix(s[i:], ">>") || strings.HasPrefix(s[i:], ":="):
		l.emit("o", i+2)
		return true
	case strings.IndexByte("-~+/*%=<>&^|.", c) >= 0:
		l.emit("o", i+1)
		return true
	case strings.IndexByte("]{}:(),;[", c) >= 0:
		l.emit("p", i+1)
		return true
	}
	if isLetter(c) || c >= utf8.RuneSelf {
		if strings.HasPrefix(s[i:], "yield from") && boundary(s, i+10) || strings.HasPrefix(s[i:], "async for") && boundary(s, i+9) {
			l.emit("k", i+9+b2i(c == 'y'))
			return true
		}
		e := wordEnd(s, i)
		w := s[i:e]
		k := pyWords()[w]
		afterDot := i > 0 && s[i-1] == '.'
		switch {
		case w == "in" || w == "is" || w == "and" || w == "or" || w == "not":
			l.emit("ow", e)
			return true
		case k&pyExprKeyword != 0:
			l.emit("k", e)
			return true
		case k&pyConstant != 0:
			l.emit("kc", e)
			return true
		case k&pyBuiltin != 0 && !afterDot:
			l.emit("nb", e)
			return true
		case k&pyPseudo != 0 && !afterDot:
			l.emit("bp", e)
			return true
		case k&pyException != 0 && !afterDot:
			l.emit("ne", e)
			return true
		case k&pyMagicFunc != 0:
			l.emit("fm", e)
			return true
		case k&pyMagicVar != 0:
			l.emit("vm", e)
			return true
		}
	}
	if c == '@' {
		if e := pyNameEnd(s, i+1); e > i+1 {
			for {
				k := spaceEnd(s, e)
				if byteAt(s, k) != '.' {
					break
				}
				m := spaceEnd(s, k+1)
				n := pyNameEnd(s, m)
				if n == m {
					break
				}
				e = n
			}
			l.emit("nd", e)
		} else {
			l.emit("o", i+1)
		}
		return true
	}
	if e := pyNameEnd(s, i); e > i {
		l.emit("n", e)
		return true
	}
	return false
}

// pyNameEnd is the end of `[_\p{L}][_\p{L}\p{N}]*` at i, or i.
func pyNameEnd(s string, i int) int {
	start := i
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if isLetter(c) || i > start && isDigit(c) {
				i++
				continue
			}
			return i
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !(i > start && unicode.IsNumber(r)) {
			return i
		}
		i += n
	}
	return i
}

// pyStringStart reports the string that opens at i, if one does: its state and the length of
// its prefix.
func pyStringStart(s string, i int) (pyState, int, bool) {
	p := 0
	for p < 2 && strings.IndexByte("rRfFbBuU", byteAt(s, i+p)) >= 0 && byteAt(s, i+p) != 0 {
		p++
	}
	for ; p >= 0; p-- {
		q := byteAt(s, i+p)
		if q != '"' && q != '\'' {
			continue
		}
		st := pyState{kind: pyString, quote: q, triple: strings.HasPrefix(s[i+p:], strings.Repeat(string(q), 3))}
		switch pre := strings.ToLower(s[i : i+p]); pre {
		case "rf", "fr":
			st.esc = pyEscRFString
		case "f":
			st.esc = pyEscFString
		case "rb", "br", "r":
			st.esc = pyEscNone
		case "", "u", "b":
			st.esc = pyEscString
		default:
			return pyState{}, 0, false
		}
		return st, p, true
	}
	return pyState{}, 0, false
}

func pyStringClass(q byte) string {
	if q == '"' {
		return "s2"
	}
	return "s1"
}

func (st pyState) fstring() bool { return st.esc == pyEscFString || st.esc == pyEscRFString }

// pyStringRule lexes by the rules of a string's state: its escapes, its end, its body.
func pyStringRule(l *lexer, st pyState, stack *[]pyState) bool {
	s, i := l.src, l.pos
	c := s[i]
	cls := pyStringClass(st.quote)
	if st.fstring() && (strings.HasPrefix(s[i:], "{{") || strings.HasPrefix(s[i:], "}}")) {
		l.emit("se", i+2)
		return true
	}
	if c == '\\' && (st.esc == pyEscString || st.esc == pyEscFString) {
		if e := pyEscape(l, i); e > 0 {
			l.emit("se", e)
			return true
		}
	}
	if st.triple {
		if strings.HasPrefix(s[i:], strings.Repeat(string(st.quote), 3)) {
			l.emit(cls, i+3)
			*stack = (*stack)[:len(*stack)-1]
			return true
		}
	} else {
		if c == st.quote {
			l.emit(cls, i+1)
			*stack = (*stack)[:len(*stack)-1]
			return true
		}
		if c == '\\' {
			if d := byteAt(s, i+1); d == '\\' || d == st.quote || d == '\n' {
				l.emit("se", i+2)
				return true
			}
		}
	}
	if st.fstring() {
		switch c {
		case '}':
			l.emit("si", i+1)
			return true
		case '{':
			l.emit("si", i+1)
			*stack = append(*stack, pyState{kind: pyFExpr})
			return true
		case '\\', '\'', '"':
			l.emit(cls, i+1)
			return true
		case '\n':
		default:
			l.emit(cls, pySpan(s, i, "\\'\"{}\n"))
			return true
		}
	} else {
		switch c {
		case '%':
			if e := pyPercent(s, i); e > 0 {
				l.emit("si", e)
			} else {
				l.emit(cls, i+1)
			}
			return true
		case '{':
			if e := pyFormat(l, i); e > 0 {
				l.emit("si", e)
			} else {
				l.emit(cls, i+1+b2i(byteAt(s, i+1) == '{'))
			}
			return true
		case '\\', '\'', '"':
			l.emit(cls, i+1)
			return true
		case '\n':
		default:
			l.emit(cls, pySpan(s, i, "\\'\"%{\n"))
			return true
		}
	}
	if st.triple && c == '\n' {
		l.emit(cls, i+1)
		return true
	}
	return false
}

// pySpan is the end of the run of bytes at i that are none of stop.
func pySpan(s string, i int, stop string) int {
	for i < len(s) && strings.IndexByte(stop, s[i]) < 0 {
		i++
	}
	return i
}

// pyEscape is the end of stringescape's
// `\\([\\abfnrtv"']|\n|N\{.*?\}|u[a-fA-F0-9]{4}|U[a-fA-F0-9]{8}|x[a-fA-F0-9]{2}|[0-7]{1,3})` at i, or 0.
func pyEscape(l *lexer, i int) int {
	s := l.src
	c := byteAt(s, i+1)
	switch {
	case c != 0 && strings.IndexByte("\\abfnrtv\"'\n", c) >= 0:
		return i + 2
	case c == 'N' && byteAt(s, i+2) == '{':
		if k := l.finders.closeBrace.index(s, "}", i+3); k >= 0 && k < l.finders.newline.index(s, "\n", i+3) {
			return k + 1
		}
	case c == 'u' && hexRun(s, i+2, 4):
		return i + 6
	case c == 'U' && hexRun(s, i+2, 8):
		return i + 10
	case c == 'x' && hexRun(s, i+2, 2):
		return i + 4
	case '0' <= c && c <= '7':
		e := span(s, i+1, func(c byte) bool { return '0' <= c && c <= '7' })
		return min(e, i+4)
	}
	return 0
}

// pyPercent is the end of `%(\(\w+\))?[-#0 +]*([0-9]+|[*])?(\.([0-9]+|[*]))?[hlL]?[E-GXc-giorsaux%]`
// at i, or 0.
func pyPercent(s string, i int) int {
	j := i + 1
	if byteAt(s, j) == '(' {
		if e := wordEnd(s, j+1); e > j+1 && byteAt(s, e) == ')' {
			j = e + 1
		}
	}
	j = span(s, j, func(c byte) bool { return strings.IndexByte("-#0 +", c) >= 0 })
	if byteAt(s, j) == '*' {
		j++
	} else {
		j = span(s, j, isDigit)
	}
	if byteAt(s, j) == '.' {
		if byteAt(s, j+1) == '*' {
			j += 2
		} else if e := span(s, j+1, isDigit); e > j+1 {
			j = e
		}
	}
	if c := byteAt(s, j); c == 'h' || c == 'l' || c == 'L' {
		if d := byteAt(s, j+1); d != 0 && strings.IndexByte("EFGXcdefgiorsaux%", d) >= 0 {
			return j + 2
		}
	}
	if c := byteAt(s, j); c != 0 && strings.IndexByte("EFGXcdefgiorsaux%", c) >= 0 {
		return j + 1
	}
	return 0
}

// pyFormat is the end of the format field
// `\{((\w+)((\.\w+)|(\[[^\]]+\]))*)?(\![sra])?(\:(.?[<>=\^])?[-+ ]?#?0?(\d+)?,?(\.\d+)?[E-GXb-gnosx%]?)?\}`
// at i, or 0.
func pyFormat(l *lexer, i int) int {
	s := l.src
	j := i + 1
	if e := wordEnd(s, j); e > j {
		j = e
		for {
			if byteAt(s, j) == '.' && wordEnd(s, j+1) > j+1 {
				j = wordEnd(s, j+1)
			} else if byteAt(s, j) == '[' && byteAt(s, j+1) != ']' && j+1 < len(s) {
				k := l.finders.bracket.index(s, "]", j+1)
				if k < 0 {
					break
				}
				j = k + 1
			} else {
				break
			}
		}
	}
	if byteAt(s, j) == '!' && strings.IndexByte("sra", byteAt(s, j+1)) >= 0 && byteAt(s, j+1) != 0 {
		j += 2
	}
	if byteAt(s, j) == '}' {
		return j + 1
	}
	if byteAt(s, j) != ':' {
		return 0
	}
	align := func(c byte) bool { return c != 0 && strings.IndexByte("<>=^", c) >= 0 }
	rest := func(k int) int { // [-+ ]?#?0?(\d+)?,?(\.\d+)?[E-GXb-gnosx%]?\}
		if c := byteAt(s, k); c == '-' || c == '+' || c == ' ' {
			k++
		}
		if byteAt(s, k) == '#' {
			k++
		}
		k = span(s, k, isDigit)
		if byteAt(s, k) == ',' {
			k++
		}
		if byteAt(s, k) == '.' && isDigit(byteAt(s, k+1)) {
			k = span(s, k+1, isDigit)
		}
		if c := byteAt(s, k); c != 0 && strings.IndexByte("EFGXbcdefgnosx%", c) >= 0 {
			k++
		}
		if byteAt(s, k) == '}' {
			return k + 1
		}
		return 0
	}
	k := j + 1
	if r := runeLen(s, k); k < len(s) && s[k] != '\n' && align(byteAt(s, k+r)) {
		if e := rest(k + r + 1); e > 0 {
			return e
		}
	}
	if align(byteAt(s, k)) {
		if e := rest(k + 1); e > 0 {
			return e
		}
	}
	return rest(k)
}

// pyFExprEnd is the end of `(=\s*)?(\![sraf])?[}:]` at i, or 0.
func pyFExprEnd(s string, i int) int {
	j := i
	if byteAt(s, j) == '=' {
		j = spaceEnd(s, j+1)
	}
	for _, k := range []int{j, i} { // with the `=\s*`, then without
		if byteAt(s, k) == '!' && byteAt(s, k+1) != 0 && strings.IndexByte("sraf", byteAt(s, k+1)) >= 0 {
			if c := byteAt(s, k+2); c == '}' || c == ':' {
				return k + 3
			}
		}
		if c := byteAt(s, k); c == '}' || c == ':' {
			return k + 1
		}
	}
	return 0
}

// pyDigits is the end of `\d(?:_?\d)*` at i, or i.
func pyDigits(s string, i int) int {
	if !isDigit(byteAt(s, i)) {
		return i
	}
	for i++; ; {
		if isDigit(byteAt(s, i)) {
			i++
		} else if byteAt(s, i) == '_' && isDigit(byteAt(s, i+1)) {
			i += 2
		} else {
			return i
		}
	}
}

// pyNumber is the class and end of the number at i, or 0: the rules of the numbers state in order.
func pyNumber(s string, i int) (string, int) {
	c := s[i]
	if !isDigit(c) && !(c == '.' && isDigit(byteAt(s, i+1))) {
		return "", 0
	}
	exp := func(j int) int { return exponent(s, j, "eE", false, pyDigits) } // [eE][+-]?\d(?:_?\d)*
	d := pyDigits(s, i)
	if byteAt(s, d) == '.' { // \d…\.(\d…)? or \.\d…
		f := pyDigits(s, d+1)
		if d == i && f == d+1 {
			return "", 0
		}
		if e := exp(f); e > 0 {
			return "mf", e
		}
		return "mf", f
	}
	if e := exp(d); e > 0 {
		if byteAt(s, e) == 'j' {
			e++
		}
		return "mf", e
	}
	isOct := func(c byte) bool { return '0' <= c && c <= '7' }
	isBin := func(c byte) bool { return c == '0' || c == '1' }
	if c == '0' {
		for _, b := range []struct {
			letter byte
			digit  func(byte) bool
			cls    string
		}{{'o', isOct, "mo"}, {'b', isBin, "mb"}, {'x', isHex, "mh"}} {
			if l := byteAt(s, i+1); l == b.letter || l == b.letter-'a'+'A' {
				j := i + 2
				for {
					if b.digit(byteAt(s, j)) {
						j++
					} else if byteAt(s, j) == '_' && b.digit(byteAt(s, j+1)) {
						j += 2
					} else {
						break
					}
				}
				if j > i+2 {
					return b.cls, j
				}
			}
		}
	}
	return "mi", d
}

// pyWords are the words of chroma's Python lexer's word lists (keywords, builtins, magic names),
// each with the lists it is in; made on first use, for a command that lexes no Python not to.
var pyWords = sync.OnceValue(func() map[string]pyWord {
	return map[string]pyWord{
		"ArithmeticError":           pyException,
		"AssertionError":            pyException,
		"AttributeError":            pyException,
		"BaseException":             pyException,
		"BlockingIOError":           pyException,
		"BrokenPipeError":           pyException,
		"BufferError":               pyException,
		"BytesWarning":              pyException,
		"ChildProcessError":         pyException,
		"ConnectionAbortedError":    pyException,
		"ConnectionError":           pyException,
		"ConnectionRefusedError":    pyException,
		"ConnectionResetError":      pyException,
		"DeprecationWarning":        pyException,
		"EOFError":                  pyException,
		"Ellipsis":                  pyPseudo,
		"EnvironmentError":          pyException,
		"Exception":                 pyException,
		"False":                     pyConstant,
		"FileExistsError":           pyException,
		"FileNotFoundError":         pyException,
		"FloatingPointError":        pyException,
		"FutureWarning":             pyException,
		"GeneratorExit":             pyException,
		"IOError":                   pyException,
		"ImportError":               pyException,
		"ImportWarning":             pyException,
		"IndentationError":          pyException,
		"IndexError":                pyException,
		"InterruptedError":          pyException,
		"IsADirectoryError":         pyException,
		"KeyError":                  pyException,
		"KeyboardInterrupt":         pyException,
		"LookupError":               pyException,
		"MemoryError":               pyException,
		"ModuleNotFoundError":       pyException,
		"NameError":                 pyException,
		"None":                      pyConstant,
		"NotADirectoryError":        pyException,
		"NotImplemented":            pyPseudo,
		"NotImplementedError":       pyException,
		"OSError":                   pyException,
		"OverflowError":             pyException,
		"PendingDeprecationWarning": pyException,
		"PermissionError":           pyException,
		"ProcessLookupError":        pyException,
		"RecursionError":            pyException,
		"ReferenceError":            pyException,
		"ResourceWarning":           pyException,
		"RuntimeError":              pyException,
		"RuntimeWarning":            pyException,
		"StopAsyncIteration":        pyException,
		"StopIteration":             pyException,
		"SyntaxError":               pyException,
		"SyntaxWarning":             pyException,
		"SystemError":               pyException,
		"SystemExit":                pyException,
		"TabError":                  pyException,
		"TimeoutError":              pyException,
		"True":                      pyConstant,
		"TypeError":                 pyException,
		"UnboundLocalError":         pyException,
		"UnicodeDecodeError":        pyException,
		"UnicodeEncodeError":        pyException,
		"UnicodeError":              pyException,
		"UnicodeTranslateError":     pyException,
		"UnicodeWarning":            pyException,
		"UserWarning":               pyException,
		"VMSError":                  pyException,
		"ValueError":                pyException,
		"Warning":                   pyException,
		"WindowsError":              pyException,
		"ZeroDivisionError":         pyException,
		"__abs__":                   pyMagicFunc,
		"__add__":                   pyMagicFunc,
		"__aenter__":                pyMagicFunc,
		"__aexit__":                 pyMagicFunc,
		"__aiter__":                 pyMagicFunc,
		"__and__":                   pyMagicFunc,
		"__anext__":                 pyMagicFunc,
		"__annotations__":           pyMagicVar,
		"__await__":                 pyMagicFunc,
		"__bases__":                 pyMagicVar,
		"__bool__":                  pyMagicFunc,
		"__bytes__":                 pyMagicFunc,
		"__call__":                  pyMagicFunc,
		"__class__":                 pyMagicVar,
		"__closure__":               pyMagicVar,
		"__code__":                  pyMagicVar,
		"__complex__":               pyMagicFunc,
		"__contains__":              pyMagicFunc,
		"__defaults__":              pyMagicVar,
		"__del__":                   pyMagicFunc,
		"__delattr__":               pyMagicFunc,
		"__delete__":                pyMagicFunc,
		"__delitem__":               pyMagicFunc,
		"__dict__":                  pyMagicVar,
		"__dir__":                   pyMagicFunc,
		"__divmod__":                pyMagicFunc,
		"__doc__":                   pyMagicVar,
		"__enter__":                 pyMagicFunc,
		"__eq__":                    pyMagicFunc,
		"__exit__":                  pyMagicFunc,
		"__file__":                  pyMagicVar,
		"__float__":                 pyMagicFunc,
		"__floordiv__":              pyMagicFunc,
		"__format__":                pyMagicFunc,
		"__func__":                  pyMagicVar,
		"__ge__":                    pyMagicFunc,
		"__get__":                   pyMagicFunc,
		"__getattr__":               pyMagicFunc,
		"__getattribute__":          pyMagicFunc,
		"__getitem__":               pyMagicFunc,
		"__globals__":               pyMagicVar,
		"__gt__":                    pyMagicFunc,
		"__hash__":                  pyMagicFunc,
		"__iadd__":                  pyMagicFunc,
		"__iand__":                  pyMagicFunc,
		"__ifloordiv__":             pyMagicFunc,
		"__ilshift__":               pyMagicFunc,
		"__imatmul__":               pyMagicFunc,
		"__imod__":                  pyMagicFunc,
		"__import__":                pyBuiltin,
		"__imul__":                  pyMagicFunc,
		"__index__":                 pyMagicFunc,
		"__init__":                  pyMagicFunc,
		"__instancecheck__":         pyMagicFunc,
		"__int__":                   pyMagicFunc,
		"__invert__":                pyMagicFunc,
		"__ior__":                   pyMagicFunc,
		"__ipow__":                  pyMagicFunc,
		"__irshift__":               pyMagicFunc,
		"__isub__":                  pyMagicFunc,
		"__iter__":                  pyMagicFunc,
		"__itruediv__":              pyMagicFunc,
		"__ixor__":                  pyMagicFunc,
		"__kwdefaults__":            pyMagicVar,
		"__le__":                    pyMagicFunc,
		"__len__":                   pyMagicFunc,
		"__length_hint__":           pyMagicFunc,
		"__lshift__":                pyMagicFunc,
		"__lt__":                    pyMagicFunc,
		"__matmul__":                pyMagicFunc,
		"__missing__":               pyMagicFunc,
		"__mod__":                   pyMagicFunc,
		"__module__":                pyMagicVar,
		"__mro__":                   pyMagicVar,
		"__mul__":                   pyMagicFunc,
		"__name__":                  pyMagicVar,
		"__ne__":                    pyMagicFunc,
		"__neg__":                   pyMagicFunc,
		"__new__":                   pyMagicFunc,
		"__next__":                  pyMagicFunc,
		"__objclass__":              pyMagicVar,
		"__or__":                    pyMagicFunc,
		"__pos__":                   pyMagicFunc,
		"__pow__":                   pyMagicFunc,
		"__prepare__":               pyMagicFunc,
		"__qualname__":              pyMagicVar,
		"__radd__":                  pyMagicFunc,
		"__rand__":                  pyMagicFunc,
		"__rdivmod__":               pyMagicFunc,
		"__repr__":                  pyMagicFunc,
		"__reversed__":              pyMagicFunc,
		"__rfloordiv__":             pyMagicFunc,
		"__rlshift__":               pyMagicFunc,
		"__rmatmul__":               pyMagicFunc,
		"__rmod__":                  pyMagicFunc,
		"__rmul__":                  pyMagicFunc,
		"__ror__":                   pyMagicFunc,
		"__round__":                 pyMagicFunc,
		"__rpow__":                  pyMagicFunc,
		"__rrshift__":               pyMagicFunc,
		"__rshift__":                pyMagicFunc,
		"__rsub__":                  pyMagicFunc,
		"__rtruediv__":              pyMagicFunc,
		"__rxor__":                  pyMagicFunc,
		"__self__":                  pyMagicVar,
		"__set__":                   pyMagicFunc,
		"__setattr__":               pyMagicFunc,
		"__setitem__":               pyMagicFunc,
		"__slots__":                 pyMagicVar,
		"__str__":                   pyMagicFunc,
		"__sub__":                   pyMagicFunc,
		"__subclasscheck__":         pyMagicFunc,
		"__truediv__":               pyMagicFunc,
		"__weakref__":               pyMagicVar,
		"__xor__":                   pyMagicFunc,
		"abs":                       pyBuiltin,
		"all":                       pyBuiltin,
		"any":                       pyBuiltin,
		"as":                        pyKeyword,
		"assert":                    pyKeyword,
		"async":                     pyKeyword,
		"await":                     pyKeyword | pyExprKeyword,
		"bin":                       pyBuiltin,
		"bool":                      pyBuiltin,
		"break":                     pyKeyword,
		"bytearray":                 pyBuiltin,
		"bytes":                     pyBuiltin,
		"case":                      pyKeyword,
		"chr":                       pyBuiltin,
		"classmethod":               pyBuiltin,
		"cls":                       pyPseudo,
		"compile":                   pyBuiltin,
		"complex":                   pyBuiltin,
		"continue":                  pyKeyword,
		"del":                       pyKeyword,
		"delattr":                   pyBuiltin,
		"dict":                      pyBuiltin,
		"dir":                       pyBuiltin,
		"divmod":                    pyBuiltin,
		"elif":                      pyKeyword,
		"else":                      pyKeyword | pyExprKeyword,
		"enumerate":                 pyBuiltin,
		"eval":                      pyBuiltin,
		"except":                    pyKeyword,
		"filter":                    pyBuiltin,
		"finally":                   pyKeyword,
		"float":                     pyBuiltin,
		"for":                       pyKeyword | pyExprKeyword,
		"format":                    pyBuiltin,
		"frozenset":                 pyBuiltin,
		"getattr":                   pyBuiltin,
		"global":                    pyKeyword,
		"globals":                   pyBuiltin,
		"hasattr":                   pyBuiltin,
		"hash":                      pyBuiltin,
		"hex":                       pyBuiltin,
		"id":                        pyBuiltin,
		"if":                        pyKeyword | pyExprKeyword,
		"input":                     pyBuiltin,
		"int":                       pyBuiltin,
		"isinstance":                pyBuiltin,
		"issubclass":                pyBuiltin,
		"iter":                      pyBuiltin,
		"lambda":                    pyKeyword | pyExprKeyword,
		"len":                       pyBuiltin,
		"list":                      pyBuiltin,
		"locals":                    pyBuiltin,
		"map":                       pyBuiltin,
		"match":                     pyKeyword,
		"max":                       pyBuiltin,
		"memoryview":                pyBuiltin,
		"min":                       pyBuiltin,
		"next":                      pyBuiltin,
		"nonlocal":                  pyKeyword,
		"object":                    pyBuiltin,
		"oct":                       pyBuiltin,
		"open":                      pyBuiltin,
		"ord":                       pyBuiltin,
		"pass":                      pyKeyword,
		"pow":                       pyBuiltin,
		"print":                     pyBuiltin,
		"property":                  pyBuiltin,
		"raise":                     pyKeyword,
		"range":                     pyBuiltin,
		"repr":                      pyBuiltin,
		"return":                    pyKeyword,
		"reversed":                  pyBuiltin,
		"round":                     pyBuiltin,
		"self":                      pyPseudo,
		"set":                       pyBuiltin,
		"setattr":                   pyBuiltin,
		"slice":                     pyBuiltin,
		"sorted":                    pyBuiltin,
		"staticmethod":              pyBuiltin,
		"str":                       pyBuiltin,
		"sum":                       pyBuiltin,
		"super":                     pyBuiltin,
		"try":                       pyKeyword,
		"tuple":                     pyBuiltin,
		"type":                      pyBuiltin,
		"vars":                      pyBuiltin,
		"while":                     pyKeyword,
		"with":                      pyKeyword,
		"yield":                     pyKeyword | pyExprKeyword,
		"zip":                       pyBuiltin,
	}
})
