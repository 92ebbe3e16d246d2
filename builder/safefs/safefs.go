// Package safefs bounds what a book can make bookc read: only regular files, each and all of them
// within a size limit, opened so that no open or read can block (a FIFO or a device named as a
// chapter would otherwise hang the build).
package safefs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
)

// Limits bound the bytes read. Zero means the default.
type Limits struct {
	File  int64 // one file
	Total int64 // every file read through one FS
}

// Defaults: a chapter, an include or an image past 64 MB is not a book's; a book past 1 GB of
// sources would not print.
const (
	DefaultFile  = 64 << 20
	DefaultTotal = 1 << 30
)

func (l Limits) withDefaults() Limits {
	if l.File <= 0 {
		l.File = DefaultFile
	}
	if l.Total <= 0 {
		l.Total = DefaultTotal
	}
	return l
}

// FS is a read-only file system that opens regular files only, within Limits. Allow, when set,
// vets every name before it is opened.
type FS struct {
	root  *os.Root // a root on disk, or nil
	dirs  *folders // its folders opened as roots of their own, for the files in them
	inner fs.FS    // the root's, or an in-memory or embedded one
	lim   Limits
	read  atomic.Int64
	Allow func(name string) error
}

// Root reads from a directory opened with os.OpenRoot, so that symbolic links cannot lead out.
// Close closes the folders it opened in it; the caller closes r.
func Root(r *os.Root, lim Limits) *FS {
	return &FS{lim: lim.withDefaults(), inner: r.FS(), root: r, dirs: &folders{root: r, open: map[string]*folder{}}}
}

// Close lets go of the folders the FS opened. It may be used no more.
func (f *FS) Close() {
	if f.dirs != nil {
		f.dirs.close()
	}
}

// Wrap reads from fsys (an embedded book, a test's map), with the same checks.
func Wrap(fsys fs.FS, lim Limits) *FS { return &FS{inner: fsys, lim: lim.withDefaults()} }

// ErrNotRegular and ErrTooBig are what the refusals wrap.
var (
	ErrNotRegular = errors.New("not a regular file")
	ErrTooBig     = errors.New("too big")
)

// kind names what a non-regular file is, for the diagnostic.
func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	default:
		return "a special file"
	}
}

func refuse(op, name string, err error) error { return &fs.PathError{Op: op, Path: name, Err: err} }

// file is an open regular file and its size.
type file struct {
	fs.File
	size int64
}

func (f *FS) openRegular(name string) (*file, error) {
	if !fs.ValidPath(name) {
		return nil, refuse("open", name, fs.ErrInvalid)
	}
	if f.Allow != nil {
		if err := f.Allow(name); err != nil {
			return nil, refuse("open", name, err)
		}
	}
	fl, err := f.openFile(name)
	if err != nil {
		return nil, err
	}
	st, err := fl.Stat()
	if err != nil {
		fl.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() { // it was swapped since the Stat
		fl.Close()
		return nil, f.notRegular(name, st.Mode())
	}
	if st.Size() > f.lim.File {
		fl.Close()
		return nil, refuse("open", name, f.tooBig(st.Size()))
	}
	return &file{fl, st.Size()}, nil
}

// openFile opens a file that is regular when stat'ed first (openIn), in its folder when that opens
// as a root of its own (inFolder), else through the whole root, which also words whatever went
// wrong in the folder as it would have.
func (f *FS) openFile(name string) (fs.File, error) {
	if f.root == nil {
		if st, err := fs.Stat(f.inner, name); err == nil && !st.Mode().IsRegular() {
			return nil, f.notRegular(name, st.Mode())
		}
		return f.inner.Open(name)
	}
	var fl *os.File
	var err error
	if f.inFolder(name, func(r *os.Root, base string) { fl, err = f.openIn(r, base, name) }) && (err == nil || errors.Is(err, ErrNotRegular)) {
		return fl, err
	}
	if fl, err = f.openIn(f.root, name, name); err != nil {
		return nil, err // an *os.File that is nil is no fs.File to return
	}
	return fl, nil
}

// openIn opens the file of r named name, which messages call shown. Stat first: opening a socket
// fails with a puzzling "no such device or address", and a device is not opened at all.
// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
func (f *FS) openIn(r *os.Root, name, shown string) (*os.File, error) {
	if st, err := r.Stat(name); err == nil && !st.Mode().IsRegular() {
		return nil, f.notRegular(shown, st.Mode())
	}
	return r.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}

// inFolder calls use with the folder of name opened as a root, and name's last element, where
// the whole root would walk every folder of the path again for each call; false, without calling
// it, for a name at the root or a folder that does not open so.
func (f *FS) inFolder(name string, use func(r *os.Root, base string)) bool {
	dir, base := path.Split(name)
	if f.root == nil || dir == "" || !fs.ValidPath(name) {
		return false
	}
	d := f.dirs.get(strings.TrimSuffix(dir, "/"))
	if d == nil {
		return false
	}
	defer f.dirs.put(d)
	use(d.root, base)
	return true
}

func (f *FS) notRegular(name string, m fs.FileMode) error {
	return refuse("open", name, fmt.Errorf("%w: it is %s; bookc reads only regular files", ErrNotRegular, kind(m)))
}

func (f *FS) tooBig(size int64) error {
	return fmt.Errorf("%w: %s is over the limit of %s for one file (raise it with --max-file-size)", ErrTooBig, Size(size), Size(f.lim.File))
}

// Open opens a regular file; anything else is refused. Directories cannot be listed.
func (f *FS) Open(name string) (fs.File, error) {
	fl, err := f.openRegular(name)
	if err != nil {
		return nil, err
	}
	return fl.File, nil
}

// Stat describes any file, regular or not: a stat never blocks.
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	var st fs.FileInfo
	var err error
	if f.inFolder(name, func(r *os.Root, base string) { st, err = r.Stat(base) }) && err == nil {
		return st, nil
	}
	return fs.Stat(f.inner, name)
}

