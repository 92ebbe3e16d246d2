package svg

import (
	"math"
	"testing"
)

func TestPathGrammar(t *testing.T) {
	tests := []struct{ d, want string }{
		{"M10 20 L30 40", "M10,20 L30,40"},
		{"m10 20 l5 5 5 5", "M10,20 L15,25 L20,30"},
		{"M0,0 10,0 10,10z", "M0,0 L10,0 L10,10 Z"},
		{"m1 1 2 2", "M1,1 L3,3"},
		{"M0 0H10V5h-5v-5", "M0,0 L10,0 L10,5 L5,5 L5,0"},
		{"M1.5e1-.5.5.5", "M15,-0.5 L0.5,0.5"},
		{"M0 0C1 1 2 2 3 3S5 5 6 6", "M0,0 C1,1 2,2 3,3 C4,4 5,5 6,6"},
		{"M0 0s1 1 2 0", "M0,0 C0,0 1,1 2,0"},
		{"M0 0Q3 3 6 0T12 0", "M0,0 C2,2 4,2 6,0 C8,-2 10,-2 12,0"},
		{"M0 0t6 0", "M0,0 C0,0 2,0 6,0"},
		{"M0 0L10 0Z L5 5", "M0,0 L10,0 Z M0,0 L5,5"},
		{"M0 0L10 0zm5 5l1 1", "M0,0 L10,0 Z M5,5 L6,6"},
		{"M0 0 L10 0 oops 20 0", "M0,0 L10,0"},
		{"L10 0", ""},
		{"M0 0 L10", "M0,0"},
		{"M0 0 Z 5 5", "M0,0 Z"},
		{"M0 0a1 1 0 00 1 1", "M0,0 C0,0.552285 0.447715,1 1,1"},
		{"M0 0 A0 5 0 0 1 10 0", "M0,0 L10,0"},
		{"M0 0 A5 5 0 0 1 0 0", "M0,0"},
		{"M0 0 1e999 0", "M0,0"},
		{"  M 1 , 2 , 3 , 4 ", "M1,2 L3,4"},
	}
	for _, tt := range tests {
		t.Run(tt.d, func(t *testing.T) {
			segs, _, err := parsePath(tt.d, 100)
			if err != nil {
				t.Fatal(err)
			}
			for i := range segs {
				for j, p := range segs[i].Pts {
					segs[i].Pts[j] = Point{math.Round(p.X*1e9) / 1e9, math.Round(p.Y*1e9) / 1e9}
				}
			}
			if got := segments(segs); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestArc checks arcs' endpoints and the midpoints of their cubics, which lie on the circle.
func TestArc(t *testing.T) {
	tests := []struct {
		name string
		d    string
		n    int     // cubics
		mid  []Point // each cubic's point at t = 0.5
		c    Point   // the centre
	}{
		{"quarter", "M10 0 A10 10 0 0 1 0 10", 1, []Point{{10 * math.Sqrt2 / 2, 10 * math.Sqrt2 / 2}}, Point{}},
		{"quarter the other way", "M10 0 A10 10 0 0 0 0 -10", 1, []Point{{10 * math.Sqrt2 / 2, -10 * math.Sqrt2 / 2}}, Point{}},
		{"half", "M-10 0 A10 10 0 0 0 10 0", 2, []Point{{-10 * math.Sqrt2 / 2, 10 * math.Sqrt2 / 2}, {10 * math.Sqrt2 / 2, 10 * math.Sqrt2 / 2}}, Point{}},
		{"large", "M10 0 A10 10 0 1 1 0 10", 3, nil, Point{10, 10}},
		{"radii too small are scaled", "M-10 0 A1 1 0 0 1 10 0", 2, []Point{{-10 * math.Sqrt2 / 2, -10 * math.Sqrt2 / 2}, {10 * math.Sqrt2 / 2, -10 * math.Sqrt2 / 2}}, Point{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			segs, _, err := parsePath(tt.d, 100)
			if err != nil || len(segs) != 1+tt.n {
				t.Fatalf("%d segments, %v: %s", len(segs), err, segments(segs))
			}
			from := segs[0].Pts[0]
			last := segs[len(segs)-1]
			if !near(last.Pts[2], endOf(tt.d)) {
				t.Errorf("ends at %v", last.Pts[2])
			}
			for i, want := range tt.mid {
				s := segs[1+i]
				if got := cubicAt(from, s.Pts[0], s.Pts[1], s.Pts[2], 0.5); !near(got, want) {
					t.Errorf("cubic %d: midpoint %v, want %v", i, got, want)
				}
				from = s.Pts[2]
			}
			for _, s := range segs[1:] {
				if r := math.Hypot(s.Pts[2].X-tt.c.X, s.Pts[2].Y-tt.c.Y); math.Abs(r-10) > 1e-6 {
					t.Errorf("end point %v is off the circle: r=%g", s.Pts[2], r)
				}
			}
		})
	}
}

// endOf is the last two numbers of path data.
func endOf(d string) Point {
	v, _ := numbers(d[len(d)-5:])
	return Point{v[0], v[1]}
}

func near(a, b Point) bool { return math.Abs(a.X-b.X) < 1e-6 && math.Abs(a.Y-b.Y) < 1e-6 }

func TestNumbers(t *testing.T) {
	tests := []struct {
		s    string
		want []float64
		ok   bool
	}{
		{"1 2,3", []float64{1, 2, 3}, true},
		{"-.5.5", []float64{-0.5, 0.5}, true},
		{"1e3 1E-2 5.", []float64{1000, 0.01, 5}, true},
		{"1,,2", []float64{1}, false},
		{"x", nil, false},
	}
	for _, tt := range tests {
		got, ok := numbers(tt.s)
		if ok != tt.ok || len(got) != len(tt.want) {
			t.Errorf("numbers(%q) = %v, %v", tt.s, got, ok)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("numbers(%q) = %v", tt.s, got)
			}
		}
	}
}

func TestBounds(t *testing.T) {
	// A cubic bulging past its end points: its box is of the curve, not of its control points.
	segs, _, _ := parsePath("M0 0 C0 10 10 10 10 0", 10)
	b, ok := bounds(segs)
	if !ok || b != (box{0, 0, 10, 7.5}) {
		t.Errorf("bounds = %v, %v", b, ok)
	}
}
