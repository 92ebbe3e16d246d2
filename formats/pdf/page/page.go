// Package page is a laid-out book: pages of positioned text, rules, rectangles, images and link
// areas, with destinations, outline and metadata. Layout produces it; draw paints it as it is.
package page

import (
	"time"

	"bookc/builder/svg"
	"bookc/fonts"
	"bookc/formats/pdf/tags"
)

// Font names a face text is set in: the faces of bookc/fonts first, in the order of Fonts, then
// the fallback faces a build borrows from the system (bookc/formats/pdf/metrics numbers those).
type Font uint16

const (
	Regular Font = iota
	Bold
	Italic
	BoldItalic
	Mono
	MonoBold
	MonoItalic
	MonoBoldItalic
)

// Fonts lists every Font in order; Face gives its file.
var Fonts = []Font{Regular, Bold, Italic, BoldItalic, Mono, MonoBold, MonoItalic, MonoBoldItalic}

// Face is the font file of one of Fonts (a book face): fallback faces have none here.
func (f Font) Face() fonts.Face {
	return fonts.All()[f] // Font counts in the order of fonts.All
}

// Styled returns the font of a family (fonts.TextFamily, fonts.MonoFamily) with the weight and
// slant asked for; a family without that slant gives its upright face of that weight, and an
// unknown family the regular text face.
func Styled(family string, bold, italic bool) Font {
	for _, slant := range []bool{italic, false} {
		for _, f := range Fonts {
			if fc := f.Face(); fc.Family == family && fc.Bold == bold && fc.Italic == slant {
				return f
			}
		}
	}
	return Regular
}

// Fallback is the book face that draws first what f has no glyph for: for a text face, the mono
// face of its weight and slant (Noto Serif has no arrows, no ≤, ≥ or ≠, no minus sign; JetBrains
// Mono has, and they are always there, where the system's fonts may not be); a mono face is its own.
func (f Font) Fallback() Font {
	fc := f.Face()
	return Styled(fonts.MonoFamily, fc.Bold, fc.Italic)
}

// Color is an RGB colour.
type Color struct{ R, G, B uint8 }

// Doc is the whole document. Lengths are PDF points; y grows downwards from the page's top edge.
type Doc struct {
	Width, Height float64
	Pages         []*Page
	Dests         []Dest      // link targets, in order of first definition
	Outline       []Bookmark  // in reading order; levels step down by at most one
	Labels        []Label     // page numbering, by the page each style starts on
	Tags          []tags.Elem // the structure tree, in reading order: Tags[0] is the Document
	Meta          Meta
}

// Label starts a page numbering style at a page (0-based): roman or arabic, counting from 1.
type Label struct {
	Page  int
	Roman bool
}

// Meta is the document information.
type Meta struct {
	Title, Author, Subject, Language, Creator string
	Date                                      time.Time
	Archival                                  bool // PDF/A-2u too, for archives
}

// Dest is a named place links jump to. Page is 0-based.
type Dest struct {
	Name string
	Page int
	Y    float64
}

// Bookmark is one outline entry.
type Bookmark struct {
	Title string
	Level int
	Page  int
	Y     float64
	Open  bool // shows its children when the document opens (a part's chapters)
}

// Page is what one page shows, painted in field order: rectangles, rules, images, vector
// drawings, text (the placed texts, then Texts), links.
type Page struct {
	Tags []int32 // the structure elements its pieces belong to, by index in Doc.Tags (see Tag)
	Art
	Texts []Text
	// Placed are texts kept elsewhere that the page shows, before its Texts: the lines layout
	// sets once, for every pass and edition, placed on a page without a copy of each line.
	Placed []Placed
	TagMap []Tag   // the page's Tag of the placed texts' Tags (see Placed)
	DX     float64 // how far right the placed texts are drawn from where they are set: a verso's text block
}

// Art is what a page shows besides text, and its links.
type Art struct {
	Rects   []Rect
	Rules   []Rule
	Images  []Image
	Vectors []Vector
	Links   []Link
}

// Placed is a run of texts a page shows, moved down by DY and right by the page's DX: Texts, or
// the block of Runs at RunsAt, set on the baseline Base. A text's Tag k is the page's
// TagMap[At+k], or 0 (an artifact) from N on.
type Placed struct {
	Texts  []Text
	Runs   *Runs
	DY     float64
	Base   float64
	At, N  int32
	RunsAt int32
}

// Each calls f with each of its texts, as they were set.
func (pl *Placed) Each(f func(Text)) {
	if pl.Runs != nil {
		pl.Runs.Each(int(pl.RunsAt), pl.Base, f)
		return
	}
	for _, t := range pl.Texts {
		f(t)
	}
}

// Len is how many texts it has.
func (pl *Placed) Len() int {
	if pl.Runs != nil {
		return pl.Runs.Count(int(pl.RunsAt))
	}
	return len(pl.Texts)
}

// EachText calls f with each text of the page as it is drawn, in order: the placed ones moved
// and their Tags the page's, then its own.
func (p *Page) EachText(f func(Text)) {
	for i := range p.Placed {
		pl := &p.Placed[i]
		tags := p.TagMap[pl.At : pl.At+pl.N]
		drawn := func(t Text) {
			t.X, t.Y = t.X+p.DX, t.Y+pl.DY
			if int(t.Tag) < len(tags) {
				t.Tag = tags[t.Tag]
			} else {
				t.Tag = 0
			}
			f(t)
		}
		if pl.Runs != nil {
			pl.Runs.Each(int(pl.RunsAt), pl.Base, drawn)
			continue
		}
		for _, t := range pl.Texts {
			drawn(t)
		}
	}
	for _, t := range p.Texts {
		f(t)
	}
}

