package highlight

import "strings"

// yamlLine caches, for the line that the YAML lexer is in, the searches that its rules make
// backwards from the end of the line, so that each line is searched once and not at every
// position of it.
type yamlLine struct {
	start, end         int // the line, without its newline
	keyQuote           int // the last `": ` in it, or -1
	hashComment, slash int // the last ` #` and ` //` in it, the space's index, or -1
	keyFrom, keyAt     int // keyScan's last answer: from keyFrom the first event is at keyAt
}

func (y *yamlLine) at(s string, i int) {
	if i >= y.start && i <= y.end && y.end > 0 {
		return
	}
	y.start = strings.LastIndexByte(s[:i], '\n') + 1
	y.end = lineEnd(s, i)
	line := s[y.start:y.end]
	y.keyQuote, y.hashComment, y.slash = -1, -1, -1
	if k := strings.LastIndex(line, `": `); k >= 0 {
		y.keyQuote = y.start + k
	}
	if k := strings.LastIndex(line, " #"); k >= 0 {
		y.hashComment = y.start + k
	}
	if k := strings.LastIndex(line, " //"); k >= 0 {
		y.slash = y.start + k
	}
	y.keyFrom, y.keyAt = -1, -1
}

// lexYAML follows chroma's YAML lexer (lexers/embedded/yaml.xml): one state, rule by rule.
func lexYAML(l *lexer) {
	s := l.src
	var y yamlLine
	for l.pos < len(s) {
		i := l.pos
		c := s[i]
		lineStart := i == 0 || s[i-1] == '\n'
		if spaceAt(s, i) > 0 {
			l.emit("w", spaceEnd(s, i))
			continue
		}
		y.at(s, i)
		switch {
		case lineStart && (strings.HasPrefix(s[i:], "---") || strings.HasPrefix(s[i:], "...")):
			l.emit("nn", i+3)
			continue
		case c == '-' && byteAt(s, i+1) == ' ':
			l.emit("", i+2)
			continue
		case c == '?':
			if j := spaceEnd(s, i+1); strings.HasPrefix(s[j:], "- ") {
				l.emit("", j+2)
				continue
			}
		case c == '#' || strings.HasPrefix(s[i:], "//"):
			l.emit("c", y.end)
			continue
		case strings.HasPrefix(s[i:], "!!") && spaceAt(s, i+2) == 0 && i+2 < len(s),
			(c == '&' || c == '*') && spaceAt(s, i+1) == 0 && i+1 < len(s):
			e := i + 1
			for e < len(s) && spaceAt(s, e) == 0 {
				e += runeLen(s, e)
			}
			l.emit("cp", e)
			continue
		case lineStart && strings.HasPrefix(s[i:], "%include"):
			if e := yamlInclude(s, i); e > 0 {
				l.emit("cp", e)
				continue
			}
		}
		if yamlKey(l, &y) || yamlValue(l, &y) {
			continue
		}
		if strings.IndexByte("?:,[]", c) >= 0 {
			l.emit("p", i+1)
		} else {
			l.emit("", i+runeLen(s, i))
		}
	}
}

// yamlInclude is the end of `^%include\s+[^\n\r]+` at i, or 0.
func yamlInclude(s string, i int) int {
	j := i + len("%include")
	for k := spaceEnd(s, j); k > j; k-- { // \s+ gives back characters until [^\n\r] matches one
		if k < len(s) && s[k] != '\n' && s[k] != '\r' {
			return k + strings.IndexAny(s[k:], "\n\r")
		}
	}
	return 0
}

// yamlKey lexes the rules of the key state at l.pos: `"[^"\n#].*": `, and
// `((?:(?!//)[^"\n{#])*?)(:)( )` or `(:)(\n)` (its rule after `- ` never matches: the root's
// `[\n?]?\s*- ` comes first).
func yamlKey(l *lexer, y *yamlLine) bool {
	s, i := l.src, l.pos
	if s[i] == '"' && i+1 < y.end && s[i+1] != '"' && s[i+1] != '#' && y.keyQuote >= i+2 {
		l.emit("nt", y.keyQuote+3)
		return true
	}
	// the first character from i that ends the lazy run: a colon before a space or a newline,
	// or one the run may not hold
	if !(y.keyFrom >= 0 && i >= y.keyFrom && i <= y.keyAt) {
		j := i
		for ; j < len(s); j++ {
			if c := s[j]; c == '"' || c == '\n' || c == '{' || c == '#' || c == '/' && byteAt(s, j+1) == '/' ||
				c == ':' && (byteAt(s, j+1) == ' ' || byteAt(s, j+1) == '\n') {
				break
			}
		}
		y.keyFrom, y.keyAt = i, j
	}
	j := y.keyAt
	if j >= len(s) || s[j] != ':' {
		return false
	}
	l.emit("nt", j)
	l.emit("p", j+1)
	l.emit("w", j+2)
	return true
}

