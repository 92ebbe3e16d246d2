package highlight

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"bookc/builder/tree"
)

func concat(tokens []tree.Token) string {
	var sb strings.Builder
	for _, t := range tokens {
		sb.WriteString(t.Text)
	}
	return sb.String()
}

func TestTokens(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []tree.Token // nil: only check that the tokens give the text back
	}{
		{name: "go", lang: "go", text: `x := "hi" // greet`, want: []tree.Token{
			{Class: "nx", Text: "x"}, {Class: "w", Text: " "}, {Class: "o", Text: ":="}, {Class: "w", Text: " "},
			{Class: "s", Text: `"hi"`}, {Class: "w", Text: " "}, {Class: "c1", Text: "// greet"}}},
		{name: "language trimmed and lower-cased", lang: " Go ", text: "return", want: []tree.Token{{Class: "k", Text: "return"}}},
		{name: "comment at the end keeps no newline", lang: "sh", text: "echo hi # note", want: []tree.Token{
			{Class: "nb", Text: "echo"}, {Text: " hi "}, {Class: "c1", Text: "# note"}}},
		{name: "trailing newline kept", lang: "sh", text: "ls\n", want: []tree.Token{{Text: "ls\n"}}},
		{name: "trailing blank lines kept", lang: "go", text: "package main\n\n\n"},
		{name: "go program", lang: "go", text: "package main\n\nfunc main() {\n\tprintln(\"hello\")\n}"},
		{name: "rust", lang: "rust", text: "fn main() {\n    let x = 1; // one\n    println!(\"{x}\");\n}"},
		{name: "shell", lang: "sh", text: "metroctl --endpoints=192.0.2.10 \\\n  takeownership && echo done"},
		{name: "python", lang: "python", text: "def f(x):\n    \"\"\"Doc.\"\"\"\n    return x ** 2\n"},
		{name: "json", lang: "json", text: `{"a": [1, 2.5, true, null], "b": "c"}`},
		{name: "yaml", lang: "yaml", text: "a: 1\nb:\n  - c # d\n"},
		{name: "toml", lang: "toml", text: "[output.html]\nhidelines = { python = \"~\" }"},
		{name: "unterminated string", lang: "go", text: "s := \"open\nnext := 1"},
		{name: "crlf line endings", lang: "go", text: "a := 1\r\nb := 2\r\n"},
		{name: "non-ASCII", lang: "go", text: "// café λ → ←\ns := \"naïve\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Tokens(tt.lang, tt.text)
			if got == nil {
				t.Fatal("no tokens")
			}
			if s := concat(got); s != tt.text {
				t.Errorf("tokens give %q, want %q", s, tt.text)
			}
			for i, tok := range got {
				if tok.Text == "" {
					t.Errorf("token %d is empty", i)
				}
				if i > 0 && got[i-1].Class == tok.Class {
					t.Errorf("tokens %d and %d both have class %q", i-1, i, tok.Class)
				}
			}
			if tt.want != nil && !equal(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func equal(a, b []tree.Token) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestTokensNil(t *testing.T) {
	tests := []struct{ name, lang, text string }{
		{"no language", "", "x := 1"},
		{"blank language", "  ", "x := 1"},
		{"unknown language", "no-such-language", "x := 1"},
		{"empty text", "go", ""},
		{"invalid UTF-8 would come back changed", "go", "s := \"\xff\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Tokens(tt.lang, tt.text); got != nil {
				t.Errorf("got %q, want nil", got)
			}
		})
	}
}

func FuzzTokens(f *testing.F) {
	for _, s := range []struct{ lang, text string }{
		{"go", "package main\n\nfunc main() {\n\tprintln(\"hello\")\n}"},
		{"sh", "echo \"$HOME\" # home\n"},
		{"rust", "fn main() { let s = r#\"raw\"#; }"},
		{"python", "'''open"},
		{"html", "<a href='x'>y</a>\r\n"},
		{"c", "/* open"},
		{"", "plain"},
	} {
		f.Add(s.lang, s.text)
	}
	for _, c := range corpus { // every lexer of this package, on its corpus
		b, err := os.ReadFile(filepath.Join("testdata", "corpus", c.file))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(c.lang, string(b))
	}
	f.Fuzz(func(t *testing.T, lang, text string) {
		langs := []string{lang}
		if own(normalise(lang)) == nil { // and the text in every language lexed here
			for _, c := range corpus {
				langs = append(langs, c.lang)
			}
		}
		for _, lang := range langs {
			got := Tokens(lang, text)
			if got != nil && concat(got) != text {
				t.Errorf("Tokens(%q, %q) give %q", lang, text, concat(got))
			}
			if got == nil && own(normalise(lang)) != nil && text != "" && utf8.ValidString(text) {
				t.Errorf("Tokens(%q, %q) give nothing", lang, text)
			}
		}
	})
}

// hostile are texts made to be slow, each a pattern repeated to n bytes: unterminated strings and
// comments, openings repeated, prompts, heredocs, long lines.
func hostile(n int) []string {
	texts := []string{
		"\"" + strings.Repeat("a\\\"", n/3),
		strings.Repeat("{", n), strings.Repeat("\"{", n/2), strings.Repeat("/*", n/2), strings.Repeat("'", n),
		strings.Repeat("`x", n/2), strings.Repeat("r#\"", n/3), strings.Repeat("[a@b\n", n/5),
		strings.Repeat("<<ab", n/4), strings.Repeat("<<a", n/3), strings.Repeat("$(", n/2),
		"println!(\"" + strings.Repeat("{", n), strings.Repeat("x", n),
		strings.Repeat(`"""`, n/3), strings.Repeat("'''", n/3), strings.Repeat("a(", n/2), strings.Repeat("#if ", n/4),
		strings.Repeat("f\"{", n/3), strings.Repeat("/", n), strings.Repeat("- ", n/2), strings.Repeat("a: ", n/3),
		strings.Repeat("`${", n/3), strings.Repeat("x = \""+strings.Repeat("a", 1000)+"\"\n", n/1006+1),
		strings.Repeat("(/[", n/3), strings.Repeat("'{a[", n/4), strings.Repeat("\"\\N{", n/4), strings.Repeat("//\\\n", n/4),
		strings.Repeat("a (", n/3), strings.Repeat(" \n", n/4) + "/*" + strings.Repeat("x", n/2), strings.Repeat("\n#if 0", n/6+1),
	}
	for i, t := range texts {
		texts[i] = t[:min(len(t), n)] // within the budget, for Tokens to lex them
	}
	return texts
}

// TestHostile checks that the lexers here read hostile text in linear time, up to their budget:
// 16 times the text takes at most 64 times the CPU time, where linear time takes 16 times (up to
// 28 measured: the long text's tokens are past the caches) and quadratic time 256, and it
// allocates at most 32 times the memory. The time is the least CPU time of a few runs,
// which a busy machine changes least, with the collector off: its work, concurrent and paced by
// the heap, varied threefold from run to run, where the lexers' own varied little; what it
// collects is the memory counted. On one P, for Tokens to reuse the one buffer of its pool (a
// pool is per P), and for the second run of the long text to reuse the memory that the first
// took: memory fresh from the system, a page fault for every 4 kB, took five times as long as
// the lexing.
func TestHostile(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	const n = ownMaxBytes / 16
	small, large := hostile(n), hostile(16*n)
	for _, c := range corpus {
		for k := range small {
			a, amem := measure(t, c.lang, small[k], 3)
			b, bmem := measure(t, c.lang, large[k], 2)
			ratio, mratio := float64(b)/float64(max(a, time.Millisecond)), float64(bmem)/float64(max(amem, n))
			if testing.Verbose() {
				t.Logf("%-10s %-12q 64 kB %9v  1 MB %9v  x%4.1f  memory x%4.1f", c.lang, small[k][:8], a, b, ratio, mratio)
			}
			if ratio > 64 && b > 20*time.Millisecond {
				t.Errorf("%s: %q…: 64 kB in %v, 1 MB in %v: x%.1f", c.lang, small[k][:8], a, b, ratio)
			}
			if mratio > 32 {
				t.Errorf("%s: %q…: 64 kB took %d bytes, 1 MB %d: x%.1f", c.lang, small[k][:8], amem, bmem, mratio)
			}
		}
	}
}

// measure is the least CPU time of runs of Tokens and the memory that one allocates. Tokens must
// lex the text: a text left plain would take no time.
func measure(t *testing.T, lang, text string, runs int) (time.Duration, uint64) {
	best, mem := time.Duration(1<<62), uint64(0)
	var ms runtime.MemStats
	for range runs {
		runtime.GC()
		runtime.ReadMemStats(&ms)
		alloc, start := ms.TotalAlloc, cpuTime()
		toks := Tokens(lang, text)
		best = min(best, cpuTime()-start)
		runtime.ReadMemStats(&ms)
		mem = ms.TotalAlloc - alloc
		if toks == nil {
			t.Fatalf("%s: %q…: %d bytes left plain", lang, text[:8], len(text))
		}
	}
	return best, mem
}

// TestBudget checks that a block up to its language's Budget is lexed and a longer one is left
// plain, which TooBig reports only for a language a lexer knows; chroma's budget is the smaller.
func TestBudget(t *testing.T) {
	line := "let x = 1;\n"
	for _, tt := range []struct {
		lang   string
		budget int
	}{
		{"text", chromaMaxBytes}, // chroma's plaintext lexes fast
		{" HTML ", chromaMaxBytes},
		{"Rust", ownMaxBytes},
		{"py", ownMaxBytes},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			if got := Budget(tt.lang); got != tt.budget {
				t.Fatalf("budget %d, want %d", got, tt.budget)
			}
			full := strings.Repeat(line, tt.budget/len(line)) + strings.Repeat("x", tt.budget%len(line))
			if got := Tokens(tt.lang, full); concat(got) != full {
				t.Errorf("a block of the budget, %d bytes, gives %d tokens of %d bytes", len(full), len(got), len(concat(got)))
			}
			if TooBig(tt.lang, full) {
				t.Error("a block of the budget is too big")
			}
			over := full + "\n"
			if got := Tokens(tt.lang, over); got != nil {
				t.Errorf("a block over the budget gives %d tokens, want none", len(got))
			}
			if !TooBig(tt.lang, over) {
				t.Error("a block over the budget is not too big")
			}
		})
	}
	over := strings.Repeat("x", ownMaxBytes+1)
	if Budget("no-such-language") != 0 || Budget(" ") != 0 || TooBig("no-such-language", over) || TooBig("", over) {
		t.Error("a block no lexer knows has a budget: it would not be lexed at any size")
	}
}

// BenchmarkTokens lexes code 1x and 10x as long, both within the budget: the time must grow no faster
// than the text, also where many tokens of one class merge (plain text, one token per line).
func BenchmarkTokens(b *testing.B) {
	for _, lang := range []string{"rust", "text"} {
		for _, n := range []int{1, 10} {
			text := strings.Repeat("    let total = add(\"bar\", 12); // sum\n", 300*n)
			b.Run(fmt.Sprintf("%s/%dx", lang, n), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					Tokens(lang, text)
				}
			})
		}
	}
}

// BenchmarkLex lexes each corpus with the lexer here and with chroma's, side by side.
func BenchmarkLex(b *testing.B) {
	for _, c := range corpus {
		data, err := os.ReadFile(filepath.Join("testdata", "corpus", c.file))
		if err != nil {
			b.Fatal(err)
		}
		text := string(data)
		b.Run(c.lang+"/bookc", func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				Tokens(c.lang, text)
			}
		})
		b.Run(c.lang+"/chroma", func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				chromaWant(b, c.lang, text)
			}
		})
	}
}
