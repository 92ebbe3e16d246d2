package layout

import (
	"slices"

	"bookc/formats/pdf/page"
	"bookc/formats/pdf/tags"
)

// A box's pieces name what they belong to in the structure tree by a Tag that counts in the box's
// tags (Tag k: tags[k], or none for artifact); a box without tags has one empty path (unwrapped), so that
// a piece set as it comes, Tag 0, belongs to whatever element the blocks around it wrap it in
// (wrap). Paginating places the paths (pageTags): the pieces' Tags then count in their page's Tags,
// from 1, and 0 is an artifact, as page.Tag says.

// unwrapped is the tags of a box nobody has wrapped yet: one empty path. Never changed.
var unwrapped = []tags.Path{nil}

// artifact is the Tag of a piece of a box that is no content: a contents entry's leader dots.
const artifact page.Tag = 1<<16 - 1

func (b *vbox) paths() []tags.Path {
	if b.tags == nil {
		return unwrapped
	}
	return b.tags
}

// wrap puts the boxes' pieces inside n: every path of theirs starts with n. Boxes that nobody
// wrapped before share one list.
func wrap(bs []*vbox, n *tags.Node) {
	var bare []tags.Path
	var was, is []tags.Path // the last box's tags before and after: boxes of one block share them
	for _, b := range bs {
		switch {
		case b.tags == nil:
			if bare == nil {
				bare = []tags.Path{{n}}
			}
			b.tags = bare
		case was != nil && identical(b.tags, was):
			b.tags = is
		default:
			ps := tags.Within(b.tags, n)
			was, is = b.tags, ps
			b.tags = ps
		}
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

// tagFor is the Tag of a piece of the box inside ns, elements of the box's own, outermost first
// (a link in a line, a figure in the link): its path, made on first use. Nil nodes are left out;
// none left is the box's own element.
func (b *vbox) tagFor(ns ...*tags.Node) page.Tag {
	var room [3]*tags.Node // the path, without the nils: on the stack unless it is new
	p := room[:0]
	for _, n := range ns {
		if n != nil {
			p = append(p, n)
		}
	}
	if len(p) == 0 {
		return 0
	}
	for i, q := range b.tags {
		if slices.Equal(q, p) {
			return page.Tag(i)
		}
	}
	return b.addPath(slices.Clone(p))
}

// tagLog is what a flow's pages are tagged from: the boxes as they were shifted into the pages,
// and where sections start. Paginating only records it; the flow that lands in the document is
// tagged (tree), once, instead of every layout pass's.
type tagLog struct{ events []tagEvent }

// tagEvent is a box put on a page (putOn), or a section opened. A page's pieces are its boxes',
// in the order they were put on it: each box's start where the box before it ends. A book has an
// event for each of its million boxes.
type tagEvent struct {
	p        *page.Page // the page the box went into; nil for a section
	b        *vbox
	level    int32
	section  tags.Role
	artifact bool // the box's pieces are artifacts (a table's header repeated)
}

func (t *tagLog) place(p *page.Page, b *vbox) {
	t.events = append(t.events, tagEvent{p: p, b: b})
}

// repeat records a box placed again as an artifact: a table's header on the pages after its first.
func (t *tagLog) repeat(p *page.Page, b *vbox) {
	t.events = append(t.events, tagEvent{p: p, b: b, artifact: true})
}

// section opens a part's or chapter's section at its depth in the book.
func (t *tagLog) section(r tags.Role, level int) {
	t.events = append(t.events, tagEvent{section: r, level: int32(level)})
}

// tree places the pieces of the flow's pages in a structure tree, which it returns, and counts
// their Tags in their pages' Tags (their placed texts', in TagMap). The pages must hold what
// paginating put in them, and no more.
func (t *tagLog) tree() []tags.Elem {
	// a body has about half as many elements as boxes (0.6 in a book of 1.4 MB), its contents more
	tb := newTreeBuilder(len(t.events) / 2)
	tb.feed(t.events)
	return tb.b.Elems()
}

// treeBuilder places a flow's tag log in its structure tree, a part at a time, in order.
type treeBuilder struct {
	b     *tags.Builder
	local map[int32]page.Tag // the page's Tag of each element it has
	seen  []page.Tag         // the page's Tag of each path of the box being placed, or unplaced
	last  *page.Page
	from  pieces // where the box being placed starts on its page
}

func newTreeBuilder(elems int) *treeBuilder {
	return &treeBuilder{b: tags.NewBuilder(elems), local: map[int32]page.Tag{}}
}

// feed places the next events of the log.
func (tb *treeBuilder) feed(events []tagEvent) {
	b := tb.b
	for _, ev := range events {
		if ev.p == nil {
			b.Section(ev.section, int(ev.level))
			continue
		}
		if ev.p != tb.last {
			clear(tb.local)
			tb.last, tb.from = ev.p, pieces{}
		}
		p, paths, from := ev.p, ev.b.paths(), tb.from
		to := from.after(ev.b)
		// each path is placed once for the box, not once for each of its pieces (a code line has
		// a run per colour)
		seen := tb.seen[:0]
		for range paths {
			seen = append(seen, unplaced)
		}
		tb.seen = seen
		tag := func(k page.Tag) page.Tag {
			if k == artifact || int(k) >= len(paths) {
				return 0
			}
			if l := seen[k]; l != unplaced {
				return l
			}
			l := page.Tag(0)
			if id := b.Place(paths[k]); id >= 0 {
				var ok bool
				if l, ok = tb.local[id]; !ok {
					if len(p.Tags) < int(artifact)-1 {
						p.Tags = append(p.Tags, id)
					} // else a page of more elements than Tags count: the last takes the rest
					l = page.Tag(len(p.Tags))
					tb.local[id] = l
				}
			}
			seen[k] = l
			return l
		}
		if from.placed < to.placed { // its texts, placed (Page.Place): their Tags are mapped
			pl := &p.Placed[from.placed]
			tagMap := p.TagMap[pl.At : pl.At+pl.N]
			pl.Each(func(tx page.Text) {
				if l := tag(tx.Tag); !ev.artifact && int(tx.Tag) < len(tagMap) {
					tagMap[tx.Tag] = l
				}
			})
		}
		retag(p, from, to, tag)
		if ev.artifact { // its links stay the header cells' links: every link is in the tree
			retag(p, from, pieces{to.texts, to.images, to.vectors, from.links, to.placed}, func(page.Tag) page.Tag { return 0 })
		}
		tb.from = to
	}
}

// unplaced marks a path of the box being placed that no piece has named yet.
const unplaced = artifact

// pieces counts what a page or a box holds, before a box is shifted into it; on a page, its
// texts are placed (placed counts them, Page.Place), not among its own.
type pieces struct{ texts, images, vectors, links, placed int32 }

func counts(p *page.Page) pieces {
	return pieces{int32(len(p.Texts)), int32(len(p.Images)), int32(len(p.Vectors)), int32(len(p.Links)), int32(len(p.Placed))}
}

// after is where the next box starts on a page, once b is put on it (putOn) after these.
func (c pieces) after(b *vbox) pieces {
	if b.hasTexts() {
		c.placed++
	}
	if b.art != nil {
		c.images += int32(len(b.art.Images))
		c.vectors += int32(len(b.art.Vectors))
		c.links += int32(len(b.art.Links))
	}
	return c
}

// retag changes the Tags of what a page shows from from up to to.
func retag(p *page.Page, from, to pieces, f func(page.Tag) page.Tag) {
	for i := from.texts; i < to.texts; i++ {
		p.Texts[i].Tag = f(p.Texts[i].Tag)
	}
	for i := from.images; i < to.images; i++ {
		p.Images[i].Tag = f(p.Images[i].Tag)
	}
	for i := from.vectors; i < to.vectors; i++ {
		p.Vectors[i].Tag = f(p.Vectors[i].Tag)
	}
	for i := from.links; i < to.links; i++ {
		p.Links[i].Tag = f(p.Links[i].Tag)
	}
}
