package man

import (
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// A terminal reader's view of a page: what groff and mandoc print at a width, as plain text.

// formatters render a page for a terminal of the given width, as man -l does with each.
var formatters = map[string]func(width int) []string{
	"groff": func(w int) []string {
		return []string{"groff", "-man", "-t", "-Tutf8", "-P-cbou", "-rLL=" + strconv.Itoa(w) + "n"}
	},
	"mandoc": func(w int) []string { return []string{"mandoc", "-Tutf8", "-O", "width=" + strconv.Itoa(w)} },
}

// overstrike is how mandoc makes bold and underlined characters on a terminal.
var overstrike = regexp.MustCompile(".\b")

// terminal renders a page with a formatter at a width and returns its lines, without the blank
// lines around the page.
func terminal(t *testing.T, tool string, width int, page []byte) []string {
	t.Helper()
	args := formatters[tool](width)
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin = strings.NewReader(string(page))
	cmd.Env = append(os.Environ(), "GROFF_NO_SGR=1")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v", tool, err)
	}
	text := overstrike.ReplaceAllString(string(out), "")
	return strings.Split(strings.Trim(text, "\n"), "\n")
}

// columns is how many terminal columns a rendered line takes, tabs expanded to stops of 8.
func columns(line string) int {
	n := 0
	for _, r := range line {
		if r == '\t' {
			n += 8 - n%8
		} else {
			n++
		}
	}
	return n
}

// threeParts reports whether a header or footer line is left, centre and right text, whole, with
// space between them, and nothing else.
func threeParts(line, left, centre, right string) bool {
	line = strings.ReplaceAll(line, "\t", " ")
	rest, ok := strings.CutPrefix(line, left)
	if !ok || !strings.HasSuffix(rest, right) {
		return false
	}
	mid := rest[:len(rest)-len(right)]
	if centre == "" {
		return left == "" || right == "" || strings.TrimSpace(mid) == "" && mid != ""
	}
	if left != "" && !strings.HasPrefix(mid, " ") || right != "" && !strings.HasSuffix(mid, " ") {
		return false
	}
	return strings.TrimSpace(mid) == centre
}

// thArgs reads a page's .TH arguments back, unescaped as the formatters print them.
func thArgs(t *testing.T, page []byte) []string {
	t.Helper()
	for line := range strings.SplitSeq(string(page), "\n") {
		if rest, ok := strings.CutPrefix(line, ".TH "); ok {
			var args []string
			for rest != "" {
				var a string
				if rest[0] == '"' {
					a, rest, _ = strings.Cut(rest[1:], `"`)
				} else {
					a, rest, _ = strings.Cut(rest, " ")
				}
				rest = strings.TrimLeft(rest, " ")
				args = append(args, unescape(a))
			}
			return args
		}
	}
	t.Fatal("no .TH line")
	return nil
}

// unescape undoes the escapes .TH arguments use.
func unescape(s string) string {
	r := strings.NewReplacer(`\-`, "-", `\(dq`, `"`, `\(cq`, "\u2019", `\(oq`, "\u2018", `\e`, `\`)
	s = r.Replace(s)
	return regexp.MustCompile(`\\\[u([0-9A-F]{4,6})\]`).ReplaceAllStringFunc(s, func(m string) string {
		n, _ := strconv.ParseInt(m[3:len(m)-1], 16, 32)
		return string(rune(n))
	})
}

// checkPage renders a page with each formatter at a width and checks what a terminal shows: the
// first and last lines hold the .TH texts whole and apart, and no line is wider than the terminal.
func checkPage(t *testing.T, name string, width int, page []byte) {
	t.Helper()
	th := thArgs(t, page)
	for len(th) < 5 {
		th = append(th, "")
	}
	title := th[0] + "(" + th[1] + ")"
	for _, tool := range []string{"groff", "mandoc"} {
		lines := terminal(t, tool, width, page)
		if first := lines[0]; !threeParts(first, title, th[4], title) {
			t.Errorf("%s, %s at %d columns: header %q, want %q, %q and %q apart", name, tool, width, first, title, th[4], title)
		}
		if last := lines[len(lines)-1]; !threeParts(last, th[3], th[2], title) {
			t.Errorf("%s, %s at %d columns: footer %q, want %q, %q and %q apart", name, tool, width, last, th[3], th[2], title)
		}
		for i, l := range lines {
			if columns(l) > width {
				t.Errorf("%s, %s at %d columns: line %d is %d columns wide: %q", name, tool, width, i+1, columns(l), l)
			}
		}
	}
}
