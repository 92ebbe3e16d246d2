package once

import "testing"

// TestRenew checks that a renewed table keeps the entries claimed since the last renewal, values
// and all, and forgets the others.
func TestRenew(t *testing.T) {
	tab := NewTable[string, int]()
	for i, k := range []string{"a", "b", "c"} {
		if e, mine := tab.Claim(k); mine {
			e.Set(i)
		}
	}
	next := tab.Renew() // all three were claimed
	if next.Len() != 3 {
		t.Fatalf("renewed after claiming 3: %d entries", next.Len())
	}
	if e, mine := next.Claim("b"); mine || e.Wait() != 1 {
		t.Errorf("b: mine %v, value %v; want it kept with its value 1", mine, e.Wait())
	}
	last := next.Renew() // only b was claimed
	if last.Len() != 1 {
		t.Errorf("renewed after claiming b alone: %d entries, want 1", last.Len())
	}
	if _, mine := last.Claim("a"); !mine {
		t.Error("a, not claimed in the last build, was kept")
	}
}
