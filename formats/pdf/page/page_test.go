package page

import (
	"slices"
	"testing"
)

// TestPlaced: a page draws its placed texts moved, by their run's DY and the page's DX, their
// Tags mapped through TagMap (0 past the run's own), then its own Texts as they are; Shift
// leaves the placed texts where they are.
func TestPlaced(t *testing.T) {
	line := []Text{{X: 10, Y: 5, S: "a", Tag: 0}, {X: 20, Y: 5, S: "b", Tag: 1}, {X: 30, Y: 5, S: "c", Tag: artifactTag}}
	var p Page
	p.Texts = []Text{{X: 1, Y: 2, S: "folio"}}
	first := p.Place(line, 100, 2)
	second := p.Place(line[:1], 200, 1)
	if first != 0 || second != 2 || len(p.TagMap) != 3 {
		t.Fatalf("Place gave %d and %d, TagMap %v: want 0, 2 and three entries", first, second, p.TagMap)
	}
	p.TagMap[0], p.TagMap[1], p.TagMap[2] = 7, 8, 9
	p.DX = 3
	want := []Text{
		{X: 13, Y: 105, S: "a", Tag: 7}, {X: 23, Y: 105, S: "b", Tag: 8}, {X: 33, Y: 105, S: "c", Tag: 0},
		{X: 13, Y: 205, S: "a", Tag: 9},
		{X: 1, Y: 2, S: "folio"},
	}
	same := func(a, b Text) bool { return a.X == b.X && a.Y == b.Y && a.S == b.S && a.Tag == b.Tag }
	if got := p.AllTexts(); !slices.EqualFunc(got, want, same) {
		t.Errorf("AllTexts = %v\nwant %v", got, want)
	}
	if n := p.TextCount(); n != len(want) {
		t.Errorf("TextCount = %d, want %d", n, len(want))
	}
	if line[0].X != 10 || line[1].Tag != 1 {
		t.Error("drawing the page changed the texts it places")
	}
	var dst Page
	p.Shift(&dst, 1, 1)
	if len(dst.Placed) != 0 || len(dst.Texts) != 1 || dst.Texts[0].X != 2 {
		t.Errorf("Shift gave %d placed runs and texts %v: want only the page's own, moved", len(dst.Placed), dst.Texts)
	}
}

// artifactTag is a Tag past any run's own: layout marks a contents entry's leaders with it.
const artifactTag Tag = 1<<16 - 1
