package svg

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// CharsetReader, for xml.Decoder, reads the encodings besides UTF-8 that tools declare: PlantUML writes
// encoding="us-ascii", a subset of UTF-8, and old editors ISO-8859-1, whose bytes are the
// first 256 code points.
func CharsetReader(label string, input io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "us-ascii", "ascii", "utf8":
		return input, nil
	case "iso-8859-1", "latin1", "latin-1", "l1":
		return &latin1{r: bufio.NewReader(input)}, nil
	}
	return nil, fmt.Errorf("encoding %q is not supported (use UTF-8)", label)
}

// latin1 turns ISO-8859-1 into UTF-8.
type latin1 struct {
	r       *bufio.Reader
	pending []byte
}

func (l *latin1) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		if len(l.pending) > 0 {
			c := copy(p[n:], l.pending)
			l.pending, n = l.pending[c:], n+c
			continue
		}
		b, err := l.r.ReadByte()
		if err != nil {
			if n > 0 {
				return n, nil
			}
			return 0, err
		}
		l.pending = utf8.AppendRune(nil, rune(b))
	}
	return n, nil
}
