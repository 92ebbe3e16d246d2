package pdf

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/sync/errgroup"

	"bookc/builder"
	"bookc/handbook"
)

// plain and ref are paragraphs that the book below sets in many places: at the margin, in a list,
// in a quote and in a footnote, which set the same content at other places and sizes; ref has a
// cross-reference, whose page number changes between passes and editions.
const (
	plain = "The same words, long enough to fill a few lines of a page and to be hyphenated somewhere in the middle of a paragraph."
	ref   = "Other words, long enough to fill a few lines of a page and to be hyphenated somewhere in the middle of a paragraph, see [the end](b.md#end)."
)

// places is a book whose editions have the same paragraphs in different places.
var places = fstest.MapFS{
	"book.toml":      {Data: []byte("[book]\ntitle = \"Places\"\n[output.bookc.roles.ops]\n")},
	"src/SUMMARY.md": {Data: []byte("- [A](a.md)\n- [B](b.md)\n")},
	"src/a.md":       {Data: []byte("# A\n\n<!-- only: ops -->\n" + strings.Repeat(plain+"\n\n"+ref+"\n\n", 20) + "<!-- end -->\n\n" + everywhere(plain) + everywhere(ref))},
	"src/b.md":       {Data: []byte("# B\n\n" + everywhere(plain) + "## End {#end}\n\n" + everywhere(ref))},
}

func everywhere(p string) string {
	return p + "\n\n- " + p + "\n\n  - " + p + "\n\n> " + p + "\n\nA note.[^" + p[:5] + "]\n\n[^" + p[:5] + "]: " + p + "\n\n"
}

// TestSharedEditions renders the editions of books concurrently with one ForBook backend, as
// `bookc pdf --all-roles` does, and each alone: what the editions share must change no byte.
func TestSharedEditions(t *testing.T) {
	for name, src := range map[string]*builder.Source{
		"handbook": builder.FromFS(handbook.FS, "handbook"),
		"places":   builder.FromFS(fs.FS(places), "places"),
	} {
		t.Run(name, func(t *testing.T) { checkShared(t, src) })
	}
}

func checkShared(t *testing.T, src *builder.Source) {
	book, err := builder.Load(src, builder.Options{FallbackDate: handbook.Date, Highlight: true})
	if err != nil {
		t.Fatal(err)
	}
	eds, _, err := book.Editions()
	if err != nil {
		t.Fatal(err)
	}
	shared := make([][]byte, len(eds))
	be := Backend{}.ForBook()
	var g errgroup.Group
	for i, ed := range eds {
		g.Go(func() error {
			out, err := be.Render(ed)
			if err == nil {
				shared[i] = out.Files[0].Data
			}
			return err
		})
	}
	if err := g.Wait(); err != nil {
		t.Fatal(err)
	}
	for i, ed := range eds {
		out, err := Backend{}.Render(ed)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out.Files[0].Data, shared[i]) {
			t.Errorf("%s: the PDF rendered with the other editions differs from the one rendered alone", ed.Artifact())
		}
	}
}
