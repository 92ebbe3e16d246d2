// Package tags is the structure of a tagged PDF (PDF 1.7, 14.8): the standard structure types,
// the elements of a document's structure tree, and the paths by which layout names what each piece
// of a page belongs to before the page it lands on is known (Builder).
package tags

import "slices"

// Elem is an element of the structure tree (tagged PDF): a standard structure type, its parent
// (an index in Doc.Tags; -1 for the root), and what of the node it was made of assistive
// technology reads besides the content: its words, shared, and whether it heads a column. Not
// the node: the boxes that name it go once their pages are drawn, and with them a large book's
// million nodes, where the tree keeps its elements to the end.
type Elem struct {
	Role   Role
	Scope  bool // a TH that heads its column
	Parent int32
	words  *words // nil for most
}

// Alt is a figure's alternative text, a link's description; "" for none.
func (e Elem) Alt() string {
	if e.words == nil {
		return ""
	}
	return e.words.alt
}

// Lang is the language of a passage in another than the document's; "" for the document's.
func (e Elem) Lang() string {
	if e.words == nil {
		return ""
	}
	return e.words.lang
}

// Role is a standard structure type of PDF 1.7 (14.8.4).
type Role uint8

const (
	Document Role = iota
	Part
	Sect
	Div
	TOC
	TOCI
	P
	H1
	H2
	H3
	H4
	H5
	H6
	L
	LI
	Lbl
	LBody
	Table
	THead
	TBody
	TR
	TH
	TD
	Figure
	Caption
	Code
	BlockQuote
	Note
	Link
	Reference
	Span
)

var roleNames = [...]string{"Document", "Part", "Sect", "Div", "TOC", "TOCI", "P", "H1", "H2", "H3", "H4", "H5", "H6",
	"L", "LI", "Lbl", "LBody", "Table", "THead", "TBody", "TR", "TH", "TD", "Figure", "Caption", "Code", "BlockQuote",
	"Note", "Link", "Reference", "Span"}

// String is the type's name in the PDF.
func (r Role) String() string { return roleNames[r] }

// Heading is the heading type of a level, 1 to 6 (levels past 6 are H6).
func Heading(level int) Role { return H1 + Role(min(max(level, 1), 6)-1) }

// Inline roles sit inside a block's text, between its runs, rather than beside other blocks.
func (r Role) Inline() bool { return r == Link || r == Reference || r == Span }

// Node is an element as layout makes it, before it has a place in a document: one for a block
// (every line of a paragraph shares its paragraph's), never changed once made, so that blocks set
// once serve every layout pass and edition.
type Node struct {
	Role  Role
	Scope bool   // a TH that heads its column
	words *words // nil for most: a paragraph's says nothing, and a large book has a million
}

// words are what assistive technology reads of a node besides its content.
type words struct {
	alt  string // a figure's alternative text; a link's description
	lang string // a passage in another language than the document's
}

// New returns a node of the role.
func New(r Role) *Node { return &Node{Role: r} }

// Described returns a node of the role with an alternative text (a figure's) or a description
// (a link's).
func Described(r Role, alt string) *Node { return &Node{Role: r, words: &words{alt: alt}} }

// InLanguage returns a node of the role for a passage in another language than the document's.
func InLanguage(r Role, lang string) *Node { return &Node{Role: r, words: &words{lang: lang}} }

// Alt is the node's alternative text or description; "" for none (and for no node).
func (n *Node) Alt() string {
	if n == nil || n.words == nil {
		return ""
	}
	return n.words.alt
}

// Lang is the language of the node's passage; "" for the document's (and for no node).
func (n *Node) Lang() string {
	if n == nil || n.words == nil {
		return ""
	}
	return n.words.lang
}

// Path is what a piece belongs to: the nodes from its block's outermost element to its own,
// outermost first. An empty path is the innermost element of the blocks around the piece.
type Path []*Node

// Within is the paths inside n: n, then each path. They share one array, as a box's paths are
// made together and live as long.
func Within(ps []Path, n *Node) []Path {
	size := 0
	for _, p := range ps {
		size += len(p) + 1
	}
	room := make([]*Node, 0, size)
	out := make([]Path, len(ps))
	for i, p := range ps {
		from := len(room)
		room = append(append(room, n), p...)
		out[i] = room[from:len(room):len(room)]
	}
	return out
}