// yamlValue lexes the rules of the value state at l.pos.
func yamlValue(l *lexer, y *yamlLine) bool {
	s, i := l.src, l.pos
	c := s[i]
	if c == '>' || c == '|' {
		if e := yamlBlock(s, i); e > 0 {
			j := i + 1
			if d := byteAt(s, j); d == '+' || d == '-' {
				j++
			}
			l.emit("p", j)
			l.emit("sd", e)
			return true
		}
	}
	if e := wordEnd(s, i); e > i && yamlConstant(s[i:e]) {
		l.emit("kc", e)
		return true
	}
	if c == '"' || c == '\'' {
		if e := quoted(s, i, c); e > 0 {
			l.emit(map[byte]string{'"': "s2", '\'': "s1"}[c], e)
			return true
		}
	}
	if e := yamlDate(s, i); e > 0 {
		l.emit("ld", e)
		return true
	}
	if e := yamlNumber(s, i); e > 0 {
		l.emit("m", e)
		return true
	}
	if strings.IndexByte("{}[]?,:!-*&@", c) >= 0 {
		return false
	}
	// `(x.*)( )+(#.*)`: the greedy `.*` gives back to the last ` #`, then `//`, else the line
	for _, k := range []int{y.hashComment, y.slash} {
		if k >= i+1 {
			l.emit("l", k)
			l.emit("w", k+1)
			l.emit("c", y.end)
			return true
		}
	}
	l.emit("l", max(y.end, i+runeLen(s, i)))
	return true
}

// yamlBlock is the end of a block scalar at i, after `[>|][+-]?`:
// `\n(^ {1,})(?:(?:.*\n*(?:^\3 *).*)+|.*)`, the lines after the first that start with as many
// spaces as it, blank lines between them; or 0.
func yamlBlock(s string, i int) int {
	j := i + 1
	if c := byteAt(s, j); c == '+' || c == '-' {
		j++
	}
	if byteAt(s, j) != '\n' {
		return 0
	}
	a := j + 1
	ind := span(s, a, func(c byte) bool { return c == ' ' })
	if ind == a {
		return 0
	}
	indent := s[a:ind]
	e := lineEnd(s, ind)
	for {
		q := span(s, e, func(c byte) bool { return c == '\n' })
		if q == e || !strings.HasPrefix(s[q:], indent) {
			return e
		}
		e = lineEnd(s, q)
	}
}

func yamlConstant(w string) bool {
	switch w {
	case "false", "False", "FALSE", "true", "True", "TRUE", "null", "Off", "off", "yes", "Yes", "YES", "OFF", "On", "ON",
		"no", "No", "on", "NO", "n", "N", "Y", "y":
		return true
	}
	return false
}

// yamlDate is the end of `\d\d\d\d-\d\d-\d\d([T ]\d\d:\d\d:\d\d(\.\d+)?(Z|\s+[-+]\d+)?)?` at i, or 0.
func yamlDate(s string, i int) int {
	shape := func(j int, sh string) bool {
		if len(s)-j < len(sh) {
			return false
		}
		for k := 0; k < len(sh); k++ {
			if c := s[j+k]; sh[k] == 'd' && !isDigit(c) || sh[k] != 'd' && sh[k] != c {
				return false
			}
		}
		return true
	}
	if !shape(i, "dddd-dd-dd") {
		return 0
	}
	j := i + 10
	if c := byteAt(s, j); (c == 'T' || c == ' ') && shape(j+1, "dd:dd:dd") {
		j += 9
		if byteAt(s, j) == '.' && isDigit(byteAt(s, j+1)) {
			j = span(s, j+1, isDigit)
		}
		if byteAt(s, j) == 'Z' {
			j++
		} else if k := spaceEnd(s, j); k > j {
			if c := byteAt(s, k); (c == '-' || c == '+') && isDigit(byteAt(s, k+1)) {
				j = span(s, k+1, isDigit)
			}
		}
	}
	return j
}

// yamlNumber is the end of
// `\b[+\-]?(0x[\da-f]+|0o[0-7]+|(\d+\.?\d*|\.?\d+)(e[\+\-]?\d+)?|\.inf|\.nan)\b` at i, or 0: the
// ends that the expression tries, in its order, that a \b can follow (none between two digits).
func yamlNumber(s string, i int) int {
	if !boundary(s, i) {
		return 0
	}
	j := i
	if c := byteAt(s, j); c == '+' || c == '-' {
		j++
	}
	ok := func(e int) bool { return boundary(s, e) }
	exp := func(k int) int { return exponent(s, k, "e", false, decimalEnd) } // e[\+\-]?\d+
	isLowHex := func(c byte) bool { return isDigit(c) || 'a' <= c && c <= 'f' }
	isOct := func(c byte) bool { return '0' <= c && c <= '7' }
	if strings.HasPrefix(s[j:], "0x") {
		if h := span(s, j+2, isLowHex); h > j+2 && ok(h) {
			return h
		}
	}
	if strings.HasPrefix(s[j:], "0o") {
		if o := span(s, j+2, isOct); o > j+2 && ok(o) {
			return o
		}
	}
	if d := span(s, j, isDigit); d > j { // \d+\.?\d*
		if byteAt(s, d) == '.' {
			f := span(s, d+1, isDigit)
			if g := exp(f); g > 0 && ok(g) {
				return g
			}
			if ok(f) {
				return f
			}
			if f > d+1 { // \d* back to none, after the point
				return d + 1
			}
			return d // \.? none; a point follows, a \b
		}
		if g := exp(d); g > 0 && ok(g) {
			return g
		}
		if ok(d) {
			return d
		}
	}
	if byteAt(s, j) == '.' { // \.\d+
		if k := span(s, j+1, isDigit); k > j+1 {
			if g := exp(k); g > 0 && ok(g) {
				return g
			}
			if ok(k) {
				return k
			}
		}
	}
	for _, w := range []string{".inf", ".nan"} {
		if strings.HasPrefix(s[j:], w) && ok(j+4) {
			return j + 4
		}
	}
	return 0
}
