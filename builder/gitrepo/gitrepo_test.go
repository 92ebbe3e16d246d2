package gitrepo

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// git runs git in dir and returns its output, failing the test if git fails.
func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	out, err := gitCmd(t, dir, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("git %s in %s: %v\n%s", strings.Join(args, " "), dir, err, out)
	}
	return string(out)
}

// gitCmd is git in dir, isolated from the user's and the system's configuration and from any
// GIT_DIR a calling hook may have set.
func gitCmd(t *testing.T, dir string, args ...string) *exec.Cmd {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GIT_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull,
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
	return cmd
}

func write(t *testing.T, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// committed are the files newRepo commits.
var committed = []string{".gitignore", "README.md", "dir with space/x.txt", "examples/a.go", "examples/b.go", "src/chapter.md", "src/chapter2.md"}

// newRepo makes a repository in dir with the committed files, one untracked file (notes.txt),
// one more (new.txt) for intent-to-add, and two ignored ones (build.log, secret/key).
func newRepo(t *testing.T, dir string, initArgs ...string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	git(t, dir, append([]string{"init", "-q", "-b", "main"}, initArgs...)...)
	for _, f := range committed {
		write(t, filepath.Join(dir, f), "content of "+f+"\n")
	}
	write(t, filepath.Join(dir, ".gitignore"), "*.log\nsecret/\n")
	for _, f := range []string{"notes.txt", "new.txt", "build.log", "secret/key"} {
		write(t, filepath.Join(dir, f), "not tracked\n")
	}
	git(t, dir, append([]string{"add", "--"}, committed...)...)
	git(t, dir, "commit", "-q", "-m", "init")
}

// lsFiles is what git itself says the index lists, to check Tracked against.
func lsFiles(t *testing.T, dir string) []string {
	out := strings.Split(strings.TrimSuffix(git(t, dir, "ls-files", "-z", "--sparse"), "\x00"), "\x00")
	slices.Sort(out)
	return slices.Compact(out)
}

func indexVersion(t *testing.T, gitDir string) byte {
	data, err := os.ReadFile(filepath.Join(gitDir, "index"))
	if err != nil || len(data) < 8 {
		t.Fatalf("reading the index: %v", err)
	}
	return data[7]
}

func TestTrackedGit(t *testing.T) {
	plus := func(extra ...string) []string {
		s := append(slices.Clone(committed), extra...)
		slices.Sort(s)
		return s
	}
	tests := []struct {
		name    string
		init    []string // extra arguments to git init
		setup   func(t *testing.T, dir string)
		version byte // the index version git must have written, so each case tests what it says
		want    []string
		wantErr string
	}{
		{name: "v2", version: 2, want: committed},
		{name: "v3 skip-worktree and intent-to-add", version: 3, setup: func(t *testing.T, dir string) {
			git(t, dir, "update-index", "--index-version", "3")
			git(t, dir, "update-index", "--skip-worktree", "README.md")
			git(t, dir, "add", "--intent-to-add", "new.txt")
		}, want: plus("new.txt")},
		{name: "v4", version: 4, setup: func(t *testing.T, dir string) {
			git(t, dir, "update-index", "--index-version", "4")
		}, want: committed},
		{name: "v4 skip-worktree", version: 4, setup: func(t *testing.T, dir string) {
			git(t, dir, "update-index", "--index-version", "4")
			git(t, dir, "update-index", "--skip-worktree", "src/chapter.md", "examples/b.go")
		}, want: committed},
		{name: "sha256", init: []string{"--object-format=sha256"}, version: 2, want: committed},
		{name: "sha256 v4", init: []string{"--object-format=sha256"}, version: 4, setup: func(t *testing.T, dir string) {
			git(t, dir, "update-index", "--index-version", "4")
		}, want: committed},
		{name: "staged and removed", version: 2, setup: func(t *testing.T, dir string) {
			git(t, dir, "rm", "-q", "--cached", "examples/a.go")
			git(t, dir, "add", "notes.txt")
		}, want: func() []string {
			return slices.DeleteFunc(plus("notes.txt"), func(s string) bool { return s == "examples/a.go" })
		}()},
		{name: "merge conflict", version: 2, setup: func(t *testing.T, dir string) {
			git(t, dir, "checkout", "-q", "-b", "other")
			write(t, filepath.Join(dir, "README.md"), "other\n")
			git(t, dir, "commit", "-q", "-am", "other")
			git(t, dir, "checkout", "-q", "main")
			write(t, filepath.Join(dir, "README.md"), "main\n")
			git(t, dir, "commit", "-q", "-am", "main")
			gitCmd(t, dir, "merge", "-q", "other").Run() // fails: that is the point
			if !strings.Contains(git(t, dir, "ls-files", "-s", "README.md"), " 3\t") {
				t.Fatal("no conflict in the index")
			}
		}, want: committed},
		{name: "sparse index", version: 3, setup: func(t *testing.T, dir string) {
			git(t, dir, "sparse-checkout", "init", "--cone", "--sparse-index")
			git(t, dir, "sparse-checkout", "set", "src")
			if data, _ := os.ReadFile(filepath.Join(dir, ".git", "index")); !bytes.Contains(data, []byte("sdir")) {
				t.Fatal("git wrote no sparse index")
			}
		}, want: []string{".gitignore", "README.md", "dir with space/", "examples/", "src/chapter.md", "src/chapter2.md"}},
		{name: "split index", version: 2, setup: func(t *testing.T, dir string) {
			git(t, dir, "update-index", "--split-index")
		}, wantErr: "split indexes"},
	}
	t.Setenv("HOME", t.TempDir()) // not an ancestor of the repositories
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "repo")
			newRepo(t, dir, tt.init...)
			if tt.setup != nil {
				tt.setup(t, dir)
			}
			if v := indexVersion(t, filepath.Join(dir, ".git")); v != tt.version {
				t.Fatalf("git wrote index version %d, want %d", v, tt.version)
			}
			repo, err := Find(filepath.Join(dir, "src"))
			if err != nil || repo == nil {
				t.Fatalf("Find = %v, %v", repo, err)
			}
			ix, err := repo.Tracked()
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Tracked error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := ix.Paths(); !slices.Equal(got, tt.want) {
				t.Errorf("Paths() = %q\nwant      %q", got, tt.want)
			}
			if got, git := ix.Paths(), lsFiles(t, dir); !slices.Equal(got, git) {
				t.Errorf("Paths() = %q\ngit ls-files %q", got, git)
			}
			for _, p := range tt.want {
				if !strings.HasSuffix(p, "/") && !ix.Has(p) {
					t.Errorf("Has(%q) = false", p)
				}
			}
			for _, p := range []string{"build.log", "secret/key", "src", ".git/config", "../repo/README.md"} {
				if ix.Has(p) {
					t.Errorf("Has(%q) = true for an untracked path", p)
				}
			}
			if !slices.Contains(tt.want, "notes.txt") && ix.Has("notes.txt") {
				t.Error("the untracked notes.txt is tracked")
			}
		})
	}
}

