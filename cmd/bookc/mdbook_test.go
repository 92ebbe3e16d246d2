package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"bookc/formats/validate"
)

// recordedRoot is the book folder the recorded render contexts name.
const recordedRoot = "/home/ana/tern-guide"

// renderContext reads a recorded render context, moved to a book folder made for the test: the
// folder holds what mdBook leaves there for a renderer (book.toml, and the images the chapters
// show, which mdBook does not pass on).
func renderContext(t *testing.T, name string) (root string, data []byte) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "builder", "mdbookjson", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	root = t.TempDir()
	writeBook(t, root, map[string]string{
		"book.toml":           "[book]\ntitle = \"The Tern Guide\"\n\n[output.bookc]\n",
		"src/images/tern.png": pngOf(t, 40, 20),
	})
	return root, bytes.ReplaceAll(data, []byte(recordedRoot), []byte(root))
}

func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return err
	})
	sort.Strings(out)
	return out
}

// zipText is the text of every file in a zip archive (an EPUB), one after the other.
func zipText(t *testing.T, file string) string {
	t.Helper()
	z, err := zip.OpenReader(file)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	var sb strings.Builder
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(&sb, r)
		r.Close()
	}
	return sb.String()
}

// TestMdBookRenderer runs 'bookc mdbook' on the recorded render contexts of mdBook 0.4 and 0.5, in
// the output folder as mdBook does, and validates every artifact: [output.bookc] asks for PDF,
// EPUB and man pages of the full book and of every role's edition.
func TestMdBookRenderer(t *testing.T) {
	if err := validate.Installed(); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"render-0.4.json", "render-0.5.json"} {
		t.Run(name, func(t *testing.T) {
			_, data := renderContext(t, name)
			out := t.TempDir()
			t.Chdir(out)
			var stdout, stderr bytes.Buffer
			if code := runIO(context.Background(), []string{"mdbook"}, bytes.NewReader(data), &stdout, &stderr); code != 0 {
				t.Fatalf("exit %d\n%s", code, stderr.String())
			}
			files := listFiles(t, out)
			for _, want := range []string{"tern-guide.pdf", "tern-guide.epub", "tern-guide-operators.pdf", "tern-guide-operators.epub", "tern.7", "tern-guide-operators/tern.7"} {
				if !contains(files, want) {
					t.Errorf("no %s among %v", want, files)
				}
			}
			for _, line := range strings.Split(strings.TrimSpace(stderr.String()), "\n") {
				if line != "" && !strings.HasPrefix(line, "[WARN] (bookc): ") && !strings.HasPrefix(line, "[INFO] (bookc): ") {
					t.Errorf("not in mdBook's style: %q", line)
				}
			}
			if !strings.Contains(stderr.String(), "[WARN] (bookc): src/start.md:9: raw HTML <math>") {
				t.Errorf("diagnostics do not name the chapter's file and line from the book's folder:\n%s", stderr.String())
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout is mdBook's: %q", stdout.String())
			}
			epub := zipText(t, filepath.Join(out, "tern-guide.epub"))
			for _, want := range []string{"This block was an", "7000", "Using Tern", "Tuning", "Copy the queue folder"} {
				if !strings.Contains(epub, want) {
					t.Errorf("the EPUB lacks %q", want)
				}
			}
			validateAll(t, out)
		})
	}
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

// TestMdBookFailures: what mdBook cannot build from fails 'mdbook build', in mdBook's style, and
// writes nothing.
func TestMdBookFailures(t *testing.T) {
	root, good := renderContext(t, "render-0.5.json")
	for _, tt := range []struct {
		name, stdin, want string
		args              []string
	}{
		{"not JSON", "hello", "[ERROR] (bookc): the render context is not mdBook's JSON", nil},
		{"no book", `{"version":"0.4.40","root":"/x"}`, `[ERROR] (bookc): the render context has no "book"`, nil},
		{"no folder", strings.ReplaceAll(string(good), root, root+"/gone"), "[ERROR] (bookc): there is no folder", nil},
		{"bad config", strings.Replace(string(good), `"man-prefix": "tern"`, `"man-prefix": "Tern Guide"`, 1), `[ERROR] (bookc): book.toml: [output.bookc] man-prefix = "Tern Guide"`, nil},
		{"a book folder", string(good), "takes no book folder", []string{"somewhere"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out := t.TempDir()
			var stderr bytes.Buffer
			code := runIO(context.Background(), append([]string{"mdbook", "-o", out}, tt.args...), strings.NewReader(tt.stdin), io.Discard, &stderr)
			if code == 0 || !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("exit %d, stderr %q; want %q", code, stderr.String(), tt.want)
			}
			if files := listFiles(t, out); len(files) != 0 {
				t.Errorf("wrote %v", files)
			}
		})
	}
}

// TestMdBookBinaryName runs bookc under the name mdBook looks for, mdbook-bookc (the link 'make
// install' makes), as mdBook runs a renderer: no arguments, the context on stdin, in the output
// folder.
func TestMdBookBinaryName(t *testing.T) {
	bin := buildBinary(t)
	link := filepath.Join(filepath.Dir(bin), mdbookName)
	if err := os.Symlink("bookc", link); err != nil {
		t.Fatal(err)
	}
	_, data := renderContext(t, "render-0.4.json")
	var rc map[string]any
	if err := json.Unmarshal(data, &rc); err != nil {
		t.Fatal(err)
	}
	rc["config"].(map[string]any)["output"].(map[string]any)["bookc"].(map[string]any)["formats"] = []string{"man"}
	data, _ = json.Marshal(rc)
	out := t.TempDir()
	cmd := exec.Command(link)
	cmd.Dir, cmd.Stdin = out, bytes.NewReader(data)
	msg, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", mdbookName, err, msg)
	}
	if files := listFiles(t, out); !contains(files, "tern.7") || contains(files, "tern-guide.pdf") {
		t.Errorf("made %v; want the man pages alone", files)
	}
}

