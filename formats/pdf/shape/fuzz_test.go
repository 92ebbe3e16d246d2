package shape

import (
	"testing"

	"github.com/go-text/typesetting/language"
)

// FuzzShape sends any text through Itemise and Shape: no panic, runs that tile the text, source
// offsets that only grow, clusters inside their run, and in visual order (growing left to right,
// falling right to left).
func FuzzShape(f *testing.F) {
	for _, s := range []string{"office", "AV fi", "שלום hello עולם 123", "سلام", "कि", "สวัสดี",
		"Cafe\u0301", "a\u200D\uFE0Fb\U000E0100", "\u2067x\u2069", "(a[b)c]", "\xff\xfe", "e\u0301\u0327\u0308", ""} {
		f.Add(s, false)
		f.Add(s, true)
	}
	chain := NewChain([]*Face{testFace(f, "NotoSerif"), testFace(f, "NotoHebrew"), testFace(f, "NotoArabic"),
		testFace(f, "NotoDevanagari"), testFace(f, "NotoThai")}, nil)
	first := testFace(f, "NotoSerif")
	f.Fuzz(func(t *testing.T, text string, rtl bool) {
		base := Auto
		if rtl {
			base = BaseRTL
		}
		p := Itemise(text, base, chain)
		if slow := itemise(text, base, chain); runsOf(p) != runsOf(slow) || p.Level != slow.Level {
			t.Fatalf("%+q: fast path %s, general one %s", text, runsOf(p), runsOf(slow))
		}
		at, src := 0, 0
		for _, r := range p.Runs {
			if r.Start != at || r.End <= r.Start {
				t.Fatalf("run %d..%d after %d: runs must tile the text", r.Start, r.End, at)
			}
			if s := p.Source(r.Start); s < src || s > len(text) {
				t.Fatalf("Source(%d) = %d after %d, text of %d bytes", r.Start, s, src, len(text))
			}
			at, src = r.End, p.Source(r.Start)
			face := r.Face
			if face == nil {
				face = first // as layout will: .notdef boxes in the body face
			}
			run := p.Text[r.Start:r.End]
			params := Params{Face: face, Direction: r.Level.Direction(), Script: r.Script, Language: language.NewLanguage("en")}
			for _, gs := range [][]Glyph{Shape(run, params), shapeWords(cacheFor(params, 1000), run, params.Direction)} {
				for i, g := range gs {
					if g.Cluster < 0 || int(g.Cluster) >= len(run) {
						t.Fatalf("%+q: cluster %d outside the run's %d bytes", run, g.Cluster, len(run))
					}
					if i == 0 {
						continue
					}
					if prev := gs[i-1].Cluster; (params.Direction == LeftToRight && g.Cluster < prev) ||
						(params.Direction == RightToLeft && g.Cluster > prev) {
						t.Fatalf("%+q: clusters %d then %d, out of order for direction %d", run, prev, g.Cluster, params.Direction)
					}
				}
			}
		}
		if at != len(p.Text) {
			t.Fatalf("runs end at %d, text has %d bytes", at, len(p.Text))
		}
	})
}
