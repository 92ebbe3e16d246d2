package draw

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"testing"
)

// splitIDAT rewrites a PNG with its IDAT in pieces, an empty one among them, and a pHYs chunk cut short:
// valid for Go's decoder, misread by fpdf's.
func splitIDAT(t *testing.T, data []byte) []byte {
	var header, idat []byte
	for rest := data[8:]; len(rest) >= 12; {
		n := binary.BigEndian.Uint32(rest)
		switch string(rest[4:8]) {
		case "IHDR":
			header = rest[8 : 8+n]
		case "IDAT":
			idat = append(idat, rest[8:8+n]...)
		}
		rest = rest[12+n:]
	}
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	writeChunk(&out, "IHDR", header)
	writeChunk(&out, "pHYs", []byte{1})
	writeChunk(&out, "IDAT", idat[:len(idat)/2])
	writeChunk(&out, "IDAT", []byte{})
	writeChunk(&out, "IDAT", idat[len(idat)/2:])
	writeChunk(&out, "IEND", []byte{})
	return out.Bytes()
}

func writeChunk(w *bytes.Buffer, kind string, body []byte) {
	binary.Write(w, binary.BigEndian, uint32(len(body)))
	w.WriteString(kind)
	w.Write(body)
	crc := crc32.NewIEEE()
	crc.Write([]byte(kind))
	crc.Write(body)
	binary.Write(w, binary.BigEndian, crc.Sum32())
}
