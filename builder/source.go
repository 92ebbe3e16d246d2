// Package builder reads an mdBook book into bookc's document tree: book.toml, SUMMARY.md, every
// chapter with its includes and images, parsed once. Editions are made from the result by Edition.
package builder

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"bookc/builder/gitrepo"
	"bookc/builder/safefs"
)

// Source is where a book's files come from: a file system rooted at the include root, which
// nothing the book says can leave, and the book's folder inside it.
type Source struct {
	FS       fs.FS
	BookDir  string // slash path of the book's folder in FS ("." when the book is the root)
	RootName string // the include root as the user knows it, for refusals
	// RootWhy says how the include root was chosen, for 'bookc check'.
	RootWhy string
	// Dir is the book's folder on disk, absolute; "" for a book that is not on disk. Preprocessors
	// run there.
	Dir string
	// Display names an FS path for diagnostics, as the user would type it.
	Display func(name string) string
	close   func() error
}

// Close releases the source's directory handle.
func (s *Source) Close() error {
	if s.close != nil {
		return s.close()
	}
	return nil
}

// FromFS uses an in-memory or embedded book; label prefixes the paths diagnostics name.
func FromFS(fsys fs.FS, label string) *Source {
	return &Source{FS: safefs.Wrap(fsys, safefs.Limits{}), BookDir: ".", RootName: label, RootWhy: "the book's own files",
		Display: func(name string) string { return path.Join(label, name) }}
}

// OpenDir opens the book in dir on disk. The include root is includeRoot when given, else the git
// work tree around the book when it is a real repository (mdBook books include examples from
// elsewhere in their repository), else the book's folder. Outside the book's folder, a work tree
// lends only the files it tracks: a secret kept beside the book, ignored by git, stays out. The
// root is opened with os.OpenRoot, so symbolic links cannot lead out of it.
func OpenDir(dir, includeRoot string, lim safefs.Limits) (*Source, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if st, err := os.Stat(abs); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("there is no folder %s: give the folder that holds book.toml and src/", dir)
	} else if err != nil {
		return nil, fmt.Errorf("book folder %s: %w", dir, err)
	} else if !st.IsDir() {
		return nil, fmt.Errorf("%s is not a folder: give the folder that holds book.toml and src/", dir)
	}
	root, why := abs, "the book's folder"
	var tracked *gitrepo.Index
	switch {
	case includeRoot != "":
		if root, err = filepath.Abs(includeRoot); err != nil {
			return nil, err
		}
		why = "given by --include-root"
	default:
		repo, err := gitrepo.Find(abs)
		if err != nil {
			return nil, fmt.Errorf("looking for the git repository around %s: %w (give --include-root to choose the root)", dir, err)
		}
		if repo != nil && repo.WorkTree != abs {
			if tracked, err = repo.Tracked(); err != nil {
				return nil, fmt.Errorf("reading the git index of %s: %w (give --include-root to choose the root)", repo.WorkTree, err)
			}
			root, why = repo.WorkTree, "the git work tree around the book; outside the book's folder, only files git tracks"
		}
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil, fmt.Errorf("the include root %s does not contain the book %s; give --include-root a folder above the book", root, dir)
	}
	r, err := os.OpenRoot(root)
	if err != nil {
		return nil, fmt.Errorf("include root: %w", err)
	}
	bookDir := filepath.ToSlash(rel)
	fsys := safefs.Root(r, lim)
	if tracked != nil {
		fsys.Allow = func(name string) error {
			if inside(bookDir, name) || tracked.Has(name) {
				return nil
			}
			return errUntracked
		}
	}
	return &Source{
		FS: fsys, BookDir: bookDir, RootName: root, RootWhy: why, Dir: abs, close: func() error { fsys.Close(); return r.Close() },
		Display: func(name string) string {
			// Paths inside the book read as the user typed the book's folder; others relative to it.
			if r, err := filepath.Rel(filepath.FromSlash(bookDir), filepath.FromSlash(name)); err == nil {
				return filepath.Join(dir, r)
			}
			return name
		},
	}, nil
}

// errUntracked refuses a file outside the book's folder that git does not track.
var errUntracked = errors.New("it is outside the book's folder and git does not track it; only tracked files of the work tree can be included (git add it, or give --include-root)")

// inside reports whether the slash path name lies in the folder dir ("." holds everything).
func inside(dir, name string) bool {
	return dir == "." || name == dir || strings.HasPrefix(name, dir+"/")
}
