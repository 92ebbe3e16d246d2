package draw

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"sync"
	"unicode/utf16"

	"bookc/formats/memo"
	"bookc/formats/pdf/metrics"
	"bookc/formats/pdf/page"
)

// embedded is a face as one document embeds it: a subset of the glyphs its pages draw, and what
// the font's objects say of it, compressed before the objects have their numbers, which come
// after fpdf's (objects).
//
// The pages' text codes are the characters drawn (Identity-H, a code for each character of the
// Basic Multilingual Plane), as fpdf's were, and for the few past it that a face has, codes of
// the surrogates' range (code): a CID map takes a code to its glyph, and ToUnicode takes it back
// to its character, even where two characters share a glyph.
type embedded struct {
	font      page.Font
	name      string // the subset's tag and the face's name: "ABCDEF+GoRegular"
	widths    []byte // the W array's entries: each code's advance, as metrics measures it
	file      []byte // the subset font program, compressed
	fileLen   int    // and its length before
	cidMap    []byte // code -> glyph, compressed
	toUnicode []byte // compressed
}

// fontObjects is how many objects a face takes: its Type0 font, CID font, font descriptor, font
// program, CID map and ToUnicode map, numbered in that order.
const fontObjects = 6

// embedFonts subsets and compresses each face the pages use, one face per goroutine, while the
// caller goes on; the function returned waits for them, and gives them in font order. streams
// keeps the compressed streams of the subsets other editions have made (PDF).
func embedFonts(used []runeSet, streams *memo.Bytes) func() []*embedded {
	var wg sync.WaitGroup
	faces := make([]*embedded, len(used))
	for f := range used {
		if !used[f].empty() {
			wg.Go(func() { faces[f] = embed(page.Font(f), &used[f], streams) })
		}
	}
	return func() []*embedded {
		wg.Wait()
		var out []*embedded
		for _, e := range faces {
			if e != nil {
				out = append(out, e)
			}
		}
		return out
	}
}

// embed makes the subset of font that draws the characters used.
func embed(font page.Font, used *runeSet, streams *memo.Bytes) *embedded {
	t := metrics.Get(font).TTF
	codes := used.runes()
	glyphs := make([]uint16, len(codes))
	cidMap := make([]byte, 2*(codes[len(codes)-1]+1))
	for i, c := range codes {
		glyphs[i] = t.Glyph(character(c))
		binary.BigEndian.PutUint16(cidMap[2*c:], glyphs[i])
	}
	sub := t.Subset(glyphs)
	z := deflaters.Get().(*deflater)
	defer deflaters.Put(z)
	return &embedded{
		font:      font,
		name:      subsetTag(font, used) + "+" + font.Face().Name,
		widths:    widthArray(codes, glyphs, t.Advance),
		file:      streams.Do(sub, z.stream),
		fileLen:   len(sub),
		cidMap:    streams.Do(cidMap, z.stream),
		toUnicode: streams.Do(toUnicode(codes), z.stream),
	}
}

// widthArray writes the W array's entries, "first [w w ...]" for each run of consecutive codes.
func widthArray(runes []rune, glyphs []uint16, advance func(uint16) int16) []byte {
	var w []byte
	for i, r := range runes {
		if i == 0 || r != runes[i-1]+1 {
			if i > 0 {
				w = append(w, "] "...)
			}
			w = fmt.Appendf(w, "%d [", r)
		} else {
			w = append(w, ' ')
		}
		w = fmt.Append(w, advance(glyphs[i]))
	}
	return append(w, ']')
}

// toUnicode is the CMap that gives each code its character: itself in the BMP, which it maps
// every 256 codes that have one used as a range, as a range must not cross the last byte; a
// surrogate's code, one by one, its character past the BMP, in UTF-16.
func toUnicode(codes []rune) []byte {
	var blocks, supp []rune
	for _, c := range codes {
		if isSurrogate(c) {
			supp = append(supp, c)
		} else if b := c &^ 0xFF; len(blocks) == 0 || blocks[len(blocks)-1] != b {
			blocks = append(blocks, b)
		}
	}
	cmap := []byte("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for len(blocks) > 0 {
		n := min(len(blocks), 100) // a section holds at most 100 entries
		cmap = fmt.Appendf(cmap, "%d beginbfrange\n", n)
		for _, b := range blocks[:n] {
			cmap = fmt.Appendf(cmap, "<%04X> <%04X> <%04X>\n", b, b|0xFF, b)
		}
		cmap = append(cmap, "endbfrange\n"...)
		blocks = blocks[n:]
	}
	for len(supp) > 0 {
		n := min(len(supp), 100)
		cmap = fmt.Appendf(cmap, "%d beginbfchar\n", n)
		for _, c := range supp[:n] {
			hi, lo := utf16.EncodeRune(character(c))
			cmap = fmt.Appendf(cmap, "<%04X> <%04X%04X>\n", c, hi, lo)
		}
		cmap = append(cmap, "endbfchar\n"...)
		supp = supp[n:]
	}
	return append(cmap, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"...)
}

// supplementary lists the characters past the BMP that a face has, in order: the i-th one's
// text code is 0xD800+i, in the surrogates' range, which no character has (at most 2048 of them:
// bookc's faces have two).
var supplementary = sync.OnceValue(func() []rune {
	var rs []rune
	for _, f := range page.Fonts {
		rs = append(rs, metrics.Get(f).TTF.Supplementary()...)
	}
	slices.Sort(rs)
	rs = slices.Compact(rs)
	return rs[:min(len(rs), 0x800)]
})

// code is the text code of a character: itself in the BMP, a surrogate's past it
// (supplementary), and U+FFFD's for a character past the BMP that no face has.
func code(r rune) rune {
	if r < 0x10000 {
		return r
	}
	if i, ok := slices.BinarySearch(supplementary(), r); ok {
		return 0xD800 + rune(i)
	}
	return 0xFFFD
}

// character is the character a text code stands for (code).
func character(c rune) rune {
	if isSurrogate(c) {
		if i := int(c - 0xD800); i < len(supplementary()) {
			return supplementary()[i]
		}
		return 0xFFFD
	}
	return c
}

func isSurrogate(c rune) bool { return c >= 0xD800 && c <= 0xDFFF }

// subsetTag is the six capitals that tell a subset from the whole font, and from other subsets:
// derived from the face and its glyphs, so that a build tags alike what it embeds alike.
func subsetTag(font page.Font, used *runeSet) string {
	h := fnv.New64a()
	h.Write([]byte(font.Face().Name))
	binary.Write(h, binary.BigEndian, used[:]) // a hash takes every write
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
			e.name, n+1, n+5)},
		{dict: fmt.Appendf(nil, "<</Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor %d 0 R /DW %d /W [%s] /CIDToGIDMap %d 0 R>>",
			e.name, n+2, t.Advance(0), e.widths, n+4)},
		{dict: fmt.Appendf(nil, "<</Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%.0f %.0f %.0f %.0f] /ItalicAngle %g /Ascent %.0f /Descent %.0f /CapHeight %.0f /StemV %d /MissingWidth %d /FontFile2 %d 0 R>>",
			e.name, flags, t.BBox[0], t.BBox[1], t.BBox[2], t.BBox[3], t.ItalicAngle, t.Ascent, t.Descent, t.CapHeight, stemV, t.Advance(0), n+3)},
		stream(e.file, fmt.Sprintf(" /Length1 %d", e.fileLen)),
		stream(e.cidMap, ""),
		stream(e.toUnicode, ""),
	}
}
