package epub

import (
	"strings"
	"testing"

	"bookc/builder/tree"
	"bookc/fonts"
	"bookc/handbook"
)

// TestBookFonts checks epub-fonts with fonts book.toml names: the EPUB carries each of the book's
// font files once, however many faces it serves, sets the text in them, and keeps bookc's faces
// where the book names none or names a file that is no TrueType font; epubcheck passes it.
func TestBookFonts(t *testing.T) {
	b := editions(t, handbook.FS)[0]
	face := &tree.FontFile{Name: "fonts/Book-Regular.ttf", Data: fonts.Regular.TTF}
	broken := &tree.FontFile{Name: "fonts/Broken.ttf", Data: []byte("not a font")}
	b.Settings.EPUBFonts = true
	b.Settings.Fonts = &tree.Fonts{Text: [4]*tree.FontFile{face, face, face, face}, Headings: [4]*tree.FontFile{broken, broken, broken, broken}}
	out := render(t, b)
	epubcheck(t, "fonts.epub", out.Files[0].Bytes())
	_, files := entries(t, out.Files[0].Bytes())
	css := files["EPUB/style.css"]
	if n := strings.Count(css, `font-family: "Book Text"; `); n != 4 {
		t.Errorf("%d @font-face rules of the book's text face, want its 4 styles", n)
	}
	for _, want := range []string{`body { font-family: "Book Text", serif; }`, `code, kbd, samp, pre { font-family: "` + fonts.MonoFamily + `", monospace; }`} {
		if !strings.Contains(css, want) {
			t.Errorf("the style sheet lacks %s", want)
		}
	}
	if strings.Contains(css, "Book Headings") || strings.Contains(css, "Book Mono") {
		t.Error("the style sheet sets faces the book does not have (headings in a broken file, no mono)")
	}
	var bookFiles []string
	for name, data := range files {
		if strings.HasPrefix(name, "EPUB/fonts/book-") {
			bookFiles = append(bookFiles, name)
			if data != string(fonts.Regular.TTF) {
				t.Errorf("%s is not the book's font file", name)
			}
		}
	}
	if len(bookFiles) != 1 {
		t.Errorf("the book's font files packed as %v, want its one file once", bookFiles)
	}
}
