package builder

import (
	"fmt"
	"math/rand"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"bookc/builder/tree"
)

// searchFrom2 is what slugs.unique must return: the first free of s, s-2, s-3, ...
func searchFrom2(used map[string]bool, s string) string {
	c := s
	for n := 2; used[c]; n++ {
		c = s + "-" + strconv.Itoa(n)
	}
	used[c] = true
	return c
}

func TestSlugs(t *testing.T) {
	tests := []struct {
		taken, asked, want []string
	}{
		{nil, []string{"x", "x", "x"}, []string{"x", "x-2", "x-3"}},
		{nil, []string{"x", "x-2", "x", "x"}, []string{"x", "x-2", "x-3", "x-4"}},
		{nil, []string{"x", "x", "x-2", "x-3", "x"}, []string{"x", "x-2", "x-2-2", "x-3", "x-4"}},
		{[]string{"x", "x-2", "x-4"}, []string{"x", "x", "x"}, []string{"x-3", "x-5", "x-6"}},
		{[]string{"x-3"}, []string{"x", "x", "x", "x-3", "x-3"}, []string{"x", "x-2", "x-4", "x-3-2", "x-3-3"}},
		{nil, []string{"a-2", "a", "a", "a-2"}, []string{"a-2", "a", "a-3", "a-2-2"}},
	}
	for _, tt := range tests {
		var s slugs
		for _, id := range tt.taken {
			s.take(id)
		}
		var got []string
		for _, id := range tt.asked {
			got = append(got, s.unique(id))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("taken %q, asked %q: got %q, want %q", tt.taken, tt.asked, got, tt.want)
		}
	}
	// random requests and takes against the plain search, which the allocator only speeds up
	rng := rand.New(rand.NewSource(1))
	pool := []string{"x", "x-2", "x-3", "x-4", "x-2-2", "y", "y-2", "x-y"}
	for range 500 {
		var s slugs
		used := map[string]bool{}
		for range rng.Intn(40) {
			id := pool[rng.Intn(len(pool))]
			if rng.Intn(4) == 0 {
				s.take(id)
				used[id] = true
				continue
			}
			if got, want := s.unique(id), searchFrom2(used, id); got != want {
				t.Fatalf("unique(%q) = %q, want %q", id, got, want)
			}
		}
	}
}

// TestBookWideIDs checks the IDs finish gives headings that collide across chapters.
func TestBookWideIDs(t *testing.T) {
	fsys := fstest.MapFS{
		"src/SUMMARY.md": {Data: []byte("- [Setup](a.md)\n- [Setup](b.md)\n- [Other](c.md)\n")},
		"src/a.md":       {Data: []byte("## Setup\n\n## Install\n\n## Y {#other-install-2}\n")},
		"src/b.md":       {Data: []byte("## Install\n\n## Install\n")},
		"src/c.md":       {Data: []byte("# Setup\n\n## X {#other-install}\n\n## Install\n")},
	}
	book, err := Load(FromFS(fsys, "b"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, ch := range book.Tree.Chapters() {
		tree.WalkBlocks(ch.Blocks, func(b tree.Block) {
			if h, ok := b.(*tree.Heading); ok {
				ids = append(ids, h.ID)
			}
		})
	}
	want := []string{
		"setup-2", "setup", "install", "other-install-2", // chapter "setup": its title heading avoids the "setup" below it
		"setup-2-setup", "setup-2-install", "install-1", // chapter "setup-2"
		"other-setup", "other-install", "other-install-3", // chapter "other": "other-install" and "-2" are taken
	}
	if !slices.Equal(ids, want) {
		t.Errorf("heading IDs %q, want %q", ids, want)
	}
}

// BenchmarkSlugsOneTitle asks for one slug n times, as a book whose chapters share a title does.
func BenchmarkSlugsOneTitle(b *testing.B) {
	for _, n := range []int{5_000, 50_000} {
		b.Run(fmt.Sprintf("%dx", n/5_000), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var s slugs
				for range n {
					s.unique("chapter")
				}
			}
		})
	}
}

// BenchmarkChaptersOneTitle loads a book of n draft chapters with one title: every chapter ID and
// title heading ID collides with all the ones before.
func BenchmarkChaptersOneTitle(b *testing.B) {
	for _, n := range []int{5_000, 50_000} {
		fsys := fstest.MapFS{"src/SUMMARY.md": {Data: []byte(strings.Repeat("- [Chapter]()\n", n))}}
		b.Run(fmt.Sprintf("%dx", n/5_000), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Load(FromFS(fsys, "b"), Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
