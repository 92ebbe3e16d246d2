// Package draw paints laid-out pages into a PDF with fpdf: text, shapes, images, links, the
// outline and the document information. Every position comes from the layout; draw decides none.
package draw

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"bookc/formats/pdf/metrics"
	"bookc/formats/pdf/page"
)

// PDF paints the document. The same document always gives the same bytes. Each page is let go
// of once painted (doc.Pages keeps its length, with nil pages): fpdf holds a copy of every page
// until the end, and a big book need not be in memory twice.
func PDF(doc *page.Doc) ([]byte, error) {
	f := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: doc.Width, Ht: doc.Height}})
	f.SetCompression(false) // rewrite compresses the pages, faster than fpdf does
	f.SetCatalogSort(true)
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(0, 0, 0)
	f.SetCellMargin(0)
	m := doc.Meta
	f.SetCreationDate(m.Date)
	f.SetModificationDate(m.Date)
	f.SetProducer("bookc", true)
	f.SetCreator(m.Creator, true)
	f.SetTitle(m.Title, true)
	f.SetAuthor(m.Author, true)
	f.SetSubject(m.Subject, true)
	f.SetLang(m.Language)
	links := map[string]int{}
	for _, d := range doc.Dests {
		if _, dup := links[d.Name]; !dup {
			id := f.AddLink()
			f.SetLink(id, d.Y, d.Page+1)
			links[d.Name] = id
		}
	}
	p := &painter{f: f, links: links, images: map[string]bool{}, loaded: map[page.Font]bool{}, lineWidth: -1}
	mark := 0
	for i, pg := range doc.Pages {
		f.AddPage()
		p.font(page.Regular, 10) // bookmarks take their encoding from the current font
		for ; mark < len(doc.Outline) && doc.Outline[mark].Page == i; mark++ {
			b := doc.Outline[mark]
			f.Bookmark(b.Title, b.Level, b.Y)
		}
		if err := p.page(pg); err != nil {
			return nil, fmt.Errorf("page %d: %w", i+1, err)
		}
		doc.Pages[i] = nil
	}
	out := &sink{labels: doc.Labels}
	if err := f.Output(out); err != nil {
		return nil, err
	}
	return out.result()
}

// painter paints pages, setting fpdf's state only when it changes.
type painter struct {
	f                *fpdf.Fpdf
	links            map[string]int
	images           map[string]bool
	loaded           map[page.Font]bool // the faces given to fpdf so far
	cur              page.Font
	size             float64
	text, fill, line *page.Color
	lineWidth        float64
}

func (p *painter) textColor(c page.Color) {
	if p.text == nil || *p.text != c {
		p.f.SetTextColor(int(c.R), int(c.G), int(c.B))
		p.text = &c
	}
}

func (p *painter) fillColor(c page.Color) {
	if p.fill == nil || *p.fill != c {
		p.f.SetFillColor(int(c.R), int(c.G), int(c.B))
		p.fill = &c
	}
}

func (p *painter) stroke(c page.Color, w float64) {
	if p.line == nil || *p.line != c {
		p.f.SetDrawColor(int(c.R), int(c.G), int(c.B))
		p.line = &c
	}
	if w != p.lineWidth {
		p.f.SetLineWidth(w)
		p.lineWidth = w
	}
}

// font selects a face, giving it to fpdf when first used: fpdf parses and embeds every face it
// has, and an edition seldom needs all six.
func (p *painter) font(font page.Font, size float64) {
	if !p.loaded[font] {
		face := font.Face()
		// fpdf writes into the bytes it is given; the fonts package's are shared
		p.f.AddUTF8FontFromBytes(face.Name, "", bytes.Clone(face.TTF))
		p.loaded[font] = true
	}
	if font != p.cur || size != p.size {
		p.f.SetFont(font.Face().Name, "", size)
		p.cur, p.size = font, size
	}
}

