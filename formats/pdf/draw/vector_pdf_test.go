package draw

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"bookc/builder/svg"
	"bookc/formats/pdf/page"
)

func stops(cs ...svg.Stop) []svg.Stop { return cs }

func stop(o float64, r, g, b uint8, a float64) svg.Stop {
	return svg.Stop{Offset: o, Color: svg.Color{R: r, G: g, B: b}, Opacity: a}
}

func gradient(g svg.Gradient) *svg.Paint {
	if g.Transform == (svg.Matrix{}) {
		g.Transform = svg.Identity
	}
	return &svg.Paint{Gradient: &g, Opacity: 1}
}

// shapes is a drawing of every kind of shape and paint, 200 units square; vectorProbes says what
// colour each part shows where.
func shapes() *svg.Drawing {
	holed := append(rect(70, 10, 60, 60), rect(85, 25, 30, 30)...)
	line := []svg.Segment{{Op: svg.MoveTo, Pts: [3]svg.Point{{X: 140, Y: 20}}}, {Op: svg.LineTo, Pts: [3]svg.Point{{X: 190, Y: 20}}},
		{Op: svg.LineTo, Pts: [3]svg.Point{{X: 190, Y: 60}}}}
	scale := func(x, y float64) svg.Matrix { return svg.Matrix{x, 0, 0, y, 0, 0} }
	return &svg.Drawing{Width: 200, Height: 200, Root: group(svg.Identity,
		&svg.Path{Segments: rect(10, 10, 50, 50), Fill: solid(255, 0, 0)},
		&svg.Path{Segments: holed, Fill: solid(0, 160, 0), FillRule: svg.EvenOdd},
		&svg.Path{Segments: line, Stroke: &svg.Stroke{Paint: *solid(0, 0, 255), Width: 6, Cap: svg.RoundCap, Join: svg.RoundJoin, MiterLimit: 4, Dashes: []float64{10, 5}}},
		// a linear gradient in the space of nested transforms
		group(translate(10, 75), group(scale(2, 2), &svg.Path{Segments: rect(0, 0, 25, 25),
			Fill: gradient(svg.Gradient{X2: 25, Stops: stops(stop(0, 255, 0, 0, 1), stop(1, 0, 0, 255, 1))})})),
		// half opaque as a whole: the overlap is no darker
		&svg.Group{Transform: svg.Identity, Opacity: 0.5, Children: []svg.Node{
			&svg.Path{Segments: rect(70, 75, 35, 35), Fill: solid(0, 0, 0)}, &svg.Path{Segments: rect(90, 95, 35, 35), Fill: solid(0, 0, 0)}}},
		&svg.Group{Transform: svg.Identity, Opacity: 1, Clip: &svg.Clip{Paths: []*svg.Path{{Segments: circle(165, 100, 25)}}},
			Children: []svg.Node{&svg.Path{Segments: rect(135, 70, 60, 60), Fill: solid(255, 128, 0)}}},
		// a radial gradient of three stops, squeezed by its transform, in a moved group
		group(translate(35, 160), &svg.Path{Segments: circle(0, 0, 30), Fill: gradient(svg.Gradient{Radial: true, R: 30, Transform: scale(1, 0.5),
			Stops: stops(stop(0, 255, 255, 255, 1), stop(0.5, 255, 0, 0, 1), stop(1, 0, 0, 0, 1))})}),
		// three stops, the last transparent: a soft mask
		group(translate(75, 135), &svg.Path{Segments: rect(0, 0, 50, 50), Fill: gradient(svg.Gradient{X2: 50,
			Stops: stops(stop(0, 255, 220, 0, 1), stop(0.5, 0, 160, 0, 1), stop(1, 0, 0, 255, 0))})}),
		// a stroke painted with a gradient, downwards
		&svg.Path{Segments: rect(144, 144, 42, 42), Stroke: &svg.Stroke{Paint: *gradient(svg.Gradient{Y1: 140, Y2: 190,
			Stops: stops(stop(0, 255, 0, 255, 1), stop(1, 0, 255, 255, 1))}), Width: 8, MiterLimit: 4}},
	)}
}

type probe struct {
	name    string
	x, y    float64
	r, g, b uint8
}

