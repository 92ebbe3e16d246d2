package draw

import (
	"fmt"

	"bookc/formats/scratch"
)

// spillPages is the page count from which a PDF is assembled in a temporary file rather than in
// memory, its pages' contents written to another as soon as they are compressed: a book of tens
// of thousands of pages has hundreds of megabytes of them, which would all be in memory at once,
// twice while the file is assembled.
var spillPages = 4000

// pageContents are the pages' compressed contents, in page order: in memory, or where they are in
// a scratch file.
type pageContents struct {
	data   [][]byte
	pieces []scratch.Piece
}

func (c pageContents) count() int { return max(len(c.data), len(c.pieces)) }

// object is the i-th page's content as an object to append.
func (c pageContents) object(i int) appended {
	if c.pieces != nil {
		return appended{dict: fmt.Appendf(nil, "<</Filter /FlateDecode /Length %d>>", c.pieces[i].Len()), spilled: &c.pieces[i]}
	}
	return appended{dict: fmt.Appendf(nil, "<</Filter /FlateDecode /Length %d>>", len(c.data[i])), stream: c.data[i]}
}
