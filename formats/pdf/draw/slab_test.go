package draw

import (
	"slices"
	"testing"
)

// TestSlab checks that a slab's copies hold what they copied, share no memory with it, and
// cannot grow into each other: small ones many to an array, one larger than an array alone.
func TestSlab(t *testing.T) {
	var s slab[int32]
	in := [][]int32{{1, 2, 3}, nil, {4}, make([]int32, slabSize+1), {5, 6}}
	var out [][]int32
	for _, v := range in {
		out = append(out, s.copy(v))
	}
	for i, v := range in {
		if !slices.Equal(out[i], v) {
			t.Errorf("copy %d is %v, want %v", i, out[i], v)
		}
		if len(v) > 0 {
			v[0] = -1
			if out[i][0] == -1 {
				t.Errorf("copy %d shares its input's memory", i)
			}
		}
	}
	grown := append(out[0], 9)
	if out[2][0] != 4 || grown[3] != 9 {
		t.Errorf("appending to the first copy wrote over the next: %v", out[2])
	}
	if &out[0][0] == &out[3][0] || cap(out[3]) != slabSize+1 {
		t.Error("a copy larger than an array is not in an array of its own")
	}
}
