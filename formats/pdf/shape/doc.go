// Package shape turns text into positioned glyphs for the PDF typesetter: it loads faces, splits a
// paragraph into runs of one bidi level, script and face (Itemise), shapes each run with HarfBuzz's
// Go port (go-text/typesetting), caches shaped words, and finds fallback faces on the system.
//
// Positions are in font units; multiply by size/UnitsPerEm for points. Glyphs come in visual
// order, as HarfBuzz gives them: for a right-to-left run the first glyph is the leftmost.
package shape
