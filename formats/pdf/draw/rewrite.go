package draw

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"hash/crc32"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"sync"

	"golang.org/x/sync/errgroup"

	"bookc/formats"
	"bookc/formats/pdf/page"
	"bookc/formats/scratch"
)

// The patterns of what fpdf writes are compiled when a PDF is first written, not when bookc
// starts: every command, `bookc version` too, would pay for them.
var (
	xrefRe     = lazyRegexp(`\nxref\n0 (\d+)\n`)
	trailerRe  = lazyRegexp(`^trailer\n<<\n/Size \d+\n/Root (\d+) 0 R\n/Info (\d+) 0 R\n>>\nstartxref\n`)
	plainRe    = lazyRegexp(`^(\d+) 0 obj\n<</Length (\d+)>>\nstream\n`)
	headRe     = lazyRegexp(`^(\d+) 0 obj\n`)
	contentsRe = lazyRegexp(`/Contents (\d+) 0 R>>\nendobj\n$`)
	datesRe    = lazyRegexp(`(?m)^(/(?:Creation|Mod)Date \(D:\d{14})\)$`)
	xrefLine   = 20 // "0000000123 00000 n \n"
)

func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// sink takes the document fpdf writes and rewrites it (see rewrite). fpdf hands its whole buffer
// over in one Write, which the sink rewrites right there instead of keeping an uncompressed copy;
// a document that comes in pieces is gathered first.
type sink struct {
	labels   []page.Label
	outline  outline
	contents pageContents       // each page's content, compressed, to go before fpdf's; none: pages as they are
	spill    *formats.Spill     // where the document is assembled; nil: in memory
	fonts    func() []*embedded // the faces the contents use; nil for none
	forms    *forms             // the drawings the contents show; nil for none
	images   *docImages         // the raster images the pages show; nil for none
	tagged   *structure         // the structure tree and the links; nil: an untagged document
	gathered []byte             // fpdf's document, when it comes in pieces
	pdf      formats.File       // the document rewritten
	done     bool
	err      error
}

func (s *sink) Write(p []byte) (int, error) {
	switch {
	case s.done || s.err != nil:
		if len(p) > 0 {
			return 0, fmt.Errorf("fpdf wrote on past the end of its document")
		}
	case s.gathered == nil && bytes.HasSuffix(p, []byte("%%EOF\n")):
		s.pdf, s.err = s.rewrite(p)
		s.done = true
	default:
		s.gathered = append(s.gathered, p...)
	}
	return len(p), nil
}

// result is the rewritten document: in pieces to be written one after the other, or spilled.
func (s *sink) result() (formats.File, error) {
	if s.gathered != nil {
		return s.rewrite(s.gathered)
	}
	return s.pdf, s.err
}

func (s *sink) rewrite(pdf []byte) (formats.File, error) {
	var fonts []*embedded
	if s.fonts != nil {
		fonts = s.fonts()
	}
	return rewrite(pdf, s.labels, s.outline, s.contents, fonts, s.forms, s.images, s.tagged, s.spill)
}

// object is one "n 0 obj ... endobj" of fpdf's document, as it is rewritten.
type object struct {
	num  int
	body []byte // the object as fpdf wrote it
	data []byte // a plain stream's data, to compress; nil for other objects
	rest []byte // what follows a plain stream's data: "\nendstream\nendobj\n"
	out  []byte // the rewritten object, when it changes
}

// appended is an object bookc adds after fpdf's: a dictionary, and a stream's data if it has one.
type appended struct {
	dict, stream []byte
	spilled      *scratch.Piece // the stream, when it is in a scratch file instead: a large book has a million objects
}

// run is objects bookc adds, numbered one after another: listed, or n of them made while they
// are written, in chunks from made (the structure's: a large book has a million).
type run struct {
	objs []appended
	n    int
	made <-chan []appended
}

// ahead is a run of n objects that making makes on a goroutine of its own, giving them to put a
// chunk at a time ahead of their writing; put tells it to stop once stop closes.
func ahead(n int, stop <-chan struct{}, making func(put func([]appended) bool)) run {
	made := make(chan []appended, 2) // what is made ahead of the writing
	put := func(objs []appended) bool {
		select {
		case made <- objs:
			return true
		case <-stop:
			return false
		}
	}
	go func() {
		defer close(made)
		making(put)
	}()
	return run{n: n, made: made}
}

