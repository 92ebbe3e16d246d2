package draw

import (
	"bytes"
	"compress/zlib"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"bookc/formats/pdf/page"
)

// TestWidthArrays checks that each embedded face's width array gives every glyph drawn the advance
// the embedded font program has for it, as golang.org/x/image's reader reads it: the pages' kerning
// is written against these, and any difference would shift justified lines.
func TestWidthArrays(t *testing.T) {
	texts := map[page.Font]string{
		page.Regular:    "Metropolis λ → € “quoted” naïve x-y office AVATAR",
		page.Italic:     "Emphasis — and more, fine",
		page.Mono:       "metroctl --flag=(a\\b) ‘q’ \U0001D53D",
		page.BoldItalic: "Strong, slanted",
		page.MonoItalic: "// a comment, \U0001D54A",
	}
	data := paintTexts(t, texts, 0)
	cidFont := regexp.MustCompile(`/Subtype /CIDFontType2 /BaseFont /[A-Z]{6}\+([\w-]+) .*?/W \[(.*?)\] /CIDToGIDMap`)
	arrays := map[string]string{}
	for _, m := range cidFont.FindAllSubmatch(data, -1) {
		arrays[string(m[1])] = string(m[2])
	}
	run := regexp.MustCompile(`(\d+) \[([\d ]*)\]`)
	programs := fontFiles(t, data)
	for name, array := range arrays {
		sub := programs[name]
		if sub == nil {
			t.Errorf("%s: no font program", name)
			continue
		}
		var b sfnt.Buffer
		n := 0
		for _, m := range run.FindAllStringSubmatch(array, -1) {
			first, _ := strconv.Atoi(m[1])
			for i, w := range strings.Fields(m[2]) {
				adv, err := sub.GlyphAdvance(&b, sfnt.GlyphIndex(first+i), fixed.I(int(sub.UnitsPerEm())), font.HintingNone)
				got, _ := strconv.Atoi(w)
				if want := int(math.Round(float64(adv) / 64 * 1000 / float64(sub.UnitsPerEm()))); err != nil || got != want {
					t.Errorf("%s: glyph %d is %d wide in the width array, %d in the font (%v)", name, first+i, got, want, err)
				}
				n++
			}
		}
		if n == 0 {
			t.Errorf("%s: an empty width array", name)
		}
	}
	if len(arrays) != len(texts) { // the arrow in the mono face, which is one of them
		t.Errorf("%d faces embedded, want %d", len(arrays), len(texts))
	}
}

// TestSubsetGlyphs checks that each embedded subset has a glyph for every character its pages
// draw: a subset keeps only the glyphs its pages draw (embed), and a glyph left out prints as a box.
func TestSubsetGlyphs(t *testing.T) {
	texts := map[page.Font]string{
		page.Regular:        "Metropolis λ Ж € “quoted” naïve x-y",
		page.Bold:           "Bold Ωmega ±½",
		page.Mono:           "metroctl --flag=(a\\b) ‘q’ \U0001D53D",
		page.MonoBold:       "ÆØÅ {} ─│└",
		page.MonoBoldItalic: "Жλ0O1lI",
	}
	data := paintTexts(t, texts, 1)
	subsets := fontFiles(t, data)
	if len(subsets) != len(texts) {
		t.Fatalf("%d faces embedded, want %d: the ones drawn with", len(subsets), len(texts))
	}
	for f, s := range texts {
		sub, ok := subsets[f.Face().Name]
		if !ok {
			t.Errorf("%s is not embedded", f.Face().Name)
			continue
		}
		var b sfnt.Buffer
		for _, r := range s {
			g, err := sub.GlyphIndex(&b, r)
			if err != nil || g == 0 {
				t.Errorf("%s: the subset has no glyph for %q", f.Face().Name, r)
				continue
			}
			// the subset keeps the font's cmap whole: the outline is what tells a kept glyph
			if r != ' ' {
				if segs, err := sub.LoadGlyph(&b, g, 1000, nil); err != nil || len(segs) == 0 {
					t.Errorf("%s: the subset has no outline for %q: %v", f.Face().Name, r, err)
				}
			}
		}
	}
}

// paintTexts paints a PDF with a page for each font given, which sets its text in it with the
// word spacing given.
func paintTexts(t *testing.T, texts map[page.Font]string, wordSpace float64) []byte {
	t.Helper()
	doc := &page.Doc{Width: 300, Height: 400, Meta: page.Meta{Date: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}}
	for _, f := range page.Fonts {
		if s, ok := texts[f]; ok {
			doc.Pages = append(doc.Pages, &page.Page{Texts: []page.Text{{X: 10, Y: 20, Font: f, Size: 10, S: s, WordSpace: wordSpace}}})
		}
	}
	data, err := PDF(doc, nil)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// fontFiles finds the embedded font programs of a PDF bookc wrote, by font name.
func fontFiles(t *testing.T, pdf []byte) map[string]*sfnt.Font {
	t.Helper()
	descRe := regexp.MustCompile(`/FontName /[A-Z]{6}\+([\w-]+)[^>]*?/FontFile2 (\d+) 0 R`)
	out := map[string]*sfnt.Font{}
	for _, m := range descRe.FindAllSubmatch(pdf, -1) {
		obj := regexp.MustCompile(`(?m)^` + string(m[2]) + ` 0 obj\n<<[^>]*/Length (\d+)[^>]*>>\nstream\n`)
		loc := obj.FindSubmatchIndex(pdf)
		if loc == nil {
			t.Fatalf("no stream object %s", m[2])
		}
		n, _ := strconv.Atoi(string(pdf[loc[2]:loc[3]]))
		zr, err := zlib.NewReader(bytes.NewReader(pdf[loc[1] : loc[1]+n]))
		if err != nil {
			t.Fatal(err)
		}
		ttf, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		f, err := sfnt.Parse(ttf)
		if err != nil {
			t.Fatalf("%s: %v", m[1], err)
		}
		out[string(m[1])] = f
	}
	return out
}
