package draw

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"html"
	"strconv"
	"strings"

	"bookc/formats/pdf/page"
	"bookc/formats/pdf/tags"
)

// structure is what makes the PDF tagged (PDF 1.7, 14.8; PDF/UA-1): the structure tree that
// layout made (doc.Tags), the marked content of every page that points into it, the links as
// annotations of draw's own, each in the tree, and the XMP metadata that says so. A document
// without a tree (tests of drawing) gets its links alone.
type structure struct {
	elems  []tags.Elem
	order  [][]int32            // per page, the elements it has in layout's reading order (page.Tags)
	marks  [][]int32            // per page, the element of each marked-content ID (the encoder's)
	annots [][]annot            // per page, its links
	boxes  map[int32][4]float64 // a figure's bounding box on its first page, in PDF's space
	meta   page.Meta
	height float64
	dests  map[string]page.Dest
}

// annot is a link on a page: to a URL, or a destination of the document.
type annot struct {
	rect [4]float64 // in PDF's space
	url  string
	dest page.Dest
	elem int32 // the Link element; -1 none
}

// newStructure reads what the pages show before they are painted and let go of: their links and
// the figures' boxes. The marks come from the encoder (setMarks).
func newStructure(doc *page.Doc) *structure {
	s := &structure{elems: doc.Tags, meta: doc.Meta, height: doc.Height, boxes: map[int32][4]float64{},
		order: make([][]int32, len(doc.Pages)), annots: make([][]annot, len(doc.Pages)), dests: map[string]page.Dest{}}
	for _, d := range doc.Dests {
		if _, dup := s.dests[d.Name]; !dup {
			s.dests[d.Name] = d
		}
	}
	elem := func(pg *page.Page, t page.Tag) int32 {
		if t == 0 || int(t) > len(pg.Tags) {
			return -1
		}
		return pg.Tags[t-1]
	}
	figure := func(pg *page.Page, t page.Tag, x, y, w, h float64) {
		if e := elem(pg, t); e >= 0 && s.elems[e].Role == tags.Figure {
			if _, seen := s.boxes[e]; !seen {
				s.boxes[e] = [4]float64{x, s.height - y - h, x + w, s.height - y}
			}
		}
	}
	for i, pg := range doc.Pages {
		s.order[i] = pg.Tags
		for _, im := range pg.Images {
			figure(pg, im.Tag, im.X, im.Y, im.W, im.H)
		}
		for _, v := range pg.Vectors {
			figure(pg, v.Tag, v.X, v.Y, v.W, v.H)
		}
		for _, l := range pg.Links {
			a := annot{rect: [4]float64{l.X, s.height - l.Y - l.H, l.X + l.W, s.height - l.Y}, url: l.URL, elem: elem(pg, l.Tag)}
			if l.URL == "" {
				d, ok := s.dests[l.Dest]
				if !ok {
					continue // a target the edition left out: no link, as before
				}
				a.dest = d
			}
			s.annots[i] = append(s.annots[i], a)
		}
	}
	return s
}

// count is how many objects the structure adds: an element each, the tree's root, an annotation
// per link, the metadata, and an archival document's colour profile.
func (s *structure) count() int {
	n := s.links()
	if s.tagged() {
		n += len(s.elems) + 2
		if s.meta.Archival {
			n++
		}
	}
	return n
}

func (s *structure) tagged() bool { return len(s.elems) > 0 }

// numbers of the structure's objects, from first: the elements, the root, the annotations page
// by page, the metadata, the profile.
func (s *structure) root(first int) int {
	if !s.tagged() {
		return first - 1 // the annotations come first
	}
	return first + len(s.elems)
}
func (s *structure) metadata(first int) int { return s.root(first) + 1 + s.links() }

// links counts the annotations.
func (s *structure) links() int {
	n := 0
	for _, as := range s.annots {
		n += len(as)
	}
	return n
}

// pageEntries is what amend adds to page i's dictionary: its annotations, its key in the parent
// tree, and that its annotations are visited in the structure's order.
func (s *structure) pageEntries(first, i int) []byte {
	var b []byte
	if s.tagged() {
		b = fmt.Appendf(nil, "/StructParents %d /Tabs /S ", i)
	}
	if len(s.annots[i]) > 0 {
		n := s.annotFirst(first, i)
		b = append(b, "/Annots ["...)
		for k := range s.annots[i] {
			b = fmt.Appendf(b, "%d 0 R ", n+k)
		}
		b[len(b)-1] = ']'
	}
	return b
}