// Builder makes the structure tree of a run of pages from the paths of their pieces, in reading
// order: an element is made when the first piece of it is placed, under the section open then.
type Builder struct {
	elems  []Elem
	ids    map[placed]int32
	open   []int32 // the sections open, by level: a chapter's, its sub-chapter's ...
	parent int32   // where sections and paths without one go: the root (-1) or an element
	heads  []level // the headings open, outermost first: see heading
	// the last path placed, under which element, and its nodes' elements: the next path most
	// often begins as it does (the lines of a list item's paragraphs), and those need no lookup
	last struct {
		under int32
		path  Path
		ids   []int32
	}
}

// level is a heading's level as its node asked it and as it was placed.
type level struct{ asked, placed int }

type placed struct {
	parent int32
	node   *Node
}

// NewBuilder returns a Builder whose top elements go under none (-1, the document's root), with
// room for about size elements.
func NewBuilder(size int) *Builder {
	return &Builder{elems: make([]Elem, 0, size), ids: make(map[placed]int32, size), parent: -1}
}

// Section opens a part's or chapter's section (role Part or Sect) at a level of the book's
// hierarchy, 0 the top: inside the section open at the level above, closing those at its level
// and below.
func (b *Builder) Section(r Role, level int) {
	level = min(max(level, 0), len(b.open))
	b.open = b.open[:level]
	parent := b.parent
	if level > 0 {
		parent = b.open[level-1]
	}
	b.elems = append(b.elems, Elem{Role: r, Parent: parent})
	b.open = append(b.open, int32(len(b.elems)-1))
	// every piece from now on is placed inside the new section, on paths from it: no element
	// made before is looked up again, and the lookup holds a section's, not a book's million
	clear(b.ids)
}

// Place returns the element of a piece on its path, inside the innermost open section, making the
// elements on the way that are not yet made.
func (b *Builder) Place(p Path) int32 {
	parent := b.parent
	if n := len(b.open); n > 0 {
		parent = b.open[n-1]
	}
	same := 0
	if b.last.under == parent && b.last.path != nil {
		for same < len(p) && same < len(b.last.path) && p[same] == b.last.path[same] {
			same++
		}
	}
	b.last.under, b.last.path, b.last.ids = parent, p, b.last.ids[:same]
	if same > 0 {
		parent = b.last.ids[same-1]
	}
	for _, n := range p[same:] {
		k := placed{parent, n}
		id, ok := b.ids[k]
		if !ok {
			id = int32(len(b.elems))
			b.elems = append(b.elems, Elem{Role: b.heading(n.Role), Scope: n.Scope, Parent: parent, words: n.words})
			b.ids[k] = id
		}
		parent = id
		b.last.ids = append(b.last.ids, id)
	}
	return parent
}

// heading is the role of an element as placed: a heading one level below the heading it follows
// at most, as PDF/UA asks, where the book's depth or its author skips levels. Headings that ask
// one level are placed at one level while under the same heading: "#", "###", "###", "####" are
// H1, H2, H2, H3.
func (b *Builder) heading(r Role) Role {
	if r < H1 || r > H6 {
		return r
	}
	asked := int(r-H1) + 1
	for len(b.heads) > 0 && b.heads[len(b.heads)-1].asked >= asked {
		b.heads = b.heads[:len(b.heads)-1]
	}
	placed := 1
	if n := len(b.heads); n > 0 {
		placed = b.heads[n-1].placed + 1
	}
	b.heads = append(b.heads, level{asked, placed})
	return Heading(placed)
}

// Elems is the tree made so far; parents outside it are -1.
func (b *Builder) Elems() []Elem { return b.elems }

// Graft appends the elements of a tree made by a Builder to dst, its top elements under parent, and
// returns the offset its indices moved by.
func Graft(dst *[]Elem, tree []Elem, parent int32) int32 {
	off := int32(len(*dst))
	*dst = slices.Grow(*dst, len(tree))
	for _, e := range tree {
		if e.Parent < 0 {
			e.Parent = parent
		} else {
			e.Parent += off
		}
		*dst = append(*dst, e)
	}
	return off
}
