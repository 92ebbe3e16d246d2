package layout

import (
	"encoding/binary"
	"math"
	"slices"
	"sync"
	"unsafe"

	"bookc/builder/svg"
	"bookc/formats/pdf/page"
	"bookc/formats/pdf/tags"
	"bookc/formats/scratch"
)

// A large book's set units are kept packed between layout passes: their boxes and runs as bytes,
// every float as its 8 bytes, a run's size, face and colour only where they change, its glyphs as
// they were packed, the structure paths as the places of their nodes in a table, and what the
// rest point to (structure nodes, images, drawings) in tables beside. A pass unpacks a unit where
// it paginates it, so that the boxes of one stretch of chapters are in memory at a time rather
// than a book's million (bigBook).

// packed is a unit's boxes and footnotes, packed.
type packed struct {
	runs     *page.Runs     // the data, its texts' blocks among the rest
	spilled  *scratch.Piece // where the data is instead, when not nil: runs has none then
	boxes    int            // how many, how many texts they have, and how many of those the boxes
	texts    int            // that print page numbers have: what unpacking allocates
	refTexts int
	placed   int // the bytes of the texts' blocks, which unpacking for placing copies
	lists    int // the unit's boxes, then its footnotes' in the order of notes, then boxes only headers name
	notes    []string
	strs     []string     // what the boxes name: images, links, destinations, bookmarks
	nodes    []*tags.Node // what the paths in the data name
	paths    int          // how many arrays of paths the data has
	colors   []*page.Color
	images   [][]byte
	drawings []*svg.Drawing
	cites    []*cites
	marks    []*chapMark
	starts   []*PageStart
}

// box flags
const (
	bGlue = 1 << iota
	bKeep
	bAvoid
	bSplit
	bNewPage
	bBase
	bStretch
	bTexts
	bArt
	bTags
	bCites
	bFlow
)

// packer packs one unit.
type packer struct {
	p       packed
	buf     []byte
	boxes   map[*vbox]int // each box's number: boxes count in the order packed
	flows   map[*flowInfo]int
	fl      []*flowInfo
	strs    map[string]int
	paths   map[*tags.Path]int
	nodes   map[*tags.Node]int
	colors  map[*page.Color]int
	imgs    map[*byte]int
	draws   map[*svg.Drawing]int
	cites   map[*cites]int
	marks   map[*chapMark]int
	starts  map[*PageStart]int
	strings []string
}

// packers are packers to reuse: their tables and buffer, emptied.
var packers = sync.Pool{New: func() any {
	return &packer{boxes: map[*vbox]int{}, flows: map[*flowInfo]int{}, strs: map[string]int{},
		paths: map[*tags.Path]int{}, nodes: map[*tags.Node]int{}, colors: map[*page.Color]int{}, imgs: map[*byte]int{},
		draws: map[*svg.Drawing]int{}, cites: map[*cites]int{}, marks: map[*chapMark]int{}, starts: map[*PageStart]int{}}
}}

// pack packs a set unit's boxes and its footnotes' (by id, in the order ids gives), its data put
// in spill when there is one that takes it.
func pack(bs []*vbox, notes map[string][]*vbox, ids []string, spill *scratch.File) *packed {
	k := packers.Get().(*packer)
	defer k.reset()
	k.list(bs)
	for _, id := range ids {
		k.p.notes = append(k.p.notes, id)
		k.list(notes[id])
	}
	k.p.lists = 1 + len(ids)
	for done := 0; ; { // the headers no list has (a code block's "continued"), as lists of their own
		var extra []*vbox
		for ; done < len(k.fl); done++ {
			for _, h := range k.fl[done].header {
				if _, ok := k.boxes[h]; !ok && !slices.Contains(extra, h) {
					extra = append(extra, h)
				}
			}
		}
		if extra == nil {
			break
		}
		k.list(extra)
		k.p.lists++
	}
	// the flows, once every box they name is numbered
	k.uint(uint64(len(k.fl)))
	for _, f := range k.fl {
		k.flow(f)
	}
	// copies of their own, as long as they are: the packer's are reused, and grew by doubling
	p := k.p
	p.runs, p.boxes, p.strs = &page.Runs{}, len(k.boxes), slices.Clone(k.strings)
	p.nodes, p.cites = slices.Clone(p.nodes), slices.Clone(p.cites)
	if spill != nil {
		if piece, err := spill.Put(k.buf); err == nil { // else kept here: a file full is no reason to fail
			p.spilled = &piece
		}
	}
	if p.spilled == nil {
		p.runs.Data = slices.Clone(k.buf)
	}
	return &p
}

