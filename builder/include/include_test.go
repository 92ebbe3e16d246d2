package include

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

var files = fstest.MapFS{
	"book/src/code.rs":      {Data: []byte("fn main() {\n    // ANCHOR: body\n    let x = 1;\n    println!(\"{x}\");\n    // ANCHOR_END: body\n}\n")},
	"book/src/lines.txt":    {Data: []byte("one\ntwo\nthree\nfour\nfive\n")},
	"book/src/part.md":      {Data: []byte("Included *text*.\n{{#include sub/inner.md}}\n")},
	"book/src/sub/inner.md": {Data: []byte("Inner line.")},
	"book/src/loop-a.md":    {Data: []byte("a {{#include loop-b.md}}")},
	"book/src/loop-b.md":    {Data: []byte("b {{#include loop-a.md}}")},
	"book/src/open.rs":      {Data: []byte("x\n// ANCHOR: open\ny\nz\n")},
	"book/src/twice.rs":     {Data: []byte("fn f() {\n// ANCHOR: a\none\n// ANCHOR_END: a\nmid\n// ANCHOR: a\ntwo\n// ANCHOR_END: a\n}\n")},
	"examples/ex.rs":        {Data: []byte("outside the book, inside the root")},
}

func TestExpand(t *testing.T) {
	tests := []struct {
		name, in, want string
		diag           string // substring of the only expected diagnostic
	}{
		{name: "whole file", in: "{{#include lines.txt}}", want: "one\ntwo\nthree\nfour\nfive"},
		{name: "one line", in: "{{#include lines.txt:2}}", want: "two"},
		{name: "from a line", in: "{{#include lines.txt:4:}}", want: "four\nfive"},
		{name: "up to a line", in: "{{#include lines.txt::2}}", want: "one\ntwo"},
		{name: "a range", in: "{{#include lines.txt:2:3}}", want: "two\nthree"},
		{name: "range past the end", in: "{{#include lines.txt:4:99}}", want: "four\nfive"},
		{name: "anchor", in: "{{#include code.rs:body}}", want: "    let x = 1;\n    println!(\"{x}\");"},
		{name: "whole file keeps its anchor lines, as mdBook's take_lines", in: "{{#include code.rs}}", want: "fn main() {\n    // ANCHOR: body\n    let x = 1;\n    println!(\"{x}\");\n    // ANCHOR_END: body\n}"},
		{name: "line 0 is the first line", in: "{{#include lines.txt:0}}", want: "one"},
		{name: "an end that is no number leaves the range open", in: "{{#include lines.txt:4:x}}", want: "four\nfive"},
		{name: "both empty is the whole file", in: "{{#include lines.txt::}}", want: "one\ntwo\nthree\nfour\nfive"},
		{name: "a third part is ignored", in: "{{#include lines.txt:2:3:9}}", want: "two\nthree"},
		{name: "include shows the first region only", in: "{{#include twice.rs:a}}", want: "one"},
		{name: "rustdoc_include shows every region", in: "{{#rustdoc_include twice.rs:a}}", want: "# fn f() {\none\n# mid\ntwo\n# }"},
		{name: "rustdoc_include of a range", in: "{{#rustdoc_include lines.txt:2:3}}", want: "# one\ntwo\nthree\n# four\n# five"},
		{name: "rustdoc_include of a missing anchor hides it all", in: "{{#rustdoc_include lines.txt:nope}}", want: "# one\n# two\n# three\n# four\n# five", diag: `has no line with ANCHOR: nope`},
		{name: "unterminated anchor runs to the end", in: "{{#include open.rs:open}}", want: "y\nz"},
		{name: "missing anchor includes nothing, as mdBook", in: "{{#include code.rs:nope}}", want: "", diag: `book/src/code.rs has no line with ANCHOR: nope`},
		{name: "spaces inside braces", in: "{{ #include lines.txt:1 }}", want: "one"},
		{name: "nested include", in: "A\n{{#include part.md}}\nB", want: "A\nIncluded *text*.\nInner line.\nB"},
		{name: "escaped directive stays literal", in: `\{{#include lines.txt}}`, want: "{{#include lines.txt}}"},
		{name: "playground becomes a rust block", in: "{{#playground sub/inner.md editable}}", want: "```rust,editable\nInner line.\n```\n"},
		{name: "playground has no selector", in: "{{#playground lines.txt:1}}", want: "{{#playground lines.txt:1}}", diag: "book/src/lines.txt:1 does not exist"},
		{name: "title is dropped", in: "{{#title A page title}}X", want: "X"},
		{name: "unknown directive untouched", in: "{{#toc}}{{/toc}} {{#custom x}}", want: "{{#toc}}{{/toc}} {{#custom x}}"},
		{name: "missing file", in: "{{#include nope.rs}}", want: "{{#include nope.rs}}", diag: "book/src/nope.rs does not exist"},
		{name: "cycle", in: "{{#include loop-a.md}}", want: "a b {{#include loop-a.md}}", diag: "include cycle: book/src/loop-a.md -> book/src/loop-b.md -> book/src/loop-a.md"},
		{name: "absolute path", in: "{{#include /etc/passwd}}", want: "{{#include /etc/passwd}}", diag: "absolute paths are refused"},
		{name: "escape the root", in: "{{#include ../../../etc/passwd}}", want: "{{#include ../../../etc/passwd}}", diag: "escapes the include root ROOT"},
		{name: "inside the root, outside the book", in: "{{#include ../../examples/ex.rs}}", want: "outside the book, inside the root"},
		{name: "empty range includes nothing, as mdBook", in: "{{#include lines.txt:4:2}}", want: "", diag: "the line range is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Expand(Options{FS: files, RootName: "ROOT"}, "book/src/ch.md", []byte(tt.in))
			if r.Text != tt.want {
				t.Errorf("text:\n%q\nwant:\n%q", r.Text, tt.want)
			}
			switch {
			case tt.diag == "" && len(r.Diags) > 0:
				t.Errorf("unexpected diagnostics %v", r.Diags)
			case tt.diag != "" && (len(r.Diags) != 1 || !strings.Contains(r.Diags[0].String(), tt.diag)):
				t.Errorf("diagnostics %v, want one containing %q", r.Diags, tt.diag)
			}
			if got := lineCount(r.Text); len(r.Origins) != got {
				t.Errorf("%d origins for %d lines", len(r.Origins), got)
			}
		})
	}
}

