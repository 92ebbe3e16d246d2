package layout

import (
	"maps"
	"runtime"
	"sync"
	"sync/atomic"

	"bookc/builder/diag"
	"bookc/formats/pdf/tags"

	"golang.org/x/sync/errgroup"
)

// packAbove is the text, in bytes, past which a book's layout passes keep its units packed
// (bigBook): about three times the 1.5 MB benchmark book's.
var packAbove = 4 << 20

// bigBook tells whether a layout keeps the book's units packed between passes and paginates its
// body a stretch of chapters at a time, unpacking each where it paginates it: the boxes of a
// stretch then live while it is paginated, and the book's million only packed, a third of their
// size. Not when pages are kept for the next build ('bookc watch'): those name boxes as they are.
func bigBook(g guesses, paged *pagedTable) bool { return paged == nil && g.text > packAbove }

// stretches paginates the body as paginate does, the units kept packed: the units no pass has set
// are set first, every core busy, then each stretch of units between two that open a titled part
// or top-level chapter (chapterCuts) is unpacked, brought up to date and paginated on a core of
// its own, and its tag log placed in the structure tree as soon as the stretches before it are,
// so that its boxes can go. The stretches are joined as apart joins them. A footnote cited on
// both sides of a cut takes paginate's way, every box at once.
func (l *lay) stretches(us []unit, memos []*memo) *flow {
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, u := range us {
		if memos[i].unit == nil {
			g.Go(func() error {
				l.setUnit(u, memos[i]) // packed for the pass to unpack
				return nil
			})
		}
	}
	_ = g.Wait() // the workers return no errors
	starts, ok := unitCuts(memos)
	if !ok {
		return l.paginate(l.body(us, memos), nil)
	}
	parts := make([]*flow, len(starts)-1)
	diags := make([]diag.List, len(us))
	var tree *inOrder
	if !l.measure {
		tree = &inOrder{tb: newTreeBuilder(0), ready: map[int][]tagEvent{}}
		if st := l.streaming; st != nil {
			tree.placed = func(k int) { st.stretch(parts[k].pages, tree.tb.b.Elems()) }
		}
	}
	workers := min(runtime.GOMAXPROCS(0), len(parts))
	var next atomic.Int64
	take := func() int { return int(next.Add(1) - 1) }
	if tree != nil {
		// a stretch cut keeps its pages until those before it are placed: a core may cut only a
		// few past the one placed next, rather than pile up the pages of the stretches after a
		// long one (at 30x the benchmark book, 0.1 GB of them)
		ahead := make(chan struct{}, 2*workers)
		take = func() int {
			ahead <- struct{}{}
			k := int(next.Add(1) - 1)
			if k >= len(parts) {
				<-ahead
			}
			return k
		}
		tree.done = func() { <-ahead }
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			var room *boxRoom // a pass that measures keeps no box once its stretch is paginated
			if l.measure {
				room = &boxRoom{}
			}
			for k := take(); k < len(parts); k = take() {
				var bs []*vbox
				sl := *l // the stretch's, with its footnotes and room
				sl.notes, sl.unpacked = map[string][]*vbox{}, room
				for i := starts[k]; i < starts[k+1]; i++ {
					c, ubs := sl.setUnit(us[i], memos[i])
					if tree != nil {
						// a pass that puts pieces on pages is most often the last: what its pages
						// keep of the unit is the runs they place, and a pass after it sets the
						// unit again
						memos[i].unit = nil
					}
					bs = append(bs, ubs...)
					maps.Copy(sl.notes, c.notes)
					diags[i] = c.diags
				}
				var log []tagEvent
				if tree != nil {
					log = make([]tagEvent, 0, logRoom(len(bs))+2)
				}
				parts[k] = sl.cut(bs, nil, log)
				if room != nil {
					room.reset()
				}
				if tree != nil {
					tree.add(k, parts[k].tags.events)
					parts[k].tags.events = nil
				}
			}
		})
	}
	wg.Wait()
	for _, d := range diags {
		l.diags = append(l.diags, d...)
	}
	f := &flow{}
	for _, p := range parts {
		if l.book.Settings.TwoSided && len(f.pages)%2 == 1 {
			f.pages = append(f.pages, &built{opening: true, bare: true}) // a blank verso
		}
		base := len(f.pages)
		f.pages = append(f.pages, p.pages...)
		f.dests = onPages(f.dests, p.dests, base, destPage)
		f.marks = onPages(f.marks, p.marks, base, markPage)
	}
	if tree != nil {
		f.grown = make(chan []tags.Elem, 1)
		f.grown <- tree.tb.b.Elems()
	}
	l.endOnVerso(f)
	return f
}

// unitCuts is where the body's stretches start, by unit, as chapterCuts cuts its boxes, and the
// end; false when a footnote is cited on both sides of a cut.
func unitCuts(memos []*memo) ([]int, bool) {
	starts := []int{0}
	citer := map[string]int{} // the stretch that cites each footnote
	boxes := 0
	for i, m := range memos {
		u := m.unit
		if u.opens && boxes > 0 {
			starts = append(starts, i)
		}
		for _, n := range u.cited {
			if s, ok := citer[n]; ok && s != len(starts)-1 {
				return nil, false
			}
			citer[n] = len(starts) - 1
		}
		boxes += u.n
	}
	return append(starts, len(memos)), true
}

// inOrder places the tag logs of stretches in the structure tree in their order, each as soon
// as those before it are: whichever core paginates the one next in order places it, and those
// after it that wait.
type inOrder struct {
	mu    sync.Mutex
	tb    *treeBuilder
	next  int
	ready map[int][]tagEvent
	// placed is told of each stretch once its pages' Tags are the tree's, if not nil
	placed func(k int)
	done   func() // then told that one more is placed
}

func (o *inOrder) add(k int, events []tagEvent) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.ready[k] = events
	for {
		evs, ok := o.ready[o.next]
		if !ok {
			return
		}
		delete(o.ready, o.next)
		o.tb.feed(evs)
		if o.placed != nil {
			o.placed(o.next)
		}
		o.done()
		o.next++
	}
}
