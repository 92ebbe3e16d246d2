package shape

import (
	"hash/maphash"
	"sync"
)

// Cache remembers what shaping made of each word in one face and one set of Params, as the V its
// user keeps (the glyphs Shape gives, or a form of them converted for its pages). A book repeats
// most of its words, so layout shapes each distinct word once. It is safe for concurrent use:
// its words are spread over shards, each a map behind a lock that a hit takes for reading, so
// that the cores seldom meet (sync.Map took 55 ns a word where this takes 41, BenchmarkShapeWarm,
// and its trie gave the collector hundreds of thousands of small nodes in a large book). It is
// bounded: each shard keeps two generations of entries, and when the current one is full the
// older is dropped, so the words in use survive (a hit in the old generation moves to the
// current one) and memory stays below about entries of at most maxCachedText bytes each.
type Cache[V any] struct {
	shards  [cacheShards]cacheShard[V]
	limit   int // entries per shard and generation
	compute func(text string) V
}

type cacheShard[V any] struct {
	mu       sync.RWMutex
	cur, old map[string]V
	_        [24]byte // 64 bytes a shard: its lock on a cache line of its own, as the cores take neighbours' at once
}

// cacheShards is a power of two: a few for each core a build machine has.
const cacheShards = 16

// maxCachedText is the longest text kept: longer ones are rarely words and rarely repeat.
const maxCachedText = 64

// cacheSeed spreads words over shards; where one goes changes nothing but which lock it takes.
var cacheSeed = maphash.MakeSeed()

// NewCache makes a cache for about entries words, which compute fills.
func NewCache[V any](entries int, compute func(text string) V) *Cache[V] {
	c := &Cache[V]{limit: max(entries/(2*cacheShards), 1), compute: compute}
	for i := range c.shards {
		c.shards[i].cur = map[string]V{}
	}
	return c
}

// Get is compute(text), remembered. The value returned is shared: read it, do not change it.
func (c *Cache[V]) Get(text string) V {
	if len(text) > maxCachedText || text == "" {
		return c.compute(text)
	}
	sh := &c.shards[maphash.String(cacheSeed, text)&(cacheShards-1)]
	sh.mu.RLock()
	v, ok := sh.cur[text]
	if ok {
		sh.mu.RUnlock()
		return v
	}
	v, old := sh.old[text]
	sh.mu.RUnlock()
	if !old {
		// two goroutines may shape one word, with equal results
		v = c.compute(text)
	}
	sh.mu.Lock()
	if len(sh.cur) >= c.limit {
		sh.old, sh.cur = sh.cur, make(map[string]V, c.limit)
	}
	sh.cur[text] = v
	sh.mu.Unlock()
	return v
}
