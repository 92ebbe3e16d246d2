package shape

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/font/opentype/tables"
)

// System is the fonts installed on the machine, as a fallback for characters the book's faces
// lack. Discover only names the folders; the first lookup lists their files, then reads each
// file's table directory and cmap, in the order of preference, into one index from character to
// the first font that has it; a font is loaded whole only when chosen. A book every character of
// which its own faces have never walks the folders. Safe for concurrent use.
//
// bookc scans for itself rather than with go-text's fontscan, which keeps its index in the user's
// cache folder (a write nobody asked a book build for) and ranks faces by family substitution
// tables that are not ours to document. Here the order is simple and stated (see Discover), and
// the same files give the same choices, whatever order the lookups come in.
type System struct {
	lim   Limits
	dirs  []string
	files func() []string // in preference order, listed once

	mu    sync.Mutex
	built bool
	fonts []fontID         // the fonts indexed, in order
	first []uint16         // by rune: 1 + the index in fonts of the first that has it; 0 for none
	faces map[fontID]*Face // loaded
	dead  map[fontID]bool  // failed to load: left out of the index
}

// fontID is one font of a file: index is its place in a collection, 0 for a plain file.
type fontID struct {
	path  string
	index int
}

// Limits caps the work fallback may do, so that a machine with 10,000 fonts does not stall a
// build. A limit reached leaves the later files unused, the same way at every run.
type Limits struct {
	Files     int   // font files considered, after ordering
	CmapBytes int64 // cmap bytes read, all files together
	FaceBytes int64 // size of a font file that may be loaded whole; larger ones are passed over
	// TrueTypeOnly takes only fonts with TrueType outlines (glyf) in a file of their own, not in
	// a collection: what a PDF subsetter for TrueType can embed.
	TrueTypeOnly bool
}

// DefaultLimits suits a desktop with many fonts; a CJK collection is about 20 MB.
var DefaultLimits = Limits{Files: 4000, CmapBytes: 64 << 20, FaceBytes: 64 << 20}

const (
	maxWalk     = 100_000    // directory entries Discover visits
	maxMappings = 32_000_000 // cmap entries indexed, all fonts together (a cmap range can map a million)
	maxFonts    = 1<<16 - 1  // what the index's uint16 can name
)

// DefaultDirs are fontconfig's usual folders.
func DefaultDirs() []string {
	dirs := []string{"/usr/share/fonts", "/usr/local/share/fonts"}
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, ".local/share/fonts"), filepath.Join(home, ".fonts"))
	}
	return dirs
}

// Discover lists the TrueType and OpenType files (.ttf, .otf, .ttc, .otc) under dirs, the same
// file reached twice (a symbolic link) counted once. Folders that do not exist or cannot be read
// are passed over: no fonts is an answer. The order of preference, which decides ties between
// fonts that both have a character, is:
//
//  1. Noto Sans and Noto Serif families (file names NotoSans*, NotoSerif*);
//  2. DejaVu;
//  3. other Noto families (Naskh, Kufi, Rashi, ...);
//  4. everything else;
//
// and within each, upright regular weights before bold, italic, light, condensed and the like
// (by the file name), then by file name (bytewise), then by path. Only the first lim.Files are kept.
func Discover(dirs []string, lim Limits) *System {
	s := &System{lim: lim, dirs: slices.Clone(dirs)}
	s.files = sync.OnceValue(s.list)
	return s
}

// list walks the folders for font files, in the order of preference (see Discover).
func (s *System) list() []string {
	type found struct{ path, real string }
	var all []found
	seen := map[string]bool{}
	visited := 0
	for _, dir := range s.dirs {
		filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			visited++
			if visited > maxWalk {
				return filepath.SkipAll
			}
			if err != nil || d.IsDir() || !fontFile(path) {
				return nil
			}
			real, err := filepath.EvalSymlinks(path)
			if err != nil {
				return nil
			}
			if st, err := os.Stat(real); err != nil || !st.Mode().IsRegular() {
				return nil
			}
			if !seen[real] {
				seen[real] = true
				all = append(all, found{path, real})
			}
			return nil
		})
	}
	sort.Slice(all, func(i, j int) bool { return lessFontPath(all[i].path, all[j].path) })
	if len(all) > s.lim.Files {
		all = all[:s.lim.Files]
	}
	var files []string
	for _, f := range all {
		files = append(files, f.real)
	}
	return files
}

func fontFile(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".ttf", ".otf", ".ttc", ".otc":
		return true
	}
	return false
}

func lessFontPath(a, b string) bool {
	ba, bb := filepath.Base(a), filepath.Base(b)
	if ga, gb := familyRank(ba), familyRank(bb); ga != gb {
		return ga < gb
	}
	if sa, sb := styleRank(ba), styleRank(bb); sa != sb {
		return sa < sb
	}
	if ba != bb {
		return ba < bb
	}
	return a < b
}

