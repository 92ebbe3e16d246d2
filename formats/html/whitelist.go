package html

import (
	"slices"
	"strings"

	nethtml "golang.org/x/net/html"

	"bookc/builder/tree"
)

// Raw HTML from the source passes through a whitelist: the elements below keep their tags and the
// listed attributes; any other element keeps only its text, and a few (scripts, styles, embedded
// media) are dropped whole. Elements also move only where HTML5's content model allows them, so the
// result is valid XHTML whatever the source held.

// content is what an element may contain.
type content int

const (
	flow       content = iota // any flow content
	phrasing                  // phrasing content only
	listItems                 // ul, ol: li
	defItems                  // dl: dt, dd
	tableParts                // table: caption, colgroup, thead, tbody, tfoot, tr
	tableRows                 // thead, tbody, tfoot: tr
	tableCells                // tr: td, th
	tableCols                 // colgroup: col
	none                      // void elements
)

type element struct {
	phrasing bool     // may stand in phrasing content
	content  content  // what it may hold
	parent   content  // the container it must sit in; flow for any
	attrs    []string // allowed attributes besides the global ones
}

var elements = map[string]element{
	"a": {true, phrasing, flow, []string{"href"}}, "abbr": {true, phrasing, flow, nil},
	"b": {true, phrasing, flow, nil}, "bdi": {true, phrasing, flow, nil}, "bdo": {true, phrasing, flow, nil},
	"br": {true, none, flow, nil}, "cite": {true, phrasing, flow, nil}, "code": {true, phrasing, flow, nil},
	"del": {true, phrasing, flow, nil}, "dfn": {true, phrasing, flow, nil}, "em": {true, phrasing, flow, nil},
	"i": {true, phrasing, flow, nil}, "ins": {true, phrasing, flow, nil}, "kbd": {true, phrasing, flow, nil},
	"mark": {true, phrasing, flow, nil}, "q": {true, phrasing, flow, nil}, "s": {true, phrasing, flow, nil},
	"samp": {true, phrasing, flow, nil}, "small": {true, phrasing, flow, nil}, "span": {true, phrasing, flow, nil},
	"strong": {true, phrasing, flow, nil}, "sub": {true, phrasing, flow, nil}, "sup": {true, phrasing, flow, nil},
	"time": {true, phrasing, flow, nil}, "u": {true, phrasing, flow, nil},
	"var": {true, phrasing, flow, nil}, "wbr": {true, none, flow, nil},

	"p": {false, phrasing, flow, nil}, "pre": {false, phrasing, flow, nil},
	"h1": {false, phrasing, flow, nil}, "h2": {false, phrasing, flow, nil}, "h3": {false, phrasing, flow, nil},
	"h4": {false, phrasing, flow, nil}, "h5": {false, phrasing, flow, nil}, "h6": {false, phrasing, flow, nil},
	"div": {false, flow, flow, nil}, "blockquote": {false, flow, flow, nil}, "hr": {false, none, flow, nil},
	"section": {false, flow, flow, nil}, "article": {false, flow, flow, nil}, "aside": {false, flow, flow, nil},
	"header": {false, flow, flow, nil}, "footer": {false, flow, flow, nil}, "address": {false, flow, flow, nil},
	"figure": {false, flow, flow, nil}, "details": {false, flow, flow, []string{"open"}},
	"summary": {false, phrasing, flow, nil}, "figcaption": {false, flow, flow, nil},
	"ul": {false, listItems, flow, nil}, "ol": {false, listItems, flow, []string{"start", "reversed"}},
	"li": {false, flow, listItems, nil},
	"dl": {false, defItems, flow, nil}, "dt": {false, phrasing, defItems, nil}, "dd": {false, flow, defItems, nil},
	"table": {false, tableParts, flow, nil}, "caption": {false, phrasing, tableParts, nil},
	"colgroup": {false, tableCols, tableParts, []string{"span"}}, "col": {false, none, tableCols, []string{"span"}},
	"thead": {false, tableRows, tableParts, nil}, "tbody": {false, tableRows, tableParts, nil},
	"tfoot": {false, tableRows, tableParts, nil}, "tr": {false, tableCells, tableParts, nil},
	"td": {false, flow, tableCells, []string{"colspan", "rowspan"}},
	"th": {false, flow, tableCells, []string{"colspan", "rowspan"}},
}

// legacy maps obsolete elements that books still use to their modern equivalents.
var legacy = map[string]string{
	"acronym": "abbr", "big": "span", "blink": "span", "center": "div", "font": "span", "marquee": "div",
	"nobr": "span", "strike": "s", "tt": "code",
}

// dropped elements lose their content too: it is code, styling or media, not the book's text.
var dropped = map[string]bool{
	"script": true, "style": true, "template": true, "head": true, "title": true, "meta": true,
	"link": true, "iframe": true, "object": true, "embed": true, "svg": true, "math": true,
	"canvas": true, "video": true, "audio": true, "input": true, "button": true, "select": true,
	"textarea": true,
}

// holdOpen are the containers an HTML block may leave open for the Markdown that follows it.
var holdOpen = map[string]bool{
	"div": true, "details": true, "blockquote": true, "section": true, "article": true, "aside": true,
	"figure": true, "header": true, "footer": true,
}

// attrs returns the element's allowed attributes as name, value pairs, in source order.
func attrs(name string, e element, as []nethtml.Attribute) []string {
	var out []string
	for _, a := range as {
		if a.Namespace != "" {
			continue
		}
		v := a.Val
		switch a.Key {
		case "class", "title":
		case "lang":
			if !tree.ValidLang(v) {
				continue
			}
		case "dir":
			if v != "ltr" && v != "rtl" && v != "auto" {
				continue
			}
		default:
			if !slices.Contains(e.attrs, a.Key) {
				continue
			}
			switch a.Key {
			case "href":
				if !externalURL(v) {
					continue
				}
				v = linkURL(v)
			case "open", "reversed":
				v = a.Key // XHTML spells boolean attributes out
			case "span", "colspan", "rowspan", "start":
				if !isInt(v, a.Key == "start") {
					continue
				}
			}
		}
		if v == "" {
			continue
		}
		out = append(out, a.Key, v)
	}
	return out
}

// externalURL reports whether a link in raw HTML leaves the book: links into the book would name
// source paths, which only the builder resolves.
func externalURL(s string) bool {
	l := strings.ToLower(strings.TrimSpace(s))
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "mailto:")
}

func isInt(s string, signed bool) bool {
	if signed {
		s = strings.TrimPrefix(s, "-")
	}
	if s == "" || len(s) > 6 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return signed || s != "0" && strings.TrimLeft(s, "0") != ""
}
