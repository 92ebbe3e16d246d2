package man

import (
	"flag"
	"testing"

	"bookc/builder"
	"bookc/builder/safefs"
	"bookc/builder/tree"
	"bookc/formats/formatstest"
	"bookc/handbook"
)

var corpus = flag.String("corpus", "", "also validate the man edition of the mdBook book in this folder "+
	"(e.g. ../../../shared/corpora/mdbook-guide)")

// loadEditions builds every edition of a book: the full book and each role's.
func loadEditions(t testing.TB, src *builder.Source) []*tree.Book {
	t.Helper()
	return formatstest.Editions(t, src, builder.Options{FallbackDate: handbook.Date})
}

// TestHandbookPagesValidate runs the validators over every page of every handbook edition.
func TestHandbookPagesValidate(t *testing.T) {
	requireValidators(t)
	validateEditions(t, loadEditions(t, builder.FromFS(handbook.FS, "handbook")))
}

// TestCorpusPagesValidate does the same for a book named with -corpus; without it, it does nothing,
// as the corpora live outside the project.
func TestCorpusPagesValidate(t *testing.T) {
	if *corpus == "" {
		t.Skip("no -corpus folder given")
	}
	requireValidators(t)
	src, err := builder.OpenDir(*corpus, "", safefs.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	validateEditions(t, loadEditions(t, src))
}

func validateEditions(t *testing.T, eds []*tree.Book) {
	pages := 0
	for _, ed := range eds {
		out, err := Render(ed)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range out.Files {
			pages++
			if msg := lint(t, f.Name, f.Data, true); msg != "" {
				t.Errorf("%s:\n%s", f.Name, msg)
			}
		}
	}
	if pages < 2*len(eds) {
		t.Errorf("only %d pages for %d editions", pages, len(eds))
	}
}

// BenchmarkHandbook renders the handbook's editions, as `bookc man --all-roles` does.
func BenchmarkHandbook(b *testing.B) {
	eds := loadEditions(b, builder.FromFS(handbook.FS, "handbook"))
	b.ResetTimer()
	for b.Loop() {
		for _, ed := range eds {
			if _, err := Render(ed); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// TestRenewedBuilds builds the handbook's man pages, then with its introduction given a heading
// that chapters after it have ("Permissions", whose anchors then move), then as it was, each load
// with the memo of the one before, as 'bookc watch' does: no byte may differ from a build from
// scratch.
func TestRenewedBuilds(t *testing.T) {
	edited := formatstest.Edited(t, handbook.FS, "src/introduction.md", func(data []byte) []byte {
		return append(data, "\n\n## Permissions\n\nA section the author just added.\n"...)
	})
	formatstest.Renewed(t, backend{}, handbook.FS, edited, handbook.FS)
}
