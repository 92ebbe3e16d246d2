// Package fonts names the typefaces bookc sets books in: Noto Serif for the text and JetBrains
// Mono for code, each in regular, bold, italic and bold italic, both under the SIL Open Font
// License 1.1 (OFL-NotoSerif.txt, OFL-JetBrainsMono.txt). The files are the upstream releases,
// unmodified. Backends that embed fonts take their bytes from here; they must copy them before
// handing them to a library that writes into its input (fpdf does).
package fonts

import (
	_ "embed"
	"sync"
)

// Face is one font file of the family.
type Face struct {
	Name         string // a stable name for file names and PDF font keys: its PostScript name, "NotoSerif-Regular"
	Family       string // "Noto Serif" or "JetBrains Mono", as style sheets name it
	Bold, Italic bool
	TTF          []byte // TrueType data; shared, never modify
}

var (
	//go:embed NotoSerif-Regular.ttf
	notoSerifRegular []byte
	//go:embed NotoSerif-Bold.ttf
	notoSerifBold []byte
	//go:embed NotoSerif-Italic.ttf
	notoSerifItalic []byte
	//go:embed NotoSerif-BoldItalic.ttf
	notoSerifBoldItalic []byte
	//go:embed JetBrainsMono-Regular.ttf
	jetBrainsMonoRegular []byte
	//go:embed JetBrainsMono-Bold.ttf
	jetBrainsMonoBold []byte
	//go:embed JetBrainsMono-Italic.ttf
	jetBrainsMonoItalic []byte
	//go:embed JetBrainsMono-BoldItalic.ttf
	jetBrainsMonoBoldItalic []byte

	//go:embed OFL-NotoSerif.txt
	notoSerifLicense string
	//go:embed OFL-JetBrainsMono.txt
	jetBrainsMonoLicense string
)

// The families' names.
const (
	TextFamily = "Noto Serif"
	MonoFamily = "JetBrains Mono"
)

// The faces bookc uses.
var (
	Regular        = Face{"NotoSerif-Regular", TextFamily, false, false, notoSerifRegular}
	Bold           = Face{"NotoSerif-Bold", TextFamily, true, false, notoSerifBold}
	Italic         = Face{"NotoSerif-Italic", TextFamily, false, true, notoSerifItalic}
	BoldItalic     = Face{"NotoSerif-BoldItalic", TextFamily, true, true, notoSerifBoldItalic}
	Mono           = Face{"JetBrainsMono-Regular", MonoFamily, false, false, jetBrainsMonoRegular}
	MonoBold       = Face{"JetBrainsMono-Bold", MonoFamily, true, false, jetBrainsMonoBold}
	MonoItalic     = Face{"JetBrainsMono-Italic", MonoFamily, false, true, jetBrainsMonoItalic}
	MonoBoldItalic = Face{"JetBrainsMono-BoldItalic", MonoFamily, true, true, jetBrainsMonoBoldItalic}
)

// All lists the faces in a fixed order: regular, bold, italic, bold italic, then mono, mono bold,
// mono italic and mono bold italic.
func All() []Face {
	return []Face{Regular, Bold, Italic, BoldItalic, Mono, MonoBold, MonoItalic, MonoBoldItalic}
}

// License is the fonts' licence texts, each with its copyright, to ship beside embedded copies.
// Joined when first asked for, not when bookc starts.
func License() string { return license() }

var license = sync.OnceValue(func() string {
	return "Noto Serif (" + names(TextFamily) + "):\n\n" + notoSerifLicense +
		"\n\nJetBrains Mono (" + names(MonoFamily) + "):\n\n" + jetBrainsMonoLicense
})

// names lists the file names of a family's faces.
func names(family string) string {
	s := ""
	for _, f := range All() {
		if f.Family == family {
			if s != "" {
				s += ", "
			}
			s += f.Name + ".ttf"
		}
	}
	return s
}