// TestLinkedWorkTree: `git worktree add` gives the new tree a gitfile (absolute path) to a gitdir
// with commondir instead of objects/, and an index of its own.
func TestLinkedWorkTree(t *testing.T) {
	t.Setenv("HOME", t.TempDir())
	root := t.TempDir()
	main, wt := filepath.Join(root, "main"), filepath.Join(root, "wt")
	newRepo(t, main)
	git(t, main, "worktree", "add", "-q", "-b", "side", wt)
	write(t, filepath.Join(wt, "side.md"), "only here\n")
	git(t, wt, "add", "side.md")

	repo, err := Find(filepath.Join(wt, "src"))
	if err != nil || repo == nil {
		t.Fatalf("Find = %v, %v", repo, err)
	}
	wantGitDir, _ := filepath.EvalSymlinks(filepath.Join(main, ".git", "worktrees", "wt"))
	if repo.WorkTree != wt || resolve(repo.GitDir) != wantGitDir || resolve(repo.commonDir) != resolve(filepath.Join(main, ".git")) {
		t.Errorf("Find = %+v, want work tree %s, git dir %s", repo, wt, wantGitDir)
	}
	ix, err := repo.Tracked()
	if err != nil {
		t.Fatal(err)
	}
	if !ix.Has("side.md") || !ix.Has("src/chapter.md") {
		t.Errorf("the linked work tree's index was not read: %q", ix.Paths())
	}
	// And the main work tree's index is its own.
	mainRepo, err := Find(main)
	if err != nil || mainRepo == nil {
		t.Fatalf("Find(main) = %v, %v", mainRepo, err)
	}
	if ix, err := mainRepo.Tracked(); err != nil || ix.Has("side.md") {
		t.Errorf("main's index has side.md (or %v)", err)
	}
}

