package shape

import (
	"unicode/utf8"

	"github.com/go-text/typesetting/language"
)

// Paragraph is a paragraph's text cut into runs, each of one bidi level, script and face: the
// unit Shape takes.
type Paragraph struct {
	Text  string // the source text in NFC; runs and glyph clusters index it
	Level Level  // the paragraph's own level: 1 sets it right to left (and right-aligned)
	Runs  []Run  // in logical order, covering Text
	src   []int  // source offset of each byte of Text, and of its end; nil when Text is the source
}

// Run is Paragraph.Text[Start:End] in one level, script and face.
type Run struct {
	Start, End int
	Level      Level
	Script     language.Script
	Face       *Face // nil when no face of the chain has the run's characters
}

// Source maps a byte offset of p.Text (a run bound, a glyph's cluster plus its run's Start) to
// the source text that Itemise was given.
func (p *Paragraph) Source(i int) int {
	if p.src == nil {
		return i
	}
	return p.src[i]
}

// Itemise normalises text to NFC and cuts it into runs by bidi level (UAX #9), script (UAX #24,
// Common characters taking the script around them) and face (the chain's first face that has each
// grapheme cluster; chain may be nil for no faces). A run never splits a grapheme cluster, so
// combining marks stay with their base.
func Itemise(text string, base Base, chain *Chain) Paragraph {
	if r, ok := asciiRun(text, base, chain); ok {
		return Paragraph{Text: text, Runs: []Run{r}}
	}
	return itemise(text, base, chain)
}

// itemise is Itemise for any text.
func itemise(text string, base Base, chain *Chain) Paragraph {
	text, src := normalize(text)
	p := Paragraph{Text: text, src: src}
	if text == "" {
		return p
	}
	runes := []rune(text)
	p.Level = paragraphLevel(runes, base)
	levels := bidiLevels(runes, p.Level)

	bounds := graphemes(runes)
	scripts := make([]language.Script, len(bounds)-1)
	for i := range scripts {
		scripts[i] = clusterScript(runes[bounds[i]:bounds[i+1]])
	}
	neutral := make([]bool, len(scripts))
	for i, sc := range scripts {
		neutral[i] = sc == language.Common
	}
	resolveScripts(scripts)

	at := 0 // byte offset of cluster i
	var face *Face
	for i, sc := range scripts {
		cl := runes[bounds[i]:bounds[i+1]]
		start := at
		for _, r := range cl {
			at += utf8.RuneLen(r)
		}
		if chain != nil {
			face = chain.clusterFace(cl, face, neutral[i])
		}
		lvl := levels[bounds[i]]
		if n := len(p.Runs); n > 0 {
			last := &p.Runs[n-1]
			if last.Level == lvl && last.Script == sc && last.Face == face {
				last.End = at
				continue
			}
		}
		p.Runs = append(p.Runs, Run{Start: start, End: at, Level: lvl, Script: sc, Face: face})
	}
	return p
}

// asciiRun is Itemise, and no allocation, for the paragraph most English books are made of:
// ASCII only (so in NFC, one grapheme per character but CR LF, level 0, Latin or Common) and all
// in the chain's first face. It reports false for anything else.
func asciiRun(text string, base Base, chain *Chain) (Run, bool) {
	if text == "" || base == BaseRTL {
		return Run{}, false
	}
	var face *Face
	if chain != nil && len(chain.faces) > 0 {
		face = chain.faces[0]
	}
	script := language.Common
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c >= 0x80 || face == nil || !face.Has(rune(c)) {
			return Run{}, false
		}
		if 'a' <= c|0x20 && c|0x20 <= 'z' {
			script = language.Latin
		}
	}
	return Run{Start: 0, End: len(text), Script: script, Face: face}, true
}
