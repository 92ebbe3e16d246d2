package markdown

import (
	"strconv"
	"strings"

	nethtml "golang.org/x/net/html"

	"bookc/builder/diag"
	"bookc/builder/tree"
)

// kind is what an HTML element of the source becomes in the tree.
type kind int

const (
	kWrap    kind = iota // no meaning of its own: its content stands where it is (span, div, center)
	kFlat                // a meaning no format here carries: kept as its text, and reported (u, marquee)
	kDrop                // left out with its content: code, styling or media (script, svg, video)
	kInline              // inline markup: b, i, code, s, sup, sub, kbd, a href
	kText                // a block of inline content: p, h1-h6, summary, dt, figcaption, caption
	kBox                 // a block of blocks: blockquote, details, figure, div.warning, li, dd, td, th
	kPre                 // preformatted text: a code block
	kList                // ul, ol: li
	kDefs                // dl: dt, dd
	kTable               // table
	kSection             // thead, tbody, tfoot
	kRow                 // tr: td, th
	kVoid                // no content and no end tag: br, img, hr, wbr
)

// elem is how the converter treats an element: its kind, and whether it is phrasing content,
// which a Markdown block after it ends (an unclosed <b> or <span> does not swallow the next
// paragraph; an unclosed <div> does).
type elem struct {
	kind     kind
	phrasing bool
}

var elems = map[string]elem{
	"b": {kInline, true}, "strong": {kInline, true}, "i": {kInline, true}, "em": {kInline, true},
	"cite": {kInline, true}, "dfn": {kInline, true}, "var": {kInline, true},
	"s": {kInline, true}, "del": {kInline, true}, "strike": {kInline, true},
	"code": {kInline, true}, "tt": {kInline, true}, "samp": {kInline, true},
	"sup": {kInline, true}, "sub": {kInline, true}, "kbd": {kInline, true},

	"span": {kWrap, true}, "nobr": {kWrap, true}, "bdi": {kWrap, true}, "bdo": {kWrap, true},
	"time": {kWrap, true}, "data": {kWrap, true}, "picture": {kWrap, true},
	"font": {kFlat, true}, "small": {kFlat, true}, "big": {kFlat, true}, "abbr": {kFlat, true},
	"acronym": {kFlat, true}, "u": {kFlat, true}, "ins": {kFlat, true}, "mark": {kFlat, true},
	"q": {kFlat, true}, "label": {kFlat, true}, "blink": {kFlat, true}, "button": {kFlat, true},

	"div": {kWrap, false}, "center": {kWrap, false}, "section": {kWrap, false}, "article": {kWrap, false},
	"main": {kWrap, false}, "header": {kWrap, false}, "footer": {kWrap, false}, "nav": {kWrap, false},
	"aside": {kWrap, false}, "address": {kWrap, false}, "hgroup": {kWrap, false}, "search": {kWrap, false},
	"body": {kWrap, false}, "html": {kWrap, false},

	"script": {kDrop, false}, "style": {kDrop, false}, "template": {kDrop, false}, "head": {kDrop, false},
	"title": {kDrop, false}, "noscript": {kDrop, false}, "iframe": {kDrop, false}, "object": {kDrop, false},
	"video": {kDrop, false}, "audio": {kDrop, false}, "canvas": {kDrop, false}, "svg": {kDrop, false},
	"math": {kDrop, false}, "textarea": {kDrop, false}, "select": {kDrop, false},

	"p": {kText, false}, "h1": {kText, false}, "h2": {kText, false}, "h3": {kText, false},
	"h4": {kText, false}, "h5": {kText, false}, "h6": {kText, false}, "summary": {kText, false},
	"dt": {kText, false}, "figcaption": {kText, false}, "caption": {kText, false},

	"blockquote": {kBox, false}, "details": {kBox, false}, "figure": {kBox, false},
	"li": {kBox, false}, "dd": {kBox, false}, "td": {kBox, false}, "th": {kBox, false},

	"pre": {kPre, false}, "ul": {kList, false}, "ol": {kList, false}, "dl": {kDefs, false},
	"table": {kTable, false}, "thead": {kSection, false}, "tbody": {kSection, false},
	"tfoot": {kSection, false}, "tr": {kRow, false},

	"br": {kVoid, true}, "img": {kVoid, true}, "wbr": {kVoid, true}, "hr": {kVoid, false},
	"source": {kVoid, true}, "track": {kVoid, true}, "area": {kVoid, true}, "col": {kVoid, false},
	"colgroup": {kVoid, false}, "param": {kVoid, true}, "link": {kVoid, true}, "meta": {kVoid, true},
	"base": {kVoid, true}, "embed": {kVoid, true}, "input": {kVoid, true},
}

// quietDrops are left out without a word: they are invisible in mdBook's HTML too.
var quietDrops = map[string]bool{
	"script": true, "style": true, "template": true, "head": true, "title": true, "noscript": true,
	"source": true, "track": true, "area": true, "col": true, "colgroup": true, "param": true,
	"link": true, "meta": true, "base": true, "wbr": true,
}

