package layout

import (
	"bytes"
	"image"
	_ "image/gif" // the image types a PDF shows
	_ "image/jpeg"
	_ "image/png"

	"bookc/builder/diag"
	"bookc/builder/tree"
	"bookc/formats/pdf/page"
)

// drawable are the image types a PDF can show.
var drawable = map[string]bool{"image/png": true, "image/jpeg": true, "image/gif": true}

// figure sets an image, scaled down to fit the text block, with its caption below; the two stay
// together. An image the PDF cannot show becomes a framed box with its alternative text.
func (l *lay) figure(f *tree.Figure, x, w float64) []*vbox {
	img := f.Image
	var out []*vbox
	if a := img.Asset; canDraw(a) {
		iw, ih := float64(a.Width)*0.75, float64(a.Height)*0.75 // pixels at 96 per inch
		if s := min(1, w/iw, l.g.TextH*0.6/ih); s < 1 {
			iw, ih = iw*s, ih*s
		}
		b := &vbox{h: ih + 4}
		b.p.Images = append(b.p.Images, page.Image{X: x + (w-iw)/2, Y: 2, W: iw, H: ih, Name: a.Name, MediaType: a.MediaType, Data: a.Data})
		out = append(out, b)
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
		out = append(out, l.altBox(img, x, w)...)
	}
	if len(f.Caption) > 0 && (len(out[0].p.Images) > 0 || tree.PlainText(f.Caption) != img.Alt) {
		st := style{font: page.Italic, size: smallSize, color: grey}
		caption := l.setLines(l.build(l.runs(f.Caption, st, nil), w*0.85), x+w*0.075, w*0.85, smallLead, center)
		out = append(out, &vbox{h: 4})
		out = append(out, caption...)
	}
	keepTogether(out)
	return out
}

// canDraw reports whether the PDF can show an image's file.
func canDraw(a *tree.Asset) bool {
	return a != nil && drawable[a.MediaType] && decodes(a.Data) && a.Width > 0 && a.Height > 0
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
	st := style{font: page.Italic, size: l.size, color: grey}
	lines := l.setLines(l.build([]run{{st: &st, text: alt}}, w-24), x+12, w-24, l.lead, center)
	out := append([]*vbox{{h: 10}}, lines...)
	out = append(out, &vbox{h: 10})
	top, bottom := out[0], out[len(out)-1]
	top.p.Rules = append(top.p.Rules, page.Rule{X1: x, Y1: 0, X2: x + w, Y2: 0, Width: 0.6, Color: ruleGrey})
	bottom.p.Rules = append(bottom.p.Rules, page.Rule{X1: x, Y1: bottom.h, X2: x + w, Y2: bottom.h, Width: 0.6, Color: ruleGrey})
	for _, b := range out {
		b.p.Rules = append(b.p.Rules,
			page.Rule{X1: x, Y1: 0, X2: x, Y2: b.h, Width: 0.6, Color: ruleGrey},
			page.Rule{X1: x + w, Y1: 0, X2: x + w, Y2: b.h, Width: 0.6, Color: ruleGrey})
	}
	return out
}
