package draw

import (
	"fmt"
	"os"
	"sync"
	"sync/atomic"
)

// spillPages is the page count from which a PDF is assembled in a temporary file rather than in
// memory, its pages' contents written to another as soon as they are compressed: a book of tens
// of thousands of pages has hundreds of megabytes of them, which would all be in memory at once,
// twice while the file is assembled.
var spillPages = 4000

// scratch is a temporary file the pages' compressed contents go to as every worker compresses
// them, each at a place of its own.
type scratch struct {
	f    *os.File
	end  atomic.Int64
	mu   sync.Mutex
	err  error // the first write's
	read []byte
}

// span is where a page's content is in the scratch file.
type span struct{ off, n int64 }

// spilled is a stream in a scratch file.
type spilled struct {
	from *scratch
	at   span
}

func newScratch() (*scratch, error) {
	f, err := os.CreateTemp("", "bookc-pages-*.tmp")
	if err != nil {
		return nil, fmt.Errorf("cannot make a temporary file for the pages of a large PDF: %w; set TMPDIR to a directory bookc may write to", err)
	}
	_ = os.Remove(f.Name()) // open, it stays until closed
	return &scratch{f: f}, nil
}

// put writes b to the scratch file and says where.
func (s *scratch) put(b []byte) span {
	n := int64(len(b))
	off := s.end.Add(n) - n
	if _, err := s.f.WriteAt(b, off); err != nil {
		s.mu.Lock()
		if s.err == nil {
			s.err = fmt.Errorf("writing the pages of a large PDF to a temporary file: %w; set TMPDIR to a directory with room", err)
		}
		s.mu.Unlock()
	}
	return span{off, n}
}

// get reads what put wrote at sp, into a buffer get uses again next time.
func (s *scratch) get(sp span) ([]byte, error) {
	if int64(cap(s.read)) < sp.n {
		s.read = make([]byte, sp.n)
	}
	b := s.read[:sp.n]
	if _, err := s.f.ReadAt(b, sp.off); err != nil {
		return nil, fmt.Errorf("reading the pages of a large PDF back from a temporary file: %w", err)
	}
	return b, nil
}

// pageContents are the pages' compressed contents, in page order: in memory, or where they are in
// a scratch file.
type pageContents struct {
	data  [][]byte
	spans []span
	from  *scratch
}

func (c pageContents) count() int { return max(len(c.data), len(c.spans)) }

// object is the i-th page's content as an object to append.
func (c pageContents) object(i int) appended {
	if c.from != nil {
		return appended{dict: fmt.Appendf(nil, "<</Filter /FlateDecode /Length %d>>", c.spans[i].n), spilled: &spilled{c.from, c.spans[i]}}
	}
	return appended{dict: fmt.Appendf(nil, "<</Filter /FlateDecode /Length %d>>", len(c.data[i])), stream: c.data[i]}
}
