package scratch

import (
	"bytes"
	"fmt"
	"sync"
	"testing"
)

// TestScratch puts pieces from many goroutines at once and reads each back as it was put,
// into a buffer too short and into one long enough.
func TestScratch(t *testing.T) {
	s, err := New("test pieces")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	pieces := make([][]byte, 200)
	put := make([]Piece, len(pieces))
	var wg sync.WaitGroup
	for i := range pieces {
		pieces[i] = bytes.Repeat([]byte(fmt.Sprint(i)), i+1)
		wg.Go(func() {
			sp, err := s.Put(pieces[i])
			if err != nil {
				t.Error(err)
			}
			put[i] = sp
		})
	}
	wg.Wait()
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 0, 64)
	for i, p := range put {
		got, err := p.Get(buf)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, pieces[i]) {
			t.Fatalf("piece %d reads back as %q, want %q", i, got, pieces[i])
		}
		buf = got[:0]
	}
}

// TestClosed: a piece read from a closed file is an error that says what the file held.
func TestClosed(t *testing.T) {
	s, err := New("test pieces")
	if err != nil {
		t.Fatal(err)
	}
	sp, err := s.Put([]byte("piece"))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := sp.Get(nil); err == nil || !bytes.Contains([]byte(err.Error()), []byte("reading test pieces back")) {
		t.Errorf("read from a closed file: %v", err)
	}
	if _, err := s.Put([]byte("more")); err == nil || s.Err() == nil {
		t.Errorf("put in a closed file: %v, kept %v", err, s.Err())
	}
}
