package svgclean

import "fmt"

// maxRemovals caps the list Clean returns: a hostile image can hold a million distinct URLs.
const maxRemovals = 32

// removals are what Clean left out, each kind once, in order of first sight.
type removals struct {
	kinds []string
	seen  map[string]bool
	more  int // kinds past maxRemovals
}

func (r *removals) add(kind string) {
	if r.seen[kind] {
		return
	}
	if r.seen == nil {
		r.seen = map[string]bool{}
	}
	r.seen[kind] = true
	if len(r.kinds) < maxRemovals {
		r.kinds = append(r.kinds, kind)
	} else {
		r.more++
	}
}

func (r *removals) list() []string {
	if r.more > 0 {
		return append(r.kinds, fmt.Sprintf("and %d more", r.more))
	}
	return r.kinds
}
