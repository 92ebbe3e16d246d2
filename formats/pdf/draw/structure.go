package draw

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"html"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

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
	// planned gives the elements' kids, once plan has worked them out; nil: not planned
	planned   <-chan *kidsOf
	orderSlab slab[int32] // where order's are kept
	annotSlab slab[annot] // where annots' are kept
	page      []annot     // the page's links being read, in a buffer the next page reuses
}

// annot is a link on a page: to a URL, or a destination of the document.
type annot struct {
	rect   [4]float64 // in PDF's space
	target string     // the URL, or the destination's name, which resolve finds on a page
	y      float64    // the destination's place on its page, once resolved
	page   int32      // its page
	elem   int32      // the Link element; -1 none
	isURL  bool
}

// newStructure returns a document's structure, its pages to be added.
func newStructure(meta page.Meta, height float64) *structure {
	return &structure{meta: meta, height: height, boxes: map[int32][4]float64{}}
}

// addPage reads what the next page shows before it is painted and let go of: its links and the
// figures' boxes; roles are those of the elements its Tags name. The marks come from the encoder.
func (s *structure) addPage(pg *page.Page, roles []tags.Role) {
	elem := func(t page.Tag) (int32, tags.Role) {
		if t == 0 || int(t) > len(pg.Tags) {
			return -1, 0
		}
		return pg.Tags[t-1], roles[t-1]
	}
	figure := func(t page.Tag, x, y, w, h float64) {
		if e, role := elem(t); e >= 0 && role == tags.Figure {
			if _, seen := s.boxes[e]; !seen {
				s.boxes[e] = [4]float64{x, s.height - y - h, x + w, s.height - y}
			}
		}
	}
	s.order = append(s.order, s.orderSlab.copy(pg.Tags))
	for _, im := range pg.Images {
		figure(im.Tag, im.X, im.Y, im.W, im.H)
	}
	for _, v := range pg.Vectors {
		figure(v.Tag, v.X, v.Y, v.W, v.H)
	}
	as := s.page[:0]
	for _, l := range pg.Links {
		e, _ := elem(l.Tag)
		a := annot{rect: [4]float64{l.X, s.height - l.Y - l.H, l.X + l.W, s.height - l.Y}, target: l.Dest, elem: e}
		if l.URL != "" {
			a.target, a.isURL = l.URL, true
		}
		as = append(as, a)
	}
	s.annots, s.page = append(s.annots, s.annotSlab.copy(as)), as
}

// resolve takes the document's structure tree, and points the links at their destinations,
// once every page is added: a link to a target the edition left out is no link, as before.
func (s *structure) resolve(elems []tags.Elem, dests []page.Dest) {
	s.elems = elems
	named := make(map[string]page.Dest, len(dests))
	for _, d := range dests {
		if _, dup := named[d.Name]; !dup {
			named[d.Name] = d
		}
	}
	for i, as := range s.annots {
		kept := as[:0]
		for _, a := range as {
			if !a.isURL {
				d, ok := named[a.target]
				if !ok {
					continue
				}
				a.page, a.y = int32(d.Page), d.Y
			}
			kept = append(kept, a)
		}
		s.annots[i] = kept
	}
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

// markCount counts the marked contents of every page.
func (s *structure) markCount() int {
	n := 0
	for _, m := range s.marks {
		n += len(m)
	}
	return n
}

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
	n := 0
	for _, as := range s.annots[:page] {
		n += len(as)
	}
	return s.annotObject(first, n)
}

// annotObject is the object number of the document's nth annotation (from 0, in page order).
func (s *structure) annotObject(first, n int) int { return s.root(first) + 1 + n }

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
	elem int32 // the element, or contentKid or annotKid: a book has a million kids, 12 bytes each
	page int32 // the marked content's or the annotation's
	n    int32 // the marked content's ID, or 1 + the annotation's place among the document's, in page order
}

const (
	contentKid = -1 - iota // a kid that is marked content
	annotKid               // a kid that is an annotation
)

// kidsOf lists every element's kids, in reading order, in one slice: an element's are
// kids[at[e]:at[e+1]]. A book has tens of thousands of elements, each with a few kids.
type kidsOf struct {
	at   []int32
	kids []kid
}

