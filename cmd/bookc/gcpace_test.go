package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

// TestPaceGC checks that paceGC lets a small heap grow to three times what is live, puts Go's
// pace back once more than its limit is live, and leaves a user's GOGC alone.
func TestPaceGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	// the limit above what the test process holds live already (other tests' books and caches)
	runtime.GC()
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	limit := live[0].Value.Uint64() + 32<<20
	paceGC(limit)
	if got := debug.SetGCPercent(200); got != 200 {
		t.Fatalf("a small heap: GC percent %d, want 200", got)
	}
	runtime.GC() // the heap is still small: the watch goes on
	time.Sleep(10 * time.Millisecond)
	if got := debug.SetGCPercent(200); got != 200 {
		t.Fatalf("after a collection of a small heap: GC percent %d, want 200", got)
	}
	more := make([][]byte, 0, 128)
	for range 128 {
		more = append(more, make([]byte, 512<<10)) // 64 MB, past the limit
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		runtime.GC()
		// 200 again, where it still is, unless the watch has put 100: it does that once, and stops
		if got := debug.SetGCPercent(200); got == 100 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("64 MB more live, past a limit 32 MB above what was: GC percent still 200, want 100")
		}
		time.Sleep(time.Millisecond)
	}
	runtime.KeepAlive(more)

	t.Setenv("GOGC", "50")
	debug.SetGCPercent(50)
	paceGC(limit)
	if got := debug.SetGCPercent(50); got != 50 {
		t.Errorf("with GOGC=50: GC percent %d, want the user's 50", got)
	}
}
