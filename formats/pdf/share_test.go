package pdf

import (
	"io/fs"
	"maps"
	"strings"
	"testing"
	"testing/fstest"

	"bookc/builder"
	"bookc/formats/formatstest"
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

// TestSharedEditions renders the editions of books together and each alone: what the editions
// share (set blocks, compressed pages and fonts) must change no byte.
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
	formatstest.Shared(t, Backend{}, eds)
}

// TestRenewedBuilds builds the places book, then with one paragraph edited, then as it was, then
// with a heading in a.md that takes b.md's heading's ID, and as it was, with a load memo and a
// backend kept and renewed from build to build, as 'bookc watch' does: no byte may differ from a
// render from scratch.
func TestRenewedBuilds(t *testing.T) {
	edited := fstest.MapFS{}
	maps.Copy(edited, places)
	edited["src/b.md"] = &fstest.MapFile{Data: []byte(strings.Replace(string(places["src/b.md"].Data), "The same words", "Other words, and many more of them, so that the paragraph takes another line or two,", 1))}
	taken := fstest.MapFS{}
	maps.Copy(taken, places)
	taken["src/a.md"] = &fstest.MapFile{Data: []byte(strings.Replace(string(places["src/a.md"].Data), "# A\n", "# A\n\n## End\n", 1))}
	formatstest.Renewed(t, Backend{}, places, edited, places, taken, places)
}
