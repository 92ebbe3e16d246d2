package highlight

import (
	"fmt"
	"strings"
	"testing"

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
	f.Fuzz(func(t *testing.T, lang, text string) {
		got := Tokens(lang, text)
		if got != nil && concat(got) != text {
			t.Errorf("Tokens(%q, %q) give %q", lang, text, concat(got))
		}
	})
}

// TestBudget checks that a block up to MaxBytes is lexed and a longer one is left plain, which
// TooBig reports only for a language a lexer knows.
func TestBudget(t *testing.T) {
	line := "let x = 1;\n"
	full := strings.Repeat(line, MaxBytes/len(line)) + strings.Repeat("x", MaxBytes%len(line))
	if len(full) != MaxBytes {
		t.Fatalf("test text is %d bytes, want %d", len(full), MaxBytes)
	}
	// plaintext lexes fast; its tokens of one class merge into one
	if got := Tokens("text", full); len(got) != 1 || got[0].Text != full {
		t.Errorf("a block of MaxBytes gives %d tokens, want it whole in one", len(got))
	}
	if TooBig("text", full) {
		t.Error("a block of MaxBytes is too big")
	}
	over := full + "\n"
	if got := Tokens("text", over); got != nil {
		t.Errorf("a block over MaxBytes gives %d tokens, want none", len(got))
	}
	if !TooBig("text", over) || !TooBig(" Rust ", over) {
		t.Error("a block over MaxBytes is not too big")
	}
	if TooBig("no-such-language", over) || TooBig("", over) {
		t.Error("a block no lexer knows is too big: it would not be lexed at any size")
	}
}

// BenchmarkTokens lexes code 1x and 10x as long, both under MaxBytes: the time must grow no faster
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
