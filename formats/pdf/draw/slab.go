package draw

// slab keeps copies of small slices that live as long as the document, many to an array: a
// page's elements, links and marks, made one at a time among the much larger garbage of
// encoding it, would each keep a span of the heap from being reused once that garbage is
// collected (at 30 times the benchmark book, 0.1 GB of heap held by spans mostly empty).
type slab[T any] struct{ buf []T }

// slabSize is the elements of each array a slab fills.
const slabSize = 4096

// copy gives a copy of v in the slab; nil for an empty v.
func (s *slab[T]) copy(v []T) []T {
	if len(v) == 0 {
		return nil
	}
	if cap(s.buf)-len(s.buf) < len(v) {
		s.buf = make([]T, 0, max(slabSize, len(v)))
	}
	at := len(s.buf)
	s.buf = append(s.buf, v...)
	return s.buf[at:len(s.buf):len(s.buf)]
}
