package html

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/bidi"

	"bookc/builder/tree"
)

// Languages and directions. A passage's language (tree.Lang) is written as lang and xml:lang, and
// its direction as dir. A paragraph, heading, list item or table cell that says no direction of its
// own gets dir from its first strong character: dir="rtl" for Arabic or Hebrew, and dir="ltr" for
// English in a right-to-left book or passage. Readers then align it and order its runs as the bidi
// algorithm does for a paragraph of that direction.

// firstStrong is the direction of the first strongly directional character of the content, "ltr"
// or "rtl" (Unicode bidi classes L, and R or AL), or "" when there is none. A passage that says its
// direction counts as that direction; code, which is in its programming language, does not count.
func firstStrong(is tree.Inlines) string {
	for _, in := range is {
		d := ""
		switch n := in.(type) {
		case *tree.Text:
			d = strongIn(n.Text)
		case *tree.RawHTML:
			d = strongIn(n.Text)
		case *tree.Lang:
			d = n.Dir
			if d != "ltr" && d != "rtl" {
				d = firstStrong(n.Content)
			}
		case *tree.Emphasis:
			d = firstStrong(n.Content)
		case *tree.Strong:
			d = firstStrong(n.Content)
		case *tree.Strikethrough:
			d = firstStrong(n.Content)
		case *tree.Styled:
			d = firstStrong(n.Content)
		case *tree.Link:
			d = firstStrong(n.Content)
		case *tree.XRef:
			d = firstStrong(n.Content)
		}
		if d != "" {
			return d
		}
	}
	return ""
}

// strongIn is the direction of the first strong character of s.
func strongIn(s string) string {
	for i := 0; i < len(s); {
		p, size := bidi.LookupString(s[i:])
		if size == 0 {
			_, size = utf8.DecodeRuneInString(s[i:])
		}
		switch p.Class() {
		case bidi.L:
			return "ltr"
		case bidi.R, bidi.AL:
			return "rtl"
		}
		i += size
	}
	return ""
}

// blocksStrong is the first strong direction of the inline content in blocks, in reading order.
func blocksStrong(bs tree.Blocks) string {
	d := ""
	tree.WalkBlocks(bs, func(b tree.Block) {
		if d != "" {
			return
		}
		for is := range tree.InlinesOf(b) {
			if d = firstStrong(is); d != "" {
				return
			}
		}
	})
	return d
}

// soleLang is the passage that is the whole of the content, nil when there is none: its language
// and direction then go on the element that holds it.
func soleLang(is tree.Inlines) *tree.Lang {
	if len(is) == 1 {
		if l, ok := is[0].(*tree.Lang); ok {
			return l
		}
	}
	return nil
}

// langAttrs are the attributes of a passage's language and direction.
func langAttrs(lang, dir string) []string {
	return []string{"lang", lang, "xml:lang", lang, "dir", dir}
}

// blockDir decides the direction attribute of a block element: the one it says, else the direction
// of its first strong character when that is right to left, or left to right inside text that runs
// right to left. Content that runs right to left thus always says so, even where the text around it
// does too, and the style sheet can set indents, bullets and rules on the right. It returns the
// attribute's value ("" for none) and the direction of the element's content.
func (w *writer) blockDir(said string, strong func() string) (attr, inner string) {
	switch said {
	case "ltr", "rtl":
		return said, said
	case "auto":
		if d := strong(); d != "" {
			return said, d
		}
		return said, w.direction()
	}
	if d := strong(); d == "rtl" || d == "ltr" && w.direction() == "rtl" {
		return d, d
	}
	return "", w.direction()
}

// direction is the direction of the text being written.
func (w *writer) direction() string {
	if w.dir == "" {
		return "ltr"
	}
	return w.dir
}

// inlineBlock starts an element of inline content (a paragraph, heading, or table cell) with its
// language and direction, writes lead (when not nil) and the content, and ends it. attrs are the
// element's other attributes.
func (w *writer) inlineBlock(name string, content tree.Inlines, lead func(), attrs ...string) {
	lang, said := "", ""
	if l := soleLang(content); l != nil {
		lang, said, content = l.Lang, l.Dir, l.Content
	}
	dir, inner := w.blockDir(said, func() string { return firstStrong(content) })
	w.x.Start(name, append(attrs, langAttrs(lang, dir)...)...)
	saved := w.dir
	w.dir = inner
	if lead != nil {
		lead()
	}
	w.inlines(content)
	w.dir = saved
	w.x.End(name)
}

// boxStart starts an element of blocks (a list, list item, quote, aside, details block or table
// cell of blocks) with the direction of its content, and returns the function that ends it.
func (w *writer) boxStart(name string, bs tree.Blocks, attrs ...string) (end func()) {
	dir, inner := w.blockDir("", func() string { return blocksStrong(bs) })
	w.x.Start(name, append(attrs, "dir", dir)...)
	saved := w.dir
	w.dir = inner
	return func() {
		w.dir = saved
		w.x.End(name)
	}
}

// spanLang writes a passage inside a line.
func (w *writer) spanLang(l *tree.Lang) {
	dir := l.Dir
	if dir != "ltr" && dir != "rtl" && dir != "auto" {
		dir = ""
	}
	w.x.Start("span", langAttrs(l.Lang, dir)...)
	w.inlines(l.Content)
	w.x.End("span")
}

// rtlScripts are the scripts written from right to left, as ISO 15924 names them.
var rtlScripts = map[string]bool{
	"adlm": true, "arab": true, "aran": true, "armi": true, "avst": true, "cprt": true, "hebr": true,
	"khar": true, "lydi": true, "mand": true, "mani": true, "mend": true, "nbat": true, "nkoo": true,
	"orkh": true, "palm": true, "phli": true, "phlp": true, "phnx": true, "prti": true, "rohg": true,
	"samr": true, "sarb": true, "sogd": true, "sogo": true, "syrc": true, "thaa": true, "yezi": true,
}

// rtlLanguages are languages written from right to left unless their tag names another script.
var rtlLanguages = map[string]bool{
	"ar": true, "arc": true, "ckb": true, "dv": true, "fa": true, "he": true, "iw": true, "ji": true,
	"ks": true, "lrc": true, "mzn": true, "nqo": true, "pnb": true, "ps": true, "sd": true, "syr": true,
	"ug": true, "ur": true, "yi": true,
}

// RightToLeft reports whether text in the language of a BCP 47 tag runs from right to left: its
// script subtag says so, or with none, its language is one written in a right-to-left script.
func RightToLeft(tag string) bool {
	subs := strings.Split(strings.ToLower(tag), "-")
	for _, s := range subs[1:] {
		if len(s) == 4 && s[0] >= 'a' && s[0] <= 'z' {
			return rtlScripts[s]
		}
		if len(s) == 1 { // an extension or private use: no script follows
			break
		}
	}
	return rtlLanguages[subs[0]]
}
