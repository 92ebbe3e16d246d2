package main

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestPaceGC checks that paceGC lets a small heap grow to three times what is live, puts Go's
// pace back once more than its limit is live, and leaves a user's GOGC alone.
func TestPaceGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	const limit = 8 << 20
	paceGC(limit)
	if got := debug.SetGCPercent(200); got != 200 {
		t.Fatalf("a small heap: GC percent %d, want 200", got)
	}
	runtime.GC() // the heap is still small: the watch goes on
	time.Sleep(10 * time.Millisecond)
	if got := debug.SetGCPercent(200); got != 200 {
		t.Fatalf("after a collection of a small heap: GC percent %d, want 200", got)
	}
	live := make([][]byte, 0, 64)
	for range 64 {
		live = append(live, make([]byte, 512<<10)) // 32 MB, past the limit
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		runtime.GC()
		// 200 again, where it still is, unless the watch has put 100: it does that once, and stops
		if got := debug.SetGCPercent(200); got == 100 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("32 MB live past an 8 MB limit: GC percent still 200, want 100")
		}
		time.Sleep(time.Millisecond)
	}
	runtime.KeepAlive(live)

	t.Setenv("GOGC", "50")
	debug.SetGCPercent(50)
	paceGC(limit)
	if got := debug.SetGCPercent(50); got != 50 {
		t.Errorf("with GOGC=50: GC percent %d, want the user's 50", got)
	}
}
