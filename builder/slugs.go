package builder

import "strconv"

// slugs hands out unique slugs: the first request for s gets s, later ones the first free of s-2,
// s-3, and so on. The zero value is ready to use.
type slugs struct {
	// every slug taken, with the suffix at which the next search for a free variant of it starts
	// (0 before the first search)
	next map[string]int
}

// unique returns s, or the first free s-N from N = 2 on, and takes it. A taken slug stays taken, so
// each search for s goes on where the last one stopped: a book of equal titles costs linear time,
// where searching from 2 every time was quadratic.
func (a *slugs) unique(s string) string {
	n, used := a.next[s]
	if !used {
		a.take(s)
		return s
	}
	c := ""
	for n = max(n, 2); ; n++ {
		c = s + "-" + strconv.Itoa(n)
		if !a.taken(c) {
			break
		}
	}
	a.next[s] = n + 1
	a.take(c)
	return c
}

func (a *slugs) taken(s string) bool {
	_, used := a.next[s]
	return used
}

// take marks s as used without looking for a free variant.
func (a *slugs) take(s string) {
	if a.next == nil {
		a.next = map[string]int{}
	}
	if _, used := a.next[s]; !used {
		a.next[s] = 0
	}
}
