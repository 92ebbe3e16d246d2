// Package once holds values made once each, by key: the first caller to ask for a key makes its
// value, and the others wait for it. The builder's image checks and the backends' compressed
// streams, prepared images and set blocks are such tables; a watch session renews them between
// builds.
package once

import "sync"

// Table holds values made once each, by key, for the builds of one book: the first caller to
// claim a key makes its value, and the others that claim it wait for that value instead of
// making it again. Renew carries a table over to the next build of the book ('bookc watch'),
// with what the last build used and nothing else, so that a long session's memory stays that of
// one build. Safe for concurrent use.
type Table[K comparable, V any] struct {
	mu   sync.Mutex
	made map[K]*Entry[V]
}

// Entry is a value made, or being made.
type Entry[V any] struct {
	done chan struct{}
	v    V
	used bool // claimed since the table was made or renewed: guarded by the table's mu
}

// NewTable returns an empty table.
func NewTable[K comparable, V any]() *Table[K, V] { return &Table[K, V]{made: map[K]*Entry[V]{}} }

// Claim returns the entry for k and whether it is new: then the caller must Set it, and every
// other caller of k Waits for that.
func (t *Table[K, V]) Claim(k K) (e *Entry[V], mine bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	e, ok := t.made[k]
	if !ok {
		e = &Entry[V]{done: make(chan struct{})}
		t.made[k] = e
	}
	e.used = true
	return e, !ok
}

// Set gives a new entry its value, once.
func (e *Entry[V]) Set(v V) {
	e.v = v
	close(e.done)
}

// Wait returns the entry's value, once it is set.
func (e *Entry[V]) Wait() V {
	<-e.done
	return e.v
}

// Renew returns the table for the next build: the entries claimed since this table was made or
// renewed. Call it between builds, when no value is being made.
func (t *Table[K, V]) Renew() *Table[K, V] {
	t.mu.Lock()
	defer t.mu.Unlock()
	next := &Table[K, V]{made: make(map[K]*Entry[V], len(t.made))}
	for k, e := range t.made {
		if e.used {
			e.used = false
			next.made[k] = e
		}
	}
	return next
}

// Len is the number of entries.
func (t *Table[K, V]) Len() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.made)
}
