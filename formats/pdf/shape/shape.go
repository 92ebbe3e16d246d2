package shape

import (
	"slices"

	"github.com/go-text/typesetting/harfbuzz"
	"github.com/go-text/typesetting/language"
)

// Direction is a run's writing direction.
type Direction uint8

const (
	LeftToRight Direction = iota
	RightToLeft
)

// Params is everything but the text that decides how a run shapes. It is comparable: the word
// cache keys on it.
type Params struct {
	Face      *Face
	Direction Direction
	Script    language.Script   // from Itemise; zero lets HarfBuzz guess from the text
	Language  language.Language // language.NewLanguage("en"); picks localised forms
	Features  Features
}

// Glyph is one positioned glyph. Positions are in font units (see Face.Points).
type Glyph struct {
	ID uint16 // OpenType glyph IDs are 16-bit; in the PDF, CID = ID with Identity-H
	// Cluster is the byte offset in the shaped text of the first character this glyph shows.
	// Glyphs of one cluster (a ligature's parts, a base and its marks) share it.
	Cluster int32
	// XAdvance moves the pen after the glyph; XOffset and YOffset move only this glyph (marks,
	// kerning done by GPOS placement), YOffset upwards.
	XAdvance, XOffset, YOffset int32
}

// Width is the total advance of glyphs, in font units.
func Width(glyphs []Glyph) int32 {
	var w int32
	for _, g := range glyphs {
		w += g.XAdvance
	}
	return w
}

// Shape shapes text as one run. Default ignorable characters (ZWJ, ZWNJ, variation selectors)
// take part in shaping (joining, emoji and CJK variants) and are then removed, so they never
// print.
func Shape(text string, p Params) []Glyph {
	if text == "" || p.Face == nil {
		return nil
	}
	w := p.Face.borrow()
	defer p.Face.giveBack(w)
	b := w.buf
	b.Clear()
	for i, r := range text {
		b.AddRune(r, i) // clusters are byte offsets, so they index the caller's string
	}
	b.Props.Direction = harfbuzz.LeftToRight
	if p.Direction == RightToLeft {
		b.Props.Direction = harfbuzz.RightToLeft
	}
	b.Props.Script = p.Script
	b.Props.Language = p.Language
	if p.Script == 0 {
		b.GuessSegmentProperties()
		b.Props.Language = p.Language // not the process's locale: same bytes on every machine
	}
	// go-text v0.3.5 puts a dotted circle before a leading mark without growing Pos, and then may
	// reverse both (a right-to-left script set left to right) and index past Pos's capacity: keep
	// room for it. Positions are all computed afresh later.
	b.Pos = slices.Grow(b.Pos, 1)
	b.Flags = harfbuzz.Bot | harfbuzz.Eot | harfbuzz.RemoveDefaultIgnorables
	hf := w.font
	if p.Face.outlined != nil && b.Props.Script == language.Hebrew {
		if whole := p.Face.outlined(); whole != nil { // the marks are placed by their outlines (newFont)
			ow := whole.borrow()
			defer whole.giveBack(ow)
			hf = ow.font
		}
	}
	b.Shape(hf, p.Features.harfbuzz())

	out := make([]Glyph, len(b.Info))
	for i, info := range b.Info {
		pos := b.Pos[i]
		out[i] = Glyph{
			ID:       uint16(info.Glyph),
			Cluster:  int32(info.Cluster),
			XAdvance: pos.XAdvance,
			XOffset:  pos.XOffset,
			YOffset:  pos.YOffset,
		}
	}
	return out
}
