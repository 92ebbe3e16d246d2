package main

import (
	"math/bits"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"unsafe"
)

const thpDir = "/sys/kernel/mm/transparent_hugepage/"

// preGrowHeap grows the heap by n bytes backed by huge pages on request, as hugeheap.go says,
// and gives the range it advised ([lo, hi), empty when it did nothing). It does nothing when
// GODEBUG (linked in or the user's) turns huge pages off, the address space is limited (the n
// bytes count against it, untouched), or the kernel has none to give (kernelHugePage).
func preGrowHeap(n int) (lo, hi uintptr) {
	if disablesTHP(linkedGODEBUG + "," + os.Getenv("GODEBUG")) {
		return 0, 0
	}
	var as syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_AS, &as) != nil || as.Cur != ^uint64(0) {
		return 0, 0
	}
	huge := kernelHugePage(n)
	if huge == 0 {
		return 0, 0
	}
	b := make([]byte, n) // fresh from the kernel: the runtime does not zero it, nothing touches it
	start := uintptr(unsafe.Pointer(&b[0]))
	from := (start + uintptr(huge) - 1) &^ uintptr(huge-1)
	to := (start + uintptr(n)) &^ uintptr(huge-1)
	err := syscall.Madvise(b[from-start:to-start], syscall.MADV_HUGEPAGE)
	runtime.KeepAlive(b)
	// frees b now, before the build allocates: the collection its making started counted it
	// live, and the next would come only once the heap had grown to twice it
	runtime.GC()
	if err != nil {
		return 0, 0
	}
	return from, to
}

// kernelHugePage is the size of the huge pages the kernel gives a 64-bit process on request,
// when it gives them only so and has n bytes of them free (n at least four of them); else 0.
func kernelHugePage(n int) int {
	if strconv.IntSize < 64 {
		return 0
	}
	enabled, err := os.ReadFile(thpDir + "enabled")
	if err != nil || !thpOnRequest(string(enabled)) {
		return 0
	}
	huge := hugePage()
	if huge == 0 || n < 4*huge || freeHuge(huge) < uint64(n) {
		return 0
	}
	return huge
}

// hugePage is the kernel's huge page size in bytes, 0 when it has none.
func hugePage() int {
	size, err := os.ReadFile(thpDir + "hpage_pmd_size")
	if err != nil {
		return 0
	}
	huge, err := strconv.Atoi(strings.TrimSpace(string(size)))
	if err != nil || huge <= os.Getpagesize() || huge&(huge-1) != 0 {
		return 0
	}
	return huge
}

// freeHuge is how many bytes the kernel has free in blocks of a huge page (huge bytes) or more.
func freeHuge(huge int) uint64 {
	buddy, err := os.ReadFile("/proc/buddyinfo")
	if huge == 0 || err != nil {
		return 0
	}
	page := os.Getpagesize()
	return freeInBlocks(string(buddy), bits.TrailingZeros(uint(huge/page))) * uint64(page)
}
