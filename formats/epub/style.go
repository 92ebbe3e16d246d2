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

// stylesheet is our stylesheet, the colours of highlighted code and, when the book embeds fonts
// (em not nil), their faces, with bookc's licence, which asks to travel with them.
func stylesheet(em *embedded) []byte {
	var sb strings.Builder
	sb.WriteString(baseCSS)
	sb.WriteString("\n/* Highlighted code */\n")
	sb.WriteString(html.CodeCSS())
	if em != nil {
		sb.WriteString("\n/* The fonts: " + fonts.TextFamily + " and " + fonts.MonoFamily + ", and those book.toml names.\n\n")
		sb.WriteString(strings.ReplaceAll(fonts.License(), "*/", "* /"))
		sb.WriteString("*/\n")
		for _, f := range em.faces {
			sb.WriteString("@font-face { font-family: \"" + f.family + "\"; font-weight: " + f.weight +
				"; font-style: " + f.style + "; src: url(\"" + f.href + "\"); }\n")
		}
		family := func(role int, ours string) string {
			if em.book[role] {
				return bookFamilies[role]
			}
			return ours
		}
		sb.WriteString("body { font-family: \"" + family(textFonts, fonts.TextFamily) + "\", serif; }\n")
		sb.WriteString("code, kbd, samp, pre { font-family: \"" + family(monoFonts, fonts.MonoFamily) + "\", monospace; }\n")
		if em.book[headingFonts] {
			sb.WriteString("h1, h2, h3, h4, h5, h6 { font-family: \"" + bookFamilies[headingFonts] + "\", serif; }\n")
		}
	}
	return []byte(sb.String())
}

// fontFace is an embedded font file and the @font-face it serves.
type fontFace struct {
	href                  string // from the package directory
	family, weight, style string
	data                  []byte
}

// embedded is what an EPUB embeds of the fonts: the faces, several of which may share a file, and
// the roles set in the book's own faces.
type embedded struct {
	faces []fontFace
	book  [3]bool
}

// The faces' roles, as [output.bookc.fonts] names them, and the families the style sheet gives
// the book's own faces of each.
const (
	textFonts = iota
	monoFonts
	headingFonts
)

var bookFamilies = [3]string{"Book Text", "Book Mono", "Book Headings"}

// cssStyle is a face's CSS weight and style.
func cssStyle(bold, italic bool) (weight, style string) {
	weight, style = "normal", "normal"
	if bold {
		weight = "bold"
	}
	if italic {
		style = "italic"
	}
	return weight, style
}

// embed finds the faces an EPUB embeds: bookc's, and the book's own that are TrueType fonts, each
// file read once however many faces it serves. A role whose regular face is no such font was
// reported at book.toml, and keeps bookc's faces, as in the PDF.
func embed(book *tree.Fonts) *embedded {
	em := &embedded{}
	for _, f := range fonts.All() {
		weight, style := cssStyle(f.Bold, f.Italic)
		em.faces = append(em.faces, fontFace{href: "fonts/" + f.Name + ".ttf", family: f.Family, weight: weight, style: style, data: f.TTF})
	}
	if book == nil {
		return em
	}
	hrefs := map[*tree.FontFile]string{} // "" for a file that is no TrueType font
	href := func(f *tree.FontFile) string {
		if f == nil {
			return ""
		}
		h, seen := hrefs[f]
		if !seen {
			if _, err := ttf.Parse(f.Data); err == nil {
				h = "fonts/book-" + strconv.Itoa(len(hrefs)+1) + ".ttf"
			}
			hrefs[f] = h
		}
		return h
	}
	for role, faces := range [3][4]*tree.FontFile{book.Text, book.Mono, book.Headings} {
		if em.book[role] = href(faces[0]) != ""; !em.book[role] {
			continue
		}
		for i, f := range faces { // regular, bold, italic, bold italic
			if h := href(f); h != "" {
				weight, style := cssStyle(i == 1 || i == 3, i >= 2)
				em.faces = append(em.faces, fontFace{href: h, family: bookFamilies[role], weight: weight, style: style, data: f.Data})
			}
		}
	}
	return em
}
