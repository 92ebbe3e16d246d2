package highlight

import "strings"

// The states of chroma's Bash lexer (lexers/embedded/bash.xml) that nest.
const (
	shRoot = iota
	shBackticks
	shParen // $( … )
	shMath  // $(( … ))
	shCurly // ${ … }
	shString
)

// lexBash follows chroma's Bash lexer rule by rule, its states on a stack.
func lexBash(l *lexer) {
	s := l.src
	stack := []byte{shRoot}
	for l.pos < len(s) {
		i := l.pos
		c := s[i]
		top := stack[len(stack)-1]
		pop := func() { stack = stack[:len(stack)-1] }
		switch top {
		case shBackticks:
			if c == '`' {
				l.emit("sb", i+1)
				pop()
				continue
			}
		case shParen:
			if c == ')' {
				l.emit("k", i+1)
				pop()
				continue
			}
		case shMath:
			switch {
			case strings.HasPrefix(s[i:], "))"):
				l.emit("k", i+2)
				pop()
				continue
			case strings.IndexByte("-+*/%^|&", c) >= 0:
				l.emit("o", i+1)
				continue
			case isDigit(c):
				e := span(s, i, isDigit)
				if byteAt(s, e) == '#' {
					if f := span(s, e+1, isDigit); f > e+1 {
						e = f
					} else if byteAt(s, e+1) != ' ' {
						e++
					}
				}
				l.emit("m", e)
				continue
			}
		case shCurly:
			switch {
			case c == '}':
				l.emit("si", i+1)
				pop()
				continue
			case strings.HasPrefix(s[i:], ":-"):
				l.emit("k", i+2)
				continue
			case wordAt(s, i) > 0:
				l.emit("nv", wordEnd(s, i))
				continue
			case c == ':':
				l.emit("p", i+1)
				continue
			case strings.IndexByte("}:\"'`$\\", c) < 0:
				l.emit("p", span(s, i, func(c byte) bool { return strings.IndexByte("}:\"'`$\\", c) < 0 }))
				continue
			}
		case shString:
			switch c {
			case '"':
				l.emit("s2", i+1)
				pop()
				continue
			case '$':
				if push, ok := shInterp(l); ok {
					stack = append(stack, push...)
					continue
				}
			default:
				if e := shDouble(s, i, false); e > i {
					l.emit("s2", e)
					continue
				}
			}
			l.errRune() // a backslash at the very end
			continue
		}
		if push, ok := shRootRule(l, stack); ok {
			stack = append(stack, push...)
			continue
		}
		if c == '\n' && len(stack) > 1 {
			stack = stack[:1]
			continue
		}
		l.errRune()
	}
}