// folders are the folders of a root that files were opened in, each opened as a root of its own,
// at most maxFolders of them: the most recently used, less those in use. A book's chapters come
// folder by folder.
type folders struct {
	root *os.Root
	mu   sync.Mutex
	open map[string]*folder
	tick int
}

type folder struct {
	name string
	root *os.Root
	uses int // the calls using it now: it is closed only when none is
	last int // the tick of its last use
}

// maxFolders bounds the descriptors the folders hold.
const maxFolders = 32

// get gives the folder opened as a root, to be given back with put; nil when it does not open
// (the caller then goes through the whole root).
func (ds *folders) get(name string) *folder {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	if ds.open == nil {
		return nil // closed
	}
	ds.tick++
	d := ds.open[name]
	if d == nil {
		if len(ds.open) >= maxFolders && !ds.evict() {
			return nil
		}
		r, err := ds.root.OpenRoot(name)
		if err != nil {
			return nil
		}
		d = &folder{name: name, root: r}
		ds.open[name] = d
	}
	d.uses++
	d.last = ds.tick
	return d
}

// evict closes the folder used longest ago of those not in use; false when all are.
func (ds *folders) evict() bool {
	var old *folder
	for _, d := range ds.open {
		if d.uses == 0 && (old == nil || d.last < old.last) {
			old = d
		}
	}
	if old == nil {
		return false
	}
	delete(ds.open, old.name)
	old.root.Close()
	return true
}

func (ds *folders) put(d *folder) {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	if d.uses--; d.uses == 0 && ds.open == nil {
		d.root.Close() // closed while it was in use
	}
}

func (ds *folders) close() {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	for _, d := range ds.open {
		if d.uses == 0 {
			d.root.Close()
		}
	}
	ds.open = nil
}

// ReadFile reads a regular file whole, counting it against the total.
func (f *FS) ReadFile(name string) ([]byte, error) {
	fl, err := f.openRegular(name)
	if err != nil {
		return nil, err
	}
	defer fl.Close()
	if total := f.read.Add(fl.size); total > f.lim.Total {
		return nil, refuse("read", name, fmt.Errorf("%w: the book's files come to more than %s in all (raise it with --max-book-size)", ErrTooBig, Size(f.lim.Total)))
	}
	// The file may grow while it is read: read one byte past the limit to see it.
	data, err := readSized(io.LimitReader(fl, f.lim.File+1), min(fl.size, f.lim.File))
	if err != nil {
		return nil, refuse("read", name, err)
	}
	if int64(len(data)) > f.lim.File {
		return nil, refuse("read", name, f.tooBig(int64(len(data))))
	}
	return data, nil
}

// readSized reads r to its end into room for size bytes and one more, to see the end: in one
// piece where r has the size it had when opened, as io.ReadAll, growing from 512 bytes, would
// take four times the size in all. A file that grew since is read whole all the same.
func readSized(r io.Reader, size int64) ([]byte, error) {
	data := make([]byte, 0, size+1)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// Size prints a byte count as people write it: "64 MB", "1.5 GB", "900 bytes".
func Size(n int64) string {
	switch {
	case n >= 1<<30:
		return trim(float64(n)/(1<<30)) + " GB"
	case n >= 1<<20:
		return trim(float64(n)/(1<<20)) + " MB"
	case n >= 1<<10:
		return trim(float64(n)/(1<<10)) + " kB"
	default:
		return fmt.Sprintf("%d bytes", n)
	}
}

func trim(f float64) string {
	s := fmt.Sprintf("%.1f", f)
	if len(s) > 2 && s[len(s)-2:] == ".0" {
		s = s[:len(s)-2]
	}
	return s
}

// ParseSize reads a size as a flag gives it: "64MB", "64M", "1GB", "500kB", "1048576".
func ParseSize(s string) (int64, error) {
	num, unit := s, ""
	for i, r := range s {
		if (r < '0' || r > '9') && r != '.' {
			num, unit = s[:i], s[i:]
			break
		}
	}
	var v float64
	if _, err := fmt.Sscanf(num, "%g", &v); err != nil || num == "" || v <= 0 {
		return 0, fmt.Errorf("size %q is not a number of bytes (write it as 64MB, 1GB or 500kB)", s)
	}
	mult := map[string]float64{"": 1, "b": 1, "k": 1 << 10, "kb": 1 << 10, "m": 1 << 20, "mb": 1 << 20, "g": 1 << 30, "gb": 1 << 30}
	m, ok := mult[strings.ToLower(unit)]
	if !ok {
		return 0, fmt.Errorf("size %q has an unknown unit %q (use kB, MB or GB)", s, unit)
	}
	return int64(v * m), nil
}
