package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"bookc/formats/validate"
)

// manualPage builds bookc(1) as 'make man' does: bookc's man backend on the one-page book in
// manual/, which gives that page alone.
func manualPage(t *testing.T) []byte {
	t.Helper()
	out := t.TempDir()
	if code, _, errs := runCLI(t, "man", "manual", "-q", "-o", out); code != 0 {
		t.Fatalf("bookc man manual: exit %d\n%s", code, errs)
	}
	if files, _ := filepath.Glob(filepath.Join(out, "*")); len(files) != 1 || filepath.Base(files[0]) != "bookc.1" {
		t.Fatalf("bookc man manual wrote %v, want bookc.1 alone", files)
	}
	page, err := os.ReadFile(filepath.Join(out, "bookc.1"))
	if err != nil {
		t.Fatal(err)
	}
	return page
}

// TestManualPage builds bookc(1) and lints it with mandoc, groff and lexgrog; checks its
// sections, in man-pages(7)'s order; and reads it as man does at 80 columns: no line longer.
func TestManualPage(t *testing.T) {
	if err := validate.Installed(); err != nil {
		t.Fatal(err)
	}
	page := manualPage(t)
	if err := validate.Man("bookc.1", page); err != nil {
		t.Error(err)
	}
	if !bytes.Contains(page, []byte("\n.TH BOOKC 1 ")) {
		t.Errorf("no .TH BOOKC 1 header:\n%s", page)
	}
	at := 0
	for _, s := range []string{"NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "OPTIONS", `"CONFIGURATION"`,
		`"EXIT STATUS"`, "ENVIRONMENT", "FILES", "EXAMPLES", `"SEE ALSO"`} {
		s = strings.Trim(s, `"`)
		i := bytes.Index(page[at:], []byte("\n.SH "+s+"\n"))
		if i < 0 {
			i = bytes.Index(page[at:], []byte("\n.SH \""+s+"\"\n"))
		}
		if i < 0 {
			t.Errorf("no section %s after byte %d", s, at)
			continue
		}
		at += i + 1
	}
	if bytes.Contains(page, []byte("bookc(7)")) || bytes.Contains(page, []byte(`\fBbookc\fR(7)`)) {
		t.Errorf("bookc(1) refers to bookc(7), which is not installed")
	}

	path := filepath.Join(t.TempDir(), "bookc.1")
	if err := os.WriteFile(path, page, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, reader := range []struct {
		name string
		args []string
		env  string
	}{
		{"man", []string{"-l", path}, "MANWIDTH=80"},
		{"mandoc", []string{"-Tutf8", "-Owidth=80", path}, ""},
	} {
		cmd := exec.Command(reader.name, reader.args...)
		cmd.Env = append(os.Environ(), reader.env, "MANPAGER=cat", "PAGER=cat")
		text, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: %v", reader.name, err)
		}
		for i, l := range strings.Split(string(unBackspace(text)), "\n") {
			if n := len([]rune(l)); n > 80 {
				t.Errorf("%s at 80 columns: line %d has %d: %q", reader.name, i+1, n, l)
			}
		}
		if !bytes.Contains(unBackspace(text), []byte("--role NAME")) {
			t.Errorf("%s: flags are not spelled with two hyphens:\n%s", reader.name, unBackspace(text))
		}
	}
}

// unBackspace removes a terminal's overstrikes ("b\bb" for bold, "_\bx" for underline), as col -b does.
func unBackspace(b []byte) []byte {
	var out []byte
	for _, c := range b {
		if c == '\b' {
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
			continue
		}
		out = append(out, c)
	}
	return out
}

// TestManualHelpIsThePage checks that help and the page are one text: each command's help
// opens with the page's own words for it, as mandoc shows them.
func TestManualHelpIsThePage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bookc.1")
	if err := os.WriteFile(path, manualPage(t), 0o644); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command("mandoc", "-Tascii", path).Output()
	if err != nil {
		t.Fatalf("mandoc: %v", err)
	}
	shown := strings.Join(strings.Fields(string(unBackspace(text))), " ")
	for _, c := range manualCommands(manualSections(manual)) {
		_, out, _ := runCLI(t, "help", c.name)
		if !strings.Contains(out, c.summary) {
			t.Errorf("bookc help %s lacks %q", c.name, c.summary)
		}
		if !strings.Contains(shown, c.summary) {
			t.Errorf("bookc(1) lacks %q, which help prints for %s", c.summary, c.name)
		}
	}
}
