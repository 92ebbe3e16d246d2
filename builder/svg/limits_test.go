package svg

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const head = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">`

func TestHostile(t *testing.T) {
	deep := strings.Repeat("<g>", 100_000) + strings.Repeat("</g>", 100_000)
	laughs := `<?xml version="1.0"?>
<!DOCTYPE svg [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>` + head + `<text>&lol9;</text></svg>`
	var bomb strings.Builder // <use> doubling ten times over: 2^20 paths from 22 elements
	bomb.WriteString(head + `<defs><path id="u0" d="M0 0h1"/>`)
	for i := 1; i <= 20; i++ {
		fmt.Fprintf(&bomb, `<g id="u%d"><use href="#u%d"/><use href="#u%d"/></g>`, i, i-1, i-1)
	}
	bomb.WriteString(`</defs><use href="#u20"/></svg>`)
	var rules strings.Builder
	rules.WriteString(head + "<style>")
	for i := 0; i < 3000; i++ {
		fmt.Fprintf(&rules, ".a.b%d{fill:red}", i)
	}
	rules.WriteString("</style>" + strings.Repeat(`<rect class="a" width="1" height="1"/>`, 2000) + "</svg>")
	var markers strings.Builder // each marker's content puts the one before at 100 vertices
	markers.WriteString(head + `<marker id="m0"><path d="M0 0h1"/></marker>`)
	pts := strings.Repeat("0,0 ", 100)
	for i := 1; i <= 5; i++ {
		fmt.Fprintf(&markers, `<marker id="m%d"><polyline points="%s" marker-mid="url(#m%d)"/></marker>`, i, pts, i-1)
	}
	markers.WriteString(`<polyline points="` + pts + `" stroke="black" marker-mid="url(#m5)"/></svg>`)
	descendants := head + "<style>.b " + strings.Repeat(".a > .a ", 10) + "rect{fill:red}</style>" +
		strings.Repeat(`<g class="a">`, 200) + `<rect width="1" height="1"/>` + strings.Repeat("</g>", 200) + "</svg>"
	tests := []struct {
		name, svg string
		want      string // in the error
		is        error
	}{
		{"billion laughs", laughs, "entity &lol9;", nil},
		{"external entity", `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>` + head + `<text>&xxe;</text></svg>`, "entity &xxe;", nil},
		{"external DTD", `<!DOCTYPE svg SYSTEM "http://example.com/evil.dtd">` + head + `<text>&ent;</text></svg>`, "entity &ent;", nil},
		{"deep nesting", head + deep + "</svg>", "more than 256 nested elements", ErrTooComplex},
		{"many elements", head + strings.Repeat("<g/>", maxElements) + "</svg>", "more than 200000 elements", ErrTooComplex},
		{"huge path", head + `<path d="M0 0` + strings.Repeat("h1", maxSegments) + `"/></svg>`, "more than 2000000 path segments", ErrTooComplex},
		{"path repeated by use", head + `<path id="p" d="M0 0` + strings.Repeat("h1", 100_000) + `"/>` + strings.Repeat(`<use href="#p"/>`, 20) + "</svg>", "more than 2000000 path segments", ErrTooComplex},
		{"use bomb", bomb.String(), "more than 200000 elements drawn", ErrTooComplex},
		{"use cycle", head + `<g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g></svg>`, "cycle", nil},
		{"use of itself", head + `<use id="u" href="#u"/></svg>`, "cycle", nil},
		{"use of an ancestor", head + `<g id="a"><rect width="1" height="1"/><use href="#a"/></g></svg>`, "cycle", nil},
		{"too much text", head + "<text>" + strings.Repeat("x", maxText+1) + "</text></svg>", "bytes of text", ErrTooComplex},
		{"text repeated by use", head + `<text id="t">` + strings.Repeat("x", 1000) + "</text>" + strings.Repeat(`<use href="#t"/>`, 1100) + "</svg>", "bytes of text, <use> expanded", ErrTooComplex},
		{"attributes reread by use", head + `<rect id="r" width="1" height="1" transform="` + strings.Repeat(" ", 1<<20) + `scale(1)"/>` + strings.Repeat(`<use href="#r"/>`, 300) + "</svg>", "bytes of attribute values", ErrTooComplex},
		{"CSS work", rules.String(), "CSS work", ErrTooComplex},
		{"descendant selectors backtracking", descendants, "CSS work", ErrTooComplex},
		{"marker bomb", markers.String(), "more than 200000 elements drawn", ErrTooComplex},
		{"overflow", head + `<g transform="scale(1e300)"><g transform="scale(1e300)"><rect width="1" height="1"/></g></g></svg>`, "overflow", ErrTooComplex},
		{"not XML", "<svg", "not well-formed", nil},
		{"empty", "", "no <svg>", ErrNotSVG},
		{"HTML", `<html><svg/></html>`, "root element is <html>", ErrNotSVG},
		{"other namespace", `<svg xmlns="http://example.com/"/>`, "root element", ErrNotSVG},
		{"no size", `<svg xmlns="http://www.w3.org/2000/svg" width="0"/>`, "must be positive", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			d, err := Read([]byte(tt.svg))
			if err == nil {
				t.Fatalf("no error; drawing: %s", dump(d)[:min(200, len(dump(d)))])
			}
			if !strings.Contains(err.Error(), tt.want) || (tt.is != nil && !errors.Is(err, tt.is)) {
				t.Errorf("error %q, want %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "root:") {
				t.Errorf("a file was read: %v", err)
			}
			if el := time.Since(start); el > 20*time.Second { // a sanity bound on a shared machine
				t.Errorf("took %v", el)
			}
		})
	}
}

