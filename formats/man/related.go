package man

import (
	"slices"
	"strings"

	"bookc/builder/tree"
)

// related lists the pages a chapter's page points readers to, in SEE ALSO: its parent chapter's,
// its sub-chapters', the index page (if the book has one) and the pages it cross-references. They are sorted by name,
// as man pages list them, each once, this page left out.
func (bk *book) related(c *tree.Chapter) []pageName {
	var ids []string
	if parent, ok := bk.parent[c.ID]; ok {
		ids = append(ids, parent)
	}
	for _, child := range c.Children {
		ids = append(ids, child.ID)
	}
	tree.WalkChapter(c, nil, func(in tree.Inline) {
		if x, ok := in.(*tree.XRef); ok {
			ids = append(ids, x.Chapter)
		}
	})
	var list []pageName
	if bk.indexed {
		list = append(list, bk.index)
	}
	for _, id := range ids {
		if n, ok := bk.page[id]; ok && id != c.ID {
			list = append(list, n)
		}
	}
	slices.SortFunc(list, func(a, b pageName) int {
		if d := strings.Compare(a.name, b.name); d != 0 {
			return d
		}
		return strings.Compare(a.section, b.section)
	})
	return slices.Compact(list)
}
