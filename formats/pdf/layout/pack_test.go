package layout

import (
	"bookc/formats/scratch"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"bookc/builder/svg"
	"bookc/builder/tree"
	"bookc/builder/tree/sample"
	"bookc/formats/pdf/page"
	"bookc/formats/pdf/tags"
)

// TestPack checks that every unit of the handbook, one- and two-sided, with sub-chapters on pages
// of their own and tracked, unpacks to the boxes it was packed from: every field alike, and boxes
// that shared a flowInfo, cites or paths, or named a header, sharing them or naming its copy;
// with a chapter of drawings added.
func TestPack(t *testing.T) {
	ed := handbookEdition(t)
	// and a chapter of drawings, which the handbook has none of
	vec := &tree.Asset{Name: "a.svg", MediaType: "image/svg+xml", Width: 400, Height: 200,
		Drawing: &svg.Drawing{Width: 400, Height: 200, Root: &svg.Group{Transform: svg.Identity, Opacity: 1}}}
	img := func() *tree.Image { return &tree.Image{Src: "a.svg", Alt: "A drawing", Asset: vec} }
	last := *ed.Parts[len(ed.Parts)-1]
	last.Chapters = append(slices.Clip(last.Chapters), &tree.Chapter{ID: "drawn", Title: "Drawn", Blocks: tree.Blocks{
		sample.Heading(1, "drawn", "Drawn"), &tree.Figure{Image: img()},
		sample.Para(sample.Text("An inline drawing "), img(), sample.Text(" in a line."))}})
	ed.Parts = append(slices.Clip(ed.Parts[:len(ed.Parts)-1]), &last)
	for _, tt := range []struct {
		name           string
		two, sections  bool
		track, numbers bool
		spilled        bool // the data in a scratch file
	}{
		{name: "one-sided"},
		{name: "two-sided, sections", two: true, sections: true},
		{name: "tracked", track: true},
		{name: "numbered", numbers: true},
		{name: "spilled", spilled: true},
		{name: "spilled, numbered", numbers: true, spilled: true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var spill *scratch.File
			if tt.spilled {
				var err error
				if spill, err = scratch.New("test units"); err != nil {
					t.Fatal(err)
				}
				defer spill.Close()
			}
			room := &boxRoom{} // one for every unit, as a worker's is
			b := *ed
			b.Settings.TwoSided, b.Settings.SectionPages = tt.two, tt.sections
			us := (&lay{book: &b}).units()
			memos := make([]*memo, len(us))
			for i := range memos {
				memos[i] = newMemo()
			}
			l := newLay(&b, nil, newMemo(), solo())
			l.unknown, l.track = guessPages(&b), tt.track
			if tt.numbers { // the pages' numbers printed: the boxes renumber copies
				l.body(us, memos)
				l.refs = map[string]string{}
				for dest, digits := range l.unknown.dests {
					l.refs[dest] = strings.Repeat("1", int(digits))
				}
			}
			l.body(us, memos)
			kinds, renumbered := map[string]bool{}, 0
			for i, m := range memos {
				su := m.unit
				bs, notes := su.bs, su.notes
				if last := su.last.Load(); last != nil {
					bs, notes = last.bs, last.notes
					renumbered++
				}
				ids := slices.Sorted(maps.Keys(notes))
				p := pack(bs, notes, ids, spill)
				if tt.spilled != (p.spilled != nil && p.runs.Data == nil) {
					t.Fatalf("unit %d: spilled %v, with %d bytes of data in memory", i, p.spilled != nil, len(p.runs.Data))
				}
				ubs, unotes, err := p.unpack(whole, nil)
				if err != nil {
					t.Fatal(err)
				}
				if !sameBoxes(t, bs, ubs, kinds) {
					t.Fatalf("unit %d (%s): its boxes unpack otherwise", i, us[i].dest())
				}
				// lean: no art, and no texts but those of page numbers; placing: those texts,
				// the others as runs that read as they were
				room.reset()
				lean, _, err := p.unpack(lean, room)
				if err != nil {
					t.Fatal(err)
				}
				placed, _, err := p.unpack(placing, nil)
				if err != nil {
					t.Fatal(err)
				}
				for k, b := range bs {
					want, got, place := *b, *lean[k], *placed[k]
					// what a page keeps of a box placed is its own, so that the unit's data can go
					if place.runs != nil && place.runs == p.runs {
						t.Fatalf("unit %d: box %d placed reads the unit's data", i, k)
					}
					for _, tx := range place.texts {
						if textInside(tx, p.runs.Data) {
							t.Fatalf("unit %d: box %d placed has glyphs or letters in the unit's data", i, k)
						}
					}
					if len(want.cited().refs) == 0 && len(want.texts) > 0 {
						var texts []page.Text
						if place.runs == nil || place.texts != nil {
							t.Fatalf("unit %d: box %d unpacks for placing without runs", i, k)
						}
						place.runs.Each(int(place.runsAt), place.base, func(t page.Text) { texts = append(texts, t) })
						if !reflect.DeepEqual(texts, want.texts) {
							t.Fatalf("unit %d: box %d's runs read %+v, want %+v", i, k, texts, want.texts)
						}
						want.texts = nil
					}
					place.runs, place.runsAt = nil, 0
					if (want.flow == nil) != (got.flow == nil) || (want.flow == nil) != (place.flow == nil) {
						t.Fatalf("unit %d: box %d unpacks lean with flow %v, want %v", i, k, got.flow, want.flow)
					}
					want.flow, got.flow, place.flow = nil, nil, nil
					if !reflect.DeepEqual(want, place) {
						t.Fatalf("unit %d: box %d unpacks for placing as %+v, want %+v", i, k, place, want)
					}
					for _, tx := range got.texts { // the next unit's data is read into the room's buffer
						if textInside(tx, room.data[:cap(room.data)]) {
							t.Fatalf("unit %d: box %d unpacked lean has glyphs or letters in the buffer its data was read into", i, k)
						}
					}
					if want.art = nil; !reflect.DeepEqual(want, got) {
						t.Fatalf("unit %d: box %d unpacks lean as %+v, want %+v", i, k, got, want)
					}
				}
				if len(unotes) != len(notes) {
					t.Fatalf("unit %d: %d footnotes unpacked, %d packed", i, len(unotes), len(notes))
				}
				for _, id := range ids {
					if !sameBoxes(t, notes[id], unotes[id], kinds) {
						t.Fatalf("unit %d: footnote %s unpacks otherwise", i, id)
					}
				}
			}
			if tt.numbers && renumbered == 0 {
				t.Fatal("no unit prints other numbers")
			}
			for _, k := range []string{"texts", "glyphs", "rects", "rules", "images", "vectors", "links", "tags", "cites", "flow", "header", "chapter", "notes"} {
				if !tt.track && !kinds[k] {
					t.Errorf("no box of the handbook has %s: the test does not try them", k)
				}
			}
			if tt.track && !kinds["start"] {
				t.Error("no box tracks where a page starts")
			}
		})
	}
}

