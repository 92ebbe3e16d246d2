package epub

import (
	"bytes"
	"image/gif"
	"strconv"
	"strings"

	"bookc/builder/diag"
	"bookc/builder/tree"
	"bookc/formats/html"
)

// access is what the package says of the book's accessibility (EPUB Accessibility 1.1, and
// schema.org's accessibility properties): how it can be read, what helps, what may harm, and the
// conformance it claims. It follows from what the book holds, never from an option.
type access struct {
	images      int    // images the package carries and shows
	undescribed int    // of those, images without alt text: marked as decoration (alt="")
	animated    bool   // a GIF with more than one frame, which may flash
	certifiedBy string // who certified the book, as book.toml says; bookc certifies nothing itself
	pageList    bool   // the navigation has a page-list of the PDF's page numbers
}

// survey counts the images the package shows and warns, at each use, of one without alt text: the
// EPUB can only call it decoration, which WCAG allows for an image that says nothing.
func (l *layout) survey() access {
	a := access{certifiedBy: l.book.Settings.CertifiedBy}
	for _, c := range l.book.Chapters() {
		walk(c, nil, func(img *tree.Image) {
			if img.Asset == nil || l.imageSrc(img.Asset) == "" {
				return // shown as its alt text
			}
			a.images++
			if strings.TrimSpace(img.Alt) == "" {
				a.undescribed++
				file, line := img.At(c.Source)
				l.diags.Add(diag.Warnf(file, line, "image %q has no alt text: the EPUB marks it as decoration, and claims no WCAG conformance (describe it: ![what it shows](%s))", img.Src, img.Src))
			}
		})
	}
	for _, as := range l.assets {
		if as.mediaType == "image/gif" {
			g, err := gif.DecodeAll(bytes.NewReader(as.data))
			a.animated = a.animated || err == nil && len(g.Image) > 1
		}
	}
	return a
}

// conforms reports whether the book meets WCAG 2.2 AA as far as bookc can tell: everything bookc
// writes does, and only the author can describe an image.
func (a access) conforms() bool { return a.undescribed == 0 }

// metadata writes the accessibility metadata of the package document.
func (a access) metadata(x *html.XML) {
	meta := func(property, value string, attrs ...string) {
		x.Element("meta", value, append([]string{"property", property}, attrs...)...)
		x.Newline()
	}
	meta("schema:accessMode", "textual")
	if a.images > 0 {
		meta("schema:accessMode", "visual")
	}
	if a.conforms() {
		meta("schema:accessModeSufficient", "textual")
	}
	if a.images > 0 {
		meta("schema:accessModeSufficient", "textual,visual")
	}
	features := []string{"structuralNavigation", "tableOfContents", "readingOrder", "ARIA", "displayTransformability", "unlocked"}
	if a.images > 0 && a.conforms() {
		features = append(features, "alternativeText")
	}
	if a.pageList {
		features = append(features, "pageBreakMarkers", "pageNavigation")
	}
	for _, f := range features {
		meta("schema:accessibilityFeature", f)
	}
	if a.animated {
		meta("schema:accessibilityHazard", "unknown") // bookc cannot tell whether an animation flashes
	} else {
		meta("schema:accessibilityHazard", "none")
	}
	meta("schema:accessibilitySummary", a.summary(), "xml:lang", "en")
	if a.conforms() {
		meta("dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.2 Level AA")
		if a.certifiedBy != "" {
			meta("a11y:certifiedBy", a.certifiedBy)
		}
	}
}

// summary says in a few sentences what a reader can expect.
func (a access) summary() string {
	s := "A reflowable book that leaves the font and its size to the reader. " +
		"A table of contents links every chapter and section; headings nest in order, one level at a time; " +
		"chapters, parts, notes and note references carry ARIA roles. " +
		"Highlighted code has at least 4.5:1 contrast, and its kinds of words differ by weight and slant as well as colour."
	switch {
	case a.images == 0:
		s += " There are no images."
	case a.conforms():
		s += " Every image has a text alternative."
	default:
		s += " " + strconv.Itoa(a.undescribed) + " of " + strconv.Itoa(a.images) + " images have no text alternative."
	}
	if a.conforms() {
		s += " It meets EPUB Accessibility 1.1 and WCAG 2.2 Level AA."
	}
	return s
}