func familyRank(base string) int {
	switch {
	case strings.HasPrefix(base, "NotoSans"), strings.HasPrefix(base, "NotoSerif"):
		return 0
	case strings.HasPrefix(base, "DejaVu"):
		return 1
	case strings.HasPrefix(base, "Noto"):
		return 2
	}
	return 3
}

var styleWords = []string{"Bold", "Italic", "Oblique", "Light", "Thin", "Black", "Medium", "Heavy",
	"Condensed", "Narrow", "Expanded", "Extra", "Semi", "Demi"}

func styleRank(base string) int {
	for _, w := range styleWords {
		if strings.Contains(base, w) {
			return 1
		}
	}
	return 0
}

// Files lists the font files in their order of preference, for `bookc check` and for tests.
func (s *System) Files() []string { return slices.Clone(s.files()) }

// FaceFor is the first font, in the order of preference, that has r; nil if none has.
func (s *System) FaceFor(r rune) *Face {
	if r < 0 || r > unicode.MaxRune {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.built {
		s.built = true
		s.faces, s.dead = map[fontID]*Face{}, map[fontID]bool{}
		s.build()
	}
	for {
		i := int(s.first[r]) - 1
		if i < 0 {
			return nil
		}
		id := s.fonts[i]
		if f := s.faces[id]; f != nil {
			return f
		}
		f, err := loadFile(id.path, id.index, s.lim.FaceBytes)
		if err == nil {
			s.faces[id] = f
			return f
		}
		// its cmap read but not the rest: index again without it (rare, and then once per font)
		s.dead[id] = true
		s.build()
	}
}

// build reads the table directory and cmap of each file in order, within the limits, and indexes
// which font comes first for each character. It leaves out files too big to load, fonts with no
// outlines (colour bitmap emoji: nothing a PDF font can draw), and files it cannot read, as
// fontconfig does: a broken font is no reason to fail a book.
func (s *System) build() {
	s.fonts = s.fonts[:0]
	s.first = make([]uint16, unicode.MaxRune+1)
	var read int64
	mapped := 0
	for _, path := range s.files() {
		if read >= s.lim.CmapBytes || mapped >= maxMappings || len(s.fonts) >= maxFonts {
			return
		}
		st, err := os.Stat(path)
		if err != nil || st.Size() > s.lim.FaceBytes {
			continue
		}
		file, err := os.Open(path)
		if err != nil {
			continue
		}
		lds, _ := ot.NewLoaders(file)
		for i, ld := range lds {
			id := fontID{path, i}
			if s.dead[id] || !s.usable(ld, len(lds)) || len(s.fonts) >= maxFonts {
				continue
			}
			cm := readCmap(ld, &read, s.lim.CmapBytes)
			if cm == nil {
				continue
			}
			s.fonts = append(s.fonts, id)
			n := uint16(len(s.fonts))
			for it := cm.Iter(); it.Next() && mapped < maxMappings; mapped++ {
				if r, _ := it.Char(); r >= 0 && r <= unicode.MaxRune && s.first[r] == 0 {
					s.first[r] = n
				}
			}
		}
		file.Close()
	}
}

// usable tells the fonts fallback may take: any with outlines, or with TrueTypeOnly only those
// with glyf outlines outside a collection (of n fonts).
func (s *System) usable(ld *ot.Loader, n int) bool {
	if s.lim.TrueTypeOnly {
		return n == 1 && ld.HasTable(ot.MustNewTag("glyf"))
	}
	return ld.HasTable(ot.MustNewTag("glyf")) || ld.HasTable(ot.MustNewTag("CFF ")) || ld.HasTable(ot.MustNewTag("CFF2"))
}

// readCmap reads a font's cmap, adding its size to *read; nil past the budget or on any error.
func readCmap(ld *ot.Loader, read *int64, budget int64) font.Cmap {
	raw, err := ld.RawTable(ot.MustNewTag("cmap"))
	if err != nil {
		return nil
	}
	*read += int64(len(raw))
	if *read > budget {
		return nil
	}
	tb, _, err := tables.ParseCmap(raw)
	if err != nil {
		return nil
	}
	cm, _, err := font.ProcessCmap(tb, tables.FPNone)
	if err != nil {
		return nil
	}
	return cm
}

// loadFile reads a font file of at most limit bytes and loads font index of it.
func loadFile(path string, index int, limit int64) (*Face, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.Size() > limit {
		return nil, fmt.Errorf("%s: %d bytes, over the limit of %d", path, st.Size(), limit)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	face, err := LoadFace(data, index)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return face, nil
}