// TestDoctypeUnused reads an image whose DOCTYPE declares entities it never uses, as old
// Illustrator files do: nothing is expanded, and the image reads.
func TestDoctypeUnused(t *testing.T) {
	d, err := Read([]byte(`<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [<!ENTITY a "b">]>` +
		head + `<text y="5">&amp;&lt;&#65;</text></svg>`))
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Root.Children[0].(*Text).Chunks[0].Spans[0].Text; got != "&<A" {
		t.Errorf("text %q", got)
	}
}

func TestSizes(t *testing.T) {
	tests := []struct {
		attrs string
		w, h  float64
	}{
		{`width="10" height="20"`, 10, 20},
		{`viewBox="0 0 40 30"`, 40, 30},
		{`width="80" viewBox="0 0 40 30"`, 80, 60},
		{`height="15" viewBox="0 0 40 30"`, 20, 15},
		{`width="50%" height="100%" viewBox="0 0 40 30"`, 20, 30},
		{`width="1in" height="72pt"`, 96, 96},
		{`width="2em" height="10mm"`, 32, 96 / 2.54},
		{``, 300, 150},
		{`width="auto" height="auto" viewBox="0 0 4 3"`, 4, 3},
	}
	for _, tt := range tests {
		d, err := Read([]byte(`<svg xmlns="http://www.w3.org/2000/svg" ` + tt.attrs + `/>`))
		if err != nil || math.Abs(d.Width-tt.w) > 1e-9 || math.Abs(d.Height-tt.h) > 1e-9 {
			t.Errorf("%s: %v", tt.attrs, err)
			if d != nil {
				t.Errorf("  %gx%g, want %gx%g", d.Width, d.Height, tt.w, tt.h)
			}
		}
	}
}

// FuzzRead checks that no input panics, and that every drawing read is finite and has a size.
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.svg")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Read(data)
		if err != nil {
			return
		}
		if !(d.Width > 0 && d.Height > 0) || !finite(d.Width, d.Height) {
			t.Fatalf("size %gx%g", d.Width, d.Height)
		}
		if text := dump(d); strings.Contains(text, "NaN") || strings.Contains(text, "Inf") {
			t.Fatalf("a number is not finite:\n%s", text)
		}
	})
}

// TestLinear reads inputs built to make a careless reader quadratic; each must end quickly.
func TestLinear(t *testing.T) {
	tests := map[string]string{
		"at-rules": head + "<style>" + strings.Repeat("@a;", 300_000) + "{}</style></svg>",
		"descendant selectors": head + "<style>.b " + strings.Repeat(".a ", 20) + "rect{fill:red}</style>" +
			strings.Repeat(`<g class="a">`, 200) + strings.Repeat(`<rect width="1" height="1"/>`, 1000) + strings.Repeat("</g>", 200) + "</svg>",
		"comments": head + "<style>" + strings.Repeat("/**/", 200_000) + "</style></svg>",
		"gradient chain": head + func() string {
			var b strings.Builder
			for i := 0; i < 20_000; i++ {
				fmt.Fprintf(&b, `<linearGradient id="g%d" href="#g%d"/>`, i, i+1)
			}
			return b.String() + strings.Repeat(`<rect width="1" height="1" fill="url(#g0)"/>`, 20_000)
		}() + "</svg>",
		"style values reread by use": head + `<rect id="r" width="1" height="1" fill="` + strings.Repeat(" ", 1<<20) + `red"/>` + strings.Repeat(`<use href="#r"/>`, 100) + "</svg>",
	}
	for name, svg := range tests {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			Read([]byte(svg))
			if el := time.Since(start); el > 10*time.Second {
				t.Errorf("took %v", el)
			}
		})
	}
}