func (r run) len() int {
	if r.made != nil {
		return r.n
	}
	return len(r.objs)
}

// each writes the run's objects in order, letting go of each once written.
func (r run) each(write func(appended) error) error {
	for i, a := range r.objs {
		if err := write(a); err != nil {
			return err
		}
		r.objs[i] = appended{} // a large book's are hundreds of megabytes
	}
	if r.made == nil {
		return nil
	}
	got := 0
	for objs := range r.made {
		for _, a := range objs {
			if err := write(a); err != nil {
				return err
			}
		}
		got += len(objs)
	}
	if got != r.n {
		return fmt.Errorf("%d objects made where %d were numbered", got, r.n)
	}
	return nil
}

// rewrite amends what fpdf does not write as bookc wants it, object by object, into a new file
// with its own cross-reference table:
//   - the fonts' objects follow fpdf's, and the resources name them as the contents do (fontName);
//   - each page's content (contents, in page order; none to leave the pages as they are) becomes
//     a stream of its own, after the fonts, painted before fpdf's (images);
//   - the drawings' forms and what they use (fs) come last, and the resources name the forms the
//     pages show, beside fpdf's images;
//   - fpdf's own streams are compressed. fpdf can do it itself, but it makes a new zlib writer
//     for every stream, which costs more than the compressing; here each worker has one;
//   - the catalog gets the page labels (roman front matter, arabic body) viewers show;
//   - the outline (ol) follows the fonts, and the catalog points to it;
//   - the structure tree, the links and the metadata (st) follow the fonts, and the pages and the
//     catalog point to them.
func rewrite(pdf []byte, labels []page.Label, ol outline, contents pageContents, fonts []*embedded, fs *forms, images *docImages, st *structure, spill *formats.Spill) (formats.File, error) {
	objs, head, trailer, err := split(pdf)
	if err != nil {
		return formats.File{}, err
	}
	version15(head)
	// fpdf's own streams are compressed beside the rest: they are objects amend leaves alone
	var zipping errgroup.Group
	zipping.Go(func() error { return compress(objs) })
	more, imageNames := images.objects(len(objs) + 1) // the images first: they name no other object
	// the objects up to the structure's at once: a large book's are tens of thousands
	more = slices.Grow(more, len(fonts)*fontObjects+1+len(ol.marks))
	names := []byte("/Font <<\n")
	fontNums := map[page.Font]int{}
	for _, e := range fonts {
		n := len(objs) + 1 + len(more)
		names = fmt.Appendf(names, "/%s %d 0 R\n", fontName(e.font), n)
		for _, f := range e.fonts {
			fontNums[f] = n
		}
		fo := e.objects(n)
		more = append(more, fo[:]...)
	}
	root := 0                             // the outline's root, whose objects follow the fonts'
	tagFirst := len(objs) + 1 + len(more) // the structure's first number
	if len(ol.marks) > 0 {
		root = tagFirst
		tagFirst += 1 + len(ol.marks)
	}
	first := tagFirst // the pages' contents' first number
	if st != nil {
		first += st.count()
	}
	xobjects := append([]byte("/XObject <<\n"), imageNames...)
	if fs != nil {
		xobjects = append(xobjects, fs.pageNames(first+contents.count())...)
	}
	pages, err := amend(objs, labels, root, contents.count(), first, names, xobjects, st, tagFirst)
	if err != nil {
		_ = zipping.Wait()
		return formats.File{}, err
	}
	// the structure tree and the outline, made on cores of their own while the rest is, as
	// they are written: they only read the pages
	stop := make(chan struct{}) // for their making, should the writing end early
	defer close(stop)
	var tagged, outlined run
	if st != nil {
		tagged = st.objects(tagFirst, pages, stop)
	}
	if root > 0 {
		outlined = ol.objects(root, pages, stop)
	}
	if err := zipping.Wait(); err != nil {
		return formats.File{}, err
	}
	after := make([]appended, 0, contents.count())
	for i := range contents.count() {
		after = append(after, contents.object(i))
	}
	if fs != nil {
		after = append(after, fs.objects(first+contents.count(), fontNums)...)
	}
	return assemble(head, objs, []run{{objs: more}, outlined, tagged, {objs: after}}, trailer, spill)
}

