package layout

import (
	"strconv"
	"strings"

	"bookc/builder/diag"
	"bookc/builder/tree"
	"bookc/formats/pdf/tags"
)

// run is inline text in one style, the unit between tree and line breaking.
type run struct {
	st   *style
	text string
	note string      // the footnote a mark refers to
	brk  bool        // a hard line break
	img  *tree.Asset // an image set in the line, as tall as the text
	size tree.Width  // how wide the source asks img to be: it may be narrower than the text's height makes it
	dest string      // a link target that stands here (an HTML id)
	from string      // for a word: the run's text it is a part of, from byte at, which its lines show (room.keepFrom)
	at   int
}

// runs flattens inline nodes into styled runs.
func (l *lay) runs(is tree.Inlines, st style, out []run) []run {
	for _, in := range is {
		switch n := in.(type) {
		case *tree.Text:
			out = append(out, run{st: &st, text: n.Text})
		case *tree.RawHTML:
			out = append(out, run{st: &st, text: n.Text})
		case *tree.Emphasis:
			out = l.runs(n.Content, st.with(func(s *style) { s.font = italic(s.font) }), out)
		case *tree.Strong:
			out = l.runs(n.Content, st.with(func(s *style) { s.font = bold(s.font) }), out)
		case *tree.Strikethrough:
			out = l.runs(n.Content, st.with(func(s *style) { s.strike = true }), out)
		case *tree.Code:
			cs := st.with(func(s *style) {
				s.font, s.size, s.code = mono(s.font), s.size*0.9, true
				if s.url == "" && s.dest == "" {
					s.color = l.ink.code
				}
			})
			out = append(out, run{st: &cs, text: n.Text})
		case *tree.Link:
			text := tree.PlainText(n.Content)
			ls := st.with(func(s *style) {
				s.url, s.color = n.URL, l.ink.link
				s.link = linkNode(text, n.URL)
				s.code = s.code || strings.Contains(text, "://") || strings.Contains(text, "@") || text == n.URL
			})
			out = l.runs(n.Content, ls, out)
		case *tree.XRef:
			dest := xrefDest(n.Chapter, n.Anchor)
			xs := st.with(func(s *style) { s.dest, s.color, s.link = dest, l.ink.link, linkNode(tree.PlainText(n.Content), "") })
			out = l.runs(n.Content, xs, out)
			ref := xs.with(func(s *style) { s.ref = dest })
			out = append(out, run{st: &xs, text: ", p.\u00a0"}, run{st: &ref, text: l.pageRef(dest)})
		case *tree.Image:
			if canDraw(n.Asset) {
				fs := st.with(func(s *style) { s.figure = figureNode(n, nil) })
				out = append(out, run{st: &fs, img: n.Asset, size: n.Width})
				continue
			}
			is := st.with(func(s *style) { s.font = italic(s.font) })
			out = append(out, run{st: &is, text: n.Alt})
			if n.Asset != nil { // a missing or remote image the builder has reported
				file, line := n.At(l.source())
				l.diags.Add(diag.Notef(file, line, "inline image %s is shown as its alt text in the PDF, which cannot show %s", n.Src, n.Asset.MediaType))
			}
		case *tree.FootnoteRef:
			fs := st.with(func(s *style) {
				s.size, s.rise, s.dest, s.color, s.code = s.size*0.62, s.size*0.38, footnoteDest(n.ID), l.ink.link, true
				s.link = linkNode("note "+strconv.Itoa(n.Number), "")
			})
			out = append(out, run{st: &fs, text: strconv.Itoa(n.Number), note: n.ID})
		case *tree.LineBreak:
			out = append(out, run{st: &st, brk: true})
		case *tree.Anchor:
			out = append(out, run{st: &st, dest: headingDest(n.ID)})
		case *tree.Styled:
			out = l.runs(n.Content, st.with(styledWith(n.Kind)), out)
		case *tree.Lang:
			ls := st
			if n.Lang != "" && n.Lang != l.book.Language {
				ls = st.with(func(s *style) {
					// its hyphenation, and a Span with /Lang for a reader's voice (PDF/UA 7.2)
					s.lang, s.span, s.inLink = n.Lang, tags.InLanguage(tags.Span, n.Lang), s.link != nil
				})
			}
			out = l.runs(n.Content, ls, out)
		}
	}
	return out
}

// linkNode is the structure element of a link, described for its annotation (PDF/UA asks each
// link a /Contents) by its text, and its address where that is not the text.
func linkNode(text, url string) *tags.Node {
	if url != "" && url != text {
		text = strings.TrimSpace(text + " (" + url + ")")
	}
	return tags.Described(tags.Link, text)
}

// styledWith sets superscripts raised and subscripts lowered, both smaller, and keys in bold mono.
func styledWith(k tree.StyleKind) func(*style) {
	return func(s *style) {
		switch k {
		case tree.Superscript:
			s.rise, s.size = s.rise+s.size*0.33, s.size*0.7
		case tree.Subscript:
			s.rise, s.size = s.rise-s.size*0.12, s.size*0.7
		case tree.Keyboard:
			s.font, s.size, s.code = bold(mono(s.font)), s.size*0.9, true
		}
	}
}
