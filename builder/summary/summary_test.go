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
