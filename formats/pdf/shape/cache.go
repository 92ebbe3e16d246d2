package shape

import (
	"sync"
	"sync/atomic"
)

// Cache remembers what shaping made of each word in one face and one set of Params, as the V its
// user keeps (the glyphs Shape gives, or a form of them converted for its pages). A book repeats
// most of its words, so layout shapes each distinct word once. It is safe for concurrent use, and
// a hit takes no lock (most lookups are hits, from every core at once). It is bounded: it keeps
// two generations of entries, and when the current one is full the older is dropped, so the
// words in use survive (a hit in the old generation moves to the current one) and memory stays
// below about entries of at most maxCachedText bytes each.
type Cache[V any] struct {
	cur, old atomic.Pointer[sync.Map] // string -> V
	n        atomic.Int64             // entries in cur
	limit    int64                    // entries per generation
	rotate   sync.Mutex
	compute  func(text string) V
}

// maxCachedText is the longest text kept: longer ones are rarely words and rarely repeat.
const maxCachedText = 64

// NewCache makes a cache for about entries words, which compute fills.
func NewCache[V any](entries int, compute func(text string) V) *Cache[V] {
	c := &Cache[V]{limit: int64(max(entries/2, 1)), compute: compute}
	c.cur.Store(&sync.Map{})
	c.old.Store(&sync.Map{})
	return c
}

// Get is compute(text), remembered. The value returned is shared: read it, do not change it.
func (c *Cache[V]) Get(text string) V {
	if len(text) > maxCachedText || text == "" {
		return c.compute(text)
	}
	if v, ok := c.cur.Load().Load(text); ok {
		return v.(V)
	}
	v, ok := c.old.Load().Load(text)
	if !ok {
		// two goroutines may shape one word, with equal results
		v = c.compute(text)
	}
	c.put(text, v)
	return v.(V)
}

func (c *Cache[V]) put(text string, v any) {
	if c.n.Add(1) > c.limit {
		c.rotate.Lock()
		if c.n.Load() > c.limit {
			c.old.Store(c.cur.Load())
			c.cur.Store(&sync.Map{})
			c.n.Store(1)
		}
		c.rotate.Unlock()
	}
	c.cur.Load().Store(text, v)
}
