package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a buffer that a command writes while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// eventually waits, at most 20 s, for ok.
func eventually(t *testing.T, what string, ok func() bool) {
	t.Helper()
	for end := time.Now().Add(20 * time.Second); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		if ok() {
			return
		}
	}
	t.Fatalf("waited 20 s for %s", what)
}

// TestWatch runs 'bookc watch' on a book and edits it as an author does: a chapter edited, a
// chapter included from another file edited, book.toml broken (the last good man page stays, the
// error is told) and fixed; each change gives a new man page, and Ctrl-C ends the watch.
func TestWatch(t *testing.T) {
	defer func(p time.Duration) { watchPoll = p }(watchPoll)
	watchPoll = 10 * time.Millisecond
	dir, out := t.TempDir(), t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("book.toml", "[book]\ntitle = \"Watched\"\n")
	write("src/SUMMARY.md", "# Summary\n\n- [One](one.md)\n")
	write("src/one.md", "# One\n\nThe first words.\n\n{{#include part.md}}\n")
	write("src/part.md", "Included words.\n")
	page := filepath.Join(out, "watched-one.7")
	holds := func(s string) func() bool {
		return func() bool { data, _ := os.ReadFile(page); return bytes.Contains(data, []byte(s)) }
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr lockedBuffer
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"watch", dir, "man", "-o", out, "-q"}, &stdout, &stderr) }()
	eventually(t, "the first build", holds("The first words."))
	eventually(t, "the watch to begin", func() bool { return strings.Contains(stdout.String(), "watching") })

	write("src/one.md", "# One\n\nThe first words, edited.\n\n{{#include part.md}}\n")
	eventually(t, "the edited chapter", holds("The first words, edited."))
	write("src/part.md", "Included words, edited.\n")
	eventually(t, "the edited include", holds("Included words, edited."))

	write("book.toml", "[book\n")
	eventually(t, "the TOML error", func() bool { return strings.Contains(stderr.String(), "fix the TOML syntax") })
	if !holds("Included words, edited.")() {
		t.Error("a broken book.toml lost the last good man page")
	}
	write("book.toml", "[book]\ntitle = \"Watched\"\n")
	write("src/part.md", "Included words, edited twice.\n")
	eventually(t, "the build after the fix", holds("edited twice"))
	if got := stdout.String(); !strings.Contains(got, "rebuilt after a change to ") || !strings.Contains(got, "not built; the last good artifacts stay") {
		t.Errorf("watch said:\n%s", got)
	}

	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("watch ended with %d after Ctrl-C, want 0\n%s", code, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("watch did not end within 10 s of Ctrl-C")
	}
}

// TestWatchNeedsFolder checks that watch says what to give it, and that a missing folder fails.
func TestWatchNeedsFolder(t *testing.T) {
	if code, _, errs := runCLI(t, "watch", "pdf"); code != 2 || !strings.Contains(errs, "watch needs the book's folder") {
		t.Errorf("watch pdf: exit %d, %q", code, errs)
	}
	if code, _, errs := runCLI(t, "watch", filepath.Join(t.TempDir(), "none")); code != 1 || !strings.Contains(errs, "there is no folder") {
		t.Errorf("watch of a missing folder: exit %d, %q", code, errs)
	}
}
