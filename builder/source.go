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
)

// Source is where a book's files come from: an fs.FS rooted at the include root, which nothing the
// book says can leave, and the book's folder inside it.
type Source struct {
	FS       fs.FS
	BookDir  string // slash path of the book's folder in FS ("." when the book is the root)
	RootName string // the include root as the user knows it, for refusals
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
	return &Source{FS: fsys, BookDir: ".", RootName: label,
		Display: func(name string) string { return path.Join(label, name) }}
}

// OpenDir opens the book in dir on disk. The include root is includeRoot when given, else the git
// work tree around the book (mdBook books include examples from elsewhere in their repository), else
// the book's folder. The root is opened with os.OpenRoot, so symbolic links cannot lead out of it.
func OpenDir(dir, includeRoot string) (*Source, error) {
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
	root := abs
	switch {
	case includeRoot != "":
		if root, err = filepath.Abs(includeRoot); err != nil {
			return nil, err
		}
	default:
		if wt := gitWorkTree(abs); wt != "" {
			root = wt
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
	return &Source{
		FS: r.FS(), BookDir: bookDir, RootName: root, close: r.Close,
		Display: func(name string) string {
			// Paths inside the book read as the user typed the book's folder; others relative to it.
			if r, err := filepath.Rel(filepath.FromSlash(bookDir), filepath.FromSlash(name)); err == nil {
				return filepath.Join(dir, r)
			}
			return name
		},
	}, nil
}

// gitWorkTree returns the work tree containing dir, or "".
func gitWorkTree(dir string) string {
	for d := dir; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}