// reset empties the packer for the next unit, and puts it back in packers.
func (k *packer) reset() {
	clear(k.boxes)
	clear(k.flows)
	clear(k.strs)
	clear(k.paths)
	clear(k.nodes)
	clear(k.colors)
	clear(k.imgs)
	clear(k.draws)
	clear(k.cites)
	clear(k.marks)
	clear(k.starts)
	clear(k.fl)
	clear(k.strings)
	k.p, k.buf, k.fl, k.strings = packed{}, k.buf[:0], k.fl[:0], k.strings[:0]
	packers.Put(k)
}

func (k *packer) uint(v uint64) { k.buf = binary.AppendUvarint(k.buf, v) }
func (k *packer) float(f float64) {
	k.buf = binary.LittleEndian.AppendUint64(k.buf, math.Float64bits(f))
}
func (k *packer) rgb(c page.Color) { k.buf = append(k.buf, c.R, c.G, c.B) }
func (k *packer) str(s string)     { k.uint(uint64(placeOf(k.strs, s, &k.strings, s))) }
func (k *packer) optional(n int)   { k.uint(uint64(n + 1)) } // -1 for none

// placeOf is v's place in list, added under key when it has none.
func placeOf[K comparable, V any](m map[K]int, key K, list *[]V, v V) int {
	if i, ok := m[key]; ok {
		return i
	}
	m[key] = len(*list)
	*list = append(*list, v)
	return m[key]
}

// list packs boxes in order: one packed before as its number plus one, a new one as 0 and itself.
func (k *packer) list(bs []*vbox) {
	k.uint(uint64(len(bs)))
	for _, b := range bs {
		if i, ok := k.boxes[b]; ok {
			k.uint(uint64(i + 1))
			continue
		}
		k.boxes[b] = len(k.boxes)
		k.uint(0)
		k.box(b)
	}
}

func (k *packer) box(b *vbox) {
	fl := 0
	for _, f := range []struct {
		on  bool
		bit int
	}{{b.glue, bGlue}, {b.keep, bKeep}, {b.avoid, bAvoid}, {b.split, bSplit}, {b.newPage, bNewPage},
		{b.base != 0, bBase}, {b.stretch != 0, bStretch}, {b.texts != nil, bTexts}, {b.art != nil, bArt},
		{b.tags != nil, bTags}, {b.cites != nil, bCites}, {b.flow != nil, bFlow}} {
		if f.on {
			fl |= f.bit
		}
	}
	k.uint(uint64(fl))
	k.float(b.h)
	if b.base != 0 {
		k.float(b.base)
	}
	if b.stretch != 0 {
		k.buf = binary.LittleEndian.AppendUint32(k.buf, math.Float32bits(b.stretch))
	}
	if b.tags != nil {
		k.tags(b.tags)
	}
	if b.cites != nil {
		k.uint(uint64(placeOf(k.cites, b.cites, &k.p.cites, b.cites)))
	}
	if b.flow != nil {
		k.uint(uint64(placeOf(k.flows, b.flow, &k.fl, b.flow)))
	}
	// what a pass that measures needs not, last, each after its length, to be stepped over
	if b.texts != nil {
		at := k.block()
		k.buf = page.AppendTexts(k.buf, b.texts, b.base)
		k.p.texts += len(b.texts)
		if len(b.cited().refs) > 0 {
			k.p.refTexts += len(b.texts)
		}
		k.p.placed += len(k.buf) - at
		k.end(at)
	}
	if b.art != nil {
		at := k.block()
		k.art(b.art)
		k.end(at)
	}
}

