package highlight

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2/lexers"

	"bookc/builder/tree"
)

// corpus are the files of testdata/corpus and their languages.
var corpus = []struct{ file, lang string }{
	{"rust.rs", "rust"},
	{"go.go", "go"},
	{"bash.sh", "bash"},
	{"console.txt", "console"},
	{"toml.toml", "toml"},
	{"json.json", "json"},
	{"diff.diff", "diff"},
	{"javascript.js", "javascript"},
	{"yaml.yaml", "yaml"},
	{"python.py", "python"},
	{"c.c", "c"},
}

// difference is a run of text that this package's lexer classes otherwise than chroma's, on purpose.
type difference struct {
	lang, text   string
	ours, chroma string
	why          string
}

// differences are all the runs of the corpus where the classes differ from chroma's.
var differences = []difference{
	{"go", "`C:\\path\\{{not a template}}`", "s", "s/p/nx…",
		"chroma lexes a raw string's body as a text/template; a raw string is a string, as the compiler reads it"},
}

// chromaWant lexes text with chroma's own lexer for lang, from its registry.
func chromaWant(t testing.TB, lang, text string) []tree.Token {
	lx := lexers.Get(lang)
	if lx == nil {
		t.Fatalf("chroma has no lexer for %q", lang)
	}
	return chromaTokens(lx, text)
}

// classes gives each byte of the tokens' text its token's class.
func classes(toks []tree.Token) []string {
	var out []string
	for _, t := range toks {
		for range len(t.Text) {
			out = append(out, t.Class)
		}
	}
	return out
}

// diffRuns lists the runs of text where got and want class bytes otherwise.
func diffRuns(text string, got, want []tree.Token) []difference {
	g, w := classes(got), classes(want)
	var out []difference
	for i := 0; i < len(text); {
		if g[i] == w[i] {
			i++
			continue
		}
		j := i
		gs, ws := map[string]bool{}, map[string]bool{}
		for j < len(text) && g[j] != w[j] {
			gs[g[j]], ws[w[j]] = true, true
			j++
		}
		out = append(out, difference{text: text[i:j], ours: join(gs), chroma: join(ws),
			why: fmt.Sprintf("line %d", strings.Count(text[:i], "\n")+1)})
		i = j
	}
	return out
}

func join(m map[string]bool) string {
	var s []string
	for k := range m {
		s = append(s, k)
	}
	return strings.Join(s, "/")
}

// TestSameAsChroma checks that each lexer of this package gives chroma's classes on the corpus,
// but for the differences listed, which must still occur.
func TestSameAsChroma(t *testing.T) {
	for _, c := range corpus {
		t.Run(c.lang, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", "corpus", c.file))
			if err != nil {
				t.Fatal(err)
			}
			text := string(b)
			got, want := Tokens(c.lang, text), chromaWant(t, c.lang, text)
			if concat(got) != text || concat(want) != text {
				t.Fatalf("tokens do not give the text back")
			}
			for _, d := range diffRuns(text, got, want) {
				if !listed(c.lang, text, d) {
					t.Errorf("%s: %q: ours %q, chroma %q", d.why, d.text, d.ours, d.chroma)
				}
			}
		})
	}
}

// listed reports whether d lies in a listed difference that occurs in text.
func listed(lang, text string, d difference) bool {
	for _, l := range differences {
		if l.lang == lang && strings.Contains(l.text, d.text) && strings.Contains(text, l.text) {
			return true
		}
	}
	return false
}

// chromaNames are the names of chroma's lexers that own stands in for, with the languages of
// each, for the tests to check against chroma's registry.
var chromaNames = map[string][]string{
	"Rust":         {"rust", "rs"},
	"Go":           {"go", "golang"},
	"Bash":         {"bash", "sh", "ksh", "zsh", "shell"},
	"Bash Session": {"console", "shell-session", "bash-session"},
	"TOML":         {"toml"},
	"JSON":         {"json"},
	"Diff":         {"diff", "udiff", "patch"},
	"JavaScript":   {"javascript", "js", "mjs", "cjs", "jsm"},
	"YAML":         {"yaml", "yml"},
	"C":            {"c", "h", "idc"},
	"Python":       {"python", "py", "sage", "python3", "py3", "starlark", "pyi", "pyw", "jy", "sc", "bzl", "star", "tac"},
}

// TestNames checks that chroma's registry gives, for each language that a lexer here takes, the
// lexer that it follows.
func TestNames(t *testing.T) {
	for name, langs := range chromaNames {
		for _, lang := range langs {
			if own(lang) == nil {
				t.Errorf("%q: no lexer here", lang)
			}
			if lx := lexers.Get(lang); lx == nil || lx.Config().Name != name {
				t.Errorf("%q: chroma's registry gives %v, want %s", lang, lx, name)
			}
		}
	}
}
