package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestParseArgs(t *testing.T) {
	tests := []struct {
		args []string
		want options
		err  string
	}{
		{[]string{"pdf"}, options{command: "pdf", outDir: "."}, ""},
		{[]string{"epub", "book", "--role", "ops", "-o", "dist"}, options{command: "epub", bookDir: "book", role: "ops", outDir: "dist"}, ""},
		{[]string{"man", "--all-roles", "book", "--output=x", "-q"}, options{command: "man", bookDir: "book", allRoles: true, outDir: "x", quiet: true}, ""},
		{[]string{"man", "--install", "/usr/local", "--gzip"}, options{command: "man", outDir: ".", install: "/usr/local", gzip: true}, ""},
		{[]string{"check", "--include-root", "..", "b"}, options{command: "check", bookDir: "b", includeRoot: "..", outDir: "."}, ""},
		{[]string{"all", "b", "--preprocessors"}, options{command: "all", bookDir: "b", outDir: ".", preprocess: true}, ""},
		{[]string{"mdbook"}, options{command: "mdbook", outDir: "."}, ""},
		{[]string{"watch", "book", "pdf", "man", "-q"}, options{command: "watch", bookDir: "book", outDir: ".", quiet: true, formats: []string{"pdf", "man"}}, ""},
		{[]string{"watch", "epub", "./pdf"}, options{command: "watch", bookDir: "./pdf", outDir: ".", formats: []string{"epub"}}, ""},
		{[]string{"watch", "a", "b"}, options{}, "too many arguments"},
		{[]string{"pdf", "a", "b"}, options{}, "too many arguments"},
		{[]string{"pdf", "--bogus"}, options{}, "unknown flag --bogus"},
		{[]string{"pdf", "--role"}, options{}, "needs a value"},
		{[]string{"pdf", "--quiet=yes"}, options{}, "takes no value"},
		{[]string{"pdf", "--role", "x", "--all-roles"}, options{}, "exclude each other"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			o, err := parseArgs(tt.args)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(*o, tt.want) {
				t.Errorf("got %+v, want %+v", *o, tt.want)
			}
		})
	}
}

func TestCheckHandbook(t *testing.T) {
	code, out, errs := runCLI(t, "check")
	if code != 0 {
		t.Fatalf("check exit %d\n%s%s", code, out, errs)
	}
	if !strings.Contains(out, "0 errors, 0 warnings") {
		t.Errorf("the handbook should check clean:\n%s", out)
	}
	if !strings.Contains(out, "note: Users' Edition: the reference to") {
		t.Errorf("check lists no rewritten references:\n%s", out)
	}
}

func TestCheckFailsOnErrors(t *testing.T) {
	dir := t.TempDir()
	writeBook(t, dir, map[string]string{
		"src/SUMMARY.md": "- [A](a.md)\n",
		"src/a.md":       "# A\n\n{{#include missing.rs}}\n",
	})
	code, out, _ := runCLI(t, "check", dir)
	if code != 1 || !strings.Contains(out, "a.md:3: error: {{#include missing.rs}}") || !strings.Contains(out, "1 errors") {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
}

func writeBook(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestRolesAndTree(t *testing.T) {
	code, out, _ := runCLI(t, "roles")
	if code != 0 || !strings.Contains(out, "developers  operators  users") || !strings.Contains(out, "users: Users' Edition") {
		t.Errorf("roles exit %d:\n%s", code, out)
	}
	code, out, _ = runCLI(t, "tree", "--role", "users")
	if code != 0 {
		t.Fatalf("tree exit %d", code)
	}
	var b struct {
		Edition struct{ Role string }
	}
	if err := json.Unmarshal([]byte(out), &b); err != nil || b.Edition.Role != "users" {
		t.Errorf("tree JSON: %v, role %q", err, b.Edition.Role)
	}
	if code, _, errs := runCLI(t, "pdf", "--role", "nobody"); code != 1 || !strings.Contains(errs, `no role "nobody"`) {
		t.Errorf("unknown role: exit %d, %s", code, errs)
	}
	if code, _, errs := runCLI(t, "epub", "/nonexistent/book"); code != 1 || !strings.Contains(errs, "there is no folder /nonexistent/book") {
		t.Errorf("missing book folder: exit %d, %s", code, errs)
	}
	if code, _, errs := runCLI(t, "frobnicate"); code != 2 || !strings.Contains(errs, "unknown command") {
		t.Errorf("unknown command: exit %d, %s", code, errs)
	}
}

func TestBuildWritesAtomically(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	out := t.TempDir()
	code, _, errs := runCLI(t, "man", "--role", "users", "-q", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	entries, _ := os.ReadDir(out)
	if len(entries) == 0 {
		t.Fatal("no pages written")
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") || strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
	// A file where the output folder should be: a clear error, exit 1.
	blocker := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs = runCLI(t, "epub", "-q", "-o", blocker)
	if code != 1 || !strings.Contains(errs, "cannot create the output folder") {
		t.Errorf("exit %d: %s", code, errs)
	}
}

func TestInstallGzip(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	prefix := t.TempDir()
	code, _, errs := runCLI(t, "man", "-q", "--install", prefix, "--gzip")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, p := range []string{"share/man/man1/metroctl.1.gz", "share/man/man7/mh.7.gz"} {
		if _, err := os.Stat(filepath.Join(prefix, p)); err != nil {
			t.Errorf("not installed: %v", err)
		}
	}
	if code, _, errs := runCLI(t, "pdf", "--gzip"); code != 2 || !strings.Contains(errs, "apply to man pages") {
		t.Errorf("--gzip with pdf: exit %d, %s", code, errs)
	}
}

// TestBuildColoursCode checks that a build with a backend that colours code has the builder lex
// it: the handbook's EPUB spans its code tokens.
func TestBuildColoursCode(t *testing.T) {
	out := t.TempDir()
	if code := run(context.Background(), []string{"epub", "-q", "-o", out}, io.Discard, io.Discard); code != 0 {
		t.Fatalf("bookc epub: exit %d", code)
	}
	z, err := zip.OpenReader(filepath.Join(out, "metropolis-handbook.epub"))
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	token := regexp.MustCompile(`<code class="language-go">[^<]*<span class="[a-z0-9]+">`)
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if token.Match(data) {
			return
		}
	}
	t.Error("no Go code block of the EPUB has coloured tokens")
}

// TestCPUProfile checks --cpuprofile: a build writes a profile pprof reads (gzip, as pprof
// writes it), and a profile that cannot be written fails before the build.
func TestCPUProfile(t *testing.T) {
	dir := t.TempDir()
	prof := filepath.Join(dir, "cpu.prof")
	if code, _, errs := runCLI(t, "man", "-o", dir, "-q", "--cpuprofile", prof); code != 0 {
		t.Fatalf("man --cpuprofile: exit %d: %s", code, errs)
	}
	if data, err := os.ReadFile(prof); err != nil || len(data) < 2 || data[0] != 0x1f || data[1] != 0x8b {
		t.Errorf("the profile: %v, %d bytes; want a gzipped pprof profile", err, len(data))
	}
	if code, _, errs := runCLI(t, "man", "-o", dir, "--cpuprofile", filepath.Join(dir, "none", "cpu.prof")); code != 2 || !strings.Contains(errs, "--cpuprofile") {
		t.Errorf("an unwritable profile: exit %d, %q", code, errs)
	}
}