// tags packs a box's paths. Boxes of a block share their paths' array, and one may have more of
// it than another: an array packed before is its number plus one, a new one 0 and the array (its
// paths, their nodes, then each path its length and its nodes' places in nodes); then how much
// of it is the box's.
func (k *packer) tags(ps []tags.Path) {
	at := unsafe.SliceData(ps)
	if i, ok := k.paths[at]; ok {
		k.uint(uint64(i + 1))
	} else {
		k.paths[at] = k.p.paths
		k.p.paths++
		k.uint(0)
		all, size := ps[:cap(ps)], 0
		for _, p := range all {
			size += len(p)
		}
		k.uint(uint64(len(all)))
		k.uint(uint64(size))
		for _, p := range all {
			k.uint(uint64(len(p)))
			for _, n := range p {
				k.uint(uint64(placeOf(k.nodes, n, &k.p.nodes, n)))
			}
		}
	}
	k.uint(uint64(len(ps)))
}

// block starts a block of bytes after its length, which end writes.
func (k *packer) block() int {
	k.buf = append(k.buf, 0, 0, 0, 0)
	return len(k.buf)
}

func (k *packer) end(at int) {
	binary.LittleEndian.PutUint32(k.buf[at-4:], uint32(len(k.buf)-at))
}

func (k *packer) rect(x, y, w, h float64) {
	k.float(x)
	k.float(y)
	k.float(w)
	k.float(h)
}

func (k *packer) fill(c *page.Color) {
	if c == nil {
		k.optional(-1)
		return
	}
	k.optional(placeOf(k.colors, c, &k.p.colors, c))
}

func (k *packer) art(a *page.Art) {
	k.uint(uint64(len(a.Rects)))
	for _, r := range a.Rects {
		k.rect(r.X, r.Y, r.W, r.H)
		k.fill(r.Fill)
		k.fill(r.Stroke)
		k.float(r.LineWidth)
	}
	k.uint(uint64(len(a.Rules)))
	for _, r := range a.Rules {
		k.rect(r.X1, r.Y1, r.X2, r.Y2)
		k.float(r.Width)
		k.rgb(r.Color)
	}
	k.uint(uint64(len(a.Images)))
	for _, im := range a.Images {
		k.rect(im.X, im.Y, im.W, im.H)
		k.str(im.Name)
		k.str(im.MediaType)
		if im.Data == nil {
			k.optional(-1)
		} else {
			k.optional(placeOf(k.imgs, unsafe.SliceData(im.Data), &k.p.images, im.Data))
		}
		k.uint(uint64(im.Tag))
	}
	k.uint(uint64(len(a.Vectors)))
	for _, v := range a.Vectors {
		k.rect(v.X, v.Y, v.W, v.H)
		k.str(v.Name)
		k.uint(uint64(placeOf(k.draws, v.Drawing, &k.p.drawings, v.Drawing)))
		k.uint(uint64(v.Tag))
	}
	k.uint(uint64(len(a.Links)))
	for _, l := range a.Links {
		k.rect(l.X, l.Y, l.W, l.H)
		k.str(l.URL)
		k.str(l.Dest)
		k.uint(uint64(l.Tag))
	}
}

