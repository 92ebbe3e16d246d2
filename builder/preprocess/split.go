package preprocess

import "errors"

// Split splits a command into words as a POSIX shell would, without expanding anything:
// whitespace separates words, single quotes keep everything, double quotes keep all but \" \\
// \$ and \`, and a backslash outside quotes keeps the next character. mdBook splits its
// commands so too (with the shlex crate), and runs them without a shell.
func Split(s string) ([]string, error) {
	var words []string
	var cur []rune
	inWord := false
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			if inWord {
				words = append(words, string(cur))
				cur, inWord = nil, false
			}
		case c == '\'':
			inWord = true
			j := i + 1
			for j < len(rs) && rs[j] != '\'' {
				j++
			}
			if j == len(rs) {
				return nil, errors.New("a single quote is not closed")
			}
			cur = append(cur, rs[i+1:j]...)
			i = j
		case c == '"':
			inWord = true
			j := i + 1
			for ; j < len(rs) && rs[j] != '"'; j++ {
				if rs[j] == '\\' && j+1 < len(rs) && (rs[j+1] == '"' || rs[j+1] == '\\' || rs[j+1] == '$' || rs[j+1] == '`') {
					j++
				}
				cur = append(cur, rs[j])
			}
			if j == len(rs) {
				return nil, errors.New("a double quote is not closed")
			}
			i = j
		case c == '\\':
			inWord = true
			if i+1 < len(rs) {
				i++
				cur = append(cur, rs[i])
			}
		default:
			inWord = true
			cur = append(cur, c)
		}
	}
	if inWord {
		words = append(words, string(cur))
	}
	return words, nil
}
