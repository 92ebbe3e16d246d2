//go:build unix

package main

import (
	"os"
	"syscall"
)

// collectStoppingTheWorld re-executes a build in place (same process, same files and signals)
// with its collections stopping the world; it returns when there is nothing to do or exec fails,
// and then the build runs as it is.
func collectStoppingTheWorld(args []string) {
	if !builds(args) {
		return
	}
	env := stwEnv(os.Environ())
	if env == nil {
		return
	}
	exe, err := os.Executable()
	if err != nil {
		return
	}
	_ = syscall.Exec(exe, os.Args, env)
}