// vectorProbes are points of shapes, in its units, and the colour each shows.
var vectorProbes = []probe{
	{"filled", 35, 35, 255, 0, 0},
	{"even-odd outside", 75, 15, 0, 160, 0},
	{"even-odd hole", 100, 40, 255, 255, 255},
	{"dash start", 142, 20, 0, 0, 255},
	{"gradient start", 12, 100, 245, 0, 10},
	{"gradient end", 58, 100, 10, 0, 245},
	{"group opacity", 80, 85, 128, 128, 128},
	{"group opacity, overlap", 100, 105, 128, 128, 128},
	{"clipped in", 165, 100, 255, 128, 0},
	{"clipped out", 138, 73, 255, 255, 255},
	{"radial centre", 35, 160, 255, 255, 255},
	{"radial middle, across", 50, 160, 255, 0, 0},
	{"radial end, down", 35, 175, 0, 0, 0},
	{"masked start", 77, 160, 255, 220, 0},
	{"masked middle", 100, 160, 0, 160, 0},
	{"masked end", 124, 160, 255, 255, 255},
	{"stroke top", 165, 144, 255, 0, 255},
	{"stroke bottom", 165, 186, 0, 255, 255},
}

// wordsProbes are points of words, in its units, and the colour each shows.
var wordsProbes = []probe{
	{"translucent gradient start", 12, 11, 255, 128, 128},
	{"translucent gradient end", 68, 11, 128, 128, 255},
}

// words is a drawing of text anchored on x = 100 in every face.
func words() *svg.Drawing {
	span := func(s string, bold, italic, mono bool) *svg.Span {
		return &svg.Span{Text: s, Size: 12, Bold: bold, Italic: italic, Mono: mono, Fill: solid(0, 0, 0)}
	}
	guide := []svg.Segment{{Op: svg.MoveTo, Pts: [3]svg.Point{{X: 100, Y: 0}}}, {Op: svg.LineTo, Pts: [3]svg.Point{{X: 100, Y: 100}}}}
	outlined := span("Outlined", true, false, false)
	outlined.Fill, outlined.Stroke = nil, &svg.Stroke{Paint: *solid(200, 0, 0), Width: 0.5, MiterLimit: 4}
	return &svg.Drawing{Width: 200, Height: 100, Root: group(svg.Identity,
		// a gradient in a translucent group, a form of its own: its pattern lives in the group's space
		&svg.Group{Transform: translate(10, 5), Opacity: 0.5, Children: []svg.Node{&svg.Path{Segments: rect(0, 0, 60, 12),
			Fill: gradient(svg.Gradient{X2: 60, Stops: stops(stop(0, 255, 0, 0, 1), stop(1, 0, 0, 255, 1))})}}},
		&svg.Path{Segments: guide, Stroke: &svg.Stroke{Paint: *solid(150, 150, 150), Width: 0.5, MiterLimit: 4}},
		&svg.Text{Chunks: []*svg.Chunk{
			{X: 100, Y: 25, Anchor: svg.AnchorStart, Spans: []*svg.Span{span("Start", false, false, false), span(" bold", true, false, false)}},
			{X: 100, Y: 50, Anchor: svg.AnchorMiddle, Spans: []*svg.Span{span("Middle", false, true, false), span(" mono", false, false, true)}},
			{X: 100, Y: 75, Anchor: svg.AnchorEnd, Spans: []*svg.Span{span("End", true, true, false), span("!", true, false, true)}},
			{X: 10, Y: 95, Spans: []*svg.Span{outlined}},
			{X: 190, Y: 95, Anchor: svg.AnchorEnd, Spans: []*svg.Span{span("slanted", false, true, true), span(" code", true, true, true)}},
		}})}
}

// vectorDoc shows shapes on two pages, full size and halved, and words on the first.
func vectorDoc() *page.Doc {
	return &page.Doc{Width: 300, Height: 400, Meta: page.Meta{Title: "V", Date: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)},
		Pages: []*page.Page{
			{Art: page.Art{Vectors: []page.Vector{{X: 50, Y: 50, W: 200, H: 200, Name: "shapes", Drawing: shapes()}, {X: 50, Y: 270, W: 200, H: 100, Name: "words", Drawing: words()}}},
				Texts: []page.Text{{X: 50, Y: 390, Font: page.Regular, Size: 9, S: "Caption"}}},
			{Art: page.Art{Vectors: []page.Vector{{X: 150, Y: 50, W: 100, H: 100, Name: "shapes", Drawing: shapes()}}}},
		}}
}

