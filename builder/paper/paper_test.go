package paper

import (
	"math"
	"strings"
	"testing"

	"bookc/builder/tree"
)

func TestParse(t *testing.T) {
	for _, tt := range []struct {
		in   string
		name string
		w, h float64 // points
	}{
		{"a4", "a4", 595.28, 841.89},
		{"A4", "a4", 595.28, 841.89},
		{" a5 ", "a5", 419.53, 595.28},
		{"letter", "letter", 612, 792},
		{"US-Letter", "us-letter", 612, 792},
		{"6x9in", "6x9in", 432, 648},
		{"7x10in", "7x10in", 504, 720},
		{"royal", "royal", 442.20, 663.31},
		{"170x240mm", "170x240mm", 481.89, 680.31},
		{"6.14x9.21in", "6.14x9.21in", 442.08, 663.12},
		{"17X24CM", "17x24cm", 481.89, 680.31},
		{"420x595pt", "420x595pt", 420, 595},
		{"240x170mm", "240x170mm", 680.31, 481.89}, // landscape, as written
		{"60x600mm", "60x600mm", 170.08, 1700.79},  // the limits
	} {
		s, err := Parse(tt.in)
		if err != nil {
			t.Errorf("%q: %v", tt.in, err)
			continue
		}
		if s.Name != tt.name || math.Abs(s.W-tt.w) > 0.01 || math.Abs(s.H-tt.h) > 0.01 {
			t.Errorf("%q = %q %.2f x %.2f, want %q %.2f x %.2f", tt.in, s.Name, s.W, s.H, tt.name, tt.w, tt.h)
		}
	}
}

func TestLength(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want float64 // points; -1: an error
	}{
		{"20mm", 56.69},
		{" 2CM ", 56.69},
		{"0.75in", 54},
		{"54pt", 54},
		{"0mm", 0},
		{"20", -1},    // no unit
		{"mm", -1},    // no number
		{"-5mm", -1},  // margins are not negative
		{"1e1mm", -1}, // decimals only
		{"20 mm", -1},
		{"20px", -1},
	} {
		got, err := Length(tt.in)
		switch {
		case tt.want < 0 && (err == nil || !strings.Contains(err.Error(), `give a length with a unit of mm, cm, in or pt`)):
			t.Errorf("%q: %v, %v; want an error saying what to write", tt.in, got, err)
		case tt.want >= 0 && (err != nil || math.Abs(got-tt.want) > 0.01):
			t.Errorf("%q = %.2f, %v; want %.2f", tt.in, got, err, tt.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", `"": not a paper size: use "a4"`},
		{"A3", `"A3": not a paper size: use "a4", "a5", "letter", "6x9in", "7x10in", "royal", or width x height with a unit, such as "170x240mm"`},
		{"170x240", `"170x240": not a paper size`},    // no unit
		{"170mmx240mm", `"170mmx240mm": not a paper`}, // one unit, at the end
		{"170x240x10mm", `not a paper size`},
		{"x240mm", `not a paper size`},
		{"-170x240mm", `not a paper size`},
		{"1e2x240mm", `not a paper size`},
		{"infxinfmm", `not a paper size`},
		{"nanx240mm", `not a paper size`},
		{"50x240mm", `"50x240mm": each side must be between 60 and 600 mm`},
		{"170x610mm", `"170x610mm": each side must be between 60 and 600 mm`},
		{"0x0in", `each side must be between 60 and 600 mm`},
	} {
		if _, err := Parse(tt.in); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: err = %v, want %q", tt.in, err, tt.want)
		}
	}
}

// FuzzParse checks that any setting gives a size within the limits or an error that quotes it.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"a4", "Letter", "6x9in", "170x240mm", "6.14x9.21in", "17x24cm", "1e2x3mm", "x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sz, err := Parse(s)
		if err != nil {
			if !strings.Contains(err.Error(), "use \"a4\"") {
				t.Errorf("%q: %v says not what to write", s, err)
			}
			return
		}
		for _, v := range []float64{sz.W, sz.H} {
			if !(v >= minSide-slack && v <= maxSide+slack) {
				t.Errorf("%q: side %v pt outside the limits", s, v)
			}
		}
		if again, err := Parse(sz.Name); err != nil || again != sz {
			t.Errorf("%q: its name %q reads as %v, %v", s, sz.Name, again, err)
		}
	})
}

// TestDefault checks that tree.A4, the page of a book that names none, is what "a4" reads as, so
// that a book without paper and a book with paper = "a4" lay out alike.
func TestDefault(t *testing.T) {
	if a4, err := Parse("a4"); err != nil || a4 != tree.A4 {
		t.Errorf(`Parse("a4") = %+v, %v; tree.A4 = %+v`, a4, err, tree.A4)
	}
}

func FuzzLength(f *testing.F) {
	for _, s := range []string{"20mm", "0.75in", "54pt", "2CM", "1e3mm", "-5mm", "mm", "", "inf mm"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := Length(s)
		if err != nil {
			if !strings.Contains(err.Error(), "give a length with a unit") {
				t.Errorf("%q: %v says not what to write", s, err)
			}
			return
		}
		if !(v >= 0) || math.IsInf(v, 0) {
			t.Errorf("%q reads as %v pt", s, v)
		}
	})
}
