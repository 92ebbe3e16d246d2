// Package metrics measures text set in bookc's fonts exactly as a PDF viewer will: each glyph's
// advance in thousandths of an em, rounded as the width array of the embedded font has it.
package metrics

import (
	"encoding/binary"
	"fmt"
	"math"
	"strings"
	"sync"

	"bookc/formats/pdf/page"
)

// Face holds one font's advance widths for the Basic Multilingual Plane.
type Face struct {
	font    page.Font
	widths  []int16 // per rune in 1/1000 em; -1 where the font has no glyph
	notdef  int16
	Ascent  float64 // above the baseline, in 1/1000 em
	Descent float64 // below the baseline (positive), in 1/1000 em
}

var (
	once  sync.Once
	faces []*Face
	err   error
)

// Get returns the metrics of a font, parsed once and shared (Faces are read-only).
func Get(f page.Font) *Face {
	once.Do(func() {
		for _, pf := range page.Fonts {
			var fc *Face
			fc, err = parse(pf.Face().TTF)
			if err != nil {
				err = fmt.Errorf("metrics: font %s: %w", pf.Face().Name, err)
				return
			}
			fc.font = pf
			faces = append(faces, fc)
		}
	})
	if err != nil {
		panic(err) // the fonts are compiled in: a parse failure is a programming error
	}
	return faces[f]
}

// Has reports whether the font has a glyph for r.
func (f *Face) Has(r rune) bool {
	return r >= 0 && int(r) < len(f.widths) && f.widths[r] >= 0
}

// Rune returns the advance of r at the given size in points.
func (f *Face) Rune(r rune, size float64) float64 {
	return float64(f.units(r)) * size / 1000
}

// units measures the glyph the font draws for r (page.Font.Drawn).
func (f *Face) units(r rune) int16 {
	r = f.font.Drawn(r)
	if f.Has(r) {
		return f.widths[r]
	}
	return f.notdef
}

// Width returns the advance of s at the given size in points.
func (f *Face) Width(s string, size float64) float64 {
	n := 0
	for _, r := range s {
		n += int(f.units(r))
	}
	return float64(n) * size / 1000
}

// Advance returns how far a text run reaches from its X, its word spacing included.
func Advance(t page.Text) float64 {
	return Get(t.Font).Width(t.S, t.Size) + float64(strings.Count(t.S, " "))*t.WordSpace
}

func parse(ttf []byte) (*Face, error) {
	tables := map[string][]byte{}
	if len(ttf) < 12 {
		return nil, fmt.Errorf("too short")
	}
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	for i := 0; i < n; i++ {
		rec := ttf[12+16*i:]
		off, ln := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if int(off)+int(ln) > len(ttf) {
			return nil, fmt.Errorf("table %q out of bounds", rec[:4])
		}
		tables[string(rec[:4])] = ttf[off : off+ln]
	}
	head, hhea, hmtx, cmap := tables["head"], tables["hhea"], tables["hmtx"], tables["cmap"]
	if len(head) < 54 || len(hhea) < 36 || hmtx == nil || cmap == nil {
		return nil, fmt.Errorf("missing head, hhea, hmtx or cmap table")
	}
	upem := float64(binary.BigEndian.Uint16(head[18:]))
	scale := 1000 / upem
	nh := int(binary.BigEndian.Uint16(hhea[34:]))
	advance := func(g int) int16 {
		if g >= nh {
			g = nh - 1
		}
		if 4*g+2 > len(hmtx) {
			return 0
		}
		return int16(math.Round(float64(binary.BigEndian.Uint16(hmtx[4*g:])) * scale))
	}
	f := &Face{
		widths:  make([]int16, 0x10000),
		notdef:  advance(0),
		Ascent:  float64(int16(binary.BigEndian.Uint16(hhea[4:]))) * scale,
		Descent: -float64(int16(binary.BigEndian.Uint16(hhea[6:]))) * scale,
	}
	for i := range f.widths {
		f.widths[i] = -1
	}
	glyphs, err := unicodeMap(cmap)
	if err != nil {
		return nil, err
	}
	for r, g := range glyphs {
		if g != 0 {
			f.widths[r] = advance(g)
		}
	}
	return f, nil
}

// unicodeMap reads the (3,1) format 4 subtable: rune -> glyph for the BMP.
func unicodeMap(cmap []byte) (map[rune]int, error) {
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	for i := 0; i < n; i++ {
		rec := cmap[4+8*i:]
		pid, eid := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[2:])
		off := binary.BigEndian.Uint32(rec[4:])
		if pid == 3 && eid == 1 && binary.BigEndian.Uint16(cmap[off:]) == 4 {
			return format4(cmap[off:]), nil
		}
	}
	return nil, fmt.Errorf("no Unicode BMP (3,1) format 4 cmap")
}

func format4(t []byte) map[rune]int {
	u16 := func(o int) int { return int(binary.BigEndian.Uint16(t[o:])) }
	segs := u16(6) / 2
	ends, starts, deltas, ranges := 14, 16+2*segs, 16+4*segs, 16+6*segs
	m := map[rune]int{}
	for s := 0; s < segs; s++ {
		end, start := u16(ends+2*s), u16(starts+2*s)
		delta, ro := u16(deltas+2*s), u16(ranges+2*s)
		for c := start; c <= end && c != 0xFFFF; c++ {
			g := 0
			if ro == 0 {
				g = (c + delta) & 0xFFFF
			} else {
				at := ranges + 2*s + ro + 2*(c-start)
				if at+2 <= len(t) {
					if g = u16(at); g != 0 {
						g = (g + delta) & 0xFFFF
					}
				}
			}
			m[rune(c)] = g
		}
	}
	return m
}
