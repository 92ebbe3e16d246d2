package man

import (
	"fmt"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"

	"bookc/builder/config"
	"bookc/builder/slug"
	"bookc/builder/tree"
)

// Page names are what apropos lists, SEE ALSO lines cite and the header prints twice: PREFIX-STEM
// (mh-node(7)), the prefix from [output.bookc] man-prefix or the book's slug, the stem from the
// chapter's file, with its folder's name before it where files of one name share the book
// (rdp-ffi-intro). They do not depend on the edition, which installs into a tree of its own, nor
// on anything but the book's paths, so that they stay put from build to build.

// narrow is the narrowest terminal a page's header and footer are fitted to, and dateWidth the
// width of the footer's centred date (2026-03-04).
const (
	narrow    = 60
	dateWidth = 10
)

// titleMax is the widest NAME(SECTION) that leaves a space on either side of the footer's date at
// narrow columns: the footer is "SOURCE   DATE   NAME(SECTION)".
const titleMax = (narrow-dateWidth)/2 - 1

// nameMax is the longest page name of a section that the header and footer can hold whole.
func nameMax(section string) int { return titleMax - len(section) - 2 }

// prefix is the first part of every page name: the book's man-prefix, or the initials of its
// slug's words (the-rust-programming-language: trpl), or its one word, at most 12 characters.
func prefix(b *tree.Book) string {
	if b.Settings.ManPrefix != "" {
		return b.Settings.ManPrefix
	}
	words := strings.FieldsFunc(stem(b.Slug), func(r rune) bool { return r == '-' })
	switch len(words) {
	case 0:
		return "book"
	case 1:
		return cut(words[0], config.ManPrefixMax)
	}
	var initials []byte
	for _, w := range words {
		initials = append(initials, w[0])
	}
	return cut(string(initials), config.ManPrefixMax)
}

// chapterStem is what names a chapter's page: its file's stem (a README's or index's folder's)
// and the folders above that, nearest last, which tell chapters of one stem apart. root is the folder of the
// book's chapters: its README is named after the chapter's ID, as is a file listed again (repeat).
// A chapter whose file and ID are not in Latin letters is named after its place in the book (ch12).
func chapterStem(root string, c *tree.Chapter, repeat bool, place int) (s string, folders []string) {
	if c.Source != "" && !repeat {
		dir, file := path.Split(c.Source)
		dir = path.Clean(dir)
		s = strings.TrimSuffix(file, path.Ext(file))
		if strings.EqualFold(s, "readme") || strings.EqualFold(s, "index") {
			s = ""
			if dir != root {
				s, dir = path.Base(dir), path.Dir(dir)
			}
		}
		for ; dir != root && dir != "." && dir != "/"; dir = path.Dir(dir) {
			if f := stem(path.Base(dir)); f != "" { // a folder not in Latin letters tells nothing apart
				folders = append([]string{f}, folders...)
			}
		}
	}
	if s = stem(s); s == "" {
		s = stem(c.ID)
	}
	if s == "" {
		s = "ch" + strconv.Itoa(place)
	}
	return s, folders
}

// qualifiers gives each of a group of chapters of one stem as many of its nearest folders as
// tell the group apart, or all it has.
func qualifiers(folders [][]string) [][]string {
	depth := 0
	for _, f := range folders {
		depth = max(depth, len(f))
	}
	out := make([][]string, len(folders))
	for d := 1; d <= depth; d++ {
		seen, distinct := map[string]bool{}, true
		for i, f := range folders {
			out[i] = f[max(len(f)-d, 0):]
			key := strings.Join(out[i], "/")
			distinct = distinct && !seen[key]
			seen[key] = true
		}
		if distinct {
			break
		}
	}
	return out
}

// groupNames names the chapters of a group that share a stem: with their folders cut to fit; where
// the cut folders no longer tell them apart (copy1/intro.md, copy2/intro.md), with their folders
// whole and their stems cut; and where even that fails, the later ones numbered, in book order.
// Chapters whose folders and stem are alike even uncut (x/Intro.md, x/intro.md) keep one name, for
// the build to report: numbers would hide a clash the author can mend.
func groupNames(names []string, group []int, name func(i int, keepFolders bool, max int) string, max int) {
	distinct := func(keep bool) bool {
		seen := map[string]bool{}
		for _, i := range group {
			names[i] = name(i, keep, max)
			if seen[names[i]] {
				return false
			}
			seen[names[i]] = true
		}
		return true
	}
	if distinct(false) || distinct(true) {
		return
	}
	count, whole := map[string]int{}, map[string]bool{}
	for _, i := range group {
		base, full := name(i, false, max), name(i, true, math.MaxInt/2)
		if whole[full] {
			names[i] = base
			continue
		}
		whole[full] = true
		count[base]++
		if n := count[base]; n > 1 {
			suffix := "-" + strconv.Itoa(n)
			names[i] = name(i, false, max-len(suffix)) + suffix
		} else {
			names[i] = base
		}
	}
}

// joinName is a page name of the prefix, the folders (when chapters share the stem) and the stem,
// at most max characters. The folders give way first, for the stem is what tells readers the
// chapter: the outer ones to their initials, then the whole cut; with keepFolders, the stem.
func joinName(pre string, folders []string, s string, max int, keepFolders bool) string {
	if q := strings.Join(folders, "-"); keepFolders && q != "" {
		if room := max - len(pre) - len(q) - 2; room > 0 {
			return pre + "-" + q + "-" + cut(s, room)
		}
	}
	room := max - len(pre) - len(s) - 2
	q := slices.Clone(folders)
	for i := 0; i < len(q)-1 && len(strings.Join(q, "-")) > room; i++ {
		q[i] = q[i][:1]
	}
	if len(q) > 0 && room > 0 {
		return pre + "-" + cut(strings.Join(q, "-"), room) + "-" + s
	}
	return slug.Cut(pre+"-"+s, max)
}

// stem lowers s to the characters page names use: letters and digits, words joined by one '-';
// "" for a name with letters beyond ASCII, which would lose them.
func stem(s string) string {
	if sl, lossy := slug.ASCII(s); !lossy {
		return sl
	}
	return ""
}

func cut(s string, n int) string {
	if len(s) > n {
		return strings.TrimRight(s[:n], "-")
	}
	return s
}

// sourceRoot is the folder that holds every chapter file of the book (its src folder).
func sourceRoot(cs []*tree.Chapter) string {
	root, first := "", true
	for _, c := range cs {
		if c.Source == "" {
			continue
		}
		dir := path.Dir(c.Source)
		if first {
			root, first = dir, false
		}
		for root != "." && root != "/" && dir != root && !strings.HasPrefix(dir, root+"/") {
			root = path.Dir(root)
		}
	}
	return root
}

// collision is the error for two pages of one name: a manual has one page per name.
func collision(name pageName, a, b string) error {
	return fmt.Errorf("man page %s(%s) would be both %s and %s: give one of them a name of its own "+
		"in book.toml's [output.bookc.man-pages] (\"path.md\" = \"name(%s)\"), or rename its file",
		name.name, name.section, a, b, name.section)
}

// what names a chapter in a diagnostic: its file and title.
func what(c *tree.Chapter) string {
	if c.Source == "" {
		return fmt.Sprintf("chapter %q", c.Title)
	}
	return fmt.Sprintf("%s (chapter %q)", c.Source, c.Title)
}