func (p *painter) page(pg *page.Page) error {
	f := p.f
	for _, r := range pg.Rects {
		style := ""
		if r.Fill != nil {
			p.fillColor(*r.Fill)
			style += "F"
		}
		if r.Stroke != nil {
			p.stroke(*r.Stroke, r.LineWidth)
			style += "D"
		}
		f.Rect(r.X, r.Y, r.W, r.H, style)
	}
	for _, r := range pg.Rules {
		p.stroke(r.Color, r.Width)
		f.Line(r.X1, r.Y1, r.X2, r.Y2)
	}
	for _, im := range pg.Images {
		if err := p.image(im); err != nil {
			return err
		}
	}
	for _, t := range pg.Texts {
		p.font(t.Font, t.Size)
		// text is painted with the fill colour: with both the same, fpdf no longer wraps every
		// run in its own "q <colour> ... Q"
		p.fillColor(t.Color)
		p.textColor(t.Color)
		p.run(t)
	}
	for _, l := range pg.Links {
		if l.Dest != "" {
			if id, ok := p.links[l.Dest]; ok {
				f.Link(l.X, l.Y, l.W, l.H, id)
			}
		} else if l.URL != "" {
			f.LinkString(l.X, l.Y, l.W, l.H, l.URL)
		}
	}
	return f.Error()
}

// run draws a text run. Tw, PDF's word spacing, does nothing with the fonts' two-byte codes, so
// a run with WordSpace is set as fpdf sets a justified cell: one TJ array with the space widened
// before each space. A run with hyphens in a text face is drawn a word at a time instead, as the
// marked hyphens cannot sit inside the array.
func (p *painter) run(t page.Text) {
	switch {
	case t.WordSpace == 0:
		p.words(t.X, t.Y, t.Font, t.Size, t.S)
	case t.Font.Drawn('-') == '-' || !strings.ContainsRune(t.S, '-'):
		// CellFormat sets the baseline 0.3 em below y when the cell has no height
		p.f.SetXY(t.X, t.Y-0.3*t.Size)
		p.f.CellFormat(metrics.Advance(t), 0, t.S, "", 0, "J", false, 0, "")
	default:
		face := metrics.Get(t.Font)
		space := face.Rune(' ', t.Size) + t.WordSpace
		x := t.X
		for w := range strings.SplitSeq(t.S, " ") {
			if w != "" {
				p.words(x, t.Y, t.Font, t.Size, w)
			}
			x += face.Width(w, t.Size) + space
		}
	}
}

// words draws text at (x, y). Where the font draws hyphens with another glyph (page.Font.Drawn),
// each is marked with its ActualText, so that copying and extracting the text still give "-".
func (p *painter) words(x, y float64, font page.Font, size float64, s string) {
	if font.Drawn('-') == '-' || !strings.ContainsRune(s, '-') {
		p.f.Text(x, y, s)
		return
	}
	face := metrics.Get(font)
	for i, part := range strings.Split(s, "-") {
		if i > 0 {
			p.f.RawWriteStr("/Span <</ActualText <FEFF002D>>> BDC")
			p.f.Text(x, y, string(page.Hyphen))
			p.f.RawWriteStr("EMC")
			x += face.Rune('-', size)
		}
		if part != "" {
			p.f.Text(x, y, part)
			x += face.Width(part, size)
		}
	}
}

var imageTypes = map[string]string{"image/png": "PNG", "image/jpeg": "JPG", "image/gif": "GIF"}

func (p *painter) image(im page.Image) error {
	opts := fpdf.ImageOptions{ImageType: imageTypes[im.MediaType]}
	if !p.images[im.Name] {
		data := im.Data
		if opts.ImageType == "PNG" && !plainPNG(data) {
			var err error
			if data, err = repack(data); err != nil {
				return fmt.Errorf("image %s: %w", im.Name, err)
			}
		}
		p.f.RegisterImageOptionsReader(im.Name, opts, bytes.NewReader(data))
		if err := p.f.Error(); err != nil {
			return fmt.Errorf("image %s: %w", im.Name, err)
		}
		p.images[im.Name] = true
	}
	p.f.ImageOptions(im.Name, im.X, im.Y, im.W, im.H, false, opts, 0, "")
	return nil
}

// plainPNG reports whether fpdf reads the PNG as it is: 8 bits or fewer per sample, not interlaced.
func plainPNG(data []byte) bool {
	return len(data) > 28 && data[24] <= 8 && data[28] == 0
}

// repack re-encodes a PNG as 8-bit, non-interlaced RGBA.
func repack(data []byte) ([]byte, error) {
	src, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	dst := image.NewNRGBA(src.Bounds())
	draw.Draw(dst, dst.Bounds(), src, src.Bounds().Min, draw.Src)
	var buf bytes.Buffer
	if err := png.Encode(&buf, dst); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
