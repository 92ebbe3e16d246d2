package codestyle

import (
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/styles"
)

// TestSameAsChroma checks that the copy styles every token type as chroma's own tango does.
func TestSameAsChroma(t *testing.T) {
	ours, theirs := Get(), styles.Get("tango")
	if theirs.Name != "tango" {
		t.Fatalf("chroma has no tango style: got %q", theirs.Name)
	}
	for tt := range chroma.StandardTypes {
		if got, want := ours.Get(tt), theirs.Get(tt); got != want {
			t.Errorf("%s: %v, chroma's tango says %v", tt, got, want)
		}
	}
}
