package builder

import (
	"math"
	"strings"

	"bookc/builder/svg"
	"bookc/builder/svgclean"
	"bookc/builder/tree"
)

// silentRemovals are what svgclean takes out of an SVG that no reader sees: markup, metadata.
var silentRemovals = map[string]bool{"DOCTYPE": true, "entity declarations": true, "attribute content": true}

// readSVG reduces an SVG to its drawing, for the PDF, and makes it safe to package, for the EPUB;
// partial names what either leaves out of what the image shows.
func readSVG(data []byte) (a *tree.Asset, problem, partial string) {
	d, err := svg.Read(data)
	if err != nil {
		return nil, "is an SVG bookc cannot read (" + err.Error() + ")", ""
	}
	clean, removed, err := svgclean.Clean(data)
	if err != nil {
		return nil, "is an SVG bookc cannot make safe to package (" + err.Error() + ")", ""
	}
	var out []string
	seen := map[string]bool{}
	for _, s := range append(d.Unsupported, removed...) {
		if !seen[s] && !silentRemovals[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	if len(out) > 0 {
		partial = "bookc leaves out what it cannot draw or package safely (" + strings.Join(out, ", ") + "); the rest is shown"
	}
	a = &tree.Asset{MediaType: "image/svg+xml", Data: clean, Drawing: d,
		Width: int(math.Ceil(d.Width)), Height: int(math.Ceil(d.Height))}
	return a, "", partial
}
