package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// smallHeap is the live heap up to which paceGC lets the heap grow to three times what is live.
// A 1.5 MB book's PDF lives within it all through; a larger book passes it while it loads.
const smallHeap = 64 << 20

// paceGC lets a small build's heap grow to three times its live heap before the collector runs,
// instead of Go's twice, and puts Go's pace back for good at the first collection that finds more
// than limit live. A cold build of the 1.5 MB book spends a seventh of its CPU collecting: at
// three times, its PDF takes 11% less CPU and 9% less time for 15 MB more peak memory (medians of
// 12 paired runs). A large book keeps Go's pace, and its peak, as its memory is what counts
// there. A GOGC or GOMEMLIMIT in the environment is the user's choice: then nothing changes.
func paceGC(limit uint64) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(200)
	watchLive(limit)
}

// sentinel is what watchLive leaves for the collector to find unreachable: it holds a pointer,
// so that it is not one of the tiny objects whose cleanups may never run.
type sentinel struct{ _ *int }

// watchLive looks at the live heap after each collection, until it passes limit.
func watchLive(limit uint64) {
	runtime.AddCleanup(new(sentinel), func(limit uint64) {
		live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		if metrics.Read(live); live[0].Value.Kind() == metrics.KindUint64 && live[0].Value.Uint64() > limit {
			debug.SetGCPercent(100)
			return
		}
		watchLive(limit)
	}, limit)
}
