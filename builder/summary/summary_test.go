package summary

import (
	"fmt"
	"strings"
	"testing"

	"bookc/builder/diag"
)

// outline renders a parsed summary compactly: "P:" prefix, "#Part", numbered entries, "S:" suffix.
func outline(s *Summary) string {
	var sb strings.Builder
	if s.Title != "" {
		fmt.Fprintf(&sb, "title %s\n", s.Title)
	}
	var walk func(es []*Entry, depth int)
	walk = func(es []*Entry, depth int) {
		for _, e := range es {
			num := ""
			for _, n := range e.Number {
				num += fmt.Sprint(n) + "."
			}
			fmt.Fprintf(&sb, "%s%s %s [%s]\n", strings.Repeat("  ", depth), num, e.Title, e.Path)
			walk(e.Children, depth+1)
		}
	}
	for _, e := range s.Prefix {
		fmt.Fprintf(&sb, "P: %s [%s]\n", e.Title, e.Path)
	}
	for _, p := range s.Parts {
		fmt.Fprintf(&sb, "#%s\n", p.Title)
		walk(p.Entries, 1)
	}
	for _, e := range s.Suffix {
		fmt.Fprintf(&sb, "S: %s [%s]\n", e.Title, e.Path)
	}
	return sb.String()
}

func TestParse(t *testing.T) {
	tests := []struct {
		name, in, want string
		diags          []string // substrings of expected diagnostics, in order
	}{
		{
			name: "full grammar",
			in: `# Summary

[Introduction](README.md)
[Preface](preface.md)

# User guide

- [Installation](guide/installation.md)
- [Reading](guide/reading.md)
    - [Deep](guide/deep.md)
        * [Deeper](guide/deeper.md)
    - [Draft]()

---

# Reference

* [CLI](cli/README.md)

[Contributors](misc/contributors.md)
`,
			want: `title Summary
P: Introduction [README.md]
P: Preface [preface.md]
#User guide
  1. Installation [guide/installation.md]
  2. Reading [guide/reading.md]
    2.1. Deep [guide/deep.md]
      2.1.1. Deeper [guide/deeper.md]
    2.2. Draft []
#Reference
  3. CLI [cli/README.md]
S: Contributors [misc/contributors.md]
`,
		},
		{
			name: "no title, no parts, tabs and plus bullets",
			in:   "- [A](a.md)\n\t+ [B](b.md)\n- [C](c.md)\n",
			want: "#\n  1. A [a.md]\n    1.1. B [b.md]\n  2. C [c.md]\n",
		},
		{
			name: "escaped brackets, code and encoded paths",
			in:   "- [The `[x]` \\[thing\\]](my%20file.md#frag)\n- [Angle](<with space.md>)\n",
			want: "#\n  1. The [x] [thing] [my file.md]\n  2. Angle [with space.md]\n",
		},
		{
			name: "comments are skipped",
			in:   "<!-- a\nmulti-line - [Hidden](h.md)\ncomment -->\n- [A](a.md) \n<!-- one line -->\n",
			want: "#\n  1. A [a.md]\n",
		},
		{
			name:  "link to a folder and to a non-Markdown file",
			in:    "- [Dir](guide/)\n- [Pic](x.png)\n- [Ok](ok.md)\n",
			want:  "#\n  1. Ok [ok.md]\n",
			diags: []string{"SUMMARY.md:1: error: chapter \"Dir\" links to \"guide/\", which is not a Markdown file", "SUMMARY.md:2: error"},
		},
		{
			name:  "indented first item",
			in:    "    - [A](a.md)\n- [B](b.md)\n",
			want:  "#\n  1. A [a.md]\n  2. B [b.md]\n",
			diags: []string{"SUMMARY.md:1: warning: chapter \"A\" is indented but has no parent"},
		},
		{
			name:  "outside the source folder",
			in:    "- [Up](../x.md)\n- [Web](https://example.com/x.md)\n",
			want:  "",
			diags: []string{"SUMMARY.md:1: error: chapter \"Up\" links to \"../x.md\"", "SUMMARY.md:2: error"},
		},
		{
			name:  "numbered after suffix",
			in:    "- [A](a.md)\n[S](s.md)\n- [B](b.md)\n# Late part\n",
			want:  "#\n  1. A [a.md]\nS: S [s.md]\n",
			diags: []string{"SUMMARY.md:3: error: numbered chapter \"B\" after suffix", "SUMMARY.md:4: error: part title \"Late part\" after suffix"},
		},
		{
			name:  "stray text and broken links",
			in:    "Some prose here.\n- [Unclosed(a.md)\n",
			want:  "",
			diags: []string{"SUMMARY.md:1: warning", "SUMMARY.md:2: error: cannot read a chapter link"},
		},
		{
			name: "separators of each kind",
			in:   "- [A](a.md)\n***\n___\n- - -\n- [B](b.md)\n",
			want: "#\n  1. A [a.md]\n  2. B [b.md]\n",
		},
		{
			// mdBook's parse_nested_item takes the first link of an item; the rest is skipped
			name: "trailing words after an item's link",
			in:   "- [A](a.md) is the first\n  - [B](b.md) — and [C](c.md) is no chapter\n- [Draft]() to come\n",
			want: "#\n  1. A [a.md]\n    1.1. B [b.md]\n  2. Draft []\n",
		},
		{
			// mdBook's parse_affix makes a chapter of every link in prefix and suffix paragraphs
			name: "every link of an affix line, words around them skipped",
			in:   "Read [Intro](intro.md) and [Foreword](fw.md) first.\n- [A](a.md)\n[End](end.md) at last\n",
			want: "P: Intro [intro.md]\nP: Foreword [fw.md]\n#\n  1. A [a.md]\nS: End [end.md]\n",
		},
		{
			name: "a link title after the target",
			in:   "- [A](a.md \"The title\")\n",
			want: "#\n  1. A [a.md]\n",
		},
		{
			name:  "an item that does not start with its link",
			in:    "- see [A](a.md)\n- [B](b.md)\n",
			want:  "#\n  1. B [b.md]\n",
			diags: []string{"SUMMARY.md:1: error: cannot read a chapter link"},
		},
		{
			name: "CRLF line ends",
			in:   "# Summary\r\n\r\n- [A](a.md)\r\n  - [B](b.md)\r\n",
			want: "title Summary\n#\n  1. A [a.md]\n    1.1. B [b.md]\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ds := Parse("SUMMARY.md", []byte(tt.in))
			if got := outline(s); got != tt.want {
				t.Errorf("outline:\n%s\nwant:\n%s", got, tt.want)
			}
			if len(ds) != len(tt.diags) {
				t.Fatalf("diagnostics: got %d %v, want %d", len(ds), ds, len(tt.diags))
			}
			for i, d := range ds {
				if !strings.Contains(d.String(), tt.diags[i]) {
					t.Errorf("diagnostic %d = %q, want it to contain %q", i, d, tt.diags[i])
				}
			}
		})
	}
}

