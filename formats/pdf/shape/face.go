package shape

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/font/opentype/tables"
	"github.com/go-text/typesetting/harfbuzz"
)

// Face is one loaded font, safe for concurrent use. go-text's *font.Font is read-only and shared;
// its *font.Face and HarfBuzz's buffer hold caches, so each shaping call borrows a worker of its own.
type Face struct {
	font     *font.Font
	outlined func() *Face // the face with the outlines font was parsed without, for Hebrew; nil: font has them (newFont)
	data     []byte       // the file, which the PDF subsets
	index    int          // the font's place in it, for a collection
	name     string
	upem     int32
	bmp      *[0x10000 / 64]uint64 // coverage of the Basic Multilingual Plane: Itemise asks per character

	mu      sync.Mutex
	workers []*worker // idle ones; a plain stack, since sync.Pool would drop them at each GC
}

// worker is what one goroutine needs to shape in a face.
type worker struct {
	font *harfbuzz.Font
	buf  *harfbuzz.Buffer
}

// maxIdleWorkers bounds the workers a face keeps; more are made when more goroutines shape at once.
const maxIdleWorkers = 16

// LoadFace parses font data (TrueType, OpenType, or a collection, of which index picks one).
// Data must not change afterwards: the face keeps slices of it.
func LoadFace(data []byte, index int) (*Face, error) {
	lds, err := ot.NewLoaders(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("reading font: %w", err)
	}
	if index < 0 || index >= len(lds) {
		return nil, fmt.Errorf("reading font: index %d out of a collection of %d", index, len(lds))
	}
	ft, whole, err := newFont(data, lds[index], index)
	if err != nil {
		return nil, fmt.Errorf("reading font %d: %w", index, err)
	}
	f := &Face{font: ft, data: data, index: index, name: fontName(lds[index]), upem: int32(ft.Upem()), bmp: new([0x10000 / 64]uint64)}
	if whole != nil {
		f.outlined = sync.OnceValue(func() *Face {
			ft := whole() // nil, should the outlines not parse: marks are then placed without them
			if ft == nil {
				return nil
			}
			return &Face{font: ft, data: f.data, index: f.index, name: f.name, upem: f.upem, bmp: f.bmp}
		})
	}
	for it := ft.Cmap.Iter(); it.Next(); {
		if r, _ := it.Char(); r >= 0 && r < 0x10000 {
			f.bmp[r/64] |= 1 << (r % 64)
		}
	}
	return f, nil
}

// newFont parses the font for shaping. go-text parses every glyph's outline as it loads a font,
// 11 ms a process for bookc's eight faces, and HarfBuzz reads outlines only to place marks where
// the font has no GPOS positioning for them: a font that has GPOS is parsed through a table
// directory without its outlines (unoutlined). Nothing else bookc asks of go-text reads them, and
// the PDF embeds its subsets from the file itself. HarfBuzz's Hebrew shaper still places marks by
// their outlines in a font whose GPOS has no Hebrew: for it, whole parses the file whole.
func newFont(data []byte, ld *ot.Loader, index int) (ft *font.Font, whole func() *font.Font, err error) {
	if dir, ok := unoutlined(data, index); ok {
		view := io.NewSectionReader(overlay{dir, data}, 0, int64(len(data)))
		if lds, err := ot.NewLoaders(view); err == nil && len(lds) == 1 {
			ft, err := font.NewFont(lds[0])
			if err == nil && ft.GPOS.Lookups != nil && ft.Kerx == nil && len(ft.Morx) == 0 {
				if !slices.ContainsFunc(ft.GPOS.Scripts, func(s font.Script) bool { return s.Tag == hebrew }) {
					whole = func() *font.Font { ft, _ := font.NewFont(ld); return ft }
				}
				return ft, whole, nil
			}
		}
	}
	ft, err = font.NewFont(ld)
	return ft, nil, err
}

// hebrew is the OpenType script tag HarfBuzz's Hebrew shaper asks GPOS for.
var hebrew = ot.MustNewTag("hebr")

