//go:build !linux

package main

// preGrowHeap does nothing where there are no transparent huge pages to ask for.
func preGrowHeap(int) (lo, hi uintptr) { return 0, 0 }
