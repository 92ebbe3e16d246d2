package shape

import (
	"sync"

	"github.com/go-text/typesetting/segmenter"
)

// segmenters are reused: a Segmenter keeps its buffers, and Itemise runs once per paragraph.
var segmenters = sync.Pool{New: func() any { return new(segmenter.Segmenter) }}

// graphemes gives the rune index where each grapheme cluster (UAX #29) starts, and len(runes).
// Below U+0300 no character extends a cluster and only CR LF joins, so most of a book's text skips
// the segmenter, which also works out line and word breaks.
func graphemes(runes []rune) []int {
	bounds := make([]int, 0, len(runes)+1)
	simple := true
	for _, r := range runes {
		if r >= 0x300 {
			simple = false
			break
		}
	}
	if simple {
		for i, r := range runes {
			if r != '\n' || i == 0 || runes[i-1] != '\r' {
				bounds = append(bounds, i)
			}
		}
		return append(bounds, len(runes))
	}
	seg := segmenters.Get().(*segmenter.Segmenter)
	defer segmenters.Put(seg)
	seg.Init(runes)
	for it := seg.GraphemeIterator(); it.Next(); {
		bounds = append(bounds, it.Grapheme().Offset)
	}
	return append(bounds, len(runes))
}
