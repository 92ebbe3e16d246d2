// Package tree holds bookc's typed document tree: the one representation of a book that the builder
// produces and every backend consumes. It imports nothing else of bookc's and knows no Markdown.
package tree

import (
	"strconv"
	"time"
)

// Book is a whole book, or one role's edition of it.
type Book struct {
	Title       string   `json:"title"`
	Authors     []string `json:"authors,omitempty"`
	Description string   `json:"description,omitempty"`
	Language    string   `json:"language"`
	// Slug is the book's title as a file-name stem ("metropolis-handbook"); Artifact adds the edition.
	Slug     string    `json:"slug"`
	Edition  Edition   `json:"edition"`
	Date     time.Time `json:"date"` // SOURCE_DATE_EPOCH, else the newest source file's time; never the clock
	Settings Settings  `json:"settings"`
	// Cover is the cover image book.toml names, nil when it names none or it cannot be used.
	Cover *Asset  `json:"cover,omitempty"`
	Parts []*Part `json:"parts"`
}

// Edition says which role a book was filtered for. The zero Edition is the full book.
type Edition struct {
	Role  string `json:"role,omitempty"`  // "operators"; empty for the full book
	Title string `json:"title,omitempty"` // "Operators' Edition"
}

// Artifact is the file-name stem of this edition's artifacts: the Slug, suffixed with the role for
// role editions ("metropolis-handbook-operators"), so that editions never overwrite each other.
func (b *Book) Artifact() string {
	if b.Edition.Full() {
		return b.Slug
	}
	return b.Slug + "-" + b.Edition.Role
}

// Full reports whether the book is the unfiltered, full edition.
func (e Edition) Full() bool { return e.Role == "" }

// Settings are the backend options from book.toml's [output.bookc] table, already validated.
type Settings struct {
	Paper      Paper  `json:"paper"`
	ManSection string `json:"man_section"`          // section of chapter pages, "7" by default
	EPUBFonts  bool   `json:"epub_fonts"`           // embed the book's faces (package fonts) into EPUBs
	ManPrefix  string `json:"man_prefix,omitempty"` // first part of chapter page names; "" derives one from Slug
	BaseURL    string `json:"base_url,omitempty"`   // where the book's HTML is published, ending in "/", or ""
	// CertifiedBy is who certified the book's accessibility, as book.toml says; "" for no one.
	CertifiedBy string `json:"certified_by,omitempty"`
	// Fonts are the faces book.toml names; nil when it names none, and bookc's own are used.
	Fonts *Fonts `json:"fonts,omitempty"`
	// SectionPages has sub-chapters start PDF pages too, as parts and top-level chapters do
	// (book.toml's page-break = "section"); otherwise they run on.
	SectionPages bool `json:"section_pages,omitempty"`
	// TwoSided has the PDF printed on both sides: parts and chapters open on rectos, with blank
	// versos as needed, margins mirrored and folios outside.
	TwoSided bool `json:"two_sided,omitempty"`
	// TOCDepth is how many levels of a chapter the PDF's contents list: 1 its title, 2 its
	// sections too, 3 their subsections, ...; 0: DefaultTOCDepth.
	TOCDepth int `json:"toc_depth,omitempty"`
	// PageList has the EPUB carry a page-list with the page numbers of the same edition's PDF
	// (book.toml's page-list = true), which costs the EPUB the PDF's layout.
	PageList bool `json:"page_list,omitempty"`
	// Archival has the PDF also conform to PDF/A-2u, for archives (book.toml's pdf-standard =
	// "pdf/a-2u"): an sRGB output intent and the metadata that says so.
	Archival bool `json:"archival,omitempty"`
	// Print has the PDF printed in black ink: code highlighting, inline code and links in greys
	// as light as their colours (book.toml's print = true).
	Print bool `json:"print,omitempty"`
	// FontSize is the PDF's body text size in points; 0: DefaultFontSize.
	FontSize float64 `json:"font_size,omitempty"`
	// LineHeight is the body text's leading in points; 0: bookc's own for the size.
	LineHeight float64 `json:"line_height,omitempty"`
	// InnerMargin and OuterMargin are the PDF's side margins in points (book.toml's
	// inner-margin and outer-margin): the inner at the spine, left on one-sided pages and on
	// rectos, right on versos; 0: bookc's own, the measure the body size asks for centred (moved
	// toward the spine when two-sided).
	InnerMargin float64 `json:"inner_margin,omitempty"`
	OuterMargin float64 `json:"outer_margin,omitempty"`
}

