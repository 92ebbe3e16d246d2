// Package formats is the registry of output backends. A backend turns one edition's resolved document
// tree into files; the CLI builds every registered backend, so a new format is one new package that
// calls Register from its init function.
package formats

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"sort"
	"sync"

	"bookc/builder/diag"
	"bookc/builder/tree"
)

// Backend renders an edition. Render must be a pure function of the book: no clock, no environment,
// no file system, no shared mutable state but what a Sharing backend shares, which never changes a
// result, so that editions render concurrently and reproducibly.
type Backend interface {
	Name() string // "pdf", "epub", "man": the CLI's subcommand
	Render(b *tree.Book) (*Output, error)
}

// Sharing is a backend that can share work between the editions of one book, such as the PDF's
// typeset paragraphs: ForBook returns the backend to render them with, which keeps what they have
// in common until it is dropped (and a backend ForBook made returns itself). Renew returns the
// backend for the next build of the same book, as 'bookc watch' rebuilds it after an edit: it
// keeps what the last build used (the paragraphs and pages an edit leaves as they were) and
// forgets the rest, so that a long session holds no more than one build's worth. What it shares
// never changes an artifact, only its cost.
type Sharing interface {
	Backend
	ForBook() Backend
	Renew() Backend
}

// ForBook returns the backend to render the editions of one book with: b's ForBook where b
// shares work between editions, else b.
func ForBook(b Backend) Backend {
	if s, ok := b.(Sharing); ok {
		return s.ForBook()
	}
	return b
}

// Renew returns the backend for the next build of the book b rendered: b's Renew where it shares
// work, else b itself.
func Renew(b Backend) Backend {
	if s, ok := b.(Sharing); ok {
		return s.Renew()
	}
	return b
}

// Colouring is a backend that colours code by its tokens (tree.CodeBlock.Tokens), which the
// builder lexes only when a build has such a backend.
type Colouring interface {
	Backend
	ColoursCode()
}

// ColoursCode reports whether some backend colours code, so that the builder must lex it.
func ColoursCode(bs []Backend) bool {
	for _, b := range bs {
		if _, ok := b.(Colouring); ok {
			return true
		}
	}
	return false
}

// Warming is a backend with work that no book changes (loading its fonts), which it can start
// before the book is loaded, on the cores the load leaves idle, instead of at its first render.
type Warming interface {
	Backend
	Warm()
}

// Warm starts, in the background, the work of the backends that no book changes.
func Warm(bs []Backend) {
	for _, b := range bs {
		if w, ok := b.(Warming); ok {
			w.Warm()
		}
	}
}

// Output is what a backend made of one edition.
type Output struct {
	Files       []File
	Diagnostics diag.List // problems found while rendering (an image it cannot show, ...)
}

// File is one artifact. Name is a relative, slash-separated path under the output directory,
// unique across editions (backends derive it from tree.Book.Slug). Its bytes are Data or, from
// a backend that has a large file in pieces (a PDF's page streams, fonts and images), Parts one
// after the other: joined, they would be the whole file in memory once more.
type File struct {
	Name  string
	Data  []byte
	Parts [][]byte // when not nil, the file, and Data is nil
	Spill *Spill   // when not nil, the file, and Data and Parts are nil: a large one, not in memory
	Pages int      // printed pages, for the build summary; 0 where pages mean nothing
}

// Bytes gives the file's bytes, joined when it is in parts, read when it is spilled.
func (f File) Bytes() []byte {
	if f.Spill != nil {
		var b bytes.Buffer
		if _, err := f.Spill.WriteTo(&b); err != nil {
			panic(err) // a temporary file of the system's that cannot be read back
		}
		return b.Bytes()
	}
	if f.Parts == nil {
		return f.Data
	}
	return bytes.Join(f.Parts, nil)
}

// Size is the file's length in bytes.
func (f File) Size() int {
	if f.Spill != nil {
		return int(f.Spill.Len())
	}
	n := len(f.Data)
	for _, p := range f.Parts {
		n += len(p)
	}
	return n
}

// WriteTo writes the file to w, its parts gathered into writes of a useful size.
func (f File) WriteTo(w io.Writer) (int64, error) {
	if f.Spill != nil {
		return f.Spill.WriteTo(w)
	}
	if f.Parts == nil {
		n, err := w.Write(f.Data)
		return int64(n), err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	var n int64
	for _, p := range f.Parts {
		k, err := bw.Write(p)
		if n += int64(k); err != nil {
			return n, err
		}
	}
	return n, bw.Flush()
}

var (
	mu       sync.Mutex
	backends = map[string]Backend{}
)

// Register adds a backend. It panics on a duplicate name: that is a programming error.
func Register(b Backend) {
	mu.Lock()
	defer mu.Unlock()
	if _, dup := backends[b.Name()]; dup {
		panic(fmt.Sprintf("formats: backend %q registered twice", b.Name()))
	}
	backends[b.Name()] = b
}

// Lookup returns the backend with the given name, or nil.
func Lookup(name string) Backend {
	mu.Lock()
	defer mu.Unlock()
	return backends[name]
}

// All returns every registered backend, ordered by name.
func All() []Backend {
	mu.Lock()
	defer mu.Unlock()
	out := make([]Backend, 0, len(backends))
	for _, b := range backends {
		out = append(out, b)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out
}
