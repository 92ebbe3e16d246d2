package strarena

import "testing"

// TestArena checks where each kind of arena puts the strings it gives: in its array while there
// is room, then in an array of their own (Sized) or a new, larger array (Growing); and that a
// string given keeps its bytes whatever is given after it.
func TestArena(t *testing.T) {
	for _, tt := range []struct {
		name  string
		arena Arena
		give  []string
		inArr []bool // each string, whether the arena's current array holds it after the last
		spare int
	}{
		{name: "sized, exactly", arena: Sized(8), give: []string{"abc", "defgh"}, inArr: []bool{true, true}, spare: 0},
		{name: "sized, past it", arena: Sized(4), give: []string{"abc", "defgh", "i"}, inArr: []bool{true, false, true}, spare: 0},
		{name: "zero: each alone", give: []string{"abc", "de"}, inArr: []bool{false, false}, spare: 0},
		{name: "growing", arena: Growing(4, 16), give: []string{"ab", "cd", "e"}, inArr: []bool{false, false, true}, spare: 7},                      // 4, then 8
		{name: "growing, a long string", arena: Growing(4, 16), give: []string{"ab", "0123456789abcdefghij"}, inArr: []bool{false, true}, spare: 0}, // its own length
		{name: "empty", arena: Sized(4), give: []string{""}, inArr: []bool{false}, spare: 4},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := tt.arena
			var got []string
			for _, s := range tt.give {
				b := []byte(s)
				got = append(got, a.String(b))
				copy(b, make([]byte, len(b))) // the caller's bytes change: the string must not
			}
			for i, s := range got {
				if s != tt.give[i] {
					t.Errorf("string %d is %q, want %q", i, s, tt.give[i])
				}
				if h := a.Holds(s); h != tt.inArr[i] {
					t.Errorf("Holds(%q) = %v, want %v", s, h, tt.inArr[i])
				}
			}
			if a.Spare() != tt.spare {
				t.Errorf("Spare() = %d, want %d", a.Spare(), tt.spare)
			}
		})
	}
}