// TestSubmodule: a submodule's .git is a gitfile with a relative path into the superproject's
// .git/modules.
func TestSubmodule(t *testing.T) {
	t.Setenv("HOME", t.TempDir())
	root := t.TempDir()
	lib, super := filepath.Join(root, "lib"), filepath.Join(root, "super")
	if err := os.MkdirAll(lib, 0o755); err != nil {
		t.Fatal(err)
	}
	git(t, lib, "init", "-q", "-b", "main")
	write(t, filepath.Join(lib, "lib.go"), "package lib\n")
	git(t, lib, "add", ".")
	git(t, lib, "commit", "-q", "-m", "lib")
	newRepo(t, super)
	git(t, super, "-c", "protocol.file.allow=always", "submodule", "add", "-q", lib, "vendor/lib")
	gitfile, err := os.ReadFile(filepath.Join(super, "vendor", "lib", ".git"))
	if err != nil || !strings.HasPrefix(string(gitfile), "gitdir: ../../") {
		t.Fatalf("the submodule's .git is %q (%v), want a relative gitfile", gitfile, err)
	}

	repo, err := Find(filepath.Join(super, "vendor", "lib"))
	if err != nil || repo == nil {
		t.Fatalf("Find = %v, %v", repo, err)
	}
	if want := filepath.Join(super, ".git", "modules", "vendor", "lib"); repo.WorkTree != filepath.Join(super, "vendor", "lib") || repo.GitDir != want {
		t.Errorf("Find = %+v, want git dir %s", repo, want)
	}
	ix, err := repo.Tracked()
	if err != nil {
		t.Fatal(err)
	}
	if got := ix.Paths(); !slices.Equal(got, []string{"lib.go"}) {
		t.Errorf("submodule Paths() = %q", got)
	}
	// The superproject tracks the submodule as one gitlink entry, not the files in it.
	superRepo, err := Find(super)
	if err != nil || superRepo == nil {
		t.Fatalf("Find(super) = %v, %v", superRepo, err)
	}
	ix, err = superRepo.Tracked()
	if err != nil {
		t.Fatal(err)
	}
	if !ix.Has(".gitmodules") || !ix.Has("vendor/lib") || ix.Has("vendor/lib/lib.go") {
		t.Errorf("superproject Paths() = %q", ix.Paths())
	}
}

// fakeGitDir makes the least that counts as a git directory: HEAD and objects/.
func fakeGitDir(t *testing.T, dir string) {
	t.Helper()
	write(t, filepath.Join(dir, "HEAD"), "ref: refs/heads/main\n")
	if err := os.MkdirAll(filepath.Join(dir, "objects"), 0o755); err != nil {
		t.Fatal(err)
	}
}

func mkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, name string) {
	t.Helper()
	if err := os.Symlink(target, name); err != nil {
		t.Skip("no symbolic links:", err)
	}
}

