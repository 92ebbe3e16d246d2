package layout

import (
	"hash/maphash"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"

	"bookc/builder/diag"
	"bookc/builder/once"
	"bookc/builder/tree"
	memos "bookc/formats/memo" // layout has a memo of its own
	"bookc/formats/pdf/hyphen"
	"bookc/formats/pdf/linebreak"
	"bookc/formats/pdf/metrics"
	"bookc/formats/pdf/page"
	"bookc/formats/scratch"
)

// lay is the state of one layout pass over a book.
type lay struct {
	g         Geometry
	ink       inks
	book      *tree.Book
	refs      map[string]string // page labels of link targets, from the previous pass
	unknown   guesses           // what a reference prints before its page is known
	diags     diag.List
	chap      *tree.Chapter
	shared    *Shared
	params    linebreak.Params
	notes     map[string][]*vbox // footnote ID -> its boxes
	size      float64            // body text size and leading where the current block sits
	lead      float64
	scale     float64            // the book's body size to bodySize: what pt scales the design by
	nest      int                // container depth: headings inside containers are no sections
	track     bool               // mark where chapters and their blocks begin, for PageStarts
	measure   bool               // paginate only numbers pages: it puts nothing on them (a first pass)
	packs     bool               // its units are kept packed between passes (bigBook)
	spill     *scratch.File      // where packed units keep their data; nil: in memory
	unpacked  *boxRoom           // where a stretch's units are unpacked, when not nil (stretches)
	streaming *streaming         // the pass gives its pages to a sink as it finishes them; nil: keeps them
	lists     int                // list depth, for bullets
	level     int                // outline level of the current chapter
	depth     int                // of the current chapter: 0 top-level, 1 a sub-chapter...
	noHyphen  bool               // in table cells, headings and titles
	hyph      *hyphen.Hyphenator // the book's language's; nil for none
	vocab     *sync.Map          // the shared cuts of words in hyph's language (Shared.vocab)
	missing   lacking            // characters of the chapter that the fonts lack
	at        tree.At            // where the block being set is in the source
	memo      *memo
	room      *room          // where lines gather and keep their runs
	words     *metrics.Memo  // the words shaped lately (nil: none remembered)
	cuts      *cutMemo       // the words hyphenated lately (nil: none remembered)
	faces     *metrics.Faces // the book's faces; nil: bookc's own
}

// memo keeps what does not change between layout passes of a book: of one unit (a chapter or a
// part's page), the whole unit as last set and, when editions share their work (cached), its
// set blocks; of the front matter, the titles of the contents as set.
type memo struct {
	blocks  map[blockKey]setBlock
	unit    *setUnit
	key     *unitKey // the unit's in Shared.units, once asked for
	entries map[entryKey][]*vbox
}

// entryKey is a title of the contents as it is set.
type entryKey struct {
	title  string
	st     style
	indent float64
}

// setUnit is a set unit with its footnotes and what its layout reported.
type setUnit struct {
	bs     []*vbox
	notes  map[string][]*vbox
	packed *packed // bs and notes, packed (lay.packs): then they are nil
	diags  diag.List
	last   atomic.Pointer[renumbered] // as reuseUnit last renumbered it, for the next pass or build to print the same numbers with the same boxes
	opens  bool                       // it opens a stretch of the body (chapterCuts)
	cited  []string                   // the footnotes its boxes cite
	n      int                        // its boxes
}

// newSetUnit is a unit as set, with what paginating it apart asks of its boxes.
func newSetUnit(bs []*vbox, notes map[string][]*vbox, diags diag.List) *setUnit {
	u := &setUnit{bs: bs, notes: notes, diags: diags, n: len(bs), opens: len(bs) > 0 && opensChapter(bs[0])}
	for _, b := range bs {
		u.cited = append(u.cited, b.cited().notes...)
	}
	return u
}

// pack keeps the unit's boxes and footnotes packed, their data in spill when there is one.
func (u *setUnit) pack(spill *scratch.File) {
	u.packed = pack(u.bs, u.notes, slices.Sorted(maps.Keys(u.notes)), spill)
	u.bs, u.notes = nil, nil
}

// boxes are the unit's boxes and footnotes: unpacked anew when packed, as the pass needs them
// (packed.unpack), which fails where spilled data cannot be read back.
func (u *setUnit) boxes(as unpacking, room *boxRoom) ([]*vbox, map[string][]*vbox, error) {
	if u.packed != nil {
		return u.packed.unpack(as, room)
	}
	return u.bs, u.notes, nil
}

