package formats

import (
	"bufio"
	"fmt"
	"io"
	"os"
)

// Spill is a file's bytes in a temporary file of the system's, written as they come rather than
// kept: a large PDF's, which in memory would be whole once more before it is written. The
// temporary file has no name once open, so nothing is left of it however the build ends.
type Spill struct {
	f   *os.File
	w   *bufio.Writer
	n   int64
	err error // the first write's, which every write after it returns
}

// NewSpill makes an empty spill.
func NewSpill() (*Spill, error) {
	f, err := os.CreateTemp("", "bookc-*.tmp")
	if err != nil {
		return nil, fmt.Errorf("cannot make a temporary file for a large artifact: %w; set TMPDIR to a directory bookc may write to", err)
	}
	_ = os.Remove(f.Name()) // open, it stays until closed
	return &Spill{f: f, w: bufio.NewWriterSize(f, 1<<20)}, nil
}

func (s *Spill) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.w.Write(p)
	s.n += int64(n)
	if err != nil {
		s.err = fmt.Errorf("writing a temporary file: %w; set TMPDIR to a directory with room", err)
	}
	return n, s.err
}

// Len is how many bytes it holds.
func (s *Spill) Len() int64 { return s.n }

// flush writes what is buffered to the file, and gives the first error there was.
func (s *Spill) flush() error {
	if s.err == nil {
		if err := s.w.Flush(); err != nil {
			s.err = fmt.Errorf("writing a temporary file: %w; set TMPDIR to a directory with room", err)
		}
	}
	return s.err
}

// WriteTo copies its bytes to w.
func (s *Spill) WriteTo(w io.Writer) (int64, error) {
	if err := s.flush(); err != nil {
		return 0, err
	}
	return io.Copy(w, io.NewSectionReader(s.f, 0, s.n))
}

// Each calls f with its bytes so far, in order, a piece at a time.
func (s *Spill) Each(f func([]byte)) error {
	if err := s.flush(); err != nil {
		return err
	}
	buf := make([]byte, 1<<20)
	for off := int64(0); off < s.n; {
		k, err := s.f.ReadAt(buf[:min(int64(len(buf)), s.n-off)], off)
		f(buf[:k])
		if off += int64(k); err != nil && off < s.n {
			return fmt.Errorf("reading a temporary file back: %w", err)
		}
	}
	return nil
}

// Close lets go of the temporary file.
func (s *Spill) Close() error { return s.f.Close() }