// shRootRule lexes by the rules of the root state, which every state but string includes; it gives
// the states to push.
func shRootRule(l *lexer, stack []byte) ([]byte, bool) {
	s, i := l.src, l.pos
	c := s[i]
	// basic
	if isLetter(c) && !wordBefore(s, i) {
		e := wordEnd(s, i)
		if shKeyword(s[i:e]) {
			l.emit("k", e)
			return nil, true
		}
		if shBuiltin(s[i:e]) && (spaceAt(s, e) > 0 || byteAt(s, e) == ')' || byteAt(s, e) == '`') {
			l.emit("nb", e)
			return nil, true
		}
	}
	switch {
	case i == 0 && strings.HasPrefix(s, "#!") && lineEnd(s, 0) > 2 && lineEnd(s, 0) < len(s):
		l.emit("cp", lineEnd(s, 0)+1)
		return nil, true
	case c == '#':
		l.emit("c1", lineEnd(s, i))
		return nil, true
	case c == '\\' && i+1 < len(s):
		l.emit("se", i+1+runeLen(s, i+1))
		return nil, true
	}
	if wordAt(s, i) > 0 && !wordBefore(s, i) {
		e := wordEnd(s, i)
		sp := spaceEnd(s, e)
		if byteAt(s, sp) == '=' || strings.HasPrefix(s[sp:], "+=") {
			l.emit("nv", e)
			l.emit("", sp)
			l.emit("o", sp+1+b2i(s[sp] == '+'))
			return nil, true
		}
	}
	switch {
	case strings.IndexByte("[]{}()=", c) >= 0:
		l.emit("o", i+1)
		return nil, true
	case strings.HasPrefix(s[i:], "<<<"):
		l.emit("o", i+3)
		return nil, true
	case strings.HasPrefix(s[i:], "<<"):
		if e := shHeredoc(l, i); e > 0 {
			l.emit("s", e)
			return nil, true
		}
	case strings.HasPrefix(s[i:], "&&") || strings.HasPrefix(s[i:], "||"):
		l.emit("o", i+2)
		return nil, true
	case c == '`':
		l.emit("sb", i+1)
		return []byte{shBackticks}, true
	}
	// data
	switch {
	case c == '"' || c == '$' && byteAt(s, i+1) == '"':
		q := i + b2i(c == '$')
		if e := shDouble(s, q+1, true); e < len(s) && s[e] == '"' {
			l.emit("s2", e+1)
			return nil, true
		}
		if c == '"' {
			l.emit("s2", i+1)
			return []byte{shString}, true
		}
	case c == '$' && byteAt(s, i+1) == '\'':
		if e := shANSI(s, i+2); e > 0 {
			l.emit("s1", e)
			return nil, true
		}
	case c == '\'':
		if j := strings.IndexByte(s[i+1:], '\''); j >= 0 {
			l.emit("s1", i+1+j+1)
			return nil, true
		}
	}
	switch {
	case c == ';' || c == '&' || c == '|':
		l.emit("p", i+1)
		return nil, true
	case spaceAt(s, i) > 0:
		l.emit("", spaceEnd(s, i))
		return nil, true
	case isDigit(c):
		if e := span(s, i, isDigit); e == len(s) || s[e] == ' ' || s[e] == '\n' {
			l.emit("m", e)
			return nil, true
		}
	}
	if e := shPlainEnd(s, i); e > i {
		l.emit("", e)
		return nil, true
	}
	if c == '<' {
		l.emit("", i+1)
		return nil, true
	}
	// interp
	if c == '$' {
		return shInterp(l)
	}
	return nil, false
}

// shPlainEnd is the end of `[^=\s\[\]{}()$"\'`\\<&|;]+` at i.
func shPlainEnd(s string, i int) int {
	for i < len(s) {
		if strings.IndexByte("=[]{}()$\"'`\\<&|;", s[i]) >= 0 || spaceAt(s, i) > 0 {
			break
		}
		i += runeLen(s, i)
	}
	return i
}

// shInterp lexes the interpolation at l.pos, a '$'.
func shInterp(l *lexer) ([]byte, bool) {
	s, i := l.src, l.pos
	switch c := byteAt(s, i+1); {
	case strings.HasPrefix(s[i:], "$(("):
		l.emit("k", i+3)
		return []byte{shMath}, true
	case c == '(':
		l.emit("k", i+2)
		return []byte{shParen}, true
	case c == '{':
		l.emit("si", i+2+b2i(byteAt(s, i+2) == '#'))
		return []byte{shCurly}, true
	case isLetter(c):
		l.emit("nv", wordEnd(s, i+1))
	case isDigit(c):
		l.emit("nv", span(s, i+1, isDigit))
	case c != 0 && strings.IndexByte("#$?!_*@-", c) >= 0:
		l.emit("nv", i+2)
	default:
		l.emit("", i+1)
	}
	return nil, true
}

// shDouble is where a run of a double-quoted string's characters from i stops: at a '"', a '$'
// (unless dollar), a backslash with nothing after it, or the end.
func shDouble(s string, i int, noDollar bool) int {
	for i < len(s) {
		switch s[i] {
		case '"':
			return i
		case '$':
			if noDollar {
				return len(s) // the string has a '$': `\$?"…"` does not match it
			}
			return i
		case '\\':
			if i+1 >= len(s) {
				return i
			}
			i += 1 + runeLen(s, i+1)
		default:
			i++
		}
	}
	return i
}

