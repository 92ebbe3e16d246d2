package shape

// ignorable reports Unicode's Default_Ignorable_Code_Point characters that text carries: joiners,
// variation selectors, bidi controls, the soft hyphen, tags. They need no glyph, so they never
// decide a face, and Shape removes them after they have done their work.
func ignorable(r rune) bool {
	switch {
	case r == 0x00AD, r == 0x034F, r == 0x061C, r == 0x115F, r == 0x1160, r == 0x3164, r == 0xFEFF, r == 0xFFA0:
		return true
	case 0x17B4 <= r && r <= 0x17B5, 0x180B <= r && r <= 0x180F:
		return true
	case 0x200B <= r && r <= 0x200F, 0x202A <= r && r <= 0x202E, 0x2060 <= r && r <= 0x206F:
		return true
	case 0xFE00 <= r && r <= 0xFE0F, 0xFFF0 <= r && r <= 0xFFF8:
		return true
	case 0x1BCA0 <= r && r <= 0x1BCA3, 0x1D173 <= r && r <= 0x1D17A, 0xE0000 <= r && r <= 0xE0FFF:
		return true
	}
	return false
}
