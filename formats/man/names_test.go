package man

import (
	"strings"
	"testing"

	"bookc/builder/tree"
)

func TestPrefix(t *testing.T) {
	for _, tt := range []struct{ slug, set, want string }{
		{slug: "metropolis-handbook", want: "mh"},
		{slug: "the-rust-programming-language", want: "trpl"},
		{slug: "rustonomicon", want: "rustonomicon"},
		{slug: "kubernetesoperations", want: "kubernetesop"}, // one word, cut to 12
		{slug: "a-b-c-d-e-f-g-h-i-j-k-l-m-n", want: "abcdefghijkl"},
		{slug: "", want: "book"},
		{slug: "metropolis-handbook", set: "metro", want: "metro"},
	} {
		b := &tree.Book{Slug: tt.slug, Settings: tree.Settings{ManPrefix: tt.set}}
		if got := prefix(b); got != tt.want {
			t.Errorf("prefix(%q, man-prefix %q) = %q, want %q", tt.slug, tt.set, got, tt.want)
		}
	}
}

func TestChapterName(t *testing.T) {
	for _, tt := range []struct {
		source, id, section string
		qualify             bool // chapters share the stem
		want                string
	}{
		{"handbook/src/demo/launch-locally.md", "launch-locally", "7", false, "mh-launch-locally"},
		{"handbook/src/architecture/README.md", "cluster-architecture", "7", false, "mh-architecture"},
		{"handbook/src/guide/index.md", "guide", "7", false, "mh-guide"},
		{"handbook/src/README.md", "introduction", "7", false, "mh-introduction"}, // the book's own README
		{"handbook/src/Foo_Bar.baz.md", "x", "7", false, "mh-foo-bar-baz"},
		{"handbook/src/\u00e9t\u00e9.md", "summer", "7", false, "mh-summer"}, // letters a name would lose
		{"handbook/src/\u4e2d.md", "\u4e2d", "7", false, "mh-ch3"},           // nor an ID: its place
		{"", "no-file", "7", false, "mh-no-file"},
		{"handbook/src/troubleshooting-and-runbooks.md", "x", "7", false, "mh-troubleshooting"}, // cut at a word
		{"handbook/src/internationalisation.md", "x", "7", false, "mh-internationalisati"},      // cut in the word: 21 for 7
		{"handbook/src/troubleshooting-and-runbooks.md", "x", "3p", false, "mh-troubleshooting"},
		{"handbook/src/troubleshooting-and-runbooks.md", "x", "7xxxxx", false, "mh-troubleshooti"}, // 16
		// chapters of one stem: the folder tells them apart, cut before the stem is
		{"handbook/src/intro.md", "intro", "7", true, "mh-intro"},
		{"handbook/src/idioms/ffi/intro.md", "ffi-idioms", "7", true, "mh-ffi-intro"},
		{"handbook/src/game-of-life/introduction.md", "x", "7", true, "mh-game-introduction"},
		{"handbook/src/for_developers/preprocessors.md", "x", "7", true, "mh-for-preprocessors"},
		{"handbook/src/format/configuration/README.md", "x", "7", true, "mh-form-configuration"},
		{"handbook/src/configuration/troubleshooting-and-runbooks.md", "x", "7", true, "mh-troubleshooting"},
	} {
		c := &tree.Chapter{ID: tt.id, Title: "T", Source: tt.source}
		name := func() string {
			s, folders := chapterStem("handbook/src", c, false, 3)
			if !tt.qualify {
				folders = nil
			} else {
				folders = folders[max(len(folders)-1, 0):] // the nearest folder tells them apart
			}
			return joinName("mh", folders, s, nameMax(tt.section), false)
		}
		got := name()
		if got != tt.want {
			t.Errorf("%s (section %s): page name %q, want %q", tt.source, tt.section, got, tt.want)
		}
		if len(got) > nameMax(tt.section) {
			t.Errorf("%q is longer than %d", got, nameMax(tt.section))
		}
		if again := name(); again != got {
			t.Errorf("names are not stable: %q, then %q", got, again)
		}
	}
}

