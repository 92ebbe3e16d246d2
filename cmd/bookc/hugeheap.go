package main

import (
	"strconv"
	"strings"
)

// A build backs the heap it is about to grow with transparent huge pages, where the kernel gives
// them only on request (THP "madvise", the usual default). Go's runtime no longer asks for them
// (since Go 1.21.4: a server's allocations stalled while the kernel compacted memory to make
// them, and its memory grew), so every 4 KB page of heap a build touches first is a fault: the
// 1.5 MB book's `bookc all` touches ~95 MB and spent a sixth of its CPU in 24,000 faults, ~8 µs
// each on the build machine. A build lives for seconds and keeps most of what it touches, so a
// 2 MB page is memory it would use anyway. preGrowHeap grows the heap by hugeHeap at once,
// untouched, advises it, and frees it to the collector, which hands it out again as the build
// allocates: the same book then takes 2,500–2,800 faults and a fifth less time, at the same
// peak resident memory (measured side by side). Heap grown past it is as before. A one-shot
// command does it: `bookc watch` lives on, as a server does. Where the kernel has fewer free
// blocks of a huge page than the heap to back, it would compact memory to make them on the
// build's first touches (the stalls of golang/go#61718): then the build does not ask.
// GODEBUG=disablethp=1, Go's own switch for huge pages in the heap, turns it off.
const hugeHeap = 512 << 20

// preGrows tells whether the command of args loads a book once and exits.
func preGrows(args []string) bool {
	return len(args) > 0 && (watchable(args[0]) || args[0] == "mdbook" || args[0] == "check" || args[0] == "tree")
}

// thpOnRequest tells whether the kernel's transparent huge page mode (the contents of
// /sys/kernel/mm/transparent_hugepage/enabled, the chosen one in brackets) gives them on request
// only: "always" gives them to the heap unasked, "never" not at all.
func thpOnRequest(enabled string) bool {
	return strings.Contains(enabled, "[madvise]")
}

// disablesTHP tells whether a GODEBUG value turns huge pages in the heap off: as the runtime
// reads it, the last number set wins.
func disablesTHP(godebug string) bool {
	off := false
	for _, v := range godebugValues(godebug, "disablethp") {
		if n, err := strconv.Atoi(v); err == nil {
			off = n != 0
		}
	}
	return off
}

// freeInBlocks is how many pages the kernel's free lists (the contents of /proc/buddyinfo: for
// each zone, the count of free blocks of 2^k pages, k from 0) hold in blocks of 2^order pages
// or more.
func freeInBlocks(buddyinfo string, order int) uint64 {
	var pages uint64
	for _, line := range strings.Split(buddyinfo, "\n") {
		f := strings.Fields(line)
		for i, w := range f {
			if w != "zone" || i+2 > len(f) {
				continue
			}
			for k, c := range f[i+2:] {
				if n, err := strconv.ParseUint(c, 10, 64); err == nil && k >= order && k < 64 {
					pages += n << k
				}
			}
		}
	}
	return pages
}
