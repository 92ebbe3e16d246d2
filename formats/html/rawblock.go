package html

import (
	"slices"
	"strconv"
	"strings"

	nethtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"bookc/builder/tree"
)

// htmlBlock writes a block of raw HTML, parsed as HTML5 and re-emitted through the whitelist. Closing
// tags at its start close containers an earlier block left open; containers it leaves open itself
// stay open for the blocks that follow.
func (w *writer) htmlBlock(b *tree.HTMLBlock) {
	closers, open := scanTags(b.HTML)
	for _, name := range closers {
		if i := lastIndex(w.rawBlock, name); i >= 0 {
			w.closeRawBlocksFrom(i)
		}
	}
	for _, name := range open {
		if !holdOpen[name] {
			open = nil // the parser closes them all within the block
			break
		}
	}
	body := &nethtml.Node{Type: nethtml.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := nethtml.ParseFragment(strings.NewReader(b.HTML), body)
	if err != nil {
		if b.Text != "" {
			w.x.Element("p", b.Text)
		}
		w.warnf("raw HTML block cannot be read (%v): kept its text only", err)
		return
	}
	s := sanitizer{w: w}
	s.nodes(nodes, flow, open)
	w.lost(s.lost)
	if s.dropped != nil {
		slices.Sort(s.dropped)
		w.warnf("raw HTML <%s> dropped with its content: EPUBs carry no scripts, styles or embedded media", strings.Join(slices.Compact(s.dropped), ">, <"))
	}
}

// closeRawBlocks closes every raw HTML container the current block container holds open.
func (w *writer) closeRawBlocks() { w.closeRawBlocksFrom(0) }

func (w *writer) closeRawBlocksFrom(i int) {
	for len(w.rawBlock) > i {
		w.x.End(w.rawBlock[len(w.rawBlock)-1])
		w.rawBlock = w.rawBlock[:len(w.rawBlock)-1]
		w.x.Newline()
	}
}

// scanTags finds the end tags in html that close nothing opened before them in it (closers), and
// the elements still open at its end, outermost first.
func scanTags(html string) (closers, open []string) {
	z := nethtml.NewTokenizer(strings.NewReader(html))
	tagName := func() string {
		name, _ := z.TagName()
		if modern, ok := legacy[string(name)]; ok {
			return modern
		}
		return string(name)
	}
	for {
		switch z.Next() {
		case nethtml.ErrorToken:
			return closers, open
		case nethtml.StartTagToken:
			n := tagName()
			if e, ok := elements[n]; (!ok || e.content != none) && !voidHTML(n) {
				open = append(open, n)
			}
		case nethtml.EndTagToken:
			n := tagName()
			if i := lastIndex(open, n); i >= 0 {
				open = open[:i]
			} else if len(open) == 0 {
				closers = append(closers, n)
			}
		}
	}
}

func voidHTML(name string) bool {
	switch name {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr":
		return true
	}
	return false
}

// sanitizer walks a parsed HTML fragment and writes what the whitelist and the content model allow.
type sanitizer struct {
	w       *writer
	lost    []string // elements reduced to their text
	dropped []string // elements dropped with their content
}

// nodes writes sibling nodes into a container holding ctx content. hold lists the elements, outermost
// first, that the source left open at its end: the last sibling's spine keeps them open.
func (s *sanitizer) nodes(ns []*nethtml.Node, ctx content, hold []string) {
	for i, n := range ns {
		var h []string
		if i == len(ns)-1 {
			h = hold
		}
		s.node(n, ctx, h, i == 0 || onlySpaceBefore(ns, i))
	}
}

func onlySpaceBefore(ns []*nethtml.Node, i int) bool {
	for _, n := range ns[:i] {
		if n.Type != nethtml.TextNode || strings.TrimSpace(n.Data) != "" {
			return false
		}
	}
	return true
}

// wrapper is the element that makes stray content fit a structured container.
var wrapper = map[content]string{listItems: "li", defItems: "dd", tableCells: "td"}

func (s *sanitizer) node(n *nethtml.Node, ctx content, hold []string, first bool) {
	x := s.w.x
	switch n.Type {
	case nethtml.TextNode:
		switch {
		case ctx == flow || ctx == phrasing:
			x.Text(n.Data)
		case strings.TrimSpace(n.Data) == "":
		case wrapper[ctx] != "":
			x.Element(wrapper[ctx], n.Data)
		default:
			s.lost = append(s.lost, "#text in "+ctxName(ctx))
		}
		return
	case nethtml.ElementNode:
	default:
		return // comments, doctypes
	}
	name := n.Data
	if modern, ok := legacy[name]; ok && n.Namespace == "" {
		name = modern
	}
	if headingName(name) && n.Namespace == "" {
		name = "h" + strconv.Itoa(s.w.innerLevel()) // levels follow the sections, as Markdown's do
	}
	e, known := elements[name]
	switch {
	case dropped[name] || n.Namespace != "":
		s.dropped = append(s.dropped, name)
		return
	case name == "img":
		s.w.rawImage(n.Attr)
		return
	case !known:
		s.lost = append(s.lost, name)
		s.children(n, ctx, hold)
		return
	}
	fits := e.parent == ctx || e.parent == flow && (ctx == flow || ctx == phrasing && e.phrasing) ||
		name == "tr" && ctx == tableRows
	switch {
	case name == "summary" && !(first && n.Parent != nil && n.Parent.Data == "details"):
		fits = false
	case name == "figcaption" && (n.Parent == nil || n.Parent.Data != "figure"):
		fits = false
	case name == "a" && (s.w.inLink > 0 || !hasExternalHref(n.Attr)):
		fits = false
	}
	if !fits {
		if wrap := wrapper[ctx]; wrap != "" {
			x.Start(wrap)
			s.node(n, flow, nil, true)
			x.End(wrap)
			return
		}
		if ctx != flow && ctx != phrasing {
			s.lost = append(s.lost, name+" in "+ctxName(ctx))
			return
		}
		if ctx == flow && !e.phrasing && e.content != none {
			// a block out of place still keeps its content apart from its neighbours'
			x.Start("div")
			s.children(n, flow, nil)
			x.End("div")
			return
		}
		s.children(n, ctx, hold) // unwrapped: its content in its place
		return
	}
	as := attrs(name, e, n.Attr)
	if e.content == none {
		x.Empty(name, as...)
		return
	}
	x.Start(name, as...)
	if name == "a" {
		s.w.inLink++
		defer func() { s.w.inLink-- }()
	}
	if len(hold) > 0 && hold[0] == name && holdOpen[name] {
		s.w.rawBlock = append(s.w.rawBlock, name) // closed by a later block, or the container's end
		s.nodes(childList(n), e.content, hold[1:])
		return
	}
	s.nodes(childList(n), e.content, nil)
	x.End(name)
}

func (s *sanitizer) children(n *nethtml.Node, ctx content, hold []string) {
	s.nodes(childList(n), ctx, hold)
}

func childList(n *nethtml.Node) []*nethtml.Node {
	var out []*nethtml.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		out = append(out, c)
	}
	return out
}

func ctxName(c content) string {
	names := map[content]string{listItems: "list", defItems: "dl", tableParts: "table", tableRows: "table", tableCells: "tr", tableCols: "colgroup"}
	return names[c]
}

// headingName reports whether an element name is h1 to h6.
func headingName(name string) bool {
	return len(name) == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6'
}