// amend rewrites the objects that change, but for the streams: each page gets its content, the
// object numbered first and on, the resources name the fonts and the forms (names and xobjects,
// the starts of their /Font and /XObject dictionaries), and the catalog gets the labels and the
// outline (its root numbered root; 0: none). With a structure (st, its objects numbered from
// tagFirst), the pages and the catalog point to it. It returns the pages' object numbers.
func amend(objs []object, labels []page.Label, root, contents, first int, names, xobjects []byte, st *structure, tagFirst int) ([]int, error) {
	var resources *object
	var nums []int
	pages := 0
	for i := range objs {
		o := &objs[i]
		if o.data != nil {
			continue
		}
		body := o.body[bytes.IndexByte(o.body, '\n')+1:]
		switch {
		case bytes.HasPrefix(body, []byte("<</Type /Page\n")):
			if contents == 0 {
				break
			}
			m := contentsRe().FindSubmatchIndex(o.body)
			if m == nil || pages >= contents {
				return nil, fmt.Errorf("object %d: a page fpdf wrote other than bookc expects", o.num)
			}
			var entries []byte
			if st != nil {
				entries = append(st.pageEntries(tagFirst, pages), '\n')
			}
			// made its size at once: a large book has tens of thousands of pages
			o.out = make([]byte, 0, m[0]+len(entries)+len("/Contents [ 0 R  0 R]>>\nendobj\n")+2*digits(first+pages))
			o.out = append(append(o.out, o.body[:m[0]]...), entries...)
			o.out = fmt.Appendf(o.out, "/Contents [%d 0 R %s 0 R]>>\nendobj\n", first+pages, o.body[m[2]:m[3]])
			nums = append(nums, o.num)
			pages++
		case bytes.Contains(body, []byte("\nstream\n")):
			// other streams (images) are fpdf's to compress, and binary
		case bytes.HasPrefix(body, []byte("<<\n/ProcSet ")):
			resources = o
		case bytes.Contains(body, []byte("/Type /Catalog")):
			o.out = bytes.Replace(o.body, noFiles, nil, 1)
			if len(labels) > 0 {
				o.out = withLabels(o.out, labels)
			}
			if st != nil {
				o.out = inCatalog(o.out, st.catalogEntries(tagFirst))
			}
			if root > 0 {
				o.out = inCatalog(o.out, fmt.Appendf(nil, "/Outlines %d 0 R\n/PageMode /UseOutlines\n", root))
			}
		case bytes.Contains(body, []byte("\n/CreationDate (D:")):
			// the information's dates are UTC, as the metadata's; PDF/A has the two agree
			o.out = datesRe().ReplaceAll(o.body, []byte("${1}Z)"))
		}
	}
	if pages != contents {
		return nil, fmt.Errorf("fpdf wrote %d pages, for %d pages of content", pages, contents)
	}
	if contents == 0 {
		return nums, nil
	}
	if resources == nil || !bytes.Contains(resources.body, []byte("/Font <<\n")) || !bytes.Contains(resources.body, []byte("/XObject <<\n")) {
		return nil, fmt.Errorf("no font or image resources where fpdf writes them")
	}
	resources.out = bytes.Replace(resources.body, []byte("/Font <<\n"), names, 1)
	resources.out = bytes.Replace(resources.out, []byte("/XObject <<\n"), xobjects, 1)
	return nums, nil
}

// noFiles is the names fpdf gives a document without attachments, which PDF/A-2 does not allow
// even empty (ISO 19005-2, 6.8).
var noFiles = []byte("/Names <<\n/EmbeddedFiles << /Names [\n  \n] >>\n>>\n")

