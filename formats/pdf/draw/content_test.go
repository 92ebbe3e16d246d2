package draw

import (
	"os"
	"strings"
	"testing"

	"bookc/formats/pdf/metrics"
	"bookc/formats/pdf/page"
)

// TestMain keeps the machine's fonts out: these tests pin bytes.
func TestMain(m *testing.M) {
	metrics.SystemDirs = nil
	os.Exit(m.Run())
}

// codes is s as a page's text codes in font, as a literal string has them: each character's
// nominal glyph, two bytes.
func codes(f page.Font, s string) string {
	r := glyphRun{e: newEncoder(0)}
	for _, c := range s {
		r.code(metrics.Get(f).TTF.Glyph(c))
	}
	return strings.TrimPrefix(string(r.e.buf), "[(")
}

// TestEncoder checks the operators a page's content is written with, on a page 100pt high.
func TestEncoder(t *testing.T) {
	red, grey := page.Color{R: 200}, page.Color{R: 128, G: 128, B: 128}
	text := func(f page.Font, s string, ws float64) page.Text {
		return page.Text{X: 10, Y: 20, Font: f, Size: 10, S: s, WordSpace: ws}
	}
	tf := func(f page.Font) string { return "/" + fontName(f) + " 10.00 Tf\n" }
	reg, mono := page.Regular, page.Mono
	for _, c := range []struct {
		name string
		pg   page.Page
		want string
	}{
		{"a run", page.Page{Texts: []page.Text{text(reg, "Hi", 0)}},
			"0.000 g\nBT 10.00 80.00 Td " + tf(reg) + "[(" + codes(reg, "Hi") + ")] TJ ET\n"},
		{"font and colour set once", page.Page{Texts: []page.Text{text(page.Bold, "a", 0), text(page.Bold, "b", 0)}},
			"0.000 g\nBT 10.00 80.00 Td " + tf(page.Bold) + "[(" + codes(page.Bold, "a") + ")] TJ ET\nBT 10.00 80.00 Td [(" + codes(page.Bold, "b") + ")] TJ ET\n"},
		{"a justified line moves on after each space", page.Page{Texts: []page.Text{text(mono, "a b  c", 2)}},
			"0.000 g\nBT 10.00 80.00 Td " + tf(mono) + "[(" + codes(mono, "a ") + ") -200 (" + codes(mono, "b ") + ") -200 (" + codes(mono, " ") + ") -200 (" + codes(mono, "c") + ")] TJ ET\n"},
		{"kerning moves glyphs closer", page.Page{Texts: []page.Text{text(reg, "AV", 0)}},
			"0.000 g\nBT 10.00 80.00 Td " + tf(reg) + "[(" + codes(reg, "A") + ") 80 (" + codes(reg, "V") + ")] TJ ET\n"},
		{"a ligature says what it stands for", page.Page{Texts: []page.Text{text(reg, "fit", 0)}},
			"0.000 g\nBT 10.00 80.00 Td " + tf(reg) + "/Span <</ActualText <FEFF00660069>>> BDC [(" + codes(reg, "\ufb01") + ")] TJ EMC [(" + codes(reg, "t") + ")] TJ ET\n"},
		{"a hyphen that ends a run is no line-break hyphen", page.Page{Texts: []page.Text{text(reg, "on-", 0)}},
			"0.000 g\nBT 10.00 80.00 Td " + tf(reg) + "[(" + codes(reg, "on") + ")] TJ /Span <</ActualText <FEFF002D0020>>> BDC [(" + codes(reg, "-") + ")] TJ EMC ET\n"},
		{"but not a hyphen the line goes on after", page.Page{Texts: []page.Text{text(mono, "a -", 0), {X: 40, Y: 20, Font: mono, Size: 10, S: " b"}}},
			"0.000 g\nBT 10.00 80.00 Td " + tf(mono) + "[(" + codes(mono, "a -") + ")] TJ ET\nBT 40.00 80.00 Td [(" + codes(mono, " b") + ")] TJ ET\n"},
		{"a character the face lacks is shown in its fallback", page.Page{Texts: []page.Text{text(reg, "a→b", 0)}},
			"0.000 g\nBT 10.00 80.00 Td " + tf(reg) + "[(" + codes(reg, "a") + ")] TJ " + tf(mono) + "[(" + codes(mono, "→") + ")] TJ " + tf(reg) + "[(" + codes(reg, "b") + ")] TJ ET\n"},
		{"a character no font has is a box, its room kept, and its text said", page.Page{Texts: []page.Text{text(reg, "a\U000F0000b", 0)}},
			"0.000 g\nBT 10.00 80.00 Td " + tf(reg) + "[(" + codes(reg, "a") + ")] TJ /Span <</ActualText <FEFFDB80DC00>>> BDC [() -600 ()] TJ EMC [(" + codes(reg, "b") + ")] TJ ET\n0.000 G\n0.50 w\n16.23 80.00 4.80 7.00 re S\n"},
		{"shapes, then text", page.Page{
			Texts: []page.Text{{X: 1, Y: 2, Font: reg, Size: 9.5, Color: red, S: "r"}},
			Art: page.Art{
				Rules: []page.Rule{{X1: 0, Y1: 10, X2: 50, Y2: 10, Width: 0.5, Color: grey}},
				Rects: []page.Rect{{X: 5, Y: 5, W: 20, H: 10, Fill: &red, Stroke: &grey, LineWidth: 0.5}, {X: 1, Y: 1, W: 2, H: 2, Fill: &grey}}}},
			"0.784 0.000 0.000 rg\n0.502 G\n0.50 w\n5.00 95.00 20.00 -10.00 re B\n0.502 g\n1.00 99.00 2.00 -2.00 re f\n" +
				"0.00 90.00 m 50.00 90.00 l S\n0.784 0.000 0.000 rg\nBT 1.00 98.00 Td /" + fontName(reg) + " 9.50 Tf\n[(" + codes(reg, "r") + ")] TJ ET\n"},
	} {
		e := newEncoder(100)
		if got := string(first(e.page(&c.pg))); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
		// pages are streams of their own: the next assumes nothing of this one
		if got := string(first(e.page(&c.pg))); got != c.want {
			t.Errorf("%s, on the next page:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

// TestCodeEscapes checks that a glyph number's bytes that are string delimiters are escaped.
func TestCodeEscapes(t *testing.T) {
	r := glyphRun{e: newEncoder(100)}
	for _, g := range []uint16{0x2829, 0x5C0D, 0x0041} {
		r.code(g)
	}
	if got, want := string(r.e.buf), "[(\\(\\)\\\\\\r\x00A"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// first is the first of two results: a page's content without its marks.
func first[A, B any](a A, _ B) A { return a }
