package markdown

import (
	"strings"

	nethtml "golang.org/x/net/html"

	"bookc/builder/diag"
	"bookc/builder/tree"
)

// A raw HTML element's lang and dir attributes say what language its text is in and which way it
// runs. The tree carries them as tree.Lang around inline content: an inline element's own content,
// and the whole content of each paragraph, heading, cell, term or caption inside a block element.

// passage is the language and direction an element gives its content; the zero passage gives none.
type passage struct{ lang, dir string }

func (p passage) none() bool { return p.lang == "" && p.dir == "" }

// hasPassage reports whether an element carries a lang or dir attribute, valid or not.
func hasPassage(attrs []nethtml.Attribute) bool {
	for _, a := range attrs {
		if a.Namespace == "" && (a.Key == "lang" || a.Key == "dir") {
			return true
		}
	}
	return false
}

// passageOf reads a closed element's lang and dir. A value that is no language tag or direction is
// reported, once a chapter for each value, and left out; lang="" (an unknown language) says nothing.
func (c *converter) passageOf(f *frame) passage {
	if !hasPassage(f.attrs) {
		return passage{}
	}
	var p passage
	if v := strings.TrimSpace(attr(f.attrs, "lang")); v != "" {
		if tree.ValidLang(v) {
			p.lang = v
		} else {
			c.badAttr(f, "lang", v, `a BCP 47 language tag such as "ja", "he" or "pt-BR"`)
		}
	}
	if v := strings.ToLower(strings.TrimSpace(attr(f.attrs, "dir"))); v != "" {
		if v == "ltr" || v == "rtl" || v == "auto" {
			p.dir = v
		} else {
			c.badAttr(f, "dir", v, `"ltr", "rtl" or "auto"`)
		}
	}
	return p
}

func (c *converter) badAttr(f *frame, key, v, want string) {
	if id := key + "=" + v; !c.reported[id] {
		c.reported[id] = true
		c.res.Diags.Add(diag.Warnf(f.at.File, f.at.Line, "%s=%q of raw HTML <%s> is ignored: it is not %s", key, v, f.name, want))
	}
}

// withLang reads a start tag with lang or dir: an element that passes its content through (span,
// div, an unknown element) gathers it instead, so that the attributes have content to hold. In
// inline content, or for phrasing elements, it gathers inline content; else blocks.
func withLang(e elem, attrs []nethtml.Attribute, inline bool) elem {
	if (e.kind != kWrap && e.kind != kFlat) || !hasPassage(attrs) {
		return e
	}
	if e.phrasing || inline {
		return elem{kInline, true}
	}
	return elem{kBox, false}
}

// passes reports whether an element has no meaning of its own, even when its attributes made it
// gather its content: its content stands as it is.
func passes(name string, attrs []nethtml.Attribute) bool {
	k := classify(name, attrs).kind
	return k == kWrap || k == kFlat
}

// inlines puts content in the passage. Content that is one Lang already keeps its own values and
// takes the passage's where it has none, so nested passages do not nest Langs.
func (p passage) inlines(is tree.Inlines) tree.Inlines {
	if p.none() || len(is) == 0 {
		return is
	}
	if len(is) == 1 {
		if l, ok := is[0].(*tree.Lang); ok {
			if l.Lang == "" {
				l.Lang = p.lang
			}
			if l.Dir == "" {
				l.Dir = p.dir
			}
			return is
		}
	}
	return tree.Inlines{&tree.Lang{Lang: p.lang, Dir: p.dir, Content: is}}
}

// blocks puts the inline content of every block in bs, and of the blocks inside them, in the
// passage. Code keeps no language: it is in its programming language.
func (p passage) blocks(bs tree.Blocks) {
	if p.none() {
		return
	}
	tree.WalkBlocks(bs, func(b tree.Block) {
		switch n := b.(type) {
		case *tree.Heading:
			n.Content = p.inlines(n.Content)
		case *tree.Paragraph:
			n.Content = p.inlines(n.Content)
		case *tree.Figure:
			n.Caption = p.inlines(n.Caption)
		case *tree.Details:
			n.Summary = p.inlines(n.Summary)
		case *tree.DefinitionList:
			for _, d := range n.Items {
				d.Term = p.inlines(d.Term)
			}
		case *tree.Table:
			for i, c := range n.Header {
				n.Header[i] = p.inlines(c)
			}
			for _, r := range n.Rows {
				for i, c := range r {
					r[i] = p.inlines(c)
				}
			}
		}
	})
}