// ppBinary builds the test preprocessor (builder/preprocess/testdata/pp) into a folder of its own.
func ppBinary(t *testing.T) string { return goBuild(t, "pp", "../../builder/preprocess/testdata/pp") }

// TestPreprocessors builds a book whose [preprocessor.callout] turns a custom fence into HTML:
// bookc runs it only with --preprocessors or run-preprocessors = true (warning once otherwise),
// in mdBook's order around the includes; one that fails, hangs or returns no book is an error
// naming it, and nothing is written.
func TestPreprocessors(t *testing.T) {
	pp := ppBinary(t)
	chapter := "# Gaps\n\n```callout\nMind the gap.\n```\n\n{{#include note.txt}}\n"
	book := func(tables string) map[string]string {
		return map[string]string{
			"book.toml":      "[book]\ntitle = \"Gaps\"\n\n" + strings.ReplaceAll(tables, "PP", pp),
			"src/SUMMARY.md": "- [Gaps](gaps.md)\n- [Draft]()\n",
			"src/gaps.md":    chapter,
			"src/note.txt":   "An included line.\n",
		}
	}
	saved := preprocessTimeout
	preprocessTimeout = 2 * time.Second
	t.Cleanup(func() { preprocessTimeout = saved })
	for _, tt := range []struct {
		name, tables string
		args         []string
		code         int
		tree, stderr []string // what the tree JSON and stderr have
		notTree      []string
	}{
		{name: "skipped", tables: "[preprocessor.callout]\ncommand = 'PP fence'\n",
			tree: []string{`"lang": "callout"`}, stderr: []string{"book.toml:4: warning: bookc does not run [preprocessor.callout]"}},
		{name: "flag", tables: "[preprocessor.callout]\ncommand = 'PP fence'\nafter = ['links']\n", args: []string{"--preprocessors"},
			tree: []string{"Mind the gap.", "An included"}, notTree: []string{`"lang": "callout"`}},
		{name: "config", tables: "[output.bookc]\nrun-preprocessors = true\n\n[preprocessor.callout]\ncommand = 'PP fence'\n",
			tree: []string{"Mind the gap."}, notTree: []string{`"lang": "callout"`, "does not run"}},
		{name: "after links", tables: "[preprocessor.count]\ncommand = 'PP includes'\nafter = ['links']\n", args: []string{"--preprocessors"},
			tree: []string{"includes seen: 0"}},
		{name: "before links", tables: "[preprocessor.count]\ncommand = 'PP includes'\nbefore = ['links']\n", args: []string{"--preprocessors"},
			tree: []string{"includes seen: 1"}},
		{name: "fails", tables: "[preprocessor.broken]\ncommand = 'PP fail'\n", args: []string{"--preprocessors"}, code: 1,
			stderr: []string{"pp: the callout on line 3 has no end", "book.toml:4: [preprocessor.broken] (`PP fail`) failed (exit status 3)"}},
		{name: "hangs", tables: "[preprocessor.slow]\ncommand = 'PP hang'\n", args: []string{"--preprocessors"}, code: 1,
			stderr: []string{"[preprocessor.slow] (`PP hang`) did not finish within 2s"}},
		{name: "garbage", tables: "[preprocessor.chatty]\ncommand = 'PP garbage'\n", args: []string{"--preprocessors"}, code: 1,
			stderr: []string{"[preprocessor.chatty] (`PP garbage`) returned no book bookc can read"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeBook(t, dir, book(tt.tables))
			out := t.TempDir()
			code, _, stderr := runCLI(t, append([]string{"all", dir, "-q", "-o", out}, tt.args...)...)
			stderr = strings.ReplaceAll(stderr, pp, "PP")
			if code != tt.code {
				t.Fatalf("exit %d, want %d\n%s", code, tt.code, stderr)
			}
			for _, w := range tt.stderr {
				if !strings.Contains(stderr, strings.ReplaceAll(w, "book.toml", filepath.Join(dir, "book.toml"))) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
			if strings.Count(stderr, "does not run [preprocessor.") > 1 {
				t.Errorf("warned more than once:\n%s", stderr)
			}
			files := listFiles(t, out)
			if tt.code != 0 {
				if len(files) != 0 {
					t.Errorf("a failed preprocessor, yet bookc wrote %v", files)
				}
				return
			}
			if !contains(files, "gaps.pdf") || !contains(files, "gaps.epub") {
				t.Errorf("made %v", files)
			}
			code, treeJSON, errs := runCLI(t, append([]string{"tree", dir}, tt.args...)...)
			if code != 0 {
				t.Fatalf("tree: exit %d\n%s", code, errs)
			}
			for _, w := range tt.tree {
				if !strings.Contains(treeJSON, w) {
					t.Errorf("the tree lacks %q", w)
				}
			}
			for _, w := range tt.notTree {
				if strings.Contains(treeJSON, w) || strings.Contains(errs, w) {
					t.Errorf("the tree or stderr has %q", w)
				}
			}
		})
	}
}
