package svg

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bookc/builder/golden"
)

// TestGolden reads each testdata/*.svg and compares its dump with testdata/*.golden.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.svg")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".svg")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			d, err := Read(data)
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, name+".golden", []byte(dump(d)))
		})
	}
}

// TestEncodings reads images in the encodings that tools declare besides UTF-8.
func TestEncodings(t *testing.T) {
	for _, tt := range []struct{ enc, text, want string }{
		{"us-ascii", "Client", "Client"},
		{"ISO-8859-1", "caf\xe9", "café"},
	} {
		d, err := Read([]byte(`<?xml version="1.0" encoding="` + tt.enc + `"?><svg xmlns="http://www.w3.org/2000/svg"><text>` + tt.text + `</text></svg>`))
		if err != nil {
			t.Fatalf("%s: %v", tt.enc, err)
		}
		if got := d.Root.Children[0].(*Text).Chunks[0].Spans[0].Text; got != tt.want {
			t.Errorf("%s: %q, want %q", tt.enc, got, tt.want)
		}
	}
	if _, err := Read([]byte(`<?xml version="1.0" encoding="EBCDIC"?><svg/>`)); err == nil || !strings.Contains(err.Error(), "UTF-8") {
		t.Errorf("EBCDIC: %v", err)
	}
}
