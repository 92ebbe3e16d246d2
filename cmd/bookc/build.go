package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"bookc/builder"
	"bookc/builder/diag"
	"bookc/builder/tree"
	"bookc/formats"
)

// artifact is one rendered edition in one format, for the summary.
type artifact struct {
	format, edition string
	files           []string
	pages, bytes    int
	took            time.Duration
}

// forEditions returns the backends to render n editions of one book with: where there are
// several, each backend's ForBook, so that the editions share what they can.
func forEditions(backends []formats.Backend, n int) []formats.Backend {
	if n < 2 {
		return backends
	}
	out := make([]formats.Backend, len(backends))
	for i, be := range backends {
		out[i] = formats.ForBook(be)
	}
	return out
}

// cmdBuild renders every requested edition in every given format: one load and parse, then
// editions x formats concurrently, each artifact written to a temporary file and renamed into place.
func cmdBuild(ctx context.Context, o *options, backends []formats.Backend, stderr io.Writer) int {
	start := time.Now()
	if (o.install != "" || o.gzip) && (len(backends) != 1 || backends[0].Name() != "man") {
		fmt.Fprintln(stderr, "bookc: --install and --gzip apply to man pages: use them with 'bookc man'")
		return 2
	}
	formats.Warm(backends)
	b, err := loadBook(ctx, o, formats.ColoursCode(backends), stderr)
	if err != nil {
		return loadFailed(stderr, err)
	}
	return buildBook(ctx, o, b, backends, start, stderr)
}

// buildBook renders the loaded book's editions in the backends' formats and writes them.
func buildBook(ctx context.Context, o *options, b *builder.Book, backends []formats.Backend, start time.Time, stderr io.Writer) int {
	o.printDiags(stderr, b.Diags, diag.Warning)
	roles, err := editionRoles(o, b)
	if err != nil {
		o.fail(stderr, err)
		return 1
	}
	editions, _, err := b.EditionsOf(roles)
	if err != nil {
		o.fail(stderr, err)
		return 1
	}
	if err := os.MkdirAll(o.outDir, 0o755); err != nil {
		o.fail(stderr, fmt.Errorf("cannot create the output folder: %v (choose another with -o)", err))
		return 1
	}
	backends = forEditions(backends, len(editions))
	var labels []string
	for _, ed := range editions {
		for _, be := range backends {
			labels = append(labels, fmt.Sprintf("%-4s  %s", be.Name(), editionName(ed)))
		}
	}
	var board *progress
	if !o.quiet {
		board = newProgress(stderr, isTerminal(stderr), labels)
	}
	results := make([]*artifact, len(labels))
	w := &writer{o: o}
	var mu sync.Mutex
	var diags diag.List
	var errs []error
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	// an edition is let go of here once its last artifact has started: then only the renders
	// still at work hold its tree, and it goes when they are done with it
	started := make([]int, len(editions))
	for i := range editions {
		for j, be := range backends {
			k := i*len(backends) + j
			g.Go(func() error {
				mu.Lock()
				ed := editions[i]
				if started[i]++; started[i] == len(backends) {
					editions[i] = nil
				}
				mu.Unlock()
				if gctx.Err() != nil {
					return nil
				}
				e := editionOf(ed) // what is written by, taken before the rendering lets the tree go
				board.set(k, "rendering", "")
				a, ds, err := w.artifact(gctx, be, ed, e)
				mu.Lock()
				defer mu.Unlock()
				diags.Add(ds...)
				if err != nil {
					errs = append(errs, fmt.Errorf("%s %s: %w", be.Name(), e.name, err))
					board.set(k, "failed", err.Error())
					return nil // other artifacts still build; earlier good ones stay
				}
				results[k] = a
				board.set(k, "done", a.describe())
				return nil
			})
		}
	}
	// On Ctrl-C, stop at once: wait only for artifacts being written, which the gate lets finish
	// whole and then closes to the rest. Renders in flight are abandoned with the process.
	finished := make(chan struct{})
	go func() { _ = g.Wait(); close(finished) }()
	select {
	case <-finished:
	case <-ctx.Done():
		w.close()
	}
	board.close()
	o.printDiags(stderr, diags, diag.Warning)
	for _, err := range errs {
		o.fail(stderr, err)
	}
	if ctx.Err() != nil {
		o.fail(stderr, errors.New("interrupted; the artifacts written are whole, and none is half-written"))
		return 130
	}
	if !o.quiet {
		printSummary(stderr, results, start)
	}
	if len(errs) > 0 {
		return 1
	}
	return 0
}

// describe sums up an artifact for the progress board.
func (a *artifact) describe() string {
	s := humanSize(a.bytes) + " in " + a.took.Round(time.Millisecond).String()
	if a.pages > 0 {
		s = fmt.Sprintf("%d pages, %s", a.pages, s)
	}
	if len(a.files) > 1 {
		s = fmt.Sprintf("%d files, %s", len(a.files), s)
	}
	return s
}

func editionName(b *tree.Book) string {
	if b.Edition.Full() {
		return "full edition"
	}
	return b.Edition.Title
}

func printSummary(w io.Writer, results []*artifact, start time.Time) {
	rows := [][]string{{"format", "edition", "files", "pages", "size", "time"}}
	for _, a := range results {
		if a == nil {
			continue
		}
		pages := ""
		if a.pages > 0 {
			pages = fmt.Sprint(a.pages)
		}
		name := fmt.Sprintf("%d files", len(a.files))
		if len(a.files) == 1 {
			name = a.files[0]
		}
		rows = append(rows, []string{a.format, a.edition, name, pages, humanSize(a.bytes), a.took.Round(time.Millisecond).String()})
	}
	printTable(w, rows)
	fmt.Fprintf(w, "built %d artifacts in %s\n", len(rows)-1, since(start))
}

func humanSize(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f kB", float64(n)/(1<<10))
	default:
		return fmt.Sprintf("%d B", n)
	}
}

// isTerminal reports whether w is a terminal, where a live board can be drawn.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
