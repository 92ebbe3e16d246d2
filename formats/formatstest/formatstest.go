// Package formatstest holds checks that every backend's tests share.
package formatstest

import (
	"bytes"
	"io/fs"
	"testing"
	"testing/fstest"

	"golang.org/x/sync/errgroup"

	"bookc/builder"
	"bookc/builder/tree"
	"bookc/formats"
)

// Shared renders the editions concurrently with one formats.ForBook backend, as `bookc all
// --all-roles` does, and each alone with be: what the editions share must change no byte.
func Shared(t *testing.T, be formats.Backend, eds []*tree.Book) {
	t.Helper()
	shared := make([]*formats.Output, len(eds))
	together := formats.ForBook(be)
	var g errgroup.Group
	for i, ed := range eds {
		g.Go(func() (err error) {
			shared[i], err = together.Render(ed)
			return err
		})
	}
	if err := g.Wait(); err != nil {
		t.Fatal(err)
	}
	for i, ed := range eds {
		alone, err := be.Render(ed)
		if err != nil {
			t.Fatal(err)
		}
		if len(alone.Files) != len(shared[i].Files) {
			t.Fatalf("%s: %d files rendered with the other editions, %d alone", ed.Artifact(), len(shared[i].Files), len(alone.Files))
		}
		for j, f := range alone.Files {
			if !bytes.Equal(f.Bytes(), shared[i].Files[j].Bytes()) {
				t.Errorf("%s: %s rendered with the other editions differs from the one rendered alone", ed.Artifact(), f.Name)
			}
		}
	}
}

// Renewed builds one book in turn from each of sources, as 'bookc watch' does after each edit:
// each loaded with the memo builder.Memo.Renew made of the load before, and its editions rendered
// by the backend formats.Renew made of the last (the first build's by one formats.ForBook
// backend) before the next is loaded. Every artifact must be the bytes be makes alone of the same
// source loaded from nothing: what a renewed memo or backend keeps from the builds before must
// change none.
func Renewed(t *testing.T, be formats.Backend, sources ...fs.FS) {
	t.Helper()
	kept, memo := formats.ForBook(be), builder.NewMemo()
	for n, src := range sources {
		if n > 0 {
			kept, memo = formats.Renew(kept), memo.Renew()
		}
		watched, fresh := editions(t, src, memo), editions(t, src, nil)
		for i, ed := range watched {
			got, err := kept.Render(ed)
			if err != nil {
				t.Fatal(err)
			}
			alone, err := be.Render(fresh[i])
			if err != nil {
				t.Fatal(err)
			}
			for j, f := range alone.Files {
				if j >= len(got.Files) || !bytes.Equal(f.Bytes(), got.Files[j].Bytes()) {
					t.Errorf("build %d, %s: %s rendered by the renewed backend differs from the one rendered alone", n+1, ed.Artifact(), f.Name)
				}
			}
		}
	}
}

// editions loads the book in src with memo and makes every edition of it.
func editions(t *testing.T, src fs.FS, memo *builder.Memo) []*tree.Book {
	return Editions(t, builder.FromFS(src, "book"), builder.Options{SourceDateEpoch: "1700000000", Highlight: true, Memo: memo})
}

// Editions loads the book in src with the options, closes src, and makes every edition of the
// book, the full one first.
func Editions(t testing.TB, src *builder.Source, opts builder.Options) []*tree.Book {
	t.Helper()
	defer src.Close()
	book, err := builder.Load(src, opts)
	if err != nil {
		t.Fatal(err)
	}
	eds, _, err := book.Editions()
	if err != nil {
		t.Fatal(err)
	}
	return eds
}

// Edited is a copy of the files of fsys with the one named changed by edit: a book as an author
// leaves it after an edit.
func Edited(t *testing.T, fsys fs.FS, name string, edit func([]byte) []byte) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if p == name {
			data = edit(data)
		}
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := m[name]; !ok {
		t.Fatalf("no %s to edit", name)
	}
	return m
}