// renumbered is a unit's boxes and footnotes with the page numbers nums printed in them.
type renumbered struct {
	nums  []string
	bs    []*vbox
	notes map[string][]*vbox
}

// setBlock is a set block with what its layout reported.
type setBlock struct {
	bs      []*vbox
	diags   diag.List
	missing []lack
}

type blockKey struct {
	b          tree.Block
	x, w, size float64
}

func newMemo() *memo {
	return &memo{blocks: map[blockKey]setBlock{}, entries: map[entryKey][]*vbox{}}
}

// Shared is what the layouts of one book's editions have in common: the hyphenation points of
// its words, and its blocks as set in one edition, for the others to take where the same block
// comes in the same chapter at the same place and size. A layout gives the same pages with it as
// without; it is safe for concurrent use.
type Shared struct {
	words  *sync.Map     // *hyphen.Hyphenator -> *sync.Map of word -> its hyphenation cuts, []cut; read far more often than written
	prints memos.Printer // of blocks' and chapters' fingerprints: a key keeps no copy of them

	blocks *once.Table[sharedKey, shared[setBlock]] // nil when there is one edition: nothing to share
	// units are the chapters as a layout's first pass sets them, before any page number is
	// known, and as a later pass set them again when a number changed width: the same in every
	// edition that has the chapter alike, and in the next build when an edit left it as it was
	// ('bookc watch'). nil with blocks.
	units *once.Table[unitKey, shared[*setUnit]]
	// entries are the titles of the contents as set, the same in every pass, edition and build
	// that has them: only their numbers change. nil with blocks.
	entries *once.Table[entryKey, shared[[]*vbox]]
	// paged are stretches of the body as the build before paginated them, from a box that starts
	// a page to the next, for the next build to take where an edit left them alike ('bookc
	// watch'). A renewed Shared's alone: editions beside each other seldom have a stretch alike
	// (70 of 456 in the four editions of the 1.5 MB benchmark book), and the copies cost memory.
	paged *pagedTable
	// spills is where packed units keep their data (bigBook), for as long as the units may be
	// asked for: this Shared's and those it renews as
	spills *spills
}

// spills is a scratch file for packed units' data, made when first asked for.
type spills struct {
	once sync.Once
	f    *scratch.File
}

// file is the scratch file; nil where none can be made: the units keep their data then.
func (s *spills) file() *scratch.File {
	s.once.Do(func() { s.f, _ = scratch.New("the lines of a large book") })
	return s.f
}

// close lets go of the file, once no unit is to be unpacked from it.
func (s *spills) close() {
	s.once.Do(func() {}) // none to make after
	if s.f != nil {
		s.f.Close()
	}
}

// NewShared returns an empty Shared, for the editions of one book.
func NewShared() *Shared {
	sh := solo()
	sh.prints = memos.NewPrinter()
	sh.blocks = once.NewTable[sharedKey, shared[setBlock]]()
	sh.units = once.NewTable[unitKey, shared[*setUnit]]()
	sh.entries = once.NewTable[entryKey, shared[[]*vbox]]()
	return sh
}

// Renew returns the Shared for the next build of the same book: the blocks and chapters this
// build set or reused, and the words it hyphenated (a book's vocabulary, which edits barely grow).
func (sh *Shared) Renew() *Shared {
	if sh.blocks == nil {
		return NewShared()
	}
	return &Shared{words: sh.words, prints: sh.prints, blocks: sh.blocks.Renew(), units: sh.units.Renew(), entries: sh.entries.Renew(), paged: renewPaged(sh.paged), spills: sh.spills}
}

// renewPaged is the table of the next build's stretches: the one this build filled, or a first.
func renewPaged(t *pagedTable) *pagedTable {
	if t == nil {
		return once.NewTable[pagedKey, shared[*paged]]()
	}
	return t.Renew()
}

// printOf is the print of v's fingerprint, taken in a buffer of the pool's.
func (sh *Shared) printOf(v reflect.Value) memos.Print {
	buf := fingerprints.Get().(*[]byte)
	defer fingerprints.Put(buf)
	*buf = fingerprint((*buf)[:0], v)
	return sh.prints.Of(*buf)
}

// fingerprints are the buffers fingerprints are taken in: a chapter's runs to megabytes.
var fingerprints = sync.Pool{New: func() any { return new([]byte) }}

