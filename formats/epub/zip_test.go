package epub

import (
	"bytes"
	"math/rand/v2"
	"testing"
	"time"
)

// TestPackParts checks that the archive in parts reads back whole, and that large entries' bodies
// are parts of it as they are, not copies, while small ones and the headers are copied (zip's
// buffer is written again after it passes them on).
func TestPackParts(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	noise := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		return b
	}
	big, small, image := noise(100_000), []byte("<p>small</p>"), noise(9_000)
	// A body with room after it: a header written after it must not go there.
	roomy := append(make([]byte, 0, 20_000), noise(5_000)...)
	files := []packed{
		{path: "EPUB/a.xhtml", data: big},
		{path: "EPUB/b.xhtml", data: small},
		{path: "EPUB/c.png", data: image, stored: true},
		{path: "EPUB/d.png", data: roomy, stored: true},
		{path: "EPUB/e.xhtml", data: small},
	}
	parts, err := pack(time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC), []byte("<package/>"), files, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, got := entries(t, bytes.Join(parts, nil))
	for _, f := range files {
		if got[f.path] != string(f.data) {
			t.Errorf("%s: %d bytes read back, want %d", f.path, len(got[f.path]), len(f.data))
		}
	}
	if spare := roomy[len(roomy):cap(roomy)]; !bytes.Equal(spare, make([]byte, len(spare))) {
		t.Error("the archive wrote into the room after a body it holds as it is")
	}
	shares := func(b []byte) bool {
		for _, p := range parts {
			if len(p) > 0 && &p[0] == &b[0] {
				return true
			}
		}
		return false
	}
	for _, tc := range []struct {
		name  string
		body  []byte
		alias bool
	}{
		{"a stored image", image, true},
		{"a stored image with room after it", roomy, true},
		{"a small chapter", small, false},
	} {
		if shares(tc.body) != tc.alias {
			t.Errorf("%s: a part as it is: %v, want %v", tc.name, !tc.alias, tc.alias)
		}
	}
}
