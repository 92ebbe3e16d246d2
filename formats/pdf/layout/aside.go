package layout

import (
	"bookc/builder/tree"
	"bookc/formats/pdf/page"
	"bookc/formats/pdf/tags"
)

var admonitionColors = map[tree.AdmonitionKind]page.Color{
	tree.Note:      {R: 0x2f, G: 0x6f, B: 0xc0},
	tree.Tip:       {R: 0x2e, G: 0x8b, B: 0x57},
	tree.Important: {R: 0x7b, G: 0x4f, B: 0xc0},
	tree.Warning:   {R: 0xc2, G: 0x7c, B: 0x0e},
	tree.Caution:   {R: 0xc0, G: 0x39, B: 0x2b},
}

// tint mixes a colour with white, for backgrounds.
func tint(c page.Color, f float64) page.Color {
	m := func(v uint8) uint8 { return uint8(255 - (255-float64(v))*f) }
	return page.Color{R: m(c.R), G: m(c.G), B: m(c.B)}
}

// detailsGrey marks a details block: a labelled aside with no kind of its own.
var detailsGrey = page.Color{R: 0x60, G: 0x60, B: 0x60}

// admonition sets its blocks in a tinted box with a coloured bar and the kind as a label.
func (l *lay) admonition(a *tree.Admonition, x, w float64) []*vbox {
	c, ok := admonitionColors[a.Kind]
	if !ok {
		c = admonitionColors[tree.Note]
	}
	return l.aside(tree.Inlines{&tree.Text{Text: a.Kind.Label()}}, c, a.Blocks, x, w)
}

// details sets a <details> block as an aside labelled with its summary, unfolded: paper has no
// folds.
func (l *lay) details(d *tree.Details, x, w float64) []*vbox {
	label := d.Summary
	if len(label) == 0 {
		label = tree.Inlines{&tree.Text{Text: "Details"}}
	}
	return l.aside(label, detailsGrey, d.Blocks, x, w)
}

// aside sets blocks in a box tinted with c, with a bar of c and the label in bold above them.
func (l *lay) aside(label tree.Inlines, c page.Color, bs tree.Blocks, x, w float64) []*vbox {
	l.nest++
	defer func() { l.nest-- }()
	c = l.ink.of(c)
	st := style{faces: l.faces, font: page.Bold, size: l.size, color: c}
	in, inW := x+l.pt(12), w-l.pt(20)
	head := tagged(l.setLines(l.build(l.runs(label, st, nil), w), in, inW, l.lead, left), tags.P)
	out := []*vbox{{h: l.pt(6)}}
	out = append(out, head...)
	out = append(out, &vbox{h: 2})
	keepTogether(out)
	out = append(out, l.blocks(bs, in, inW)...)
	if n := len(out); n > 0 {
		out[n-1].keep = true
	}
	out = append(out, &vbox{h: l.pt(6)})
	decorate(out, x, 3, c)
	decorate(out, x, w, tint(c, 0.08))
	return out
}

// definitions sets each term in bold, its definitions indented below it.
func (l *lay) definitions(d *tree.DefinitionList, x, w float64) []*vbox {
	l.nest++
	defer func() { l.nest-- }()
	var out []*vbox
	for i, it := range d.Items {
		if i > 0 {
			out = append(out, space(l.pt(parSkip)))
		}
		// a term labels its definitions, as a list item's label does its body
		term := tagged(l.setRuns(l.runs(it.Term, l.text().with(func(s *style) { s.font = page.Bold }), nil), x, w, l.lead, left), tags.Lbl)
		for _, b := range term {
			b.keep = true
		}
		item := term
		var defs []*vbox
		for j, def := range it.Definitions {
			if j > 0 {
				defs = append(defs, space(l.pt(parSkip/2)))
			}
			defs = append(defs, l.blocks(def, x+l.pt(listIndent), w-l.pt(listIndent))...)
		}
		item = append(item, tagged(defs, tags.LBody)...)
		out = append(out, tagged(item, tags.LI)...)
	}
	return tagged(out, tags.L)
}
