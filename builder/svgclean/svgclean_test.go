package svgclean

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"bookc/builder/golden"
)

// doc is an SVG around body, with the namespaces real files declare.
func doc(body string) string {
	return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">` + body + `</svg>`
}

const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE svg [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<svg xmlns="http://www.w3.org/2000/svg"><text>&lol3;</text></svg>`

// hostile are constructs Clean removes, each with what it must report and leave.
var hostile = []struct {
	name, in string
	removed  []string // each must be reported
	gone     []string // none may be in the output
	kept     []string // each must be in the output
}{
	{"doctype with unused external entity", `<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>` + doc(`<rect width="1" height="1"/>`),
		[]string{"DOCTYPE", "entity declarations"}, []string{"ENTITY", "passwd"}, []string{`<rect width="1" height="1"/>`}},
	{"parameter entity", `<!DOCTYPE svg [<!ENTITY % p SYSTEM "http://evil.example/x.dtd"> %p;]>` + doc(``),
		[]string{"DOCTYPE"}, []string{"evil"}, nil},
	{"graphviz doctype", `<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">` + doc(``),
		[]string{"DOCTYPE"}, []string{"DOCTYPE", "svg11.dtd"}, nil},
	{"stylesheet processing instruction", `<?xml-stylesheet href="http://evil.example/x.css"?>` + doc(``),
		[]string{"processing instruction xml-stylesheet"}, []string{"evil", "<?"}, nil},
	{"script", doc(`<script>alert(1)</script><rect width="1" height="1"/>`),
		[]string{"script"}, []string{"script", "alert"}, []string{`<rect width="1" height="1"/>`}},
	{"script in CDATA", doc(`<script type="text/ecmascript"><![CDATA[alert("<x>")]]></script>`),
		[]string{"script"}, []string{"script", "alert"}, nil},
	{"XHTML script", doc(`<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>`),
		[]string{"script"}, []string{"script", "alert"}, nil},
	{"onload", `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect onclick="x()" OnMouseOver="y()" width="1" height="1"/></svg>`,
		[]string{"event attribute onload", "event attribute onclick", "event attribute OnMouseOver"}, []string{"alert", "x()", "y()"}, []string{`<rect width="1" height="1"/>`}},
	{"javascript href", doc(`<a xlink:href="javascript:alert(1)"><rect width="1" height="1"/></a>`),
		[]string{"external reference javascript:alert(1)"}, []string{"javascript", "<a"}, []string{`<g><rect width="1" height="1"/></g>`}},
	{"fragment link", doc(`<a href="#r" target="_top" xlink:title="r"><rect id="r" width="1" height="1"/></a>`),
		nil, []string{"<a", "href", "target", "title"}, []string{`<g><rect id="r" width="1" height="1"/></g>`}},
	{"link in text", doc(`<text>a <a href="http://x.example/">b</a></text>`),
		[]string{"external reference http://x.example/"}, []string{"x.example"}, []string{"<text>a <tspan>b</tspan></text>"}},
	{"href on the root", `<svg xmlns="http://www.w3.org/2000/svg" href="http://evil.example/"><rect width="1" height="1"/></svg>`,
		[]string{"external reference http://evil.example/"}, []string{"evil"}, []string{`<rect width="1" height="1"/>`}},
	{"external image", doc(`<image href="http://evil.example/track.png" width="1" height="1"/><rect width="1" height="1"/>`),
		[]string{"external reference http://evil.example/track.png"}, []string{"image", "evil"}, []string{`<rect width="1" height="1"/>`}},
	{"image file", doc(`<image xlink:href="file:///etc/passwd"/>`),
		[]string{"external reference file:///etc/passwd"}, []string{"image", "passwd"}, nil},
	{"SVG data image", doc(`<image xlink:href="data:image/svg+xml;base64,PHN2Zy8+"/>`),
		[]string{"external reference data:image/svg+xml;base64,PHN2Zy8+"}, []string{"image", "data:"}, nil},
	{"PNG data image", doc(`<image xlink:href="data:image/png;base64,iVBORw0K` + "\n" + `GgoAAAANSU=" width="1" height="1"/>`),
		nil, nil, []string{`<image xlink:href="data:image/png;base64,iVBORw0K` + "\n" + `GgoAAAANSU=" width="1" height="1"/>`}},
	{"quoted fragment urls, which epubcheck misreads", doc(`<linearGradient id="g"><stop offset="0"/></linearGradient><circle r="1" fill="url('#g')" style="stroke:url( &quot;#g&quot; )"/><style>rect{fill:url("#g")}</style>`),
		nil, []string{`url('#g')`, `url( "#g" )`, `url("#g")`}, []string{`fill="url(#g)"`, `style="stroke:url(#g)"`, `rect{fill:url(#g)}`}},
	{"mermaid's role and a rect sized by CSS", `<svg xmlns="http://www.w3.org/2000/svg" role="graphics-document document"><style>rect{width:4px;height:2px}</style><rect x="1"/><circle/></svg>`,
		nil, []string{"role=", `<rect x="1"/>`}, []string{`<rect x="1" width="0" height="0"/>`, `<circle r="0"/>`, `rect{width:4px;height:2px}`}},
	{"an href in other letter case", `<svg xmlns="http://www.w3.org/2000/svg" hrEf="http://evil.example/"><use HREF="#r"/><rect id="r" width="1" height="1"/></svg>`,
		[]string{"attribute hrEf", "attribute HREF"}, []string{"evil", "hrEf", "HREF"}, []string{`<rect id="r" width="1" height="1"/>`}},
	{"use of another file", doc(`<rect id="x" width="1" height="1"/><use href="other.svg#x"/><use xlink:href="#x"/>`),
		[]string{"external reference other.svg#x"}, []string{"other.svg"}, []string{`<use xlink:href="#x"/>`}},
	{"gradient from another file", doc(`<linearGradient id="g" xlink:href="http://evil.example/g.svg#g"/>`),
		[]string{"external reference http://evil.example/g.svg#g"}, []string{"evil"}, []string{`<linearGradient id="g"/>`}},
	{"foreignObject", doc(`<foreignObject width="9" height="9"><div xmlns="http://www.w3.org/1999/xhtml">hi<br/></div></foreignObject><rect width="1" height="1"/>`),
		[]string{"foreignObject"}, []string{"foreignObject", "div", "hi", "xhtml"}, []string{`<rect width="1" height="1"/>`}},
	{"foreignObject in switch", doc(`<switch><foreignObject requiredFeatures="http://www.w3.org/TR/SVG11/feature#Extensibility"><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject><text>fallback</text></switch>`),
		[]string{"foreignObject (its <switch> shows the fallback)"}, []string{"foreignObject", "hi"}, []string{"<switch><text>fallback</text></switch>"}},
	{"@import", doc(`<style>@import url(http://evil.example/a.css); @import "b.css";circle{fill:red}</style>`),
		[]string{"@import"}, []string{"evil", "b.css"}, []string{"<style>circle{fill:red}</style>"}},
	{"url() in style element", doc(`<style>a{fill:url(#g)}b{fill:url( 'http://evil.example/p.svg#g' )}</style>`),
		[]string{"external reference url( 'http://evil.example/p.svg#g' )"}, []string{"evil"}, []string{"<style>a{fill:url(#g)}</style>"}},
	{"style element left empty", doc(`<style>@font-face{src:url(http://evil.example/f.woff)}</style><rect width="1" height="1"/>`),
		[]string{"external reference url(http://evil.example/f.woff)"}, []string{"style", "evil"}, []string{`<rect width="1" height="1"/>`}},
	{"url() in style attribute", doc(`<rect style="fill:url(http://evil.example/p.svg#g);stroke:red" width="1" height="1"/>`),
		[]string{"external reference url(http://evil.example/p.svg#g)"}, []string{"evil"}, []string{`<rect style="stroke:red" width="1" height="1"/>`}},
	{"url() in presentation attribute", doc(`<linearGradient id="g"/><rect fill="URL(http://evil.example/p.svg#g)" stroke="url(#g)" width="1" height="1"/>`),
		[]string{"external reference URL(http://evil.example/p.svg#g)"}, []string{"evil"}, []string{`<rect stroke="url(#g)" width="1" height="1"/>`}},
	{"CSS escape", doc(`<rect style="fill:u\72l(http://evil.example/x)" width="1" height="1"/>`),
		[]string{"CSS escape"}, []string{"evil", "style"}, []string{`<rect width="1" height="1"/>`}},
	{"image-set", doc(`<style>.c{background:image-set("http://evil.example/x.png" 1x)}</style>`),
		[]string{"CSS image-set()"}, []string{"evil"}, nil},
	{"animated href", doc(`<rect id="x" width="1" height="1"/><a href="#x"><set attributeName="href" to="javascript:alert(1)"/></a><use xlink:href="#x"><animate attributeName="xlink:href" values="http://evil.example/#a"/></use>`),
		[]string{"animation of href", "animation of xlink:href"}, []string{"javascript", "evil", "<set", "<animate"}, []string{`<use xlink:href="#x"/>`}},
	{"XInclude", doc(`<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd" parse="text"/>`),
		[]string{"element xi:include"}, []string{"include", "passwd"}, nil},
	{"xml:base", doc(`<g xml:base="http://evil.example/" xml:space="preserve"/>`),
		[]string{"attribute xml:base"}, []string{"evil"}, []string{`<g xml:space="preserve"/>`}},
	{"draw.io content", `<svg xmlns="http://www.w3.org/2000/svg" content="&lt;mxfile&gt;"/>`,
		[]string{"attribute content"}, []string{"mxfile"}, []string{`<svg xmlns="http://www.w3.org/2000/svg"/>`}},
	{"unknown namespace", doc(`<rect i:x="1" xmlns:i="http://ns.adobe.com/AdobeIllustrator/10.0/" width="1" height="1"/>`),
		[]string{"attribute i:x"}, []string{"adobe"}, []string{`<rect width="1" height="1"/>`}},
}

