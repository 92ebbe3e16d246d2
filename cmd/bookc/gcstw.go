package main

import (
	"os"
	"strings"
)

// A build collects its garbage stopping the world (GODEBUG gcstoptheworld=1) rather than marking
// while its workers run. A build is a batch: it does not mind a pause, and the concurrent
// collector costs it more than the pause does. Marking beside a large book's layout on 2 cores
// takes about half a second a collection, during which every pointer the workers write goes
// through the write barrier and every object they make is kept to the next collection: at 30x
// the benchmark book, `bookc all` peaks at 584–597 MiB instead of 653–715 in 10% less time, and
// the 1.5 MB book's PDF takes 6–9% less (measured side by side). The runtime reads the setting
// only as the process starts. `make build` links it in as the runtime's default (and says so in
// linkedGODEBUG), which GODEBUG, a user's choice, still overrides. A bookc built otherwise
// (`go install`) takes no default for it, and a build re-executes itself once with it
// (collectStoppingTheWorld), which costs the 1.5 MB book's `bookc all` a second start, 2–5%
// of its time; on systems without exec it runs as it is.

// linkedGODEBUG is the GODEBUG the runtime was given as its default at link time, set by the
// Makefile with it (-X).
var linkedGODEBUG = ""

// stwMark is set in the environment a build re-executes itself with, to the GODEBUG it had
// before ("": none), which the new process puts back for the commands it runs (restoreGODEBUG).
const stwMark = "BOOKC_GODEBUG"

// builds tells whether the command of args builds artifacts: a format, all, watch, or mdBook's
// renderer.
func builds(args []string) bool {
	return len(args) > 0 && (watchable(args[0]) || args[0] == "watch" || args[0] == "mdbook")
}

// stwEnv is the environment env to re-execute a build with so that its collections stop the
// world, or nil: the runtime has it from link time, GODEBUG has its own gcstoptheworld (the
// user's choice), or this process is the one re-executed.
func stwEnv(env []string) []string {
	if hasGCSTW(linkedGODEBUG) {
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
	if hasGCSTW(godebug) {
		return nil
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

// hasGCSTW tells whether a GODEBUG value sets gcstoptheworld, to anything.
func hasGCSTW(godebug string) bool { return len(godebugValues(godebug, "gcstoptheworld")) > 0 }

// godebugValues gives the values a GODEBUG value sets key to, in order (the last one wins).
func godebugValues(godebug, key string) []string {
	var vs []string
	for _, s := range strings.Split(godebug, ",") {
		if k, v, _ := strings.Cut(s, "="); strings.TrimSpace(k) == key {
			vs = append(vs, strings.TrimSpace(v))
		}
	}
	return vs
}
