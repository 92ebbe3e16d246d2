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