func (k *packer) flow(f *flowInfo) {
	k.uint(uint64(len(f.dests)))
	for _, d := range f.dests {
		k.str(d)
	}
	k.uint(uint64(len(f.marks)))
	for _, m := range f.marks {
		k.str(m.title)
		k.uint(uint64(m.level))
		k.buf = append(k.buf, boolByte(m.open))
	}
	if f.header == nil {
		k.optional(-1)
	} else {
		k.optional(len(f.header))
		for _, h := range f.header {
			k.uint(uint64(k.boxes[h]))
		}
	}
	if f.chapter == nil {
		k.optional(-1)
	} else {
		k.optional(placeOf(k.marks, f.chapter, &k.p.marks, f.chapter))
	}
	k.uint(uint64(f.float))
	if f.start == nil {
		k.optional(-1)
	} else {
		k.optional(placeOf(k.starts, f.start, &k.p.starts, f.start))
	}
}

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// unpacker reads a packed unit back.
type unpacker struct {
	p     *packed
	as    unpacking
	data  page.Runs // the unit's data and strings, as read: it may be a buffer read into again
	at    int
	boxes []*vbox
	arena []vbox
	room  *boxRoom // where the boxes go instead of arena, when not nil
	texts []page.Text
	runs  *page.Runs // the texts' blocks kept, copied out of the unit's data, which can then go
	flows []struct {
		b *vbox
		i int
	}
	paths [][]tags.Path // the arrays of paths read, in the order packed
}

// boxRoom is where a worker unpacks the boxes of the stretches a pass measures, one after the
// other: nothing keeps a stretch's boxes once it is paginated (the pass puts nothing on pages),
// so the next stretch takes their room, rather than a book's million boxes be made anew.
type boxRoom struct {
	chunks [][]vbox
	k, at  int    // the chunk and the place in it of the next box
	data   []byte // a spilled unit's data, read back into it, the next unit's into it again
}

func (r *boxRoom) next() *vbox {
	if r.k < len(r.chunks) && r.at == len(r.chunks[r.k]) {
		r.k, r.at = r.k+1, 0
	}
	if r.k == len(r.chunks) {
		r.chunks = append(r.chunks, make([]vbox, 4096))
	}
	r.at++
	return &r.chunks[r.k][r.at-1]
}

// reset empties the room's boxes, for the next stretch.
func (r *boxRoom) reset() {
	for k := range r.k {
		clear(r.chunks[k])
	}
	if r.k < len(r.chunks) {
		clear(r.chunks[r.k][:r.at])
	}
	r.k, r.at = 0, 0
}

// unpacking is what a pass needs of a unit's boxes.
type unpacking int

const (
	whole   unpacking = iota
	placing           // their texts left packed, as pages place them (Page.PlaceRuns)
	lean              // neither texts nor art: a pass that measures
)

// unpack gives the unit's boxes and its footnotes', as they were packed: every float, text and
// flag alike, boxes that shared a flowInfo, paths, cites or a header sharing them again. The
// texts of its boxes, as S, and their glyphs point into the tables and the data. Lean, for a
// pass that measures, the boxes have neither texts nor art; placing, their texts stay packed.
// Either way the texts that print page numbers are unpacked, for renumber to read and change.
// Boxes unpacked into a room are the room's until it is reset.
//
// Spilled, the data is read back: for a pass that measures into the room's buffer, for placing
// into one of a pool's, as nothing unpacked so points into it; whole into one of its own.
func (p *packed) unpack(as unpacking, room *boxRoom) ([]*vbox, map[string][]*vbox, error) {
	data := p.runs.Data
	if p.spilled != nil {
		var buf *[]byte
		switch {
		case room != nil:
			buf = &room.data
		case as == placing:
			buf = readBufs.Get().(*[]byte)
			defer readBufs.Put(buf)
		default:
			buf = new([]byte)
		}
		var err error
		if data, err = p.spilled.Get(*buf); err != nil {
			return nil, nil, err
		}
		*buf = data[:0]
	}
	u := &unpacker{p: p, as: as, data: page.Runs{Data: data}, room: room, boxes: make([]*vbox, 0, p.boxes),
		paths: make([][]tags.Path, 0, p.paths)}
	if room == nil {
		u.arena = make([]vbox, 0, p.boxes)
	}
	if as == whole {
		u.texts = make([]page.Text, 0, p.texts)
	} else {
		u.texts = make([]page.Text, 0, p.refTexts)
	}
	lists := make([][]*vbox, p.lists)
	for i := range lists {
		lists[i] = u.list()
	}
	flows := make([]*flowInfo, u.uint())
	for i := range flows {
		flows[i] = u.flow()
	}
	for _, f := range u.flows {
		f.b.flow = flows[f.i]
	}
	var notes map[string][]*vbox
	if len(p.notes) > 0 {
		notes = make(map[string][]*vbox, len(p.notes))
		for i, id := range p.notes {
			notes[id] = lists[1+i]
		}
	}
	return lists[0], notes, nil
}

