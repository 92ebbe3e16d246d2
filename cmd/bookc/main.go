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
	"syscall"

	"bookc/formats"
)

const usage = `bookc compiles an mdBook book into PDF, EPUB and man pages, with per-role editions.

Usage:
  bookc pdf|epub|man|all [BOOKDIR] [--role NAME | --all-roles] [-o DIR]
  bookc man [BOOKDIR] --install PREFIX [--role NAME | --all-roles] [--gzip]
  bookc check [BOOKDIR]            all diagnostics of all editions and formats, rendered
                                   in memory; exit 1 on errors
  bookc roles [BOOKDIR]            which chapters each role's edition has
  bookc tree  [BOOKDIR] [--role NAME]   the document tree as JSON
  bookc mdbook                     as mdBook's renderer, for [output.bookc]: the render
                                   context on stdin, artifacts into the current folder
                                   (installed as mdbook-bookc, which mdBook runs)
  bookc version

With no BOOKDIR, bookc builds the Metropolis Handbook it carries.

Flags:
  --role NAME          build the edition of one role (see 'bookc roles')
  --all-roles          build the full book and every role's edition
  -o, --output DIR     where artifacts go (default: the current folder)
  --include-root DIR   let {{#include}} and images reach files under DIR
                       (default: the book's folder, or the git repository around it,
                       whose files outside the book's folder count only if tracked)
  --max-file-size SIZE the most bookc reads of one file (default 64MB)
  --max-book-size SIZE the most it reads of all the book's files (default 1GB)
  -q, --quiet          no progress or summary
  --install PREFIX     man: install the edition's pages into PREFIX/share/man/manN;
                       with --all-roles, each role's into PREFIX/share/EDITION/man/manN
  --gzip               man: compress pages (reproducibly)
  --preprocessors      run the book's [preprocessor.NAME] commands as mdBook does
                       (or [output.bookc] run-preprocessors = true); they are code
                       from the book, so bookc runs none unless told to

Dates come from SOURCE_DATE_EPOCH when set, else from the newest source file.
`

// version is set at link time by the Makefile; "dev" otherwise.
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	args := os.Args[1:]
	if filepath.Base(os.Args[0]) == mdbookName {
		args = append([]string{"mdbook"}, args...)
	}
	code := runIO(ctx, args, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is the whole program, apart from the process: tests call it directly.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return runIO(ctx, args, os.Stdin, stdout, stderr)
}

// runIO is run with the standard input it reads ('bookc mdbook' reads mdBook's render context).
func runIO(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprint(stdout, usage)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	o, err := parseArgs(args)
	if err != nil {
		fmt.Fprintf(stderr, "bookc: %v\n(see 'bookc help')\n", err)
		return 2
	}
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
	case "all":
		return cmdBuild(ctx, o, formats.All(), stderr)
	default:
		b := formats.Lookup(o.command)
		if b == nil {
			if o.command == "pdf" || o.command == "epub" || o.command == "man" {
				fmt.Fprintf(stderr, "bookc: the %s format is not built yet\n", o.command)
				return 1
			}
			fmt.Fprintf(stderr, "bookc: unknown command %q (see 'bookc help')\n", o.command)
			return 2
		}
		return cmdBuild(ctx, o, []formats.Backend{b}, stderr)
	}
}