func TestOrigins(t *testing.T) {
	in := "first\n{{#include part.md}}\nlast"
	r := Expand(Options{FS: files}, "book/src/ch.md", []byte(in))
	want := []Origin{
		{"book/src/ch.md", 1}, {"book/src/part.md", 1}, {"book/src/sub/inner.md", 1}, {"book/src/ch.md", 3},
	}
	if len(r.Origins) != len(want) {
		t.Fatalf("origins %v, want %v", r.Origins, want)
	}
	for i := range want {
		if r.Origins[i] != want[i] {
			t.Errorf("line %d from %v, want %v", i+1, r.Origins[i], want[i])
		}
	}
	if o := r.Origin(99); o != want[3] {
		t.Errorf("Origin past the end = %v", o)
	}
}

func TestDepthLimit(t *testing.T) {
	fsys := fstest.MapFS{}
	for i := 0; i < 20; i++ {
		fsys["d/"+string(rune('a'+i))+".md"] = &fstest.MapFile{Data: []byte("{{#include " + string(rune('a'+i+1)) + ".md}}")}
	}
	r := Expand(Options{FS: fsys}, "d/start.md", []byte("{{#include a.md}}"))
	if len(r.Diags) != 1 || !strings.Contains(r.Diags[0].Msg, "nests deeper than 10") {
		t.Fatalf("diagnostics %v", r.Diags)
	}
}

func FuzzExpand(f *testing.F) {
	for _, s := range []string{
		"{{#include lines.txt:2:3}}", "{{#include code.rs:body}}", `\{{#include x}}`, "{{#playground part.md a b}}",
		"{{#include loop-a.md}}", "{{#include ../../examples/ex.rs}}", "{{ #include : }}", "{{#include ::}}", "{{#title}}",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		r := Expand(Options{FS: files, RootName: "ROOT"}, "book/src/ch.md", []byte(in))
		if got := lineCount(r.Text); len(r.Origins) != got {
			t.Fatalf("%d origins for %d lines", len(r.Origins), got)
		}
		if strings.Contains(r.Text, "outside the book") && !strings.Contains(in, "examples") {
			t.Fatalf("included a file the input did not name")
		}
	})
}

// lineCount counts lines as Origins does: a final newline ends a line rather than starting one.
func lineCount(s string) int {
	if s == "" {
		return 0
	}
	return strings.Count(strings.TrimSuffix(s, "\n"), "\n") + 1
}

// opens counts the files opened through it.
type opens struct {
	fs.FS
	n map[string]int
}

func (o *opens) Open(name string) (fs.File, error) {
	o.n[name]++
	return o.FS.Open(name)
}