// TestVectorPDF paints drawings into a PDF and checks it with qpdf, poppler and the pixels.
func TestVectorPDF(t *testing.T) {
	data, err := PDF(vectorDoc(), nil)
	if err != nil {
		t.Fatal(err)
	}
	// 1.5, what draw can write at most (version15), with transparency (1.4) or without
	if v := string(data[:8]); v != "%PDF-1.5" {
		t.Errorf("a PDF with transparency says %s", v)
	}
	if v := string(paintTexts(t, map[page.Font]string{page.Regular: "a"}, 0)[:8]); v != "%PDF-1.5" {
		t.Errorf("a PDF of text says %s", v)
	}
	if again, _ := PDF(vectorDoc(), nil); !bytes.Equal(data, again) {
		t.Error("two paintings differ")
	}
	// each drawing once, with its groups and its soft mask
	if n := bytes.Count(data, []byte("/Subtype /Form")); n != 5 {
		t.Errorf("%d forms, want 5", n)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "v.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(name string, args ...string) string {
		t.Helper()
		out, err := exec.Command(name, args...).CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, out)
		}
		return string(out)
	}
	run("qpdf", "--check", path)
	fonts := run("pdffonts", path)
	for _, f := range page.Fonts {
		if !regexp.MustCompile(`\+` + f.Face().Name + ` +CID TrueType +Identity-H +yes +yes`).MatchString(fonts) {
			t.Errorf("pdffonts lists no embedded subset of %s:\n%s", f.Face().Name, fonts)
		}
	}
	text := run("pdftotext", "-f", "1", "-l", "1", path, "-")
	for _, want := range []string{"Start bold", "Middle mono", "End!", "Outlined", "slanted code", "Caption"} {
		if !strings.Contains(text, want) {
			t.Errorf("page 1 has no %q:\n%s", want, text)
		}
	}
	t.Run("anchors", func(t *testing.T) { checkAnchors(t, run("pdftotext", "-bbox", "-f", "1", "-l", "1", path, "-")) })
	t.Run("pixels", func(t *testing.T) {
		for _, at := range []struct {
			page   int
			x, y   float64
			scale  float64
			probes []probe
		}{{1, 50, 50, 1, vectorProbes}, {1, 50, 270, 1, wordsProbes}, {2, 150, 50, 0.5, vectorProbes}} {
			n := strconv.Itoa(at.page)
			prefix := filepath.Join(dir, "p"+n)
			run("pdftoppm", "-r", "72", "-png", "-singlefile", "-f", n, "-l", n, path, prefix)
			img := readPNG(t, prefix+".png")
			for _, p := range at.probes {
				if at.scale < 1 && strings.HasPrefix(p.name, "dash") {
					continue // the halved dash's round cap is a pixel or two
				}
				x, y := int(at.x+p.x*at.scale), int(at.y+p.y*at.scale)
				r, g, b, _ := img.At(x, y).RGBA()
				if !near(r>>8, p.r) || !near(g>>8, p.g) || !near(b>>8, p.b) {
					t.Errorf("page %d, %s at (%d, %d): %d %d %d, want %d %d %d", at.page, p.name, x, y, r>>8, g>>8, b>>8, p.r, p.g, p.b)
				}
			}
		}
	})
}

func near(got uint32, want uint8) bool { return int(got)-int(want) <= 40 && int(want)-int(got) <= 40 }

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// checkAnchors checks, in pdftotext's boxes of words, that the chunks of words stand on the page's
// x = 150 (the drawing's 100) as their anchors ask: starting there, centred, ending there.
func checkAnchors(t *testing.T, html string) {
	box := map[string][2]float64{}
	word := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>`)
	for _, m := range word.FindAllStringSubmatch(html, -1) {
		lo, _ := strconv.ParseFloat(m[1], 64)
		hi, _ := strconv.ParseFloat(m[2], 64)
		box[m[3]] = [2]float64{lo, hi}
	}
	for _, c := range []struct {
		name string
		at   float64
	}{
		{"start", box["Start"][0]},
		{"middle", (box["Middle"][0] + box["mono"][1]) / 2},
		{"end", box["End!"][1]},
	} {
		if c.at < 149 || c.at > 151 {
			t.Errorf("%s-anchored text is at %v, want 150 (boxes %v)", c.name, c.at, box)
		}
	}
}
