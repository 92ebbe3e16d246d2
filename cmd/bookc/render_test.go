package main

import (
	"strings"
	"testing"

	"bookc/builder/tree"
	"bookc/formats"
)

// fake is a backend for tests: it panics when told to, else makes one file.
type fake struct{ panics bool }

func (f fake) Name() string { return "fake" }

func (f fake) Render(b *tree.Book) (*formats.Output, error) {
	if f.panics {
		var chapters []*tree.Chapter
		_ = chapters[len(b.Parts)+3] // an index out of range, as a bug would make
	}
	return &formats.Output{Files: []formats.File{{Name: b.Artifact() + ".fake", Data: []byte("ok")}}}, nil
}

// TestRenderRecovers: a panic in a backend is an error for that artifact, naming the backend and
// where it failed; the next render goes on as usual.
func TestRenderRecovers(t *testing.T) {
	book := &tree.Book{Slug: "b"}
	_, err := render(fake{panics: true}, book)
	if err == nil {
		t.Fatal("no error from a backend that panicked")
	}
	for _, want := range []string{"bookc failed inside its fake backend", "index out of range", "fake.Render, line 19", "please report this"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	out, err := render(fake{}, book)
	if err != nil || len(out.Files) != 1 {
		t.Errorf("a sound render after a panic: %v, %v", out, err)
	}
}
