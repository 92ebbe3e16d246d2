package html

import (
	"strconv"

	"bookc/builder/tree"
)

// blocks writes a container's blocks. Raw HTML containers left open by one HTML block (a <details>
// whose </details> comes after some Markdown) stay open over the following siblings and close at the
// container's end at the latest.
func (w *writer) blocks(bs tree.Blocks) { w.blocksLead(bs, false, nil) }

// blocksLead writes blocks, unwrapping the paragraphs of tight list items, and writes lead (a task
// box, a footnote's back link) at the start of the first paragraph.
func (w *writer) blocksLead(bs tree.Blocks, tight bool, lead func()) {
	saved := w.rawBlock
	w.rawBlock = nil
	for i, b := range bs {
		p, isPara := b.(*tree.Paragraph)
		switch {
		case isPara && tight:
			if _, after := prev(bs, i).(*tree.Paragraph); after {
				w.x.Empty("br") // two paragraphs in one tight item: keep them apart
			}
			if i == 0 && lead != nil {
				lead()
			}
			w.inlines(p.Content)
		case isPara && i == 0 && lead != nil:
			w.inlineBlock("p", p.Content, lead)
			w.x.Newline()
		default:
			if i == 0 && lead != nil {
				lead()
			}
			w.block(b)
		}
	}
	if len(bs) == 0 && lead != nil {
		lead()
	}
	w.closeRawBlocks()
	w.rawBlock = saved
}

func prev(bs tree.Blocks, i int) tree.Block {
	if i == 0 {
		return nil
	}
	return bs[i-1]
}

func (w *writer) block(b tree.Block) {
	switch n := b.(type) {
	case *tree.Heading: // inside a quote, a list, a table: under its section's heading
		w.heading(n, w.innerLevel())
	case *tree.Paragraph:
		w.inlineBlock("p", n.Content, nil)
	case *tree.List:
		w.list(n)
	case *tree.CodeBlock:
		w.codeBlock(n)
	case *tree.Quote:
		end := w.boxStart("blockquote", n.Blocks)
		w.x.Newline()
		w.blocks(n.Blocks)
		end()
	case *tree.Admonition:
		end := w.boxStart("aside", n.Blocks, "class", "admonition "+string(n.Kind))
		label := n.Kind.Label()
		if label == "" {
			label = "Note"
		}
		w.x.Element("p", label, "class", "admonition-title")
		w.x.Newline()
		w.blocks(n.Blocks)
		end()
	case *tree.Table:
		w.table(n)
	case *tree.Details:
		w.details(n)
	case *tree.Anchor:
		w.anchor(n)
	case *tree.ThematicBreak:
		w.x.Empty("hr")
	case *tree.Figure:
		w.figure(n)
	case *tree.DefinitionList:
		w.definitions(n)
	case *tree.HTMLBlock:
		w.htmlBlock(n)
	case *tree.Only:
		// The edition filter removes every Only before a backend runs; should one slip through,
		// its content is the safe reading.
		w.blocks(n.Blocks)
	}
	w.x.Newline()
}

// heading writes a heading at the given level, which the caller decides by the sections around it.
func (w *writer) heading(h *tree.Heading, level int) {
	name := "h" + strconv.Itoa(level)
	class := ""
	for i, c := range h.Classes {
		if i > 0 {
			class += " "
		}
		class += c
	}
	w.inlineBlock(name, h.Content, nil, "id", w.opt.IDs.Get(h.ID), "class", class)
}

// innerLevel is the level of a heading that opens no section of its own: one below its section's.
func (w *writer) innerLevel() int { return min(w.level+1, 6) }

func (w *writer) list(l *tree.List) {
	name, start := "ul", ""
	if l.Ordered {
		name = "ol"
		if l.Start != 1 {
			start = strconv.Itoa(l.Start)
		}
	}
	var all tree.Blocks
	for _, it := range l.Items {
		all = append(all, it.Blocks...)
	}
	endList := w.boxStart(name, all, "start", start)
	w.x.Newline()
	for _, it := range l.Items {
		var lead func()
		class := ""
		if it.Task != tree.NoTask {
			box := "\u2610" // ☐
			class = "task"
			if it.Task == tree.Checked {
				box = "\u2611" // ☑
				class = "task done"
			}
			lead = func() {
				w.x.Element("span", box, "class", "task-box")
				w.x.Text(" ")
			}
		}
		end := w.boxStart("li", it.Blocks, "class", class)
		w.blocksLead(it.Blocks, l.Tight, lead)
		end()
		w.x.Newline()
	}
	endList()
}

