package svg

import (
	"math"
	"strings"
)

// rgba is a colour with its alpha, from 0 to 1.
type rgba struct {
	c Color
	a float64
}

// parseColor reads a CSS colour: #rgb, #rgba, #rrggbb, #rrggbbaa, rgb(), rgba(), hsl(), hsla(),
// a named colour or transparent. An ICC colour after an sRGB one is ignored.
func parseColor(s string) (rgba, bool) {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "icc-color("); i > 0 {
		s = strings.TrimSpace(s[:i])
	}
	if strings.HasPrefix(s, "#") {
		return hexColor(s[1:])
	}
	low := strings.ToLower(s)
	if open := strings.IndexByte(low, '('); open > 0 && strings.HasSuffix(low, ")") {
		return funcColor(strings.TrimSpace(low[:open]), low[open+1:len(low)-1])
	}
	if low == "transparent" {
		return rgba{a: 0}, true
	}
	if c, ok := namedColors[low]; ok {
		return rgba{Color{uint8(c >> 16), uint8(c >> 8), uint8(c)}, 1}, true
	}
	return rgba{}, false
}

func hexColor(h string) (rgba, bool) {
	var d [8]uint8
	for i := 0; i < len(h); i++ {
		c := h[i]
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return rgba{}, false
		}
		if i < len(d) {
			d[i] = c
		}
	}
	switch len(h) {
	case 3, 4:
		col := rgba{Color{d[0] * 17, d[1] * 17, d[2] * 17}, 1}
		if len(h) == 4 {
			col.a = float64(d[3]*17) / 255
		}
		return col, true
	case 6, 8:
		col := rgba{Color{d[0]<<4 | d[1], d[2]<<4 | d[3], d[4]<<4 | d[5]}, 1}
		if len(h) == 8 {
			col.a = float64(d[6]<<4|d[7]) / 255
		}
		return col, true
	}
	return rgba{}, false
}

// funcColor reads rgb(), rgba(), hsl() and hsla() arguments, with commas ("rgb(255, 0, 0)") or
// with spaces and a slash before the alpha ("rgb(255 0 0 / 50%)").
func funcColor(name, args string) (rgba, bool) {
	var parts []string
	if strings.Contains(args, ",") {
		for _, p := range strings.Split(args, ",") {
			parts = append(parts, strings.TrimSpace(p))
		}
	} else {
		parts = strings.Fields(strings.Replace(args, "/", " / ", 1))
		if len(parts) == 5 && parts[3] == "/" {
			parts = append(parts[:3], parts[4])
		}
	}
	if len(parts) != 3 && len(parts) != 4 {
		return rgba{}, false
	}
	col := rgba{a: 1}
	if len(parts) == 4 {
		a, ok := fraction(parts[3], 1)
		if !ok {
			return rgba{}, false
		}
		col.a = clamp01(a)
	}
	switch name {
	case "rgb", "rgba":
		// The comma syntax takes three numbers or three percentages, never a mix, as browsers
		// and librsvg hold: rgb(10%, 20%, 255) is no colour.
		pct := strings.HasSuffix(parts[0], "%")
		var v [3]float64
		for i := range v {
			if strings.Contains(args, ",") && strings.HasSuffix(parts[i], "%") != pct {
				return rgba{}, false
			}
			x, ok := fraction(parts[i], 255)
			if !ok {
				return rgba{}, false
			}
			v[i] = x
		}
		col.c = Color{channel(v[0]), channel(v[1]), channel(v[2])}
	case "hsl", "hsla":
		h, ok1 := hue(parts[0])
		s, ok2 := fraction(parts[1], 1)
		l, ok3 := fraction(parts[2], 1)
		if !(ok1 && ok2 && ok3) || !strings.HasSuffix(parts[1], "%") || !strings.HasSuffix(parts[2], "%") {
			return rgba{}, false
		}
		col.c = hslColor(h, clamp01(s), clamp01(l))
	default:
		return rgba{}, false
	}
	return col, true
}

// fraction reads a number, or a percentage of full; "50%" of 255 is 127.5.
func fraction(s string, full float64) (float64, bool) {
	sc := scanner{s: s}
	v, ok := sc.number()
	if !ok {
		return 0, false
	}
	switch s[sc.i:] {
	case "%":
		return v / 100 * full, true
	case "":
		return v, true
	}
	return 0, false
}

func hue(s string) (float64, bool) {
	sc := scanner{s: s}
	v, ok := sc.number()
	if !ok {
		return 0, false
	}
	switch s[sc.i:] {
	case "", "deg":
		return v, true
	case "rad":
		return v * 180 / math.Pi, true
	case "turn":
		return v * 360, true
	case "grad":
		return v * 0.9, true
	}
	return 0, false
}

// hslColor is CSS Color 4's HSL to sRGB conversion.
func hslColor(h, s, l float64) Color {
	h = math.Mod(h, 360)
	if h < 0 {
		h += 360
	}
	f := func(n float64) uint8 {
		k := math.Mod(n+h/30, 12)
		a := s * math.Min(l, 1-l)
		return channel(255 * (l - a*math.Max(-1, math.Min(math.Min(k-3, 9-k), 1))))
	}
	return Color{f(0), f(8), f(4)}
}

func channel(v float64) uint8 {
	if !(v > 0) {
		return 0
	}
	if v >= 255 {
		return 255
	}
	return uint8(math.Round(v))
}

func clamp01(v float64) float64 {
	if !(v > 0) {
		return 0
	}
	return math.Min(v, 1)
}