// classify looks an element up; an unknown element is kept as its text. Two depend on attributes:
// mdBook's <div class="warning"> is an admonition, and an <a> without href only a link target.
func classify(name string, attrs []nethtml.Attribute) elem {
	switch {
	case name == "div" && hasClass(attrs, "warning"):
		return elem{kBox, false}
	case name == "a" && attr(attrs, "href") != "":
		return elem{kInline, true}
	case name == "a":
		return elem{kWrap, true}
	}
	if e, ok := elems[name]; ok {
		return e
	}
	return elem{kFlat, false}
}

func attr(attrs []nethtml.Attribute, key string) string {
	for _, a := range attrs {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(attrs []nethtml.Attribute, class string) bool {
	for _, c := range strings.Fields(attr(attrs, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

// anchorID is the link target an element names: its id, or an <a>'s name.
func anchorID(name string, attrs []nethtml.Attribute) string {
	id := strings.TrimSpace(attr(attrs, "id"))
	if id == "" && name == "a" {
		id = strings.TrimSpace(attr(attrs, "name"))
	}
	return id
}

// styleProp is a property of an inline style attribute: "width" in "max-width: 9em; width: 50%".
func styleProp(attrs []nethtml.Attribute, prop string) string {
	for _, decl := range strings.Split(attr(attrs, "style"), ";") {
		k, v, ok := strings.Cut(decl, ":")
		if ok && strings.EqualFold(strings.TrimSpace(k), prop) {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// imageWidth reads an <img>'s width from style="width: ..." or else width="...": "300", "300px"
// and "50%" count; other units (em, vw) and nonsense ask nothing.
func imageWidth(attrs []nethtml.Attribute) tree.Width {
	v := styleProp(attrs, "width")
	if v == "" {
		v = strings.TrimSpace(attr(attrs, "width"))
	}
	if pct, ok := strings.CutSuffix(v, "%"); ok {
		if f, err := strconv.ParseFloat(strings.TrimSpace(pct), 64); err == nil && f > 0 && f <= 100 {
			return tree.Width{Fraction: f / 100}
		}
		return tree.Width{}
	}
	v = strings.TrimSpace(strings.TrimSuffix(v, "px"))
	if f, err := strconv.ParseFloat(v, 64); err == nil && f > 0 && f < 1e5 {
		return tree.Width{Px: f}
	}
	return tree.Width{}
}

// cellAlign is a table cell's alignment from align="..." or style="text-align: ...".
func cellAlign(attrs []nethtml.Attribute) tree.Align {
	v := styleProp(attrs, "text-align")
	if v == "" {
		v = attr(attrs, "align")
	}
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "left":
		return tree.AlignLeft
	case "center":
		return tree.AlignCenter
	case "right":
		return tree.AlignRight
	}
	return tree.AlignNone
}

// styledNode wraps the content of a closed inline element in its tree node.
func styledNode(name string, content tree.Inlines) tree.Inline {
	switch name {
	case "b", "strong":
		return &tree.Strong{Content: content}
	case "s", "del", "strike":
		return &tree.Strikethrough{Content: content}
	case "code", "tt", "samp":
		return &tree.Code{Text: tree.PlainText(content)}
	case "sup":
		return &tree.Styled{Kind: tree.Superscript, Content: content}
	case "sub":
		return &tree.Styled{Kind: tree.Subscript, Content: content}
	case "kbd":
		return &tree.Styled{Kind: tree.Keyboard, Content: content}
	}
	return &tree.Emphasis{Content: content} // i, em, cite, dfn, var
}

// collapseSpace is HTML text as a browser lays it out: every run of white space one space.
func collapseSpace(s string) string {
	if !strings.ContainsAny(s, "\t\n\f\r") && !strings.Contains(s, "  ") {
		return s
	}
	var sb strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\f' || r == '\r' {
			space = true
			continue
		}
		if space {
			sb.WriteByte(' ')
			space = false
		}
		sb.WriteRune(r)
	}
	if space {
		sb.WriteByte(' ')
	}
	return sb.String()
}

// flattened reports, once a chapter, an element kept as its text.
func (c *converter) flattened(name string, at Pos) {
	if !c.reported[name] {
		c.reported[name] = true
		c.res.Diags.Add(diag.Warnf(at.File, at.Line, "raw HTML <%s> is kept as its text only: bookc has no such element in any format "+
			"(write it in Markdown, or use <b>, <i>, <code>, <kbd>, <sup> or <sub>)", name))
	}
}

// droppedHTML reports, once a chapter, an element left out with its content.
func (c *converter) droppedHTML(name string, at Pos) {
	if !c.reported[name] {
		c.reported[name] = true
		c.res.Diags.Add(diag.Warnf(at.File, at.Line, "raw HTML <%s> is left out with its content: a book cannot show it "+
			"(use an image file or a link instead)", name))
	}
}

// parseStart reads an <ol start="3">.
func parseStart(v string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err == nil && (n < 0 || n > 1e9) {
		return 0, strconv.ErrRange
	}
	return n, err
}
