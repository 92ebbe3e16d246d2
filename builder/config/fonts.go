package config

import (
	"fmt"
	"path"
	"slices"
	"strings"
)

// Fonts are the font files a book names for its text, its code and its headings, each in
// regular, bold, italic and bold italic ("" where it names none: bookc's own face), and the
// fallbacks to try, in order, before the system's fonts. Paths are relative to the book's folder.
type Fonts struct {
	Text, Mono, Headings [4]string
	Fallback             []string
}

// Styles names a family's four faces, in the order of Fonts' arrays.
var Styles = [4]string{"regular", "bold", "italic", "bold-italic"}

// Any reports whether the book names a font at all.
func (f Fonts) Any() bool {
	return len(f.Fallback) > 0 || f.Text != [4]string{} || f.Mono != [4]string{} || f.Headings != [4]string{}
}

// fontsTable is [output.bookc.fonts] as TOML has it: text, mono and headings each one file (for
// every style) or a table of the four styles; fallback a list of files.
type fontsTable struct {
	Text     any      `toml:"text"`
	Mono     any      `toml:"mono"`
	Headings any      `toml:"headings"`
	Fallback []string `toml:"fallback"`
}

func (t fontsTable) read() (Fonts, error) {
	var f Fonts
	for _, fam := range []struct {
		key string
		v   any
		out *[4]string
	}{{"text", t.Text, &f.Text}, {"mono", t.Mono, &f.Mono}, {"headings", t.Headings, &f.Headings}} {
		switch v := fam.v.(type) {
		case nil:
		case string:
			if err := fontPath(fam.key, v); err != nil {
				return f, err
			}
			*fam.out = [4]string{v, v, v, v}
		case map[string]any:
			for k, p := range v {
				i := slices.Index(Styles[:], k)
				s, ok := p.(string)
				if i < 0 || !ok {
					return f, fmt.Errorf("%s: %s = %v: give one font file, or a table of %s (font files)", fam.key, k, p, strings.Join(Styles[:], ", "))
				}
				if err := fontPath(fam.key+"."+k, s); err != nil {
					return f, err
				}
				fam.out[i] = s
			}
			if fam.out[0] == "" {
				return f, fmt.Errorf("%s: name the regular face: the others fall back to it", fam.key)
			}
			for i := range fam.out {
				if fam.out[i] == "" {
					fam.out[i] = fam.out[0]
				}
			}
		default:
			return f, fmt.Errorf("%s = %v: give one font file, or a table of %s", fam.key, v, strings.Join(Styles[:], ", "))
		}
	}
	for _, p := range t.Fallback {
		if err := fontPath("fallback", p); err != nil {
			return f, err
		}
	}
	f.Fallback = t.Fallback
	return f, nil
}

func fontPath(key, p string) error {
	if p == "" || path.IsAbs(p) || strings.Contains(p, "://") {
		return fmt.Errorf("%s = %q: give the font file's path relative to the book's folder, such as \"fonts/MyFace-Regular.ttf\"", key, p)
	}
	return nil
}
