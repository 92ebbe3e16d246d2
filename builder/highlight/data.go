package highlight

import "strings"

// lexTOML follows chroma's TOML lexer (lexers/embedded/toml.xml): one state, rule by rule.
func lexTOML(l *lexer) {
	s := l.src
	for l.pos < len(s) {
		i := l.pos
		c := s[i]
		switch {
		case spaceAt(s, i) > 0:
			l.emit("", spaceEnd(s, i))
		case c == '#':
			l.emit("c", lineEnd(s, i))
		case (strings.HasPrefix(s[i:], "true") || strings.HasPrefix(s[i:], "false")) && boundary(s, i+4+b2i(c == 'f')):
			l.emit("kc", i+4+b2i(c == 'f'))
		case tomlDate(s, i) > 0:
			l.emit("ld", tomlDate(s, i))
		case tomlNumber(s, i) > 0:
			e := tomlNumber(s, i)
			if byteAt(s, e) == '.' && isDigit(byteAt(s, e+1)) {
				l.emit("mf", span(s, e+1, isDigit))
			} else {
				l.emit("mi", e)
			}
		case c == '"' && quoted(s, i, '"') > 0:
			l.emit("s2", quoted(s, i, '"'))
		case c == '\'' && quoted(s, i, '\'') > 0:
			l.emit("s1", quoted(s, i, '\''))
		case strings.IndexByte(".,=[]{}", c) >= 0:
			l.emit("p", i+1)
		case isASCIIWord(c) || c == '-':
			l.emit("nx", span(s, i, func(c byte) bool { return isASCIIWord(c) || c == '-' }))
		default:
			l.errRune()
		}
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// tomlNumber is the end of `[+-]?[0-9](_?\d)*` at i, or 0.
func tomlNumber(s string, i int) int {
	j := i
	if c := byteAt(s, j); c == '+' || c == '-' {
		j++
	}
	if !isDigit(byteAt(s, j)) {
		return 0
	}
	for j++; ; {
		if isDigit(byteAt(s, j)) {
			j++
		} else if byteAt(s, j) == '_' && isDigit(byteAt(s, j+1)) {
			j += 2
		} else {
			return j
		}
	}
}

// tomlDate is the end of `\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d\+)?(Z|[+-]\d{2}:\d{2})` at i, or 0.
func tomlDate(s string, i int) int {
	const shape = "dddd-dd-ddTdd:dd:dd"
	if len(s)-i < len(shape) {
		return 0
	}
	for k := 0; k < len(shape); k++ {
		if c := s[i+k]; shape[k] == 'd' && !isDigit(c) || shape[k] != 'd' && shape[k] != c {
			return 0
		}
	}
	j := i + len(shape)
	if byteAt(s, j) == '.' && isDigit(byteAt(s, j+1)) && byteAt(s, j+2) == '+' { // chroma's `\+`, a literal plus
		j += 3
	}
	switch byteAt(s, j) {
	case 'Z':
		return j + 1
	case '+', '-':
		if len(s)-j >= 6 && isDigit(s[j+1]) && isDigit(s[j+2]) && s[j+3] == ':' && isDigit(s[j+4]) && isDigit(s[j+5]) {
			return j + 6
		}
	}
	return 0
}

// lexJSON follows chroma's JSON lexer (lexers/embedded/json.xml): its states are a stack of
// objects ('{', and ':' once a key is read) and arrays ('[').
func lexJSON(l *lexer) {
	s := l.src
	var stack []byte
	for l.pos < len(s) {
		i := l.pos
		c := s[i]
		top := byte(0)
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		switch {
		case spaceAt(s, i) > 0:
			l.emit("", spaceEnd(s, i))
			continue
		case strings.HasPrefix(s[i:], "//") && strings.IndexByte(s[i:], '\n') >= 0:
			if top != '{' { // in objectvalue, whitespace and comments come first; elsewhere values do, which a comment is not
				l.emit("c1", lineEnd(s, i)+1)
				continue
			}
		}
		if top == '{' { // objectvalue: a key, or the end
			switch {
			case strings.HasPrefix(s[i:], "//") && strings.IndexByte(s[i:], '\n') >= 0:
				l.emit("c1", lineEnd(s, i)+1)
			case c == '"' && quoted(s, i, '"') > 0:
				l.emit("nt", quoted(s, i, '"'))
				stack = append(stack, ':')
			case c == '}':
				l.emit("p", i+1)
				stack = stack[:len(stack)-1]
			default:
				l.errRune()
			}
			continue
		}
		if e, cls := jsonSimple(s, i); e > 0 {
			l.emit(cls, e)
			continue
		}
		switch {
		case c == '{':
			l.emit("p", i+1)
			stack = append(stack, '{')
		case c == '[':
			l.emit("p", i+1)
			stack = append(stack, '[')
		case top == ':' && c == ':':
			l.emit("p", i+1)
		case top == ':' && c == ',':
			l.emit("p", i+1)
			stack = stack[:len(stack)-1]
		case top == ':' && c == '}':
			l.emit("p", i+1)
			stack = stack[:len(stack)-2]
		case top == '[' && c == ',':
			l.emit("p", i+1)
		case top == '[' && c == ']':
			l.emit("p", i+1)
			stack = stack[:len(stack)-1]
		default:
			l.errRune()
		}
	}
}

// jsonSimple is the end and class of the constant, number or string at i, or 0.
func jsonSimple(s string, i int) (int, string) {
	c := s[i]
	for _, w := range []string{"true", "false", "null"} {
		if strings.HasPrefix(s[i:], w) && boundary(s, i+len(w)) {
			return i + len(w), "kc"
		}
	}
	if c == '-' || isDigit(c) {
		j := i
		if c == '-' {
			j++
		}
		switch {
		case byteAt(s, j) == '0':
			j++
		case isDigit(byteAt(s, j)):
			j = span(s, j, isDigit)
		default:
			return 0, ""
		}
		exp := func(k int) int { return exponent(s, k, "eE", false, decimalEnd) }
		if byteAt(s, j) == '.' && isDigit(byteAt(s, j+1)) {
			f := span(s, j+1, isDigit)
			if e := exp(f); e > 0 {
				return e, "mf"
			}
			if e := exp(j); e > 0 { // not reached: a '.' is not an 'e'
				return e, "mf"
			}
			return f, "mf"
		}
		if e := exp(j); e > 0 {
			return e, "mf"
		}
		return j, "mi"
	}
	if c == '"' {
		if e := quoted(s, i, '"'); e > 0 {
			return e, "s2"
		}
	}
	return 0, ""
}

// lexDiff follows chroma's Diff lexer (lexers/embedded/diff.xml): a class per line, by how it starts.
func lexDiff(l *lexer) {
	s := l.src
	for l.pos < len(s) {
		i := l.pos
		e := lineEnd(s, i)
		if e == len(s) { // no newline: no rule matches
			l.errRune()
			continue
		}
		line := s[i:e]
		cls := ""
		switch {
		case strings.HasPrefix(line, " "):
		case diffRange(line):
			cls = "gu"
		case line == "---":
			cls = "gs"
		case strings.HasPrefix(line, "< "):
			cls = "gd"
		case strings.HasPrefix(line, "> "), strings.HasPrefix(line, "+"):
			cls = "gi"
		case strings.HasPrefix(line, "-"):
			cls = "gd"
		case strings.HasPrefix(line, "!"):
			cls = "gs"
		case strings.HasPrefix(line, "@"):
			cls = "gu"
		case strings.HasPrefix(line, "Index"), strings.HasPrefix(line, "index"), strings.HasPrefix(line, "diff"), strings.HasPrefix(line, "="):
			cls = "gh"
		}
		l.emit(cls, e+1)
	}
}

// diffRange reports whether line is a normal diff's `\d+(,\d+)?(a|c|d)\d+(,\d+)?`.
func diffRange(line string) bool {
	nums := func(j int) int {
		e := span(line, j, isDigit)
		if e == j {
			return -1
		}
		if byteAt(line, e) == ',' {
			if f := span(line, e+1, isDigit); f > e+1 {
				return f
			}
		}
		return e
	}
	j := nums(0)
	if j < 0 || j >= len(line) || strings.IndexByte("acd", line[j]) < 0 {
		return false
	}
	return nums(j+1) == len(line)
}