// readBufs are the buffers a spilled unit's data is read into for placing.
var readBufs = sync.Pool{New: func() any { return new([]byte) }}

func (u *unpacker) uint() uint64 {
	v, n := binary.Uvarint(u.data.Data[u.at:])
	u.at += n
	return v
}

func (u *unpacker) int() int { return int(u.uint()) }

func (u *unpacker) float() float64 {
	v := math.Float64frombits(binary.LittleEndian.Uint64(u.data.Data[u.at:]))
	u.at += 8
	return v
}

func (u *unpacker) rgb() page.Color {
	c := page.Color{R: u.data.Data[u.at], G: u.data.Data[u.at+1], B: u.data.Data[u.at+2]}
	u.at += 3
	return c
}

func (u *unpacker) str() string { return u.p.strs[u.uint()] }

func (u *unpacker) optional() int { return u.int() - 1 }

func (u *unpacker) list() []*vbox {
	bs := make([]*vbox, u.uint())
	for i := range bs {
		if r := u.int(); r > 0 {
			bs[i] = u.boxes[r-1]
			continue
		}
		var b *vbox
		if u.room != nil {
			b = u.room.next()
		} else {
			u.arena = append(u.arena, vbox{}) // in the room made for every box: never moved
			b = &u.arena[len(u.arena)-1]
		}
		u.boxes = append(u.boxes, b)
		u.box(b)
		bs[i] = b
	}
	return bs
}

func (u *unpacker) box(b *vbox) {
	fl := u.int()
	b.glue, b.keep, b.avoid, b.split, b.newPage = fl&bGlue != 0, fl&bKeep != 0, fl&bAvoid != 0, fl&bSplit != 0, fl&bNewPage != 0
	b.h = u.float()
	if fl&bBase != 0 {
		b.base = u.float()
	}
	if fl&bStretch != 0 {
		b.stretch = math.Float32frombits(binary.LittleEndian.Uint32(u.data.Data[u.at:]))
		u.at += 4
	}
	if fl&bTags != 0 {
		b.tags = u.tags()
	}
	if fl&bCites != 0 {
		b.cites = u.p.cites[u.uint()]
	}
	if fl&bFlow != 0 {
		u.flows = append(u.flows, struct {
			b *vbox
			i int
		}{b, u.int()})
	}
	if fl&bTexts != 0 {
		end := u.block()
		runs, at := &u.data, u.at
		if u.as == placing || u.as == lean && len(b.cited().refs) > 0 { // what is kept of the texts, a copy
			if u.runs == nil {
				room := 0
				if u.as == placing {
					room = u.p.placed
				}
				u.runs = &page.Runs{Data: make([]byte, 0, room)}
			}
			runs, at = u.runs, len(u.runs.Data)
			u.runs.Data = append(u.runs.Data, u.data.Data[u.at:end]...)
		}
		switch {
		case u.as == lean && len(b.cited().refs) == 0:
		case u.as == placing && len(b.cited().refs) == 0:
			b.runs, b.runsAt = runs, int32(at)
		default:
			start := len(u.texts) // whole, in the room made for every text
			runs.Each(at, b.base, func(t page.Text) { u.texts = append(u.texts, t) })
			b.texts = u.texts[start:len(u.texts):len(u.texts)]
		}
		u.at = end
	}
	if fl&bArt != 0 {
		end := u.block()
		if u.as == lean {
			u.at = end
		} else {
			b.art = u.art()
		}
	}
}

