package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// heapBudget is the heap paceGC lets a build grow to between collections, however little of it
// is live: the live heap of ten times the 1.5 MB book stays under half of it, that of thirty
// times that book passes it as its PDF is laid out.
const heapBudget = 256 << 20

// pacing is the collector's pace, by the live heap at its last collection: a percent of GOGC's.
type pacing struct{ budget uint64 }

// percent lets the heap grow to the budget before the collector runs, but never past three
// times what is live (Go's pace is twice) and always by three quarters of it at least. A cold
// build spends a seventh of its CPU collecting: at three times, the 1.5 MB book's PDF takes 11%
// less CPU and 9% less time for 15 MB more peak memory (medians of 12 paired runs), and the 10x
// book, whose live heap is 60–110 MB, collects as seldom as that book does (at a pace of twice
// live past 64 MB it took 7% more CPU and 6% more time, for 35 MB less peak). Past the budget,
// three quarters: most of a large book's live heap is its tree and the PDF's indexes, which
// make no garbage, so headroom in proportion to them is memory held for nothing (at 30 times
// the 1.5 MB book, 55 MB of peak; a budget of 384 MB takes that book past 600 MB).
func (p pacing) percent(live uint64) int {
	if live == 0 {
		return 200
	}
	pc := (int64(p.budget) - int64(live)) * 100 / int64(live)
	return int(min(200, max(75, pc)))
}

// paceGC paces the collector by p from now on, looking at the live heap after each collection. A
// GOGC or GOMEMLIMIT in the environment is the user's choice: then nothing changes.
func paceGC(p pacing) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(p.percent(0))
	watchLive(p)
}

// sentinel is what watchLive leaves for the collector to find unreachable: it holds a pointer,
// so that it is not one of the tiny objects whose cleanups may never run.
type sentinel struct{ _ *int }

// watchLive sets the pace for the live heap after each collection.
func watchLive(p pacing) {
	runtime.AddCleanup(new(sentinel), func(p pacing) {
		live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		if metrics.Read(live); live[0].Value.Kind() == metrics.KindUint64 {
			debug.SetGCPercent(p.percent(live[0].Value.Uint64()))
		}
		watchLive(p)
	}, p)
}
