// Package memo remembers what a function of bytes made of each input, so that the editions of one
// book, which share most of their pages and chapters byte for byte, compress and encode each only
// once.
package memo

import (
	"hash/maphash"

	"bookc/builder/once"
)

// Of is a memo of one pure function of bytes, such as a compressor: an input it has seen gives
// the output made then. Inputs are known by two independent 64-bit hashes and their length, so a
// memo keeps no copy of them; two inputs that differ agree on all three with a chance far below
// that of a memory fault. Safe for concurrent use; a nil *Of remembers nothing.
type Of[V any] struct {
	prints Printer
	made   *once.Table[Print, V]
}

// Bytes is a memo of a function from bytes to bytes.
type Bytes = Of[[]byte]

// Print is what a memo knows an input by: two independent 64-bit hashes and the length.
type Print struct {
	h [2]uint64
	n int
}

// Printer takes prints with seeds of its own: prints of one Printer compare, others' do not.
type Printer struct{ seeds [2]maphash.Seed }

// NewPrinter returns a Printer with new seeds.
func NewPrinter() Printer { return Printer{[2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}} }

// Of is the print of in.
func (p Printer) Of(in []byte) Print {
	return Print{[2]uint64{maphash.Bytes(p.seeds[0], in), maphash.Bytes(p.seeds[1], in)}, len(in)}
}

// New returns an empty memo of bytes.
func New() *Bytes { return NewOf[[]byte]() }

// NewOf returns an empty memo.
func NewOf[V any]() *Of[V] { return &Of[V]{prints: NewPrinter(), made: once.NewTable[Print, V]()} }

// Do returns f(in): the output made before for the same input, or f's, which it keeps. A caller
// whose input another is making waits for it rather than make it again: editions rendered
// together come to the same pages at about the same time. f must be the same function at every
// call on one memo, depend on its input only, and not panic. The output is shared between
// callers: read it, never change it.
func (m *Of[V]) Do(in []byte, f func([]byte) V) V {
	if m == nil {
		return f(in)
	}
	e, mine := m.made.Claim(m.prints.Of(in))
	if mine {
		e.Set(f(in))
	}
	return e.Wait()
}

// Renew returns the memo for the next build of the same book: the outputs this build asked for
// (see once.Table.Renew). A nil memo renews as nil.
func (m *Of[V]) Renew() *Of[V] {
	if m == nil {
		return nil
	}
	return &Of[V]{prints: m.prints, made: m.made.Renew()}
}