func TestFind(t *testing.T) {
	// Most cases put a real repository at o and something else named .git at o/book: Find from
	// o/book/src must skip the impostor and find o.
	tests := []struct {
		name       string
		setup      func(t *testing.T, root string)
		home       string // HOME, relative to root; "" means a folder outside root
		dir        string // where Find starts
		wantTree   string // "" means nil
		wantGitDir string
		wantCommon string // "" means wantGitDir
	}{
		{name: "real repo from a nested folder", setup: func(t *testing.T, r string) {
			fakeGitDir(t, filepath.Join(r, "o", ".git"))
		}, dir: "o/book/src/deep", wantTree: "o", wantGitDir: "o/.git"},
		{name: "real repo at dir", setup: func(t *testing.T, r string) {
			fakeGitDir(t, filepath.Join(r, "o", ".git"))
		}, dir: "o", wantTree: "o", wantGitDir: "o/.git"},
		{name: "no repo", setup: func(t *testing.T, r string) { mkdir(t, filepath.Join(r, "o/book/src")) }, dir: "o/book/src"},
		{name: "empty .git file", setup: func(t *testing.T, r string) {
			fakeGitDir(t, filepath.Join(r, "o", ".git"))
			write(t, filepath.Join(r, "o/book/.git"), "")
		}, dir: "o/book/src", wantTree: "o", wantGitDir: "o/.git"},
		{name: "empty .git file, nothing above", setup: func(t *testing.T, r string) {
			write(t, filepath.Join(r, "o/book/.git"), "")
		}, dir: "o/book/src"},
		{name: "empty .git folder", setup: func(t *testing.T, r string) {
			fakeGitDir(t, filepath.Join(r, "o", ".git"))
			mkdir(t, filepath.Join(r, "o/book/.git"))
		}, dir: "o/book", wantTree: "o", wantGitDir: "o/.git"},
		{name: ".git without objects", setup: func(t *testing.T, r string) {
			fakeGitDir(t, filepath.Join(r, "o", ".git"))
			write(t, filepath.Join(r, "o/book/.git/HEAD"), "ref: refs/heads/main\n")
		}, dir: "o/book/src", wantTree: "o", wantGitDir: "o/.git"},
		{name: ".git without HEAD", setup: func(t *testing.T, r string) {
			fakeGitDir(t, filepath.Join(r, "o", ".git"))
			mkdir(t, filepath.Join(r, "o/book/.git/objects"))
		}, dir: "o/book/src", wantTree: "o", wantGitDir: "o/.git"},
		{name: "HEAD is a folder", setup: func(t *testing.T, r string) {
			fakeGitDir(t, filepath.Join(r, "o", ".git"))
			mkdir(t, filepath.Join(r, "o/book/.git/objects"))
			mkdir(t, filepath.Join(r, "o/book/.git/HEAD"))
		}, dir: "o/book/src", wantTree: "o", wantGitDir: "o/.git"},
		{name: "objects is a file", setup: func(t *testing.T, r string) {
			fakeGitDir(t, filepath.Join(r, "o", ".git"))
			write(t, filepath.Join(r, "o/book/.git/HEAD"), "ref: refs/heads/main\n")
			write(t, filepath.Join(r, "o/book/.git/objects"), "")
		}, dir: "o/book/src", wantTree: "o", wantGitDir: "o/.git"},
		{name: "gitfile pointing nowhere", setup: func(t *testing.T, r string) {
			fakeGitDir(t, filepath.Join(r, "o", ".git"))
			write(t, filepath.Join(r, "o/book/.git"), "gitdir: ../missing/.git\n")
		}, dir: "o/book/src", wantTree: "o", wantGitDir: "o/.git"},
		{name: "gitfile pointing at a file", setup: func(t *testing.T, r string) {
			fakeGitDir(t, filepath.Join(r, "o", ".git"))
			write(t, filepath.Join(r, "o/book/.git"), "gitdir: ../../o/.git/HEAD\n")
		}, dir: "o/book/src", wantTree: "o", wantGitDir: "o/.git"},
		{name: "gitfile pointing at a folder that is no git dir", setup: func(t *testing.T, r string) {
			fakeGitDir(t, filepath.Join(r, "o", ".git"))
			mkdir(t, filepath.Join(r, "o/store/objects"))
			write(t, filepath.Join(r, "o/book/.git"), "gitdir: ../store\n")
		}, dir: "o/book/src", wantTree: "o", wantGitDir: "o/.git"},
		{name: "gitfile without gitdir:", setup: func(t *testing.T, r string) {
			fakeGitDir(t, filepath.Join(r, "o", ".git"))
			fakeGitDir(t, filepath.Join(r, "o/store"))
			write(t, filepath.Join(r, "o/book/.git"), "../store\n")
		}, dir: "o/book/src", wantTree: "o", wantGitDir: "o/.git"},
		{name: "gitfile of two lines", setup: func(t *testing.T, r string) {
			fakeGitDir(t, filepath.Join(r, "o", ".git"))
			fakeGitDir(t, filepath.Join(r, "o/store"))
			write(t, filepath.Join(r, "o/book/.git"), "gitdir: ../store\nmore\n")
		}, dir: "o/book/src", wantTree: "o", wantGitDir: "o/.git"},
		{name: "gitfile, relative", setup: func(t *testing.T, r string) {
			fakeGitDir(t, filepath.Join(r, "store/book.git"))
			write(t, filepath.Join(r, "o/book/.git"), "gitdir: ../../store/book.git\r\n")
		}, dir: "o/book/src", wantTree: "o/book", wantGitDir: "store/book.git"},
		{name: "gitfile, absolute", setup: func(t *testing.T, r string) {
			fakeGitDir(t, filepath.Join(r, "store/book.git"))
			write(t, filepath.Join(r, "o/book/.git"), "gitdir: "+filepath.Join(r, "store/book.git"))
		}, dir: "o/book/src", wantTree: "o/book", wantGitDir: "store/book.git"},
		{name: "gitfile to a linked work tree's gitdir", setup: func(t *testing.T, r string) {
			fakeGitDir(t, filepath.Join(r, "main/.git"))
			write(t, filepath.Join(r, "main/.git/worktrees/w/HEAD"), "ref: refs/heads/w\n")
			write(t, filepath.Join(r, "main/.git/worktrees/w/commondir"), "../..\n")
			write(t, filepath.Join(r, "w/.git"), "gitdir: "+filepath.Join(r, "main/.git/worktrees/w")+"\n")
		}, dir: "w/src", wantTree: "w", wantGitDir: "main/.git/worktrees/w", wantCommon: "main/.git"},
		{name: "commondir pointing nowhere", setup: func(t *testing.T, r string) {
			fakeGitDir(t, filepath.Join(r, "o", ".git"))
			write(t, filepath.Join(r, "o/wt/HEAD"), "ref: refs/heads/w\n")
			write(t, filepath.Join(r, "o/wt/commondir"), "../nowhere\n")
			write(t, filepath.Join(r, "o/book/.git"), "gitdir: ../wt\n")
		}, dir: "o/book/src", wantTree: "o", wantGitDir: "o/.git"},
		{name: ".git is a symlink to a git dir", setup: func(t *testing.T, r string) {
			fakeGitDir(t, filepath.Join(r, "store/book.git"))
			mkdir(t, filepath.Join(r, "o/book"))
			symlink(t, filepath.Join(r, "store/book.git"), filepath.Join(r, "o/book/.git"))
		}, dir: "o/book/src", wantTree: "o/book", wantGitDir: "o/book/.git"},
		{name: "dangling .git symlink", setup: func(t *testing.T, r string) {
			fakeGitDir(t, filepath.Join(r, "o", ".git"))
			mkdir(t, filepath.Join(r, "o/book"))
			symlink(t, filepath.Join(r, "nowhere"), filepath.Join(r, "o/book/.git"))
		}, dir: "o/book/src", wantTree: "o", wantGitDir: "o/.git"},
		// The work tree is dir's ancestor as spelled, so filepath.Rel(WorkTree, dir) works.
		{name: "reached through a symlink", setup: func(t *testing.T, r string) {
			fakeGitDir(t, filepath.Join(r, "o", ".git"))
			mkdir(t, filepath.Join(r, "o/book"))
			symlink(t, filepath.Join(r, "o"), filepath.Join(r, "link"))
		}, dir: "link/book", wantTree: "link", wantGitDir: "link/.git"},

		// The home folder is never a work tree, and the search stops there.
		{name: "home is a repo", setup: func(t *testing.T, r string) {
			fakeGitDir(t, filepath.Join(r, "home", ".git"))
			mkdir(t, filepath.Join(r, "home/books/b"))
		}, home: "home", dir: "home/books/b"},
		{name: "home itself", setup: func(t *testing.T, r string) {
			fakeGitDir(t, filepath.Join(r, "home", ".git"))
		}, home: "home", dir: "home"},
		{name: "repo above home", setup: func(t *testing.T, r string) {
			fakeGitDir(t, filepath.Join(r, "o", ".git"))
			mkdir(t, filepath.Join(r, "o/home/b"))
		}, home: "o/home", dir: "o/home/b"},
		{name: "repo above home, found from beside home", setup: func(t *testing.T, r string) {
			fakeGitDir(t, filepath.Join(r, "o", ".git"))
			mkdir(t, filepath.Join(r, "o/home"))
			mkdir(t, filepath.Join(r, "o/other/b"))
		}, home: "o/home", dir: "o/other/b", wantTree: "o", wantGitDir: "o/.git"},
		{name: "a repo inside home still counts", setup: func(t *testing.T, r string) {
			fakeGitDir(t, filepath.Join(r, "home", ".git"))
			fakeGitDir(t, filepath.Join(r, "home/proj/.git"))
		}, home: "home", dir: "home/proj/book", wantTree: "home/proj", wantGitDir: "home/proj/.git"},
		{name: "HOME is a symlink to the repo", setup: func(t *testing.T, r string) {
			fakeGitDir(t, filepath.Join(r, "realhome", ".git"))
			mkdir(t, filepath.Join(r, "realhome/b"))
			symlink(t, filepath.Join(r, "realhome"), filepath.Join(r, "homelink"))
		}, home: "homelink", dir: "realhome/b"},
		{name: "home reached through a symlink", setup: func(t *testing.T, r string) {
			fakeGitDir(t, filepath.Join(r, "home", ".git"))
			mkdir(t, filepath.Join(r, "home/b"))
			symlink(t, filepath.Join(r, "home"), filepath.Join(r, "link"))
		}, home: "home", dir: "link/b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			home := t.TempDir()
			if tt.home != "" {
				home = filepath.Join(root, tt.home)
			}
			t.Setenv("HOME", home)
			tt.setup(t, root)
			got, err := Find(filepath.Join(root, tt.dir))
			if err != nil {
				t.Fatal(err)
			}
			if tt.wantTree == "" {
				if got != nil {
					t.Fatalf("Find = %+v, want nil", got)
				}
				return
			}
			if got == nil {
				t.Fatalf("Find = nil, want work tree %s", tt.wantTree)
			}
			if tt.wantCommon == "" {
				tt.wantCommon = tt.wantGitDir
			}
			want := Repo{WorkTree: filepath.Join(root, tt.wantTree), GitDir: filepath.Join(root, tt.wantGitDir), commonDir: filepath.Join(root, tt.wantCommon)}
			if *got != want {
				t.Errorf("Find = %+v\nwant   %+v", *got, want)
			}
		})
	}
}

