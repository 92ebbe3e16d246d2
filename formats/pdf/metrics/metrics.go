// Package metrics shapes and measures text exactly as the PDF draws it: kerning, ligatures and
// complex scripts from HarfBuzz (formats/pdf/shape), every advance in thousandths of an em as the
// embedded fonts' width arrays have them, and the faces that draw what a book face lacks: the mono
// face of its weight for a text face (arrows, ≤, the minus sign), then the system's fonts, in
// shape.Discover's stated order, so that one machine always picks the same.
package metrics

import (
	"cmp"
	"fmt"
	"hash/crc32"
	"math"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"bookc/formats/pdf/page"
	"bookc/formats/pdf/shape"
	"bookc/formats/pdf/ttf"
)

// Face is one font text is set in: a book face (page.Fonts) or a fallback lent by the system.
// Faces are read-only and shared.
type Face struct {
	Font page.Font
	Name string    // the font's PostScript name
	Key  string    // what tells this face from every other, whatever its Font number (Order)
	Res  string    // a PDF name made of Key, for the resources that name the face
	TTF  *ttf.Font // the parsed font file, which draw subsets and embeds

	Ascent  float64 // above the baseline, in 1/1000 em
	Descent float64 // below the baseline (positive), in 1/1000 em

	shaper   *shape.Face
	chain    *shape.Chain // this face, its book fallback, the system's fonts
	features shape.Features
	runes    func() []rune // by glyph, the first character mapped to it (CharOf)
	ascii    [128]int16    // the advance of each ASCII character the face has; -1 where it has none
	space    func() []page.Glyph
	hyphen   func() Seg
	words    *shape.Cache[[]Seg] // plain text's words (plain), shaped in this face alone: one Seg each
}

var (
	registry atomic.Pointer[[]*Face] // by page.Font; grows, never changes what it holds
	mu       sync.Mutex              // registering fallbacks
	lent     = map[*shape.Face]page.Font{}
	unusable = map[*shape.Face]bool{} // system fonts the PDF cannot embed (no glyf outlines)
	books    sync.Once
)

// SystemDirs are the folders fallback fonts are found in: fontconfig's usual ones. A test that
// must not depend on the machine's fonts empties it before the first Get.
var SystemDirs = shape.DefaultDirs()

// system is the machine's fonts, found once per process: the same machine gives the same bytes.
// Only fonts the PDF can subset are taken: TrueType outlines in a file of their own.
var system = sync.OnceValue(func() *shape.System {
	lim := shape.DefaultLimits
	lim.TrueTypeOnly = true
	return shape.Discover(SystemDirs, lim)
})

// Get returns a face by its number.
func Get(f page.Font) *Face {
	books.Do(loadBooks)
	return (*registry.Load())[f]
}

// Warm loads the book faces, as the first Get does.
func Warm() { books.Do(loadBooks) }

// loadBooks loads the book faces, each on a core of its own: every layout waits for them when
// it starts, and loaded one after the other they took 40 ms of a cold 0.85 s build with the
// other core idle.
func loadBooks() {
	fs := make([]*Face, len(page.Fonts))
	var wg sync.WaitGroup
	for i, pf := range page.Fonts {
		wg.Go(func() {
			sh, err := shape.LoadFace(pf.Face().TTF, 0)
			var fc *Face
			if err == nil {
				fc, err = newFace(pf, sh)
			}
			if err != nil {
				panic(fmt.Sprintf("metrics: font %s: %v", pf.Face().Name, err)) // compiled in: a programming error
			}
			fs[i] = fc
		})
	}
	wg.Wait()
	for _, fc := range fs {
		chain := []*shape.Face{fc.shaper}
		if fb := fc.Font.Fallback(); fb != fc.Font {
			chain = append(chain, fs[fb].shaper)
		}
		fc.chain = shape.NewChain(chain, system())
		lent[fc.shaper] = fc.Font
	}
	registry.Store(&fs)
}