// assemble writes the file: fpdf's header and objects as amended, the objects bookc adds, and a
// new cross-reference table and trailer. It gives the file in pieces, to be written one after
// the other: the streams as they are, and what is between them gathered (formats.Pieces).
func assemble(head []byte, objs []object, more []run, trailer [][]byte, spill *formats.Spill) (formats.File, error) {
	var out formats.Pieces
	if spill != nil {
		out.SpillTo(spill)
	}
	out.Copy(head)
	n := len(objs)
	for _, r := range more {
		n += r.len()
	}
	offsets := make([]int, n+1) // by object number; objects count from 1 without gaps
	for _, o := range objs {
		if o.num <= 0 || o.num > len(objs) || offsets[o.num] != 0 {
			return formats.File{}, fmt.Errorf("object %d out of sequence", o.num)
		}
		offsets[o.num] = out.Len()
		if o.out != nil {
			out.Add(o.out)
		} else {
			out.Add(o.body)
		}
	}
	var num, read []byte // read: a spilled stream, read back into the buffer the one before was
	n = len(objs)
	write := func(a appended) error {
		n++
		if n >= len(offsets) {
			return fmt.Errorf("object %d past the %d numbered", n, len(offsets)-1)
		}
		offsets[n] = out.Len()
		num = append(strconv.AppendInt(num[:0], int64(n), 10), " 0 obj\n"...) // fmt costs more, at tens of thousands
		out.Copy(num)
		out.Copy(a.dict)
		stream := a.stream
		if a.spilled != nil { // and so is out: what Add is given is written at once
			var err error
			if stream, err = a.spilled.Get(read); err != nil {
				return err
			}
			read = stream[:0]
		}
		if stream != nil {
			out.Copy([]byte("\nstream\n"))
			out.Add(stream)
			out.Copy([]byte("\nendstream"))
		}
		out.Copy([]byte("\nendobj\n"))
		return nil
	}
	for _, r := range more {
		if err := r.each(write); err != nil {
			return formats.File{}, err
		}
	}
	start := out.Len()
	out.Copy(fmt.Appendf(nil, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)))
	line := []byte("0000000000 00000 n \n")
	for _, off := range offsets[1:] {
		for i := 9; i >= 0; i-- {
			line[i] = byte('0' + off%10)
			off /= 10
		}
		out.Copy(line)
	}
	// the ID, which PDF/A requires, is of the file: the same document, the same ID. Two CRCs
	// and the length, since the processor computes CRCs at memory's speed, a digest at a tenth of it.
	var ieee, cast uint32
	castagnoli := crc32.MakeTable(crc32.Castagnoli) // made once, by crc32, when first asked for
	if err := out.Each(func(p []byte) {
		ieee, cast = crc32.Update(ieee, crc32.IEEETable, p), crc32.Update(cast, castagnoli, p)
	}); err != nil {
		return formats.File{}, err
	}
	id := fmt.Sprintf("%08x%08x%016x", ieee, cast, out.Len())
	out.Add(fmt.Appendf(nil, "trailer\n<<\n/Size %d\n/Root %s 0 R\n/Info %s 0 R\n/ID [<%s> <%s>]\n>>\nstartxref\n%d\n%%%%EOF\n", len(offsets), trailer[1], trailer[2], id, id, start))
	return out.File()
}

