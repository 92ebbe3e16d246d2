package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"time"

	"bookc/builder"
	"bookc/builder/config"
	"bookc/builder/touched"
	"bookc/formats"
)

// watchPoll is how often 'bookc watch' looks at the files the last build read: a stat of each, a
// few hundred for a large book, far under a millisecond's work.
var watchPoll = 250 * time.Millisecond

// cmdWatch builds the book, then builds it again each time a file the last build read changes,
// until interrupted. The load's memo and the backends are kept from build to build, renewed
// (builder.Memo.Renew, formats.Renew), so that what an edit leaves as it was (converted chapters,
// checked images, set paragraphs, compressed pages) is not made again; a change to book.toml
// starts the backends afresh. A build that fails keeps the last good artifacts, as
// every build does, and the next change tries again.
func cmdWatch(ctx context.Context, o *options, stdout, stderr io.Writer) int {
	if o.bookDir == "" {
		fmt.Fprintln(stderr, "bookc: watch needs the book's folder: bookc watch BOOKDIR [pdf|epub|man ...]")
		return 2
	}
	backends, err := watchFormats(o.formats)
	if err != nil {
		fmt.Fprintf(stderr, "bookc: %v\n", err)
		return 2
	}
	if _, err := openSource(o); err != nil {
		fmt.Fprintf(stderr, "bookc: %v\n", err)
		return 1
	}
	w := &watcher{o: o, fresh: backends, memo: builder.NewMemo(), stdout: stdout, stderr: stderr}
	snap := w.build(ctx, nil)
	fmt.Fprintf(stdout, "bookc: watching %s (Ctrl-C stops)\n", o.bookDir)
	tick := time.NewTicker(watchPoll)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return 0
		case <-tick.C:
			if changed := snap.Changed(); len(changed) > 0 {
				snap = w.build(ctx, changed)
			}
		}
	}
}

// watchFormats are the backends of the formats named, all of them when none is.
func watchFormats(names []string) ([]formats.Backend, error) {
	if len(names) == 0 || slices.Contains(names, "all") {
		return formats.All(), nil
	}
	var out []formats.Backend
	for _, n := range names {
		b := formats.Lookup(n)
		if b == nil {
			return nil, fmt.Errorf("the %s format is not built yet", n)
		}
		out = append(out, b)
	}
	return out, nil
}

// watcher is a watch session: the backends kept from the last build, and the settings they were
// made for.
type watcher struct {
	o              *options
	fresh, kept    []formats.Backend
	cfg            *config.Config
	last           touched.Snapshot // what the last build read
	memo           *builder.Memo    // what the last load made
	stdout, stderr io.Writer
}

// build builds the book once and returns the files it read, to watch for the next change.
func (w *watcher) build(ctx context.Context, changed []string) touched.Snapshot {
	start := time.Now()
	src, err := openSource(w.o)
	if err != nil { // the folder is gone: watch for the files the last build read to come back
		w.failed(err)
		return w.last.Again()
	}
	rec := touched.Record(src.FS, src.RootName)
	src.FS = rec
	defer func() { w.last = rec.Snapshot() }()
	b, err := loadFrom(ctx, w.o, src, formats.ColoursCode(w.fresh), w.memo, w.stderr)
	if err != nil {
		if !errors.Is(err, errInterrupted) {
			w.failed(err)
		}
		return rec.Snapshot()
	}
	if w.kept == nil || !reflect.DeepEqual(b.Config, w.cfg) {
		w.kept = make([]formats.Backend, len(w.fresh)) // new settings: nothing of the last build holds
		for i, be := range w.fresh {
			w.kept[i] = formats.ForBook(be)
		}
	} else {
		for i, be := range w.kept {
			w.kept[i] = formats.Renew(be)
		}
	}
	w.cfg = b.Config
	w.memo = w.memo.Renew() // the next load reuses what this one made, nothing older
	code := buildBook(ctx, w.o, b, w.kept, start, w.stderr)
	if ctx.Err() == nil {
		what := "built"
		if changed != nil {
			what = "rebuilt after a change to " + strings.Join(changed, ", ")
		}
		if code != 0 {
			what += ", with errors (the last good artifacts stay)"
		}
		fmt.Fprintf(w.stdout, "bookc: %s in %v\n", what, time.Since(start).Round(time.Millisecond))
	}
	return rec.Snapshot()
}

// failed reports a build that could not start or load: the artifacts of the last good one stay.
func (w *watcher) failed(err error) {
	fmt.Fprintf(w.stderr, "bookc: %v\n", err)
	fmt.Fprintln(w.stdout, "bookc: not built; the last good artifacts stay, and the next change tries again")
}