// newFace makes face f of a loaded shaper, reading its file for what the PDF embeds of it.
func newFace(f page.Font, sh *shape.Face) (*Face, error) {
	data, index := sh.Data(), sh.Index()
	t, err := ttf.Parse(data)
	if err != nil {
		return nil, err
	}
	// a checksum of the file, not a hash: the book faces are 5 MB, read at each start
	key := fmt.Sprintf("%s-%08x-%d", sh.Name(), crc32.ChecksumIEEE(data), index)
	fc := &Face{Font: f, Name: sh.Name(), Key: key, Res: fmt.Sprintf("F%08X", crc32.ChecksumIEEE([]byte(key))), TTF: t,
		Ascent: t.Ascent, Descent: -t.Descent, shaper: sh}
	if t.FixedPitch {
		fc.features.NoLigatures = true // code: "fi" and "->" stay as typed
	}
	fc.runes = sync.OnceValue(func() []rune { return firstRunes(t) })
	fc.words = fc.plainWords()
	fc.hyphen = sync.OnceValue(func() Seg { return fc.Shape("-")[0] })
	fc.space = sync.OnceValue(func() []page.Glyph { return fc.Shape(" ")[0].Glyphs })
	for c := range fc.ascii {
		fc.ascii[c] = -1
		if g := t.Glyph(rune(c)); g != 0 && c >= 0x20 {
			fc.ascii[c] = t.Advance(g)
		}
	}
	return fc, nil
}

// lend gives the number of a system face, registering it on first use; false when the PDF
// cannot embed it.
func lend(sf *shape.Face) (page.Font, bool) {
	mu.Lock()
	defer mu.Unlock()
	if f, ok := lent[sf]; ok {
		return f, true
	}
	if unusable[sf] {
		return 0, false
	}
	fc, err := addFace(sf, shape.NewChain([]*shape.Face{sf}, nil))
	if err != nil {
		unusable[sf] = true
		return 0, false
	}
	return fc.Font, true
}

// addFace registers a face of a shaper, which its chain falls back from, under the next number;
// a shaper not lent yet is lent as it. The caller holds mu.
func addFace(sf *shape.Face, chain *shape.Chain) (*Face, error) {
	all := *registry.Load()
	fc, err := newFace(page.Font(len(all)), sf)
	if err != nil {
		return nil, err
	}
	fc.chain = chain
	next := append(slices.Clip(all), fc)
	registry.Store(&next)
	if _, ok := lent[sf]; !ok {
		lent[sf] = fc.Font
	}
	return fc, nil
}

// Order sorts faces by their Key: a PDF lists its fonts so, whatever numbers the build gave them.
func Order(a, b page.Font) int { return cmp.Compare(Get(a).Key, Get(b).Key) }

// firstRunes lists, by glyph, the first character the cmap maps to it; 0 for none.
func firstRunes(t *ttf.Font) []rune {
	out := make([]rune, t.Glyphs())
	for r := rune(1); r < 0x10000; r++ {
		if g := t.Glyph(r); g != 0 && out[g] == 0 {
			out[g] = r
		}
	}
	for _, r := range t.Supplementary() {
		if g := t.Glyph(r); out[g] == 0 {
			out[g] = r
		}
	}
	return out
}

// Runes lists, by glyph, the character the font maps to it (CharOf), for loops over many glyphs.
func (f *Face) Runes() []rune { return f.runes() }

// CharOf is the character the font maps to glyph g, the first if several are; 0 for a glyph the
// cmap does not reach (a ligature, a contextual form).
func (f *Face) CharOf(g uint16) rune {
	if rs := f.runes(); int(g) < len(rs) {
		return rs[g]
	}
	return 0
}

// Seg is text set in one face: its glyphs in visual order, clusters the byte offsets in the text
// given to Shape.
type Seg struct {
	Font   page.Font
	Glyphs []page.Glyph
	RTL    bool // set right to left: its glyphs' clusters go down
	// Missing: no font has these characters; their glyphs are 0, which draw shows as boxes
	Missing bool
}

// caches keeps a word cache per shaping setup (shape.Params): the faces' own plain one, and one
// for each face, script and direction itemised text takes.
var caches sync.Map // shape.Params -> *shape.Cache[[]page.Glyph]

