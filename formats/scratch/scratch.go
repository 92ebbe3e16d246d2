// Package scratch is a temporary file a large build keeps what it made in, piece by piece, each
// where it was put, to read back when it is wanted: the memory those pieces would hold is the
// file system's then. The file has no name once open, so nothing is left of it however the
// build ends.
package scratch

import (
	"fmt"
	"os"
	"sync"
	"sync/atomic"
)

// File is a scratch file, which any number of goroutines put pieces in and read them from.
type File struct {
	f    *os.File
	what string // what goes in it, for messages
	end  atomic.Int64
	mu   sync.Mutex
	err  error // the first write's
}

// Piece is what Put wrote: where it is, and in which file.
type Piece struct {
	f      *File
	off, n int64
}

// Len is the piece's length in bytes.
func (p Piece) Len() int64 { return p.n }

// Get reads the piece into buf, grown when it is too short, and returns it.
func (p Piece) Get(buf []byte) ([]byte, error) {
	if int64(cap(buf)) < p.n {
		buf = make([]byte, p.n)
	}
	b := buf[:p.n]
	if _, err := p.f.f.ReadAt(b, p.off); err != nil {
		return nil, fmt.Errorf("reading %s back from a temporary file: %w", p.f.what, err)
	}
	return b, nil
}

// New makes an empty scratch file for what (say, "the pages of a large PDF").
func New(what string) (*File, error) {
	f, err := os.CreateTemp("", "bookc-*.tmp")
	if err != nil {
		return nil, fmt.Errorf("cannot make a temporary file for %s: %w; set TMPDIR to a directory bookc may write to", what, err)
	}
	_ = os.Remove(f.Name()) // open, it stays until closed
	return &File{f: f, what: what}, nil
}

// Put writes b at a place of its own and gives it as a piece; the error, should the file take it
// not, is also kept for Err.
func (s *File) Put(b []byte) (Piece, error) {
	n := int64(len(b))
	off := s.end.Add(n) - n
	if _, err := s.f.WriteAt(b, off); err != nil {
		err = fmt.Errorf("writing %s to a temporary file: %w; set TMPDIR to a directory with room", s.what, err)
		s.mu.Lock()
		if s.err == nil {
			s.err = err
		}
		s.mu.Unlock()
		return Piece{}, err
	}
	return Piece{s, off, n}, nil
}

// Err is the first error of a Put.
func (s *File) Err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// Close lets go of the file, and of the room it took.
func (s *File) Close() error { return s.f.Close() }
