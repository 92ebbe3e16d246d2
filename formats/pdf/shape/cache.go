package shape

import (
	"sync"
)

// Cache remembers what shaping made of each word in one face and one set of Params, as the V its
// user keeps (the glyphs Shape gives, or a form of them converted for its pages). A book repeats
// most of its words, so layout shapes each distinct word once. It is safe for concurrent use and
// bounded: each shard keeps two generations of entries, and when the current one is full the
// older is dropped, so the words in use survive (a hit in the old generation moves to the
// current one) and memory stays below about limit entries of at most maxCachedText bytes each.
// A hit takes a read lock only: most lookups are hits, from every core at once.
type Cache[V any] struct {
	shards  [cacheShards]cacheShard[V]
	limit   int // entries per generation per shard
	compute func(text string) V
}

const (
	cacheShards   = 32 // enough that 2 cores, or 16, rarely wait on one lock
	maxCachedText = 64 // longer texts are rarely words and rarely repeat: shaped, not kept
)

type cacheShard[V any] struct {
	mu       sync.RWMutex
	cur, old map[string]V
}

// NewCache makes a cache for about entries words (at least one per shard), which compute fills.
func NewCache[V any](entries int, compute func(text string) V) *Cache[V] {
	per := max(entries/(2*cacheShards), 1)
	return &Cache[V]{limit: per, compute: compute}
}

// shardOf spreads words over the shards by a few of their bytes: the map hashes the whole word
// again, so this need only be cheap and spread them.
func shardOf(text string) int {
	n := len(text)
	return int(uint(n)*7+uint(text[0])+uint(text[n-1])*31+uint(text[n/2])*131) % cacheShards
}

// Get is compute(text), remembered. The value returned is shared: read it, do not change it.
func (c *Cache[V]) Get(text string) V {
	if len(text) > maxCachedText || text == "" {
		return c.compute(text)
	}
	s := &c.shards[shardOf(text)]
	s.mu.RLock()
	v, ok := s.cur[text]
	s.mu.RUnlock()
	if ok {
		return v
	}
	s.mu.Lock()
	if v, ok = s.cur[text]; !ok {
		if v, ok = s.old[text]; ok {
			s.put(text, v, c.limit)
		}
	}
	s.mu.Unlock()
	if ok {
		return v
	}
	v = c.compute(text) // outside the lock: two goroutines may shape one word, with equal results
	s.mu.Lock()
	s.put(text, v, c.limit)
	s.mu.Unlock()
	return v
}

func (s *cacheShard[V]) put(k string, v V, limit int) {
	if len(s.cur) >= limit {
		s.old, s.cur = s.cur, nil
	}
	if s.cur == nil {
		s.cur = make(map[string]V, min(limit, 256))
	}
	s.cur[k] = v
}
