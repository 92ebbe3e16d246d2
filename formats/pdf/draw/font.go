package draw

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"sync"

	"bookc/formats/memo"
	"bookc/formats/pdf/metrics"
	"bookc/formats/pdf/page"
)

// embedded is a face as one document embeds it: a subset of the glyphs its pages draw, and what
// the font's objects say of it, compressed before the objects have their numbers, which come
// after fpdf's (objects). The pages' codes are glyph numbers (glyphs.go).
type embedded struct {
	font      page.Font
	fonts     []page.Font // every face drawn with it: font and the others of its file
	name      string      // the subset's tag and the face's name: "ABCDEF+NotoSerif-Regular"
	widths    []byte      // the W array's entries: each glyph's advance, as metrics measures it
	file      []byte      // the subset font program, compressed
	fileLen   int         // and its length before
	toUnicode []byte      // compressed
}

// fontObjects is how many objects a face takes: its Type0 font, CID font, font descriptor, font
// program and ToUnicode map, numbered in that order.
const fontObjects = 5

// embedFonts subsets and compresses each face the pages use, one face per goroutine, while the
// caller goes on; the function returned waits for them, and gives them in the order of their
// keys (metrics.Order), whatever numbers the build gave the faces. Faces of one file (a book's
// italic that is its regular, with fallbacks of its own) are one font, of the glyphs all draw.
// streams keeps the compressed streams of the subsets other editions have made (PDF).
func embedFonts(used usage, streams *memo.Bytes) func() []*embedded {
	var fonts []page.Font
	for f, s := range used {
		if len(s.list()) > 0 {
			fonts = append(fonts, f)
		}
	}
	slices.SortFunc(fonts, func(a, b page.Font) int { return cmp.Or(metrics.Order(a, b), cmp.Compare(a, b)) })
	var groups [][]page.Font // by key, in order
	for _, f := range fonts {
		if n := len(groups); n > 0 && metrics.Order(groups[n-1][0], f) == 0 {
			groups[n-1] = append(groups[n-1], f)
		} else {
			groups = append(groups, []page.Font{f})
		}
	}
	var wg sync.WaitGroup
	faces := make([]*embedded, len(groups))
	for i, g := range groups {
		set := &glyphSet{}
		for _, f := range g {
			set.union(used[f])
		}
		wg.Go(func() {
			faces[i] = embed(g[0], set, streams)
			faces[i].fonts = g
		})
	}
	return func() []*embedded {
		wg.Wait()
		return faces
	}
}

// embed makes the subset of font that draws the glyphs used.
func embed(font page.Font, used *glyphSet, streams *memo.Bytes) *embedded {
	face := metrics.Get(font)
	glyphs := used.list()
	sub := face.TTF.Subset(glyphs)
	z := deflaters.Get().(*deflater)
	defer deflaters.Put(z)
	return &embedded{
		font:      font,
		name:      subsetTag(face, glyphs) + "+" + face.Name,
		widths:    widthArray(glyphs, face.TTF.Advance),
		file:      streams.Do(sub, z.stream),
		fileLen:   len(sub),
		toUnicode: streams.Do(toUnicode(face, used, glyphs), z.stream),
	}
}

// widthArray writes the W array's entries, "first [w w ...]" for each run of consecutive glyphs.
func widthArray(glyphs []uint16, advance func(uint16) int16) []byte {
	var w []byte
	for i, g := range glyphs {
		if i == 0 || g != glyphs[i-1]+1 {
			if i > 0 {
				w = append(w, "] "...)
			}
			w = fmt.Appendf(w, "%d [", g)
		} else {
			w = append(w, ' ')
		}
		w = fmt.Append(w, advance(g))
	}
	return append(w, ']')
}

// toUnicode is the CMap that gives each glyph its text: the character the font's cmap maps to it,
// or, for a glyph it does not reach or maps to a presentation form (the "ﬁ" ligature, Arabic's
// positional forms), the text the pages drew it for (glyphSet): "fi", not U+FB01.
func toUnicode(face *metrics.Face, used *glyphSet, glyphs []uint16) []byte {
	cmap := []byte("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	type entry struct {
		g    uint16
		text string
	}
	var entries []entry
	for _, g := range glyphs {
		r, t := face.CharOf(g), used.texts[g]
		switch {
		case r != 0 && (!presentationForm(r) || t == ""):
			entries = append(entries, entry{g, string(r)})
		case t != "":
			entries = append(entries, entry{g, t})
		}
	}
	for len(entries) > 0 {
		n := min(len(entries), 100) // a section holds at most 100 entries
		cmap = fmt.Appendf(cmap, "%d beginbfchar\n", n)
		for _, e := range entries[:n] {
			cmap = fmt.Appendf(cmap, "<%04X> <", e.g)
			cmap = appendUTF16Hex(cmap, e.text)
			cmap = append(cmap, ">\n"...)
		}
		cmap = append(cmap, "endbfchar\n"...)
		entries = entries[n:]
	}
	return append(cmap, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"...)
}

// presentationForm tells the characters Unicode has only for compatibility with fonts that
// encode ligatures and positional forms: no source text is written in them.
func presentationForm(r rune) bool { return r >= 0xFB00 && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFF }

// subsetTag is the six capitals that tell a subset from the whole font, and from other subsets:
// derived from the face and its glyphs, so that a build tags alike what it embeds alike.
func subsetTag(face *metrics.Face, glyphs []uint16) string {
	h := fnv.New64a()
	h.Write([]byte(face.Key))
	binary.Write(h, binary.BigEndian, glyphs) // a hash takes every write
	v := h.Sum64()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = byte('A' + v%26)
		v /= 26
	}
	return string(tag)
}

// objects gives the face's objects, numbered from n.
func (e *embedded) objects(n int) [fontObjects]appended {
	t := metrics.Get(e.font).TTF
	flags := 4 // symbolic: the codes are no standard encoding's
	if t.FixedPitch {
		flags |= 1
	}
	if t.ItalicAngle != 0 {
		flags |= 64
	}
	if t.Weight >= 600 {
		flags |= 1 << 18 // force bold
	}
	stemV := 50 + int(math.Pow(float64(t.Weight)/65, 2)) // a usual estimate from the weight
	stream := func(data []byte, extra string) appended {
		return appended{dict: fmt.Appendf(nil, "<</Filter /FlateDecode /Length %d%s>>", len(data), extra), stream: data}
	}
	return [fontObjects]appended{
		{dict: fmt.Appendf(nil, "<</Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R>>",
			e.name, n+1, n+4)},
		{dict: fmt.Appendf(nil, "<</Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor %d 0 R /DW %d /W [%s] /CIDToGIDMap /Identity>>",
			e.name, n+2, t.Advance(0), e.widths)},
		{dict: fmt.Appendf(nil, "<</Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%.0f %.0f %.0f %.0f] /ItalicAngle %g /Ascent %.0f /Descent %.0f /CapHeight %.0f /StemV %d /MissingWidth %d /FontFile2 %d 0 R>>",
			e.name, flags, t.BBox[0], t.BBox[1], t.BBox[2], t.BBox[3], t.ItalicAngle, t.Ascent, t.Descent, t.CapHeight, stemV, t.Advance(0), n+3)},
		stream(e.file, fmt.Sprintf(" /Length1 %d", e.fileLen)),
		stream(e.toUnicode, ""),
	}
}
