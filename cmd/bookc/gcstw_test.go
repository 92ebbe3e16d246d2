package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

func TestSTWEnv(t *testing.T) {
	for _, tt := range []struct {
		name      string
		args, env []string
		want      []string // nil: no re-execution
	}{
		{"a build", []string{"pdf", "book"}, []string{"HOME=/h"}, []string{"HOME=/h", "GODEBUG=gcstoptheworld=1", stwMark + "="}},
		{"the user's GODEBUG kept", []string{"all"}, []string{"GODEBUG=madvdontneed=1", "HOME=/h"},
			[]string{"HOME=/h", "GODEBUG=madvdontneed=1,gcstoptheworld=1", stwMark + "=madvdontneed=1"}},
		{"an empty GODEBUG", []string{"man"}, []string{"GODEBUG="}, []string{"GODEBUG=gcstoptheworld=1", stwMark + "="}},
		{"watch", []string{"watch"}, nil, []string{"GODEBUG=gcstoptheworld=1", stwMark + "="}},
		{"mdBook's renderer", []string{"mdbook"}, nil, []string{"GODEBUG=gcstoptheworld=1", stwMark + "="}},
		{"the user chose", []string{"pdf"}, []string{"GODEBUG=gctrace=1, gcstoptheworld=0"}, nil},
		{"re-executed already", []string{"pdf"}, []string{"GODEBUG=gcstoptheworld=1", stwMark + "="}, nil},
		{"no build", []string{"version"}, nil, nil},
		{"check", []string{"check", "book"}, nil, nil},
		{"no command", nil, nil, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
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
// and its parent's (bookc's, as its process was last started): a build runs re-executed with
// gcstoptheworld=1 added to the user's GODEBUG, and the commands it runs get the user's.
func TestBuildsStopTheWorld(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads a process's environment from /proc")
	}
	bin, pp := buildBinary(t), ppBinary(t)
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
		name, command, godebug string
		want                   string // what the preprocessor logs
	}{
		{"pdf", "pdf", "", `GODEBUG="" parent GODEBUG="gcstoptheworld=1"`},
		{"the user's setting", "epub", "madvdontneed=1", `GODEBUG="madvdontneed=1" parent GODEBUG="madvdontneed=1,gcstoptheworld=1"`},
		{"the user's choice", "man", "gcstoptheworld=0", `GODEBUG="gcstoptheworld=0" parent GODEBUG="gcstoptheworld=0"`},
		{"check", "check", "", `GODEBUG="" parent GODEBUG=""`},
	} {
		t.Run(tt.name, func(t *testing.T) {
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
