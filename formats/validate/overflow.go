package validate

import (
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Overflowing is what Overflow found.
type Overflowing struct {
	Lines    int
	Edge     float64  // the text block's right edge: the most common right end of a line
	Overfull []string // lines ending more than 3 pt past the edge, "page N: text"
	Clipped  []string // lines ending past the page
}

// Overflow measures every text line of a PDF with pdftotext -bbox-layout, as a reader sees the
// page: the right edge of the text block is the most common right end of a line (justified text
// ends there), and a line that ends further right sticks out.
func Overflow(path string) (*Overflowing, error) {
	dir, err := os.MkdirTemp("", "bookc-overflow")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	html := filepath.Join(dir, "b.html")
	if out, err := run(nil, "pdftotext", "-bbox-layout", path, html); err != nil {
		return nil, fmt.Errorf("pdftotext %s: %v %s", path, err, out)
	}
	data, err := os.ReadFile(html)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Pages []struct {
			Width float64 `xml:"width,attr"`
			Lines []struct {
				XMax  float64  `xml:"xMax,attr"`
				Words []string `xml:"word"`
			} `xml:"flow>block>line"`
		} `xml:"body>doc>page"`
	}
	dec := xml.NewDecoder(strings.NewReader(string(data)))
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("reading pdftotext's layout of %s: %v", path, err)
	}
	counts := map[int]int{}
	o := &Overflowing{}
	for _, p := range doc.Pages {
		for _, l := range p.Lines {
			counts[int(l.XMax+0.5)]++
			o.Lines++
		}
	}
	best, bestN := 0, -1
	for edge, n := range counts {
		if n > bestN || (n == bestN && edge < best) {
			best, bestN = edge, n
		}
	}
	o.Edge = float64(best)
	for i, p := range doc.Pages {
		for _, l := range p.Lines {
			text := fmt.Sprintf("page %d: %s", i+1, strings.Join(l.Words, " "))
			switch {
			case l.XMax > p.Width+0.5:
				o.Clipped = append(o.Clipped, text)
			case l.XMax > o.Edge+3:
				o.Overfull = append(o.Overfull, text)
			}
		}
	}
	return o, nil
}