func TestDraft(t *testing.T) {
	s, _ := Parse("S", []byte("- [D]()\n- [F](f.md)\n"))
	if !s.Parts[0].Entries[0].Draft() || s.Parts[0].Entries[1].Draft() {
		t.Fatal("Draft() wrong")
	}
}

func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"# Summary\n\n[Intro](README.md)\n\n# Part\n\n- [A](a.md)\n    - [B](b/c.md)\n\n---\n\n[End](end.md)\n",
		"- [x]()\n\t- [y](y.md#z)\n<!-- c -->\n",
		"[a](", "- [", "[]()", "- [\\]](x.md)", "***\n# \n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		s, ds := Parse("SUMMARY.md", []byte(in))
		for _, d := range ds {
			if d.Line < 1 || d.Severity > diag.Error {
				t.Fatalf("diagnostic without a line: %v", d)
			}
		}
		var check func(es []*Entry, prefix []int)
		check = func(es []*Entry, prefix []int) {
			for i, e := range es {
				if len(e.Number) != len(prefix)+1 || (len(prefix) > 0 && e.Number[len(prefix)] != i+1) {
					t.Fatalf("entry %q numbered %v under %v", e.Title, e.Number, prefix)
				}
				if strings.HasPrefix(e.Path, "../") || strings.HasPrefix(e.Path, "/") {
					t.Fatalf("entry path %q leaves the source folder", e.Path)
				}
				check(e.Children, e.Number)
			}
		}
		for _, p := range s.Parts {
			for _, e := range p.Entries {
				check(e.Children, e.Number)
			}
		}
	})
}

