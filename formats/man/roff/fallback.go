package roff

import (
	"strconv"
	"strings"
)

// Fallbacks for characters that a groff device may lack (the PostScript fonts have Latin-1, basic
// Greek and common symbols; no box drawing, no CJK). Each page declares, for the characters it
// uses, `.if !c\[uXXXX] .char \[uXXXX] FALLBACK`: devices that have the glyph ignore it, the others
// print the fallback instead of warning and dropping the character. mandoc renders the glyph.

// latinExtA is the base letter of each character U+0100..U+017F.
const latinExtA = "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs"

// greekTonos maps accented Greek letters to their base letters.
var greekTonos = map[rune]rune{
	0x386: 0x391, 0x388: 0x395, 0x389: 0x397, 0x38A: 0x399, 0x38C: 0x39F, 0x38E: 0x3A5, 0x38F: 0x3A9,
	0x390: 0x3B9, 0x3AA: 0x399, 0x3AB: 0x3A5, 0x3AC: 0x3B1, 0x3AD: 0x3B5, 0x3AE: 0x3B7, 0x3AF: 0x3B9,
	0x3B0: 0x3C5, 0x3CA: 0x3B9, 0x3CB: 0x3C5, 0x3CC: 0x3BF, 0x3CD: 0x3C5, 0x3CE: 0x3C9,
}

// fallback is the roff text printed for r on devices without its glyph.
func fallback(r rune) string {
	switch {
	case r >= 0x100 && r <= 0x17F:
		switch r {
		case 0x132:
			return "IJ"
		case 0x133:
			return "ij"
		case 0x149:
			return `\(aqn`
		case 0x152:
			return "OE"
		case 0x153:
			return "oe"
		}
		return latinExtA[r-0x100 : r-0x100+1]
	case r >= 0x300 && r <= 0x36F, r >= 0xFE00 && r <= 0xFE0F:
		return `\&` // combining marks and variation selectors: the base letter stands alone
	case r >= 0x2500 && r <= 0x257F:
		return boxDrawing(r)
	case r == 0x2026:
		return "..."
	case r >= 0x2000 && r <= 0x200A, r == 0x202F, r == 0x205F, r == 0x3000:
		return `\ `
	}
	if base, ok := greekTonos[r]; ok {
		return `\[u0` + strings.ToUpper(strconv.FormatInt(int64(base), 16)) + `]`
	}
	return "?"
}

// boxDrawing approximates the box-drawing characters U+2500..U+257F with ASCII.
func boxDrawing(r rune) string {
	switch r {
	case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550, 0x2574, 0x2576, 0x2578, 0x257A, 0x257C, 0x257E:
		return `\-`
	case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2551, 0x2575, 0x2577, 0x2579, 0x257B, 0x257D, 0x257F:
		return "|"
	}
	return "+"
}
