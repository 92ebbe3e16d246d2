package include

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// The selection of an included file's lines follows mdBook's src/utils/string.rs (take_lines,
// take_anchored_lines, take_rustdoc_include_lines, take_rustdoc_include_anchored_lines) and the
// parsing of its selectors src/preprocess/links.rs (parse_range_or_anchor), line by line.

// selector picks lines of an included file: a range of 0-based line indexes or an anchor.
type selector struct {
	anchor     string
	start, end int // the range [start, end); end < 0 is open
}

// splitSelector splits a directive's argument at its first colon, as mdBook's
// `path.splitn(2, ':')`: a file name never holds a colon. After it, splitn(3, ':') gives the
// start, the end and a rest that mdBook ignores. A start that is no number (nor empty) is an
// anchor; an end that is no number leaves the range open; no end at all means the start's line.
// Line numbers count from 1, and 0 means the first line too (mdBook's saturating_sub(1)).
func splitSelector(arg string) (string, selector) {
	file, rest, ok := strings.Cut(arg, ":")
	if !ok {
		return file, selector{end: -1}
	}
	parts := strings.SplitN(rest, ":", 3)
	start, isNum := usize(parts[0])
	switch {
	case isNum:
		start = max(start-1, 0)
	case parts[0] != "":
		return file, selector{anchor: parts[0]}
	}
	if len(parts) == 1 {
		if !isNum {
			return file, selector{end: -1}
		}
		return file, selector{start: start, end: start + 1}
	}
	end, endNum := usize(parts[1])
	if !endNum {
		end = -1
	}
	return file, selector{start: start, end: end}
}

// usize parses a line number as Rust's str::parse::<usize> does: digits with an optional '+'.
func usize(s string) (int, bool) {
	n, err := strconv.ParseUint(strings.TrimPrefix(s, "+"), 10, 63)
	return int(n), err == nil
}

// A line of an included file as the selection shows it, with its 1-based number in the file.
type fileLine struct {
	text string
	n    int
}

// mdBook's anchor patterns, as its documentation gives them: `ANCHOR:\s*[\w_-]+` and
// `ANCHOR_END:\s*[\w_-]+`, with Rust's Unicode \w and \s.
var (
	anchorStart = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`ANCHOR:[\s\p{Z}]*([\p{L}\p{Nl}\p{M}\p{Nd}\p{Pc}_-]+)`)
	})
	anchorEnd = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`ANCHOR_END:[\s\p{Z}]*([\p{L}\p{Nl}\p{M}\p{Nd}\p{Pc}_-]+)`)
	})
)

// names reports whether a line has the pattern re, and whether its first match names anchor:
// Rust's Regex::captures, like Go's FindStringSubmatch, looks at the leftmost match only.
func names(re *regexp.Regexp, line, anchor string) (has, same bool) {
	m := re.FindStringSubmatch(line)
	return m != nil, m != nil && m[1] == anchor
}

// splitLines splits as Rust's str::lines: at "\n", a "\r" before it dropped, no empty last line.
func splitLines(body string) []string {
	lines := strings.Split(body, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}

// pick returns the lines {{#include}} takes, and whether the selection found what it names.
func (s selector) pick(body string) ([]fileLine, bool) {
	lines := splitLines(body)
	var out []fileLine
	if s.anchor == "" { // take_lines: the range as it is, anchor comments and all
		end := len(lines)
		if s.end >= 0 {
			end = min(s.end, end)
		}
		for i := s.start; i < end; i++ {
			out = append(out, fileLine{lines[i], i + 1})
		}
		return out, s.end < 0 || s.start < s.end
	}
	// take_anchored_lines: from the anchor's first start to its first end, which stops the
	// selection (`break`): only the first region of an anchor is included. Lines with another
	// anchor's start or end inside it are left out.
	found := false
	for i, l := range lines {
		if !found {
			_, found = names(anchorStart(), l, s.anchor)
			continue
		}
		if has, same := names(anchorEnd(), l, s.anchor); same {
			break
		} else if !has && !anchorStart().MatchString(l) {
			out = append(out, fileLine{l, i + 1})
		}
	}
	return out, found
}

// pickRustdoc returns the lines {{#rustdoc_include}} takes: the whole file, the lines outside the
// selection hidden behind "# ", as rustdoc and mdBook's HTML hide them in Rust code.
func (s selector) pickRustdoc(body string) ([]fileLine, bool) {
	lines := splitLines(body)
	out := make([]fileLine, 0, len(lines))
	if s.anchor == "" { // take_rustdoc_include_lines: anchor comments stay
		for i, l := range lines {
			if i < s.start || s.end >= 0 && i >= s.end {
				l = "# " + l
			}
			out = append(out, fileLine{l, i + 1})
		}
		return out, s.end < 0 || s.start < s.end
	}
	// take_rustdoc_include_anchored_lines: every region of the anchor is shown, and every
	// anchor comment, of this anchor or another, is left out.
	within, found := false, false
	for i, l := range lines {
		switch {
		case within:
			if has, same := names(anchorEnd(), l, s.anchor); same {
				within = false
			} else if !has && !anchorStart().MatchString(l) {
				out = append(out, fileLine{l, i + 1})
			}
		case anchorStart().MatchString(l):
			if _, same := names(anchorStart(), l, s.anchor); same {
				within, found = true, true
			}
		case !anchorEnd().MatchString(l):
			out = append(out, fileLine{"# " + l, i + 1})
		}
	}
	return out, found
}

// runs joins the lines into runs of consecutive file lines, for origins that stay right past the
// lines left out. Lines are joined by "\n", and the last has none, as mdBook joins them.
func runs(lines []fileLine) []selection {
	var out []selection
	var sb strings.Builder
	first := 0
	for i, l := range lines {
		if i == 0 || l.n != lines[i-1].n+1 {
			first = l.n
		}
		sb.WriteString(l.text)
		if i < len(lines)-1 {
			sb.WriteByte('\n')
		}
		if i == len(lines)-1 || lines[i+1].n != l.n+1 {
			out = append(out, selection{sb.String(), first})
			sb.Reset()
		}
	}
	return out
}

// selection is a run of consecutive lines of a file.
type selection struct {
	text  string
	first int // line number of text's first line in the file
}