var alignStyle = [...]string{
	tree.AlignNone:   "",
	tree.AlignLeft:   "text-align: left",
	tree.AlignCenter: "text-align: center",
	tree.AlignRight:  "text-align: right",
}

func (w *writer) table(t *tree.Table) {
	style := func(col int) string {
		if col < len(t.Align) && int(t.Align[col]) < len(alignStyle) && t.Align[col] >= 0 {
			return alignStyle[t.Align[col]]
		}
		return ""
	}
	// row writes a row of n cells; cell(i) writes the i-th
	row := func(n int, cell func(i int)) {
		w.x.Start("tr")
		for i := range n {
			cell(i)
		}
		w.x.End("tr")
		w.x.Newline()
	}
	inlineRow := func(cells []tree.Inlines, name string) {
		row(len(cells), func(i int) { w.inlineBlock(name, cells[i], nil, "style", style(i)) })
	}
	blockRow := func(cells []tree.Blocks, name string) {
		row(len(cells), func(i int) {
			end := w.boxStart(name, cells[i], "style", style(i))
			w.blocks(cells[i])
			end()
		})
	}
	hasHead := len(t.Header) > 0 || len(t.HeaderCells) > 0
	hasBody := len(t.Rows) > 0 || len(t.BodyCells) > 0
	if !hasHead && !hasBody {
		return
	}
	w.x.Start("table")
	w.x.Newline()
	if hasHead {
		w.x.Start("thead")
		inlineRow(t.Header, "th")
		if len(t.HeaderCells) > 0 {
			blockRow(t.HeaderCells, "th")
		}
		w.x.End("thead")
		w.x.Newline()
	}
	if hasBody {
		w.x.Start("tbody")
		w.x.Newline()
		for _, r := range t.Rows {
			inlineRow(r, "td")
		}
		for _, r := range t.BodyCells {
			blockRow(r, "td")
		}
		w.x.End("tbody")
		w.x.Newline()
	}
	w.x.End("table")
}

func (w *writer) figure(f *tree.Figure) {
	caption := tree.PlainText(f.Caption)
	w.x.Start("figure")
	if f.Image != nil {
		w.image(f.Image)
		if (f.Image.Asset == nil || w.opt.ImageSrc(f.Image.Asset) == "") && caption == f.Image.Alt {
			caption = "" // the alt text already stands in the image's place
		}
	}
	if caption != "" {
		w.x.Start("figcaption")
		w.inlines(f.Caption)
		w.x.End("figcaption")
	}
	w.x.End("figure")
}

// details writes a <details> block, always with the <summary> EPUB requires: "Details", as
// browsers show, when the source had none.
func (w *writer) details(d *tree.Details) {
	end := w.boxStart("details", append(tree.Blocks{&tree.Paragraph{Content: d.Summary}}, d.Blocks...))
	w.x.Newline()
	if len(d.Summary) > 0 {
		w.x.Start("summary")
		w.inlines(d.Summary)
		w.x.End("summary")
	} else {
		w.x.Element("summary", "Details")
	}
	w.x.Newline()
	w.blocks(d.Blocks)
	end()
}

// anchor writes a link target as an empty element that carries its id.
func (w *writer) anchor(a *tree.Anchor) { w.x.Element("span", "", "id", w.opt.IDs.Get(a.ID)) }

func (w *writer) definitions(dl *tree.DefinitionList) {
	w.x.Start("dl")
	w.x.Newline()
	for _, d := range dl.Items {
		w.x.Start("dt")
		w.inlines(d.Term)
		w.x.End("dt")
		w.x.Newline()
		for _, def := range d.Definitions {
			w.x.Start("dd")
			w.blocks(def)
			w.x.End("dd")
			w.x.Newline()
		}
	}
	w.x.End("dl")
}
