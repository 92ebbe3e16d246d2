package highlight

import (
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