// TestFindHomeGit: the brief's case with real git: HOME is itself a repository (dotfiles kept in
// git), and a book in a subfolder must not get the home folder as its include root.
func TestFindHomeGit(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	newRepo(t, home)
	book := filepath.Join(home, "books", "b")
	mkdir(t, book)
	if got, err := Find(book); got != nil || err != nil {
		t.Errorf("Find(%s) = %+v, %v; want nil", book, got, err)
	}
	// Without the home rule the same layout is a repository: the test's layout is not at fault.
	t.Setenv("HOME", t.TempDir())
	if got, err := Find(book); got == nil || got.WorkTree != home {
		t.Errorf("with another HOME, Find = %+v, %v; want %s", got, err, home)
	}
}

func TestFindRelative(t *testing.T) {
	if _, err := Find("book/src"); err == nil || !strings.Contains(err.Error(), "not an absolute path") {
		t.Errorf("Find of a relative path: %v", err)
	}
}

func TestObjectFormat(t *testing.T) {
	tests := []struct {
		config string
		want   int
		err    bool
	}{
		{"", 20, false},
		{"[core]\n\tbare = false\n", 20, false},
		{"[extensions]\n\tobjectformat = sha256\n", 32, false},
		{"[Extensions]\n\tobjectFormat = SHA256 ; comment\n", 32, false},
		{"[extensions] objectformat = \"sha256\"\n", 32, false},
		{"[extensions]\n\tobjectformat = sha1\n", 20, false},
		{"[extensions \"x\"]\n\tobjectformat = sha256\n", 20, false},
		{"[core]\n\tobjectformat = sha256\n", 20, false},
		{"[extensions]\n\tobjectformat = md5\n", 0, true},
	}
	for _, tt := range tests {
		name := filepath.Join(t.TempDir(), "config")
		write(t, name, tt.config)
		got, err := objectFormat(name)
		if got != tt.want || (err != nil) != tt.err {
			t.Errorf("objectFormat(%q) = %d, %v; want %d, error %v", tt.config, got, err, tt.want, tt.err)
		}
	}
	if got, err := objectFormat(filepath.Join(t.TempDir(), "none")); got != 20 || err != nil {
		t.Errorf("no config: %d, %v", got, err)
	}
}