// wordsIn is the cache of words shaped with p, in the shaping face's thousandths of an em.
func wordsIn(p shape.Params) *shape.Cache[[]page.Glyph] {
	if c, ok := caches.Load(p); ok {
		return c.(*shape.Cache[[]page.Glyph])
	}
	c, _ := caches.LoadOrStore(p, shape.NewCache(1<<15, func(text string) []page.Glyph { return shapeWord(text, p) }))
	return c.(*shape.Cache[[]page.Glyph])
}

// plainWords is a face's cache of plain words (plain), each one segment in the face: what Shape
// gives for it, without an allocation.
func (f *Face) plainWords() *shape.Cache[[]Seg] {
	p := shape.Params{Face: f.shaper, Features: f.features}
	return shape.NewCache(1<<16, func(text string) []Seg { return []Seg{{Font: f.Font, Glyphs: shapeWord(text, p)}} })
}

func shapeWord(text string, p shape.Params) []page.Glyph {
	gs := shape.Shape(text, p)
	out := make([]page.Glyph, len(gs))
	scale := 1000 / float64(p.Face.UnitsPerEm())
	u := func(v int32) int16 {
		return int16(max(math.MinInt16, min(math.MaxInt16, math.Round(float64(v)*scale))))
	}
	for i, g := range gs {
		out[i] = page.Glyph{ID: g.ID, Advance: u(g.XAdvance), XOff: u(g.XOffset), YOff: u(g.YOffset), Cluster: g.Cluster}
	}
	return out
}

// Shape sets s, left to right at its base, in this face and those it falls back to: runs of one
// face, script and direction, shaped word by word (cached), in visual order. A character no
// face has is a glyph 0, which draw shows as a box. The glyphs may be shared: do not change them.
func (f *Face) Shape(s string) []Seg {
	if f.plain(s) {
		if strings.IndexByte(s, ' ') < 0 {
			return f.words.Get(s) // one word: the cache's own
		}
		gs := make([]page.Glyph, 0, len(s))
		f.words.Words(s, shape.LeftToRight, func(off int, ws []Seg) {
			for _, g := range ws[0].Glyphs {
				g.Cluster += int32(off)
				gs = append(gs, g)
			}
		})
		return []Seg{{Font: f.Font, Glyphs: gs}}
	}
	p := shape.Itemise(s, shape.BaseLTR, f.chain)
	segs := make([]Seg, 0, len(p.Runs))
	levels := make([]shape.Level, len(p.Runs))
	for i, r := range p.Runs {
		levels[i] = r.Level
	}
	for _, i := range shape.ReorderLine(levels) {
		r := p.Runs[i]
		font, ok := f.Font, r.Face != nil
		if ok {
			font, ok = lend(r.Face)
		}
		var gs []page.Glyph
		if !ok {
			font = f.Font
			notdef := f.TTF.Advance(0)
			for j := range p.Text[r.Start:r.End] {
				if utf8.RuneStart(p.Text[r.Start+j]) {
					gs = append(gs, page.Glyph{Advance: notdef, Cluster: int32(p.Source(r.Start + j))})
				}
			}
		} else {
			params := shape.Params{Face: r.Face, Direction: r.Level.Direction(), Script: r.Script, Features: f.features}
			wordsIn(params).Words(p.Text[r.Start:r.End], params.Direction, func(off int, ws []page.Glyph) {
				for _, g := range ws {
					g.Cluster = int32(p.Source(r.Start + off + int(g.Cluster)))
					gs = append(gs, g)
				}
			})
		}
		// a left-to-right run joins the one before in its face, for fewer font changes; a
		// right-to-left one stays alone, for draw to tell its order by its clusters
		if n := len(segs); n > 0 && segs[n-1].Font == font && r.Level%2 == 0 && !segs[n-1].RTL {
			segs[n-1].Glyphs = append(segs[n-1].Glyphs, gs...)
			segs[n-1].Missing = segs[n-1].Missing || !ok
		} else {
			segs = append(segs, Seg{Font: font, Glyphs: gs, RTL: r.Level%2 == 1, Missing: !ok})
		}
	}
	return segs
}

// plain tells the text most books are made of, which needs no itemising: printable ASCII, all of
// it in this face.
func (f *Face) plain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || f.ascii[c] < 0 {
			return false
		}
	}
	return true
}

