package layout

import (
	"cmp"
	"math"

	"github.com/alecthomas/chroma/v2"

	"bookc/builder/tree"
	"bookc/fonts"
	"bookc/formats/codestyle"
	"bookc/formats/pdf/metrics"
	"bookc/formats/pdf/page"
	"bookc/formats/pdf/tags"
)

// Geometry is the page and its text block, in points.
type Geometry struct {
	W, H               float64 // page size
	Left, Top, Measure float64 // text block origin and width
	TextH              float64 // text block height
	HeaderY, FooterY   float64 // baselines of the running header and the folio
}

// measureEms is the text block's width in body sizes: 32 hold about measureChars characters of
// body text in bookc's face, in the 60 to 75 a line that reads well has.
const (
	measureEms   = 32
	measureChars = 66
)

// fewestEms is the narrowest measure, in body sizes, that holds the 60 characters a line reads
// well at.
const fewestEms = measureEms * 60.0 / measureChars

// narrowMeasure tells, where a book's body size is too large for its text block to hold 60
// characters a line, about how many it holds and the largest size, in half points, that would
// hold 60 (found by trying them, as bookc's margins change with the size).
func narrowMeasure(s tree.Settings) (cpl int, fits float64, narrow bool) {
	ems := func(s tree.Settings) float64 { return PageGeometry(s).Measure / bodySizeOf(s) }
	if ems(s) >= fewestEms {
		return 0, 0, false
	}
	cpl = int(ems(s) * measureChars / measureEms)
	for fits = math.Ceil(bodySizeOf(s)*2)/2 - 0.5; fits > 0.5; fits -= 0.5 {
		if s.FontSize = fits; ems(s) >= fewestEms {
			break
		}
	}
	return cpl, fits, true
}

// minSide is the narrowest side margin, on trims too small for the measure: 16 mm, room for the
// thumbs that hold the book and for the printer's edge, and what lets A5 hold 60 characters on
// nine lines in ten.
const minSide = 45.0

// gutterShift is how far bookc moves a two-sided book's text block toward the spine, as a share
// of the side margin: the inner margins are 4/5 of it, the outer 6/5, as in TeX's book class,
// where the two inner margins together make one gutter.
const gutterShift = 0.2

// PageGeometry returns the geometry of a book's pages: the measure its body size asks for, as
// much as the paper has room for, centred with equal side margins so that every line of every
// page ends at one edge (moved toward the spine when two-sided), or between the side margins
// book.toml gives (the one it leaves out as bookc's); head and foot margins a tenth of the height,
// the running header and the folio inside them. Left is a recto's: Verso mirrors it.
func PageGeometry(s tree.Settings) Geometry {
	w, h := s.Paper.W, s.Paper.H
	if w == 0 || h == 0 {
		w, h = tree.A4.W, tree.A4.H
	}
	measure := min(measureEms*bodySizeOf(s), w-2*minSide)
	inner := (w - measure) / 2
	switch {
	case s.InnerMargin > 0 || s.OuterMargin > 0:
		inner, measure = cmp.Or(s.InnerMargin, inner), w-cmp.Or(s.InnerMargin, inner)-cmp.Or(s.OuterMargin, inner)
	case s.TwoSided:
		inner *= 1 - gutterShift
	}
	margin := math.Round(h / 10)
	return Geometry{W: w, H: h, Left: inner, Top: margin, Measure: measure,
		TextH: h - 2*margin, HeaderY: math.Round(margin * 0.65), FooterY: h - math.Round(margin*0.58)}
}

// Verso is the left edge of a verso's text block: the recto's mirrored, the inner margin on the right.
func (g Geometry) Verso() float64 { return g.W - g.Left - g.Measure }

// bodySizeOf is a book's body text size: book.toml's font-size, else bookc's.
func bodySizeOf(s tree.Settings) float64 { return cmp.Or(s.FontSize, bodySize) }

// bodyLeadOf is a book's body text leading: book.toml's line-height, else bookc's in proportion
// to the body size.
func bodyLeadOf(s tree.Settings) float64 {
	return cmp.Or(s.LineHeight, bodyLead*bodySizeOf(s)/bodySize)
}

