// Package touched records the files a build reads through an fs.FS, and tells which of them
// changed since: the cheap poll with which 'bookc watch' knows when to build again. Watching what
// was read, and not a folder, sees every include, image and SUMMARY.md wherever it lies, and
// nothing else (not the output written beside the book); a file the build asked for and did not
// find is watched too, so that creating it counts as a change.
package touched

import (
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"
)

// FS is an fs.FS that records the names opened, read and stated through it, each with its stamp
// on disk when first asked for: stamped before it is read, a file edited while the build reads it
// still counts as changed.
type FS struct {
	inner fs.FS
	root  string // the folder on disk that inner reads
	mu    sync.Mutex
	seen  map[string]stamp
}

// Record wraps inner, which reads the folder root on disk.
func Record(inner fs.FS, root string) *FS {
	return &FS{inner: inner, root: root, seen: map[string]stamp{}}
}

func (f *FS) note(name string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.seen[name]; !ok {
		f.seen[name] = stampOf(f.root, name)
	}
}

// Open records name and opens it in the inner FS.
func (f *FS) Open(name string) (fs.File, error) {
	f.note(name)
	return f.inner.Open(name)
}

// ReadFile records name and reads it from the inner FS, with its checks.
func (f *FS) ReadFile(name string) ([]byte, error) {
	f.note(name)
	return fs.ReadFile(f.inner, name)
}

// Stat records name and stats it in the inner FS.
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	f.note(name)
	return fs.Stat(f.inner, name)
}

// ReadDir records name, a folder listed (a change to its entries is a change), and lists it.
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	f.note(name)
	return fs.ReadDir(f.inner, name)
}

// Names are the names recorded, sorted.
func (f *FS) Names() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]string, 0, len(f.seen))
	for n := range f.seen {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// Snapshot is the files recorded so far, with their stamps.
func (f *FS) Snapshot() Snapshot {
	f.mu.Lock()
	defer f.mu.Unlock()
	return Snapshot{root: f.root, stamps: maps.Clone(f.seen)}
}

// stamp is what a poll compares of a file: a write changes its time or size, a new or removed
// file its existence.
type stamp struct {
	exists bool
	size   int64
	mod    int64 // nanoseconds since 1970
}

// Snapshot is the stamps of files on disk, by their names in the FS they were read through.
type Snapshot struct {
	root   string // the FS's folder on disk
	stamps map[string]stamp
}

// stampOf stats the file named, a slash path in the folder root on disk, without following it
// anywhere a read would not: Lstat, so that a link that changes where it points counts as a
// change, and nothing is opened.
func stampOf(root, name string) stamp {
	st, err := os.Lstat(filepath.Join(root, filepath.FromSlash(name)))
	if err != nil {
		return stamp{}
	}
	if st.IsDir() {
		return stamp{exists: true, mod: st.ModTime().UnixNano()} // its entries changed: its time did
	}
	return stamp{exists: true, size: st.Size(), mod: st.ModTime().UnixNano()}
}

// Changed stamps the snapshot's files again and returns those that differ, sorted.
func (s Snapshot) Changed() []string {
	var out []string
	for n, was := range s.stamps {
		if now := stampOf(s.root, n); now != was {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}

// Again stamps the snapshot's files as they are now: to watch the same files from here on.
func (s Snapshot) Again() Snapshot {
	next := Snapshot{root: s.root, stamps: make(map[string]stamp, len(s.stamps))}
	for n := range s.stamps {
		next.stamps[n] = stampOf(s.root, n)
	}
	return next
}
