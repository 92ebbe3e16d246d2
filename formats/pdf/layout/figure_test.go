package layout

import (
	"math"
	"slices"
	"testing"

	"bookc/builder/svg"
	"bookc/builder/tree"
	"bookc/builder/tree/sample"
)

// TestFigureSize checks how wide a figure is set: at its natural size (96 pixels an inch), as
// wide as the source asks, and never past the measure; an SVG as a vector drawing.
func TestFigureSize(t *testing.T) {
	png := &tree.Asset{Name: "a.png", MediaType: "image/png", Width: 200, Height: 100, Data: sample.PNG(200, 100)}
	vec := &tree.Asset{Name: "a.svg", MediaType: "image/svg+xml", Width: 400, Height: 200,
		Drawing: &svg.Drawing{Width: 400, Height: 200, Root: &svg.Group{Transform: svg.Identity, Opacity: 1}}}
	const measure = 300.0
	for _, tt := range []struct {
		name   string
		asset  *tree.Asset
		width  tree.Width
		want   float64
		vector bool
	}{
		{"natural", png, tree.Width{}, 150, false},
		{"half the measure", png, tree.Width{Fraction: 0.5}, 150, false},
		{"a fifth", png, tree.Width{Fraction: 0.2}, 60, false},
		{"80 pixels", png, tree.Width{Px: 80}, 60, false},
		{"wider than the measure", png, tree.Width{Px: 1000}, measure, false},
		{"an SVG, natural", vec, tree.Width{}, measure, true},
		{"an SVG, 50%", vec, tree.Width{Fraction: 0.5}, 150, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l := newLay(sample.Book(), nil, newMemo(), NewShared())
			img := &tree.Image{Src: tt.asset.Name, Alt: "alt", Width: tt.width, Asset: tt.asset}
			var w, h float64
			var vectors int
			for _, b := range l.figure(&tree.Figure{Image: img}, 0, measure) {
				for _, im := range b.pieces().Images {
					w, h = im.W, im.H
				}
				for _, v := range b.pieces().Vectors {
					w, h = v.W, v.H
					vectors++
				}
			}
			if math.Abs(w-tt.want) > 0.01 || math.Abs(h-w/2) > 0.01 {
				t.Errorf("set %.2f x %.2f, want %.2f wide at the image's proportions", w, h, tt.want)
			}
			if (vectors > 0) != tt.vector {
				t.Errorf("%d vector drawings, want vector %v", vectors, tt.vector)
			}
		})
	}
}

// TestInlineImageSize checks that an image in a line is as tall as the text, or narrower where the
// source asks it to be, never taller.
func TestInlineImageSize(t *testing.T) {
	png := &tree.Asset{Name: "a.png", MediaType: "image/png", Width: 200, Height: 100, Data: sample.PNG(200, 100)}
	for _, tt := range []struct {
		name  string
		width tree.Width
		w     float64 // at the text's size, in points
	}{
		{"as tall as the text", tree.Width{}, 0},
		{"asked narrower", tree.Width{Px: 8}, 6},
		{"asked wider", tree.Width{Px: 800}, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l := newLay(sample.Book(), nil, newMemo(), NewShared())
			full := l.size * inlineHeight * 2 // the image is twice as wide as tall
			want := tt.w
			if want == 0 {
				want = full
			}
			p := &tree.Paragraph{Content: tree.Inlines{sample.Text("An icon "), &tree.Image{Src: "a.png", Alt: "icon", Width: tt.width, Asset: png}, sample.Text(" in text.")}}
			var got []float64
			for _, b := range l.blocks(tree.Blocks{p}, 0, 300) {
				for _, im := range b.pieces().Images {
					got = append(got, im.W, im.H)
				}
			}
			if len(got) != 2 || math.Abs(got[0]-want) > 0.01 || math.Abs(got[1]-want/2) > 0.01 {
				t.Errorf("image set %v (w, h), want %.2f x %.2f", got, want, want/2)
			}
		})
	}
}

// TestDrawingKeptInReuse lays out a chapter with an SVG figure and an SVG inline in a paragraph,
// then the chapter with a paragraph more, with one Shared, as two editions are: the second takes
// the first's lines for the paragraph, as copies, which must still draw the image. Each layout
// draws both drawings.
func TestDrawingKeptInReuse(t *testing.T) {
	vec := &tree.Asset{Name: "a.svg", MediaType: "image/svg+xml", Width: 400, Height: 200,
		Drawing: &svg.Drawing{Width: 400, Height: 200, Root: &svg.Group{Transform: svg.Identity, Opacity: 1}}}
	img := func() *tree.Image { return &tree.Image{Src: "a.svg", Alt: "A drawing", Asset: vec} }
	blocks := tree.Blocks{
		sample.Heading(1, "first", "First"),
		&tree.Figure{Image: img()},
		sample.Para(sample.Text("An inline drawing "), img(), sample.Text(" in a line.")),
	}
	sh := NewShared()
	for _, ed := range []struct {
		name   string
		blocks tree.Blocks
	}{{"the first edition", blocks}, {"the second", append(slices.Clone(blocks), sample.Para(sample.Text("More.")))}} {
		doc, _ := sh.Book(bookOf(&tree.Chapter{ID: "first", Title: "First", Blocks: ed.blocks}), nil)
		vectors := 0
		for _, p := range doc.Pages {
			vectors += len(p.Vectors)
		}
		if vectors != 2 {
			t.Errorf("%s: the PDF draws %d vector drawings, want 2", ed.name, vectors)
		}
	}
}
