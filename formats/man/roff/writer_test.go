package roff

import (
	"strings"
	"testing"
)

func TestText(t *testing.T) {
	tests := []struct {
		name, in, want string
		literal        bool
	}{
		{name: "plain", in: "Hello, world.", want: "Hello, world."},
		{name: "leading dot", in: ".profile is read", want: `\&.profile is read`},
		{name: "leading quote", in: "'tis", want: `\&'tis`},
		{name: "inner dot", in: "a .b", want: "a .b"},
		{name: "backslash", in: `C:\dir`, want: `C:\edir`},
		{name: "double quote", in: `say "hi"`, want: `say \(dqhi\(dq`},
		{name: "option dashes", in: "-v --verbose -5", want: `\-v \-\-verbose \-5`},
		{name: "hyphens", in: "well-known a - b x-- (-x)", want: `well-known a - b x-- (\-x)`},
		{name: "spaces collapse", in: "  a \t b\nc  ", want: "a b c"},
		{name: "named glyphs", in: "\u201ca\u201d \u2014 \u2192 \u00a0", want: `\(lqa\(rq \(em \(-> \~`},
		{name: "unicode", in: "caf\u00e9 \u4e2d \U0001F600", want: `caf\[u00E9] \[u4E2D] \[u1F600]`},
		{name: "invisible", in: "a\u00adb\u200bc\u0001d", want: "abcd"},
		{name: "noncharacter", in: "\uFFFE", want: `\[uFFFD]`},
		{name: "literal", in: "rm -rf 'a' `b` ~c ^d", want: `rm \-rf \(aqa\(aq \(gab\(ga \(tic \(had`, literal: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := New()
			if tc.literal {
				w.Literal(tc.in)
			} else {
				w.Text(tc.in)
			}
			if got := w.String(); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// TestBreakPoints checks where words may break: code words and URLs after "/", ".", "_" and
// "::", past their first character and not inside a run of separators, or after 40 characters
// with no such point; prose only in words of more than 40 characters; names never.
func TestBreakPoints(t *testing.T) {
	long := strings.Repeat("Deprecated", 8)
	longBroken := long[:40] + `\:` + long[40:]
	longURL := "https://example.com/a/very/long/path/to/file.html"
	tests := []struct {
		name, in, want string
		write          func(*Writer, string)
	}{
		{"prose long word", long, longBroken, (*Writer).Text},
		// the pieces of one word written apart (adjacent text nodes): each is short, the word is not
		{"prose long word in pieces", long, longBroken, func(w *Writer, s string) {
			for ; len(s) > 15; s = s[15:] {
				w.Text(s[:15])
			}
			w.Text(s)
		}},
		{"prose long URL", "see " + longURL + " now", `see https://\:example.\:com/\:a/\:very/\:long/\:path/\:to/\:file.\:html now`, (*Writer).Text},
		{"prose path", "/usr/share/man/file.txt", "/usr/share/man/file.txt", (*Writer).Text},
		{"prose hyphens", "controller-manager", "controller-manager", (*Writer).Text},
		{"code long word", long, longBroken, (*Writer).Literal},
		{"code long word after a break point", "a/" + long, `a/\:` + longBroken, (*Writer).Literal},
		{"code path", "/usr/share/man/man7/file.txt", `/usr/\:share/\:man/\:man7/\:file.\:txt`, (*Writer).Literal},
		{"code relative", "x ../y/z", `x ../\:y/\:z`, (*Writer).Literal},
		{"code identifier", "NEEDS_ENCRYPTION_AND_AUTH", `NEEDS_\:ENCRYPTION_\:AND_\:AUTH`, (*Writer).Literal},
		{"code path of a module", "std::ops::Index", `std::\:ops::\:Index`, (*Writer).Literal},
		{"code single colon", "host:port", "host:port", (*Writer).Literal},
		{"code hyphen", "create-missing", `create\-missing`, (*Writer).Literal},
		{"code trailing dot", "a.", "a.", (*Writer).Literal},
		{"name", "lib_foo.bar::baz", `lib_foo.bar::baz`, (*Writer).Name},
		{"long name", long, long, (*Writer).Name},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := New()
			tc.write(w, tc.in)
			got := w.String()
			if got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
			for i := strings.Index(got, `\:`); i >= 0; i = strings.Index(got, `\:`) {
				if before := got[:i]; !strings.HasSuffix(before, "/") && !strings.HasSuffix(before, ".") &&
					!strings.HasSuffix(before, "_") && !strings.HasSuffix(before, "::") && !strings.HasSuffix(before, long[:40]) {
					t.Errorf("break point after %q", before)
				}
				got = got[i+2:]
			}
		})
	}
}

// TestParagraphs checks the line discipline: no empty or redundant paragraph macros, breaks only
// between text, fonts closed at line ends.
func TestParagraphs(t *testing.T) {
	tests := []struct {
		name string
		do   func(w *Writer)
		want string
	}{
		{"no PP after SH", func(w *Writer) {
			w.Request("SH", "NAME")
			w.Para()
			w.Text("x")
		}, ".SH NAME\nx"},
		{"PP between paragraphs, none for empty ones", func(w *Writer) {
			w.Text("a")
			w.Para()
			w.Para()
			w.Text("")
			w.Para()
			w.Text("b")
		}, "a\n.PP\nb"},
		{"br only between text", func(w *Writer) {
			w.LineBreak()
			w.Text("a")
			w.LineBreak()
			w.Text("b")
			w.LineBreak()
			w.Para()
			w.Text("c")
		}, "a\n.br\nb\n.PP\nc"},
		{"fonts are explicit and closed", func(w *Writer) {
			w.SetFont(I)
			w.Text("it ")
			w.SetFont(I.With(B))
			w.Text("both")
			w.SetFont(I)
			w.Text(" it")
			w.SetFont(R)
			w.Text(" roman")
			w.SetFont(B)
			w.Text(" bold")
		}, `\fIit \f(BIboth \fIit \fRroman \fBbold\fR`},
		{"inline request with trailing punctuation", func(w *Writer) {
			w.Text("see ")
			w.Inline("UR", "https://x.org")
			w.Text("the site")
			w.Tail("UE")
			w.Text("), then")
		}, "see\n.UR https://x.org\nthe site\n.UE ),\nthen"},
		{"inline request joined", func(w *Writer) {
			w.Text("(")
			w.Inline("MT", "a@b.org")
			w.Text("a")
			w.Tail("ME")
		}, "(\\c\n.MT a@b.org\na\n.ME"},
		{"head line then fresh body", func(w *Writer) {
			w.Text("before")
			w.Head("TP", "4")
			w.Text("term")
			w.EndHead()
			w.Para()
			w.Text("def")
		}, "before\n.TP 4\nterm\ndef"},
		{"long text wraps at word spaces, escaping new line starts", func(w *Writer) {
			w.Wrap = 10
			w.Text("aaaa bbbb cccc")
			w.SetFont(I)
			w.Text(" .ddd eeee")
		}, "aaaa bbbb cccc\n\\fI\\&.ddd eeee\\fR"},
		{"block after text gets PP", func(w *Writer) {
			w.Text("a")
			w.Para()
			w.Request("RS", "4")
			w.Request("EX")
			w.Verbatim(".x\n\n'y\\ -z  ")
			w.Request("EE")
			w.Request("RE")
		}, "a\n.RS 4\n.PP\n.EX\n\\&.x\n\\&\n\\(aqy\\e \\-z\n.EE\n.RE"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := New()
			tc.do(w)
			if got := w.String(); got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestPrelude(t *testing.T) {
	w := New()
	w.Text("\u0151 \u03cc \u2500 \u4e2d caf\u00e9")
	want := `.if !c\[u0151] .char \[u0151] o
.if !c\[u03CC] .char \[u03CC] \[u03BF]
.if !c\[u2500] .char \[u2500] \-
.if !c\[u4E2D] .char \[u4E2D] ?
`
	if got := string(w.Prelude()); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestArgAndURL(t *testing.T) {
	if got, want := QuoteArg(New().Escape("a \"b\"\tc", Prose)), `"a \(dqb\(dq c"`; got != want {
		t.Errorf("quoted argument = %s, want %s", got, want)
	}
	if got, want := QuoteArg(""), `""`; got != want {
		t.Errorf("QuoteArg = %s, want %s", got, want)
	}
	if got, want := New().URL("https://x.org/a-b/c?d=e"), `https://\:x.\:org/\:a\-b/\:c?d=e`; got != want {
		t.Errorf("URL = %s, want %s", got, want)
	}
}

func TestWidth(t *testing.T) {
	for in, want := range map[string]int{
		`plain`:                  5,
		`\fBbold\fR`:             4,
		`\f(BIx\fR`:              1,
		`caf\[u00E9] \(em \-x`:   9,
		`\&.a\%b\:c`:             4,
		`a\e b\~c\ d`:            8,
		`trailing backslash \`:   20,
		`\[u1F600]\[u4E2D]`:      2,
		`\fB\%\-\-flag\fR \(lqq`: 9,
	} {
		if got := Width(in); got != want {
			t.Errorf("Width(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestFallbackTable(t *testing.T) {
	if len(latinExtA) != 0x80 {
		t.Fatalf("latinExtA has %d letters, want 128", len(latinExtA))
	}
	for r, want := range map[rune]string{0x100: "A", 0x151: "o", 0x17E: "z", 0x152: "OE", 0x301: `\&`, 0x2502: "|", 0x2514: "+"} {
		if got := fallback(r); got != want {
			t.Errorf("fallback(%U) = %q, want %q", r, got, want)
		}
	}
}
