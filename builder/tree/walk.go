package tree

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

// InlinesOf returns the inline lists a block holds itself (not those of blocks inside it): a
// heading's or paragraph's content, inline table cells, definition terms, a figure's image and
// caption, a details block's summary.
func InlinesOf(b Block) []Inlines {
	switch n := b.(type) {
	case *Heading:
		return []Inlines{n.Content}
	case *Paragraph:
		return []Inlines{n.Content}
	case *Table:
		out := append([]Inlines(nil), n.Header...)
		for _, r := range n.Rows {
			out = append(out, r...)
		}
		return out
	case *DefinitionList:
		out := make([]Inlines, 0, len(n.Items))
		for _, d := range n.Items {
			out = append(out, d.Term)
		}
		return out
	case *Details:
		return []Inlines{n.Summary}
	case *Figure:
		if n.Image != nil {
			return []Inlines{{n.Image}, n.Caption}
		}
		return []Inlines{n.Caption}
	}
	return nil
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
			for _, is := range InlinesOf(b) {
				WalkInlines(is, inline)
			}
		}
	}
	WalkBlocks(c.Blocks, visit)
	for _, f := range c.Footnotes {
		WalkBlocks(f.Blocks, visit)
	}
}