// split cuts fpdf's document into its header, its objects in file order, and its trailer up to
// "startxref\n" with the numbers of its root and information objects, by the offsets of fpdf's
// cross-reference table.
func split(pdf []byte) (objs []object, head []byte, trailer [][]byte, err error) {
	loc := xrefRe().FindSubmatchIndex(pdf)
	if loc == nil {
		return nil, nil, nil, fmt.Errorf("no cross-reference table where fpdf writes it")
	}
	xref := loc[0] + 1
	n, _ := strconv.Atoi(string(pdf[loc[2]:loc[3]]))
	entries := pdf[loc[1]:]
	if n < 2 || len(entries) < n*xrefLine {
		return nil, nil, nil, fmt.Errorf("cross-reference table cut short")
	}
	trailer = trailerRe().FindSubmatch(entries[n*xrefLine:])
	if trailer == nil {
		return nil, nil, nil, fmt.Errorf("no trailer where fpdf writes it")
	}
	offsets := make([]int, 0, n-1)
	for i := 1; i < n; i++ {
		off, err := strconv.Atoi(string(entries[i*xrefLine : i*xrefLine+10]))
		if err != nil || off <= 0 || off >= xref {
			return nil, nil, nil, fmt.Errorf("cross-reference entry %d is no offset in the file", i)
		}
		offsets = append(offsets, off)
	}
	slices.Sort(offsets)
	objs = make([]object, len(offsets))
	for k, off := range offsets {
		end := xref
		if k+1 < len(offsets) {
			end = offsets[k+1]
		}
		o := object{body: pdf[off:end]}
		m := headRe().FindSubmatch(o.body)
		if m == nil {
			return nil, nil, nil, fmt.Errorf("no object at offset %d", off)
		}
		o.num, _ = strconv.Atoi(string(m[1]))
		if m := plainRe().FindSubmatch(o.body); m != nil {
			length, _ := strconv.Atoi(string(m[2]))
			data := o.body[len(m[0]):]
			if length > len(data) {
				return nil, nil, nil, fmt.Errorf("object %d: stream longer than its object", o.num)
			}
			o.data, o.rest = data[:length], data[length:]
		}
		objs[k] = o
	}
	return objs, pdf[:offsets[0]], trailer, nil
}

// compress deflates the plain streams, each distinct one once (fpdf starts every page with the
// same few operators), the workers taking every so many in turn.
func compress(objs []object) error {
	alike := map[string][]*object{} // by their data
	var distinct []string           // in the order first met
	for i := range objs {
		if d := objs[i].data; d != nil {
			if _, seen := alike[string(d)]; !seen {
				distinct = append(distinct, string(d))
			}
			alike[string(d)] = append(alike[string(d)], &objs[i])
		}
	}
	workers := min(runtime.GOMAXPROCS(0), max(1, len(distinct)/8))
	var g errgroup.Group
	for w := range workers {
		g.Go(func() error {
			z := deflaters.Get().(*deflater)
			defer deflaters.Put(z)
			for i := w; i < len(distinct); i += workers {
				data := z.stream([]byte(distinct[i]))
				for _, o := range alike[distinct[i]] {
					o.out = fmt.Appendf(make([]byte, 0, len(data)+len(o.rest)+64), "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", o.num, len(data))
					o.out = append(append(o.out, data...), o.rest...)
				}
			}
			return nil
		})
	}
	return g.Wait()
}

// deflater compresses streams one after another with one zlib writer, as making one costs more
// than compressing a page. Workers take one from deflaters and give it back when done.
type deflater struct {
	buf bytes.Buffer
	zw  *zlib.Writer
}

var deflaters = sync.Pool{New: func() any {
	d := &deflater{}
	d.zw, _ = zlib.NewWriterLevel(&d.buf, zlib.BestSpeed) // BestSpeed is a valid level
	return d
}}

// stream returns data compressed, in a slice of its own.
func (d *deflater) stream(data []byte) []byte { return bytes.Clone(d.deflate(data)) }

// deflate is data compressed, in the deflater's buffer: valid until it compresses again.
func (d *deflater) deflate(data []byte) []byte {
	d.buf.Reset()
	d.zw.Reset(&d.buf)
	d.zw.Write(data) // a bytes.Buffer takes every write
	d.zw.Close()
	return d.buf.Bytes()
}

// outline is the document's bookmarks, which draw writes itself: fpdf writes each with Sprintf,
// which cost a rebuild 4 ms on one core, and every count wrong (0).
type outline struct {
	marks  []page.Bookmark // in the order of the document, each Level at most one below the one before
	height float64         // of the pages, whose y grows upwards
}

