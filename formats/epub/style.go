package epub

import (
	_ "embed"
	"strings"

	"bookc/fonts"
	"bookc/formats/html"
)

//go:embed style.css
var baseCSS string

// stylesheet is our stylesheet, the colours of highlighted code and, when the book embeds fonts,
// their faces (with their licence, which asks to travel with them).
func stylesheet(embedFonts bool) []byte {
	var sb strings.Builder
	sb.WriteString(baseCSS)
	sb.WriteString("\n/* Highlighted code */\n")
	sb.WriteString(html.CodeCSS())
	if embedFonts {
		sb.WriteString("\n/* The fonts: " + fonts.TextFamily + " and " + fonts.MonoFamily + ".\n\n")
		sb.WriteString(strings.ReplaceAll(fonts.License, "*/", "* /"))
		sb.WriteString("*/\n")
		for _, f := range fontFiles() {
			sb.WriteString("@font-face { font-family: \"" + f.family + "\"; font-weight: " + f.weight +
				"; font-style: " + f.style + "; src: url(\"" + f.href + "\"); }\n")
		}
		sb.WriteString("body { font-family: \"" + fonts.TextFamily + "\", serif; }\n")
		sb.WriteString("code, kbd, samp, pre { font-family: \"" + fonts.MonoFamily + "\", monospace; }\n")
	}
	return []byte(sb.String())
}

// fontFile is an embedded font and the @font-face it serves.
type fontFile struct {
	href                  string // from the package directory
	family, weight, style string
	data                  []byte
}

func fontFiles() []fontFile {
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
	return out
}
