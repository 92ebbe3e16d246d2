package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
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

// artifact renders an edition and writes its files, all of them or, once interrupted, none.
func (w *writer) artifact(ctx context.Context, be formats.Backend, ed *tree.Book) (*artifact, diag.List, error) {
	o := w.o
	t := time.Now()
	out, err := be.Render(ed)
	if err != nil {
		return nil, nil, err
	}
	w.gate.RLock()
	defer w.gate.RUnlock()
	if ctx.Err() != nil {
		return nil, out.Diagnostics, ctx.Err()
	}
	a := &artifact{format: be.Name(), edition: editionName(ed)}
	label := a.format + " " + a.edition
	for _, f := range out.Files {
		dir, name, data := o.outDir, f.Name, f.Data
		if o.gzip {
			name, data = name+".gz", man.Gzip(data)
		}
		if o.install != "" {
			dir = filepath.Join(o.install, filepath.FromSlash(man.InstallDir(f.Name)))
		}
		dest := filepath.Join(dir, filepath.FromSlash(name))
		if by, dup := w.made.LoadOrStore(dest, label); dup {
			return nil, out.Diagnostics, fmt.Errorf("%s is made by %s and by %s: their names collide (a chapter's ID with a role's name, as in a chapter \"Users\" and a role \"users\"); rename the chapter or the role", dest, by, label)
		}
		if err := w.file(dest, data); err != nil {
			return nil, out.Diagnostics, err
		}
		a.files = append(a.files, dest)
		a.pages += f.Pages
		a.bytes += len(data)
	}
	a.took = time.Since(t)
	return a, out.Diagnostics, nil
}

// tmpSeq numbers temporary files, which O_EXCL keeps from ever colliding.
var tmpSeq atomic.Int64

// file writes data to a temporary file beside dest and renames it into place, so a reader never
// sees a half-written artifact and a failed build leaves the previous one untouched.
func (w *writer) file(dest string, data []byte) error {
	dir := filepath.Dir(dest)
	if _, done := w.dirs.Load(dir); !done {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("cannot create %s: %w (choose another output folder with -o)", dir, unwrap(err))
		}
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
			return fmt.Errorf("cannot write into %s: %w (choose another output folder with -o)", dir, unwrap(err))
		}
	}
	_, werr := f.Write(data)
	if err := errors.Join(werr, f.Close()); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("writing %s: %w", dest, err)
	}
	if err := os.Rename(tmp, dest); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("cannot put %s in place: %w", dest, unwrap(err))
	}
	return nil
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