// tags reads a box's paths as tags packed them, an array read before shared again; the paths of
// an array share one array of nodes, as tags.Within makes them.
func (u *unpacker) tags() []tags.Path {
	var ps []tags.Path
	if i := u.int(); i > 0 {
		ps = u.paths[i-1]
	} else {
		ps = make([]tags.Path, u.uint())
		room := make([]*tags.Node, 0, u.uint()) // one array for the paths' nodes
		for i := range ps {
			from := len(room)
			for n := u.int(); n > 0; n-- {
				room = append(room, u.p.nodes[u.uint()])
			}
			if len(room) > from { // an empty path stays nil, as packed
				ps[i] = room[from:len(room):len(room)]
			}
		}
		u.paths = append(u.paths, ps)
	}
	n := u.int()
	return ps[:n:n]
}

// block reads a block's length, and gives where it ends.
func (u *unpacker) block() int {
	n := int(binary.LittleEndian.Uint32(u.data.Data[u.at:]))
	u.at += 4
	return u.at + n
}

func (u *unpacker) fill() *page.Color {
	if i := u.optional(); i >= 0 {
		return u.p.colors[i]
	}
	return nil
}

func (u *unpacker) art() *page.Art {
	a := &page.Art{}
	if n := u.int(); n > 0 {
		a.Rects = make([]page.Rect, n)
		for i := range a.Rects {
			r := &a.Rects[i]
			r.X, r.Y, r.W, r.H = u.float(), u.float(), u.float(), u.float()
			r.Fill, r.Stroke = u.fill(), u.fill()
			r.LineWidth = u.float()
		}
	}
	if n := u.int(); n > 0 {
		a.Rules = make([]page.Rule, n)
		for i := range a.Rules {
			r := &a.Rules[i]
			r.X1, r.Y1, r.X2, r.Y2 = u.float(), u.float(), u.float(), u.float()
			r.Width, r.Color = u.float(), u.rgb()
		}
	}
	if n := u.int(); n > 0 {
		a.Images = make([]page.Image, n)
		for i := range a.Images {
			im := &a.Images[i]
			im.X, im.Y, im.W, im.H = u.float(), u.float(), u.float(), u.float()
			im.Name, im.MediaType = u.str(), u.str()
			if d := u.optional(); d >= 0 {
				im.Data = u.p.images[d]
			}
			im.Tag = page.Tag(u.uint())
		}
	}
	if n := u.int(); n > 0 {
		a.Vectors = make([]page.Vector, n)
		for i := range a.Vectors {
			v := &a.Vectors[i]
			v.X, v.Y, v.W, v.H = u.float(), u.float(), u.float(), u.float()
			v.Name, v.Drawing, v.Tag = u.str(), u.p.drawings[u.uint()], page.Tag(u.uint())
		}
	}
	if n := u.int(); n > 0 {
		a.Links = make([]page.Link, n)
		for i := range a.Links {
			l := &a.Links[i]
			l.X, l.Y, l.W, l.H = u.float(), u.float(), u.float(), u.float()
			l.URL, l.Dest, l.Tag = u.str(), u.str(), page.Tag(u.uint())
		}
	}
	return a
}

func (u *unpacker) flow() *flowInfo {
	f := &flowInfo{}
	if n := u.int(); n > 0 {
		f.dests = make([]string, n)
		for i := range f.dests {
			f.dests[i] = u.str()
		}
	}
	if n := u.int(); n > 0 {
		f.marks = make([]mark, n)
		for i := range f.marks {
			f.marks[i] = mark{title: u.str(), level: u.int(), open: u.data.Data[u.at] == 1}
			u.at++
		}
	}
	if n := u.optional(); n >= 0 {
		f.header = make([]*vbox, n)
		for i := range f.header {
			f.header[i] = u.boxes[u.uint()]
		}
	}
	if i := u.optional(); i >= 0 {
		f.chapter = u.p.marks[i]
	}
	f.float = u.int()
	if i := u.optional(); i >= 0 {
		f.start = u.p.starts[i]
	}
	return f
}