func (s *structure) annotFirst(first, page int) int {
	n := s.root(first) + 1
	for _, as := range s.annots[:page] {
		n += len(as)
	}
	return n
}

// catalogEntries is what the catalog gets: the tree, that the document is tagged, its metadata,
// and that viewers show its title rather than its file name.
func (s *structure) catalogEntries(first int) []byte {
	if !s.tagged() {
		return nil
	}
	b := fmt.Appendf(nil, "/StructTreeRoot %d 0 R\n/MarkInfo <</Marked true>>\n/Metadata %d 0 R\n/ViewerPreferences <</DisplayDocTitle true>>\n",
		s.root(first), s.metadata(first))
	if s.meta.Archival {
		b = append(b, outputIntent(s.metadata(first)+1)...)
	}
	return b
}

// kid is an entry of an element's /K: another element, marked content on a page, or an annotation.
type kid struct {
	elem       int32 // -1 when it is content
	page, mcid int   // the marked content, or the annotation's object when annot is set
	annot      int
}

// objects writes the structure's objects, numbered from first, for pages whose objects are
// numbered pages. Each element's kids are in reading order: the blocks of a page as layout placed
// them, and inside a block its runs and the links between them as the page marks them.
func (s *structure) objects(first int, pages []int) []appended {
	if !s.tagged() {
		return s.annotations(first, pages)
	}
	kids := make([][]kid, len(s.elems))
	attached := make([]bool, len(s.elems))
	var attach func(e int32)
	attach = func(e int32) {
		if attached[e] {
			return
		}
		attached[e] = true
		if p := s.elems[e].Parent; p >= 0 {
			attach(p)
			kids[p] = append(kids[p], kid{elem: e})
		}
	}
	attached[0] = true // the Document: the root's only kid
	var nums []byte    // the parent tree's /Nums
	for i := range s.order {
		for _, e := range s.order[i] {
			if !s.elems[e].Role.Inline() {
				attach(e)
			}
		}
		nums = append(strconv.AppendInt(nums, int64(i), 10), " ["...)
		for mcid, e := range s.marks[i] {
			attach(e)
			kids[e] = append(kids[e], kid{elem: -1, page: i, mcid: mcid})
			nums = ref(nums, first+int(e))
		}
		nums = append(nums, "]\n"...)
	}
	key := len(s.order)
	for i, as := range s.annots {
		n := s.annotFirst(first, i)
		for k, a := range as {
			if a.elem >= 0 {
				attach(a.elem)
				kids[a.elem] = append(kids[a.elem], kid{elem: -1, page: i, annot: n + k})
				nums = ref(append(strconv.AppendInt(nums, int64(key), 10), ' '), first+int(a.elem))
			}
			key++
		}
	}
	out := make([]appended, 0, s.count())
	for e, el := range s.elems {
		d := append(append(make([]byte, 0, 64+16*len(kids[e])), "<</S /"...), el.Role.String()...)
		parent := s.root(first)
		if el.Parent >= 0 {
			parent = first + int(el.Parent)
		}
		d = ref(append(d, " /P "...), parent)
		if el.Alt != "" {
			key := "/Alt"
			if el.Role == tags.Link {
				key = "/Contents" // what the link is, besides its text (the annotation says it too)
			}
			d = fmt.Appendf(d, " %s %s", key, hexText(el.Alt))
		}
		if el.Lang != "" {
			d = fmt.Appendf(d, " /Lang %s", hexBytes(el.Lang))
		}
		switch {
		case el.Scope:
			d = append(d, " /A <</O /Table /Scope /Column>>"...)
		case el.Role == tags.Figure:
			if b, ok := s.boxes[int32(e)]; ok {
				place := "Block"
				if p := el.Parent; p >= 0 && (s.elems[p].Role == tags.P || s.elems[p].Role.Inline()) {
					place = "Inline" // an image set in a line of text
				}
				d = fmt.Appendf(d, " /A <</O /Layout /Placement /%s /BBox [%s %s %s %s]>>", place, pt(b[0]), pt(b[1]), pt(b[2]), pt(b[3]))
			}
		}
		home := -1 // the page of its first marked content: /Pg, which its IDs there need not repeat
		for _, k := range kids[e] {
			if k.elem < 0 && k.annot == 0 {
				home = k.page
				d = ref(append(d, " /Pg "...), pages[home])
				break
			}
		}
		d = append(d, " /K ["...)
		for _, k := range kids[e] {
			if k.elem < 0 && k.annot == 0 && k.page == home {
				d = append(strconv.AppendInt(d, int64(k.mcid), 10), ' ')
				continue
			}
			switch {
			case k.elem >= 0:
				d = ref(d, first+int(k.elem))
			case k.annot > 0:
				d = append(ref(append(ref(append(d, "<</Type /OBJR /Pg "...), pages[k.page]), "/Obj "...), k.annot), ">> "...)
			default:
				d = append(strconv.AppendInt(append(ref(append(d, "<</Type /MCR /Pg "...), pages[k.page]), "/MCID "...), int64(k.mcid), 10), ">> "...)
			}
		}
		d = append(bytes.TrimSuffix(d, []byte(" ")), "]>>"...)
		out = append(out, appended{dict: d})
	}
	out = append(out, appended{dict: fmt.Appendf(nil, "<</Type /StructTreeRoot /K [%d 0 R] /ParentTree <</Nums [\n%s]>> /ParentTreeNextKey %d>>",
		first, nums, key)})
	out = append(out, s.annotations(first, pages)...)
	xmp := s.xmp()
	out = append(out, appended{dict: fmt.Appendf(nil, "<</Type /Metadata /Subtype /XML /Length %d>>", len(xmp)), stream: xmp})
	if s.meta.Archival {
		out = append(out, profile())
	}
	return out
}

