package main

import "testing"

func TestPreGrows(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want bool
	}{
		{[]string{"pdf", "book"}, true},
		{[]string{"all"}, true},
		{[]string{"man", "--install", "/p"}, true},
		{[]string{"mdbook"}, true},
		{[]string{"check", "book"}, true},
		{[]string{"tree"}, true},
		{[]string{"watch"}, false}, // lives on
		{[]string{"version"}, false},
		{[]string{"roles"}, false},
		{nil, false},
	} {
		if got := preGrows(tt.args); got != tt.want {
			t.Errorf("preGrows(%q) = %v, want %v", tt.args, got, tt.want)
		}
	}
}

func TestTHPOnRequest(t *testing.T) {
	for _, tt := range []struct {
		enabled string // /sys/kernel/mm/transparent_hugepage/enabled
		want    bool
	}{
		{"always [madvise] never\n", true},
		{"[always] madvise never\n", false},
		{"always madvise [never]\n", false},
		{"always inherit [madvise] never\n", true}, // a kernel with per-size modes
		{"", false},
	} {
		if got := thpOnRequest(tt.enabled); got != tt.want {
			t.Errorf("thpOnRequest(%q) = %v, want %v", tt.enabled, got, tt.want)
		}
	}
}

func TestDisablesTHP(t *testing.T) {
	for _, tt := range []struct {
		godebug string
		want    bool
	}{
		{"", false},
		{"disablethp=1", true},
		{"gcstoptheworld=1, disablethp=1", true},
		{"disablethp=0", false},
		{"disablethp=1,disablethp=0", false},     // the last wins
		{"gcstoptheworld=1,disablethp=1,", true}, // linked in, nothing after
		{"disablethp=x", false},
		{"disablethp=1,disablethp=x", true}, // not a number: the setting before stands
		{"madvdontneed=1", false},
	} {
		if got := disablesTHP(tt.godebug); got != tt.want {
			t.Errorf("disablesTHP(%q) = %v, want %v", tt.godebug, got, tt.want)
		}
	}
}

func TestFreeInBlocks(t *testing.T) {
	const buddy = `Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1      3
Node 0, zone    DMA32      0      4      2      2      1      2      0      3      3      1    753
Node 0, zone   Normal   6577   9231   5908   2785    894    347     97     29     73    329    534
`
	for _, tt := range []struct {
		buddyinfo string
		order     int
		want      uint64 // pages
	}{
		{buddy, 9, (1+1+329)<<9 + (3+753+534)<<10},
		{buddy, 10, (3 + 753 + 534) << 10},
		{buddy, 11, 0},
		// the zones' counts summed by order, times each order's pages
		{buddy, 0, 6577 + 9235<<1 + 5910<<2 + 2787<<3 + 895<<4 + 349<<5 + 97<<6 + 32<<7 + 77<<8 + 331<<9 + 1290<<10},
		{"", 9, 0},
		{"Node 0, zone Normal x 1\n", 0, 2}, // a field that is no count is none
	} {
		if got := freeInBlocks(tt.buddyinfo, tt.order); got != tt.want {
			t.Errorf("freeInBlocks(order %d) = %d pages, want %d\n%s", tt.order, got, tt.want, tt.buddyinfo)
		}
	}
}
