package man

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// validators are the programs every page must satisfy. A missing one fails the test: the bar is
// what they say, and skipping would hide a regression.
var validators = []string{"mandoc", "groff", "lexgrog"}

func requireValidators(t testing.TB) {
	t.Helper()
	for _, v := range validators {
		if _, err := exec.LookPath(v); err != nil {
			t.Fatalf("validator %s not found: install mandoc, groff and man-db (%v)", v, err)
		}
	}
}

// lint runs the validators over a page and returns what they complain about, "" when clean:
// mandoc -Tlint -Wwarning (style notes aside), groff -man -ww -z (with -t for tables) and,
// unless whatis is false, lexgrog, which must parse the NAME line.
func lint(t testing.TB, name string, page []byte, whatis bool) string {
	t.Helper()
	var problems []string
	out, _ := run(page, "mandoc", "-Tlint", "-Wwarning")
	for _, l := range strings.Split(out, "\n") {
		if l != "" && !strings.Contains(l, "STYLE:") {
			problems = append(problems, l)
		}
	}
	args := []string{"-man", "-ww", "-z", "-k"}
	if bytes.HasPrefix(page, []byte(`'\" t`)) {
		args = append(args, "-t")
	}
	if out, err := run(page, "groff", args...); out != "" || err != nil {
		problems = append(problems, "groff: "+out+errString(err))
	}
	if whatis {
		file := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(file, page, 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command("lexgrog", file).CombinedOutput(); err != nil {
			problems = append(problems, "lexgrog: "+string(out)+err.Error())
		}
	}
	return strings.Join(problems, "\n")
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// run feeds stdin to a program and returns its combined output.
func run(stdin []byte, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Stdin = bytes.NewReader(stdin)
	out, err := cmd.CombinedOutput()
	return string(out), err
}
