package fonts

import (
	"bytes"
	"strings"
	"testing"
)

// TestFaces checks that All lists eight distinct TrueType faces, two families of four styles,
// and that License carries both families' licences and copyrights.
func TestFaces(t *testing.T) {
	all := All()
	if len(all) != 8 {
		t.Fatalf("%d faces, want 8", len(all))
	}
	seen := map[string]bool{}
	for i, f := range all {
		family := TextFamily
		if i >= 4 {
			family = MonoFamily
		}
		if f.Family != family || f.Bold != (i%2 == 1) || f.Italic != (i%4 >= 2) {
			t.Errorf("face %d is %+v", i, f.Name)
		}
		if seen[f.Name] || !bytes.HasPrefix(f.TTF, []byte{0, 1, 0, 0}) || !bytes.Contains(f.TTF[:1024], []byte("glyf")) {
			t.Errorf("%s: a name seen before, or no TrueType outlines", f.Name)
		}
		seen[f.Name] = true
	}
	for _, want := range []string{"Copyright 2015-2020 Google LLC", "Copyright 2020 The JetBrains Mono Project Authors",
		"SIL OPEN FONT LICENSE", "NotoSerif-BoldItalic.ttf", "JetBrainsMono-BoldItalic.ttf"} {
		if !strings.Contains(License(), want) {
			t.Errorf("License lacks %q", want)
		}
	}
	if strings.Count(License(), "SIL OPEN FONT LICENSE") != 2 {
		t.Error("License should hold the OFL once per family")
	}
}