func TestHostile(t *testing.T) {
	for _, tc := range hostile {
		t.Run(tc.name, func(t *testing.T) {
			out, removed, err := Clean([]byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range tc.removed {
				if !slices.Contains(removed, r) {
					t.Errorf("removals %q lack %q", removed, r)
				}
			}
			for _, s := range tc.gone {
				if bytes.Contains(out, []byte(s)) {
					t.Errorf("output has %q:\n%s", s, out)
				}
			}
			for _, s := range tc.kept {
				if !bytes.Contains(out, []byte(s)) {
					t.Errorf("output lacks %q:\n%s", s, out)
				}
			}
			if len(tc.removed) == 0 && len(removed) > 0 {
				t.Errorf("removed %q, want nothing", removed)
			}
		})
	}
}

func TestRefused(t *testing.T) {
	deep := strings.Repeat("<g>", 300) + strings.Repeat("</g>", 300)
	many := strings.Repeat("<g/>", MaxElements)
	for _, tc := range []struct{ name, in, err string }{
		{"billion laughs", billionLaughs, "line 8: entity &lol3; is not one of XML's five"},
		{"external entity", `<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>` + doc(`<text>&x;</text>`), "entity &x; is not one of XML's five"},
		{"not an SVG", `<html xmlns="http://www.w3.org/1999/xhtml"/>`, "line 1: not an SVG: the root element is <html>"},
		{"SVG in another namespace", `<svg xmlns="http://example.com/"/>`, "not an SVG"},
		{"empty", ``, "not an SVG: no root element"},
		{"unclosed", doc(`<g>`)[:len(doc(`<g>`))-len("</svg>")], "<g> is not closed"},
		{"mismatched", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<g></svg>", "line 2: </svg> closes <g>"},
		{"undeclared prefix", doc(`<x:rect/>`), "prefix x of x:rect is not declared"},
		{"attribute twice", doc(`<rect a="1" a="2"/>`), "attribute a given twice"},
		{"attribute twice by two prefixes", doc(`<rect xmlns:l="http://www.w3.org/1999/xlink" l:href="#a" xlink:href="#b"/>`), "given twice"},
		{"second root", doc(``) + `<svg/>`, "<svg> after the root element"},
		{"text outside", doc(``) + `x`, "text outside the root element"},
		{"Shift_JIS", `<?xml version="1.0" encoding="Shift_JIS"?><svg/>`, `encoding "Shift_JIS"`},
		{"too deep", doc(deep), "elements nested more than 256 deep"},
		{"too many", doc(many), "more than 200000 elements"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Clean([]byte(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Fatalf("error %v, want one saying %q", err, tc.err)
			}
		})
	}
}

// A clean SVG comes out as it went in, byte for byte.
func TestCleanUnchanged(t *testing.T) {
	in := doc(`<defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs>` +
		`<rect id="r" width="10" height="10" fill="url(#g)" style="stroke:red;stroke-width:2"/>` +
		"\n<use xlink:href=\"#r\" transform=\"translate(1 2)\"/><text x=\"1\" y=\"2\" xml:space=\"preserve\">a &amp; b &lt; c &gt; d \"q\"</text>" +
		`<style>rect{fill:url(#g)}</style><image width="1" height="1" xlink:href="data:image/gif;base64,R0lGODlhAQABAAAAACw="/>`)
	out, removed, err := Clean([]byte(in))
	if err != nil || len(removed) > 0 || string(out) != in {
		t.Fatalf("Clean = %v, %q; want the input unchanged:\n%s\n%s", err, removed, out, in)
	}
}

// testdata holds SVGs as Inkscape, draw.io and Graphviz write them, and a hostile one.
func inputs(t testing.TB) []string {
	paths, err := filepath.Glob("testdata/*.svg")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no testdata/*.svg: %v", err)
	}
	return paths
}

func TestGolden(t *testing.T) {
	want := map[string][]string{
		"inkscape": nil,
		"drawio":   {"DOCTYPE", "attribute content", "foreignObject (its <switch> shows the fallback)", "external reference https://www.drawio.com/doc/faq/svg-export-text-p…"},
		"graphviz": {"DOCTYPE", "external reference https://example.com/metroctl"},
		"hostile": {"processing instruction xml-stylesheet", "DOCTYPE", "entity declarations", "event attribute onload",
			"attribute xml:base", "script", "@import", "external reference url(http://evil.example/p.svg#g)", "CSS image-set()",
			"CSS escape", "external reference http://evil.example/g.svg#g", "event attribute onclick", "event attribute onMouseOver",
			"external reference url('https://evil.example/s.svg#s')", "external reference http://evil.example/track.png",
			"external reference file:///etc/passwd", "external reference data:image/svg+xml;base64,PHN2Zy8+",
			"external reference other.svg#x", "external reference javascript:alert(3)", "animation of href", "foreignObject",
			"element xi:include", "external reference http://evil.example/"},
	}
	for _, path := range inputs(t) {
		name := strings.TrimSuffix(filepath.Base(path), ".svg")
		t.Run(name, func(t *testing.T) {
			in, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			out, removed, err := Clean(in)
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, name+".golden", out)
			if w, ok := want[name]; ok && !slices.Equal(removed, w) {
				t.Errorf("removed %q, want %q", removed, w)
			}
			again, removed, err := Clean(out)
			if err != nil || len(removed) > 0 || !bytes.Equal(again, out) {
				t.Errorf("cleaning again: %v, removed %q, same %v", err, removed, bytes.Equal(again, out))
			}
		})
	}
}

// TestEncodings checks that the encodings tools declare besides UTF-8 are read, and come out UTF-8:
// PlantUML writes us-ascii, old editors ISO-8859-1.
func TestEncodings(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`<?xml version="1.0" encoding="us-ascii"?>` + doc(`<text>plain</text>`), "<text>plain</text>"},
		{`<?xml version="1.0" encoding="ISO-8859-1"?>` + doc("<text>caf\xe9</text>"), "<text>café</text>"},
	} {
		out, _, err := Clean([]byte(tt.in))
		if err != nil || !bytes.Contains(out, []byte(tt.want)) {
			t.Errorf("Clean(%q) = %q, %v; want it with %q", tt.in, out, err, tt.want)
		}
	}
}