// namedColors are CSS's 147 colour keywords, as 0xRRGGBB.
var namedColors = map[string]uint32{
	"aliceblue": 0xf0f8ff, "antiquewhite": 0xfaebd7, "aqua": 0x00ffff, "aquamarine": 0x7fffd4,
	"azure": 0xf0ffff, "beige": 0xf5f5dc, "bisque": 0xffe4c4, "black": 0x000000,
	"blanchedalmond": 0xffebcd, "blue": 0x0000ff, "blueviolet": 0x8a2be2, "brown": 0xa52a2a,
	"burlywood": 0xdeb887, "cadetblue": 0x5f9ea0, "chartreuse": 0x7fff00, "chocolate": 0xd2691e,
	"coral": 0xff7f50, "cornflowerblue": 0x6495ed, "cornsilk": 0xfff8dc, "crimson": 0xdc143c,
	"cyan": 0x00ffff, "darkblue": 0x00008b, "darkcyan": 0x008b8b, "darkgoldenrod": 0xb8860b,
	"darkgray": 0xa9a9a9, "darkgreen": 0x006400, "darkgrey": 0xa9a9a9, "darkkhaki": 0xbdb76b,
	"darkmagenta": 0x8b008b, "darkolivegreen": 0x556b2f, "darkorange": 0xff8c00, "darkorchid": 0x9932cc,
	"darkred": 0x8b0000, "darksalmon": 0xe9967a, "darkseagreen": 0x8fbc8f, "darkslateblue": 0x483d8b,
	"darkslategray": 0x2f4f4f, "darkslategrey": 0x2f4f4f, "darkturquoise": 0x00ced1, "darkviolet": 0x9400d3,
	"deeppink": 0xff1493, "deepskyblue": 0x00bfff, "dimgray": 0x696969, "dimgrey": 0x696969,
	"dodgerblue": 0x1e90ff, "firebrick": 0xb22222, "floralwhite": 0xfffaf0, "forestgreen": 0x228b22,
	"fuchsia": 0xff00ff, "gainsboro": 0xdcdcdc, "ghostwhite": 0xf8f8ff, "gold": 0xffd700,
	"goldenrod": 0xdaa520, "gray": 0x808080, "grey": 0x808080, "green": 0x008000,
	"greenyellow": 0xadff2f, "honeydew": 0xf0fff0, "hotpink": 0xff69b4, "indianred": 0xcd5c5c,
	"indigo": 0x4b0082, "ivory": 0xfffff0, "khaki": 0xf0e68c, "lavender": 0xe6e6fa,
	"lavenderblush": 0xfff0f5, "lawngreen": 0x7cfc00, "lemonchiffon": 0xfffacd, "lightblue": 0xadd8e6,
	"lightcoral": 0xf08080, "lightcyan": 0xe0ffff, "lightgoldenrodyellow": 0xfafad2, "lightgray": 0xd3d3d3,
	"lightgreen": 0x90ee90, "lightgrey": 0xd3d3d3, "lightpink": 0xffb6c1, "lightsalmon": 0xffa07a,
	"lightseagreen": 0x20b2aa, "lightskyblue": 0x87cefa, "lightslategray": 0x778899, "lightslategrey": 0x778899,
	"lightsteelblue": 0xb0c4de, "lightyellow": 0xffffe0, "lime": 0x00ff00, "limegreen": 0x32cd32,
	"linen": 0xfaf0e6, "magenta": 0xff00ff, "maroon": 0x800000, "mediumaquamarine": 0x66cdaa,
	"mediumblue": 0x0000cd, "mediumorchid": 0xba55d3, "mediumpurple": 0x9370db, "mediumseagreen": 0x3cb371,
	"mediumslateblue": 0x7b68ee, "mediumspringgreen": 0x00fa9a, "mediumturquoise": 0x48d1cc, "mediumvioletred": 0xc71585,
	"midnightblue": 0x191970, "mintcream": 0xf5fffa, "mistyrose": 0xffe4e1, "moccasin": 0xffe4b5,
	"navajowhite": 0xffdead, "navy": 0x000080, "oldlace": 0xfdf5e6, "olive": 0x808000,
	"olivedrab": 0x6b8e23, "orange": 0xffa500, "orangered": 0xff4500, "orchid": 0xda70d6,
	"palegoldenrod": 0xeee8aa, "palegreen": 0x98fb98, "paleturquoise": 0xafeeee, "palevioletred": 0xdb7093,
	"papayawhip": 0xffefd5, "peachpuff": 0xffdab9, "peru": 0xcd853f, "pink": 0xffc0cb,
	"plum": 0xdda0dd, "powderblue": 0xb0e0e6, "purple": 0x800080, "red": 0xff0000,
	"rosybrown": 0xbc8f8f, "royalblue": 0x4169e1, "saddlebrown": 0x8b4513, "salmon": 0xfa8072,
	"sandybrown": 0xf4a460, "seagreen": 0x2e8b57, "seashell": 0xfff5ee, "sienna": 0xa0522d,
	"silver": 0xc0c0c0, "skyblue": 0x87ceeb, "slateblue": 0x6a5acd, "slategray": 0x708090,
	"slategrey": 0x708090, "snow": 0xfffafa, "springgreen": 0x00ff7f, "steelblue": 0x4682b4,
	"tan": 0xd2b48c, "teal": 0x008080, "thistle": 0xd8bfd8, "tomato": 0xff6347,
	"turquoise": 0x40e0d0, "violet": 0xee82ee, "wheat": 0xf5deb3, "white": 0xffffff,
	"whitesmoke": 0xf5f5f5, "yellow": 0xffff00, "yellowgreen": 0x9acd32,
}