// TestFilesReadOnce expands two chapters that include the same file, one of them twice, and
// reads the chapter that is included as well: with one Files, each file is opened once.
func TestFilesReadOnce(t *testing.T) {
	fsys := &opens{FS: fstest.MapFS{"snip.txt": {Data: []byte("snippet\n")}, "b.md": {Data: []byte("# B\n")}}, n: map[string]int{}}
	f := &Files{}
	opt := Options{FS: fsys, Files: f}
	for _, ch := range []string{"{{#include snip.txt}}\n{{#include snip.txt}}\n{{#include b.md}}\n", "{{#include snip.txt}}\n"} {
		if r := Expand(opt, "a.md", []byte(ch)); len(r.Diags) > 0 || !strings.Contains(r.Text, "snippet") {
			t.Fatalf("%q: %v\n%s", ch, r.Diags, r.Text)
		}
	}
	if data, err := f.Read(fsys, "b.md"); err != nil || string(data) != "# B\n" {
		t.Fatalf("b.md: %q, %v", data, err)
	}
	if fsys.n["snip.txt"] != 1 || fsys.n["b.md"] != 1 {
		t.Errorf("files opened %v times, want once each", fsys.n)
	}
}

// TestRead checks that an expansion lists every file it read or tried to, nested and missing ones
// too, and says when the budget stopped it.
func TestRead(t *testing.T) {
	fsys := fstest.MapFS{"a.md": {Data: []byte("A\n{{#include b.md}}\n")}, "b.md": {Data: []byte("B\n")}}
	r := Expand(Options{FS: fsys, Files: &Files{}}, "ch.md", []byte("{{#include a.md}}\n{{#include gone.md}}\n{{#include /abs.md}}\n"))
	if want := []string{"a.md", "b.md", "gone.md"}; !slices.Equal(r.Read, want) || r.Stopped {
		t.Errorf("read %q, stopped %v; want %q, not stopped", r.Read, r.Stopped, want)
	}
}

// TestBudget: includes that fan out stop at the budget, with one error naming the chain, and in
// time and memory proportional to the budget, not to the 10^10 copies they ask for.
func TestBudget(t *testing.T) {
	fsys := fstest.MapFS{}
	for i := 0; i < 9; i++ { // nine deep: within the depth limit, so that the budget stops it
		body := strings.Repeat("filler text for the fan-out test\n", 50)
		if i < 8 {
			body += strings.Repeat(fmt.Sprintf("{{#include f%d.md}}\n", i+1), 10)
		}
		fsys[fmt.Sprintf("f%d.md", i)] = &fstest.MapFile{Data: []byte(body)}
	}
	files := &Files{}
	r := Expand(Options{FS: fsys, Files: files}, "ch.md", []byte("start\n{{#include f0.md}}\nend\n"))
	if len(r.Text) > budgetFloor+64<<10 || len(r.Text) < budgetFloor/2 {
		t.Errorf("expanded to %d bytes, want about the %d-byte budget", len(r.Text), budgetFloor)
	}
	if len(r.Diags) != 1 || !strings.Contains(r.Diags[0].String(), "includes stop here: this chapter expands to more than 16 MB") ||
		!strings.Contains(r.Diags[0].String(), "ch.md -> f0.md -> f1.md") {
		t.Errorf("%d diagnostics, want 1; the first: %.300v", len(r.Diags), r.Diags)
	}
	if strings.HasSuffix(r.Text, "end\n") || !r.Stopped {
		t.Errorf("the chapter went on past the budget, or did not say it stopped (%v)", r.Stopped)
	}
	// The book's budget is shared: chapters that each stay within their own still stop together.
	big := strings.Repeat("x", 1<<20) + "\n"
	fsys["big.md"] = &fstest.MapFile{Data: []byte(big)}
	chapter := []byte(strings.Repeat("{{#include big.md}}\n", 15))
	var stopped int
	for i := 0; i < 30; i++ {
		if r := Expand(Options{FS: fsys, Files: files}, "c.md", chapter); len(r.Diags) > 0 {
			stopped++
			if !strings.Contains(r.Diags[0].String(), "the book's chapters expand to more than 256 MB in all") {
				t.Errorf("chapter %d: %.300v", i, r.Diags)
			}
		}
	}
	if stopped == 0 {
		t.Error("30 chapters of 15 MB each passed the book's 256 MB budget")
	}
}

