package pdf

import (
	"testing"

	"golang.org/x/sync/errgroup"

	"bookc/builder"
	"bookc/handbook"
)

// BenchmarkRender typesets a book of about 400 pages.
func BenchmarkRender(b *testing.B) {
	book := stressBook(57)
	pages := 0
	for b.Loop() {
		out, err := Backend{}.Render(book)
		if err != nil {
			b.Fatal(err)
		}
		pages = out.Files[0].Pages
	}
	b.ReportMetric(float64(pages), "pages")
}

// BenchmarkHandbook renders the handbook's four editions concurrently, as `bookc pdf --all-roles`
// does (goal: under 400 ms together).
func BenchmarkHandbook(b *testing.B) {
	book, err := builder.Load(builder.FromFS(handbook.FS, "handbook"), builder.Options{FallbackDate: handbook.Date, Highlight: true})
	if err != nil {
		b.Fatal(err)
	}
	eds, _, err := book.Editions()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		be := Backend{}.ForBook() // a build's editions share their common blocks
		var g errgroup.Group
		for _, e := range eds {
			g.Go(func() error { _, err := be.Render(e); return err })
		}
		if err := g.Wait(); err != nil {
			b.Fatal(err)
		}
	}
}
