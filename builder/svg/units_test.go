package svg

import (
	"math"
	"testing"
)

func TestColors(t *testing.T) {
	tests := []struct {
		s    string
		want rgba
		ok   bool
	}{
		{"#f00", rgba{Color{255, 0, 0}, 1}, true},
		{"#FF8000", rgba{Color{255, 128, 0}, 1}, true},
		{"#0f08", rgba{Color{0, 255, 0}, 0x88 / 255.0}, true},
		{"#00000080", rgba{Color{}, 128 / 255.0}, true},
		{"rgb(255, 0, 10)", rgba{Color{255, 0, 10}, 1}, true},
		{"RGB(100%,50%,0%)", rgba{Color{255, 128, 0}, 1}, true},
		{"rgba(0,0,255,0.5)", rgba{Color{0, 0, 255}, 0.5}, true},
		{"rgb(0 0 255 / 25%)", rgba{Color{0, 0, 255}, 0.25}, true},
		{"rgb(300,-5,0)", rgba{Color{255, 0, 0}, 1}, true},
		{"hsl(120, 100%, 50%)", rgba{Color{0, 255, 0}, 1}, true},
		{"hsla(240deg, 100%, 25%, 0.5)", rgba{Color{0, 0, 128}, 0.5}, true},
		{"hsl(0.5turn 100% 50%)", rgba{Color{0, 255, 255}, 1}, true},
		{"rebeccapurple", rgba{}, false},
		{"LightGoldenRodYellow", rgba{Color{0xfa, 0xfa, 0xd2}, 1}, true},
		{"grey", rgba{Color{128, 128, 128}, 1}, true},
		{"transparent", rgba{}, true},
		{"#12345", rgba{}, false},
		{"#ggg", rgba{}, false},
		{"rgb(1,2)", rgba{}, false},
		{"rgb(10%, 20%, 255)", rgba{}, false}, // no mix of numbers and percentages with commas
		{"hsl(1, 2, 3)", rgba{}, false},
		{"#abc icc-color(x, 1)", rgba{Color{0xaa, 0xbb, 0xcc}, 1}, true},
	}
	for _, tt := range tests {
		got, ok := parseColor(tt.s)
		if ok != tt.ok || (ok && (got.c != tt.want.c || math.Abs(got.a-tt.want.a) > 1e-9)) {
			t.Errorf("parseColor(%q) = %v, %v; want %v, %v", tt.s, got, ok, tt.want, tt.ok)
		}
	}
}

func TestTransforms(t *testing.T) {
	r := math.Sqrt2 / 2
	tests := []struct {
		s    string
		want Matrix
		ok   bool
	}{
		{"translate(4 112)", Matrix{1, 0, 0, 1, 4, 112}, true},
		{"translate(5)", Matrix{1, 0, 0, 1, 5, 0}, true},
		{"scale(2)", Matrix{2, 0, 0, 2, 0, 0}, true},
		{"scale(1 1) rotate(0) translate(4 112)", Matrix{1, 0, 0, 1, 4, 112}, true},
		{"matrix(1,2,3,4,5,6)", Matrix{1, 2, 3, 4, 5, 6}, true},
		{"rotate(90)", Matrix{0, 1, -1, 0, 0, 0}, true},
		{"rotate(90 10 10)", Matrix{0, 1, -1, 0, 20, 0}, true},
		{"rotate(45)", Matrix{r, r, -r, r, 0, 0}, true},
		{"skewX(45)", Matrix{1, 0, 1, 1, 0, 0}, true},
		{"skewY(45)", Matrix{1, 1, 0, 1, 0, 0}, true},
		{"translate(10,0) scale(2)", Matrix{2, 0, 0, 2, 10, 0}, true},
		{"scale(2),translate(10,0)", Matrix{2, 0, 0, 2, 20, 0}, true},
		{"translate(1 2", Identity, false},
		{"spin(3)", Identity, false},
		{"rotate(1 2)", Identity, false},
		{"", Identity, true},
	}
	for _, tt := range tests {
		got, ok := parseTransform(tt.s)
		if ok != tt.ok || !matrixNear(got, tt.want) {
			t.Errorf("parseTransform(%q) = %v, %v; want %v", tt.s, got, ok, tt.want)
		}
	}
}

func matrixNear(a, b Matrix) bool {
	for i := range a {
		if math.Abs(a[i]-b[i]) > 1e-9 {
			return false
		}
	}
	return true
}

func TestLengths(t *testing.T) {
	tests := []struct {
		s    string
		want float64 // with 200 as 100% and a 10px font
		ok   bool
	}{
		{"12", 12, true}, {"12px", 12, true}, {"72pt", 96, true}, {"1pc", 16, true},
		{"25.4mm", 96, true}, {"2.54cm", 96, true}, {"1in", 96, true}, {"2em", 20, true},
		{"2ex", 10, true}, {"50%", 100, true}, {" 3 ", 3, true}, {"1e1", 10, true},
		{"3furlongs", 0, false}, {"px", 0, false}, {"", 0, false}, {"1 2", 0, false},
	}
	for _, tt := range tests {
		l, ok := parseLength(tt.s)
		if ok != tt.ok || (ok && math.Abs(l.resolve(200, 10)-tt.want) > 1e-9) {
			t.Errorf("parseLength(%q) = %v, %v", tt.s, l, ok)
		}
	}
}

func TestPreserveAspectRatio(t *testing.T) {
	vb := viewBox{0, 0, 100, 50} // into 200 x 200
	tests := []struct {
		par  string
		want Matrix
	}{
		{"", Matrix{2, 0, 0, 2, 0, 50}},
		{"xMidYMid meet", Matrix{2, 0, 0, 2, 0, 50}},
		{"xMinYMin", Matrix{2, 0, 0, 2, 0, 0}},
		{"xMaxYMax", Matrix{2, 0, 0, 2, 0, 100}},
		{"xMinYMax meet", Matrix{2, 0, 0, 2, 0, 100}},
		{"xMidYMid slice", Matrix{4, 0, 0, 4, -100, 0}},
		{"xMinYMin slice", Matrix{4, 0, 0, 4, 0, 0}},
		{"xMaxYMin slice", Matrix{4, 0, 0, 4, -200, 0}},
		{"none", Matrix{2, 0, 0, 4, 0, 0}},
		{"defer xMinYMid", Matrix{2, 0, 0, 2, 0, 50}},
	}
	for _, tt := range tests {
		if got := vb.fit(tt.par, 200, 200); !matrixNear(got, tt.want) {
			t.Errorf("fit(%q) = %v, want %v", tt.par, got, tt.want)
		}
	}
	if got := (viewBox{10, 20, 100, 50}).fit("xMinYMin", 100, 50); !matrixNear(got, Matrix{1, 0, 0, 1, -10, -20}) {
		t.Errorf("viewBox origin: %v", got)
	}
	for _, bad := range []string{"0 0 0 10", "0 0 10", "0 0 -1 1", "a b c d"} {
		if _, ok := parseViewBox(bad); ok {
			t.Errorf("viewBox %q accepted", bad)
		}
	}
}

func TestMono(t *testing.T) {
	for family, want := range map[string]bool{
		"monospace": true, "Courier,monospace": true, "'DejaVu Sans Mono'": true, "Consolas": true,
		"Menlo, monospace": true, "Iosevka Fixed, monospace": true, "Times,serif": false,
		"Helvetica": false, "sans-serif, monospace": false, "": false,
	} {
		if mono(family) != want {
			t.Errorf("mono(%q) = %v", family, !want)
		}
	}
}