// solo is a Shared for a single edition, which spares the keys of blocks nobody else will ask for.
func solo() *Shared { return &Shared{words: &sync.Map{}, spills: &spills{}} }

// sharedKey is a block's place in the book and everything its setting depends on.
type sharedKey struct {
	source     string      // the chapter: diagnostics name its file
	content    memos.Print // of the block's fingerprint, which has every field of it
	x, w, size float64
}

// unitKey is a chapter's place in the outline and everything its setting depends on but the
// page numbers it prints (renumber brings those up to date).
type unitKey struct {
	content      memos.Print // of the chapter's fingerprint, without its sub-chapters (units of their own)
	level, depth int
	titled       bool
	unknown      string // what its references print while their pages are unknown (guessedIn)
	numbered     bool   // set by a pass that knew its pages: another entry than the first pass's
}

// shared is a block or chapter set by one edition, which the others wait for rather than set it
// again.
type shared[V any] struct {
	set V
	ok  bool // false when its setting failed: each edition then sets it for itself
}

// vocab is the words of h's language hyphenated so far, each with its cuts ([]cut).
func (sh *Shared) vocab(h *hyphen.Hyphenator) *sync.Map {
	m, ok := sh.words.Load(h)
	if !ok {
		m, _ = sh.words.LoadOrStore(h, &sync.Map{})
	}
	return m.(*sync.Map)
}

// cutsOf are the hyphenation cuts of a word in h's language, found once per book (words is
// vocab(h)). They are shared: read them, never change them.
func cutsOf(words *sync.Map, h *hyphen.Hyphenator, word string) []cut {
	if cs, ok := words.Load(word); ok {
		return cs.([]cut)
	}
	pts := h.Points(word)
	var cs []cut
	if len(pts) > 0 {
		cs = make([]cut, len(pts))
		for i, pt := range pts {
			cs[i] = cut{at: pt, penalty: 50, flagged: true, hyphen: true}
		}
	}
	words.Store(word, cs)
	return cs
}

// cutMemo is a small cache of hyphenation cuts for one goroutine (a chapter's layout), in front
// of the vocabulary every core shares, as metrics.Memo is for shaped words: a direct-mapped
// table. A build looks up every word of its text there, and in a cold process the shared map's
// nodes, spread over memory, cost more than the lookups of a table the chapter's words stay in.
// Cuts depend on the language and the word alone, so one memo serves any book. Not safe for
// concurrent use; nil: none, the vocabulary asked each time.
type cutMemo struct{ slots [cutSlots]cutSlot }

type cutSlot struct {
	h    *hyphen.Hyphenator // nil for an empty slot
	word string
	cuts []cut
}

const cutSlots = 8192 // a power of two

var cutMemos = sync.Pool{New: func() any { return new(cutMemo) }}

// cutSeed places words in a cutMemo's slots; where one goes changes only what it takes the place of.
var cutSeed = maphash.MakeSeed()

// of is cutsOf(words, h, word), remembered.
func (m *cutMemo) of(words *sync.Map, h *hyphen.Hyphenator, word string) []cut {
	if m == nil {
		return cutsOf(words, h, word)
	}
	sl := &m.slots[maphash.String(cutSeed, word)&(cutSlots-1)]
	if sl.h == h && sl.word == word {
		return sl.cuts
	}
	cs := cutsOf(words, h, word)
	*sl = cutSlot{h: h, word: word, cuts: cs}
	return cs
}

// hyphenator is the hyphenation of a book's language; nil for a language bookc has no patterns
// for. A book that names none is in English, as mdBook has it.
func hyphenator(lang string) *hyphen.Hyphenator {
	if lang == "" {
		lang = "en"
	}
	h, _ := hyphen.For(lang)
	return h
}

// claim returns what was set for the key, a block or a chapter, waiting while another edition
// sets it. When none has, it returns nil and the function to hand what the caller sets over with,
// which the caller must call, with ok false if it could not set it. nil and nil: the caller sets
// it for itself.
func claim[K comparable, V any](t *once.Table[K, shared[V]], k K) (*V, func(s V, ok bool)) {
	e, mine := t.Claim(k)
	if !mine {
		sb := e.Wait()
		if !sb.ok {
			return nil, nil
		}
		return &sb.set, nil
	}
	return nil, func(s V, ok bool) { e.Set(shared[V]{s, ok}) }
}

