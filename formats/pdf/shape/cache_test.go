package shape

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/go-text/typesetting/language"
)

func TestCache(t *testing.T) {
	serif := Params{Face: testFace(t, "NotoSerif"), Script: language.Latin}
	code := serif
	code.Features.NoLigatures = true
	arabic := Params{Face: testFace(t, "NotoArabic"), Script: language.Arabic, Direction: RightToLeft}
	for _, tt := range []struct {
		text string
		p    Params
	}{{"office", serif}, {"office", code}, {"سلام", arabic}, {"", serif}} {
		want := Shape(tt.text, tt.p)
		c := cacheFor(tt.p, 1000)
		for range 2 { // cold, then warm
			if got := c.Get(tt.text); !slices.Equal(got, want) {
				t.Errorf("%q: cached %v, shaped %v", tt.text, got, want)
			}
		}
	}
}

// TestCacheConcurrent shapes the same words from many goroutines; run with -race.
func TestCacheConcurrent(t *testing.T) {
	p := Params{Face: testFace(t, "NotoSerif"), Script: language.Latin}
	c := cacheFor(p, 64) // small: evictions happen while others read
	words := make([]string, 200)
	want := make([][]Glyph, len(words))
	for i := range words {
		words[i] = fmt.Sprintf("word%d", i%50)
		want[i] = Shape(words[i], p)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range words {
				j := (i + g*17) % len(words)
				if got := c.Get(words[j]); !slices.Equal(got, want[j]) {
					t.Errorf("%q: %v, want %v", words[j], got, want[j])
				}
			}
		})
	}
	wg.Wait()
}

func TestCacheBounded(t *testing.T) {
	p := Params{Face: testFace(t, "NotoSerif"), Script: language.Latin}
	c := cacheFor(p, 640)
	for i := range 10_000 {
		c.Get(fmt.Sprint(i))
	}
	n := 0
	for i := range c.shards {
		n += len(c.shards[i].cur) + len(c.shards[i].old)
	}
	if n > 640 {
		t.Errorf("%d entries kept, limit 640", n)
	}
}

func TestShapeWords(t *testing.T) {
	for _, tt := range []struct {
		font, text string
		p          Params
	}{
		{"NotoSerif", "a fine  office", Params{Script: language.Latin}},
		{"NotoArabic", "سلام عليكم", Params{Script: language.Arabic, Direction: RightToLeft}},
	} {
		tt.p.Face = testFace(t, tt.font)
		got, want := shapeWords(cacheFor(tt.p, 100), tt.text, tt.p.Direction), Shape(tt.text, tt.p)
		// no kerning across a space in these fonts: word by word gives the same glyphs
		if !slices.Equal(got, want) {
			t.Errorf("%q: word by word\n%v\nwhole\n%v", tt.text, got, want)
		}
	}
}

// shapeWords joins the words' glyphs as Words gives them, clusters made relative to text.
func shapeWords(c *Cache[[]Glyph], text string, dir Direction) []Glyph {
	var out []Glyph
	c.Words(text, dir, func(off int, gs []Glyph) {
		for _, g := range gs {
			g.Cluster += int32(off)
			out = append(out, g)
		}
	})
	return out
}

// cacheFor is a cache of words shaped with p.
func cacheFor(p Params, entries int) *Cache[[]Glyph] {
	return NewCache(entries, func(text string) []Glyph { return Shape(text, p) })
}
