package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

// TestPaceGC checks that paceGC lets a small heap grow to three times what is live, closes the
// pace as the live heap nears the budget, gives three quarters of it once past, follows the live
// heap back down, and leaves a user's GOGC alone.
func TestPaceGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	// a budget above what the test process holds live already (other tests' books and caches)
	runtime.GC()
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	was := live[0].Value.Uint64()
	p := pacing{budget: 3*was + 192<<20}
	paceGC(p)
	if got := debug.SetGCPercent(200); got != 200 {
		t.Fatalf("a small heap: GC percent %d, want 200", got)
	}
	// after is the percent the watch sets once the collector has seen the heap as it is now
	after := func(what string, lo, hi int) {
		t.Helper()
		deadline := time.Now().Add(5 * time.Second)
		for {
			runtime.GC()
			time.Sleep(time.Millisecond)   // the watch runs after the collection
			got := debug.SetGCPercent(100) // read, and put back: the watch sets it again at the next
			debug.SetGCPercent(got)
			if lo <= got && got <= hi {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: GC percent %d, want %d to %d", what, got, lo, hi)
			}
		}
	}
	after("a small heap, collected", 200, 200)
	var more [][]byte
	grow := func(mb int) {
		for range mb * 2 {
			more = append(more, make([]byte, 512<<10))
		}
	}
	grow(96) // the budget is now about (2*was + 96 MB) above what is live: a closer pace
	after("96 MB more live, nearer the budget", 76, 199)
	runtime.KeepAlive(more)
	grow(128 + int(2*was>>20)) // past the budget
	after("the live heap past the budget", 75, 75)
	runtime.KeepAlive(more)
	more = nil
	after("the heap let go of", 200, 200)

	t.Setenv("GOGC", "50")
	debug.SetGCPercent(50)
	paceGC(p)
	if got := debug.SetGCPercent(50); got != 50 {
		t.Errorf("with GOGC=50: GC percent %d, want the user's 50", got)
	}
}

// TestPacing is the pace for each live heap.
func TestPacing(t *testing.T) {
	p := pacing{budget: 256 << 20}
	for _, tt := range []struct {
		live uint64
		want int
	}{
		{0, 200}, {1 << 20, 200}, {256 << 20 / 3, 200}, {100 << 20, 156}, {128 << 20, 100},
		{146 << 20, 75}, {256 << 20, 75}, {4 << 30, 75},
	} {
		if got := p.percent(tt.live); got != tt.want {
			t.Errorf("%d MB live: %d%%, want %d%%", tt.live>>20, got, tt.want)
		}
	}
}
