package draw

import (
	"fmt"
	"strconv"
	"sync"

	"bookc/builder/svg"
	"bookc/formats/memo"
	"bookc/formats/pdf/page"
)

// forms is every vector drawing a document shows, each painted once as a Form XObject that the
// pages showing it scale into place (encoder.vector), and the objects those forms use: nested
// forms (group opacity, soft masks), graphics states, patterns and shadings.
//
// Objects are known by their index in objs until rewrite numbers them after fpdf's. The first
// len(drawings) are the drawings' own forms, in order of first appearance; the pages call them
// /X0, /X1, ... and fpdf's resources list them (rewrite). A form names what it uses by kind and
// index (/Gs3, /P4), in resources of its own.
type forms struct {
	mu       sync.RWMutex   // index and drawings grow as pages are added, while encoders look forms up
	index    map[string]int // a drawing's form, by the Name of the Vectors showing it
	drawings []*svg.Drawing
	objs     []vobject
	shared   map[string]int // a graphics state, pattern or shading, by its dictionary: made once
	used     usage          // the glyphs the drawings' text draws
}

type vkind uint8

const (
	vForm vkind = iota
	vState
	vPattern
	vShading
)

// prefix and category are how a form's content and resources name an object of each kind.
var (
	prefix   = [...]string{vForm: "X", vState: "Gs", vPattern: "P", vShading: "Sh"}
	category = [...]string{vForm: "XObject", vState: "ExtGState", vPattern: "Pattern", vShading: "Shading"}
)

// vobject is one object of the drawings.
type vobject struct {
	kind vkind
	dict []byte // the dictionary's entries: a form's without its resources and length
	// a form's content, compressed, with the fonts and the objects (by index, ascending) it names
	stream []byte
	fonts  fontSet
	res    []int
	mask   int // a graphics state's soft mask, by its form's index; 0 for none (0 is a drawing's form)
}

func resourceName(kind vkind, i int) string { return prefix[kind] + strconv.Itoa(i) }

// newForms returns a document's forms, none yet.
func newForms() *forms { return &forms{index: map[string]int{}, shared: map[string]int{}} }

// add gathers the drawings a page shows that no page before it did. A drawing with no area
// shows nothing, and gets no form.
func (fs *forms) add(pg *page.Page) {
	for _, v := range pg.Vectors {
		d := v.Drawing
		if _, _, ok := fs.form(v.Name); ok || d == nil || !(d.Width > 0 && d.Height > 0) {
			continue
		}
		fs.mu.Lock()
		fs.index[v.Name] = len(fs.drawings)
		fs.drawings = append(fs.drawings, d)
		fs.mu.Unlock()
	}
}

// form is the number and drawing of the form a Vector of this Name shows; ok is false for none.
func (fs *forms) form(name string) (k int, d *svg.Drawing, ok bool) {
	fs.mu.RLock()
	defer fs.mu.RUnlock()
	if k, ok = fs.index[name]; ok {
		d = fs.drawings[k]
	}
	return k, d, ok
}

// paint writes every drawing's form and what it uses, once every page is added; streams is as
// PDF's.
func (fs *forms) paint(streams *memo.Bytes) {
	fs.objs = make([]vobject, len(fs.drawings))
	w := &formWriter{encoder: newEncoder(0), fs: fs, streams: streams, z: deflaters.Get().(*deflater)}
	w.digits = 4 // line widths in the drawing's units, which may be large
	defer deflaters.Put(w.z)
	for i, d := range fs.drawings {
		w.drawing(i, d)
	}
	fs.used = w.used
}

// intern adds an object that names no other, once for all its uses.
func (fs *forms) intern(kind vkind, dict []byte) int {
	key := prefix[kind] + string(dict)
	if i, ok := fs.shared[key]; ok {
		return i
	}
	fs.objs = append(fs.objs, vobject{kind: kind, dict: dict})
	fs.shared[key] = len(fs.objs) - 1
	return len(fs.objs) - 1
}

// pageNames is the drawings' entries in the pages' /XObject resources, their objects numbered
// from first.
func (fs *forms) pageNames(first int) []byte {
	var b []byte
	for i := range fs.drawings {
		b = fmt.Appendf(b, "/%s %d 0 R\n", resourceName(vForm, i), first+i)
	}
	return b
}

// objects gives the objects, numbered from first; fonts is the number of each face's font object.
func (fs *forms) objects(first int, fonts map[page.Font]int) []appended {
	out := make([]appended, len(fs.objs))
	for i, o := range fs.objs {
		switch o.kind {
		case vForm:
			d := fmt.Appendf(nil, "<</Type /XObject /Subtype /Form %s /Resources <<", o.dict)
			if len(o.fonts) > 0 {
				d = append(d, " /Font <<"...)
				for _, f := range o.fonts {
					d = fmt.Appendf(d, " /%s %d 0 R", fontName(f), fonts[f])
				}
				d = append(d, " >>"...)
			}
			for kind := range category {
				open := false
				for _, r := range o.res {
					if fs.objs[r].kind != vkind(kind) {
						continue
					}
					if !open {
						d = fmt.Appendf(d, " /%s <<", category[kind])
						open = true
					}
					d = fmt.Appendf(d, " /%s %d 0 R", resourceName(vkind(kind), r), first+r)
				}
				if open {
					d = append(d, " >>"...)
				}
			}
			out[i] = appended{dict: fmt.Appendf(d, " >> /Filter /FlateDecode /Length %d>>", len(o.stream)), stream: o.stream}
		case vState:
			d := fmt.Appendf(nil, "<</Type /ExtGState %s", o.dict)
			if o.mask != 0 {
				d = fmt.Appendf(d, " /SMask <</Type /Mask /S /Luminosity /G %d 0 R>>", first+o.mask)
			}
			out[i] = appended{dict: append(d, ">>"...)}
		case vPattern:
			out[i] = appended{dict: fmt.Appendf(nil, "<</Type /Pattern %s>>", o.dict)}
		case vShading:
			out[i] = appended{dict: fmt.Appendf(nil, "<<%s>>", o.dict)}
		}
	}
	return out
}

// vector shows a drawing's form in the Vector's box: the drawing's y grows downwards, the page's
// upwards.
func (e *encoder) vector(v page.Vector) {
	k, d, ok := e.forms.form(v.Name)
	if !ok || !(v.W > 0 && v.H > 0) {
		return // a box of no area shows nothing, and would make a matrix no reader inverts
	}
	e.buf = append(e.buf, "q "...)
	e.reals(6, v.W/d.Width, 0, 0, -v.H/d.Height, v.X, e.height-v.Y)
	e.buf = append(e.buf, "cm /"...)
	e.buf = append(e.buf, resourceName(vForm, k)...)
	e.buf = append(e.buf, " Do Q\n"...)
}
