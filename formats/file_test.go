package formats

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestFile(t *testing.T) {
	big := strings.Repeat("x", 100<<10) // more than a write gathers
	for _, c := range []struct {
		name string
		f    File
		want string
	}{
		{"whole", File{Data: []byte("abc")}, "abc"},
		{"empty", File{}, ""},
		{"in parts", File{Parts: [][]byte{[]byte("ab"), nil, []byte("c")}}, "abc"},
		{"large parts", File{Parts: [][]byte{[]byte("<"), []byte(big), []byte(">")}}, "<" + big + ">"},
	} {
		if got := string(c.f.Bytes()); got != c.want {
			t.Errorf("%s: Bytes = %.20q, want %.20q", c.name, got, c.want)
		}
		if got := c.f.Size(); got != len(c.want) {
			t.Errorf("%s: Size = %d, want %d", c.name, got, len(c.want))
		}
		var w bytes.Buffer
		if n, err := c.f.WriteTo(&w); err != nil || n != int64(len(c.want)) || w.String() != c.want {
			t.Errorf("%s: WriteTo wrote %d bytes (%v), %.20q; want %.20q", c.name, n, err, w.String(), c.want)
		}
	}
}

// failing takes so many bytes, then fails.
type failing struct{ left int }

func (f *failing) Write(p []byte) (int, error) {
	if len(p) > f.left {
		n := f.left
		f.left = 0
		return n, errors.New("disk full")
	}
	f.left -= len(p)
	return len(p), nil
}

// TestFileWriteFails: WriteTo reports the writer's error, of a part or of the last gathered writes.
func TestFileWriteFails(t *testing.T) {
	for _, f := range []File{
		{Data: []byte("abcdef")},
		{Parts: [][]byte{[]byte("abc"), []byte("def")}},
		{Parts: [][]byte{[]byte(strings.Repeat("x", 200<<10))}},
	} {
		if _, err := f.WriteTo(&failing{left: 4}); err == nil {
			t.Errorf("a file of %d bytes written to a writer that takes 4: no error", f.Size())
		}
	}
}
