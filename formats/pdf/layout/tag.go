package layout

import (
	"bookc/formats/pdf/page"
	"bookc/formats/pdf/tags"
)

// A box's pieces name what they belong to in the structure tree by a Tag that counts in the box's
// tags (Tag k: tags[k], or none for artifact); a box without tags has one empty path (own), so that
// a piece set as it comes, Tag 0, belongs to whatever element the blocks around it wrap it in
// (wrap). Paginating places the paths (pageTags): the pieces' Tags then count in their page's Tags,
// from 1, and 0 is an artifact, as page.Tag says.

// own is the tags of a box nobody has wrapped yet: one empty path. Never changed.
var own = []tags.Path{nil}

// artifact is the Tag of a piece of a box that is no content: a contents entry's leader dots.
const artifact page.Tag = 1<<16 - 1

func (b *vbox) paths() []tags.Path {
	if b.tags == nil {
		return own
	}
	return b.tags
}

// wrap puts the boxes' pieces inside n: every path of theirs starts with n. Boxes that nobody
// wrapped before share one list.
func wrap(bs []*vbox, n *tags.Node) {
	var bare []tags.Path
	for _, b := range bs {
		if b.tags == nil {
			if bare == nil {
				bare = []tags.Path{{n}}
			}
			b.tags = bare
			continue
		}
		ps := make([]tags.Path, len(b.tags))
		for i, p := range b.tags {
			ps[i] = p.Within(n)
		}
		b.tags = ps
	}
}

// tagged wraps the boxes in a new node of the role and returns them.
func tagged(bs []*vbox, r tags.Role) []*vbox {
	wrap(bs, tags.New(r))
	return bs
}

// addPath gives a box one more path, for a piece to name: its Tag.
func (b *vbox) addPath(p tags.Path) page.Tag {
	ps := b.paths()
	b.tags = append(ps[:len(ps):len(ps)], p)
	return page.Tag(len(b.tags) - 1)
}

// tagFor is the Tag of a piece of the box inside n, an element of the box's own (a link in a
// line): its path, made on first use. A nil n is the box's own element.
func (b *vbox) tagFor(n *tags.Node) page.Tag {
	if n == nil {
		return 0
	}
	for i, p := range b.tags {
		if len(p) == 1 && p[0] == n {
			return page.Tag(i)
		}
	}
	return b.addPath(tags.Path{n})
}

// pageTags places the pieces that one box brought to a page (from the counts before it was
// shifted in) in the structure tree, and counts their Tags in the page's Tags.
type pageTags struct {
	b     *tags.Builder
	local map[int32]page.Tag // the page's Tag of each element it has
}

func (t *pageTags) newPage() { clear(t.local) }

func (t *pageTags) place(p *page.Page, b *vbox, from pieces) {
	paths := b.paths()
	tag := func(k page.Tag) page.Tag {
		if k == artifact || int(k) >= len(paths) {
			return 0
		}
		id := t.b.Place(paths[k])
		if id < 0 {
			return 0
		}
		l, ok := t.local[id]
		if !ok {
			if len(p.Tags) == int(artifact)-1 {
				return page.Tag(len(p.Tags)) // a page of more elements than Tags count: the last takes the rest
			}
			p.Tags = append(p.Tags, id)
			l = page.Tag(len(p.Tags))
			t.local[id] = l
		}
		return l
	}
	retag(p, from, tag)
}

// pieces counts what a page holds, before a box is shifted into it.
type pieces struct{ texts, images, vectors, links int }

func counts(p *page.Page) pieces {
	return pieces{len(p.Texts), len(p.Images), len(p.Vectors), len(p.Links)}
}

// artifacts makes what a page shows since from artifacts: a table's header repeated. Its links
// stay the links of the header's cells: every link is in the tree.
func artifacts(p *page.Page, from pieces) {
	retag(p, pieces{from.texts, from.images, from.vectors, len(p.Links)}, func(page.Tag) page.Tag { return 0 })
}

// retag changes the Tags of what a page shows since from.
func retag(p *page.Page, from pieces, f func(page.Tag) page.Tag) {
	for i := from.texts; i < len(p.Texts); i++ {
		p.Texts[i].Tag = f(p.Texts[i].Tag)
	}
	for i := from.images; i < len(p.Images); i++ {
		p.Images[i].Tag = f(p.Images[i].Tag)
	}
	for i := from.vectors; i < len(p.Vectors); i++ {
		p.Vectors[i].Tag = f(p.Vectors[i].Tag)
	}
	for i := from.links; i < len(p.Links); i++ {
		p.Links[i].Tag = f(p.Links[i].Tag)
	}
}
