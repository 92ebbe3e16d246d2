package slug

import "testing"

func TestASCII(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		lossy    bool
	}{
		{"The Metropolis Handbook", "the-metropolis-handbook", false},
		{"  a--b__c  ", "a-b-c", false},
		{"Über λ-Calculus", "ber-calculus", true},
		{"中文", "", true},
		{"", "", false},
	} {
		if got, lossy := ASCII(tt.in); got != tt.want || lossy != tt.lossy {
			t.Errorf("ASCII(%q) = %q, %v; want %q, %v", tt.in, got, lossy, tt.want, tt.lossy)
		}
	}
}

func TestCut(t *testing.T) {
	for _, tt := range []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"launch-locally-now", 16, "launch-locally"},
		{"abcdefghij-k", 10, "abcdefghij"},
		{"ab-cdefghijkl", 10, "ab-cdefghi"}, // the only '-' is before the middle: cut there, mid-word
	} {
		if got := Cut(tt.in, tt.n); got != tt.want {
			t.Errorf("Cut(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}