// TestNamesUnique checks that two chapters of one page name are an error naming both, and that a
// file listed twice in SUMMARY.md is no such error.
func TestNamesUnique(t *testing.T) {
	chapter := func(id, source string) *tree.Chapter {
		return &tree.Chapter{ID: id, Title: strings.ToUpper(id), Source: source,
			Blocks: tree.Blocks{&tree.Heading{Level: 1, ID: id, Content: tree.Inlines{text(id)}}}}
	}
	book := func(cs ...*tree.Chapter) *tree.Book {
		return &tree.Book{Title: "Golden Book", Slug: "golden-book", Parts: []*tree.Part{{Chapters: cs}}}
	}
	for _, tt := range []struct {
		name  string
		book  *tree.Book
		files string // or the error's words
		err   []string
	}{
		{name: "distinct", book: book(chapter("a", "src/a.md"), chapter("b", "src/x/b.md")), files: "gb.7 gb-a.7 gb-b.7"},
		{name: "one file name in two folders", book: book(chapter("a", "src/x/intro.md"), chapter("b", "src/y/intro.md"), chapter("c", "src/c.md")),
			files: "gb.7 gb-x-intro.7 gb-y-intro.7 gb-c.7"},
		{name: "one file name in two folders of one name", book: book(chapter("a", "src/idioms/ffi/intro.md"), chapter("b", "src/patterns/ffi/intro.md"), chapter("c", "src/x/intro.md")),
			files: "gb.7 gb-idioms-ffi-intro.7 gb-patterns-ffi-intro.7 gb-x-intro.7"},
		{name: "a folder not in Latin letters", book: book(chapter("a", "src/\u4e2d/x/intro.md"), chapter("b", "src/\u6587/x/intro.md")),
			err: []string{"man page gb-x-intro(7) would be both"}},
		{name: "long folders give way to initials", book: book(chapter("a", "src/international/ffi/intro.md"), chapter("b", "src/patterns/ffi/intro.md")),
			files: "gb.7 gb-i-ffi-intro.7 gb-patterns-ffi-intro.7"},
		{name: "names alike in one folder", book: book(chapter("a", "src/x/Intro.md"), chapter("b", "src/x/intro.md")),
			err: []string{"man page gb-intro(7) would be both src/x/Intro.md (chapter \"A\") and src/x/intro.md (chapter \"B\")",
				"[output.bookc.man-pages]"}},
		{name: "a chapter named like the index", book: book(chapter("a", "src/a.md"), &tree.Chapter{ID: "t", Title: "Tool",
			Source: "src/t.md", ManPage: &tree.ManPage{Name: "gb", Section: "7"}}),
			err: []string{"man page gb(7) would be both the book's index page and src/t.md (chapter \"Tool\")"}},
		{name: "a declared name too long for the header", book: book(chapter("a", "src/a.md"), &tree.Chapter{ID: "t", Title: "Tool",
			Source: "src/t.md", ManPage: &tree.ManPage{Name: "metroctl-cluster-admin", Section: "1"}}),
			err: []string{"man page metroctl-cluster-admin(1), declared for src/t.md (chapter \"Tool\") in book.toml's [output.bookc.man-pages], is longer than 21 characters"}},
		{name: "folders that cutting would make alike", book: book(chapter("a", "src/copy1/introductions.md"), chapter("b", "src/copy2/introductions.md")),
			files: "gb.7 gb-copy1-introduction.7 gb-copy2-introduction.7"},
		{name: "deep folders that cutting would make alike", book: book(chapter("a", "src/copy1/architecture/node.md"), chapter("b", "src/copy2/architecture/node.md"), chapter("c", "src/copy3/architecture/node.md")),
			files: "gb.7 gb-c-architectur-node.7 gb-c-architect-node-2.7 gb-c-architect-node-3.7"},
		{name: "a file listed twice", book: book(chapter("a", "src/a.md"), chapter("a-2", "src/a.md")), files: "gb.7 gb-a.7 gb-a-2.7"},
		{name: "one chapter is its page, with no index", book: book(&tree.Chapter{ID: "t", Title: "Tool", Source: "src/t.md",
			ManPage: &tree.ManPage{Name: "gb", Section: "1"}}), files: "gb.1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, err := Render(tt.book)
			if tt.err != nil {
				for _, want := range tt.err {
					if err == nil || !strings.Contains(err.Error(), want) {
						t.Errorf("err = %v, want %q", err, want)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := fileNames(out); got != tt.files {
				t.Errorf("files %s, want %s", got, tt.files)
			}
		})
	}
}
