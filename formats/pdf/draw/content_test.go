package draw

import (
	"testing"

	"bookc/formats/pdf/page"
)

// TestEncoder checks the operators a page's content is written with, on a page 100pt high.
func TestEncoder(t *testing.T) {
	red, grey := page.Color{R: 200}, page.Color{R: 128, G: 128, B: 128}
	text := func(f page.Font, s string, ws float64) page.Text {
		return page.Text{X: 10, Y: 20, Font: f, Size: 10, S: s, WordSpace: ws}
	}
	for _, c := range []struct {
		name string
		pg   page.Page
		want string
	}{
		{"a run", page.Page{Texts: []page.Text{text(page.Regular, "Hi", 0)}},
			"/Fb0 10.00 Tf\n0.000 g\nBT 10.00 80.00 Td [(\x00H\x00i)] TJ ET\n"},
		{"font and colour set once", page.Page{Texts: []page.Text{text(page.Bold, "a", 0), text(page.Bold, "b", 0)}},
			"/Fb1 10.00 Tf\n0.000 g\nBT 10.00 80.00 Td [(\x00a)] TJ ET\nBT 10.00 80.00 Td [(\x00b)] TJ ET\n"},
		{"a justified line moves on after each space", page.Page{Texts: []page.Text{text(page.Regular, "a b  c", 2)}},
			"/Fb0 10.00 Tf\n0.000 g\nBT 10.00 80.00 Td [(\x00a\x00 ) -200.00 (\x00b\x00 ) -200.00 (\x00 ) -200.00 (\x00c)] TJ ET\n"},
		{"a text face draws its own hyphen", page.Page{Texts: []page.Text{text(page.Italic, "x-y", 0)}},
			"/Fb2 10.00 Tf\n0.000 g\nBT 10.00 80.00 Td [(\x00x\x00-\x00y)] TJ ET\n"},
		{"a hyphen that ends a run is no line-break hyphen", page.Page{Texts: []page.Text{text(page.Regular, "on-", 0)}},
			"/Fb0 10.00 Tf\n0.000 g\nBT 10.00 80.00 Td [(\x00o\x00n)] TJ /Span <</ActualText <FEFF002D0020>>> BDC (\x00-) Tj EMC ET\n"},
		{"so is code's", page.Page{Texts: []page.Text{text(page.Mono, "--end-", 0)}},
			"/Fb4 10.00 Tf\n0.000 g\nBT 10.00 80.00 Td [(\x00-\x00-\x00e\x00n\x00d)] TJ /Span <</ActualText <FEFF002D0020>>> BDC (\x00-) Tj EMC ET\n"},
		{"but not a hyphen the line goes on after", page.Page{Texts: []page.Text{text(page.Mono, "a -", 0), {X: 40, Y: 20, Font: page.Mono, Size: 10, S: " b"}}},
			"/Fb4 10.00 Tf\n0.000 g\nBT 10.00 80.00 Td [(\x00a\x00 \x00-)] TJ ET\nBT 40.00 80.00 Td [(\x00 \x00b)] TJ ET\n"},
		{"code keeps its hyphen", page.Page{Texts: []page.Text{text(page.Mono, "-x", 0)}},
			"/Fb4 10.00 Tf\n0.000 g\nBT 10.00 80.00 Td [(\x00-\x00x)] TJ ET\n"},
		{"a character past the BMP takes a surrogate's code, one past it no face has U+FFFD's", page.Page{Texts: []page.Text{text(page.MonoItalic, "\U0001D53D\U0001D54A\U0001F389", 0)}},
			"/Fb6 10.00 Tf\n0.000 g\nBT 10.00 80.00 Td [(\xd8\x00\xd8\x01\xff\xfd)] TJ ET\n"},
		{"a character the face lacks is shown in its fallback", page.Page{Texts: []page.Text{text(page.Regular, "a→b", 0)}},
			"/Fb0 10.00 Tf\n0.000 g\nBT 10.00 80.00 Td [(\x00a)] TJ /Fb4 10.00 Tf\n(!\x92) Tj /Fb0 10.00 Tf\n[(\x00b)] TJ ET\n"},
		{"string delimiters are escaped", page.Page{Texts: []page.Text{text(page.Mono, `(\)`, 0)}},
			"/Fb4 10.00 Tf\n0.000 g\nBT 10.00 80.00 Td [(\x00\\(\x00\\\\\x00\\))] TJ ET\n"},
		{"a code unit's byte that is a delimiter", page.Page{Texts: []page.Text{text(page.Regular, "\u0128\u2029", 0)}},
			"/Fb0 10.00 Tf\n0.000 g\nBT 10.00 80.00 Td [(\x01\\(\x20\\))] TJ ET\n"},
		{"shapes, then text", page.Page{
			Texts: []page.Text{{X: 1, Y: 2, Font: page.Regular, Size: 9.5, Color: red, S: "r"}},
			Rules: []page.Rule{{X1: 0, Y1: 10, X2: 50, Y2: 10, Width: 0.5, Color: grey}},
			Rects: []page.Rect{{X: 5, Y: 5, W: 20, H: 10, Fill: &red, Stroke: &grey, LineWidth: 0.5}, {X: 1, Y: 1, W: 2, H: 2, Fill: &grey}}},
			"0.784 0.000 0.000 rg\n0.502 G\n0.50 w\n5.00 95.00 20.00 -10.00 re B\n0.502 g\n1.00 99.00 2.00 -2.00 re f\n" +
				"0.00 90.00 m 50.00 90.00 l S\n/Fb0 9.50 Tf\n0.784 0.000 0.000 rg\nBT 1.00 98.00 Td [(\x00r)] TJ ET\n"},
	} {
		e := newEncoder(100)
		if got := string(e.page(&c.pg)); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
		// pages are streams of their own: the next assumes nothing of this one
		if got := string(e.page(&c.pg)); got != c.want {
			t.Errorf("%s, on the next page:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}
