package config

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// Preprocessor is a [preprocessor.NAME] table of book.toml: a program mdBook runs over the
// chapters before rendering, which bookc runs only when asked to (--preprocessors).
type Preprocessor struct {
	Name string
	Line int // of its table in book.toml; 0 when it cannot be found
	// Command is the table's command, else mdBook's default "mdbook-NAME".
	Command string
	// Renderers is the table's renderers list, nil when it has none (then the preprocessor's own
	// `supports` answer decides).
	Renderers []string
	// Before and After are the preprocessors this one runs before and after.
	Before, After []string
	// Optional makes a missing command a warning, as in mdBook.
	Optional bool
}

// IsBuiltIn reports whether bookc does the preprocessor's work itself: mdBook's links and index,
// and mdbook-alerts.
func IsBuiltIn(name string) bool { return builtIn[name] }

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

// preprocessors reads the [preprocessor.NAME] tables, sorted by name: those bookc does not stand
// in for, and apart those it does (their before and after still order the others). Each has the
// line where it is declared: its [preprocessor.NAME] header, or the first key naming it.
func preprocessors(name string, tables map[string]any, data []byte) (others, builtins []Preprocessor, err error) {
	for pn, v := range tables {
		t, _ := v.(map[string]any)
		p := Preprocessor{Name: pn, Line: tableLine(data, pn), Command: "mdbook-" + pn}
		if c, ok := t["command"].(string); ok && strings.TrimSpace(c) != "" {
			p.Command = c
		}
		p.Optional, _ = t["optional"].(bool)
		for key, dst := range map[string]*[]string{"renderers": &p.Renderers, "before": &p.Before, "after": &p.After} {
			raw, ok := t[key]
			if !ok {
				continue
			}
			list, ok := stringList(raw)
			if !ok {
				return nil, nil, fmt.Errorf("%s:%d: [preprocessor.%s] %s must be a list of names, such as [\"links\"]", name, p.Line, pn, key)
			}
			*dst = list
		}
		if builtIn[pn] {
			builtins = append(builtins, p)
		} else {
			others = append(others, p)
		}
	}
	sort.Slice(others, func(i, j int) bool { return others[i].Name < others[j].Name })
	sort.Slice(builtins, func(i, j int) bool { return builtins[i].Name < builtins[j].Name })
	return others, builtins, nil
}

// stringList reads a TOML list of strings; an empty list is a list.
func stringList(v any) ([]string, bool) {
	var list []any
	switch l := v.(type) {
	case []any:
		list = l
	case []map[string]any:
		return nil, len(l) == 0
	default:
		return nil, false
	}
	out := []string{}
	for _, e := range list {
		s, ok := e.(string)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
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
