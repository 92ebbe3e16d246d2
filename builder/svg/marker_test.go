package svg

import (
	"math"
	"strings"
	"testing"
)

// markerTransforms are the transforms of the markers that follow the shape that is the
// drawing's first node: a marker that needs none is its content, a path, unwrapped.
func markerTransforms(t *testing.T, d *Drawing) []Matrix {
	t.Helper()
	g, ok := d.Root.Children[0].(*Group)
	if !ok {
		t.Fatalf("no group of a shape and its markers:\n%s", dump(d))
	}
	var out []Matrix
	for _, n := range g.Children[1:] {
		if m, ok := n.(*Group); ok {
			out = append(out, m.Transform)
		} else {
			out = append(out, Identity)
		}
	}
	return out
}

// TestMarkerOrient places a marker whose content is drawn along its x axis, at each vertex of
// lines, polylines and curves, and checks where it goes and the angle it turns by.
func TestMarkerOrient(t *testing.T) {
	type at struct{ x, y, deg float64 }
	tests := []struct {
		name, orient, shape string
		want                []at // start, mids, end
	}{
		{"line", "auto", `<line x1="0" y1="0" x2="10" y2="10" marker-start="url(#m)" marker-end="url(#m)"/>`,
			[]at{{0, 0, 45}, {10, 10, 45}}},
		{"line upwards", "auto", `<line x1="0" y1="10" x2="0" y2="0" marker-start="url(#m)" marker-end="url(#m)"/>`,
			[]at{{0, 10, 270}, {0, 0, 270}}},
		{"polyline corner", "auto", `<polyline points="0,0 10,0 10,10" marker-start="url(#m)" marker-mid="url(#m)" marker-end="url(#m)"/>`,
			[]at{{0, 0, 0}, {10, 0, 45}, {10, 10, 90}}},
		{"polyline turning back", "auto", `<polyline points="0,0 10,0 0,0" marker-mid="url(#m)"/>`,
			[]at{{10, 0, 90}}},
		{"cubic", "auto", `<path d="M0,0 C0,10 10,10 10,0" marker-start="url(#m)" marker-end="url(#m)"/>`,
			[]at{{0, 0, 90}, {10, 0, 270}}},
		{"cubic, control point on the start", "auto", `<path d="M0,0 C0,0 10,10 10,0" marker-start="url(#m)"/>`,
			[]at{{0, 0, 0}}},
		{"quadratic then line", "auto", `<path d="M0,0 Q10,0 10,10 L20,10" marker-mid="url(#m)"/>`,
			[]at{{10, 10, 45}}},
		{"arc: no mid marker inside it", "auto", `<path d="M0,0 A10,10 0 0 1 20,0 L30,0" marker-start="url(#m)" marker-mid="url(#m)" marker-end="url(#m)"/>`,
			[]at{{0, 0, 270}, {20, 0, 45}, {30, 0, 0}}},
		{"closed polygon", "auto", `<polygon points="0,0 10,0 10,10" marker-start="url(#m)" marker-mid="url(#m)" marker-end="url(#m)"/>`,
			[]at{{0, 0, 0}, {10, 0, 45}, {10, 10, 157.5}, {0, 0, 225}}},
		{"auto-start-reverse", "auto-start-reverse", `<line x1="0" y1="0" x2="10" y2="0" marker-start="url(#m)" marker-end="url(#m)"/>`,
			[]at{{0, 0, 180}, {10, 0, 0}}},
		{"angle", "90", `<polyline points="0,0 10,0 10,10" marker-start="url(#m)" marker-mid="url(#m)" marker-end="url(#m)"/>`,
			[]at{{0, 0, 90}, {10, 0, 90}, {10, 10, 90}}},
		{"angle in turns", "0.5turn", `<line x2="10" marker-end="url(#m)"/>`, []at{{10, 0, 180}}},
		{"angle in error", "sideways", `<line x2="10" y2="10" marker-end="url(#m)"/>`, []at{{10, 10, 0}}},
		{"path of subpaths", "auto", `<path d="M0,0 L10,0 M20,0 L20,10" marker-mid="url(#m)" marker-end="url(#m)"/>`,
			[]at{{10, 0, 0}, {20, 0, 90}, {20, 10, 90}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := readBody(t, `<marker id="m" orient="`+tt.orient+`" markerUnits="userSpaceOnUse" overflow="visible">`+
				`<path d="M0,0 L1,0" stroke="red"/></marker><g stroke="black">`+tt.shape+`</g>`)
			ms := markerTransforms(t, d)
			if len(ms) != len(tt.want) {
				t.Fatalf("%d markers, want %d:\n%s", len(ms), len(tt.want), dump(d))
			}
			for i, tr := range ms {
				deg := math.Mod(math.Atan2(tr[1], tr[0])*180/math.Pi+360, 360)
				w := tt.want[i]
				if math.Abs(tr[4]-w.x) > 1e-9 || math.Abs(tr[5]-w.y) > 1e-9 || math.Abs(deg-w.deg) > 1e-6 {
					t.Errorf("marker %d at %s turned %g, want %g,%g turned %g", i, nums(tr[4], tr[5]), deg, w.x, w.y, w.deg)
				}
			}
		})
	}
}

