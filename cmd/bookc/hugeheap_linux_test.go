package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// onRequest tells whether the kernel gives this process huge pages on request and has n bytes
// of them free: where preGrowHeap(n) has work to do.
func onRequest(t *testing.T, n int) bool {
	t.Logf("%d MB free in blocks of a huge page (%d KB)", freeHuge(hugePage())>>20, hugePage()>>10)
	return kernelHugePage(n) != 0
}

// TestPreGrowHeap pre-grows this process's heap and reads back from the kernel that the range it
// advised takes huge pages (VmFlags "hg" in /proc/self/smaps); where the kernel gives them
// unasked or never, it advises nothing.
func TestPreGrowHeap(t *testing.T) {
	const n = 64 << 20
	lo, hi := preGrowHeap(n)
	if !onRequest(t, n) {
		if lo != hi {
			t.Fatalf("advised [%#x, %#x) where the kernel does not give huge pages on request", lo, hi)
		}
		t.Skip("this kernel gives huge pages unasked or never, or has too few free, or the process is 32-bit: nothing to advise")
	}
	if hi-lo < n-4<<20 {
		t.Fatalf("advised [%#x, %#x), %d MB of the %d MB pre-grown", lo, hi, (hi-lo)>>20, n>>20)
	}
	smaps, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	covered := lo
	var start, end uintptr
	for sc := bufio.NewScanner(bytes.NewReader(smaps)); sc.Scan(); {
		line := sc.Text()
		if from, to, ok := vmaRange(line); ok {
			start, end = from, to
			continue
		}
		flags, ok := strings.CutPrefix(line, "VmFlags:")
		if !ok || end <= lo || start >= hi {
			continue
		}
		if !strings.Contains(" "+flags+" ", " hg ") {
			t.Errorf("the mapping %#x-%#x, in the range advised, takes no huge pages (VmFlags:%s)", start, end, flags)
		}
		if start <= covered {
			covered = max(covered, end)
		}
	}
	if covered < hi {
		t.Errorf("the advised range [%#x, %#x) is mapped only up to %#x", lo, hi, covered)
	}
}

// TestPreGrowHeapDeclines: with GODEBUG turning huge pages off, or the address space limited
// (here to 64 TB, a limit nonetheless), preGrowHeap advises nothing.
func TestPreGrowHeapDeclines(t *testing.T) {
	if !onRequest(t, 64<<20) {
		t.Skip("this kernel gives huge pages unasked or never, or has too few free, or the process is 32-bit: nothing to decline")
	}
	for _, tt := range []struct {
		name string
		set  func(t *testing.T)
	}{
		{"GODEBUG=disablethp=1", func(t *testing.T) { t.Setenv("GODEBUG", "disablethp=1") }},
		{"RLIMIT_AS", func(t *testing.T) {
			var was syscall.Rlimit
			if err := syscall.Getrlimit(syscall.RLIMIT_AS, &was); err != nil {
				t.Fatal(err)
			}
			limited := syscall.Rlimit{Cur: 1 << 46, Max: was.Max}
			if err := syscall.Setrlimit(syscall.RLIMIT_AS, &limited); err != nil {
				t.Skipf("cannot limit the address space: %v", err)
			}
			t.Cleanup(func() { syscall.Setrlimit(syscall.RLIMIT_AS, &was) })
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tt.set(t)
			if lo, hi := preGrowHeap(64 << 20); lo != hi {
				t.Errorf("advised [%#x, %#x)", lo, hi)
			}
		})
	}
}

// vmaRange reads the address range of a mapping's first line in smaps ("7f00-7f80 rw-p ...").
func vmaRange(line string) (from, to uintptr, ok bool) {
	addrs, _, _ := strings.Cut(line, " ")
	a, b, ok := strings.Cut(addrs, "-")
	if !ok {
		return 0, 0, false
	}
	x, err1 := strconv.ParseUint(a, 16, 64)
	y, err2 := strconv.ParseUint(b, 16, 64)
	return uintptr(x), uintptr(y), err1 == nil && err2 == nil
}

// TestHugeHeapFaults runs `bookc all` of the handbook as a user does and counts its page faults
// (the kernel's count, not a time): backed by huge pages, its heap is touched first in 2 MB
// pages, so it takes under half the faults it takes with GODEBUG=disablethp=1 (about 2,500
// against 6,900 on the build machine).
func TestHugeHeapFaults(t *testing.T) {
	if !onRequest(t, hugeHeap) {
		t.Skip("this kernel gives huge pages unasked or never, or has too few free, or the process is 32-bit: a build asks for none")
	}
	bin := buildBinary(t)
	faults := func(godebug string) int64 {
		cmd := exec.Command(bin, "all", "-q", "-o", t.TempDir())
		cmd.Env = append(os.Environ(), "GODEBUG="+godebug)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("GODEBUG=%s bookc all: %v\n%s", godebug, err, out)
		}
		return int64(cmd.ProcessState.SysUsage().(*syscall.Rusage).Minflt)
	}
	huge, small := faults(""), faults("disablethp=1")
	if huge*2 > small {
		t.Errorf("bookc all took %d page faults, with GODEBUG=disablethp=1 %d: want under half", huge, small)
	}
}
