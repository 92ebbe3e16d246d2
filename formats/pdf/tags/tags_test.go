package tags

import "testing"

// TestHeadingLevels: headings placed in reading order step down one level at a time, whatever
// level their nodes ask; headings that ask one level under one heading are placed alike.
func TestHeadingLevels(t *testing.T) {
	for _, tt := range []struct {
		name      string
		asked, is []Role
	}{
		{"in order", []Role{H1, H2, H3, H2}, []Role{H1, H2, H3, H2}},
		{"a level skipped", []Role{H1, H3, H3, H4}, []Role{H1, H2, H2, H3}},
		{"deep first", []Role{H6, H2, H3, H1}, []Role{H1, H1, H2, H1}},
		{"back up, then skipped again", []Role{H1, H2, H1, H5}, []Role{H1, H2, H1, H2}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b := NewBuilder(0)
			b.Section(Sect, 0)
			for i, r := range tt.asked {
				id := b.Place(Path{New(r)})
				if got := b.Elems()[id].Role; got != tt.is[i] {
					t.Errorf("heading %d asked %v: placed as %v, want %v", i+1, r, got, tt.is[i])
				}
			}
		})
	}
}

// TestPlace: a path's nodes are made once under the section open, and sections nest by level.
func TestPlace(t *testing.T) {
	b := NewBuilder(0)
	b.Section(Part, 0)
	b.Section(Sect, 1)
	p, link := New(P), New(Link)
	a := b.Place(Path{p})
	if again := b.Place(Path{p}); again != a {
		t.Errorf("one paragraph placed twice: elements %d and %d", a, again)
	}
	l := b.Place(Path{p, link})
	es := b.Elems()
	if es[l].Parent != a || es[a].Parent != 1 || es[1].Parent != 0 || es[0].Parent != -1 {
		t.Errorf("parents: %+v", es)
	}
	b.Section(Sect, 1) // the next chapter of the part
	if q := b.Place(Path{p}); q == a || b.Elems()[q].Parent != 0+int32(len(es)) {
		t.Errorf("the next chapter's paragraph is element %d, parent %d", q, b.Elems()[q].Parent)
	}
	if len(b.ids) != 1 { // what the chapter before made is never looked up again
		t.Errorf("the lookup holds %d elements after a new section, want its own 1", len(b.ids))
	}
	off := Graft(&[]Elem{{Role: Document, Parent: -1}}, b.Elems(), 0)
	if off != 1 {
		t.Errorf("grafted at %d, want 1", off)
	}
}
