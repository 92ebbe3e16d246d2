package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

// TestPaceGC checks that paceGC lets a small heap grow to three times what is live, gives Go's
// pace once more than small is live and a closer one past large, follows the live heap back down,
// and leaves a user's GOGC alone.
func TestPaceGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	// the limits above what the test process holds live already (other tests' books and caches)
	runtime.GC()
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	p := pacing{small: live[0].Value.Uint64() + 32<<20, large: live[0].Value.Uint64() + 96<<20}
	paceGC(p)
	if got := debug.SetGCPercent(200); got != 200 {
		t.Fatalf("a small heap: GC percent %d, want 200", got)
	}
	// after is the percent the watch sets once the collector has seen the heap as it is now
	after := func(what string, want int) {
		t.Helper()
		deadline := time.Now().Add(5 * time.Second)
		for {
			runtime.GC()
			time.Sleep(time.Millisecond)   // the watch runs after the collection
			got := debug.SetGCPercent(100) // read, and put back: the watch sets it again at the next
			debug.SetGCPercent(got)
			if got == want {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: GC percent %d, want %d", what, got, want)
			}
		}
	}
	after("a small heap, collected", 200)
	var more [][]byte
	grow := func(mb int) {
		for range mb * 2 {
			more = append(more, make([]byte, 512<<10))
		}
	}
	grow(64) // past small
	after("64 MB more live, past a small 32 MB above what was", 100)
	runtime.KeepAlive(more)
	grow(64) // past large
	after("128 MB more live, past a large 96 MB above what was", 75)
	runtime.KeepAlive(more)
	more = nil
	after("the heap let go of", 200)

	t.Setenv("GOGC", "50")
	debug.SetGCPercent(50)
	paceGC(p)
	if got := debug.SetGCPercent(50); got != 50 {
		t.Errorf("with GOGC=50: GC percent %d, want the user's 50", got)
	}
}

// TestPacing is the pace for each live heap.
func TestPacing(t *testing.T) {
	p := pacing{small: 64 << 20, large: 192 << 20}
	for _, tt := range []struct {
		live uint64
		want int
	}{
		{0, 200}, {64 << 20, 200}, {64<<20 + 1, 100}, {192 << 20, 100}, {192<<20 + 1, 75}, {4 << 30, 75},
	} {
		if got := p.percent(tt.live); got != tt.want {
			t.Errorf("%d MB live: %d%%, want %d%%", tt.live>>20, got, tt.want)
		}
	}
}
