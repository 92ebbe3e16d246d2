package man

import (
	"strings"
	"unicode/utf8"
)

// The header prints NAME(SECTION), the manual's name centred, NAME(SECTION) again; the footer
// the source, the date centred, NAME(SECTION). groff sets them as three-part titles that overlap
// when too wide, and mandoc drops parts. So the texts are chosen to fit narrow columns: the
// longest of a few spellings that leaves a space between the parts, or none.

// manual is the header's centre text: the book and its edition, as wide as fits beside title.
func (bk *book) manual(title string) string {
	t, short := bk.title(), shortTitle(bk.title())
	options := []string{t, short}
	if ed := bk.Edition.Title; ed != "" {
		options = []string{t + " (" + ed + ")", short + " (" + ed + ")", t, short}
	}
	return widest(options, narrow-2*width(title)-4)
}

// source is the footer's left text: the edition, or the full book's title, as wide as fits
// before the centred date. A role's edition is named there, where it always has room, rather
// than in the centre, where a long page name leaves none.
func (bk *book) source() string {
	options := []string{bk.title(), shortTitle(bk.title())}
	if ed := bk.Edition.Title; ed != "" {
		options = []string{shortTitle(bk.title()) + ", " + ed, ed}
	}
	return widest(options, (narrow-dateWidth)/2-1)
}

// widest is the first option of at most max characters, or "".
func widest(options []string, max int) string {
	for _, o := range options {
		if width(o) <= max {
			return o
		}
	}
	return ""
}

// shortTitle drops a leading article: "Metropolis Handbook".
func shortTitle(t string) string {
	for _, a := range []string{"The ", "A ", "An "} {
		if rest, ok := strings.CutPrefix(t, a); ok && rest != "" {
			return rest
		}
	}
	return t
}

func width(s string) int { return utf8.RuneCountInString(s) }
