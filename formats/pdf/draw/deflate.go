package draw

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"regexp"
	"sort"
	"strconv"
)

var (
	xrefRe   = regexp.MustCompile(`\nxref\n0 (\d+)\n`)
	plainRe  = regexp.MustCompile(`^(\d+) 0 obj\n<</Length (\d+)>>\nstream\n`)
	xrefLine = 20 // "0000000123 00000 n \n"
)

// deflate compresses the page content streams of a PDF that fpdf wrote uncompressed, and writes a
// new cross-reference table for the moved objects. fpdf can compress them itself, but it makes a
// new zlib writer for every stream, which costs more than the compressing; one writer, reset per
// stream, does the same work for a third of the time.
func deflate(pdf []byte) ([]byte, error) {
	loc := xrefRe.FindSubmatchIndex(pdf)
	if loc == nil {
		return nil, fmt.Errorf("no cross-reference table where fpdf writes it")
	}
	xref := loc[0] + 1
	n, _ := strconv.Atoi(string(pdf[loc[2]:loc[3]]))
	entries := pdf[loc[1]:]
	if len(entries) < n*xrefLine {
		return nil, fmt.Errorf("cross-reference table cut short")
	}
	offsets := make([]int, n) // by object number; 0 for the free entry
	for i := 1; i < n; i++ {
		off, err := strconv.Atoi(string(entries[i*xrefLine : i*xrefLine+10]))
		if err != nil {
			return nil, fmt.Errorf("cross-reference entry %d: %w", i, err)
		}
		offsets[i] = off
	}
	trailer := entries[n*xrefLine:]
	byOffset := make([]int, 0, n-1)
	for i := 1; i < n; i++ {
		byOffset = append(byOffset, i)
	}
	sort.Slice(byOffset, func(a, b int) bool { return offsets[byOffset[a]] < offsets[byOffset[b]] })

	out := bytes.NewBuffer(make([]byte, 0, len(pdf)/3))
	out.Write(pdf[:offsets[byOffset[0]]])
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestSpeed) // BestSpeed is a valid level
	moved := make([]int, n)
	for k, obj := range byOffset {
		end := xref
		if k+1 < len(byOffset) {
			end = offsets[byOffset[k+1]]
		}
		body := pdf[offsets[obj]:end]
		moved[obj] = out.Len()
		m := plainRe.FindSubmatch(body)
		if m == nil {
			out.Write(body)
			continue
		}
		length, _ := strconv.Atoi(string(m[2]))
		data := body[len(m[0]):]
		if length > len(data) {
			return nil, fmt.Errorf("object %s: stream longer than its object", m[1])
		}
		z.Reset()
		zw.Reset(&z)
		zw.Write(data[:length])
		if err := zw.Close(); err != nil {
			return nil, err
		}
		fmt.Fprintf(out, "%s 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", m[1], z.Len())
		out.Write(z.Bytes())
		out.Write(data[length:]) // "\nendstream\nendobj\n"
	}
	start := out.Len()
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", n)
	for i := 1; i < n; i++ {
		fmt.Fprintf(out, "%010d 00000 n \n", moved[i])
	}
	// The trailer ends with the table's offset, which moved.
	t := trailer[:bytes.LastIndex(trailer, []byte("startxref\n"))]
	out.Write(t)
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", start)
	return out.Bytes(), nil
}
