package draw

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"bookc/builder/tree/sample"
	"bookc/formats/pdf/metrics"
	"bookc/formats/pdf/page"
)

// TestWidthsMatchFpdf checks that layout measures text as the embedded fonts' width arrays do:
// any difference would shift justified lines.
func TestWidthsMatchFpdf(t *testing.T) {
	f := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt"})
	for _, font := range page.Fonts {
		f.AddUTF8FontFromBytes(font.Face().Name, "", bytes.Clone(font.Face().TTF))
	}
	for _, font := range page.Fonts {
		f.SetFont(font.Face().Name, "", 10)
		for _, s := range []string{"Hello, world", "naïve café résumé — “quotes”", "λ-calculus → ←", "{}[]()<>/\\|_-=+*&^%$#@!~`"} {
			want := f.GetStringWidth(s)
			if got := metrics.Get(font).Width(s, 10); math.Abs(got-want) > 1e-9 {
				t.Errorf("%s: width of %q = %v, fpdf says %v", font.Face().Name, s, got, want)
			}
		}
	}
}

// TestPDF paints a small document with every kind of element and checks it with qpdf.
func TestPDF(t *testing.T) {
	interlaced, err := os.ReadFile("testdata/interlaced.png") // made by ImageMagick: Go writes no interlaced PNGs
	if err != nil {
		t.Fatal(err)
	}
	red := page.Color{R: 200}
	doc := &page.Doc{Width: 300, Height: 400, Meta: page.Meta{Title: "T", Date: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)},
		Dests:   []page.Dest{{Name: "a", Page: 1, Y: 50}},
		Outline: []page.Bookmark{{Title: "One", Page: 0}, {Title: "Two", Level: 1, Page: 1}},
		Pages: []*page.Page{
			{Texts: []page.Text{{X: 10, Y: 20, Font: page.Bold, Size: 12, S: "Bold"}},
				Links: []page.Link{{X: 10, Y: 10, W: 40, H: 12, Dest: "a"}, {X: 10, Y: 30, W: 40, H: 12, URL: "https://example.com"}},
				Rects: []page.Rect{{X: 5, Y: 5, W: 100, H: 50, Fill: &red, Stroke: &red, LineWidth: 1}},
				Rules: []page.Rule{{X1: 0, Y1: 0, X2: 100, Y2: 100, Width: 0.5}},
				Images: []page.Image{{X: 10, Y: 100, W: 64, H: 32, Name: "grid", MediaType: "image/png", Data: sample.PNG(64, 32)},
					{X: 10, Y: 200, W: 20, H: 20, Name: "deep", MediaType: "image/png", Data: png16()},
					{X: 40, Y: 200, W: 20, H: 20, Name: "interlaced", MediaType: "image/png", Data: interlaced}}},
			{Texts: []page.Text{{X: 10, Y: 60, Font: page.Mono, Size: 9, S: "mono"}}},
		}}
	data, err := PDF(doc)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := PDF(doc)
	if !bytes.Equal(data, again) {
		t.Error("two paintings differ")
	}
	path := filepath.Join(t.TempDir(), "t.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
}

// png16 is a 16-bit PNG with transparency.
func png16() []byte {
	img := image.NewNRGBA64(image.Rect(0, 0, 8, 8))
	for i := range 8 {
		img.Set(i, i, color.NRGBA64{R: 0xffff, A: 0x8000})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err)
	}
	if buf.Bytes()[24] != 16 {
		panic("not a 16-bit PNG")
	}
	return buf.Bytes()
}
