package longtail

import (
	"slices"
	"testing"

	"github.com/alecthomas/chroma/v2/lexers"
)

// TestGet checks that Get finds the lexer that chroma's registry finds, for every name, alias and
// file extension that chroma knows, except the lexers that the zip lacks.
func TestGet(t *testing.T) {
	names := lexers.Names(true)
	for _, l := range lexers.GlobalLexerRegistry.Lexers {
		for _, g := range l.Config().Filenames {
			if len(g) > 2 && g[:2] == "*." {
				names = append(names, g[2:])
			}
		}
	}
	names = append(names, "no-such-language", "Makefile", "CMakeLists.txt")
	for _, name := range names {
		want := lexers.Get(name)
		if want != nil && slices.Contains(skipped, want.Config().Name) {
			continue
		}
		got := Get(name)
		switch {
		case want == nil && got != nil:
			t.Errorf("Get(%q) = %s, want nil", name, got.Config().Name)
		case want != nil && got == nil:
			t.Errorf("Get(%q) = nil, want %s", name, want.Config().Name)
		case want != nil && got.Config().Name != want.Config().Name && got.Config().Priority != want.Config().Priority:
			// of lexers of one priority chroma's registry takes any (sort.Sort is not stable)
			t.Errorf("Get(%q) = %s, want %s", name, got.Config().Name, want.Config().Name)
		}
		if Known(name) != (got != nil) {
			t.Errorf("Known(%q) = %v, Get gives %v", name, Known(name), got)
		}
	}
}

// TestNested checks that a lexer that delegates finds the lexers it delegates to.
func TestNested(t *testing.T) {
	for _, tt := range []struct{ lang, text string }{
		{"html", "<script>let x = 1;</script><style>a { color: red }</style>"},
		{"markdown", "# T\n\n```python\nx = 1\n```\n"},
		// the lexers of package golexers, and those that delegate to them
		{"markdown", "# T\n\n```go\nfunc main() {}\n```\n"},
		{"go-html-template", "<p>{{ .Title }}</p><script>let x = 1;</script>\n"},
		{"erb", "<ul><% @items.each do |i| %><li><%= i %></li><% end %></ul>\n"},
		{"phtml", "<b><?php echo $x + 1; ?></b>\n"},
		{"http", "POST /v1 HTTP/1.1\nContent-Type: application/json\n\n{\"a\": [1, true]}\n"},
		{"rst", "Title\n=====\n\n.. code-block:: python\n\n   x = 1\n"},
		{"common-lisp", "(defun f (x) (+ x 1))\n"},
		{"emacs-lisp", "(setq x 1)\n"},
		{"haxe", "class A { static function main() trace(1); }\n"},
		{"raku", "my $x = 1; say $x;\n"},
		{"svelte", "<script>let n = 0;</script><button on:click={() => n++}>{n}</button>\n"},
		{"yaml+jinja", "a: {{ b }}\n{% if c %}d: 1{% endif %}\n"},
		{"templ", "templ Hello(name string) {\n\t<p>{ name }</p>\n}\n"},
		{"go", "package main\n"},
	} {
		lx := Get(tt.lang)
		if lx == nil {
			t.Errorf("%s: no lexer", tt.lang)
			continue
		}
		it, err := lx.Tokenise(nil, tt.text)
		if err != nil {
			t.Fatal(err)
		}
		wit, _ := lexers.Get(tt.lang).Tokenise(nil, tt.text)
		got, want := it.Tokens(), wit.Tokens()
		if !slices.Equal(got, want) {
			t.Errorf("%s: got %v\nwant %v", tt.lang, got, want)
		}
		if len(got) < 3 {
			t.Errorf("%s: %d tokens, want it lexed", tt.lang, len(got))
		}
	}
}