func (ks *kidsOf) of(e int) []kid { return ks.kids[ks.at[e]:ks.at[e+1]] }

// plan starts working out every element's kids, on a core of its own while fpdf writes: they
// come from the pages' marks and links, not from the objects' numbers, which objects then needs.
func (s *structure) plan() {
	if !s.tagged() {
		return
	}
	planned := make(chan *kidsOf, 1)
	go func() { planned <- s.findKids() }()
	s.planned = planned
}

// kids is every element's kids: as plan worked them out, or worked out now.
func (s *structure) kids() *kidsOf {
	if s.planned != nil {
		return <-s.planned
	}
	return s.findKids()
}

// findKids lists each element's kids in reading order (eachKid), gathered by element: the kids
// are gone through twice, counted and then put in place, rather than kept as they come and
// sorted, which held a large book's twice (at 30x the benchmark book, 1.7 million).
func (s *structure) findKids() *kidsOf {
	n := len(s.elems)
	ks := &kidsOf{at: make([]int32, n+1)}
	s.eachKid(func(parent int32, _ kid) { ks.at[parent+1]++ })
	for e := range n {
		ks.at[e+1] += ks.at[e]
	}
	next := slices.Clone(ks.at[:n])
	ks.kids = make([]kid, ks.at[n])
	s.eachKid(func(parent int32, k kid) {
		ks.kids[next[parent]] = k
		next[parent]++
	})
	return ks
}

// eachKid calls add with each element's kids in reading order: every element that is not inline
// under its parent, as the pages have them, then the marked contents of each page, then the links.
func (s *structure) eachKid(add func(parent int32, k kid)) {
	attached := make([]bool, len(s.elems))
	var attach func(e int32)
	attach = func(e int32) {
		if attached[e] {
			return
		}
		attached[e] = true
		if p := s.elems[e].Parent; p >= 0 {
			attach(p)
			add(p, kid{elem: e})
		}
	}
	attached[0] = true // the Document: the root's only kid
	for i := range s.order {
		for _, e := range s.order[i] {
			if !s.elems[e].Role.Inline() {
				attach(e)
			}
		}
		for mcid, e := range s.marks[i] {
			attach(e)
			add(e, kid{elem: contentKid, page: int32(i), n: int32(mcid)})
		}
	}
	n := 0 // the annotations before
	for i, as := range s.annots {
		for _, a := range as {
			n++
			if a.elem >= 0 {
				attach(a.elem)
				add(a.elem, kid{elem: annotKid, page: int32(i), n: int32(n)})
			}
		}
	}
}

// chunk is how many of the structure's objects are made at a time: a large book's are a million,
// hundreds of megabytes of dictionaries, written as they are made instead of all held at once.
var chunk = 16384

// objects makes the structure's objects, numbered from first, for pages whose objects are
// numbered pages, a chunk at a time ahead of their writing, until stop closes. Each element's
// kids are in reading order: the blocks of a page as layout placed them, and inside a block its
// runs and the links between them as the page marks them.
func (s *structure) objects(first int, pages []int, stop <-chan struct{}) run {
	return ahead(s.count(), stop, func(put func([]appended) bool) {
		if !s.tagged() {
			s.annotations(first, pages, put)
			return
		}
		kids := s.kids()
		for from := 0; from < len(s.elems); from += chunk {
			if !put(s.elemDicts(from, min(from+chunk, len(s.elems)), kids, first, pages)) {
				return
			}
		}
		if !put([]appended{s.rootDict(first)}) || !s.annotations(first, pages, put) {
			return
		}
		xmp := s.xmp()
		last := []appended{{dict: fmt.Appendf(nil, "<</Type /Metadata /Subtype /XML /Length %d>>", len(xmp)), stream: xmp}}
		if s.meta.Archival {
			last = append(last, profile())
		}
		put(last)
	})
}