// AllTexts is the page's texts as drawn (EachText), in a slice of their own.
func (p *Page) AllTexts() []Text {
	out := make([]Text, 0, p.TextCount())
	p.EachText(func(t Text) { out = append(out, t) })
	return out
}

// TextCount is how many texts the page draws.
func (p *Page) TextCount() int {
	n := len(p.Texts)
	for i := range p.Placed {
		n += p.Placed[i].Len()
	}
	return n
}

// Place shows texts on the page, moved down by dy, their Tags counted in n more entries of
// TagMap, all 0 until set; it returns where they start.
func (p *Page) Place(texts []Text, dy float64, n int) int32 {
	return p.place(Placed{Texts: texts, DY: dy}, n)
}

// PlaceRuns is Place for the texts of the block of r at at, set on the baseline base.
func (p *Page) PlaceRuns(r *Runs, at int, base, dy float64, n int) int32 {
	return p.place(Placed{Runs: r, RunsAt: int32(at), Base: base, DY: dy}, n)
}

func (p *Page) place(pl Placed, n int) int32 {
	pl.At, pl.N = int32(len(p.TagMap)), int32(n)
	for range n {
		p.TagMap = append(p.TagMap, 0)
	}
	p.Placed = append(p.Placed, pl)
	return pl.At
}

// Text is a run of text, its baseline starting at (X, Y). WordSpace is added to the advance of
// every space, as PDF's word spacing (Tw) is: a justified line is one run.
//
// Glyphs, when layout shaped the run itself (a line of a paragraph, whose words it measured one
// by one), are what draw paints, all in Font, packed (see Glyphs); without them, draw shapes S as metrics does, which
// may take fallback faces for some of it. S is the source text either way: what copying gives.
type Text struct {
	X, Y      float64
	Size      float64
	WordSpace float64
	S         string
	Glyphs    Glyphs
	Font      Font // the small fields last, packed: a book has millions of texts
	Color     Color
	Tag       Tag
}

// Tag is what structure element a page's text, image, drawing or link belongs to: 0 for an
// artifact (running heads, folios, repeated table headers), else the element Page.Tags[Tag-1].
// While layout builds a page's pieces, before they are placed, it counts in the piece's own list.
type Tag uint16

// Glyph is one shaped glyph of a Text, in thousandths of the type size (the PDF's text space).
type Glyph struct {
	ID         uint16 // the glyph in its font; 0 (.notdef) for a character no font has, drawn as a box
	Advance    int16  // how far the pen moves after it, kerning included
	XOff, YOff int16  // where it is drawn, from the pen (marks, GPOS placement); YOff upwards
	// Cluster is the byte offset in S of the first character the glyph shows. Glyphs of one
	// cluster (a ligature's letters, a base and its marks) share it; a right-to-left run's come
	// in visual order, so their clusters go down.
	Cluster int32
}

// Rect is a filled and/or stroked rectangle.
type Rect struct {
	X, Y, W, H float64
	Fill       *Color
	Stroke     *Color
	LineWidth  float64
}

// Rule is a straight line.
type Rule struct {
	X1, Y1, X2, Y2 float64
	Width          float64
	Color          Color
}

// Image is a raster image scaled into its box. Name identifies the data across pages.
type Image struct {
	X, Y, W, H float64
	Name       string
	MediaType  string
	Data       []byte
	Tag        Tag
}

// Vector is a vector drawing scaled into its box: the Drawing's box, (0,0)-(Width,Height), fills
// (X, Y)-(X+W, Y+H). Name identifies the drawing across pages and editions, as an Image's does:
// a PDF holds each drawing once, however many pages show it.
type Vector struct {
	X, Y, W, H float64
	Name       string
	Drawing    *svg.Drawing
	Tag        Tag
}

// Link is a clickable area: a URL, or the name of a Dest.
type Link struct {
	X, Y, W, H float64
	URL        string
	Dest       string
	Tag        Tag
}

// Shift appends every element of p but its placed texts to dst, moved by (dx, dy).
func (p *Page) Shift(dst *Page, dx, dy float64) {
	p.Art.Shift(&dst.Art, dx, dy)
	for _, t := range p.Texts {
		t.X, t.Y = t.X+dx, t.Y+dy
		dst.Texts = append(dst.Texts, t)
	}
}

// Shift appends every element of a to dst, moved by (dx, dy).
func (a *Art) Shift(dst *Art, dx, dy float64) {
	p := a
	for _, r := range p.Rects {
		r.X, r.Y = r.X+dx, r.Y+dy
		dst.Rects = append(dst.Rects, r)
	}
	for _, r := range p.Rules {
		r.X1, r.Y1, r.X2, r.Y2 = r.X1+dx, r.Y1+dy, r.X2+dx, r.Y2+dy
		dst.Rules = append(dst.Rules, r)
	}
	for _, im := range p.Images {
		im.X, im.Y = im.X+dx, im.Y+dy
		dst.Images = append(dst.Images, im)
	}
	for _, v := range p.Vectors {
		v.X, v.Y = v.X+dx, v.Y+dy
		dst.Vectors = append(dst.Vectors, v)
	}
	for _, l := range p.Links {
		l.X, l.Y = l.X+dx, l.Y+dy
		dst.Links = append(dst.Links, l)
	}
}
