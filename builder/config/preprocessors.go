package config

import (
	"regexp"
	"sort"
	"strings"
)

// Preprocessor is a [preprocessor.NAME] table of book.toml: a program mdBook runs over the
// chapters before rendering, which bookc does not run.
type Preprocessor struct {
	Name string
	Line int // of its table in book.toml; 0 when it cannot be found
}

// builtIn are the preprocessors whose work bookc does itself: mdBook's own links ({{#include}} and
// the rest) and index (README.md as a folder's page), and mdbook-alerts, whose `> [!NOTE]`
// alerts bookc reads as GitHub's.
var builtIn = map[string]bool{"links": true, "index": true, "alerts": true}

// unprocessed says what the syntax of well-known preprocessors looks like when nothing runs them.
var unprocessed = map[string]string{
	"admonish":   "```admonish blocks will show as code blocks",
	"mermaid":    "```mermaid blocks will show as code, not as diagrams",
	"katex":      "$...$ and $$...$$ math will show as text, dollars and all",
	"plantuml":   "```plantuml blocks will show as code, not as diagrams",
	"graphviz":   "```dot process blocks will show as code, not as diagrams",
	"toc":        "the <!-- toc --> marker will make no table of contents",
	"cmdrun":     "<!-- cmdrun ... --> comments will be left out, without the command's output",
	"footnote":   "{{#footnote ...}} will show as written",
	"template":   "{{#template ...}} will show as written",
	"tabs":       "{{#tabs}} ... {{#endtabs}} will show as written, every tab one after another",
	"emojicodes": ":name: codes will show as written",
}

// Unprocessed says what the book's text written for the preprocessor will look like in bookc's
// formats, which do not run it.
func Unprocessed(name string) string {
	if s, ok := unprocessed[name]; ok {
		return s
	}
	return "its syntax is kept as written"
}

// preprocessors lists the tables of preprocessors that bookc does not stand in for, with the
// line where each is declared: its [preprocessor.NAME] header, or the first key naming it.
func preprocessors(tables map[string]any, data []byte) []Preprocessor {
	var out []Preprocessor
	for name := range tables {
		if builtIn[name] {
			continue
		}
		out = append(out, Preprocessor{Name: name, Line: tableLine(data, name)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func tableLine(data []byte, name string) int {
	re := regexp.MustCompile(`^\s*\[*\s*preprocessor\s*\.\s*("?)` + regexp.QuoteMeta(name) + `("?)\s*[\].=]`)
	for i, l := range strings.Split(string(data), "\n") {
		if re.MatchString(l) {
			return i + 1
		}
	}
	return 0
}