// Paper is the PDF's page: its name as book.toml gives it ("a4", "6x9in", "170x240mm") and its
// size in points. The zero Paper is A4.
type Paper struct {
	Name string  `json:"name"`
	W    float64 `json:"width"`
	H    float64 `json:"height"`
}

// A4 is the page of a book that names none, and DefaultFontSize its body text size in points:
// the defaults that book.toml's reader and the PDF's layout both go by.
var A4 = Paper{Name: "a4", W: 595.28, H: 841.89}

const DefaultFontSize = 10.5

// DefaultTOCDepth has the PDF's contents list a chapter's title and its sections, as a book's
// contents usually do.
const DefaultTOCDepth = 2

// Fonts are the font files a book names: its text, code and headings faces, each in regular,
// bold, italic and bold italic (nil: bookc's own face), and fallbacks, tried in their order
// before the system's fonts for what the faces lack.
type Fonts struct {
	Text     [4]*FontFile `json:"text"`
	Mono     [4]*FontFile `json:"mono"`
	Headings [4]*FontFile `json:"headings"`
	Fallback []*FontFile  `json:"fallback,omitempty"`
}

// FontFile is a font file's name (as book.toml gives it) and contents.
type FontFile struct {
	Name string `json:"name"`
	Data []byte `json:"-"`
}

// Part groups chapters under an optional part title. Prefix and suffix chapters sit in untitled
// parts at the start and the end of the book.
type Part struct {
	Title    string     `json:"title,omitempty"`
	Chapters []*Chapter `json:"chapters"`
}

// Chapter is one page of SUMMARY.md, with its sub-chapters.
type Chapter struct {
	// ID is unique in the book and stable across editions; cross-references name it. It is also a
	// safe file-name stem ("cluster-architecture"), so backends may name files after it.
	ID     string `json:"id"`
	Title  string `json:"title"`
	Number Number `json:"number,omitempty"` // nil for prefix, suffix and unnumbered chapters
	Draft  bool   `json:"draft,omitempty"`  // listed without a file: a title and nothing else
	// Source is the chapter's file as diagnostics name it ("src/ch03.md"); backends only print it.
	Source string `json:"source,omitempty"`
	// ManPage is set when book.toml declares the chapter as a command reference ("metroctl(1)").
	ManPage *ManPage `json:"man_page,omitempty"`
	// Blocks[0] is always the chapter's title as a level-1 Heading whose ID anchors the chapter's
	// start: the source's own "# Title" when the chapter opens with one, else Title.
	Blocks    Blocks      `json:"blocks"`
	Footnotes []*Footnote `json:"footnotes,omitempty"`
	Children  []*Chapter  `json:"children,omitempty"`
}

// ManPage names the manual page a command-reference chapter becomes.
type ManPage struct {
	Name    string `json:"name"`    // "metroctl"
	Section string `json:"section"` // "1"
}

// Number is a chapter's position as mdBook numbers it: {3, 2} is "3.2".
type Number []int

// String renders the number as mdBook does, without the trailing dot: "3.2".
func (n Number) String() string {
	var b []byte
	for i, v := range n {
		if i > 0 {
			b = append(b, '.')
		}
		b = strconv.AppendInt(b, int64(v), 10)
	}
	return string(b)
}

// Footnote is a chapter's footnote definition. References to it are FootnoteRef inlines.
type Footnote struct {
	Number int    `json:"number"` // 1, 2, ... in order of first reference within the chapter
	ID     string `json:"id"`     // unique in the book: "fn-cluster-architecture-1"
	Blocks Blocks `json:"blocks"`
	// Unreferenced: nothing in the chapter references it. It is numbered after the others, and
	// shown at the chapter's end with them.
	Unreferenced bool `json:"unreferenced,omitempty"`
}

// Written returns the chapters that have pages, in reading order: every chapter but the drafts,
// which the contents list by title only.
func (b *Book) Written() []*Chapter {
	var out []*Chapter
	for _, c := range b.Chapters() {
		if !c.Draft {
			out = append(out, c)
		}
	}
	return out
}

// Chapters returns every chapter of the book in reading order, depth first.
func (b *Book) Chapters() []*Chapter {
	var out []*Chapter
	var walk func([]*Chapter)
	walk = func(cs []*Chapter) {
		for _, c := range cs {
			out = append(out, c)
			walk(c.Children)
		}
	}
	for _, p := range b.Parts {
		walk(p.Chapters)
	}
	return out
}
