//go:build !unix

package main

// collectStoppingTheWorld does nothing where a process cannot execute itself in place.
func collectStoppingTheWorld([]string) {}
