package html

import (
	"net/url"
	"strconv"
	"strings"

	"bookc/builder/tree"
)

// inlines writes inline content as one container: raw HTML elements opened inside it are closed at
// its end, and closing tags of elements opened outside it are dropped, so the markup always nests.
func (w *writer) inlines(is tree.Inlines) {
	saved := w.rawInline
	w.rawInline = nil
	for _, in := range is {
		w.inline(in)
	}
	w.closeRawInlines(0)
	w.rawInline = saved
}

func (w *writer) inline(in tree.Inline) {
	switch n := in.(type) {
	case *tree.Text:
		w.x.Text(n.Text)
	case *tree.Emphasis:
		w.wrap("em", n.Content)
	case *tree.Strong:
		w.wrap("strong", n.Content)
	case *tree.Strikethrough:
		w.wrap("del", n.Content)
	case *tree.Code:
		w.x.Element("code", n.Text)
	case *tree.Link:
		w.link(linkURL(n.URL), n.Title, n.Content)
	case *tree.XRef:
		w.link(w.opt.Href(n), "", n.Content)
	case *tree.Image:
		w.image(n)
	case *tree.FootnoteRef:
		w.footnoteRef(n)
	case *tree.LineBreak:
		w.x.Empty("br")
	case *tree.RawHTML:
		w.rawHTML(n)
	case *tree.Styled:
		w.wrap(styledElements[n.Kind], n.Content)
	case *tree.Anchor:
		w.anchor(n)
	case *tree.Lang:
		w.spanLang(n)
	}
}

var styledElements = map[tree.StyleKind]string{tree.Superscript: "sup", tree.Subscript: "sub", tree.Keyboard: "kbd"}

func (w *writer) wrap(name string, content tree.Inlines) {
	w.x.Start(name)
	w.inlines(content)
	w.x.End(name)
}

// link writes an anchor, or only its content inside another link, where anchors must not nest.
func (w *writer) link(href, title string, content tree.Inlines) {
	if w.inLink > 0 || href == "" {
		w.inlines(content)
		return
	}
	w.inLink++
	w.x.Start("a", "href", href, "title", title)
	w.inlines(content)
	w.x.End("a")
	w.inLink--
}

// image writes an image, or its alt text when it has no file or a file the package cannot carry
// (ImageSrc returns "" for those, and the backend says why).
func (w *writer) image(img *tree.Image) {
	if img.Asset == nil {
		w.altText(img) // the builder has said, with file and line, why there is no file
		return
	}
	src := w.opt.ImageSrc(img.Asset)
	if src == "" {
		w.altText(img)
		return
	}
	w.x.Empty("img", "src", src, "alt", img.Alt, "title", img.Title, "style", widthStyle(img.Width))
}

// widthStyle is the CSS of the width the source asked an image to have.
func widthStyle(wd tree.Width) string {
	switch {
	case wd.Fraction > 0:
		return "width: " + strconv.FormatFloat(wd.Fraction*100, 'f', -1, 64) + "%"
	case wd.Px > 0:
		return "width: " + strconv.FormatFloat(wd.Px, 'f', -1, 64) + "px; max-width: 100%"
	}
	return ""
}

// altText writes the alt text in an image's place.
func (w *writer) altText(img *tree.Image) {
	alt := img.Alt
	if alt == "" {
		alt = "[" + img.Src + "]"
	}
	w.x.Element("span", alt, "class", "image-missing")
}

// footnoteRef writes a noteref link; the first reference to a footnote carries the id its back link
// points at.
func (w *writer) footnoteRef(r *tree.FootnoteRef) {
	num := strconv.Itoa(r.Number)
	if !w.notes[r.ID] { // not this chapter's footnote: a link would go nowhere
		w.x.Element("sup", num, "class", "footnote-ref")
		return
	}
	id := ""
	if !w.refs[r.ID] {
		id = w.opt.IDs.Ref(r.ID)
		w.refs[r.ID] = true
	}
	w.x.Start("sup", "class", "footnote-ref")
	if w.inLink > 0 {
		w.x.Element("span", num, "id", id)
	} else {
		w.x.Element("a", num, "epub:type", "noteref", "role", "doc-noteref", "href", "#"+w.opt.IDs.Get(r.ID), "id", id)
	}
	w.x.End("sup")
}

// linkURL percent-encodes what may not stand in a URI (spaces, non-ASCII, brackets), so that a link
// written loosely in the source still validates. It returns "" for a URL that cannot be parsed.
func linkURL(s string) string {
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`"<>\^`+"`{|}", c) >= 0 {
			sb.WriteString("%" + strings.ToUpper(strconv.FormatInt(int64(c)|0x100, 16)[1:]))
			continue
		}
		sb.WriteByte(c)
	}
	u := sb.String()
	if _, err := url.Parse(u); err != nil {
		return ""
	}
	return u
}
