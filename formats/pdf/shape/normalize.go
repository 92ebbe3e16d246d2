package shape

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// normalize returns text in NFC, with invalid UTF-8 replaced by U+FFFD, and, when that changed
// anything, the source offset of each byte of the result (plus one for its end). A byte maps to
// the start of its normalisation segment in the source: a base and its marks map as a whole.
func normalize(src string) (string, []int) {
	if utf8.ValidString(src) && norm.NFC.IsNormalString(src) {
		return src, nil // nearly every paragraph of a book: no copy, no map
	}
	out := make([]byte, 0, len(src))
	offs := make([]int, 0, len(src)+1)
	var it norm.Iter
	it.InitString(norm.NFC, src)
	for !it.Done() {
		at := it.Pos()
		seg := it.Next()
		for len(seg) > 0 {
			r, n := utf8.DecodeRune(seg)
			if r == utf8.RuneError && n <= 1 {
				out = utf8.AppendRune(out, utf8.RuneError)
			} else {
				out = append(out, seg[:n]...)
			}
			for len(offs) < len(out) {
				offs = append(offs, at)
			}
			seg = seg[n:]
		}
	}
	return string(out), append(offs, len(src))
}
