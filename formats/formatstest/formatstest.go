// Package formatstest holds checks that every backend's tests share.
package formatstest

import (
	"bytes"
	"testing"

	"golang.org/x/sync/errgroup"

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
			if !bytes.Equal(f.Data, shared[i].Files[j].Data) {
				t.Errorf("%s: %s rendered with the other editions differs from the one rendered alone", ed.Artifact(), f.Name)
			}
		}
	}
}

// Renewed renders builds of one book in turn, as 'bookc watch' does after each edit: the
// editions of the first with one formats.ForBook backend, each next build's with the backend
// formats.Renew made of the last. Every artifact must be the bytes be makes of it alone: what a
// renewed backend keeps from the builds before must change none.
func Renewed(t *testing.T, be formats.Backend, builds [][]*tree.Book) {
	t.Helper()
	kept := formats.ForBook(be)
	for n, eds := range builds {
		if n > 0 {
			kept = formats.Renew(kept)
		}
		for _, ed := range eds {
			got, err := kept.Render(ed)
			if err != nil {
				t.Fatal(err)
			}
			alone, err := be.Render(ed)
			if err != nil {
				t.Fatal(err)
			}
			for j, f := range alone.Files {
				if j >= len(got.Files) || !bytes.Equal(f.Data, got.Files[j].Data) {
					t.Errorf("build %d, %s: %s rendered by the renewed backend differs from the one rendered alone", n+1, ed.Artifact(), f.Name)
				}
			}
		}
	}
}
