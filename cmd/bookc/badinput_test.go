package main

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// pngOf returns a PNG of the given size; a large blank one compresses to almost nothing.
func pngOf(t *testing.T, w, h int) string {
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func nested(open, close string, depth int) string {
	var sb strings.Builder
	for i := 0; i < depth; i++ {
		sb.WriteString(strings.Repeat(open, i) + "level\n\n")
	}
	return sb.String() + close
}

// TestBadInput states, for each kind of bad book, what bookc does: a clear error with file:line
// and exit 1, or a diagnostic and a finished build; never a panic, a hang or a partial file.
func TestBadInput(t *testing.T) {
	summary := func(s string) map[string]string { return map[string]string{"src/SUMMARY.md": s} }
	with := func(m map[string]string, kv ...string) map[string]string {
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return m
	}
	tests := []struct {
		name    string
		files   map[string]string
		args    []string // after the command; the book folder is appended
		command string
		code    int
		stderr  []string // substrings of what bookc says
	}{
		{name: "no book.toml and no SUMMARY.md", files: map[string]string{"README.md": "hi"}, command: "epub", code: 1,
			stderr: []string{"src/SUMMARY.md: cannot read the book's outline", "lists its chapters in src/SUMMARY.md"}},
		{name: "bad nesting in SUMMARY.md", files: with(summary("      - [A](a.md)\n- [B](b.md)\n"), "src/a.md", "# A", "src/b.md", "# B"), command: "man",
			stderr: []string{"SUMMARY.md:1: warning: chapter \"A\" is indented but has no parent"}},
		{name: "SUMMARY.md links a folder", files: with(summary("- [Dir](guide/)\n- [B](b.md)\n"), "src/b.md", "# B"), command: "epub",
			stderr: []string{"SUMMARY.md:1: error: chapter \"Dir\" links to \"guide/\", which is not a Markdown file"}},
		{name: "a chapter listed twice", files: with(summary("- [A](a.md)\n- [Again](a.md)\n"), "src/a.md", "# A\n\n[self](a.md)"), command: "pdf",
			stderr: []string{"SUMMARY.md:2: warning: a.md is listed twice (first on line 1)"}},
		{name: "invalid UTF-8", files: with(summary("- [A](a.md)\n"), "src/a.md", "# A\n\nbad \xff\xfe byte\n"), command: "all",
			stderr: []string{"a.md:3: warning: invalid UTF-8"}},
		{name: "UTF-16 with a byte-order mark", files: with(summary("- [A](a.md)\n"), "src/a.md", "\xff\xfe#\x00 \x00A\x00\n\x00"), command: "all"},
		{name: "a binary file as a chapter", files: with(summary("- [A](a.md)\n"), "src/a.md", "\x00\x01\x02\x03PK"), command: "all",
			stderr: []string{"a.md: error: file looks binary"}},
		{name: "an empty chapter", files: with(summary("- [A](a.md)\n"), "src/a.md", ""), command: "all"},
		{name: "a missing chapter", files: summary("- [A](a.md)\n"), command: "all",
			stderr: []string{"a.md: warning: listed in SUMMARY.md but missing"}},
		{name: "lists nested 200 levels", files: with(summary("- [A](a.md)\n"), "src/a.md", nested("  ", "", 200)+nested("- ", "", 200)), command: "all"},
		{name: "quotes nested 200 levels", files: with(summary("- [A](a.md)\n"), "src/a.md", strings.Repeat(">", 200)+" deep\n"), command: "all"},
		{name: "an include cycle", files: with(summary("- [A](a.md)\n"), "src/a.md", "{{#include b.md}}", "src/b.md", "{{#include a.md}}"), command: "all",
			stderr: []string{"b.md:1: error: {{#include a.md}} is an include cycle"}},
		{name: "an include outside the root", files: with(summary("- [A](a.md)\n"), "src/a.md", "{{#include ../../../../../etc/passwd}}"), command: "epub",
			stderr: []string{"a.md:1: error: {{#include ../../../../../etc/passwd}} escapes the include root"}},
		{name: "an image outside the root", files: with(summary("- [A](a.md)\n"), "src/a.md", "![x](../../../../../etc/hostname)"), command: "epub",
			stderr: []string{"a.md:1: error: image ../../../../../etc/hostname escapes the include root"}},
		{name: "an image that is not what its name says", files: with(summary("- [A](a.md)\n"), "src/a.md", "![x](pic.png)", "src/pic.png", "just some text, no picture"), command: "all",
			stderr: []string{"a.md:1: warning: image pic.png is not an image"}},
		{name: "a GIF named .png", files: with(summary("- [A](a.md)\n"), "src/a.md", "![x](pic.png)", "src/pic.png", "GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"), command: "all"},
		{name: "a huge image", files: with(summary("- [A](a.md)\n"), "src/a.md", "![x](big.png)", "src/big.png", ""), command: "all",
			stderr: []string{"a.md:1: warning: image big.png is too large to embed (10000x10000 pixels"}},
		{name: "a missing image", files: with(summary("- [A](a.md)\n"), "src/a.md", "![The alt](gone.png)"), command: "all",
			stderr: []string{"a.md:1: warning: image gone.png does not exist"}},
		{name: "an unknown role", files: with(summary("- [A](a.md)\n"), "book.toml", "[output.bookc.roles.ops]\n", "src/a.md", "<!-- only: opps -->\n\nx\n\n<!-- end only -->\n"), command: "all",
			stderr: []string{`a.md:1: error: role marker names unknown role "opps" (known roles: ops)`}},
		{name: "unbalanced role markers", files: with(summary("- [A](a.md)\n"), "book.toml", "[output.bookc.roles.ops]\n", "src/a.md", "x\n\n<!-- end only -->\n\n<!-- only: ops -->\n\ny\n"), command: "all",
			stderr: []string{"a.md:3: error: <!-- end only --> without an opening", "a.md:5: error: <!-- only: ops --> is never closed"}},
		{name: "two man pages of one name", files: with(summary("- [A](a.md)\n- [B](b.md)\n"), "book.toml", "[output.bookc.man-pages]\n'b.md' = 'ub(7)'\n", "src/a.md", "# A", "src/b.md", "# B"),
			command: "man", code: 1, stderr: []string{`man page ub(7) would be both the book's index page and `, `src/b.md (chapter "B")`, "[output.bookc.man-pages]"}},
		{name: "--role names no role", files: with(summary("- [A](a.md)\n"), "src/a.md", "# A"), command: "pdf", args: []string{"--role", "ops"}, code: 1,
			stderr: []string{`no role "ops" in book.toml`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			book := filepath.Join(dir, "book")
			files := tt.files
			if files["src/big.png"] == "" && strings.Contains(files["src/a.md"], "big.png") {
				files["src/big.png"] = pngOf(t, 10000, 10000)
			}
			writeBook(t, book, files)
			out := filepath.Join(dir, "out")
			args := append(append([]string{tt.command, "-q", "-o", out}, tt.args...), book)
			code, errs := runWithin(t, 60*time.Second, args)
			if code != tt.code {
				t.Errorf("exit %d, want %d\n%s", code, tt.code, errs)
			}
			for _, s := range tt.stderr {
				if !strings.Contains(errs, s) {
					t.Errorf("stderr lacks %q:\n%s", s, errs)
				}
			}
			if strings.Contains(errs, "panic") {
				t.Errorf("panic:\n%s", errs)
			}
			assertNoPartialFiles(t, out)
		})
	}
}

// runWithin runs bookc and fails the test if it does not finish in time.
func runWithin(t *testing.T, limit time.Duration, args []string) (int, string) {
	t.Helper()
	var errs bytes.Buffer
	done := make(chan int, 1)
	go func() { done <- run(context.Background(), args, &bytes.Buffer{}, &errs) }()
	select {
	case code := <-done:
		return code, errs.String()
	case <-time.After(limit):
		t.Fatalf("bookc %v did not finish within %v", args, limit)
		return 0, ""
	}
}

func assertNoPartialFiles(t *testing.T, dir string) {
	t.Helper()
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".tmp") {
			t.Errorf("partial file left: %s", p)
		}
		return nil
	})
}

