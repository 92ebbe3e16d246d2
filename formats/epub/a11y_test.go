package epub

import (
	"bytes"
	"fmt"
	"image"
	"image/gif"
	"strings"
	"testing"

	"bookc/builder/tree"
)

// animatedGIF is a GIF of two frames.
func animatedGIF() []byte {
	var buf bytes.Buffer
	frame := testImage().(*image.Paletted)
	if err := gif.EncodeAll(&buf, &gif.GIF{Image: []*image.Paletted{frame, frame}, Delay: []int{10, 10}}); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// TestAccessibilityMetadata checks what the package says of each kind of book: text only, images
// described, an image without alt text, an animation.
func TestAccessibilityMetadata(t *testing.T) {
	book := func(blocks ...tree.Block) *tree.Book {
		return &tree.Book{Title: "A", Language: "en", Slug: "a", Parts: []*tree.Part{{Chapters: []*tree.Chapter{chapter("pic", "Pic", blocks...)}}}}
	}
	withImage := func(alt string, a *tree.Asset) *tree.Book { return book(figure("p.gif", alt, a)) }
	still := &tree.Asset{Name: "p.gif", MediaType: "image/gif", Width: 8, Height: 8, Data: gifData()}
	moving := &tree.Asset{Name: "p.gif", MediaType: "image/gif", Width: 8, Height: 8, Data: animatedGIF()}
	const (
		textual    = `<meta property="schema:accessMode">textual</meta>`
		visual     = `<meta property="schema:accessMode">visual</meta>`
		byText     = `<meta property="schema:accessModeSufficient">textual</meta>`
		byBoth     = `<meta property="schema:accessModeSufficient">textual,visual</meta>`
		alt        = `<meta property="schema:accessibilityFeature">alternativeText</meta>`
		toc        = `<meta property="schema:accessibilityFeature">tableOfContents</meta>`
		safe       = `<meta property="schema:accessibilityHazard">none</meta>`
		unknown    = `<meta property="schema:accessibilityHazard">unknown</meta>`
		conforms   = `<meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.2 Level AA</meta>`
		summary    = `<meta property="schema:accessibilitySummary" xml:lang="en">`
		undescribe = "has no alt text"
		certified  = `<meta property="a11y:certifiedBy">A Test Lab</meta>`
		madeCover  = `href="media/cover.svg" media-type="image/svg+xml" properties="cover-image"`
		givenCover = `href="media/cover.gif" media-type="image/gif" properties="cover-image"`
	)
	certifiedBook := book(para(text("words")))
	certifiedBook.Settings.CertifiedBy = "A Test Lab"
	coveredBook := withImage("A dot", still)
	coveredBook.Cover = still
	for _, tc := range []struct {
		name      string
		book      *tree.Book
		has, lack []string
	}{
		{"text", book(para(text("words"))), []string{textual, byText, toc, safe, conforms, summary, "There are no images.", madeCover}, []string{visual, byBoth, alt, certified}},
		{"certified", certifiedBook, []string{conforms, certified}, nil},
		{"a cover of its own", coveredBook, []string{givenCover}, []string{madeCover}},
		{"described", withImage("A dot", still), []string{textual, visual, byText, byBoth, alt, safe, conforms, "Every image has"}, []string{unknown}},
		{"undescribed", withImage("", still), []string{textual, visual, byBoth, safe, "1 of 1 images"}, []string{byText, alt, conforms}},
		{"animated", withImage("A dot", moving), []string{unknown, conforms}, []string{safe}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			out := render(t, tc.book)
			_, files := entries(t, out.Files[0].Bytes())
			opf := files["EPUB/package.opf"]
			for _, want := range tc.has {
				if !strings.Contains(opf, want) {
					t.Errorf("package.opf lacks %s:\n%s", want, opf)
				}
			}
			for _, bad := range tc.lack {
				if strings.Contains(opf, bad) {
					t.Errorf("package.opf has %s", bad)
				}
			}
			warned := strings.Contains(fmt.Sprint(out.Diagnostics), undescribe)
			if want := tc.name == "undescribed"; warned != want {
				t.Errorf("warning of an image without alt text: %v, want %v (%v)", warned, want, out.Diagnostics)
			}
			if tc.name == "undescribed" && !strings.Contains(files["EPUB/text/pic.xhtml"], `alt=""`) {
				t.Errorf("an image without alt text lacks alt=\"\", which marks it as decoration")
			}
			epubcheck(t, tc.name+".epub", out.Files[0].Bytes())
		})
	}
}

// TestRoles checks that every epub:type the package writes has its DPUB-ARIA role beside it.
func TestRoles(t *testing.T) {
	_, files := entries(t, render(t, structureBook()).Files[0].Bytes())
	for file, want := range map[string]string{
		"EPUB/nav.xhtml":           `epub:type="toc" role="doc-toc"`,
		"EPUB/parts/part-2.xhtml":  `epub:type="part" role="doc-part"`,
		"EPUB/text/sections.xhtml": `epub:type="chapter" role="doc-chapter"`,
	} {
		if !strings.Contains(files[file], want) {
			t.Errorf("%s lacks %s", file, want)
		}
	}
}