// TestMarkerBox checks the marker's scale, reference point and clip.
func TestMarkerBox(t *testing.T) {
	tests := []struct {
		name, marker, shape string
		want                string // the dumped marker group
	}{
		{"stroke width units", `<marker id="m" refX="1" refY="2" markerWidth="4" markerHeight="5">`,
			`<line x1="0" y1="0" x2="10" y2="0" stroke="black" stroke-width="2" marker-end="url(#m)"/>`,
			"group transform=[2 0 0 2 8 -4]\n  clip\n    rule=0 M0,0 L4,0 L4,5 L0,5 Z\n"},
		{"user space units", `<marker id="m" refX="1" refY="2" markerUnits="userSpaceOnUse">`,
			`<line x2="10" stroke="black" stroke-width="2" marker-end="url(#m)"/>`,
			"group transform=[1 0 0 1 9 -2]\n  clip\n    rule=0 M0,0 L3,0 L3,3 L0,3 Z\n"},
		{"viewBox meet", `<marker id="m" viewBox="0 0 10 20" refX="5" refY="10" markerWidth="4" markerHeight="4" markerUnits="userSpaceOnUse">`,
			`<line x2="10" stroke="black" marker-end="url(#m)"/>`,
			"group transform=[0.2 0 0 0.2 9 -2]\n  clip\n    rule=0 M-5,0 L15,0 L15,20 L-5,20 Z\n"},
		{"viewBox none", `<marker id="m" viewBox="0 0 10 20" preserveAspectRatio="none" markerWidth="4" markerHeight="4" markerUnits="userSpaceOnUse">`,
			`<line x2="10" stroke="black" marker-end="url(#m)"/>`,
			"group transform=[0.4 0 0 0.2 10 0]\n  clip\n    rule=0 M0,0 L10,0 L10,20 L0,20 Z\n"},
		{"overflow visible", `<marker id="m" markerUnits="userSpaceOnUse" style="overflow: visible">`,
			`<line x2="10" stroke="black" marker-end="url(#m)"/>`,
			"group transform=[1 0 0 1 10 0]\n"},
		{"stroke width 0: none", `<marker id="m">`, `<line x2="10" stroke="black" stroke-width="0" marker-end="url(#m)"/>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := readBody(t, tt.marker+`<rect width="1" height="1" fill="red"/></marker>`+tt.shape)
			var got strings.Builder
			if len(d.Root.Children) > 0 {
				if g, ok := d.Root.Children[0].(*Group); ok {
					for _, n := range g.Children[1:] {
						dumpGroup(&got, n.(*Group), 0)
					}
				}
			}
			if head, _, _ := strings.Cut(got.String(), "  path"); head != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got.String(), tt.want)
			}
		})
	}
}

// TestMarkerProperties checks how shapes come by their markers, and which draw none.
func TestMarkerProperties(t *testing.T) {
	const m = `<marker id="m" markerUnits="userSpaceOnUse"><rect width="1" height="1"/></marker>`
	tests := []struct {
		name, body string
		want       int // markers drawn
	}{
		{"inherited", `<g marker-end="url(#m)"><line x2="10" stroke="black"/></g>`, 1},
		{"shorthand in a sheet", `<style>line { marker: url(#m) }</style><line x2="10" stroke="black"/>`, 2},
		{"shorthand in style", `<line x2="10" stroke="black" style="marker: url(#m); marker-mid: none"/>`, 2},
		{"shorthand is no attribute", `<line x2="10" stroke="black" marker="url(#m)"/>`, 0},
		{"none", `<g marker-end="url(#m)"><line x2="10" stroke="black" marker-end="none"/></g>`, 0},
		{"not a marker", `<line id="l" x2="10" stroke="black" marker-end="url(#l)"/>`, 0},
		{"on a shape that draws nothing else", `<line x2="10" marker-end="url(#m)"/>`, 1},
		{"not on a rect", `<circle r="5" marker-start="url(#m)"/>`, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := readBody(t, m+tt.body)
			got := 0 // the markers' squares, of 5 segments where a line has 2
			for _, p := range allPaths(d) {
				if len(p.p.Segments) == 5 {
					got++
				}
			}
			if got != tt.want {
				t.Errorf("%d markers, want %d:\n%s", got, tt.want, dump(d))
			}
		})
	}
}

// TestMarkerStyle checks that a marker's content inherits from the marker's ancestors, not the
// shape's, and that a marker drawn inside itself is left out.
func TestMarkerStyle(t *testing.T) {
	d := readBody(t, `<g fill="green"><marker id="m" markerUnits="userSpaceOnUse">`+
		`<polyline points="0,0 1,0 1,1" marker-mid="url(#m)"/></marker></g>`+
		`<line x2="10" fill="red" stroke="black" marker-end="url(#m)"/>`)
	ps := allPaths(d)
	if len(ps) != 2 {
		t.Fatalf("%d paths, want the line and the marker's, once:\n%s", len(ps), dump(d))
	}
	if f := ps[1].p.Fill; f == nil || f.Color != (Color{0, 128, 0}) {
		t.Errorf("marker content:\n%s", dump(d))
	}
}
