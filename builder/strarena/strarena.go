// Package strarena hands out strings that share a few large arrays instead of each having its
// own: for the many short strings a book's tree and a PDF's lines keep, which the collector
// would otherwise mark one by one at every cycle of a build.
package strarena

import "unsafe"

// Arena hands out strings that share its arrays' bytes, which are never written again once
// given, as strings.Builder's are. The zero Arena gives every string an array of its own.
type Arena struct {
	buf          []byte
	small, large int // the sizes of the arrays it makes when one is full: at least small, doubling up to large
}

// Sized is an arena of one array of n bytes, for strings whose total is known ahead: a string
// past it has an array of its own.
func Sized(n int) Arena { return Arena{buf: make([]byte, 0, n)} }

// Growing is an arena that makes a new array whenever one is full, of small bytes at first, then
// twice the last, up to large (or the string's length, when that is larger).
func Growing(small, large int) Arena { return Arena{small: small, large: large} }

// String is a string of b's bytes.
func (a *Arena) String(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if cap(a.buf)-len(a.buf) < len(b) && a.large == 0 {
		return string(b)
	}
	a.buf = Grown(a.buf, len(b), a.small, a.large)
	start := len(a.buf)
	a.buf = append(a.buf, b...)
	return unsafe.String(&a.buf[start], len(b))
}

// Spare is the room left in the arena's array.
func (a *Arena) Spare() int { return cap(a.buf) - len(a.buf) }

// Holds reports whether s shares the bytes of the arena's current array.
func (a *Arena) Holds(s string) bool {
	if len(s) == 0 || len(a.buf) == 0 {
		return false
	}
	p, first := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(&a.buf[0]))
	return p >= first && p+uintptr(len(s)) <= first+uintptr(len(a.buf))
}

// Grown is buf with room for n more, in a new array when it has not: of small elements at
// first, then twice the last, up to large (or n, when that is larger). What was kept stays in
// the old array. It is how an Arena's arrays grow, for arrays of other things kept the same way
// (the PDF's kept glyphs and text runs).
func Grown[T any](buf []T, n, small, large int) []T {
	if cap(buf)-len(buf) < n {
		return make([]T, 0, max(min(2*cap(buf), large), small, n))
	}
	return buf
}