// sameBoxes reports whether b are a's boxes, alike field by field and in what they share; kinds
// records what they hold.
func sameBoxes(t *testing.T, a, b []*vbox, kinds map[string]bool) bool {
	t.Helper()
	if len(a) != len(b) {
		t.Logf("%d boxes, want %d", len(b), len(a))
		return false
	}
	boxes, flows := map[*vbox]*vbox{}, map[*flowInfo]*flowInfo{}
	paths := map[*tags.Path]*tags.Path{} // the arrays of paths, as boxes share them
	mapped := func(x, y *vbox) bool {
		if was, ok := boxes[x]; ok {
			return was == y
		}
		boxes[x] = y
		return true
	}
	for i := range a {
		x, y := a[i], b[i]
		if !mapped(x, y) {
			t.Logf("box %d: shared otherwise", i)
			return false
		}
		cx, cy := *x, *y
		cx.flow, cy.flow = nil, nil
		if len(cx.texts) == 0 && len(cy.texts) == 0 {
			cx.texts, cy.texts = nil, nil
		}
		if !reflect.DeepEqual(cx, cy) {
			t.Logf("box %d: %+v, want %+v", i, cy, cx)
			return false
		}
		if x.tags != nil {
			px, py := unsafe.SliceData(x.tags), unsafe.SliceData(y.tags)
			if was, ok := paths[px]; ok && was != py {
				t.Logf("box %d: paths not shared", i)
				return false
			}
			paths[px] = py
		}
		if (x.cites != nil) && x.cites != y.cites {
			t.Logf("box %d: cites not shared", i)
			return false
		}
		if (x.flow == nil) != (y.flow == nil) {
			t.Logf("box %d: flow %v, want %v", i, y.flow, x.flow)
			return false
		}
		note(kinds, x)
		if x.flow == nil {
			continue
		}
		if was, ok := flows[x.flow]; ok {
			if was != y.flow {
				t.Logf("box %d: its flowInfo not shared", i)
				return false
			}
			continue
		}
		flows[x.flow] = y.flow
		fx, fy := *x.flow, *y.flow
		fx.header, fy.header = nil, nil
		if !reflect.DeepEqual(fx, fy) || len(x.flow.header) != len(y.flow.header) || (x.flow.header == nil) != (y.flow.header == nil) {
			t.Logf("box %d: flow %+v, want %+v", i, fy, fx)
			return false
		}
		for j, h := range x.flow.header {
			if !mapped(h, y.flow.header[j]) || !reflect.DeepEqual(*h, *y.flow.header[j]) {
				t.Logf("box %d: header %d is not the copy of its box", i, j)
				return false
			}
		}
	}
	return true
}

