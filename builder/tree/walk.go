package tree

import "iter"

// WalkBlocks calls f for every block of bs and, depth first, for every block inside them: list
// items, quotes, admonitions, details, definitions, table cells and Only's blocks.
func WalkBlocks(bs Blocks, f func(Block)) {
	for _, b := range bs {
		f(b)
		switch n := b.(type) {
		case *List:
			for _, it := range n.Items {
				WalkBlocks(it.Blocks, f)
			}
		case *Quote:
			WalkBlocks(n.Blocks, f)
		case *Admonition:
			WalkBlocks(n.Blocks, f)
		case *Details:
			WalkBlocks(n.Blocks, f)
		case *Table:
			for _, c := range n.HeaderCells {
				WalkBlocks(c, f)
			}
			for _, r := range n.BodyCells {
				for _, c := range r {
					WalkBlocks(c, f)
				}
			}
		case *Only:
			WalkBlocks(n.Blocks, f)
		case *DefinitionList:
			for _, d := range n.Items {
				for _, def := range d.Definitions {
					WalkBlocks(def, f)
				}
			}
		}
	}
}

// InlinesOf gives the inline lists a block holds itself (not those of blocks inside it): a
// heading's or paragraph's content, inline table cells, definition terms, a figure's image and
// caption, a details block's summary. An iterator, as walks ask it of every block: a list made
// for each would be a book's most frequent allocation.
func InlinesOf(b Block) iter.Seq[Inlines] {
	return func(yield func(Inlines) bool) {
		switch n := b.(type) {
		case *Heading:
			yield(n.Content)
		case *Paragraph:
			yield(n.Content)
		case *Table:
			for _, c := range n.Header {
				if !yield(c) {
					return
				}
			}
			for _, r := range n.Rows {
				for _, c := range r {
					if !yield(c) {
						return
					}
				}
			}
		case *DefinitionList:
			for _, d := range n.Items {
				if !yield(d.Term) {
					return
				}
			}
		case *Details:
			yield(n.Summary)
		case *Figure:
			if n.Image != nil && !yield(Inlines{n.Image}) {
				return
			}
			yield(n.Caption)
		}
	}
}

// WalkInlines calls f for every inline of is and, depth first, for every inline inside them.
func WalkInlines(is Inlines, f func(Inline)) {
	for _, in := range is {
		f(in)
		switch n := in.(type) {
		case *Emphasis:
			WalkInlines(n.Content, f)
		case *Strong:
			WalkInlines(n.Content, f)
		case *Strikethrough:
			WalkInlines(n.Content, f)
		case *Styled:
			WalkInlines(n.Content, f)
		case *Lang:
			WalkInlines(n.Content, f)
		case *Link:
			WalkInlines(n.Content, f)
		case *XRef:
			WalkInlines(n.Content, f)
		}
	}
}

// WalkChapter calls block for every block of the chapter and its footnotes, and inline (when not
// nil) for every inline in them, in reading order.
func WalkChapter(c *Chapter, block func(Block), inline func(Inline)) {
	visit := func(b Block) {
		if block != nil {
			block(b)
		}
		if inline != nil {
			for is := range InlinesOf(b) {
				WalkInlines(is, inline)
			}
		}
	}
	WalkBlocks(c.Blocks, visit)
	for _, f := range c.Footnotes {
		WalkBlocks(f.Blocks, visit)
	}
}
