package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
)

func TestSTWEnv(t *testing.T) {
	for _, tt := range []struct {
		name      string
		args, env []string
		linked    string   // linkedGODEBUG
		want      []string // nil: no re-execution
	}{
		{"a build", []string{"pdf", "book"}, []string{"HOME=/h"}, "", []string{"HOME=/h", "GODEBUG=gcstoptheworld=1", stwMark + "="}},
		{"the user's GODEBUG kept", []string{"all"}, []string{"GODEBUG=madvdontneed=1", "HOME=/h"}, "",
			[]string{"HOME=/h", "GODEBUG=madvdontneed=1,gcstoptheworld=1", stwMark + "=madvdontneed=1"}},
		{"an empty GODEBUG", []string{"man"}, []string{"GODEBUG="}, "", []string{"GODEBUG=gcstoptheworld=1", stwMark + "="}},
		{"watch", []string{"watch"}, nil, "", []string{"GODEBUG=gcstoptheworld=1", stwMark + "="}},
		{"mdBook's renderer", []string{"mdbook"}, nil, "", []string{"GODEBUG=gcstoptheworld=1", stwMark + "="}},
		{"the user chose", []string{"pdf"}, []string{"GODEBUG=gctrace=1, gcstoptheworld=0"}, "", nil},
		{"linked in", []string{"pdf"}, []string{"HOME=/h"}, "gcstoptheworld=1", nil},
		{"linked in with another", []string{"all"}, nil, "madvdontneed=1, gcstoptheworld=1", nil},
		{"linked, another only", []string{"pdf"}, nil, "madvdontneed=1", []string{"GODEBUG=gcstoptheworld=1", stwMark + "="}},
		{"re-executed already", []string{"pdf"}, []string{"GODEBUG=gcstoptheworld=1", stwMark + "="}, "", nil},
		{"no build", []string{"version"}, nil, "", nil},
		{"check", []string{"check", "book"}, nil, "", nil},
		{"no command", nil, nil, "", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			defer func(was string) { linkedGODEBUG = was }(linkedGODEBUG)
			linkedGODEBUG = tt.linked
			var got []string // what a build re-executes with (collectStoppingTheWorld)
			if builds(tt.args) {
				got = stwEnv(tt.env)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("args %q, environment %q: re-executed with %q, want %q", tt.args, tt.env, got, tt.want)
			}
		})
	}
}

// TestBuildsStopTheWorld runs bookc as a user does, with a preprocessor that logs its GODEBUG
// and its parent's (bookc's, as its process was last started): built by go build, a build runs
// re-executed with gcstoptheworld=1 added to the user's GODEBUG; built as the Makefile builds
// it, with the setting linked in, it runs as it was started. Either way the commands it runs get
// the user's GODEBUG.
func TestBuildsStopTheWorld(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads a process's environment from /proc")
	}
	mk, err := os.ReadFile("../../Makefile")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^STW_GODEBUG := (\S+)$`).FindSubmatch(mk)
	if m == nil || !hasGCSTW(string(m[1])) {
		t.Fatalf("the Makefile links in no gcstoptheworld (STW_GODEBUG := ...)")
	}
	linked := string(m[1])
	bins := map[string]string{
		"go build": buildBinary(t),
		"make":     goBuild(t, "bookc", ".", "-ldflags", "-X runtime.godebugDefault="+linked+" -X main.linkedGODEBUG="+linked),
	}
	pp := ppBinary(t)
	dir := t.TempDir()
	writeBook(t, dir, map[string]string{
		"book.toml":      "[book]\ntitle = \"Env\"\n\n[preprocessor.env]\ncommand = '" + pp + " env'\n",
		"src/SUMMARY.md": "- [Env](env.md)\n",
		"src/env.md":     "# Env\n\nA line.\n",
	})
	var base []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GODEBUG=") && !strings.HasPrefix(kv, stwMark+"=") {
			base = append(base, kv)
		}
	}
	for _, tt := range []struct {
		name, built, command, godebug string
		want                          string // what the preprocessor logs
	}{
		{"pdf", "go build", "pdf", "", `GODEBUG="" parent GODEBUG="gcstoptheworld=1"`},
		{"the user's setting", "go build", "epub", "madvdontneed=1", `GODEBUG="madvdontneed=1" parent GODEBUG="madvdontneed=1,gcstoptheworld=1"`},
		{"the user's choice", "go build", "man", "gcstoptheworld=0", `GODEBUG="gcstoptheworld=0" parent GODEBUG="gcstoptheworld=0"`},
		{"check", "go build", "check", "", `GODEBUG="" parent GODEBUG=""`},
		{"linked: pdf", "make", "pdf", "", `GODEBUG="" parent GODEBUG=""`},
		{"linked: the user's setting", "make", "epub", "madvdontneed=1", `GODEBUG="madvdontneed=1" parent GODEBUG="madvdontneed=1"`},
		{"linked: the user's choice", "make", "man", "gcstoptheworld=0", `GODEBUG="gcstoptheworld=0" parent GODEBUG="gcstoptheworld=0"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			bin := bins[tt.built]
			log := filepath.Join(t.TempDir(), "pp.log")
			cmd := exec.Command(bin, tt.command, dir, "--preprocessors", "-q", "-o", t.TempDir())
			cmd.Env = append(slices.Clone(base), "PP_LOG="+log)
			if tt.godebug != "" {
				cmd.Env = append(cmd.Env, "GODEBUG="+tt.godebug)
			}
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("bookc %s: %v\n%s", tt.command, err, out)
			}
			b, err := os.ReadFile(log)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(b), tt.want+"\n") {
				t.Errorf("the preprocessor logged\n%s\nwant the line %s", b, tt.want)
			}
		})
	}
}