// objects are the outline's root, numbered root, and its items after it, in their order: each its
// title, its place among the others, the page (of those numbered pages) and the height it opens
// at, and its /Count (outlineCounts); made a chunk at a time ahead of their writing, until stop
// closes.
func (ol outline) objects(root int, pages []int, stop <-chan struct{}) run {
	n := len(ol.marks)
	parent, prev, next, first, last := make([]int, n), make([]int, n), make([]int, n), make([]int, n), make([]int, n)
	var lastAt []int // by level, the last item there under the item going on above it
	for i, m := range ol.marks {
		parent[i], prev[i], next[i], first[i], last[i] = -1, -1, -1, -1, -1
		lastAt = lastAt[:min(m.Level+1, len(lastAt))] // what was deeper has ended
		if m.Level > 0 && m.Level <= len(lastAt) {
			p := lastAt[m.Level-1]
			parent[i] = p
			if first[p] < 0 {
				first[p] = i
			}
			last[p] = i
		}
		if len(lastAt) > m.Level {
			j := lastAt[m.Level]
			next[j], prev[i] = i, j
			lastAt[m.Level] = i
		} else {
			lastAt = append(lastAt, i)
		}
	}
	counts := outlineCounts(ol.marks)
	ref := func(b []byte, key string, i int) []byte {
		if i < 0 {
			return b
		}
		return fmt.Appendf(b, "/%s %d 0 R\n", key, root+1+i)
	}
	return ahead(1+n, stop, func(put func([]appended) bool) {
		c := chunked{left: 1 + n, size: 256, put: put}
		// the first item is at the top, and lastAt's first the last there
		if !c.end(fmt.Appendf(c.buf(), "<</Type /Outlines\n/First %d 0 R\n/Last %d 0 R\n/Count %d>>", root+1, root+1+lastAt[0], counts[0])) {
			return
		}
		for i, m := range ol.marks {
			d := append(appendHexText(append(c.buf(), "<</Title "...), m.Title), '\n')
			if parent[i] < 0 {
				d = fmt.Appendf(d, "/Parent %d 0 R\n", root)
			} else {
				d = ref(d, "Parent", parent[i])
			}
			d = ref(ref(ref(ref(d, "Prev", prev[i]), "Next", next[i]), "First", first[i]), "Last", last[i])
			d = fmt.Appendf(d, "/Dest [%d 0 R /XYZ 0 %.2f null]", pages[min(m.Page, len(pages)-1)], ol.height-m.Y)
			if counts[i+1] != 0 { // a leaf has no /Count (ISO 32000-1, 12.3.3: it is for items with descendants)
				d = fmt.Appendf(d, "\n/Count %d", counts[i+1])
			}
			if !c.end(append(d, ">>"...)) {
				return
			}
		}
		c.flush()
	})
}

// outlineCounts gives the outline's root (first) and then each item its /Count: the items that
// show below it, for one open (positive), or would show if it were opened, for a closed one
// (negative); 0 for an item with no children, which amend leaves without one. The root counts
// the items shown at the start.
func outlineCounts(outline []page.Bookmark) []int {
	counts := make([]int, len(outline)+1)
	// shown is what item i shows below it when opened, and where its descendants end
	var shown func(i int) (int, int)
	shown = func(i int) (int, int) {
		n, j := 0, i+1
		for j < len(outline) && outline[j].Level > outline[i].Level {
			below, next := shown(j)
			n++
			if outline[j].Open {
				n += below
			}
			counts[j+1] = below
			if !outline[j].Open {
				counts[j+1] = -below
			}
			j = next
		}
		return n, j
	}
	for i := 0; i < len(outline); {
		below, next := shown(i)
		counts[0]++
		counts[i+1] = -below
		if outline[i].Open {
			counts[0] += below
			counts[i+1] = below
		}
		i = next
	}
	return counts
}

// withLabels adds the page labels to the catalog object.
func withLabels(catalog []byte, labels []page.Label) []byte {
	var nums bytes.Buffer
	for _, l := range labels {
		style := "/D"
		if l.Roman {
			style = "/r"
		}
		fmt.Fprintf(&nums, "%d << /S %s >> ", l.Page, style)
	}
	return inCatalog(catalog, fmt.Appendf(nil, "/PageLabels << /Nums [%s] >>\n", bytes.TrimSpace(nums.Bytes())))
}

// inCatalog adds entries at the end of the catalog object's dictionary.
func inCatalog(catalog, entries []byte) []byte {
	end := bytes.LastIndex(catalog, []byte(">>"))
	return fmt.Appendf(nil, "%s%s%s", catalog[:end], entries, catalog[end:])
}