// TestAnchoredAsMdBook runs the cases of mdBook's own tests of take_anchored_lines and
// take_rustdoc_include_anchored_lines (src/utils/string.rs) with mdBook's expectations.
func TestAnchoredAsMdBook(t *testing.T) {
	join := func(ls []fileLine) string {
		var out []string
		for _, l := range ls {
			out = append(out, l.text)
		}
		return strings.Join(out, "\n")
	}
	tests := []struct {
		in, anchor, include, rustdoc string
	}{
		{"Lorem\nipsum\ndolor\nsit\namet", "test", "", "# Lorem\n# ipsum\n# dolor\n# sit\n# amet"},
		{"Lorem\nipsum\ndolor\nANCHOR_END: test\nsit\namet", "test", "", "# Lorem\n# ipsum\n# dolor\n# sit\n# amet"},
		{"Lorem\nipsum\nANCHOR: test\ndolor\nsit\namet", "test", "dolor\nsit\namet", "# Lorem\n# ipsum\ndolor\nsit\namet"},
		{"Lorem\nipsum\nANCHOR: test\ndolor\nsit\namet", "something", "", "# Lorem\n# ipsum\n# dolor\n# sit\n# amet"},
		{"Lorem\nipsum\nANCHOR: test\ndolor\nsit\namet\nANCHOR_END: test\nlorem\nipsum", "test",
			"dolor\nsit\namet", "# Lorem\n# ipsum\ndolor\nsit\namet\n# lorem\n# ipsum"},
		{"Lorem\nANCHOR: test\nipsum\nANCHOR: test\ndolor\nsit\namet\nANCHOR_END: test\nlorem\nipsum", "test",
			"ipsum\ndolor\nsit\namet", "# Lorem\nipsum\ndolor\nsit\namet\n# lorem\n# ipsum"},
		{"Lorem\nANCHOR:    test2\nipsum\nANCHOR: test\ndolor\nsit\namet\nANCHOR_END: test\nlorem\nANCHOR_END:test2\nipsum", "test2",
			"ipsum\ndolor\nsit\namet\nlorem", "# Lorem\nipsum\ndolor\nsit\namet\nlorem\n# ipsum"},
		{"Lorem\nANCHOR:    test2\nipsum\nANCHOR: test\ndolor\nsit\namet\nANCHOR_END: test\nlorem\nANCHOR_END:test2\nipsum", "test",
			"dolor\nsit\namet", "# Lorem\n# ipsum\ndolor\nsit\namet\n# lorem\n# ipsum"},
		{"Lorem\nANCHOR: test\nipsum\nANCHOR_END: test\ndolor\nANCHOR: test\nsit\nANCHOR_END: test\namet", "test",
			"ipsum", "# Lorem\nipsum\n# dolor\nsit\n# amet"},
	}
	for _, tt := range tests {
		t.Run(tt.anchor+" in "+strings.ReplaceAll(tt.in, "\n", "|"), func(t *testing.T) {
			sel := selector{anchor: tt.anchor}
			if got, _ := sel.pick(tt.in); join(got) != tt.include {
				t.Errorf("include: %q, want %q", join(got), tt.include)
			}
			if got, _ := sel.pickRustdoc(tt.in); join(got) != tt.rustdoc {
				t.Errorf("rustdoc_include: %q, want %q", join(got), tt.rustdoc)
			}
		})
	}
}

// TestSelectorsAsMdBook parses selectors as mdBook's parse_range_or_anchor does.
func TestSelectorsAsMdBook(t *testing.T) {
	tests := []struct {
		arg, file string
		want      selector
	}{
		{"f.rs", "f.rs", selector{end: -1}},
		{"f.rs:2", "f.rs", selector{start: 1, end: 2}},
		{"f.rs:0", "f.rs", selector{start: 0, end: 1}},
		{"f.rs:2:5", "f.rs", selector{start: 1, end: 5}},
		{"f.rs:3:", "f.rs", selector{start: 2, end: -1}},
		{"f.rs::5", "f.rs", selector{start: 0, end: 5}},
		{"f.rs::", "f.rs", selector{end: -1}},
		{"f.rs:", "f.rs", selector{end: -1}},
		{"f.rs:+2", "f.rs", selector{start: 1, end: 2}},
		{"f.rs:-2", "f.rs", selector{anchor: "-2"}},
		{"f.rs:name", "f.rs", selector{anchor: "name"}},
		{"f.rs:name:7", "f.rs", selector{anchor: "name"}},
		{"a:b.rs:2", "a", selector{anchor: "b.rs"}},
	}
	for _, tt := range tests {
		file, sel := splitSelector(tt.arg)
		if file != tt.file || sel != tt.want {
			t.Errorf("%s: %q %+v, want %q %+v", tt.arg, file, sel, tt.file, tt.want)
		}
	}
}

// TestRunOrigins: lines after the anchor comments a selection leaves out keep their own numbers.
func TestRunOrigins(t *testing.T) {
	r := Expand(Options{FS: files}, "book/src/ch.md", []byte("{{#rustdoc_include twice.rs:a}}"))
	want := []int{1, 3, 5, 7, 9}
	for i, n := range want {
		if o := r.Origin(i + 1); o.Line != n || o.File != "book/src/twice.rs" {
			t.Errorf("line %d from %v, want twice.rs:%d", i+1, o, n)
		}
	}
}