// Hyphen is a hyphen as the face sets it, for the line breaks that add one.
func (f *Face) Hyphen() Seg { return f.hyphen() }

// Space is the glyphs of a space, which lines join between words.
func (f *Face) Space() []page.Glyph { return f.space() }

// Width returns the advance of s at the given size in points, as Shape sets it.
func (f *Face) Width(s string, size float64) float64 {
	n := 0
	if f.plain(s) {
		f.words.Words(s, shape.LeftToRight, func(_ int, ws []Seg) { n += Advance(ws[0].Glyphs) })
	} else {
		for _, sg := range f.Shape(s) {
			n += Advance(sg.Glyphs)
		}
	}
	return float64(n) * size / 1000
}

// Advance is the glyphs' advance in thousandths of the type size.
func Advance(gs []page.Glyph) int {
	n := 0
	for _, g := range gs {
		n += int(g.Advance)
	}
	return n
}

// RuneWidth returns the advance of r alone at the given size in points: for ASCII in the face,
// its advance, which is what shaping one character gives.
func (f *Face) RuneWidth(r rune, size float64) float64 {
	if r >= 0 && r < 0x80 && f.ascii[r] >= 0 {
		return float64(f.ascii[r]) * size / 1000
	}
	return f.Width(string(r), size)
}

// Pack appends the glyphs of text s set in the face to dst, packed as pages keep them
// (page.Glyphs): most are the face's own glyphs for the characters, which its tables give again.
func (f *Face) Pack(dst page.Glyphs, gs []page.Glyph, s string) page.Glyphs {
	return page.Pack(dst, gs, s, f.TTF)
}

// Unpack appends the glyphs of p, a run of text s of the face that Pack packed, to dst.
func (f *Face) Unpack(dst []page.Glyph, p page.Glyphs, s string) []page.Glyph {
	return p.Unpack(dst, s, f.TTF)
}

// Reach returns how far a text run reaches from its X, its word spacing included.
func Reach(t page.Text) float64 {
	spaces := 0
	var n int
	if t.Glyphs != nil {
		gs := Get(t.Font).Unpack(nil, t.Glyphs, t.S)
		n = Advance(gs)
		for _, g := range gs {
			if int(g.Cluster) < len(t.S) && t.S[g.Cluster] == ' ' {
				spaces++
			}
		}
	} else {
		for _, sg := range Get(t.Font).Shape(t.S) {
			n += Advance(sg.Glyphs)
			for _, g := range sg.Glyphs {
				if int(g.Cluster) < len(t.S) && t.S[g.Cluster] == ' ' {
					spaces++
				}
			}
		}
	}
	return float64(n)*t.Size/1000 + float64(spaces)*t.WordSpace
}

// Memo is a small cache of Shape's results for one goroutine (a chapter's layout, a worker's
// pages), in front of the shared caches every core asks: a direct-mapped table, which a book's
// repeated words hit without a lock and without a large map's cache misses. Its results are
// Shape's, so one Memo serves any number of books in turn. Not safe for concurrent use.
type Memo struct {
	slots [memoSlots]memoSlot
}

type memoSlot struct {
	font page.Font
	text string
	segs []Seg
}

const (
	memoSlots = 8192 // a power of two
	memoText  = 32   // the longest text kept: words, not lines
)

var memos = sync.Pool{New: func() any { return new(Memo) }}

// NewMemo takes a Memo, which Done gives back for another goroutine.
func NewMemo() *Memo { return memos.Get().(*Memo) }

// Done gives the Memo back; its user must not use it again.
func (m *Memo) Done() { memos.Put(m) }

// Shape is f.Shape(s), remembered.
func (m *Memo) Shape(f *Face, s string) []Seg {
	if len(s) > memoText || m == nil {
		return f.Shape(s)
	}
	h := uint32(2166136261) ^ uint32(f.Font)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	sl := &m.slots[h&(memoSlots-1)]
	if sl.segs != nil && sl.font == f.Font && sl.text == s {
		return sl.segs
	}
	segs := f.Shape(s)
	*sl = memoSlot{font: f.Font, text: s, segs: segs}
	return segs
}
