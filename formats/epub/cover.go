package epub

import (
	"strconv"
	"strings"

	"bookc/builder/tree"
	"bookc/fonts"
	"bookc/formats/html"
)

// coverTypes are the types a cover image book.toml names may have: the types every reading
// system shows (WebP would need a fallback, which a cover-image item cannot have).
var coverTypes = map[string]string{"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif", "image/svg+xml": ".svg"}

// cover is the book's cover, marked cover-image in the manifest: the image book.toml names, or one
// made of the title, the edition and the authors, so that a library's shelf shows the book by
// what it is rather than a blank.
func (l *layout) cover() packed {
	if a := l.book.Cover; a != nil {
		if ext, ok := coverTypes[a.MediaType]; ok {
			return packed{path: "EPUB/media/cover" + ext, data: a.Data, mediaType: a.MediaType, stored: a.MediaType != "image/svg+xml"}
		}
	}
	return packed{path: "EPUB/media/cover.svg", data: madeCover(l.book), mediaType: "image/svg+xml"}
}

// madeCover sets the title, the edition and the authors on a page of a book's proportions, in the
// book's faces' families (a reader without them uses its own serif).
func madeCover(b *tree.Book) []byte {
	title := b.Title
	if title == "" {
		title = "Untitled"
	}
	var x html.XML
	x.Start("svg", "xmlns", "http://www.w3.org/2000/svg", "viewBox", "0 0 600 900", "width", "600", "height", "900")
	x.Empty("rect", "width", "600", "height", "900", "fill", "#f7f4ee")
	x.Empty("rect", "x", "40", "y", "40", "width", "520", "height", "820", "fill", "none", "stroke", "#1f2a44", "stroke-width", "3")
	line := func(y, size int, weight, s string) {
		x.Element("text", s, "x", "300", "y", strconv.Itoa(y), "text-anchor", "middle", "font-family", fonts.TextFamily+", serif",
			"font-size", strconv.Itoa(size), "font-weight", weight, "fill", "#1f2a44")
	}
	y := 300
	for _, l := range wrap(title, 20) {
		line(y, 44, "bold", l)
		y += 56
	}
	if b.Edition.Title != "" {
		line(y+16, 26, "normal", b.Edition.Title)
	}
	y = 760
	for _, a := range b.Authors {
		line(y, 24, "normal", a)
		y += 34
	}
	x.End("svg")
	return x.Bytes()
}

// wrap breaks a title into lines of about n characters at its spaces.
func wrap(s string, n int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		if line != "" && len(line)+1+len(word) > n {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	return append(lines, line)
}
