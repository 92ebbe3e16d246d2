package hyphen

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// trie holds Liang's patterns. The path from the root to a node spells a pattern's letters, with
// '.' for a word boundary; a node that ends a pattern has its values, one before each letter and
// one after the last. Matching a word costs O(n·depth), and the deepest pattern shipped has 14
// letters, so the cost is linear in the word whatever it holds.
type trie struct {
	first []int32 // node i's edges are edges[first[i]:first[i+1]], sorted by letter
	edges []edge
	vals  []int32 // node i's values are pool[vals[i]+1 : vals[i]+1+pool[vals[i]]]; -1 for none
	pool  []uint8
}

type edge struct {
	r  rune
	to int32
}

// pattern is one parsed pattern: ".ach4" has letters ".ach" and values 0 0 0 0 4.
type pattern struct {
	letters []rune
	values  []uint8 // len(letters)+1
}

// parsePattern reads a pattern such as ".ach4", "2'2" or "ß1t" into pat, reusing its slices:
// lowercase letters, apostrophes and hyphens, a digit 0-9 between any two of them, and '.' only
// at either end.
func parsePattern(p string, pat *pattern) error {
	pat.letters, pat.values = pat.letters[:0], append(pat.values[:0], 0)
	for i, r := range p {
		switch {
		case '0' <= r && r <= '9':
			if pat.values[len(pat.values)-1] != 0 {
				return fmt.Errorf("pattern %q: two digits in a row", p)
			}
			pat.values[len(pat.values)-1] = uint8(r - '0')
		case r == '.' && (i == 0 || i == len(p)-1),
			unicode.IsLetter(r) && unicode.ToLower(r) == r, isApostrophe(r), r == '-':
			pat.letters = append(pat.letters, r)
			pat.values = append(pat.values, 0)
		default:
			return fmt.Errorf("pattern %q: want lowercase letters, digits and '.' word boundaries", p)
		}
	}
	if l := pat.letters; len(l) == 0 || l[0] == '.' && (len(l) == 1 || len(l) == 2 && l[1] == '.') {
		return fmt.Errorf("pattern %q has no letters", p)
	}
	return nil
}

// builder grows a trie pattern by pattern. Its nodes are linked as first child and next sibling,
// in flat slices, so that building allocates little whatever the number of patterns.
type builder struct {
	letter []rune
	child  []int32 // first child, or -1
	next   []int32 // next sibling, or -1
	vals   []int32 // offset of the node's values in pool, or -1
	pool   []uint8
}

// newBuilder makes a builder for about size letters of patterns.
func newBuilder(size int) *builder {
	b := &builder{
		letter: make([]rune, 1, size),
		child:  make([]int32, 1, size),
		next:   make([]int32, 1, size),
		vals:   make([]int32, 1, size),
		pool:   make([]uint8, 0, size),
	}
	b.child[0], b.next[0], b.vals[0] = -1, -1, -1
	return b
}

// add puts a pattern in the trie; a pattern given twice keeps its last values.
func (b *builder) add(p *pattern) {
	n := int32(0)
	for _, r := range p.letters {
		c := b.child[n]
		for c >= 0 && b.letter[c] != r {
			c = b.next[c]
		}
		if c < 0 {
			c = int32(len(b.letter))
			b.letter = append(b.letter, r)
			b.child = append(b.child, -1)
			b.next = append(b.next, b.child[n])
			b.vals = append(b.vals, -1)
			b.child[n] = c
		}
		n = c
	}
	b.vals[n] = int32(len(b.pool))
	b.pool = append(b.pool, uint8(len(p.values)))
	b.pool = append(b.pool, p.values...)
}

// trie packs the nodes, each one's edges together and sorted by letter.
func (b *builder) trie() *trie {
	t := &trie{first: make([]int32, 1, len(b.letter)+1), edges: make([]edge, 0, len(b.letter)-1), vals: b.vals, pool: b.pool}
	for n := range b.letter {
		from := len(t.edges)
		for c := b.child[n]; c >= 0; c = b.next[c] {
			t.edges = append(t.edges, edge{b.letter[c], c})
		}
		slices.SortFunc(t.edges[from:], func(a, b edge) int { return int(a.r) - int(b.r) })
		t.first = append(t.first, int32(len(t.edges)))
	}
	return t
}

// child returns the node under n along letter r, or -1.
func (t *trie) child(n int32, r rune) int32 {
	es := t.edges[t.first[n]:t.first[n+1]]
	lo, hi := 0, len(es)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if es[m].r < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(es) && es[lo].r == r {
		return es[lo].to
	}
	return -1
}

// match raises v[k] to the highest value any pattern puts before w[k]; w is a lowercase word
// between boundary dots, and v has len(w)+1 entries, zero on entry.
func (t *trie) match(w []rune, v []uint8) {
	for i := range w {
		n := int32(0)
		for j := i; j < len(w); j++ {
			if n = t.child(n, w[j]); n < 0 {
				break
			}
			if off := t.vals[n]; off >= 0 {
				vals := t.pool[off+1 : off+1+int32(t.pool[off])]
				for k, x := range vals {
					v[i+k] = max(v[i+k], x)
				}
			}
		}
	}
}

// parseException turns "as-so-ciate" into "associate" and the rune offsets [2 4]; it fails on a
// word that is not lowercase letters with single hyphens between them.
func parseException(w string) (string, []int, error) {
	var b strings.Builder
	var pts []int
	n, hyphen := 0, false
	for _, r := range w {
		switch {
		case r == '-' && n > 0 && !hyphen:
			pts = append(pts, n)
			hyphen = true
		case unicode.IsLetter(r) && unicode.ToLower(r) == r, isApostrophe(r):
			b.WriteRune(r)
			n++
			hyphen = false
		default:
			return "", nil, fmt.Errorf("exception %q: want lowercase letters with '-' between syllables", w)
		}
	}
	if n == 0 || hyphen {
		return "", nil, fmt.Errorf("exception %q: want lowercase letters with '-' between syllables", w)
	}
	return b.String(), pts, nil
}

// compile makes a Hyphenator of patterns and exceptions, each a whitespace-separated list.
func compile(tag, patterns, exceptions string, left, right int) (*Hyphenator, error) {
	h := &Hyphenator{tag: tag, left: left, right: right, exceptions: map[string][]int{}}
	b := newBuilder(len(patterns))
	var pat pattern
	for p := range strings.FieldsSeq(patterns) {
		if err := parsePattern(p, &pat); err != nil {
			return nil, err
		}
		h.apostrophes = h.apostrophes || slices.ContainsFunc(pat.letters, isApostrophe)
		b.add(&pat)
	}
	if len(b.pool) == 0 {
		return nil, fmt.Errorf("no patterns")
	}
	h.trie = b.trie()
	for _, w := range strings.Fields(exceptions) {
		word, pts, err := parseException(w)
		if err != nil {
			return nil, err
		}
		h.exceptions[word] = pts
	}
	return h, nil
}
