package shape

import (
	"hash/maphash"
	"sync"
)

// Cache remembers what shaping made of each word, as the V its user keeps (the glyphs Shape gives,
// or a form of them converted for its pages). A book repeats most of its words, so layout shapes
// each distinct (params, word) once. It is safe for concurrent use and bounded: each shard keeps
// two generations of entries, and when the current one is full the older is dropped, so the
// words in use survive (a hit in the old generation moves to the current one) and memory stays
// below about limit entries of at most maxCachedText bytes each.
type Cache[V any] struct {
	seed    maphash.Seed
	shards  [cacheShards]cacheShard[V]
	limit   int // entries per generation per shard
	compute func(text string, p Params) V
}

const (
	cacheShards   = 32 // enough that 2 cores, or 16, rarely wait on one lock
	maxCachedText = 64 // longer texts are rarely words and rarely repeat: shaped, not kept
)

type cacheKey struct {
	params Params
	text   string
}

type cacheShard[V any] struct {
	mu       sync.Mutex
	cur, old map[cacheKey]V
}

// NewCache makes a cache for about entries words (at least one per shard), which compute fills.
func NewCache[V any](entries int, compute func(text string, p Params) V) *Cache[V] {
	per := max(entries/(2*cacheShards), 1)
	return &Cache[V]{seed: maphash.MakeSeed(), limit: per, compute: compute}
}

// Get is compute(text, p), remembered. The value returned is shared: read it, do not change it.
func (c *Cache[V]) Get(text string, p Params) V {
	if len(text) > maxCachedText {
		return c.compute(text, p)
	}
	k := cacheKey{p, text}
	s := &c.shards[maphash.String(c.seed, text)%cacheShards]
	s.mu.Lock()
	if v, ok := s.cur[k]; ok {
		s.mu.Unlock()
		return v
	}
	if v, ok := s.old[k]; ok {
		s.put(k, v, c.limit)
		s.mu.Unlock()
		return v
	}
	s.mu.Unlock()
	v := c.compute(text, p) // outside the lock: two goroutines may shape one word, with equal results
	s.mu.Lock()
	s.put(k, v, c.limit)
	s.mu.Unlock()
	return v
}

func (s *cacheShard[V]) put(k cacheKey, v V, limit int) {
	if len(s.cur) >= limit {
		s.old, s.cur = s.cur, nil
	}
	if s.cur == nil {
		s.cur = make(map[cacheKey]V, min(limit, 256))
	}
	s.cur[k] = v
}
