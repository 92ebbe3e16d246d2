package draw

import (
	"bytes"
	"compress/zlib"
	"io"
	"math"
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

// Drawings for the tests, built by hand as the SVG reader would reduce them.

func rect(x, y, w, h float64) []svg.Segment {
	return []svg.Segment{{Op: svg.MoveTo, Pts: [3]svg.Point{{X: x, Y: y}}}, {Op: svg.LineTo, Pts: [3]svg.Point{{X: x + w, Y: y}}},
		{Op: svg.LineTo, Pts: [3]svg.Point{{X: x + w, Y: y + h}}}, {Op: svg.LineTo, Pts: [3]svg.Point{{X: x, Y: y + h}}}, {Op: svg.Close}}
}

// circle is four cubics, as the reader makes an arc.
func circle(cx, cy, r float64) []svg.Segment {
	k := r * 0.5523
	p := func(x, y float64) svg.Point { return svg.Point{X: cx + x, Y: cy + y} }
	c := func(a, b, e svg.Point) svg.Segment { return svg.Segment{Op: svg.CubicTo, Pts: [3]svg.Point{a, b, e}} }
	return []svg.Segment{{Op: svg.MoveTo, Pts: [3]svg.Point{p(r, 0)}},
		c(p(r, k), p(k, r), p(0, r)), c(p(-k, r), p(-r, k), p(-r, 0)),
		c(p(-r, -k), p(-k, -r), p(0, -r)), c(p(k, -r), p(r, -k), p(r, 0)), {Op: svg.Close}}
}

func solid(r, g, b uint8) *svg.Paint {
	return &svg.Paint{Color: svg.Color{R: r, G: g, B: b}, Opacity: 1}
}

func group(m svg.Matrix, children ...svg.Node) *svg.Group {
	return &svg.Group{Transform: m, Opacity: 1, Children: children}
}

func translate(x, y float64) svg.Matrix { return svg.Matrix{1, 0, 0, 1, x, y} }

// formsOf paints drawings as a document would, and gives each object's dictionary and, for a
// form, its content.
func formsOf(t *testing.T, ds ...*svg.Drawing) (*forms, []string) {
	t.Helper()
	var vs []page.Vector
	for i, d := range ds {
		vs = append(vs, page.Vector{Name: string(rune('a' + i)), Drawing: d, W: 100, H: 100})
	}
	fs := newForms()
	fs.add(&page.Page{Art: page.Art{Vectors: vs}})
	fs.paint(nil)
	out := make([]string, len(fs.objs))
	for i, o := range fs.objs {
		out[i] = string(o.dict)
		if o.kind == vForm {
			zr, err := zlib.NewReader(bytes.NewReader(o.stream))
			if err != nil {
				t.Fatal(err)
			}
			data, _ := io.ReadAll(zr)
			out[i] += "\n" + string(data)
		}
	}
	return fs, out
}

// TestFormOperators checks what a drawing's form is written with.
func TestFormOperators(t *testing.T) {
	grad := &svg.Gradient{X1: 0, X2: 20, Transform: svg.Matrix{1, 0, 0, 2, 5, 0},
		Stops: []svg.Stop{{Offset: 0, Color: svg.Color{R: 255}, Opacity: 1}, {Offset: 1, Color: svg.Color{B: 255}, Opacity: 1}}}
	stroke := &svg.Stroke{Paint: *solid(0, 0, 255), Width: 2, Cap: svg.RoundCap, Join: svg.BevelJoin, MiterLimit: 4, Dashes: []float64{3, 1}, DashOffset: -1}
	nan := rect(0, 0, 1, 1)
	nan[2].Pts[0].X = math.NaN()
	for _, c := range []struct {
		name string
		root *svg.Group
		want []string // the objects, from the drawing's form on
	}{
		{"fill rules, and a stroke's style", group(svg.Identity,
			&svg.Path{Segments: rect(1, 2, 3, 4), Fill: solid(255, 0, 0), FillRule: svg.EvenOdd},
			&svg.Path{Segments: rect(0, 0, 1, 1), Fill: solid(255, 0, 0), Stroke: stroke}),
			[]string{"/BBox [0 0 10 10]\n1.000 0.000 0.000 rg\n1 2 m\n4 2 l\n4 6 l\n1 6 l\nh\nf*\n" +
				"0.000 0.000 1.000 RG\n2.0000 w\n1 J 2 j 4 M [3 1] 3 d\n0 0 m\n1 0 l\n1 1 l\n0 1 l\nh\nB\n"}},
		{"a path with a NaN is left out", group(svg.Identity, &svg.Path{Segments: nan, Fill: solid(1, 1, 1)}),
			[]string{"/BBox [0 0 10 10]\n"}},
		{"a gradient's pattern lives in the form's space", group(translate(10, 0), group(svg.Matrix{2, 0, 0, 2, 0, 0},
			&svg.Path{Segments: rect(0, 0, 1, 1), Fill: &svg.Paint{Gradient: grad, Opacity: 1}})),
			[]string{"/BBox [0 0 10 10]\nq\n1 0 0 1 10 0 cm\nq\n2 0 0 2 0 0 cm\n/Pattern cs /P1 scn\n0 0 m\n1 0 l\n1 1 l\n0 1 l\nh\nf\nQ\nQ\n",
				"/PatternType 2 /Shading <</ShadingType 2 /ColorSpace /DeviceRGB /Coords [0 0 20 0] /Extend [true true] " +
					"/Function <</FunctionType 2 /Domain [0 1] /C0 [1 0 0] /C1 [0 0 1] /N 1>>>> /Matrix [2 0 0 4 20 0]"}},
		{"a translucent group is a transparency group, boxed in its own space", &svg.Group{Transform: svg.Matrix{2, 0, 0, 2, 0, 0}, Opacity: 0.5,
			Clip:     &svg.Clip{Paths: []*svg.Path{{Segments: rect(0, 0, 2, 2)}, {Segments: rect(3, 3, 1, 1)}}},
			Children: []svg.Node{&svg.Path{Segments: rect(0, 0, 1, 1), Fill: solid(0, 0, 0)}}},
			[]string{"/BBox [0 0 10 10]\nq\n2 0 0 2 0 0 cm\n/Gs1 gs /X2 Do\nQ\n", "/ca 0.5 /CA 0.5",
				"/BBox [0 0 5 5] /Group <</Type /Group /S /Transparency /I true>>\n0 0 m\n2 0 l\n2 2 l\n0 2 l\nh\n3 3 m\n4 3 l\n4 4 l\n3 4 l\nh\nW n\n0.000 g\n0 0 m\n1 0 l\n1 1 l\n0 1 l\nh\nf\n"}},
		{"in a translucent group's form, the pattern lives in the group's space", &svg.Group{Transform: translate(10, 0), Opacity: 0.5,
			Children: []svg.Node{&svg.Path{Segments: rect(0, 0, 1, 1), Fill: &svg.Paint{Gradient: grad, Opacity: 1}}}},
			[]string{"/BBox [0 0 10 10]\nq\n1 0 0 1 10 0 cm\n/Gs1 gs /X2 Do\nQ\n", "/ca 0.5 /CA 0.5",
				"/BBox [-10 0 0 10] /Group <</Type /Group /S /Transparency /I true>>\n/Pattern cs /P3 scn\n0 0 m\n1 0 l\n1 1 l\n0 1 l\nh\nf\n",
				"/PatternType 2 /Shading <</ShadingType 2 /ColorSpace /DeviceRGB /Coords [0 0 20 0] /Extend [true true] " +
					"/Function <</FunctionType 2 /Domain [0 1] /C0 [1 0 0] /C1 [0 0 1] /N 1>>>> /Matrix [1 0 0 2 5 0]"}},
		{"a translucent fill and stroke are painted apart", group(svg.Identity,
			&svg.Path{Segments: rect(0, 0, 1, 1), Fill: &svg.Paint{Opacity: 0.25}, Stroke: &svg.Stroke{Paint: *solid(0, 0, 0), Width: 1, MiterLimit: 4}}),
			[]string{"/BBox [0 0 10 10]\nq /Gs1 gs\n0.000 g\n0 0 m\n1 0 l\n1 1 l\n0 1 l\nh\nf\nQ\n0.000 G\n1.0000 w\n0 J 0 j 4 M [] 0 d\n0 0 m\n1 0 l\n1 1 l\n0 1 l\nh\nS\n",
				"/ca 0.25 /CA 1"}},
	} {
		_, got := formsOf(t, &svg.Drawing{Width: 10, Height: 10, Root: c.root})
		if strings.Join(got, "\n---\n") != strings.Join(c.want, "\n---\n") {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

// TestLineStyle checks how SVG's dashes become PDF's.
func TestLineStyle(t *testing.T) {
	for _, c := range []struct {
		dashes []float64
		offset float64
		want   string
	}{
		{nil, 0, "[] 0"},
		{[]float64{4, 2}, 1, "[4 2] 1"},
		{[]float64{4, 2}, -1, "[4 2] 5"},          // PDF wants its phase inside the pattern
		{[]float64{3}, 0, "[3 3] 0"},              // an odd array is repeated
		{[]float64{0, 0}, 0, "[] 0"},              // only zeros: solid
		{[]float64{1, -1}, 0, "[] 0"},             // a negative length: solid
		{[]float64{1, math.NaN()}, 0, "[] 0"},     // no number: solid
		{[]float64{2, 2}, math.Inf(1), "[2 2] 0"}, // the offset is dropped
	} {
		got := string(lineStyle(&svg.Stroke{Width: 1, MiterLimit: 0.5, Dashes: c.dashes, DashOffset: c.offset}))
		if want := "0 J 0 j 1 M " + c.want + " d\n"; got != want {
			t.Errorf("dashes %v offset %v: %q, want %q", c.dashes, c.offset, got, want)
		}
	}
}

// TestFunction checks the colour functions of gradients' stops.
func TestFunction(t *testing.T) {
	stop := func(o float64, r uint8, a float64) svg.Stop {
		return svg.Stop{Offset: o, Color: svg.Color{R: r}, Opacity: a}
	}
	piece := func(a, b string) string {
		return "<</FunctionType 2 /Domain [0 1] /C0 [" + a + "] /C1 [" + b + "] /N 1>>"
	}
	for _, c := range []struct {
		name  string
		stops []svg.Stop
		alpha bool
		want  string
	}{
		{"two stops", []svg.Stop{stop(0, 0, 1), stop(1, 255, 1)}, false, piece("0 0 0", "1 0 0")},
		{"three stops", []svg.Stop{stop(0, 0, 1), stop(0.5, 255, 1), stop(1, 0, 1)}, false,
			"<</FunctionType 3 /Domain [0 1] /Functions [" + piece("0 0 0", "1 0 0") + " " + piece("1 0 0", "0 0 0") + "] /Bounds [0.5] /Encode [0 1 0 1]>>"},
		{"padded with the end stops' colours", []svg.Stop{stop(0.25, 0, 1), stop(0.75, 255, 1)}, false,
			"<</FunctionType 3 /Domain [0 1] /Functions [" + piece("0 0 0", "0 0 0") + " " + piece("0 0 0", "1 0 0") + " " + piece("1 0 0", "1 0 0") +
				"] /Bounds [0.25 0.75] /Encode [0 1 0 1 0 1]>>"},
		{"a sharp step, and an offset falling back", []svg.Stop{stop(0, 0, 1), stop(0.5, 0, 1), stop(0.5, 255, 1), stop(0.2, 255, 1)}, false,
			"<</FunctionType 3 /Domain [0 1] /Functions [" + piece("0 0 0", "0 0 0") + " " + piece("1 0 0", "1 0 0") + "] /Bounds [0.5] /Encode [0 1 0 1]>>"},
		{"opacities, for a soft mask", []svg.Stop{stop(0, 0, 1), stop(1, 255, 0.25)}, true, piece("1", "0.25")},
	} {
		if got := string(function(c.stops, c.alpha)); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
	}
}

// TestReal checks how drawings' numbers are written.
func TestReal(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{{1.5, "1.5"}, {2, "2"}, {-0.00001, "0"}, {0.123456, "0.1235"}, {math.NaN(), "0"}, {math.Inf(-1), "-10000000"}, {1e300, "10000000"}} {
		if got := string(appendReal(nil, c.v, 4)); got != c.want {
			t.Errorf("%v: %q, want %q", c.v, got, c.want)
		}
	}
}

// TestVectorNaN checks that no number a PDF reader cannot take reaches the file, whatever a
// drawing holds.
func TestVectorNaN(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	bad := rect(0, 0, 1, 1)
	bad[1].Pts[0].Y = inf
	g := &svg.Gradient{X1: nan, X2: 1, Transform: svg.Identity, Stops: []svg.Stop{{Offset: nan, Opacity: nan}, {Offset: 1, Opacity: 1}}}
	d := &svg.Drawing{Width: 10, Height: 10, Root: group(svg.Identity,
		&svg.Path{Segments: bad, Fill: solid(1, 2, 3)},
		&svg.Path{Segments: rect(0, 0, 1, 1), Fill: &svg.Paint{Gradient: g, Opacity: 1}, Stroke: &svg.Stroke{Paint: *solid(0, 0, 0), Width: nan}},
		&svg.Path{Segments: rect(0, 0, 1, 1), Stroke: &svg.Stroke{Paint: *solid(0, 0, 0), Width: 1, MiterLimit: nan, Dashes: []float64{nan, 1}, DashOffset: inf}},
		&svg.Group{Transform: svg.Matrix{nan, 0, 0, 1, 0, 0}, Opacity: 1},
		&svg.Group{Transform: svg.Identity, Opacity: nan},
		&svg.Text{Chunks: []*svg.Chunk{{X: nan, Y: 1}, {X: 1, Y: 1, Spans: []*svg.Span{{Text: "x", Size: inf, Fill: solid(0, 0, 0)}, {Text: "y", DX: nan, Size: 5, Fill: solid(0, 0, 0)}}}}},
	)}
	doc := &page.Doc{Width: 100, Height: 100, Meta: page.Meta{Date: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}, Pages: []*page.Page{{Art: page.Art{Vectors: []page.Vector{
		{X: nan, Y: 0, W: 50, H: 50, Name: "d", Drawing: d},
		{X: 0, Y: 0, W: 50, H: 50, Name: "wide", Drawing: &svg.Drawing{Width: inf, Height: 1}},
		{X: 0, Y: 0, W: nan, H: 50, Name: "d", Drawing: d},
	}}}}}
	data, err := PDF(doc, nil)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "n.pdf"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	// uncompressed by qpdf, which checks the file as it goes
	cmd := exec.Command("qpdf", "--qdf", "--object-streams=disable", "n.pdf", "plain.pdf")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("qpdf: %v\n%s", err, out)
	}
	plain, err := os.ReadFile(filepath.Join(dir, "plain.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if m := regexp.MustCompile(`NaN|[+-]?Inf\b`).Find(plain); m != nil {
		t.Errorf("the PDF holds %q", m)
	}
	if y := "[(" + codes(page.Regular, "y") + ")] TJ"; !bytes.Contains(plain, []byte(y)) {
		t.Error("the span after a NaN is not drawn")
	}
}

// TestTextChunks checks that a chunk that follows starts where the one before ended, its
// anchor applied from there, and that a hidden span takes its room but is not written.
func TestTextChunks(t *testing.T) {
	black := solid(0, 0, 0)
	ab := &svg.Span{Text: "ab", Size: 10, Fill: black}
	w := advance(ab)
	root := group(svg.Identity, &svg.Text{Chunks: []*svg.Chunk{
		{X: 5, Y: 10, Spans: []*svg.Span{{Text: "ab", Size: 10, Hidden: true}, ab}},
		{Y: 20, Follow: true, Anchor: svg.AnchorEnd, Spans: []*svg.Span{{Text: "ab", Size: 10, Fill: black}}},
	}})
	_, got := formsOf(t, &svg.Drawing{Width: 100, Height: 100, Root: root})
	tms := regexp.MustCompile(`1 0 0 -1 (\S+) (\S+) Tm`).FindAllStringSubmatch(got[0], -1)
	want := [][2]float64{{5 + w, 10}, {5 + w, 20}} // the hidden span is not written
	if len(tms) != len(want) {
		t.Fatalf("%d spans written, want %d:\n%s", len(tms), len(want), got[0])
	}
	for i, m := range tms {
		x, _ := strconv.ParseFloat(m[1], 64)
		y, _ := strconv.ParseFloat(m[2], 64)
		if math.Abs(x-want[i][0]) > 1e-3 || y != want[i][1] {
			t.Errorf("span %d at %g,%g, want %g,%g", i, x, y, want[i][0], want[i][1])
		}
	}
}
