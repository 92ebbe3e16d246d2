package shape

import (
	"os"
	"sync"
	"testing"
)

// testFonts are the fonts the tests use, with the Debian package that installs each (.ci/run
// installs them). A missing one fails the test: a skipped shaping test proves nothing.
var testFonts = map[string]struct{ path, pkg string }{
	"NotoSerif":      {"/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf", "fonts-noto-core"},
	"NotoSans":       {"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", "fonts-noto-core"},
	"NotoArabic":     {"/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf", "fonts-noto-core"},
	"NotoDevanagari": {"/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf", "fonts-noto-core"},
	"NotoThai":       {"/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf", "fonts-noto-core"},
	"NotoHebrew":     {"/usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf", "fonts-noto-core"},
	"DejaVuSerif":    {"/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", "fonts-dejavu-core"},
}

var loaded sync.Map // name -> *Face: faces are safe to share, and loading is the slow part

func testFace(tb testing.TB, name string) *Face {
	tb.Helper()
	if f, ok := loaded.Load(name); ok {
		return f.(*Face)
	}
	tf, ok := testFonts[name]
	if !ok {
		tb.Fatalf("no test font %q", name)
	}
	data, err := os.ReadFile(tf.path)
	if err != nil {
		tb.Fatalf("%v: install Debian's %s (apt-get install %s)", err, tf.pkg, tf.pkg)
	}
	f, err := LoadFace(data, 0)
	if err != nil {
		tb.Fatalf("%s: %v", tf.path, err)
	}
	loaded.Store(name, f)
	return f
}

func ids(gs []Glyph) []uint16 {
	out := make([]uint16, len(gs))
	for i, g := range gs {
		out[i] = g.ID
	}
	return out
}
