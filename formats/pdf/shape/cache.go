package shape

import (
	"hash/maphash"
	"sync"
)

// Cache remembers shaped words. A book repeats most of its words, so layout shapes each distinct
// (params, word) once. It is safe for concurrent use and bounded: each shard keeps two
// generations of entries, and when the current one is full the older is dropped, so the words in
// use survive (a hit in the old generation moves to the current one) and memory stays below
// about limit entries of at most maxCachedText bytes each.
type Cache struct {
	seed   maphash.Seed
	shards [cacheShards]cacheShard
	limit  int // entries per generation per shard
}

const (
	cacheShards   = 32 // enough that 2 cores, or 16, rarely wait on one lock
	maxCachedText = 64 // longer texts are rarely words and rarely repeat: shaped, not kept
)

type cacheKey struct {
	params Params
	text   string
}

type cacheShard struct {
	mu       sync.Mutex
	cur, old map[cacheKey][]Glyph
}

// NewCache makes a cache for about entries words (at least one per shard).
func NewCache(entries int) *Cache {
	per := max(entries/(2*cacheShards), 1)
	return &Cache{seed: maphash.MakeSeed(), limit: per}
}

// Shape is Shape, remembered. The returned glyphs are shared: read them, do not change them.
func (c *Cache) Shape(text string, p Params) []Glyph {
	if len(text) > maxCachedText {
		return Shape(text, p)
	}
	k := cacheKey{p, text}
	s := &c.shards[maphash.String(c.seed, text)%cacheShards]
	s.mu.Lock()
	if g, ok := s.cur[k]; ok {
		s.mu.Unlock()
		return g
	}
	if g, ok := s.old[k]; ok {
		s.put(k, g, c.limit)
		s.mu.Unlock()
		return g
	}
	s.mu.Unlock()

	g := Shape(text, p) // outside the lock: two goroutines may shape one word, with equal results
	s.mu.Lock()
	s.put(k, g, c.limit)
	s.mu.Unlock()
	return g
}

func (s *cacheShard) put(k cacheKey, g []Glyph, limit int) {
	if len(s.cur) >= limit {
		s.old, s.cur = s.cur, nil
	}
	if s.cur == nil {
		s.cur = make(map[cacheKey][]Glyph, min(limit, 256))
	}
	s.cur[k] = g
}
