package epub

import (
	"io/fs"
	"sync"
	"testing"

	"bookc/builder"
	"bookc/builder/synth"
	"bookc/builder/tree"
	"bookc/formats/formatstest"
	"bookc/handbook"
)

// editions loads a book and makes every edition of it, the full book first.
func editions(b testing.TB, fsys fs.FS) []*tree.Book {
	b.Helper()
	return formatstest.Editions(b, builder.FromFS(fsys, "bench"), builder.Options{Highlight: true})
}

// BenchmarkHandbookEditions renders the handbook's four editions concurrently, as the CLI does.
// Goal: under 100 ms together.
func BenchmarkHandbookEditions(b *testing.B) {
	eds := editions(b, handbook.FS)
	for b.Loop() {
		var wg sync.WaitGroup
		for _, ed := range eds {
			wg.Go(func() {
				if _, err := Render(ed); err != nil {
					b.Error(err)
				}
			})
		}
		wg.Wait()
	}
}

// BenchmarkRenderScaled renders the full edition of the handbook scaled to about 1.5 MB of
// Markdown. Goal: under 0.25 s on 2 cores (pandoc takes 4.7 s for a book of that size).
func BenchmarkRenderScaled(b *testing.B) {
	fsys, size, err := synth.OfSize(handbook.FS, 1_500_000)
	if err != nil {
		b.Fatal(err)
	}
	book := editions(b, fsys)[0]
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Render(book); err != nil {
			b.Fatal(err)
		}
	}
}
