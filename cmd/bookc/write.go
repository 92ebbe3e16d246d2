package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"bookc/builder/diag"
	"bookc/builder/tree"
	"bookc/formats"
	"bookc/formats/man"
)

// writer renders artifacts and puts their files in place, for one build.
type writer struct {
	o    *options
	gate sync.RWMutex // held for reading while an artifact's files are written; close takes it for good
	dirs sync.Map     // output folders already created, to spare a stat per file
	made sync.Map     // file written -> the artifact that wrote it, so that none overwrites another
}

// close lets the artifacts being written finish and keeps any other from starting.
func (w *writer) close() { w.gate.Lock() }

// edition is what writing an artifact needs of its edition, taken before the rendering (editionOf):
// the edition's tree can then go once its backends are done with it (at 30x the benchmark book,
// 0.12 GB while the PDF's file is assembled).
type edition struct {
	name, artifact string // editionName's, and the tree's Artifact
	full           bool
}

func editionOf(ed *tree.Book) edition {
	return edition{name: editionName(ed), artifact: ed.Artifact(), full: ed.Edition.Full()}
}

// artifact renders an edition, e its editionOf, and writes its files, all of them or, once
// interrupted, none.
func (w *writer) artifact(ctx context.Context, be formats.Backend, ed *tree.Book, e edition) (*artifact, diag.List, error) {
	o := w.o
	t := time.Now()
	out, err := render(be, ed)
	if err != nil {
		return nil, nil, err
	}
	w.gate.RLock()
	defer w.gate.RUnlock()
	if ctx.Err() != nil {
		return nil, out.Diagnostics, ctx.Err()
	}
	a := &artifact{format: be.Name(), edition: e.name}
	label := a.format + " " + a.edition
	// Every file is written aside first and renamed into place only when all are: an artifact of
	// many files (the man pages) lands whole or not at all, on a full disk too.
	var pending []staged
	defer func() {
		for _, st := range pending {
			os.Remove(st.tmp) // those not renamed
		}
	}()
	for i, f := range out.Files {
		out.Files[i] = formats.File{} // its bytes go once written: the 30x book's 11,905 man pages take seconds to write
		dir, name := w.fileDir(be, e, f.Name), f.Name
		if o.gzip {
			name, f = name+".gz", formats.File{Data: man.Gzip(f.Bytes())}
		}
		dest := filepath.Join(dir, filepath.FromSlash(name))
		if by, dup := w.made.LoadOrStore(dest, label); dup {
			return nil, out.Diagnostics, fmt.Errorf("%s is made by %s and by %s: their names collide; rename the chapter or the role", dest, by, label)
		}
		var tmp string
		var err error
		if !unchanged(dest, f) {
			tmp, err = w.stage(dest, f)
		}
		if f.Spill != nil {
			f.Spill.Close() // written out, or not to be: its temporary file goes
		}
		if err != nil {
			return nil, out.Diagnostics, err
		}
		if tmp != "" {
			pending = append(pending, staged{tmp, dest})
		}
		a.files = append(a.files, dest)
		a.pages += f.Pages
		a.bytes += f.Size()
	}
	// A rename onto a folder is the one failure a staged file can still meet: look first, so that
	// none of the set is put in place when one cannot be.
	for _, st := range pending {
		if fi, err := os.Lstat(st.dest); err == nil && fi.IsDir() {
			return nil, out.Diagnostics, fmt.Errorf("cannot put %s in place: a folder has that name (remove it or choose another output folder with -o)", st.dest)
		}
	}
	for len(pending) > 0 {
		st := pending[0]
		if err := os.Rename(st.tmp, st.dest); err != nil {
			return nil, out.Diagnostics, fmt.Errorf("cannot put %s in place: %w", st.dest, unwrap(err))
		}
		pending = pending[1:]
	}
	a.took = time.Since(t)
	return a, out.Diagnostics, nil
}

// unchanged tells whether dest is a regular file with the file's bytes already, which a
// rebuild then leaves as it is: a build of an unchanged book writes nothing, and its readers
// (a PDF viewer, make, rsync) see no new file. Comparing costs a read of what is cached, where
// writing anew costs an inode for each file (a rebuild of the 1.5 MB book into the folder it
// wrote makes 387) and drops the one before.
func unchanged(dest string, file formats.File) bool {
	fi, err := os.Lstat(dest)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(file.Size()) {
		return false
	}
	d, err := os.Open(dest)
	if err != nil {
		return false
	}
	defer d.Close()
	s := comparers.Get().(*sameAs)
	defer comparers.Put(s)
	s.r = d
	_, err = file.WriteTo(s)
	s.r = nil
	return err == nil
}

// comparers keeps sameAs's buffers for the next file: at 30x the benchmark book, 11,905 man
// pages each with a buffer of its own made 20 MB more of peak memory.
var comparers = sync.Pool{New: func() any { return new(sameAs) }}

// errDiffers stops a comparison at the first difference.
var errDiffers = errors.New("the bytes differ")

// sameAs is a writer that compares what is written with what r reads, a piece at a time.
type sameAs struct {
	r   io.Reader
	buf [32 << 10]byte
}

func (s *sameAs) Write(p []byte) (int, error) {
	for done := 0; done < len(p); {
		n := min(len(p)-done, len(s.buf))
		if _, err := io.ReadFull(s.r, s.buf[:n]); err != nil || !bytes.Equal(s.buf[:n], p[done:done+n]) {
			return done, errDiffers
		}
		done += n
	}
	return len(p), nil
}

// staged is a file written to its temporary name, waiting to be renamed to dest.
type staged struct{ tmp, dest string }

// tmpSeq numbers temporary files, which O_EXCL keeps from ever colliding.
var tmpSeq atomic.Int64

// tmpPattern is the name of bookc's temporary files: ".DEST.PID-SEQ.tmp".
var tmpPattern = regexp.MustCompile(`^\..+\.([0-9]+)-[0-9]+\.tmp$`)

// stage writes the file to a temporary file beside dest, so that a reader never sees a half-written
// artifact and a failed build leaves the previous one untouched.
func (w *writer) stage(dest string, file formats.File) (string, error) {
	dir := filepath.Dir(dest)
	if _, done := w.dirs.Load(dir); !done {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return "", fmt.Errorf("cannot create %s: %w (choose another output folder with -o)", dir, unwrap(err))
		}
		removeStale(dir)
		w.dirs.Store(dir, true)
	}
	var f *os.File
	var tmp string
	for {
		tmp = filepath.Join(dir, fmt.Sprintf(".%s.%d-%d.tmp", filepath.Base(dest), os.Getpid(), tmpSeq.Add(1)))
		var err error
		f, err = os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			break
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", fmt.Errorf("cannot write into %s: %w (choose another output folder with -o)", dir, unwrap(err))
		}
	}
	_, werr := file.WriteTo(f)
	if err := errors.Join(werr, f.Close()); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("writing %s: %w (nothing of it was put in place)", dest, unwrap(err))
	}
	return tmp, nil
}

// removeStale removes the temporary files that killed bookc builds left in dir: only names of
// bookc's own pattern, and only those of processes that no longer run (another build may be
// writing into the same folder).
func removeStale(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		m := tmpPattern.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		if pid, err := strconv.Atoi(m[1]); err == nil && !running(pid) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// running reports whether a process with the pid exists (signal 0 checks without sending).
func running(pid int) bool {
	if pid == os.Getpid() {
		return true
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

func unwrap(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
