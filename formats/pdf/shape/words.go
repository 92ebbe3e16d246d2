package shape

// ShapeWords shapes a run word by word through the cache: the run is cut before and after each
// stretch of spaces (U+0020), each piece is shaped alone, and the glyphs are joined in visual
// order with clusters relative to text. This is what makes the cache pay: a paragraph is mostly
// words already seen. The price is that nothing shapes across a space (a kerning pair with the
// space, a contextual form reaching over it), which is where fonts rarely act and where HarfBuzz
// itself would usually allow a break.
func (c *Cache) ShapeWords(text string, p Params) []Glyph {
	var pieces [][2]int
	start := 0
	for i := 1; i <= len(text); i++ {
		if i == len(text) || (text[i] == ' ') != (text[i-1] == ' ') {
			pieces = append(pieces, [2]int{start, i})
			start = i
		}
	}
	out := make([]Glyph, 0, len(text))
	add := func(pc [2]int) {
		for _, g := range c.Shape(text[pc[0]:pc[1]], p) {
			g.Cluster += int32(pc[0])
			out = append(out, g)
		}
	}
	if p.Direction == RightToLeft {
		for i := len(pieces) - 1; i >= 0; i-- {
			add(pieces[i])
		}
	} else {
		for _, pc := range pieces {
			add(pc)
		}
	}
	return out
}