// elemDicts are the dictionaries of elements from to to, written on as many goroutines as there
// are cores, each a part of them into a buffer of its own.
func (s *structure) elemDicts(from, to int, kids *kidsOf, first int, pages []int) []appended {
	parts := make([]dicts, min(runtime.GOMAXPROCS(0), max(1, (to-from)/1024)))
	var wg sync.WaitGroup
	for w := range parts {
		from, to := from+w*(to-from)/len(parts), from+(w+1)*(to-from)/len(parts)
		wg.Go(func() {
			// the buffers are made about their size at once: growing them by halves costs more
			// than writing them
			ds := dicts{buf: make([]byte, 0, 48*(to-from)+6*int(kids.at[to]-kids.at[from])), ends: make([]int, 0, to-from)}
			for e := from; e < to; e++ {
				ds.end(s.elemDict(ds.buf, e, kids.of(e), first, pages))
			}
			parts[w] = ds
		})
	}
	wg.Wait()
	out := make([]appended, 0, to-from)
	for _, ds := range parts {
		out = append(out, ds.list()...)
	}
	return out
}

// rootDict is the structure tree's root, with the parent tree: each page's marked contents'
// elements, then each link's.
func (s *structure) rootDict(first int) appended {
	nums := make([]byte, 0, 8*len(s.order)+(s.markCount()+s.links())*(digits(first+len(s.elems))+5)) // the parent tree's /Nums
	for i := range s.order {
		nums = append(strconv.AppendInt(nums, int64(i), 10), " ["...)
		for _, e := range s.marks[i] {
			nums = ref(nums, first+int(e))
		}
		nums = append(nums, "]\n"...)
	}
	key := len(s.order)
	for _, as := range s.annots {
		for _, a := range as {
			if a.elem >= 0 {
				nums = ref(append(strconv.AppendInt(nums, int64(key), 10), ' '), first+int(a.elem))
			}
			key++
		}
	}
	return appended{dict: fmt.Appendf(nil, "<</Type /StructTreeRoot /K [%d 0 R] /ParentTree <</Nums [\n%s]>> /ParentTreeNextKey %d>>",
		first, nums, key)}
}