// note records what kinds of pieces and information a box has.
func note(kinds map[string]bool, b *vbox) {
	on := func(k string, yes bool) { kinds[k] = kinds[k] || yes }
	on("texts", len(b.texts) > 0)
	on("glyphs", len(b.texts) > 0 && b.texts[0].Glyphs != nil)
	if b.art != nil {
		on("rects", len(b.art.Rects) > 0)
		on("rules", len(b.art.Rules) > 0)
		on("images", len(b.art.Images) > 0)
		on("vectors", len(b.art.Vectors) > 0)
		on("links", len(b.art.Links) > 0)
	}
	on("tags", b.tags != nil)
	on("cites", b.cites != nil)
	on("notes", b.cites != nil && len(b.cites.notes) > 0)
	if f := b.flow; f != nil {
		on("flow", true)
		on("header", f.header != nil)
		on("chapter", f.chapter != nil)
		on("start", f.start != nil)
	}
}

// inside tells whether b is a part of data.
// textInside tells whether a text's glyphs or letters are in data.
func textInside(tx page.Text, data []byte) bool {
	return inside(tx.Glyphs, data) || inside(unsafe.Slice(unsafe.StringData(tx.S), len(tx.S)), data)
}

func inside(b, data []byte) bool {
	if len(b) == 0 || len(data) == 0 {
		return false
	}
	at, start := uintptr(unsafe.Pointer(unsafe.SliceData(b))), uintptr(unsafe.Pointer(unsafe.SliceData(data)))
	return at >= start && at < start+uintptr(len(data))
}

// TestUnreadable: a unit whose spilled data cannot be read back fails to unpack, and a layout
// that asks for it sets it again, keeping its data in memory when the file takes none.
func TestUnreadable(t *testing.T) {
	spill, err := scratch.New("test units")
	if err != nil {
		t.Fatal(err)
	}
	b := bookOf(&tree.Chapter{ID: "a", Title: "A", Number: tree.Number{1}, Blocks: tree.Blocks{sample.Heading(1, "a", "A"), words("Text", 300)}})
	l := newLay(b, nil, newMemo(), solo())
	l.unknown, l.packs, l.spill = guessPages(b), true, spill
	u, m := l.units()[0], newMemo()
	_, set := l.setUnit(u, m)
	if m.unit.packed == nil || m.unit.packed.spilled == nil {
		t.Fatal("the unit is not packed into the scratch file")
	}
	spill.Close()
	if _, _, err := m.unit.packed.unpack(placing, nil); err == nil {
		t.Fatal("unpacked from a closed scratch file")
	}
	if _, ok := l.reuseUnit(m.unit); ok {
		t.Fatal("reused a unit that cannot be unpacked")
	}
	_, again := l.setUnit(u, m) // and packed again, in memory, as the closed file takes nothing
	if len(again) != len(set) || len(again) == 0 {
		t.Errorf("set again, %d boxes against %d", len(again), len(set))
	}
	if m.unit.packed == nil || m.unit.packed.spilled != nil || m.unit.packed.runs.Data == nil {
		t.Error("set again, the unit is not packed in memory")
	}
}