// unoutlined is the table directory of a single font's file without its TrueType outlines (glyf,
// and loca, which indexes them), and without the glyph names (post) go-text would parse too, which
// shaping never reads either; false for a collection, or a font with none of them.
func unoutlined(data []byte, index int) ([]byte, bool) {
	if index != 0 {
		return nil, false
	}
	return directoryWithout(data, "glyf", "loca", "post")
}

// directoryWithout is the table directory of a single font's file without the tables named;
// false for a collection, or a font that has none of them.
func directoryWithout(data []byte, tags ...string) ([]byte, bool) {
	const head, record = 12, 16
	if len(data) < head || string(data[:4]) == "ttcf" {
		return nil, false
	}
	n := int(data[4])<<8 | int(data[5])
	if len(data) < head+n*record {
		return nil, false
	}
	dir := append(make([]byte, 0, head+n*record), data[:head]...)
	for i := range n {
		if rec := data[head+i*record : head+(i+1)*record]; !slices.Contains(tags, string(rec[:4])) {
			dir = append(dir, rec...)
		}
	}
	kept := (len(dir) - head) / record
	if kept == n {
		return nil, false
	}
	dir[4], dir[5] = byte(kept>>8), byte(kept)
	return dir, true
}

// overlay reads a file with its first bytes replaced by head's.
type overlay struct{ head, data []byte }

func (o overlay) ReadAt(p []byte, off int64) (int, error) {
	if off >= int64(len(o.data)) {
		return 0, io.EOF
	}
	n := copy(p, o.data[off:])
	if off < int64(len(o.head)) {
		copy(p, o.head[off:])
	}
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// fontName is the PostScript name (name ID 6), else the family (ID 1) without spaces: a name that
// is the same at each run, for the PDF's BaseFont and for messages.
func fontName(ld *ot.Loader) string {
	raw, err := ld.RawTable(ot.MustNewTag("name"))
	if err == nil {
		if names, _, err := tables.ParseName(raw); err == nil {
			if n := names.Name(6); n != "" {
				return n
			}
			if n := strings.ReplaceAll(names.Name(1), " ", ""); n != "" {
				return n
			}
		}
	}
	return "Unnamed"
}

// Data is the font file the face was loaded from, and Index its place in it (0 but in a
// collection). Read it, do not change it.
func (f *Face) Data() []byte { return f.data }

// Index is the face's place in its file: 0 but in a collection.
func (f *Face) Index() int { return f.index }

// Name is the face's PostScript name.
func (f *Face) Name() string { return f.name }

// UnitsPerEm is the font's design grid: a position p in font units is p*size/UnitsPerEm points.
func (f *Face) UnitsPerEm() int32 { return f.upem }

// Points converts font units to points at the given size.
func (f *Face) Points(units int32, size float64) float64 {
	return float64(units) * size / float64(f.upem)
}

// Has reports whether the font maps r to a glyph.
func (f *Face) Has(r rune) bool {
	if r >= 0 && r < 0x10000 {
		return f.bmp[r/64]&(1<<(r%64)) != 0
	}
	_, ok := f.font.NominalGlyph(r)
	return ok
}

// Glyph is the nominal glyph for r (cmap only), for the PDF's ToUnicode map and for tests.
func (f *Face) Glyph(r rune) (uint16, bool) {
	g, ok := f.font.NominalGlyph(r)
	return uint16(g), ok
}

func (f *Face) borrow() *worker {
	f.mu.Lock()
	if n := len(f.workers); n > 0 {
		w := f.workers[n-1]
		f.workers = f.workers[:n-1]
		f.mu.Unlock()
		return w
	}
	f.mu.Unlock()
	return &worker{font: harfbuzz.NewFont(font.NewFace(f.font)), buf: harfbuzz.NewBuffer()}
}

func (f *Face) giveBack(w *worker) {
	f.mu.Lock()
	if len(f.workers) < maxIdleWorkers {
		f.workers = append(f.workers, w)
	}
	f.mu.Unlock()
}