// elemDict appends element e's dictionary to d: its role, parent, descriptions and attributes,
// and its kids, for objects numbered from first and pages whose objects are numbered pages.
func (s *structure) elemDict(d []byte, e int, kids []kid, first int, pages []int) []byte {
	el := s.elems[e]
	d = append(append(d, "<</S /"...), el.Role.String()...)
	parent := s.root(first)
	if el.Parent >= 0 {
		parent = first + int(el.Parent)
	}
	d = ref(append(d, " /P "...), parent)
	if alt := el.Alt(); alt != "" {
		key := "/Alt"
		if el.Role == tags.Link {
			key = "/Contents" // what the link is, besides its text (the annotation says it too)
		}
		d = appendHexText(append(append(append(d, ' '), key...), ' '), alt)
	}
	if lang := el.Lang(); lang != "" {
		d = appendHexBytes(append(d, " /Lang "...), lang)
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
	for _, k := range kids {
		if k.elem == contentKid {
			home = int(k.page)
			d = ref(append(d, " /Pg "...), pages[home])
			break
		}
	}
	d = append(d, " /K ["...)
	for _, k := range kids {
		if k.elem == contentKid && int(k.page) == home {
			d = append(strconv.AppendInt(d, int64(k.n), 10), ' ')
			continue
		}
		switch {
		case k.elem >= 0:
			d = ref(d, first+int(k.elem))
		case k.elem == annotKid:
			d = append(ref(append(ref(append(d, "<</Type /OBJR /Pg "...), pages[k.page]), "/Obj "...), s.annotObject(first, int(k.n)-1)), ">> "...)
		default:
			d = append(strconv.AppendInt(append(ref(append(d, "<</Type /MCR /Pg "...), pages[k.page]), "/MCID "...), int64(k.n), 10), ">> "...)
		}
	}
	return append(bytes.TrimSuffix(d, []byte(" ")), "]>>"...)
}

// annotations makes the links' objects, from first's annotFirst on, a chunk at a time, each given
// to put; false when put took no more.
func (s *structure) annotations(first int, pages []int, put func([]appended) bool) bool {
	// 192 bytes a dictionary: the most one takes, but for URLs and descriptions
	c := chunked{left: s.links(), size: 192, put: put}
	key := len(s.order)
	for _, as := range s.annots {
		for _, a := range as {
			d := append(c.buf(), "<</Type /Annot /Subtype /Link /Rect ["...)
			for i, v := range a.rect {
				if i > 0 {
					d = append(d, ' ')
				}
				d = appendPt(d, v)
			}
			d = append(d, "] /Border [0 0 0] /F 4"...)
			if a.elem >= 0 {
				d = strconv.AppendInt(append(d, " /StructParent "...), int64(key), 10)
				if alt := s.elems[a.elem].Alt(); alt != "" {
					d = appendHexText(append(d, " /Contents "...), alt)
				}
			}
			if a.isURL {
				d = append(appendHexBytes(append(d, " /A <</S /URI /URI "...), a.target), ">>"...)
			} else {
				d = append(appendPt(append(ref(append(d, " /Dest ["...), pages[a.page]), "/XYZ 0 "...), s.height-a.y), " null]"...)
			}
			key++
			if !c.end(append(d, ">>"...)) {
				return false
			}
		}
	}
	return c.flush()
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

// dicts are objects' dictionaries written one after another into one buffer, instead of each
// into its own: a book's structure has tens of thousands.
type dicts struct {
	buf  []byte
	ends []int
}

// end takes buf, grown by the next dictionary.
func (ds *dicts) end(buf []byte) {
	ds.buf = buf
	ds.ends = append(ds.ends, len(buf))
}

// chunked makes left dictionaries of about size bytes each a chunk at a time, each chunk's
// buffer made its size at once, and gives each chunk to put once it is full.
type chunked struct {
	ds         dicts
	left, size int
	put        func([]appended) bool
}

// buf is where the next dictionary is appended.
func (c *chunked) buf() []byte {
	if c.ds.buf == nil {
		n := min(chunk, c.left)
		c.ds, c.left = dicts{buf: make([]byte, 0, c.size*n), ends: make([]int, 0, n)}, c.left-n
	}
	return c.ds.buf
}

// end takes the buffer grown by the next dictionary, and gives a full chunk to put: false when
// put takes no more.
func (c *chunked) end(buf []byte) bool {
	c.ds.end(buf)
	if len(c.ds.ends) < chunk {
		return true
	}
	ok := c.put(c.ds.list())
	c.ds = dicts{}
	return ok
}

// flush gives put the chunk begun, if any.
func (c *chunked) flush() bool { return len(c.ds.ends) == 0 || c.put(c.ds.list()) }

func (ds *dicts) list() []appended {
	out := make([]appended, len(ds.ends))
	start := 0
	for i, end := range ds.ends {
		out[i] = appended{dict: ds.buf[start:end:end]}
		start = end
	}
	return out
}

// digits counts n's decimal digits.
func digits(n int) int { return len(strconv.Itoa(n)) }

// ref appends a reference to object n, and a space.
func ref(b []byte, n int) []byte { return append(strconv.AppendInt(b, int64(n), 10), " 0 R "...) }

// appendHexText appends a text string in hexadecimal, UTF-16BE with its byte order mark: no
// character of it needs escaping. It is textString's, written straight into b: a book has
// thousands of links, each described twice.
func appendHexText(b []byte, s string) []byte {
	b = append(b, "<feff"...)
	for _, r := range s { // invalid UTF-8 is U+FFFD, as textString has it
		if r >= 0x10000 {
			r -= 0x10000
			b = appendHex16(appendHex16(b, 0xD800+uint16(r>>10)), 0xDC00+uint16(r&0x3FF))
		} else {
			b = appendHex16(b, uint16(r))
		}
	}
	return append(b, '>')
}

func appendHex16(b []byte, u uint16) []byte {
	const digits = "0123456789abcdef"
	return append(b, digits[u>>12], digits[u>>8&15], digits[u>>4&15], digits[u&15])
}

// appendHexBytes appends a string of bytes in hexadecimal.
func appendHexBytes(b []byte, s string) []byte {
	return append(hex.AppendEncode(append(b, '<'), []byte(s)), '>')
}