// shANSI is the end of the $'…' string whose body starts at i, or 0.
func shANSI(s string, i int) int {
	for i < len(s) {
		switch s[i] {
		case '\'':
			return i + 1
		case '\\':
			if i+1 >= len(s) {
				return 0
			}
			i += 1 + runeLen(s, i+1)
		default:
			i++
		}
	}
	return 0
}

// maxDelimiter bounds how many shorter words chroma's heredoc expression, backtracking, tries as
// the delimiter: each try reads the rest of the text.
const maxDelimiter = 64

// shHeredoc is the end of `<<-?\s*(\'?)\\?(\w+)[\w\W]+?\2` at i: to the next occurrence of the
// delimiter word, anywhere, or of a prefix of it if the word does not occur again; 0 if none.
func shHeredoc(l *lexer, i int) int {
	s := l.src
	j := i + 2
	if byteAt(s, j) == '-' {
		j++
	}
	j = spaceEnd(s, j)
	if byteAt(s, j) == '\'' {
		j++
	}
	if byteAt(s, j) == '\\' {
		j++
	}
	e := wordEnd(s, j)
	for k := e; k > j && e-k < maxDelimiter; {
		w := s[j:k]
		if k+1 <= len(s) {
			if m := l.search(w, k+1); m >= 0 {
				return m + len(w)
			}
		}
		// one character less
		k--
		for k > j && s[k]&0xC0 == 0x80 {
			k--
		}
	}
	return 0
}

func shKeyword(w string) bool {
	switch w {
	case "if", "fi", "else", "while", "do", "done", "for", "then", "return", "function", "case", "select", "continue", "until", "esac", "elif":
		return true
	}
	return false
}

func shBuiltin(w string) bool {
	switch w {
	case "alias", "bg", "bind", "break", "builtin", "caller", "cd", "command", "compgen", "complete", "declare", "dirs", "disown",
		"echo", "enable", "eval", "exec", "exit", "export", "false", "fc", "fg", "getopts", "hash", "help", "history", "jobs",
		"kill", "let", "local", "logout", "popd", "printf", "pushd", "pwd", "read", "readonly", "set", "shift", "shopt",
		"source", "suspend", "test", "time", "times", "trap", "true", "type", "typeset", "ulimit", "umask", "unalias", "unset", "wait":
		return true
	}
	return false
}

// lexConsole follows chroma's Bash Session lexer: a line that starts with a prompt is lexed as
// Bash after it, any other line is output.
func lexConsole(l *lexer) {
	s := l.src
	for l.pos < len(s) {
		i := l.pos
		if p := consolePrompt(l, i); p > 0 {
			l.emit("gp", p)
			l.emit("", spaceEnd(s, p))
			e := lineEnd(s, l.pos)
			if e < len(s) {
				e++
			}
			l.anew(e, lexBash)
			continue
		}
		if e := lineEnd(s, i); e > i {
			if e < len(s) {
				e++
			}
			l.emit("go", e)
			continue
		}
		l.errRune() // an empty line matches no rule
	}
}

// consolePrompt is the end of `(?:\[[^]]+@[^]]+\]\s?)?[#$%>]` at i, or 0.
func consolePrompt(l *lexer, i int) int {
	s := l.src
	j := i
	if byteAt(s, j) == '[' {
		if k := l.finders.bracket.index(s, "]", j+1); k >= 0 {
			k -= j + 1
			in := s[j+1 : j+1+k]
			if len(in) >= 3 && strings.IndexByte(in[1:len(in)-1], '@') >= 0 { // [^]]+@[^]]+
				p := j + 1 + k + 1
				if n := spaceAt(s, p); n > 0 && strings.IndexByte("#$%>", byteAt(s, p+n)) >= 0 && byteAt(s, p+n) != 0 {
					return p + n + 1
				}
				if c := byteAt(s, p); c != 0 && strings.IndexByte("#$%>", c) >= 0 {
					return p + 1
				}
			}
		}
	}
	if c := byteAt(s, i); c != 0 && strings.IndexByte("#$%>", c) >= 0 {
		return i + 1
	}
	return 0
}
