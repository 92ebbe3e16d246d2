package main

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestBookFonts builds books that name their own fonts in [output.bookc.fonts]: the PDF sets its
// text, headings and fallbacks in them and embeds them instead of bookc's faces; a file that is
// no TrueType font, or none at all, is an error at book.toml that says what to give.
func TestBookFonts(t *testing.T) {
	const sys = "/usr/share/fonts/truetype/" // fonts-noto-core and fonts-dejavu-core, which .ci/run installs
	for _, c := range []struct {
		name   string
		fonts  string
		want   []string // fonts pdffonts lists
		absent []string
		errs   []string // what check says
	}{
		{"a text face, a file for every style", `text = "fonts/NotoSans-Regular.ttf"`,
			[]string{"NotoSans-Regular"}, []string{"NotoSerif-Regular", "NotoSerif-Bold"}, nil},
		{"styles and headings", `text = { regular = "fonts/NotoSans-Regular.ttf", bold = "fonts/NotoSans-Bold.ttf" }
headings = "fonts/NotoSans-Bold.ttf"`,
			[]string{"NotoSans-Regular", "NotoSans-Bold"}, []string{"NotoSerif-Regular", "NotoSerif-Bold"}, nil},
		// the system's first choice for Hebrew is Noto Sans Hebrew: the book's fallback comes before
		{"a fallback", `fallback = ["fonts/DejaVuSans.ttf"]`,
			[]string{"NotoSerif-Regular", "DejaVuSans"}, []string{"NotoSansHebrew-Regular"}, nil},
		{"no font", `text = "fonts/notes.txt"`, nil, nil,
			[]string{"book.toml: error: font fonts/notes.txt: ", "give a TrueType font"}},
		{"no file", `mono = "fonts/gone.ttf"`, nil, nil,
			[]string{"book.toml: error: font fonts/gone.ttf cannot be read"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			book := map[string]string{
				"book.toml":       "[book]\ntitle = \"Faces\"\n\n[output.bookc.fonts]\n" + c.fonts + "\n",
				"src/SUMMARY.md":  "- [A](a.md)\n",
				"src/a.md":        "# A chapter\n\nText in **bold**, *italic* and `code`, and שלום.\n",
				"fonts/notes.txt": "not a font",
			}
			for _, f := range []string{"noto/NotoSans-Regular.ttf", "noto/NotoSans-Bold.ttf", "dejavu/DejaVuSans.ttf"} {
				data, err := os.ReadFile(sys + f)
				if err != nil {
					t.Fatal(err)
				}
				book["fonts/"+filepath.Base(f)] = string(data)
			}
			writeBook(t, dir, book)
			var errs strings.Builder // check reports on stdout, as its output
			code := run(context.Background(), []string{"check", dir}, &errs, &errs)
			for _, want := range c.errs {
				if !strings.Contains(errs.String(), want) {
					t.Errorf("check says no %q:\n%s", want, errs.String())
				}
			}
			if c.errs != nil {
				if code == 0 {
					t.Error("check exits 0")
				}
				return
			}
			out := t.TempDir()
			if code := run(context.Background(), []string{"pdf", "-q", "-o", out, dir}, io.Discard, &errs); code != 0 {
				t.Fatalf("exit %d: %s", code, errs.String())
			}
			list, err := exec.Command("pdffonts", filepath.Join(out, "faces.pdf")).Output()
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range c.want {
				if !strings.Contains(string(list), "+"+f+" ") {
					t.Errorf("%s is not embedded:\n%s", f, list)
				}
			}
			for _, f := range c.absent {
				if strings.Contains(string(list), "+"+f+" ") {
					t.Errorf("%s is embedded:\n%s", f, list)
				}
			}
		})
	}
}
