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

// TestPieces: the parts keep the large ones as they are, without a copy, and gather the small
// ones between them; joined, they are what was added, in order.
func TestPieces(t *testing.T) {
	large := bytes.Repeat([]byte("s"), LargePart)
	var p Pieces
	var want []byte
	for i, b := range [][]byte{[]byte("%PDF"), []byte("1 0 obj"), large, []byte("endobj"), large, large, bytes.Repeat([]byte("x"), 100<<10), []byte("end")} {
		if i == 1 {
			p.Copy(b)
		} else {
			p.Add(b)
		}
		want = append(want, b...)
	}
	parts := p.Done()
	if got := bytes.Join(parts, nil); !bytes.Equal(got, want) || p.Len() != len(want) {
		t.Fatalf("the parts join to %d bytes (counted %d), not the %d added", len(got), p.Len(), len(want))
	}
	kept := 0
	for _, part := range parts {
		if len(part) > 0 && &part[0] == &large[0] {
			kept++
		}
	}
	if kept != 3 {
		t.Errorf("%d parts are the large part itself, want 3 (the others copied)", kept)
	}
	if len(parts) != 7 { // "%PDF1 0 obj", large, "endobj", large, large, the 100 KB, "end"
		t.Errorf("%d parts, want 7: the small ones between large ones gathered", len(parts))
	}
}

// TestSpill: parts spilled go to a temporary file as they come, none kept; the file is what was
// added, in order, whether read whole, written out or read a piece at a time, and its length.
func TestSpill(t *testing.T) {
	s, err := NewSpill()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var p Pieces
	p.SpillTo(s)
	var want []byte
	for i, b := range [][]byte{[]byte("%PDF"), bytes.Repeat([]byte("s"), LargePart), bytes.Repeat([]byte("x"), 3<<20), []byte("end")} {
		if i%2 == 0 {
			p.Copy(b)
		} else {
			p.Add(b)
		}
		want = append(want, b...)
	}
	if p.parts != nil || p.block != nil {
		t.Error("spilled parts were kept")
	}
	var each []byte
	if err := p.Each(func(b []byte) { each = append(each, b...) }); err != nil || !bytes.Equal(each, want) {
		t.Errorf("Each gives %d bytes (%v), want the %d added", len(each), err, len(want))
	}
	f, err := p.File()
	if err != nil || f.Spill != s {
		t.Fatalf("the file is not the spill (%v)", err)
	}
	var out bytes.Buffer
	if _, err := f.WriteTo(&out); err != nil || !bytes.Equal(out.Bytes(), want) || !bytes.Equal(f.Bytes(), want) || f.Size() != len(want) {
		t.Errorf("the spilled file is %d bytes written, %d read, %d counted (%v), want the %d added", out.Len(), len(f.Bytes()), f.Size(), err, len(want))
	}
}
