package metrics

import (
	"crypto/sha256"
	"fmt"
	"sync"

	"bookc/builder/tree"
	"bookc/formats/pdf/page"
	"bookc/formats/pdf/shape"
	"bookc/formats/pdf/ttf"
)

// Faces are the faces a book sets its text in, by role (page.Regular ... page.MonoBoldItalic,
// and the four of headings): bookc's own, or those book.toml names, each falling back to the
// book's fallbacks and then the system's fonts.
type Faces struct {
	roles [8]*Face
	heads [4]*Face // regular, bold, italic, bold italic
}

// Face is the face of a role, in a heading's family when heading is set.
func (fs *Faces) Face(role page.Font, heading bool) *Face {
	if fs == nil {
		return Get(role)
	}
	if heading && int(role) < len(fs.heads) {
		return fs.heads[role]
	}
	return fs.roles[role]
}

var (
	bookFacesMu sync.Mutex
	bookFaces   = map[[32]byte]bookSet{} // by the files': books and editions that name the same share them
)

type bookSet struct {
	faces *Faces
	errs  []error
}

// ForBook gives the faces of a book's fonts; nil, bookc's own, for a book that names none. A
// file that is no TrueType font (with glyf outlines: what the PDF subsets) is an error, and its
// role takes bookc's face.
func ForBook(fonts *tree.Fonts) (*Faces, []error) {
	if fonts == nil {
		return nil, nil
	}
	h := sha256.New()
	files := [][4]*tree.FontFile{fonts.Text, fonts.Mono, fonts.Headings}
	for _, fam := range files {
		for _, f := range fam {
			if f != nil {
				h.Write(f.Data)
			}
			h.Write([]byte{0})
		}
	}
	for _, f := range fonts.Fallback {
		h.Write(f.Data)
		h.Write([]byte{1})
	}
	var key [32]byte
	h.Sum(key[:0])
	bookFacesMu.Lock()
	defer bookFacesMu.Unlock()
	if set, ok := bookFaces[key]; ok {
		return set.faces, set.errs
	}
	books.Do(loadBooks)
	var errs []error
	load := func(f *tree.FontFile) *shape.Face {
		sf, err := shape.LoadFace(f.Data, 0)
		if err == nil {
			_, err = ttf.Parse(f.Data) // what the PDF needs of it: TrueType outlines
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("font %s: %v: give a TrueType font (.ttf, with glyf outlines), which the PDF embeds a subset of", f.Name, err))
			return nil
		}
		return sf
	}
	var fallback []*shape.Face
	for _, f := range fonts.Fallback {
		if sf := load(f); sf != nil {
			fallback = append(fallback, sf)
		}
	}
	// each role's face: the book's file, or bookc's own, with the book's fallbacks in its chain
	fs := &Faces{}
	shaper := func(f *tree.FontFile, own page.Font) *shape.Face {
		if f != nil {
			if sf := load(f); sf != nil {
				return sf
			}
		}
		return Get(own).shaper
	}
	var text, mono [4]*shape.Face
	for i := range 4 {
		text[i], mono[i] = shaper(fonts.Text[i], page.Fonts[i]), shaper(fonts.Mono[i], page.Fonts[4+i])
	}
	for i := range 4 {
		// a text face falls back to the mono face of its style first, as bookc's own do
		fs.roles[i] = register(text[i], append([]*shape.Face{text[i], mono[i]}, fallback...))
		fs.roles[4+i] = register(mono[i], append([]*shape.Face{mono[i]}, fallback...))
		if fonts.Headings[i] == nil {
			fs.heads[i] = fs.roles[i]
		} else {
			h := shaper(fonts.Headings[i], page.Fonts[i])
			fs.heads[i] = register(h, append([]*shape.Face{h, mono[i]}, fallback...))
		}
	}
	bookFaces[key] = bookSet{fs, errs}
	return fs, errs
}

// register makes a face of a shaper, with the chain given before the system's fonts: a face of
// its own number, even for a file another face has, since its fallbacks differ.
func register(sf *shape.Face, chain []*shape.Face) *Face {
	mu.Lock()
	defer mu.Unlock()
	fc, err := addFace(sf, shape.NewChain(chain, system()))
	if err != nil {
		panic(fmt.Sprintf("metrics: a face read once does not read again: %v", err)) // checked by load
	}
	return fc
}
