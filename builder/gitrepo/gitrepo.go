// Package gitrepo finds the real git repository around a folder and reads the paths its index
// tracks, so that bookc widens a book's include root only to a genuine work tree's tracked files.
package gitrepo

import (
	"bytes"
	"crypto/sha1"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// Repo is a git work tree found around a folder.
type Repo struct {
	WorkTree string // absolute path of the work tree
	GitDir   string // absolute path of its git directory

	// commonDir holds objects/ and config: GitDir itself, except for a linked work tree
	// (git worktree add), whose GitDir is .git/worktrees/NAME inside the main repository's.
	commonDir string
}

// maxSmallFile bounds the .git and commondir files read: real ones hold one path.
const maxSmallFile = 64 << 10

// Find returns the real git repository whose work tree contains dir (an absolute path), or nil
// when there is none. It walks up from dir lexically, so WorkTree is always dir or one of its
// parents as spelled, and stops, returning nil, at the file system's root and at the user's home
// folder (compared after resolving symbolic links): neither is ever a work tree, since either
// would lend a book the whole disk or the user's secrets. A .git entry counts only when it is, or
// is a gitfile ("gitdir: PATH") naming, a folder holding a regular file HEAD and either objects/
// or a commondir file naming a folder with objects/; any other .git is ignored and the search
// goes on upwards.
func Find(dir string) (*Repo, error) {
	if !filepath.IsAbs(dir) {
		return nil, fmt.Errorf("gitrepo: %q is not an absolute path", dir)
	}
	home, homeReal := "", ""
	if h, err := os.UserHomeDir(); err == nil && h != "" && filepath.IsAbs(h) {
		home = filepath.Clean(h)
		homeReal = resolve(home)
	}
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if filepath.Dir(d) == d || d == home {
			return nil, nil
		}
		if real := resolve(d); filepath.Dir(real) == real || (homeReal != "" && real == homeReal) {
			return nil, nil
		}
		r, err := repoAt(d)
		if err != nil || r != nil {
			return r, err
		}
	}
}

// resolve returns p with symbolic links resolved, or p itself when that fails.
func resolve(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	return p
}

// repoAt returns the repository whose work tree is d, or nil when d/.git is not a real one.
func repoAt(d string) (*Repo, error) {
	dotgit := filepath.Join(d, ".git")
	fi, err := os.Stat(dotgit)
	if err != nil {
		return nil, notAbsent(err)
	}
	var dir string
	switch {
	case fi.IsDir():
		dir = dotgit
	case fi.Mode().IsRegular():
		// A gitfile, as submodules and linked work trees have: "gitdir: PATH".
		content, err := readSmall(dotgit)
		if err != nil || content == "" {
			return nil, err
		}
		p, ok := strings.CutPrefix(content, "gitdir: ")
		if !ok || !cleanLine(p) {
			return nil, nil
		}
		if !filepath.IsAbs(p) {
			p = filepath.Join(d, p)
		}
		dir = filepath.Clean(p)
	default:
		return nil, nil
	}
	common, err := gitDir(dir)
	if err != nil || common == "" {
		return nil, err
	}
	return &Repo{WorkTree: d, GitDir: dir, commonDir: common}, nil
}

// gitDir reports whether dir is a git directory, returning its common directory (the one holding
// objects/), or "" when it is not one. A git directory holds HEAD, a regular file, and either
// objects/ or, for a linked work tree, a commondir file naming a folder that holds objects/.
func gitDir(dir string) (string, error) {
	if ok, err := is(dir, fs.ModeDir); !ok {
		return "", err
	}
	if ok, err := is(filepath.Join(dir, "HEAD"), 0); !ok {
		return "", err
	}
	if ok, err := is(filepath.Join(dir, "objects"), fs.ModeDir); ok || err != nil {
		return dir, err
	}
	content, err := readSmall(filepath.Join(dir, "commondir"))
	if err != nil || !cleanLine(content) {
		return "", err
	}
	if !filepath.IsAbs(content) {
		content = filepath.Join(dir, content)
	}
	common := filepath.Clean(content)
	if ok, err := is(filepath.Join(common, "objects"), fs.ModeDir); !ok {
		return "", err
	}
	return common, nil
}

