package main

import (
	"bytes"
	"fmt"
	"runtime"
	"runtime/metrics"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/sync/errgroup"

	"bookc/builder"
	"bookc/builder/synth"
	"bookc/builder/tree"
	"bookc/formats"
	"bookc/handbook"
)

// renderAll parses a book once and renders the given editions in every given format, concurrently,
// as `bookc all` does (without writing files).
func renderAll(b *testing.B, book *builder.Book, roles []string, backends []formats.Backend) {
	eds := make([]*tree.Book, len(roles))
	for i, r := range roles {
		ed, _, err := book.Edition(r)
		if err != nil {
			b.Fatal(err)
		}
		eds[i] = ed
	}
	backends = forEditions(backends, len(eds))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, ed := range eds {
		for _, be := range backends {
			g.Go(func() error { _, err := be.Render(ed); return err })
		}
	}
	if err := g.Wait(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkHandbookAll builds all 12 artifacts of the handbook from one parse. Goal: at most 1.5x
// BenchmarkHandbookFullPDF.
func BenchmarkHandbookAll(b *testing.B) {
	for b.Loop() {
		book, err := builder.Load(builder.FromFS(handbook.FS, "handbook"), builder.Options{Highlight: true})
		if err != nil {
			b.Fatal(err)
		}
		renderAll(b, book, append([]string{""}, book.RoleNames()...), formats.All())
	}
}

// BenchmarkHandbookFullPDF builds the handbook's full PDF alone, from its sources.
func BenchmarkHandbookFullPDF(b *testing.B) {
	for b.Loop() {
		book, err := builder.Load(builder.FromFS(handbook.FS, "handbook"), builder.Options{Highlight: true})
		if err != nil {
			b.Fatal(err)
		}
		renderAll(b, book, []string{""}, []formats.Backend{formats.Lookup("pdf")})
	}
}

// BenchmarkScale builds every format of the full edition of the handbook copied 1, 10 and 100
// times, from the sources: time should grow linearly (10x input: at most 11x time), and peak heap
// stay under 500 MB at 100x. Goal at ~1.5 MB (the 12x case, BenchmarkAll1500KB): under 1.5 s.
func BenchmarkScale(b *testing.B) {
	for _, n := range []int{1, 10, 100} {
		b.Run(fmt.Sprintf("%dx", n), func(b *testing.B) { benchScale(b, n) })
	}
}

// BenchmarkAll1500KB is every format of the full edition of a 1.5 MB book.
func BenchmarkAll1500KB(b *testing.B) { benchScale(b, 12) }

func benchScale(b *testing.B, n int) {
	fsys, err := synth.Scale(handbook.FS, n)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(synth.MarkdownBytes(fsys)))
	peak := watchHeap()
	for b.Loop() {
		book, err := builder.Load(builder.FromFS(fsys, "bench"), builder.Options{Highlight: true})
		if err != nil {
			b.Fatal(err)
		}
		renderAll(b, book, []string{""}, formats.All())
	}
	b.ReportMetric(float64(peak())/(1<<20), "peak-heap-MB")
}

// watchHeap samples the live heap until the returned function is called, which gives the peak.
func watchHeap() func() uint64 {
	var mu sync.Mutex
	var peak uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	go func() {
		defer close(done)
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				metrics.Read(sample)
				mu.Lock()
				peak = max(peak, sample[0].Value.Uint64())
				mu.Unlock()
			}
		}
	}()
	return func() uint64 {
		close(stop)
		<-done
		mu.Lock()
		defer mu.Unlock()
		return peak
	}
}

// BenchmarkPDF1500KB is the full PDF of a 1.5 MB book, the book `make bench-peers` times against
// pandoc and xelatex (goal: 30x faster).
func BenchmarkPDF1500KB(b *testing.B) {
	fsys, err := synth.Scale(handbook.FS, 12)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(synth.MarkdownBytes(fsys)))
	for b.Loop() {
		book, err := builder.Load(builder.FromFS(fsys, "bench"), builder.Options{Highlight: true})
		if err != nil {
			b.Fatal(err)
		}
		renderAll(b, book, []string{""}, []formats.Backend{formats.Lookup("pdf")})
	}
}

// BenchmarkRebuildPDF1500KB is what watch does after an edit of one paragraph of the 1.5 MB book:
// the book loaded again, and its PDF rendered by the backend renewed from the build before, which
// reuses what the edit left as it was. Goal (issue 18): 80 ms.
func BenchmarkRebuildPDF1500KB(b *testing.B) {
	fsys, err := synth.Scale(handbook.FS, 12)
	if err != nil {
		b.Fatal(err)
	}
	be := formats.ForBook(formats.Lookup("pdf"))
	build := func() {
		book, err := builder.Load(builder.FromFS(fsys, "bench"), builder.Options{Highlight: true})
		if err != nil {
			b.Fatal(err)
		}
		ed, _, err := book.Edition("")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := be.Render(ed); err != nil {
			b.Fatal(err)
		}
	}
	build()
	// the edit: a word added to, then taken from, the first sentence of a chapter in the middle
	var chapters []string
	for name := range fsys {
		if strings.HasSuffix(name, ".md") && !strings.HasSuffix(name, "SUMMARY.md") {
			chapters = append(chapters, name)
		}
	}
	slices.Sort(chapters)
	name := chapters[len(chapters)/2]
	text := fsys[name].Data
	at := bytes.Index(text, []byte(". "))
	if at < 0 {
		b.Fatalf("%s has no sentence to edit", name)
	}
	edited := slices.Concat(text[:at], []byte(" edited"), text[at:])
	for i := 0; b.Loop(); i++ {
		fsys[name].Data = text
		if i%2 == 0 {
			fsys[name].Data = edited
		}
		be = formats.Renew(be)
		build()
	}
}