// annotations are the links' objects, from first's annotFirst on.
func (s *structure) annotations(first int, pages []int) []appended {
	var out []appended
	key := len(s.order)
	for _, as := range s.annots {
		for _, a := range as {
			d := fmt.Appendf(nil, "<</Type /Annot /Subtype /Link /Rect [%s %s %s %s] /Border [0 0 0] /F 4",
				pt(a.rect[0]), pt(a.rect[1]), pt(a.rect[2]), pt(a.rect[3]))
			if a.elem >= 0 {
				d = fmt.Appendf(d, " /StructParent %d", key)
				if alt := s.elems[a.elem].Alt; alt != "" {
					d = fmt.Appendf(d, " /Contents %s", hexText(alt))
				}
			}
			if a.url != "" {
				d = fmt.Appendf(d, " /A <</S /URI /URI %s>>", hexBytes(a.url))
			} else {
				d = fmt.Appendf(d, " /Dest [%d 0 R /XYZ 0 %s null]", pages[a.dest.Page], pt(s.height-a.dest.Y))
			}
			out = append(out, appended{dict: append(d, ">>"...)})
			key++
		}
	}
	return out
}

// xmp is the document's metadata as XMP: what the information dictionary says, and that the
// file claims PDF/UA-1, and PDF/A-2u when archival.
func (s *structure) xmp() []byte {
	m := s.meta
	esc := html.EscapeString
	date := m.Date.UTC().Format("2006-01-02T15:04:05Z")
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` + "\n")
	b.WriteString(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">` + "\n")
	fmt.Fprintf(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", esc(m.Title))
	if m.Author != "" {
		fmt.Fprintf(&b, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", esc(m.Author))
	}
	if m.Subject != "" {
		fmt.Fprintf(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:description>\n", esc(m.Subject))
	}
	if m.Language != "" {
		fmt.Fprintf(&b, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", esc(m.Language))
	}
	fmt.Fprintf(&b, "<pdf:Producer>bookc</pdf:Producer>\n<xmp:CreatorTool>%s</xmp:CreatorTool>\n", esc(m.Creator))
	if !m.Date.IsZero() {
		fmt.Fprintf(&b, "<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n", date, date)
	}
	b.WriteString("<pdfuaid:part>1</pdfuaid:part>\n</rdf:Description>\n")
	if m.Archival {
		b.WriteString(archivalXMP)
	}
	b.WriteString("</rdf:RDF></x:xmpmeta>\n<?xpacket end=\"r\"?>")
	return []byte(b.String())
}

// ref appends a reference to object n, and a space.
func ref(b []byte, n int) []byte { return append(strconv.AppendInt(b, int64(n), 10), " 0 R "...) }

// hexText is a text string in hexadecimal, UTF-16BE with its byte order mark: no character of it
// needs escaping.
func hexText(s string) string { return hexBytes(textString(s)) }

// hexBytes is a string of bytes in hexadecimal.
func hexBytes(s string) string { return "<" + hex.EncodeToString([]byte(s)) + ">" }
