package main

import (
	"os"
	"slices"
	"strings"
)

// A build collects its garbage stopping the world (GODEBUG gcstoptheworld=1) rather than marking
// while its workers run. A build is a batch: it does not mind a pause, and the concurrent
// collector costs it more than the pause does. Marking beside a large book's layout on 2 cores
// takes about half a second a collection, during which every pointer the workers write goes
// through the write barrier and every object they make is kept to the next collection: at 30x
// the benchmark book, `bookc all` peaks at 0.61 GB instead of 0.70–0.73, and the 1.5 MB book's
// PDF takes 9% less time (measured side by side). The runtime reads the setting only as the
// process starts, and `go build` takes no default for it, so a build re-executes itself once
// with it (collectStoppingTheWorld); on systems without exec it runs as it is.

// stwMark is set in the environment a build re-executes itself with, to the GODEBUG it had
// before ("": none), which the new process puts back for the commands it runs (restoreGODEBUG).
const stwMark = "BOOKC_GODEBUG"

// stwCommands are the commands that build artifacts.
var stwCommands = []string{"pdf", "epub", "man", "all", "watch", "mdbook"}

// stwEnv is the environment to re-execute the command of args with so that its collections stop
// the world, or nil: the command builds nothing, GODEBUG has its own gcstoptheworld (the user's
// choice), or this process is the one re-executed.
func stwEnv(args, env []string) []string {
	if len(args) == 0 || !slices.Contains(stwCommands, args[0]) {
		return nil
	}
	godebug := ""
	for _, kv := range env {
		switch k, v, _ := strings.Cut(kv, "="); k {
		case stwMark:
			return nil
		case "GODEBUG":
			godebug = v
		}
	}
	for _, s := range strings.Split(godebug, ",") {
		if k, _, _ := strings.Cut(s, "="); strings.TrimSpace(k) == "gcstoptheworld" {
			return nil
		}
	}
	out := make([]string, 0, len(env)+2)
	for _, kv := range env {
		if !strings.HasPrefix(kv, "GODEBUG=") {
			out = append(out, kv)
		}
	}
	set := "gcstoptheworld=1"
	if godebug != "" {
		set = godebug + "," + set
	}
	return append(out, "GODEBUG="+set, stwMark+"="+godebug)
}

// restoreGODEBUG gives the commands a re-executed build runs (preprocessors, man) the GODEBUG
// it was started with: the runtime has read its own setting by now.
func restoreGODEBUG() {
	was, ok := os.LookupEnv(stwMark)
	if !ok {
		return
	}
	os.Unsetenv(stwMark)
	if was == "" {
		os.Unsetenv("GODEBUG")
	} else {
		os.Setenv("GODEBUG", was)
	}
}
