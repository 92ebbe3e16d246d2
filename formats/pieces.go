package formats

import "fmt"

// Pieces is a file being assembled in parts (File.Parts): large ones as they are, without a
// copy; small ones copied together into blocks. A copy of the whole file would double its memory,
// all of it freshly touched, and its writer copies it once more.
type Pieces struct {
	parts [][]byte
	block []byte // the small parts gathered since the last large one
	n     int    // the file's length so far
	spill *Spill // where every part goes as it comes, when not nil
}

// SpillTo makes the parts that come from now on go to s as they come: none is kept.
func (p *Pieces) SpillTo(s *Spill) {
	p.flush()
	p.spill = s
}

// LargePart is the length from which Add keeps a part as it is: a page's content, a font, an
// image, a chapter.
const LargePart = 512

// Add appends b, as it is when it is large: b must then not change until the file is written.
func (p *Pieces) Add(b []byte) {
	if p.spill != nil {
		p.spill.Write(b) // its first error comes back from File
		p.n += len(b)
		return
	}
	if len(b) < LargePart {
		p.Copy(b)
		return
	}
	p.flush()
	p.parts = append(p.parts, b)
	p.n += len(b)
}

// Copy appends a copy of b, gathered with the small parts around it.
func (p *Pieces) Copy(b []byte) {
	if p.spill != nil {
		p.Add(b)
		return
	}
	if cap(p.block)-len(p.block) < len(b) {
		p.flush()
		p.block = make([]byte, 0, max(len(b), 64<<10))
	}
	p.block = append(p.block, b...)
	p.n += len(b)
}

// flush ends the block being gathered; the next small part starts a new one where it ended.
func (p *Pieces) flush() {
	if len(p.block) > 0 {
		p.parts = append(p.parts, p.block[:len(p.block):len(p.block)])
		p.block = p.block[len(p.block):]
	}
}

// Len is the file's length so far.
func (p *Pieces) Len() int { return p.n }

// Done gives the parts.
func (p *Pieces) Done() [][]byte {
	p.flush()
	return p.parts
}

// Each calls f with the file so far, in order, a piece at a time.
func (p *Pieces) Each(f func([]byte)) error {
	p.flush()
	for _, b := range p.parts {
		f(b)
	}
	if p.spill != nil {
		return p.spill.Each(f)
	}
	return nil
}

// File is the file so far, its parts or, once spilled, its spill, with the first error the
// spill met.
func (p *Pieces) File() (File, error) {
	p.flush()
	if p.spill == nil {
		return File{Parts: p.parts}, nil
	}
	if p.parts != nil {
		return File{}, fmt.Errorf("formats: parts kept before the spill began")
	}
	return File{Spill: p.spill}, p.spill.flush()
}
