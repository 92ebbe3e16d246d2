package man

import (
	"bytes"
	"compress/gzip"
)

// Gzip compresses a page reproducibly: the header holds no file name and no time, and names no
// operating system, so the same page gives the same bytes wherever it is built.
func Gzip(data []byte) []byte {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		panic(err) // the level is a valid constant
	}
	zw.Header.OS = 255 // "unknown", rather than the building system
	zw.Write(data)     // writes to a bytes.Buffer do not fail
	zw.Close()
	return buf.Bytes()
}
