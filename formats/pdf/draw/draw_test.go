package draw

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"bookc/builder/tree/sample"
	"bookc/formats/pdf/metrics"
	"bookc/formats/pdf/page"
)

// TestPDF paints a small document with every kind of element and checks it with qpdf.
func TestPDF(t *testing.T) {
	interlaced, err := os.ReadFile("testdata/interlaced.png") // made by ImageMagick: Go writes no interlaced PNGs
	if err != nil {
		t.Fatal(err)
	}
	red := page.Color{R: 200}
	doc := func() *page.Doc { // PDF lets go of the pages it paints
		return &page.Doc{Width: 300, Height: 400, Meta: page.Meta{Title: "T", Date: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)},
			Dests:   []page.Dest{{Name: "a", Page: 1, Y: 50}},
			Outline: []page.Bookmark{{Title: "One", Page: 0}, {Title: "Two", Level: 1, Page: 1}},
			Pages: []*page.Page{
				{Texts: []page.Text{{X: 10, Y: 20, Font: page.Bold, Size: 12, S: "Bold"}}, Art: page.Art{
					Links: []page.Link{{X: 10, Y: 10, W: 40, H: 12, Dest: "a"}, {X: 10, Y: 30, W: 40, H: 12, URL: "https://example.com"}},
					Rects: []page.Rect{{X: 5, Y: 5, W: 100, H: 50, Fill: &red, Stroke: &red, LineWidth: 1}},
					Rules: []page.Rule{{X1: 0, Y1: 0, X2: 100, Y2: 100, Width: 0.5}},
					Images: []page.Image{{X: 10, Y: 100, W: 64, H: 32, Name: "grid", MediaType: "image/png", Data: sample.PNG(64, 32)},
						{X: 10, Y: 200, W: 20, H: 20, Name: "deep", MediaType: "image/png", Data: png16()},
						{X: 40, Y: 200, W: 20, H: 20, Name: "interlaced", MediaType: "image/png", Data: interlaced}}}},
				{Texts: []page.Text{{X: 10, Y: 60, Font: page.Mono, Size: 9, S: "mono"}}},
			}}
	}
	data, err := PDF(doc(), nil)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := PDF(doc(), nil)
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
	// each page shows its own text: the contents go to the pages in order
	for i, want := range []string{"Bold", "mono"} {
		n := strconv.Itoa(i + 1)
		out, err := exec.Command("pdftotext", "-f", n, "-l", n, path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.TrimSpace(string(out)); got != want {
			t.Errorf("page %d reads %q, want %q", i+1, got, want)
		}
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

// TestRewrite checks that rewriting fpdf's uncompressed output keeps the document as it was: the
// same text on the same pages, a valid file, every page stream compressed.
func TestRewrite(t *testing.T) {
	f := fpdf.New("P", "pt", "A4", "")
	f.SetCompression(false)
	f.AddUTF8FontFromBytes("GoRegular", "", bytes.Clone(page.Regular.Face().TTF))
	for i := range 3 {
		f.AddPage()
		f.SetFont("GoRegular", "", 12)
		f.Text(50, 100, "page "+string(rune('A'+i))+" with ünïcode and a stream of text")
	}
	var plain bytes.Buffer
	if err := f.Output(&plain); err != nil {
		t.Fatal(err)
	}
	file, err := rewrite(plain.Bytes(), nil, outline{}, pageContents{}, nil, nil, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	packed := file.Bytes()
	// the sink rewrites a document it gets in one piece, as fpdf hands it over, or in several
	for _, cut := range []int{plain.Len(), plain.Len() / 3} {
		s := &sink{}
		s.Write(plain.Bytes()[:cut])
		s.Write(plain.Bytes()[cut:])
		if got, err := s.result(); err != nil || !bytes.Equal(got.Bytes(), packed) {
			t.Errorf("the sink, given the document cut at %d, writes another file (%v)", cut, err)
		}
	}
	if got := bytes.Count(packed, []byte("<</Filter /FlateDecode /Length")); got < 3 {
		t.Errorf("%d compressed streams, want the 3 pages at least", got)
	}
	raw := regexp.MustCompile(`(?m)^\d+ 0 obj\n<</Length \d+>>\nstream\n`)
	if n := len(raw.FindAll(plain.Bytes(), -1)); n < 3 {
		t.Fatalf("fpdf wrote %d uncompressed streams; the test needs its pages uncompressed", n)
	}
	if n := len(raw.FindAll(packed, -1)); n > 0 {
		t.Errorf("%d streams still uncompressed", n)
	}
	dir := t.TempDir()
	text := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command("qpdf", "--check", p).CombinedOutput(); err != nil {
			t.Fatalf("qpdf --check %s: %v\n%s", name, err, out)
		}
		out, err := exec.Command("pdftotext", p, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		return string(out)
	}
	if a, b := text("plain.pdf", plain.Bytes()), text("packed.pdf", packed); a != b || !strings.Contains(b, "page C with ünïcode") {
		t.Errorf("text changed:\n%q\n%q", a, b)
	}
}

// TestHyphens checks that the text faces' "-" is a hyphen, as wide as their U+2010 and narrower
// than their en dash (the Go fonts' was a minus, wider than it), and that the text reads "-", or
// "- " where a line breaks after it, so that extractors do not join the lines; code keeps its "-".
func TestHyphens(t *testing.T) {
	for _, f := range []page.Font{page.Regular, page.Bold, page.Italic, page.BoldItalic} {
		m := metrics.Get(f)
		if w := m.RuneWidth('-', 10); w != m.RuneWidth('\u2010', 10) || w >= m.RuneWidth('–', 10) {
			t.Errorf("%s: '-' is %v wide, U+2010 %v, the en dash %v", f.Face().Name, w, m.RuneWidth('\u2010', 10), m.RuneWidth('–', 10))
		}
	}
	doc := &page.Doc{Width: 300, Height: 200, Meta: page.Meta{Date: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)},
		Pages: []*page.Page{{Texts: []page.Text{
			{X: 10, Y: 20, Font: page.Regular, Size: 10, S: "higher-level and -x- and -- end"},
			{X: 10, Y: 40, Font: page.Mono, Size: 10, S: "metroctl --endpoints=a-b"},
			{X: 10, Y: 60, Font: page.Regular, Size: 10, S: "the on-"}, // a line broken after a hyphen
			{X: 10, Y: 72, Font: page.Regular, Size: 10, S: "call rotation"},
			{X: 10, Y: 90, Font: page.Mono, Size: 10, S: "--end-"}, // and code broken after one
			{X: 10, Y: 102, Font: page.Mono, Size: 10, S: "points=a"},
			{X: 10, Y: 120, Font: page.Italic, Size: 10, S: "NEW → UP, x ≤ −1", WordSpace: 1}, // in the fallback face
		}}}}
	data, err := PDF(doc, nil)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "h.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"higher-level and -x- and -- end", "metroctl --endpoints=a-b", "on- \ncall", "--end- \npoints=a", "NEW → UP, x ≤ −1"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("extracted text lacks %q:\n%s", want, out)
		}
	}
}

// TestOutlineCounts checks the outline's /Count entries: a part open on its chapters, a chapter
// closed on its sections, the root counting what shows at first.
func TestOutlineCounts(t *testing.T) {
	for _, c := range []struct {
		name    string
		outline []page.Bookmark
		want    []int
	}{
		{"none", nil, []int{0}},
		{"flat", []page.Bookmark{{Level: 0}, {Level: 0}}, []int{2, 0, 0}},
		{"a closed chapter", []page.Bookmark{{Level: 0}, {Level: 1}, {Level: 1}, {Level: 0}}, []int{2, -2, 0, 0, 0}},
		{"parts open on closed chapters", []page.Bookmark{
			{Level: 0},                         // Contents
			{Level: 0, Open: true},             // Part I: its two chapters show
			{Level: 1}, {Level: 2}, {Level: 3}, // a chapter, a section, a subsection
			{Level: 1},
			{Level: 0, Open: true}, {Level: 1},
		}, []int{6, 0, 2, -1, -1, 0, 0, 1, 0}}, // a closed item counts its children, not their closed children
	} {
		if got := outlineCounts(c.outline); !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}