// is reports whether p exists (following symbolic links) and is a directory (typ fs.ModeDir)
// or a regular file (typ 0). A path that leads nowhere is no error.
func is(p string, typ fs.FileMode) (bool, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return false, notAbsent(err)
	}
	return fi.Mode().Type() == typ, nil
}

// notAbsent returns nil for the errors that mean a path leads nowhere, which only tell that
// something is not a repository, and err, naming the path, for the others (permission denied,
// I/O errors), which the caller should hear about rather than silently get a narrower root.
func notAbsent(err error) error {
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) ||
		errors.Is(err, syscall.ELOOP) || errors.Is(err, syscall.ENAMETOOLONG) {
		return nil
	}
	return fmt.Errorf("gitrepo: %w", err)
}

// readSmall returns the content of the regular file p without its trailing line ends, as git
// reads gitfiles, or "" when p is absent, not a regular file, or too large to be one git wrote.
func readSmall(p string) (string, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", notAbsent(err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		return "", nil
	}
	b, err := io.ReadAll(io.LimitReader(f, maxSmallFile+1))
	if err != nil {
		return "", fmt.Errorf("gitrepo: reading %s: %w", p, err)
	}
	if len(b) > maxSmallFile {
		return "", nil
	}
	return strings.TrimRight(string(b), "\r\n"), nil
}

// cleanLine reports whether s can be a path git wrote: non-empty, one line, no NUL.
func cleanLine(s string) bool {
	return s != "" && !strings.ContainsAny(s, "\x00\n\r")
}

// Tracked reads the repository's index and returns the paths it tracks. A repository without an
// index (nothing added yet) tracks nothing. A split index is an error: its shared part is not read.
func (r *Repo) Tracked() (*Index, error) {
	hashSize, err := objectFormat(filepath.Join(r.common(), "config"))
	if err != nil {
		return nil, err
	}
	name := filepath.Join(r.GitDir, "index")
	data, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return &Index{}, nil
	} else if err != nil {
		return nil, fmt.Errorf("gitrepo: %w", err)
	}
	ix, err := ParseIndex(data, hashSize)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return ix, nil
}

func (r *Repo) common() string {
	if r.commonDir != "" {
		return r.commonDir
	}
	return r.GitDir
}

// objectFormat returns the hash size of the repository whose config file is name: 32 when it
// says extensions.objectFormat = sha256, else 20 (SHA-1, also when there is no config).
func objectFormat(name string) (int, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		if err = notAbsent(err); err != nil {
			return 0, err
		}
		return sha1.Size, nil
	}
	size, section := sha1.Size, ""
	for line := range bytes.Lines(data) {
		s := strings.TrimSpace(string(line))
		if strings.HasPrefix(s, "[") {
			end := strings.IndexByte(s, ']')
			if end < 0 {
				continue
			}
			// Section names are case-insensitive; `[extensions "x"]` is another section.
			section = strings.ToLower(strings.TrimSpace(s[1:end]))
			s = strings.TrimSpace(s[end+1:]) // git allows a variable after the header
		}
		if section != "extensions" {
			continue
		}
		key, val, ok := strings.Cut(s, "=")
		if !ok || !strings.EqualFold(strings.TrimSpace(key), "objectformat") {
			continue
		}
		if i := strings.IndexAny(val, "#;"); i >= 0 {
			val = val[:i]
		}
		val = strings.ToLower(strings.Trim(strings.TrimSpace(val), `"`))
		switch val {
		case "sha1":
			size = sha1.Size
		case "sha256":
			size = sha256.Size
		default:
			return 0, fmt.Errorf("gitrepo: %s: extensions.objectFormat %q is neither sha1 nor sha256", name, val)
		}
	}
	return size, nil
}
