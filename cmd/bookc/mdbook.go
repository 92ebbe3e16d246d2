package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"bookc/builder"
	"bookc/builder/diag"
	"bookc/builder/mdbookjson"
	"bookc/builder/safefs"
	"bookc/formats"
	"bookc/handbook"
)

// mdbookName is the name mdBook runs for [output.bookc]: `make install` links it to bookc, which
// then acts as 'bookc mdbook'.
const mdbookName = "mdbook-bookc"

// cmdMdBook is bookc as mdBook's renderer: mdBook writes the render context to its standard
// input and runs it in the output folder it chose. The book comes from the context (its chapters
// after every preprocessor ran), and bookc builds the formats and editions [output.bookc] asks
// for, into the current folder (or -o). Diagnostics go to stderr in mdBook's style; a failed
// artifact fails 'mdbook build'.
func cmdMdBook(ctx context.Context, o *options, stdin io.Reader, stderr io.Writer) int {
	start := time.Now()
	o.mdbook = true
	o.quiet = true // the rule of silence mdBook asks of its plugins: speak of problems only
	if o.bookDir != "" {
		o.fail(stderr, errors.New("'bookc mdbook' takes no book folder: mdBook gives the book on standard input (add [output.bookc] to book.toml and run 'mdbook build')"))
		return 2
	}
	limit := o.limits.Total
	if limit <= 0 {
		limit = safefs.DefaultTotal
	}
	data, err := io.ReadAll(io.LimitReader(stdin, limit+1))
	if err != nil {
		o.fail(stderr, fmt.Errorf("reading mdBook's render context: %w", err))
		return 1
	}
	if int64(len(data)) > limit {
		o.fail(stderr, fmt.Errorf("mdBook's render context is larger than %d MB (raise --max-book-size)", limit>>20))
		return 1
	}
	rc, err := mdbookjson.DecodeRenderContext(data)
	if err != nil {
		o.fail(stderr, fmt.Errorf("%v ('bookc mdbook' is run by 'mdbook build' for [output.bookc]; to build a book folder, use 'bookc all DIR')", err))
		return 1
	}
	src, err := builder.OpenDir(rc.Root, o.includeRoot, o.limits)
	if err != nil {
		o.fail(stderr, err)
		return 1
	}
	defer src.Close()
	// Paths read from the book's folder, as mdBook's own messages name them: "src/intro.md".
	src.Display = func(name string) string {
		if r, err := filepath.Rel(filepath.FromSlash(src.BookDir), filepath.FromSlash(name)); err == nil {
			return r
		}
		return name
	}
	type loaded struct {
		b   *builder.Book
		err error
	}
	done := make(chan loaded, 1)
	go func() {
		b, err := builder.LoadMdBook(src, rc, builder.Options{
			SourceDateEpoch: os.Getenv("SOURCE_DATE_EPOCH"), FallbackDate: handbook.Date, Highlight: true,
		})
		done <- loaded{b, err}
	}()
	var b *builder.Book
	select {
	case l := <-done:
		if l.err != nil {
			o.fail(stderr, l.err)
			return 1
		}
		b = l.b
	case <-ctx.Done():
		o.fail(stderr, errInterrupted)
		return 130
	}
	backends := formats.All()
	if b.Config.Formats != nil {
		backends = nil
		for _, f := range b.Config.Formats {
			if be := formats.Lookup(f); be != nil {
				backends = append(backends, be)
			}
		}
	}
	if len(backends) == 0 {
		o.printDiags(stderr, diag.List{diag.Warnf("book.toml", 0, "[output.bookc] formats is empty, so bookc made nothing; list some of \"pdf\", \"epub\" and \"man\"")}, diag.Warning)
		return 0
	}
	o.allRoles = o.allRoles || b.Config.AllRoles
	return buildBook(ctx, o, b, backends, start, stderr)
}

// mdbookStyle writes a diagnostic as mdBook's log lines read: "[WARN] (bookc): src/a.md:3: ...".
func mdbookStyle(d diag.Diagnostic) string {
	level := map[diag.Severity]string{diag.Note: "INFO", diag.Warning: "WARN", diag.Error: "ERROR"}[d.Severity]
	place := d.File
	if d.Line > 0 {
		place = fmt.Sprintf("%s:%d", d.File, d.Line)
	}
	if place != "" {
		place += ": "
	}
	return fmt.Sprintf("[%s] (bookc): %s%s", level, place, d.Msg)
}