// made returns what t holds for k, which make makes when no edition or build has: for what is
// only read once made. A nil t holds nothing.
func made[K comparable, V any](t *once.Table[K, shared[V]], k K, make func() V) V {
	if t == nil {
		return make()
	}
	got, share := claim(t, k)
	if got != nil {
		return *got
	}
	var v V
	finished := false
	if share != nil {
		defer func() { share(v, finished) }() // also when making panics: the others must not wait
	}
	v = make()
	finished = true
	return v
}

func newLay(b *tree.Book, refs map[string]string, m *memo, sh *Shared) *lay {
	faces, _ := metrics.ForBook(b.Settings.Fonts) // remembered: Book reports its errors once
	hyph := hyphenator(b.Language)
	var vocab *sync.Map
	if hyph != nil {
		vocab = sh.vocab(hyph)
	}
	return &lay{g: PageGeometry(b.Settings), ink: inksFor(b.Settings), book: b, refs: refs, unknown: guesses{unknown: "00"}, shared: sh, memo: m, hyph: hyph, vocab: vocab, faces: faces,
		params: linebreak.DefaultParams(), notes: map[string][]*vbox{}, room: newRoom(),
		size: bodySizeOf(b.Settings), lead: bodyLeadOf(b.Settings), scale: bodySizeOf(b.Settings) / bodySize}
}

// pt is a length of bookc's design, drawn for body text of bodySize, at the book's body size.
func (l *lay) pt(v float64) float64 { return v * l.scale }

// pageRef is the page label a cross-reference prints; room for it until it is known.
func (l *lay) pageRef(dest string) string {
	if s, ok := l.refs[dest]; ok {
		return s
	}
	return l.unknown.of(dest)
}

// charsPerPage is about how much text a page holds, headings, code and white space counted: the
// handbook's.
const charsPerPage = 1500

// guesses are what each reference prints before its page is known: as many zeros as the page its
// target's place in the text suggests has digits (the page count's, in unknown, for a target in
// the front matter, numbered in roman, or one not found). In a book of 900 pages a tenth of the
// targets are on pages of two digits: printed as three, every chapter that refers to one was set
// again once its page was known.
type guesses struct {
	unknown string
	dests   map[string]uint8 // by link target: the digits of its page's guess
	text    int              // the bytes of text in the book
}

func (g guesses) of(dest string) string {
	if d, ok := g.dests[dest]; ok {
		return manyZeros[:d]
	}
	return g.unknown
}

// manyZeros holds the zeros of a guess: more than an int's digits.
const manyZeros = "00000000000000000000"

// without is the guesses for the targets known does not have, which a reference whose page is
// known never asks for: once the first pass has numbered the pages, most often none, where the
// guesses for every target of a large book were more than a twentieth of its live heap. Later
// passes find none left to drop, and keep g as it is.
func (g guesses) without(known map[string]string) guesses {
	if len(g.dests) == 0 {
		return g
	}
	rest := guesses{unknown: g.unknown, text: g.text, dests: map[string]uint8{}}
	for dest, d := range g.dests {
		if _, ok := known[dest]; !ok {
			rest.dests[dest] = d
		}
	}
	return rest
}

// guessPages guesses each link target's page from the text before it, charsPerPage a page.
func guessPages(b *tree.Book) guesses {
	at := map[string]int{} // the bytes of text before each target, from the body's start
	n, body := 0, -1
	for _, part := range b.Parts {
		var walk func(cs []*tree.Chapter)
		walk = func(cs []*tree.Chapter) {
			for _, c := range cs {
				if body < 0 && (part.Title != "" || c.Number != nil) {
					body = n
				}
				mark := func(dest string) {
					if body >= 0 {
						at[dest] = n - body
					}
				}
				if !c.Draft {
					mark(chapterDest(c.ID))
				}
				tree.WalkChapter(c, func(bl tree.Block) {
					switch t := bl.(type) {
					case *tree.CodeBlock:
						n += len(t.Text)
					case *tree.Heading:
						mark(headingDest(t.ID))
					case *tree.Anchor:
						mark(headingDest(t.ID))
					}
				}, func(in tree.Inline) {
					switch t := in.(type) {
					case *tree.Text:
						n += len(t.Text)
					case *tree.Code:
						n += len(t.Text)
					case *tree.Anchor:
						mark(headingDest(t.ID))
					}
				})
				walk(c.Children)
			}
		}
		walk(part.Chapters)
	}
	digits := func(page int) int { return len(strconv.Itoa(max(1, page))) }
	g := guesses{unknown: manyZeros[:digits(n/charsPerPage)], dests: make(map[string]uint8, len(at)), text: n}
	for dest, off := range at {
		g.dests[dest] = uint8(digits(off/charsPerPage + 1))
	}
	return g
}

