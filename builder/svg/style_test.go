package svg

import (
	"strings"
	"testing"
)

// readBody reads an image made of body inside an <svg> of 100 x 100.
func readBody(t *testing.T, body string) *Drawing {
	t.Helper()
	d, err := Read([]byte(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="100">` + body + `</svg>`))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return d
}

// paths are a drawing's paths in drawing order, with the transforms of their groups.
func paths(n Node, m Matrix, out *[]placed) {
	switch n := n.(type) {
	case *Group:
		for _, c := range n.Children {
			paths(c, n.Transform.Then(m), out)
		}
	case *Path:
		*out = append(*out, placed{n, m})
	}
}

type placed struct {
	p *Path
	m Matrix
}

func allPaths(d *Drawing) []placed {
	var out []placed
	paths(d.Root, Identity, &out)
	return out
}

func TestCascade(t *testing.T) {
	tests := []struct {
		name, body, want string // want: the first path's style, as dumped
	}{
		{"initial", `<rect width="1" height="1"/>`, " fill=#000000"},
		{"attribute", `<rect width="1" height="1" fill="red"/>`, " fill=#ff0000"},
		{"style beats attribute", `<rect width="1" height="1" fill="red" style="fill:blue"/>`, " fill=#0000ff"},
		{"sheet beats attribute", `<style>rect{fill:green}</style><rect width="1" height="1" fill="red"/>`, " fill=#008000"},
		{"style beats sheet", `<style>#r{fill:green}</style><rect id="r" width="1" height="1" style="fill:blue"/>`, " fill=#0000ff"},
		{"important beats style", `<style>.c{fill:green!important}</style><rect class="c" width="1" height="1" style="fill:blue"/>`, " fill=#008000"},
		{"id beats class", `<style>#r{fill:green} .c{fill:blue}</style><rect id="r" class="c" width="1" height="1"/>`, " fill=#008000"},
		{"class beats type", `<style>.c{fill:blue} rect{fill:green}</style><rect class="c" width="1" height="1"/>`, " fill=#0000ff"},
		{"type.class beats class", `<style>rect.c{fill:blue} .c{fill:green}</style><rect class="c" width="1" height="1"/>`, " fill=#0000ff"},
		{"later wins", `<style>.a{fill:blue} .b{fill:green}</style><rect class="b a" width="1" height="1"/>`, " fill=#008000"},
		{"comma list", `<style>circle, rect {fill:blue}</style><rect width="1" height="1"/>`, " fill=#0000ff"},
		{"unmatchable selector ignored", `<style>g + rect, rect:hover, [x], > rect {fill:blue}</style><rect width="1" height="1"/>`, " fill=#000000"},
		{"descendant", `<style>#m .node rect {fill:blue}</style><svg id="m"><g class="node"><g><rect width="1" height="1"/></g></g></svg>`, " fill=#0000ff"},
		{"descendant needs its ancestor", `<style>.node rect {fill:blue}</style><g class="edge"><rect width="1" height="1"/></g>`, " fill=#000000"},
		{"child", `<style>g>rect {fill:blue}</style><g><rect width="1" height="1"/></g>`, " fill=#0000ff"},
		{"child is not grandchild", `<style>g.a > rect {fill:blue}</style><g class="a"><a><rect width="1" height="1"/></a></g>`, " fill=#000000"},
		{"child tries every ancestor", `<style>.a > g rect {fill:blue}</style><g class="a"><g><g class="b"><rect width="1" height="1"/></g></g></g>`, " fill=#0000ff"},
		{"specificity adds up", `<style>.n rect {fill:blue} rect.r {fill:green}</style><g class="n"><rect class="r" width="1" height="1"/></g>`, " fill=#008000"},
		{"invalid value drops out", `<style>.c{fill:rgb(10%,0,0)} rect{fill:green}</style><rect class="c" width="1" height="1" fill="red"/>`, " fill=#008000"},
		{"invalid style value drops out", `<rect width="1" height="1" fill="red" style="fill: var(--x)"/>`, " fill=#ff0000"},
		{"inherited", `<g fill="red" stroke="blue"><rect width="1" height="1"/></g>`, " fill=#ff0000 stroke=#0000ff width=1 cap=0 join=0 miter=4"},
		{"inherit keyword", `<g fill="red"><g fill="blue"><rect width="1" height="1" fill="inherit"/></g></g>`, " fill=#0000ff"},
		{"currentColor from own color", `<g color="red" fill="currentColor"><rect width="1" height="1" color="lime"/></g>`, " fill=#00ff00"},
		{"currentColor inherited color", `<g color="red"><rect width="1" height="1" fill="currentColor"/></g>`, " fill=#ff0000"},
		{"opacity folded", `<rect width="1" height="1" fill="red" opacity="0.5" fill-opacity="0.5"/>`, " fill=#ff0000@0.25"},
		{"rgba alpha", `<rect width="1" height="1" fill="rgba(255,0,0,0.5)"/>`, " fill=#ff0000@0.5"},
		{"bad value ignored", `<g fill="red"><rect width="1" height="1" fill="bogus"/></g>`, " fill=#ff0000"},
		{"dasharray odd", `<rect width="1" height="1" stroke="red" stroke-dasharray="1,2,3"/>`, " fill=#000000 stroke=#ff0000 width=1 cap=0 join=0 miter=4 dashes=[1 2 3 1 2 3] offset=0"},
		{"dasharray zero", `<rect width="1" height="1" stroke="red" stroke-dasharray="0"/>`, " fill=#000000 stroke=#ff0000 width=1 cap=0 join=0 miter=4"},
		{"dasharray negative", `<rect width="1" height="1" stroke="red" stroke-dasharray="1 -2"/>`, " fill=#000000 stroke=#ff0000 width=1 cap=0 join=0 miter=4"},
		{"stroke props", `<rect width="1" height="1" fill="none" stroke="red" stroke-width="2" stroke-linecap="round" stroke-linejoin="bevel" stroke-miterlimit="8"/>`, " stroke=#ff0000 width=2 cap=1 join=2 miter=8"},
		{"fill-rule", `<rect width="1" height="1" fill-rule="evenodd"/>`, " fill=#000000 evenodd"},
		{"pattern fallback", `<pattern id="p"/><rect width="1" height="1" fill="url(#p) red"/>`, " fill=#ff0000"},
		{"missing url fallback", `<rect width="1" height="1" fill="url(#nope) blue"/>`, " fill=#0000ff"},
		{"hidden skipped", `<rect width="1" height="1" visibility="hidden"/><rect width="1" height="1" fill="red"/>`, " fill=#ff0000"},
		{"display none skipped", `<g style="display:none"><rect width="1" height="1"/></g><rect width="1" height="1" fill="red"/>`, " fill=#ff0000"},
		{"hidden group, visible child", `<g visibility="hidden"><rect width="1" height="1" fill="red" visibility="visible"/></g>`, " fill=#ff0000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := allPaths(readBody(t, tt.body))
			if len(ps) == 0 {
				t.Fatal("no path")
			}
			if got := pathStyle(ps[0].p); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestGradientUnits(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"bounding box folded in",
			`<linearGradient id="g"><stop offset="0" stop-color="red"/><stop offset="1" stop-color="blue"/></linearGradient>
			<rect x="10" y="20" width="30" height="40" fill="url(#g)"/>`,
			"linear(0 0 1 0 transform=[30 0 0 40 10 20] 0:#ff0000 1:#0000ff)"},
		{"bounding box of a curve",
			`<radialGradient id="g"><stop offset="0" stop-color="red"/><stop offset="1" stop-color="blue"/></radialGradient>
			<circle cx="50" cy="50" r="10" fill="url(#g)"/>`,
			"radial(c=0.5 0.5 r=0.5 f=0.5 0.5 transform=[20 0 0 20 40 40] 0:#ff0000 1:#0000ff)"},
		{"gradientTransform before the box",
			`<linearGradient id="g" gradientTransform="rotate(90)"><stop offset="0" stop-color="red"/><stop offset="1" stop-color="blue"/></linearGradient>
			<rect x="10" y="20" width="30" height="40" fill="url(#g)"/>`,
			"linear(0 0 1 0 transform=[0 40 -30 0 10 20] 0:#ff0000 1:#0000ff)"},
		{"user space, percentages of the viewport",
			`<linearGradient id="g" gradientUnits="userSpaceOnUse" x1="10%" x2="50"><stop offset="0" stop-color="red"/><stop offset="1" stop-color="blue"/></linearGradient>
			<rect x="10" y="20" width="30" height="40" fill="url(#g)"/>`,
			"linear(10 0 50 0 0:#ff0000 1:#0000ff)"},
		{"href chain lends stops and attributes",
			`<linearGradient id="a"><stop offset="0" stop-color="red"/><stop offset="50%" stop-color="lime" stop-opacity=".5"/></linearGradient>
			<linearGradient id="b" xlink:href="#a" x1="0.2"/>
			<linearGradient id="c" href="#b" gradientUnits="userSpaceOnUse"/>
			<rect width="10" height="10" fill="url(#c)"/>`,
			"linear(0.2 0 100 0 0:#ff0000 0.5:#00ff00@0.5)"},
		{"one stop is a colour",
			`<linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient><rect width="10" height="10" fill="url(#g)"/>`,
			"#ff0000"},
		{"no length is the last stop",
			`<linearGradient id="g" x2="0"><stop offset="0" stop-color="red"/><stop offset="1" stop-color="blue"/></linearGradient><rect width="10" height="10" fill="url(#g)"/>`,
			"#0000ff"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := allPaths(readBody(t, tt.body))
			if len(ps) != 1 || ps[0].p.Fill == nil {
				t.Fatalf("paths: %v", ps)
			}
			if got := paint(ps[0].p.Fill); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
	// A box with no height shows none of a bounding-box gradient.
	d := readBody(t, `<linearGradient id="g"><stop offset="0" stop-color="red"/><stop offset="1" stop-color="blue"/></linearGradient><line x2="10" stroke="url(#g)"/>`)
	if ps := allPaths(d); len(ps) != 0 {
		t.Errorf("flat line drawn: %v", ps)
	}
}

func TestUseSymbol(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string // each path's transform and first segment
	}{
		{"use moves by x and y", `<rect id="r" width="1" height="1"/><use href="#r" x="10" y="20"/>`,
			[]string{"[1 0 0 1 0 0] M0,0", "[1 0 0 1 10 20] M0,0"}},
		{"use transform then x, y", `<defs><rect id="r" width="1" height="1"/></defs><use xlink:href="#r" x="10" transform="scale(2)"/>`,
			[]string{"[2 0 0 2 20 0] M0,0"}},
		{"symbol viewBox into use size", `<symbol id="s" viewBox="0 0 10 10"><rect width="10" height="10"/></symbol><use href="#s" width="50" height="50" x="5"/>`,
			[]string{"[5 0 0 5 5 0] M0,0"}},
		{"symbol alone draws nothing", `<symbol id="s"><rect width="10" height="10"/></symbol>`, nil},
		{"use of use", `<defs><rect id="r" width="1" height="1"/><use id="u" href="#r" x="1"/></defs><use href="#u" y="2"/>`,
			[]string{"[1 0 0 1 1 2] M0,0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range allPaths(readBody(t, tt.body)) {
				got = append(got, "["+nums(p.m[:]...)+"] "+segments(p.p.Segments[:1]))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
	d := readBody(t, `<symbol id="s"><rect width="10" height="10" fill="currentColor"/></symbol><use href="#s" style="color:red"/>`)
	if ps := allPaths(d); len(ps) != 1 || paint(ps[0].p.Fill) != "#ff0000" {
		t.Errorf("symbol does not inherit from its use: %v", ps)
	}
}

func TestText(t *testing.T) {
	d := readBody(t, `<g font-family="Courier" font-size="20"><a><text x="5" y="6" dx="1" text-anchor="middle">
	  a  <tspan font-weight="700" dy="2">b</tspan><tspan x="7" font-style="oblique"> c </tspan> </text></a></g>`)
	var b strings.Builder
	dumpNode(&b, d.Root.Children[0], 0)
	want := `text
  chunk 5 6 anchor=1
    span "a " size=20 d=1 0 mono fill=#000000
    span "b" size=20 d=0 2 bold mono fill=#000000
  chunk 7 8 anchor=1
    span "c" size=20 italic mono fill=#000000
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