// TestBigBooks: a 50 MB chapter and 10,000 chapters load, check and render without trouble.
func TestBigBooks(t *testing.T) {
	if testing.Short() {
		t.Skip("big books take a while")
	}
	para := "A paragraph of ordinary words, with *emphasis* and `code`, long enough to wrap a few times over.\n\n"
	var many strings.Builder
	files := map[string]string{}
	for i := 0; i < 10000; i++ {
		name := "c" + strconv.Itoa(i) + ".md"
		many.WriteString("- [Chapter " + strconv.Itoa(i) + "](" + name + ")\n")
		files["src/"+name] = "# Chapter " + strconv.Itoa(i) + "\n\n" + para
	}
	files["src/SUMMARY.md"] = many.String()
	for _, tc := range []struct {
		name  string
		files map[string]string
	}{
		{"10,000 chapters", files},
		{"a 50 MB chapter", map[string]string{"src/SUMMARY.md": "- [Big](big.md)\n", "src/big.md": strings.Repeat(para, 50<<20/len(para))}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeBook(t, filepath.Join(dir, "book"), tc.files)
			for _, cmd := range []string{"check", "epub"} {
				code, errs := runWithin(t, 5*time.Minute, []string{cmd, "-q", "-o", filepath.Join(dir, "out"), filepath.Join(dir, "book")})
				if code != 0 {
					t.Errorf("%s: exit %d\n%.2000s", cmd, code, errs)
				}
			}
			assertNoPartialFiles(t, filepath.Join(dir, "out"))
		})
	}
}

// TestFailedArtifactKeepsOthers: when one artifact cannot be written, the others are, and an
// earlier good copy of the failed one stays as it was.
func TestFailedArtifactKeepsOthers(t *testing.T) {
	out := t.TempDir()
	if code, errs := runWithin(t, time.Minute, []string{"epub", "--all-roles", "-q", "-o", out}); code != 0 {
		t.Fatalf("first build: %s", errs)
	}
	good := filepath.Join(out, "metropolis-handbook-users.epub")
	before, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	// A folder where one edition's file must go makes that edition fail.
	blocked := filepath.Join(out, "metropolis-handbook-operators.epub")
	os.Remove(blocked)
	if err := os.MkdirAll(filepath.Join(blocked, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	code, errs := runWithin(t, time.Minute, []string{"epub", "--all-roles", "-q", "-o", out})
	if code != 1 || !strings.Contains(errs, "metropolis-handbook-operators.epub") {
		t.Errorf("exit %d, stderr:\n%s", code, errs)
	}
	after, err := os.ReadFile(good)
	if err != nil || !bytes.Equal(before, after) {
		t.Errorf("the good artifact changed or vanished: %v", err)
	}
	assertNoPartialFiles(t, out)
}
