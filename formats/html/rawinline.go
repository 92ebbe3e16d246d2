package html

import (
	"slices"
	"strings"

	nethtml "golang.org/x/net/html"

	"bookc/builder/tree"
)

// rawHTML writes a piece of inline HTML. Inline HTML arrives tag by tag (`<kbd>`, text, `</kbd>`), so
// open tags are kept on the container's stack and closed at its end.
func (w *writer) rawHTML(r *tree.RawHTML) {
	z := nethtml.NewTokenizer(strings.NewReader(r.HTML))
	var lost []string
	for {
		tt := z.Next()
		switch tt {
		case nethtml.ErrorToken:
			w.lost(lost)
			return
		case nethtml.TextToken:
			w.x.Text(string(z.Text()))
		case nethtml.StartTagToken, nethtml.SelfClosingTagToken:
			tok := z.Token()
			name := tok.Data
			if modern, ok := legacy[name]; ok {
				name = modern
			}
			e, ok := elements[name]
			switch {
			case name == "img":
				w.rawImage(tok.Attr)
			case !ok || !e.phrasing:
				lost = append(lost, name)
			case name == "a" && (w.inLink > 0 || !hasExternalHref(tok.Attr)):
				// a nested or internal link: its text stays, the anchor goes
			case e.content == none:
				w.x.Empty(name, attrs(name, e, tok.Attr)...)
			case tt == nethtml.SelfClosingTagToken:
				w.x.Start(name, attrs(name, e, tok.Attr)...)
				w.x.End(name)
			default:
				w.x.Start(name, attrs(name, e, tok.Attr)...)
				w.rawInline = append(w.rawInline, name)
				if name == "a" {
					w.inLink++
				}
			}
		case nethtml.EndTagToken:
			tag, _ := z.TagName()
			name := string(tag)
			if modern, ok := legacy[name]; ok {
				name = modern
			}
			if i := lastIndex(w.rawInline, name); i >= 0 {
				w.closeRawInlines(i)
			}
		}
	}
}

// lastIndex returns the index of the last v in s, or -1: end tags close the innermost element.
func lastIndex(s []string, v string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == v {
			return i
		}
	}
	return -1
}

func hasExternalHref(as []nethtml.Attribute) bool {
	for _, a := range as {
		if a.Key == "href" && externalURL(a.Val) {
			return true
		}
	}
	return false
}

// closeRawInlines closes the open raw inline elements from the innermost down to index i.
func (w *writer) closeRawInlines(i int) {
	for len(w.rawInline) > i {
		name := w.rawInline[len(w.rawInline)-1]
		w.rawInline = w.rawInline[:len(w.rawInline)-1]
		w.x.End(name)
		if name == "a" {
			w.inLink--
		}
	}
}

// rawImage writes an <img> the builder could not turn into an image node, one inside other HTML:
// bookc packages only the images it has read, so the alt text stands in its place.
func (w *writer) rawImage(as []nethtml.Attribute) {
	var src, alt string
	for _, a := range as {
		switch a.Key {
		case "src":
			src = a.Val
		case "alt":
			alt = a.Val
		}
	}
	w.warnf("raw HTML <img src=%q> inside other HTML shows its alt text in the EPUB: bookc packages the images of Markdown and of an <img> on its own line (write ![%s](%s))", src, alt, src)
	w.image(&tree.Image{Src: src, Alt: alt})
}

// lost reports raw HTML elements whose tags could not be kept.
func (w *writer) lost(names []string) {
	if len(names) == 0 {
		return
	}
	slices.Sort(names)
	names = slices.Compact(names)
	w.warnf("raw HTML <%s> has no place in the EPUB: kept its text only (use Markdown, or an element such as <span>, <kbd>, <div>, <details>)", strings.Join(names, ">, <"))
}