func (l *lay) source() string {
	if l.chap != nil {
		return l.chap.Source
	}
	return ""
}

func (l *lay) text() style {
	return style{faces: l.faces, font: page.Regular, size: l.size, color: black}
}

// cached sets a block with set or, when a book's editions share their work, reuses its boxes
// from the previous pass or from another edition: as they are when the block prints no page
// number, with the numbers rewritten when each new one is as wide as the old. A single edition
// keeps no blocks: the next pass takes most units whole (reuseUnit), and a copy of every line for
// the few set again cost more, in memory and in time, than it spared.
func (l *lay) cached(b tree.Block, x, w float64, set func() []*vbox) []*vbox {
	if l.shared.blocks == nil {
		return set()
	}
	key := blockKey{b, x, w, l.size}
	m, seen := l.memo.blocks[key]
	var share func(setBlock, bool)
	if seen {
		if bs, ok := l.reuse(m); ok {
			return bs
		}
	} else {
		var sm *setBlock
		if sm, share = l.fromShared(b, x, w); sm != nil {
			l.memo.blocks[key] = *sm
			if bs, ok := l.reuse(*sm); ok {
				return bs
			}
		}
	}
	finished := false
	if share != nil {
		defer func() { share(m, finished) }() // also when setting panics: the others must not wait
	}
	nd, missing := len(l.diags), l.missing
	l.missing = lacking{}
	bs := set()
	m = setBlock{clone(bs), slices.Clone(l.diags[nd:]), l.missing.list}
	finished = true
	l.memo.blocks[key] = m
	l.missing = missing
	l.lack(m.missing)
	return bs
}

// fromShared is Shared.block for a block of this chapter at this place and size.
func (l *lay) fromShared(b tree.Block, x, w float64) (*setBlock, func(setBlock, bool)) {
	return claim(l.shared.blocks, sharedKey{l.source(), l.shared.printOf(reflect.ValueOf(&b).Elem()), x, w, l.size})
}

// reuse gives a set block's boxes with their page numbers brought up to date, and reports what
// its setting reported, unless a number's width changed. The boxes are copies: the chapter around
// a block decorates them.
func (l *lay) reuse(m setBlock) ([]*vbox, bool) {
	bs, ok := l.renumber(m.bs)
	if ok {
		bs = clone(bs)
		l.diags.Add(m.diags...)
		l.lack(m.missing)
	}
	return bs, ok
}

// renumber gives boxes with the page numbers they print brought up to date, or reports that a
// number's width changed, so that the lines must be set again. Only the boxes that print a number
// are copied; the others are given as they are, to be read only.
func (l *lay) renumber(bs []*vbox) ([]*vbox, bool) {
	changed, headers := false, false
	for _, b := range bs {
		for _, r := range b.cited().refs {
			t := b.texts[r.text]
			if now := l.pageRef(r.dest); now != t.S {
				if faceOf(t.Font).Width(now, t.Size) != faceOf(t.Font).Width(t.S, t.Size) {
					return nil, false
				}
				changed = true
			}
		}
		// rows repeat their table's header: copies of it where it prints a number
		headers = headers || b.flow != nil && slices.ContainsFunc(b.flow.header, func(h *vbox) bool { return len(h.cited().refs) > 0 })
	}
	if !changed { // every number prints as it did: the boxes are what they were
		return bs, true
	}
	if headers { // table rows must repeat the renumbered copy of their header: copy all, linked
		out := clone(bs)
		for _, b := range out {
			l.printRefs(b)
		}
		return out, true
	}
	out := slices.Clone(bs)
	for i, b := range out {
		if b.cites != nil && len(b.cites.refs) > 0 {
			c := *b
			l.printRefs(&c)
			out[i] = &c
		}
	}
	return out, true
}

// printRefs writes the page numbers a box prints, the box's own copy of its texts.
func (l *lay) printRefs(b *vbox) {
	if refs := b.cited().refs; len(refs) > 0 {
		b.texts = slices.Clone(b.texts)
		for _, r := range refs {
			// the run is the number alone (its style is its own): draw shapes it, as wide as
			// the one it replaces (renumber)
			t := &b.texts[r.text]
			t.S, t.Glyphs = l.pageRef(r.dest), nil
		}
	}
}
