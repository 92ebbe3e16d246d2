package shape

// Words shapes a run word by word through the cache: the run is cut before and after each
// stretch of spaces (U+0020), and each piece's value is given to each with the piece's byte
// offset in text, in visual order (right to left for a right-to-left run, as dir says). This is what makes
// the cache pay: a paragraph is mostly words already seen. The price is that nothing shapes
// across a space (a kerning pair with the space, a contextual form reaching over it), which is
// where fonts rarely act and where HarfBuzz itself would usually allow a break.
func (c *Cache[V]) Words(text string, dir Direction, each func(off int, v V)) {
	if dir == RightToLeft {
		end := len(text)
		for i := len(text) - 1; i >= 0; i-- {
			if i == 0 || (text[i] == ' ') != (text[i-1] == ' ') {
				each(i, c.Get(text[i:end]))
				end = i
			}
		}
		return
	}
	start := 0
	for i := 1; i <= len(text); i++ {
		if i == len(text) || (text[i] == ' ') != (text[i-1] == ' ') {
			each(start, c.Get(text[start:i]))
			start = i
		}
	}
}
