package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"bookc/builder"
	"bookc/builder/diag"
	"bookc/builder/preprocess"
	"bookc/handbook"
)

// errInterrupted is what a build stopped by Ctrl-C or SIGTERM returns, before it writes anything.
var errInterrupted = errors.New("interrupted while loading the book; nothing was written")

// preprocessTimeout is how long each of a book's preprocessors may run; tests shorten it.
var preprocessTimeout = preprocess.DefaultTimeout

// loadBook loads the book folder the user named, or the embedded handbook. Ctrl-C stops it at
// once: loading reads no file that can block, but a big book takes a while.
func loadBook(ctx context.Context, o *options, highlight bool, stderr io.Writer) (*builder.Book, error) {
	src, err := openSource(o)
	if err != nil {
		return nil, err
	}
	return loadFrom(ctx, o, src, highlight, nil, stderr)
}

// openSource opens the book folder the user named, or the embedded handbook.
func openSource(o *options) (*builder.Source, error) {
	if o.bookDir == "" {
		return builder.FromFS(handbook.FS, "handbook"), nil
	}
	return builder.OpenDir(o.bookDir, o.includeRoot, o.limits)
}

// loadFrom loads the book from src, which it closes; memo, when kept from the loads before,
// spares checking their images and converting their chapters again.
func loadFrom(ctx context.Context, o *options, src *builder.Source, highlight bool, memo *builder.Memo, stderr io.Writer) (*builder.Book, error) {
	type loaded struct {
		b   *builder.Book
		err error
	}
	done := make(chan loaded, 1)
	go func() {
		defer src.Close()
		b, err := builder.Load(src, builder.Options{
			SourceDateEpoch:  os.Getenv("SOURCE_DATE_EPOCH"),
			FallbackDate:     handbook.Date,
			Highlight:        highlight,
			RunPreprocessors: o.preprocess,
			Preprocess:       preprocess.Options{Context: ctx, Stderr: stderr, Timeout: preprocessTimeout},
			Memo:             memo,
		})
		done <- loaded{b, err}
	}()
	select {
	case l := <-done:
		return l.b, l.err
	case <-ctx.Done():
		return nil, errInterrupted
	}
}

// loadFailed reports a book that did not load, with the exit code: 130 when interrupted.
func loadFailed(stderr io.Writer, err error) int {
	fmt.Fprintf(stderr, "bookc: %v\n", err)
	if errors.Is(err, errInterrupted) {
		return 130
	}
	return 1
}

// editionRoles lists the roles to build: the full book (""), one role, or all of them.
func editionRoles(o *options, b *builder.Book) ([]string, error) {
	switch {
	case o.allRoles:
		return append([]string{""}, b.RoleNames()...), nil
	case o.role != "":
		if b.Config.Role(o.role) == nil {
			return nil, fmt.Errorf("no role %q in book.toml; 'bookc roles' lists the roles", o.role)
		}
		return []string{o.role}, nil
	default:
		return []string{""}, nil
	}
}

// printDiags writes diagnostics at or above min severity, sorted and each once (every edition
// of a chapter may say the same), and returns how many errors there were.
func printDiags(w io.Writer, ds diag.List, min diag.Severity) int {
	return printDiagsAs(w, ds, min, diag.Diagnostic.String)
}

// printDiagsAs is printDiags with each diagnostic written by format.
func printDiagsAs(w io.Writer, ds diag.List, min diag.Severity, format func(diag.Diagnostic) string) int {
	last := ""
	for _, d := range ds.Sorted() {
		if s := format(d); d.Severity >= min && s != last {
			fmt.Fprintln(w, s)
			last = s
		}
	}
	return ds.Count(diag.Error)
}

func since(t time.Time) string { return time.Since(t).Round(time.Millisecond).String() }

// printDiags prints diagnostics as the command's user reads them: in mdBook's style when bookc
// runs as mdBook's renderer.
func (o *options) printDiags(w io.Writer, ds diag.List, min diag.Severity) int {
	if o.mdbook {
		return printDiagsAs(w, ds, min, mdbookStyle)
	}
	return printDiags(w, ds, min)
}

// fail prints an error that stops the command or an artifact.
func (o *options) fail(w io.Writer, err error) {
	if o.mdbook {
		fmt.Fprintf(w, "[ERROR] (bookc): %v\n", err)
		return
	}
	fmt.Fprintf(w, "bookc: %v\n", err)
}
