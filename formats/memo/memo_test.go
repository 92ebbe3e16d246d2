package memo

import (
	"bytes"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestDo(t *testing.T) {
	calls := 0
	upper := func(in []byte) []byte { calls++; return bytes.ToUpper(in) }
	m := New()
	for _, c := range []struct {
		in, want string
		calls    int // calls of f so far
	}{
		{"page one", "PAGE ONE", 1},
		{"page two", "PAGE TWO", 2},
		{"page one", "PAGE ONE", 2}, // remembered
		{"page onE", "PAGE ONE", 3}, // another input, though the same output
		{"", "", 4},
		{"", "", 4},
	} {
		if got := m.Do([]byte(c.in), upper); string(got) != c.want || calls != c.calls {
			t.Errorf("Do(%q) = %q after %d calls, want %q after %d", c.in, got, calls, c.want, c.calls)
		}
	}
	var none *Bytes
	none.Do([]byte("page one"), upper)
	none.Do([]byte("page one"), upper)
	if calls != 6 {
		t.Errorf("a nil memo called f %d times in all, want 6: it remembers nothing", calls)
	}
}

// TestDoConcurrent checks that callers with the same input get the same output, made once: a
// caller whose input is being made waits for it.
func TestDoConcurrent(t *testing.T) {
	m := New()
	var calls atomic.Int32
	slowClone := func(in []byte) []byte {
		calls.Add(1)
		time.Sleep(time.Millisecond)
		return bytes.Clone(in)
	}
	var wg sync.WaitGroup
	for i := range 64 {
		wg.Go(func() {
			in := []byte{byte(i % 8)}
			if got := m.Do(in, slowClone); !bytes.Equal(got, in) {
				t.Errorf("Do(%v) = %v", in, got)
			}
		})
	}
	wg.Wait()
	if n := calls.Load(); n != 8 {
		t.Errorf("f was called %d times for 8 inputs", n)
	}
}

// TestRenew checks that a renewed memo remembers what it was asked for, and forgets the rest.
func TestRenew(t *testing.T) {
	calls := 0
	upper := func(in []byte) []byte { calls++; return bytes.ToUpper(in) }
	m := New()
	m.Do([]byte("kept"), upper)
	m.Do([]byte("dropped"), upper)
	m = m.Renew()
	m.Do([]byte("kept"), upper)
	m = m.Renew()
	m.Do([]byte("kept"), upper)
	m.Do([]byte("dropped"), upper)
	if calls != 3 {
		t.Errorf("f called %d times, want 3: \"kept\" made once, \"dropped\" made again", calls)
	}
	if (*Bytes)(nil).Renew() != nil {
		t.Error("a nil memo renews as a memo")
	}
}
