package man

import (
	"slices"
	"strconv"
	"strings"

	"bookc/builder/tree"
)

// writeNotes writes the NOTES section: footnotes and images in the order the page refers to them
// (notes may refer to further notes), then footnotes nothing referred to.
func (p *page) writeNotes() {
	if p.ch != nil {
		for _, f := range p.ch.Footnotes {
			if _, ok := p.noted[f.ID]; !ok {
				p.noted[f.ID] = len(p.notes) + 1
				p.notes = append(p.notes, note{footnote: f})
			}
		}
	}
	if len(p.notes) == 0 {
		return
	}
	p.section("NOTES")
	for i := 0; i < len(p.notes); i++ {
		tag := "[" + strconv.Itoa(i+1) + "]"
		p.w.Request("IP", tag, strconv.Itoa(len(tag)+1))
		if n := p.notes[i]; n.footnote != nil {
			p.itemBody(n.footnote.Blocks, strconv.Itoa(len(tag)+1))
		} else {
			p.imageNote(n.image, n.altShown)
		}
	}
}

// imageNote describes an image the page cannot show: by its alt text, unless the text showed it
// where the image stands, and by where to see it, the book's web address when base-url gives it.
// It names no file: an installed page has no images beside it.
func (p *page) imageNote(img *tree.Image, altShown bool) {
	alt := strings.TrimSpace(img.Alt)
	switch {
	case alt == "":
		p.w.Text("An image without a description, not shown in a manual page.")
	case altShown:
		p.w.Text("An image, not shown in a manual page.")
	default:
		p.w.Text("Image: " + alt)
		if !strings.ContainsAny(alt[len(alt)-1:], ".!?") {
			p.w.Text(".")
		}
	}
	if base := p.Settings.BaseURL; base != "" {
		p.w.Text(" The book on the web shows it: ")
		p.w.Literal(base)
	}
}

// addNote numbers a note at its first reference.
func (p *page) addNote(n note) int {
	var key any = n.image
	if n.footnote != nil {
		key = n.footnote.ID
	}
	if num, ok := p.noted[key]; ok {
		return num
	}
	p.notes = append(p.notes, n)
	p.noted[key] = len(p.notes)
	return len(p.notes)
}

// footnote finds a footnote of the page's chapter.
func (p *page) footnote(id string) *tree.Footnote {
	if p.ch == nil {
		return nil
	}
	if p.footnotes == nil { // a map, once: a scan per reference is quadratic in a chapter of many
		p.footnotes = make(map[string]*tree.Footnote, len(p.ch.Footnotes))
		for _, f := range slices.Backward(p.ch.Footnotes) {
			p.footnotes[f.ID] = f // the first of an ID wins, as the scan found it
		}
	}
	return p.footnotes[id]
}

// noteMark writes a reference to a NOTES entry: [1].
func (p *page) noteMark(n int) {
	p.w.Text("[" + strconv.Itoa(n) + "]")
}