// Sizes and leading of the text styles, and lengths that go with them, for a body size of
// bodySize: lay.pt scales them to a book's body size.
const (
	bodySize    = tree.DefaultFontSize
	bodyLead    = 14.5
	codeSize    = 8.6
	codeLead    = 11.2
	smallSize   = 9
	smallLead   = 12
	noteSize    = 8.5
	noteLead    = 11
	parSkip     = 6.0
	listIndent  = 18.0
	blockIndent = 14.0
	codePad     = 5.0
)

var (
	black     = page.Color{} // body text is black, 0 g: grey text reads faint in print
	grey      = page.Color{R: 0x66, G: 0x66, B: 0x66}
	ruleGrey  = page.Color{R: 0xb0, G: 0xb0, B: 0xb0}
	linkBlue  = page.Color{R: 0x1f, G: 0x4e, B: 0x9a}
	codeText  = page.Color{R: 0x2b, G: 0x2b, B: 0x2b}
	codeBg    = page.Color{R: 0xf4, G: 0xf5, B: 0xf7}
	headBg    = page.Color{R: 0xee, G: 0xef, B: 0xf2}
	inlineRed = page.Color{R: 0x8a, G: 0x1c, B: 0x3c}
)

// inks are the colours of code blocks' highlighting, inline code and links: bookc's own, or in
// print (book.toml's print = true) the greys as light as them; of gives any other colour of the
// page (an admonition's, a code block's background) in the same ink.
type inks struct {
	highlight  *chroma.Style
	code, link page.Color
	print      bool
}

func inksFor(s tree.Settings) inks {
	k := inks{highlight: codestyle.Get(), print: s.Print}
	if s.Print {
		k.highlight = codestyle.Print()
	}
	k.code, k.link = k.of(inlineRed), k.of(linkBlue)
	return k
}

// of is a colour in the book's ink: itself, or in print its grey.
func (k inks) of(c page.Color) page.Color {
	if !k.print {
		return c
	}
	g := codestyle.Grey(chroma.NewColour(c.R, c.G, c.B))
	return page.Color{R: g.Red(), G: g.Green(), B: g.Blue()}
}

// style is how a run of inline text is set.
type style struct {
	font   page.Font
	size   float64
	color  page.Color
	url    string     // external link target
	dest   string     // internal link target
	strike bool       // struck through
	rise   float64    // baseline shift up (footnote marks)
	code   bool       // verbatim: never hyphenated, breaks after / . _ - :: (codeCuts)
	ref    string     // the page number of this link target: its own text run, rewritten between passes
	lang   string     // a passage's language, where it is not the book's: its hyphenation
	link   *tags.Node // the link its runs are the text of, in the structure tree; nil: none
	span   *tags.Node // the Span of a passage in another language, with its /Lang; nil: none
	inLink bool       // the span is inside the link, not the link inside the span
	figure *tags.Node // the Figure an image set in the line is, with its alternative text
	// faces are the book's faces, of which font names a role (page.Regular ...), in the headings'
	// family where heading is set; nil: bookc's own
	faces   *metrics.Faces
	heading bool
}

func (s *style) face() *metrics.Face { return s.faces.Face(s.font, s.heading) }

// inline are the inline elements the style's runs are in, outermost first: its link and its
// passage's span, either way round; nil where there is none.
func (s *style) inline() (outer, inner *tags.Node) {
	if s.inLink {
		return s.link, s.span
	}
	return s.span, s.link
}

// linkPath is where the style's link is: the elements around it and it, for its annotation.
func (s *style) linkPath() (outer, inner *tags.Node) {
	if s.inLink || s.link == nil {
		return nil, s.link
	}
	return s.span, s.link
}

func (s style) with(f func(*style)) style { f(&s); return s }

func italic(f page.Font) page.Font {
	fc := f.Face()
	return page.Styled(fc.Family, fc.Bold, true)
}

func bold(f page.Font) page.Font {
	fc := f.Face()
	return page.Styled(fc.Family, true, fc.Italic)
}

func mono(f page.Font) page.Font {
	fc := f.Face()
	return page.Styled(fonts.MonoFamily, fc.Bold, fc.Italic)
}

// codeFont is the mono face a code token's style asks for: bold for keywords, italic for
// comments, as chroma's style has them.
func codeFont(bold, italic bool) page.Font { return page.Styled(fonts.MonoFamily, bold, italic) }

func body() style { return style{font: page.Regular, size: bodySize, color: black} }

func colorPtr(c page.Color) *page.Color { return &c }

func faceOf(f page.Font) *metrics.Face { return metrics.Get(f) }
