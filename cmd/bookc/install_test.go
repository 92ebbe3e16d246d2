package main

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestManInstall installs the handbook's man pages as a packager does: the full edition into
// PREFIX/share/man, a role's edition with --role into the prefix given for it, and with
// --all-roles each role's edition into a tree of its own. Indexed by mandb, as apropos reads
// them, each tree lists each chapter once, under a name without ':' or '\'.
func TestManInstall(t *testing.T) {
	for _, tool := range []string{"mandb", "apropos"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s not found: install man-db (%v)", tool, err)
		}
	}
	install := func(args ...string) string {
		prefix := t.TempDir()
		args = append([]string{"man", "-q", "--install", prefix}, args...)
		var errs strings.Builder
		if code := run(context.Background(), args, io.Discard, &errs); code != 0 {
			t.Fatalf("bookc %s: exit %d\n%s", strings.Join(args, " "), code, errs.String())
		}
		return prefix
	}

	full := install()
	if got, want := trees(t, full), []string{"share/man/man1", "share/man/man7"}; !slices.Equal(got, want) {
		t.Errorf("full edition installs %v, want %v", got, want)
	}
	checkApropos(t, filepath.Join(full, "share/man"), "mh-node")

	ops := install("--role", "operators")
	if got, want := trees(t, ops), []string{"share/man/man1", "share/man/man7"}; !slices.Equal(got, want) {
		t.Errorf("--role operators installs %v, want %v", got, want)
	}
	checkApropos(t, filepath.Join(ops, "share/man"), "mh-demo")

	all := install("--all-roles", "--gzip")
	want := []string{"share/man/man1", "share/man/man7",
		"share/metropolis-handbook-developers/man/man1", "share/metropolis-handbook-developers/man/man7",
		"share/metropolis-handbook-operators/man/man1", "share/metropolis-handbook-operators/man/man7",
		"share/metropolis-handbook-users/man/man7"}
	if got := trees(t, all); !slices.Equal(got, want) {
		t.Errorf("--all-roles installs\n%v, want\n%v", got, want)
	}
	checkApropos(t, filepath.Join(all, "share/man"), "mh-node")
	checkApropos(t, filepath.Join(all, "share/metropolis-handbook-users/man"), "mh-glossary")
}

// trees lists the folders under prefix that hold files, relative to it.
func trees(t *testing.T, prefix string) []string {
	t.Helper()
	var dirs []string
	err := filepath.WalkDir(prefix, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(prefix, filepath.Dir(p))
			if !slices.Contains(dirs, rel) {
				dirs = append(dirs, filepath.ToSlash(rel))
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(dirs)
	return dirs
}

// checkApropos indexes a man tree with mandb on a private configuration and checks what apropos
// lists: an entry per page file, each description once, one of them for page, and no name with
// ':' or '\'.
func checkApropos(t *testing.T, manpath, page string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(manpath, "man*", "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("%s: no pages (%v)", manpath, err)
	}
	cache := t.TempDir()
	conf := filepath.Join(cache, "man_db.conf")
	if err := os.WriteFile(conf, []byte("MANDB_MAP\t"+manpath+"\t"+cache+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mandb", "-C", conf, "-c", "-q", manpath).CombinedOutput(); err != nil {
		t.Fatalf("mandb: %v\n%s", err, out)
	}
	out, err := exec.Command("apropos", "-C", conf, "-M", manpath, ".").Output()
	if err != nil {
		t.Fatalf("apropos: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != len(files) {
		t.Errorf("%s: apropos lists %d entries for %d pages:\n%s", manpath, len(lines), len(files), out)
	}
	seen := map[string]bool{}
	found := false
	for _, l := range lines {
		name, desc, ok := strings.Cut(l, " - ")
		name = strings.TrimSpace(name)
		if !ok || strings.ContainsAny(name, `:\`) || seen[desc] {
			t.Errorf("%s: apropos entry %q: a name with ':' or '\\', or a description listed twice", manpath, l)
		}
		seen[desc] = true
		found = found || strings.HasPrefix(name, page+" (")
	}
	if !found {
		t.Errorf("%s: apropos does not list %s:\n%s", manpath, page, out)
	}
}