// staircase lists chapters C1, C2, ... each nested one level deeper, from level first on.
func staircase(from, to int) string {
	var sb strings.Builder
	for i := from; i <= to; i++ {
		fmt.Fprintf(&sb, "%s- [C%d](c%d.md)\n", strings.Repeat("  ", i-1), i, i)
	}
	return sb.String()
}

func TestDepthCap(t *testing.T) {
	tests := []struct {
		name, in string
		depth    int      // of the deepest entry
		last     string   // number of the last entry
		diags    []string // prefixes, in order
	}{
		{"100 levels", staircase(1, 100), 100, strings.Repeat("1.", 100), nil},
		{"deeper entries are listed at level 100", staircase(1, 103), 100, strings.Repeat("1.", 99) + "4.", []string{
			`SUMMARY.md:101: error: chapter "C101" is nested deeper than 100 levels; it is listed at level 100, after "C100" (indent it less)`,
			`SUMMARY.md:102: error: chapter "C102" is nested deeper than 100 levels; it is listed at level 100, after "C101"`,
			`SUMMARY.md:103: error: chapter "C103" is nested deeper than 100 levels; it is listed at level 100, after "C102"`,
		}},
		{"nesting goes on after a too deep entry", staircase(1, 101) + staircase(2, 2) + "  " + staircase(2, 2) + "- [Top](top.md)\n", 100, "2.", []string{
			`SUMMARY.md:101: error: chapter "C101" is nested deeper than 100 levels`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ds := Parse("SUMMARY.md", []byte(tt.in))
			depth, count, last := 0, 0, ""
			var walk func(es []*Entry, d int)
			walk = func(es []*Entry, d int) {
				for _, e := range es {
					depth, count = max(depth, d), count+1
					last = ""
					for _, n := range e.Number {
						last += fmt.Sprint(n) + "."
					}
					walk(e.Children, d+1)
				}
			}
			walk(s.Parts[0].Entries, 1)
			if want := strings.Count(tt.in, "\n"); count != want {
				t.Errorf("%d entries, want %d: every entry keeps its place in the book", count, want)
			}
			if depth != tt.depth || last != tt.last {
				t.Errorf("depth %d, last entry %s; want %d, %s", depth, last, tt.depth, tt.last)
			}
			if len(ds) != len(tt.diags) {
				t.Fatalf("diagnostics %v, want %d", ds, len(tt.diags))
			}
			for i, d := range ds {
				if !strings.HasPrefix(d.String(), tt.diags[i]) {
					t.Errorf("diagnostic %q, want it to start %q", d, tt.diags[i])
				}
			}
		})
	}
}

// BenchmarkDeepSummary parses 10 (1x) or 100 (10x) outlines nested 200 levels deep, past the cap:
// time and memory grow with the input, however deep it nests.
func BenchmarkDeepSummary(b *testing.B) {
	for _, k := range []int{1, 10} {
		in := []byte(strings.Repeat(staircase(1, 200), 10*k))
		b.Run(fmt.Sprintf("%dx", k), func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				Parse("SUMMARY.md", in)
			}
		})
	}
}

// TestTitles checks that a chapter link's text becomes its title as mdBook's stringify_events
// makes it: text and code kept, marks, tags and escapes gone.
func TestTitles(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Plain title", "Plain title"},
		{"*Emphasis* and **strong**", "Emphasis and strong"},
		{"The `mem::take` idiom", "The mem::take idiom"},
		{"snake_case_name and 2 * 3 * 4", "snake_case_name and 2 * 3 * 4"},
		{`Escaped \*stars\* and \_under\_`, "Escaped *stars* and _under_"},
		{"Tags <em>inside</em>", "Tags inside"},
		{"1. Not a list", "1. Not a list"},
		{"# Not a heading", "# Not a heading"},
		{"AT&amp;T &#65;", "AT&T A"},
		{"~~not struck~~", "~~not struck~~"},
	} {
		if got := cleanTitle(tt.in); got != tt.want {
			t.Errorf("cleanTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
