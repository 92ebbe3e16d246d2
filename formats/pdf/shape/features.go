package shape

import (
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/harfbuzz"
)

// Features selects the optional OpenType features of a run. The zero value is prose: kerning and
// standard ligatures on, the font's default figures. Kerning (GPOS `kern`, or the old `kern`
// table) is always on.
type Features struct {
	// NoLigatures turns off standard and contextual ligatures and alternates (liga, clig, calt),
	// as CSS's font-variant-ligatures: none does; for code, where "fi" or "->" must stay as typed.
	NoLigatures bool
	Numerals    Numerals
}

// Numerals picks the figure style.
type Numerals uint8

const (
	DefaultNumerals  Numerals = iota // what the font's designer chose
	OldstyleNumerals                 // onum: figures with ascenders and descenders, for running text
	LiningNumerals                   // lnum: figures of capital height, for tables and headings
)

var (
	tagLiga = ot.MustNewTag("liga")
	tagClig = ot.MustNewTag("clig")
	tagCalt = ot.MustNewTag("calt")
	tagOnum = ot.MustNewTag("onum")
	tagLnum = ot.MustNewTag("lnum")
)

// harfbuzz lists the settings HarfBuzz needs beyond its defaults (which include kern and liga).
func (f Features) harfbuzz() []harfbuzz.Feature {
	var out []harfbuzz.Feature
	set := func(tag ot.Tag, v uint32) {
		out = append(out, harfbuzz.Feature{Tag: tag, Value: v, Start: harfbuzz.FeatureGlobalStart, End: harfbuzz.FeatureGlobalEnd})
	}
	if f.NoLigatures {
		set(tagLiga, 0)
		set(tagClig, 0)
		set(tagCalt, 0)
	}
	switch f.Numerals {
	case OldstyleNumerals:
		set(tagOnum, 1)
	case LiningNumerals:
		set(tagLnum, 1)
	}
	return out
}
