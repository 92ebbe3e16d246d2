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
	Lines int
	// Edges are the text block's right edges on rectos and on versos, each the most common right end
	// of a line there: two-sided, the block moves toward the spine; one-sided, they are the same.
	Edges    [2]float64
	Overfull []string // lines ending more than 3 pt past the edge, "page N: text"
	Clipped  []string // lines ending past the page
}

// sideLines is how many lines must end at one place on a side's pages for it to be that side's edge.
const sideLines = 20

// Overflow measures every text line of a PDF with pdftotext -bbox-layout, as a reader sees the
// page: the right edge of the text block is the most common right end of a line (justified text
// ends there) on pages of the same side, and a line that ends further right sticks out.
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
	counts := [2]map[int]int{{}, {}}
	o := &Overflowing{}
	for i, p := range doc.Pages {
		for _, l := range p.Lines {
			counts[i%2][int(l.XMax+0.5)]++
			o.Lines++
		}
	}
	mode := func(c map[int]int) (edge, n int) {
		edge, n = 0, -1
		for e, k := range c {
			if k > n || (k == n && e < edge) {
				edge, n = e, k
			}
		}
		return edge, n
	}
	all := map[int]int{}
	for _, c := range counts {
		for e, k := range c {
			all[e] += k
		}
	}
	edge, _ := mode(all)
	for side, c := range counts {
		o.Edges[side] = float64(edge)
		// a side's own edge only where enough lines end there to tell it: in a short document the
		// commonest end of a few lines may be a title's
		if e, n := mode(c); n >= sideLines {
			o.Edges[side] = float64(e)
		}
	}
	for i, p := range doc.Pages {
		for _, l := range p.Lines {
			text := fmt.Sprintf("page %d: %s", i+1, strings.Join(l.Words, " "))
			switch {
			case l.XMax > p.Width+0.5:
				o.Clipped = append(o.Clipped, text)
			case l.XMax > o.Edges[i%2]+3:
				o.Overfull = append(o.Overfull, text)
			}
		}
	}
	return o, nil
}
