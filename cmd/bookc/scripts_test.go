package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/bidi"
	"golang.org/x/text/unicode/norm"

	"bookc/builder"
	"bookc/builder/safefs"
	"bookc/builder/tree"
	"bookc/formats/pdf"
)

// TestScriptsPDF sets the scripts book, every script, emoji and right-to-left text, and reads the
// PDF back: no character lacks a font (the fonts .ci/run installs have them all), every font is
// embedded with a ToUnicode map, and pdftotext gives back each paragraph, heading and list item
// of the source: left-to-right text in the source's order, right-to-left text as the characters
// it holds, for poppler gives a line that mixes directions in its visual order, and a space
// before some Arabic vowel marks.
func TestScriptsPDF(t *testing.T) {
	src, err := builder.OpenDir(filepath.Join("..", "..", "builder", "testdata", "books", "scripts"), "", safefs.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := builder.Load(src, builder.Options{Highlight: true})
	if err != nil {
		t.Fatal(err)
	}
	ed, _, err := b.Edition("")
	if err != nil {
		t.Fatal(err)
	}
	out, err := pdf.Backend{}.Render(ed)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range out.Diagnostics {
		if strings.Contains(d.String(), "no font has a glyph") {
			t.Error(d)
		}
	}
	path := filepath.Join(t.TempDir(), "s.pdf")
	if err := os.WriteFile(path, out.Files[0].Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	fonts, err := exec.Command("pdffonts", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	rows := regexp.MustCompile(`(?m)^\S+\s+CID TrueType\s+Identity-H\s+(\S+)\s+(\S+)\s+(\S+)`).FindAllStringSubmatch(string(fonts), -1)
	if len(rows) < 10 {
		t.Errorf("%d fonts, want the book's and a fallback per script:\n%s", len(rows), fonts)
	}
	for _, r := range rows {
		if r[1] != "yes" || r[2] != "yes" || r[3] != "yes" {
			t.Errorf("a font not embedded, subset and mapped to Unicode: %s", r[0])
		}
	}
	text, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	got := squeeze(string(text))
	gotRunes := runeCounts(got)
	n := 0
	for _, c := range ed.Chapters() {
		tree.WalkChapter(c, func(bl tree.Block) {
			var in tree.Inlines
			switch x := bl.(type) {
			case *tree.Paragraph:
				in = x.Content
			case *tree.Heading:
				in = x.Content
			default:
				return
			}
			want := squeeze(tree.PlainText(in))
			if want == "" {
				return
			}
			n++
			if rightToLeft(want) {
				for r, k := range runeCounts(want) {
					if gotRunes[r] < k {
						t.Errorf("%s: %q is %d times in the source's %q, %d times in the PDF's text", c.Source, r, k, want, gotRunes[r])
					}
				}
			} else if !strings.Contains(got, want) {
				t.Errorf("%s: the PDF's text lacks %q", c.Source, want)
			}
		}, nil)
	}
	if n < 40 {
		t.Errorf("only %d paragraphs and headings compared", n)
	}
}

// squeeze is text as extraction and source are compared: NFC, without the invisible characters
// (joiners, variation selectors, bidi marks), without white space, which extraction adds between
// the lines of a paragraph and between ideographs, and with hyphens that end lines joined.
func squeeze(s string) string {
	s = strings.ReplaceAll(s, "\u00ad\n", "")
	s = norm.NFC.String(s)
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r) {
			return -1
		}
		return r
	}, s)
}

func runeCounts(s string) map[rune]int {
	m := map[rune]int{}
	for _, r := range s {
		m[r]++
	}
	return m
}

func rightToLeft(s string) bool {
	for _, r := range s {
		switch p, _ := bidi.LookupRune(r); p.Class() {
		case bidi.R, bidi.AL:
			return true
		case bidi.L:
			return false
		}
	}
	return false
}
