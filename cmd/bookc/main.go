// Command bookc compiles an mdBook book into a PDF, an EPUB and man pages, each also as per-role
// editions. With no book folder it builds the Metropolis Handbook it carries.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"syscall"

	"bookc/formats"
)

// version is set at link time by the Makefile; "dev" otherwise.
var version = "dev"

func main() {
	args := os.Args[1:]
	if filepath.Base(os.Args[0]) == mdbookName {
		args = append([]string{"mdbook"}, args...)
	}
	collectStoppingTheWorld(args)
	restoreGODEBUG()
	prepareHeap(preGrows(args))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := runIO(ctx, args, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// prepareHeap readies the heap for the command: grown in huge pages for one that loads a book
// once and exits (hugeheap.go), and the collector paced (gcpace.go). The cold benchmarks'
// processes call it as main does.
func prepareHeap(oneShot bool) {
	if oneShot {
		preGrowHeap(hugeHeap)
	}
	paceGC(pacing{heapBudget})
}

// run is the whole program, apart from the process: tests call it directly.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return runIO(ctx, args, os.Stdin, stdout, stderr)
}

// runIO is run with the standard input it reads ('bookc mdbook' reads mdBook's render context).
func runIO(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		cmdHelp(nil, stdout, stderr)
		return 2
	}
	switch {
	case args[0] == "help" || args[0] == "-h" || args[0] == "--help":
		return cmdHelp(args[1:], stdout, stderr)
	case asksHelp(args[1:]):
		return cmdHelp(args[:1], stdout, stderr)
	case args[0] == "completion":
		return cmdCompletion(args[1:], stdout, stderr)
	}
	o, err := parseArgs(args)
	if err != nil {
		fmt.Fprintf(stderr, "bookc: %v\n(see 'bookc help')\n", err)
		return 2
	}
	if o.cpuProfile != "" {
		stop, err := profileCPU(o.cpuProfile)
		if err != nil {
			fmt.Fprintf(stderr, "bookc: --cpuprofile: %v (give a file bookc can write)\n", err)
			return 2
		}
		defer stop()
	}
	return runCommand(ctx, o, stdin, stdout, stderr)
}

// profileCPU profiles the process into the file named until stop is called: what a user sends
// with a report of a slow build ('bookc pdf BOOK --cpuprofile cpu.prof').
func profileCPU(name string) (stop func(), err error) {
	f, err := os.Create(name)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// runCommand runs the command the arguments named.
func runCommand(ctx context.Context, o *options, stdin io.Reader, stdout, stderr io.Writer) int {
	switch o.command {
	case "version":
		fmt.Fprintf(stdout, "bookc %s\n", version)
		return 0
	case "check":
		return cmdCheck(ctx, o, stdout, stderr)
	case "roles":
		return cmdRoles(ctx, o, stdout, stderr)
	case "tree":
		return cmdTree(ctx, o, stdout, stderr)
	case "mdbook":
		return cmdMdBook(ctx, o, stdin, stderr)
	case "watch":
		return cmdWatch(ctx, o, stdout, stderr)
	case "all":
		return cmdBuild(ctx, o, formats.All(), stderr)
	default:
		b := formats.Lookup(o.command)
		if b == nil {
			if slices.Contains(formatNames, o.command) {
				fmt.Fprintf(stderr, "bookc: the %s format is not built yet\n", o.command)
				return 1
			}
			fmt.Fprintf(stderr, "bookc: unknown command %q (see 'bookc help')\n", o.command)
			return 2
		}
		return cmdBuild(ctx, o, []formats.Backend{b}, stderr)
	}
}
