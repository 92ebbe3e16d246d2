package layout

import (
	"bytes"
	"image"
	_ "image/gif" // the image types a PDF shows
	_ "image/jpeg"
	_ "image/png"
	"path"

	"bookc/builder/diag"
	"bookc/builder/tree"
	"bookc/formats/pdf/page"
	"bookc/formats/pdf/tags"
)

// drawable are the image types a PDF can show.
var drawable = map[string]bool{"image/png": true, "image/jpeg": true, "image/gif": true}

// figure sets an image, scaled down to fit the text block, with its caption below; the two stay
// together. An image the PDF cannot show becomes a framed box with its alternative text.
func (l *lay) figure(f *tree.Figure, x, w float64) []*vbox {
	img := f.Image
	var out []*vbox
	if a := img.Asset; canDraw(a) {
		iw, ih := naturalSize(a)
		if asked := askedWidth(img.Width, w); asked > 0 {
			iw, ih = asked, ih*asked/iw // as the source sizes it, larger or smaller
		}
		if s := min(1, w/iw, l.g.TextH*0.6/ih); s < 1 {
			iw, ih = iw*s, ih*s
		}
		b := &vbox{h: ih + 4}
		placeImage(b.more(), a, x+(w-iw)/2, 2, iw, ih, 0)
		out = append(out, b)
		wrap(out, figureNode(img, f.Caption))
	} else {
		// A missing or remote image the builder has reported already; here only what PDF lacks.
		if a != nil {
			why := "PDF cannot show " + a.MediaType
			if drawable[a.MediaType] {
				why = "its data cannot be decoded"
			}
			file, line := img.At(l.source())
			l.diags.Add(diag.Warnf(file, line, "image %s is shown as its alt text in the PDF: %s; use a PNG or JPEG", img.Src, why))
		}
		out = append(out, tagged(l.altBox(img, x, w), tags.P)...) // the image is not there: its text is
	}
	if len(f.Caption) > 0 && (len(out[0].pieces().Images) > 0 || tree.PlainText(f.Caption) != img.Alt) {
		st := style{faces: l.faces, font: page.Italic, size: l.pt(smallSize), color: grey}
		caption := l.setRuns(l.runs(f.Caption, st, nil), x+w*0.075, w*0.85, l.pt(smallLead), center)
		out = append(out, &vbox{h: 4})
		out = append(out, tagged(caption, tags.Caption)...)
	}
	keepTogether(out)
	return tagged(out, tags.Div) // the figure and its caption
}

// canDraw reports whether the PDF can show an image's file: a raster it takes, or an SVG the
// builder has reduced to a drawing.
func canDraw(a *tree.Asset) bool {
	if a == nil || a.Width <= 0 || a.Height <= 0 {
		return false
	}
	return a.Drawing != nil || drawable[a.MediaType] && decodes(a.Data)
}

// naturalSize is an image's size in points: a raster's pixels, or an SVG's CSS pixels, at 96 per
// inch, as a browser shows them.
func naturalSize(a *tree.Asset) (w, h float64) {
	if d := a.Drawing; d != nil {
		return d.Width * 0.75, d.Height * 0.75
	}
	return float64(a.Width) * 0.75, float64(a.Height) * 0.75
}

// decodes reports whether the image's header reads: a broken file would fail the whole PDF.
func decodes(data []byte) bool {
	_, _, err := image.DecodeConfig(bytes.NewReader(data))
	return err == nil
}

// altBox frames an image's alternative text.
func (l *lay) altBox(img *tree.Image, x, w float64) []*vbox {
	alt := img.Alt
	if alt == "" {
		alt = img.Src
	}
	st := style{faces: l.faces, font: page.Italic, size: l.size, color: grey}
	lines := l.setRuns([]run{{st: &st, text: alt}}, x+12, w-24, l.lead, center)
	out := append([]*vbox{{h: 10}}, lines...)
	out = append(out, &vbox{h: 10})
	top, bottom := out[0], out[len(out)-1]
	top.more().Rules = append(top.more().Rules, page.Rule{X1: x, Y1: 0, X2: x + w, Y2: 0, Width: 0.6, Color: ruleGrey})
	bottom.more().Rules = append(bottom.more().Rules, page.Rule{X1: x, Y1: bottom.h, X2: x + w, Y2: bottom.h, Width: 0.6, Color: ruleGrey})
	for _, b := range out {
		b.more().Rules = append(b.more().Rules,
			page.Rule{X1: x, Y1: 0, X2: x, Y2: b.h, Width: 0.6, Color: ruleGrey},
			page.Rule{X1: x + w, Y1: 0, X2: x + w, Y2: b.h, Width: 0.6, Color: ruleGrey})
	}
	return out
}

// askedWidth is the width in points the source asks an image to be, given the measure: a fraction
// of it (style="width: 50%"), or CSS pixels at 96 per inch (width="300"); 0 when it asks none.
func askedWidth(wd tree.Width, measure float64) float64 {
	switch {
	case wd.Fraction > 0:
		return wd.Fraction * measure
	case wd.Px > 0:
		return wd.Px * 0.75
	}
	return 0
}

// placeImage puts an image that canDraw into the box (x, y, w, h) of p: an SVG as vectors.
func placeImage(p *page.Art, a *tree.Asset, x, y, w, h float64, tag page.Tag) {
	if a.Drawing != nil {
		p.Vectors = append(p.Vectors, page.Vector{X: x, Y: y, W: w, H: h, Name: a.Name, Drawing: a.Drawing, Tag: tag})
		return
	}
	p.Images = append(p.Images, page.Image{X: x, Y: y, W: w, H: h, Name: a.Name, MediaType: a.MediaType, Data: a.Data, Tag: tag})
}

// figureNode is an image's Figure in the structure tree, described by its alternative text, else
// by its caption, else by its file's name: PDF/UA wants every figure described, and a name says
// something.
func figureNode(img *tree.Image, caption tree.Inlines) *tags.Node {
	alt := img.Alt
	if alt == "" {
		alt = tree.PlainText(caption)
	}
	if alt == "" {
		alt = path.Base(img.Src)
	}
	return tags.Described(tags.Figure, alt)
}
