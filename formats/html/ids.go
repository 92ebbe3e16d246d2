package html

import (
	"strconv"
	"strings"

	"bookc/builder/tree"
)

// IDs maps the book's heading and footnote IDs to XHTML ids. The tree's IDs are unique but may start
// with a digit or hold characters that are no XML name ("1-intro", "café"); EPUB checkers reject
// those, so every ID gets a plain-ASCII XML name, the same in the element and in every link to it.
type IDs struct {
	m    map[string]string
	used map[string]bool
}

// NewIDs assigns ids to every heading and footnote of the book, in reading order, so that the
// assignment never depends on map order.
func NewIDs(b *tree.Book) *IDs {
	ids := &IDs{m: map[string]string{}, used: map[string]bool{}}
	for _, c := range b.Chapters() {
		ids.addBlocks(c.Blocks)
		for _, fn := range c.Footnotes {
			ids.add(fn.ID)
			ids.addBlocks(fn.Blocks)
		}
	}
	// Back-link targets of footnote references come last, so that they never take a heading's name.
	for _, c := range b.Chapters() {
		for _, fn := range c.Footnotes {
			ids.add(refKey(fn.ID))
		}
	}
	return ids
}

// refKey is the key under which the id of a footnote's first reference is stored.
func refKey(footnoteID string) string { return "ref\x00" + footnoteID }

// addBlocks adds the IDs of headings and link targets, in reading order.
func (ids *IDs) addBlocks(bs tree.Blocks) {
	tree.WalkBlocks(bs, func(b tree.Block) {
		switch n := b.(type) {
		case *tree.Heading:
			ids.add(n.ID)
		case *tree.Anchor:
			ids.add(n.ID)
		}
		for is := range tree.InlinesOf(b) {
			tree.WalkInlines(is, func(in tree.Inline) {
				if a, ok := in.(*tree.Anchor); ok {
					ids.add(a.ID)
				}
			})
		}
	})
}

func (ids *IDs) add(id string) {
	if id == "" {
		return
	}
	if _, ok := ids.m[id]; ok {
		return
	}
	name := xmlName(strings.TrimPrefix(id, "ref\x00"))
	if strings.HasPrefix(id, "ref\x00") {
		name = "ref-" + name
	}
	base := name
	for n := 2; ids.used[name]; n++ {
		name = base + "-" + strconv.Itoa(n)
	}
	ids.used[name] = true
	ids.m[id] = name
}

// Get returns the XHTML id of a tree ID. An ID the book does not hold (a caller's mistake) still gets
// a valid name, so the output stays well-formed.
func (ids *IDs) Get(id string) string {
	if id == "" {
		return "" // no id: the attribute is left out
	}
	if ids != nil {
		if name, ok := ids.m[id]; ok {
			return name
		}
	}
	return xmlName(id)
}

// Ref returns the id of the first reference to a footnote, the target of its back link.
func (ids *IDs) Ref(footnoteID string) string { return ids.Get(refKey(footnoteID)) }

// xmlName turns s into an ASCII XML name: letters, digits, '-', '_' and '.', starting with a letter
// or '_'. Other characters become "_" and their code point in hex.
func xmlName(s string) string {
	ok := s != ""
	for i, r := range s {
		if !nameChar(r) || (i == 0 && !nameStart(r)) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var sb strings.Builder
	if s == "" || !nameStart(rune(s[0])) {
		sb.WriteString("x")
	}
	for _, r := range s {
		if nameChar(r) {
			sb.WriteRune(r)
		} else {
			sb.WriteString("_" + strconv.FormatInt(int64(r), 16))
		}
	}
	return sb.String()
}

func nameStart(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '_'
}

func nameChar(r rune) bool {
	return nameStart(r) || r >= '0' && r <= '9' || r == '-' || r == '.'
}
