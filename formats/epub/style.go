package epub

import (
	_ "embed"
	"strconv"
	"strings"

	"bookc/builder/tree"
	"bookc/fonts"
	"bookc/formats/html"
	"bookc/formats/pdf/ttf"
)

//go:embed style.css
var baseCSS string

// stylesheet is our stylesheet, the colours of highlighted code and, when the book embeds fonts,
// their faces (with bookc's licence, which asks to travel with them).
func stylesheet(b *tree.Book) []byte {
	var sb strings.Builder
	sb.WriteString(baseCSS)
	sb.WriteString("\n/* Highlighted code */\n")
	sb.WriteString(html.CodeCSS())
	if b.Settings.EPUBFonts {
		sb.WriteString("\n/* The fonts: " + fonts.TextFamily + " and " + fonts.MonoFamily + ", and those book.toml names.\n\n")
		sb.WriteString(strings.ReplaceAll(fonts.License, "*/", "* /"))
		sb.WriteString("*/\n")
		for _, f := range fontFiles(b.Settings.Fonts) {
			sb.WriteString("@font-face { font-family: \"" + f.family + "\"; font-weight: " + f.weight +
				"; font-style: " + f.style + "; src: url(\"" + f.href + "\"); }\n")
		}
		family := func(role int, ours string) string {
			if named(b.Settings.Fonts, role) {
				return bookFamilies[role]
			}
			return ours
		}
		sb.WriteString("body { font-family: \"" + family(textFonts, fonts.TextFamily) + "\", serif; }\n")
		sb.WriteString("code, kbd, samp, pre { font-family: \"" + family(monoFonts, fonts.MonoFamily) + "\", monospace; }\n")
		if named(b.Settings.Fonts, headingFonts) {
			sb.WriteString("h1, h2, h3, h4, h5, h6 { font-family: \"" + bookFamilies[headingFonts] + "\", serif; }\n")
		}
	}
	return []byte(sb.String())
}

// fontFile is an embedded font and the @font-face it serves.
type fontFile struct {
	href                  string // from the package directory
	family, weight, style string
	data                  []byte
}

// The faces' roles, as [output.bookc.fonts] names them, and the families the style sheet gives
// the book's own faces of each.
const (
	textFonts = iota
	monoFonts
	headingFonts
)

var bookFamilies = [3]string{"Book Text", "Book Mono", "Book Headings"}

// styleOf is the CSS weight and style of the i-th face of a family: regular, bold, italic,
// bold italic, in [output.bookc.fonts]'s order.
func styleOf(i int) (weight, style string) {
	weight, style = "normal", "normal"
	if i == 1 || i == 3 {
		weight = "bold"
	}
	if i >= 2 {
		style = "italic"
	}
	return weight, style
}

// roles are the book's faces of each role; nil when it names none.
func roles(fs *tree.Fonts) [3][4]*tree.FontFile {
	if fs == nil {
		return [3][4]*tree.FontFile{}
	}
	return [3][4]*tree.FontFile{fs.Text, fs.Mono, fs.Headings}
}

// named reports whether the book names a usable face of the role: then the EPUB sets it in that.
func named(fs *tree.Fonts, role int) bool { return usable(roles(fs)[role][0]) }

// usable reports whether a book's font file is a TrueType font an EPUB can carry; one that is not
// was reported at book.toml, and bookc's face takes its place, as in the PDF.
func usable(f *tree.FontFile) bool {
	if f == nil {
		return false
	}
	_, err := ttf.Parse(f.Data)
	return err == nil
}

// fontFiles are the fonts an EPUB embeds: bookc's, and the book's usable faces, each file once
// however many faces it serves.
func fontFiles(book *tree.Fonts) []fontFile {
	var out []fontFile
	for _, f := range fonts.All() {
		weight, style := "normal", "normal"
		if f.Bold {
			weight = "bold"
		}
		if f.Italic {
			style = "italic"
		}
		out = append(out, fontFile{href: "fonts/" + f.Name + ".ttf", family: f.Family, weight: weight, style: style, data: f.TTF})
	}
	hrefs := map[*tree.FontFile]string{}
	for role, faces := range roles(book) {
		if !named(book, role) {
			continue
		}
		for i, f := range faces {
			if !usable(f) {
				continue
			}
			href, ok := hrefs[f]
			if !ok {
				href = "fonts/book-" + strconv.Itoa(len(hrefs)+1) + ".ttf"
				hrefs[f] = href
			}
			weight, style := styleOf(i)
			out = append(out, fontFile{href: href, family: bookFamilies[role], weight: weight, style: style, data: f.Data})
		}
	}
	return out
}
