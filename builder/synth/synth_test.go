package synth

import (
	"testing"

	"bookc/builder"
	"bookc/handbook"
)

func TestScale(t *testing.T) {
	one, err := builder.Load(builder.FromFS(handbook.FS, "handbook"), builder.Options{})
	if err != nil {
		t.Fatal(err)
	}
	fsys, err := Scale(handbook.FS, 3)
	if err != nil {
		t.Fatal(err)
	}
	three, err := builder.Load(builder.FromFS(fsys, "synth"), builder.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(three.Diags) != 0 {
		t.Errorf("a scaled copy of a clean book has diagnostics: %v", three.Diags)
	}
	if got, want := len(three.Tree.Chapters()), 3*len(one.Tree.Chapters()); got != want {
		t.Errorf("%d chapters, want %d", got, want)
	}
	for _, role := range one.RoleNames() {
		a, _, err := one.Edition(role)
		if err != nil {
			t.Fatal(err)
		}
		b, _, err := three.Edition(role)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := len(b.Chapters()), 3*len(a.Chapters()); got != want {
			t.Errorf("role %s: %d chapters, want %d", role, got, want)
		}
	}
}
