package draw

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"math"
	"runtime"
	"slices"
	"strconv"
	"sync"

	"bookc/builder/once"
	"bookc/formats/pdf/page"
)

// Raster images are draw's own objects, as the fonts and the drawings are: each is prepared
// (checked, decoded and split into colour and alpha as it needs, and compressed) once per build,
// on every core while the pages are encoded, and kept for the book's other editions (Images).
// A document holds each image once, numbered and named in the order its pages first show them
// (docImages); fpdf only writes the operator that shows one on its page.

// maxDecoded bounds the bytes an image may decode to here, 8 a pixel: the builder has refused
// images over 64 MB decoded already (imagecheck), and this keeps draw's promise on its own.
const maxDecoded = 1 << 30

// Images is what the editions of one book share of their raster images: each image prepared,
// by its content. Safe for concurrent use; a nil *Images keeps nothing.
type Images struct {
	made  *once.Table[[sha256.Size]byte, prepared]
	slots chan struct{} // one for each image Start prepares at a time
}

// NewImages returns an empty store of prepared images.
func NewImages() *Images {
	return &Images{made: once.NewTable[[sha256.Size]byte, prepared](), slots: make(chan struct{}, runtime.GOMAXPROCS(0))}
}

// Renew returns the store for the next build of the same book: the images this build drew.
func (c *Images) Renew() *Images {
	if c == nil {
		return nil
	}
	return &Images{made: c.made.Renew(), slots: c.slots}
}

// prepared is an image as a PDF holds it.
type prepared struct {
	x   *xobject
	err error
}

// xobject is an image XObject: its dictionary's entries but for /Type, /Subtype, /SMask and
// /Length, its data, and the soft mask of its alpha, if it has one.
type xobject struct {
	dict  []byte
	data  []byte
	smask *xobject
}

// prepare returns the image prepared: the one made before for the same bytes, or a new one. A
// caller whose image another is preparing waits for it, as memo.Bytes's callers do.
func (c *Images) prepare(mediaType string, data []byte, rgb bool) (*xobject, error) {
	if c == nil {
		return prepare(mediaType, data, rgb)
	}
	e, mine := c.entry(mediaType, data, rgb)
	if mine {
		x, err := prepare(mediaType, data, rgb)
		e.Set(prepared{x, err})
	}
	p := e.Wait()
	return p.x, p.err
}

// Start begins to prepare an image, in the background, unless it is known already: a renderer
// starts its book's images before typesetting it, which leaves cores idle, so that painting
// finds them made. No more images than cores are prepared at once. rgb is prepare's.
func (c *Images) Start(mediaType string, data []byte, rgb bool) {
	e, mine := c.entry(mediaType, data, rgb)
	if !mine {
		return
	}
	go func() {
		c.slots <- struct{}{}
		x, err := prepare(mediaType, data, rgb)
		<-c.slots
		e.Set(prepared{x, err})
	}()
}

// entry is the image's entry, and whether it is new: the caller's to make.
func (c *Images) entry(mediaType string, data []byte, rgb bool) (e *once.Entry[prepared], mine bool) {
	h := sha256.New()
	h.Write([]byte(mediaType + "\x00"))
	if rgb {
		h.Write([]byte("rgb\x00"))
	}
	h.Write(data)
	var k [sha256.Size]byte
	h.Sum(k[:0])
	return c.made.Claim(k)
}

// prepare makes an image's XObject from its file. It never panics, whatever the bytes. rgb has
// it in no colour space but DeviceRGB's and DeviceGray's, which an sRGB output intent gives a
// meaning (PDF/A): a CMYK JPEG is converted.
func prepare(mediaType string, data []byte, rgb bool) (*xobject, error) {
	switch mediaType {
	case "image/png":
		return preparePNG(data)
	case "image/jpeg":
		return prepareJPEG(data, rgb)
	case "image/gif":
		return prepareGIF(data)
	}
	return nil, fmt.Errorf("images of type %q cannot be drawn", mediaType)
}

// docImages is one document's images, each once, in the order the pages first show them.
type docImages struct {
	store *Images
	rgb   bool
	mu    sync.RWMutex   // index and list grow as pages are added, while encoders look images up
	index map[string]int // an image's place in list, by its data
	list  []*docImage
	slots chan struct{} // one for each image prepared at a time: as many as there are cores
	wg    sync.WaitGroup
}

type docImage struct {
	name, mediaType string
	data            []byte
	page            int // the first to show it
	x               *xobject
	err             error
}

// newDocImages returns a document's images, none yet, with store (nil for none) keeping them for
// other documents. rgb is prepare's.
func newDocImages(store *Images, rgb bool) *docImages {
	return &docImages{store: store, rgb: rgb, index: map[string]int{}, slots: make(chan struct{}, runtime.GOMAXPROCS(0))}
}

// add lists the images page i shows that no page before it did, and starts preparing them.
func (d *docImages) add(i int, pg *page.Page) {
	for _, im := range pg.Images {
		d.mu.RLock()
		_, ok := d.index[string(im.Data)]
		d.mu.RUnlock()
		if ok {
			continue
		}
		e := &docImage{name: im.Name, mediaType: im.MediaType, data: im.Data, page: i}
		d.mu.Lock()
		d.index[string(im.Data)] = len(d.list)
		d.list = append(d.list, e)
		d.mu.Unlock()
		d.wg.Go(func() {
			d.slots <- struct{}{}
			defer func() { <-d.slots }()
			e.x, e.err = d.store.prepare(e.mediaType, e.data, d.rgb)
		})
	}
}

// wait waits for every image, and returns the error of the first that failed, by page.
func (d *docImages) wait() error {
	d.wg.Wait()
	for _, im := range d.list {
		if im.err != nil {
			return fmt.Errorf("page %d: image %s: %w", im.page+1, im.name, im.err)
		}
	}
	return nil
}

// number is an image's place among the document's, by its data; ok is false for one not added.
func (d *docImages) number(data []byte) (k int, ok bool) {
	d.mu.RLock()
	defer d.mu.RUnlock()
	k, ok = d.index[string(data)]
	return k, ok
}

// show is the operators that draw an image's data into the box (x, y, w, h) of a page of height
// pageH, y growing downwards as the layout's does; ok is false for an image not listed.
func (d *docImages) show(data []byte, x, y, w, h, pageH float64) (ops string, ok bool) {
	i, ok := d.number(data)
	if !ok {
		return "", false
	}
	return fmt.Sprintf("q %s 0 0 %s %s %s cm /%s Do Q", pt(w), pt(h), pt(x), pt(pageH-y-h), imageName(i)), true
}

// imageName is the resource name of the document's i-th image.
func imageName(i int) string { return "Im" + strconv.Itoa(i+1) }

// pt writes a length to a hundredth of a thousandth of a point, fpdf's precision for images.
func pt(v float64) string { return string(appendPt(nil, v)) }

// appendPt appends a length as pt writes it.
func appendPt(b []byte, v float64) []byte {
	v = math.Round(v*1e5) / 1e5
	if v == 0 {
		v = 0 // not -0
	}
	return strconv.AppendFloat(b, v, 'f', -1, 64)
}

// objects gives the images' objects, numbered from first in the order of the list, each image
// followed by its soft mask, and their entries in the pages' /XObject resources. nil has none.
// The images must have been waited for.
func (d *docImages) objects(first int) (objs []appended, names []byte) {
	if d == nil {
		return nil, nil
	}
	for i, im := range d.list {
		n := first + len(objs)
		names = fmt.Appendf(names, "/%s %d 0 R\n", imageName(i), n)
		for x := im.x; x != nil; x = x.smask {
			dict := append([]byte("<</Type /XObject /Subtype /Image "), x.dict...)
			if x.smask != nil {
				dict = fmt.Appendf(dict, " /SMask %d 0 R", first+len(objs)+1)
			}
			dict = fmt.Appendf(dict, " /Length %d>>", len(x.data))
			objs = append(objs, appended{dict: dict, stream: x.data})
		}
	}
	return objs, names
}

// prepareJPEG gives a JPEG to PDF as it is, a DCT stream, when its markers are as PDF readers
// need them (checkJPEG): Go's decoder, which the builder has checked it with, accepts files that
// readers' cannot decode. A JPEG that fails the check is re-encoded by Go's encoder, and so is a
// CMYK one when rgb is set, in RGB.
func prepareJPEG(data []byte, rgb bool) (*xobject, error) {
	j, err := checkJPEG(data)
	if err != nil || rgb && j.components == 4 {
		img, derr := jpeg.Decode(bytes.NewReader(data))
		if derr != nil {
			return nil, derr
		}
		if b := img.Bounds(); float64(b.Dx())*float64(b.Dy())*8 > maxDecoded {
			return nil, errors.New("JPEG too large")
		}
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 92}); err != nil {
			return nil, err
		}
		if j, err = checkJPEG(buf.Bytes()); err != nil {
			return nil, fmt.Errorf("JPEG re-encoded: %w", err)
		}
		data = buf.Bytes()
	}
	cs := map[int]string{1: "/DeviceGray", 3: "/DeviceRGB", 4: "/DeviceCMYK"}[j.components]
	dict := fmt.Appendf(nil, "/Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 /Filter /DCTDecode", j.width, j.height, cs)
	if j.components == 4 && j.adobe {
		dict = append(dict, " /Decode [1 0 1 0 1 0 1 0]"...) // Adobe's CMYK is stored inverted
	}
	return &xobject{dict: dict, data: data[:j.end]}, nil
}

// jpegInfo is what checkJPEG reads of a JPEG.
type jpegInfo struct {
	width, height, components int
	adobe                     bool // an Adobe APP14 marker
	end                       int  // past EOI: what follows is left out
}

// checkJPEG walks a JPEG's markers: segments one after another with nothing between them, a
// frame of 8-bit samples (baseline, extended or progressive, Huffman-coded) of one, three or four
// components, every quantization table a scan needs defined before it, and an EOI.
func checkJPEG(data []byte) (jpegInfo, error) {
	var j jpegInfo
	if len(data) < 4 || data[0] != 0xFF || data[1] != 0xD8 {
		return j, errors.New("not a JPEG")
	}
	var quant [4]bool
	var tables []byte // each component's quantization table
	scans := 0
	for i := 2; ; {
		if i >= len(data) || data[i] != 0xFF {
			return j, errors.New("JPEG: bytes between markers")
		}
		for i < len(data) && data[i] == 0xFF {
			i++
		}
		if i >= len(data) {
			return j, errors.New("JPEG ends without EOI")
		}
		m := data[i]
		i++
		if m == 0xD9 {
			if tables == nil || scans == 0 {
				return j, errors.New("JPEG without a frame or a scan")
			}
			j.end = i
			return j, nil
		}
		if m == 0x00 || m == 0x01 || m >= 0xD0 && m <= 0xD8 {
			return j, fmt.Errorf("JPEG: marker %02X out of place", m)
		}
		if i+2 > len(data) {
			return j, errors.New("JPEG cut short")
		}
		n := int(data[i])<<8 | int(data[i+1])
		if n < 2 || i+n > len(data) {
			return j, errors.New("JPEG segment runs past the end")
		}
		seg := data[i+2 : i+n]
		i += n
		switch {
		case m == 0xDB: // DQT
			for len(seg) > 0 {
				size := 65
				if seg[0]>>4 == 1 {
					size = 129
				}
				if seg[0]>>4 > 1 || seg[0]&15 > 3 || len(seg) < size {
					return j, errors.New("JPEG quantization table malformed")
				}
				quant[seg[0]&15] = true
				seg = seg[size:]
			}
		case m == 0xC0 || m == 0xC1 || m == 0xC2: // SOF0-2
			if tables != nil || len(seg) < 6 || seg[0] != 8 {
				return j, errors.New("JPEG frame malformed or not of 8-bit samples")
			}
			j.height, j.width, j.components = int(seg[1])<<8|int(seg[2]), int(seg[3])<<8|int(seg[4]), int(seg[5])
			if j.width == 0 || j.height == 0 || (j.components != 1 && j.components != 3 && j.components != 4) || len(seg) != 6+3*j.components {
				return j, errors.New("JPEG frame malformed")
			}
			for c := range j.components {
				if seg[6+3*c+2] > 3 {
					return j, errors.New("JPEG frame malformed")
				}
				tables = append(tables, seg[6+3*c+2])
			}
		case m >= 0xC3 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC:
			return j, fmt.Errorf("JPEG coding (SOF%d) PDF readers may not read", m-0xC0)
		case m == 0xDA: // SOS: then the entropy-coded data, up to the next marker
			if tables == nil {
				return j, errors.New("JPEG scan before its frame")
			}
			for _, t := range tables {
				if !quant[t] {
					return j, errors.New("JPEG quantization table used but not defined")
				}
			}
			scans++
			for i < len(data) && !(data[i] == 0xFF && i+1 < len(data) && data[i+1] != 0 && (data[i+1] < 0xD0 || data[i+1] > 0xD7) && data[i+1] != 0xFF) {
				i++
			}
		case m == 0xC4: // DHT
			if err := checkHuffman(seg); err != nil {
				return j, err
			}
		case m == 0xEE && bytes.HasPrefix(seg, []byte("Adobe")):
			j.adobe = true
		}
	}
}

// checkHuffman checks a DHT segment's tables as libjpeg does before it decodes with them
// (jdhuff.c), which Go's decoder does not all do: at most 256 codes, each length's codes within
// its code space less the all-ones code, and DC symbols under 16. PDF readers and qpdf refuse a
// JPEG that fails.
func checkHuffman(seg []byte) error {
	for len(seg) > 0 {
		if len(seg) < 17 || seg[0]>>4 > 1 || seg[0]&15 > 3 {
			return errors.New("JPEG Huffman table malformed")
		}
		dc, counts := seg[0]>>4 == 0, seg[1:17]
		last := 0 // the longest length with codes
		n := 0
		for l, c := range counts {
			if c > 0 {
				last = l
			}
			n += int(c)
		}
		if n > 256 || len(seg) < 17+n {
			return errors.New("JPEG Huffman table malformed")
		}
		code := 0 // the next code, of the length l+1
		for l := 0; l <= last; l++ {
			if code += int(counts[l]); code >= 1<<(l+1) {
				return errors.New("JPEG Huffman codes overflow their lengths")
			}
			code <<= 1
		}
		if dc && slices.ContainsFunc(seg[17:17+n], func(v byte) bool { return v > 15 }) {
			return errors.New("JPEG Huffman table with a DC symbol over 15")
		}
		seg = seg[17+n:]
	}
	return nil
}

// prepareGIF gives the first frame of a GIF as indices into its palette, and its transparent
// index, which GIF has one of at most, as a /Mask.
func prepareGIF(data []byte) (*xobject, error) {
	cfg, err := gif.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	if float64(cfg.Width)*float64(cfg.Height)*8 > maxDecoded {
		return nil, errors.New("GIF too large")
	}
	img, err := gif.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	b := img.Bounds()
	if b.Empty() {
		return nil, errors.New("GIF of no pixels")
	}
	pm, ok := img.(*image.Paletted)
	if !ok {
		return fromImage(img), nil
	}
	w, h := b.Dx(), b.Dy()
	pal := make([]byte, 3*256) // what lies beyond the palette is black
	clear := -1
	for i, c := range pm.Palette {
		n := nrgba(c)
		pal[3*i], pal[3*i+1], pal[3*i+2] = n.R, n.G, n.B
		if n.A == 0 && clear < 0 {
			clear = i
		}
	}
	indices := newPlane(w, h, 1)
	for y := range h {
		indices.row(func(out []byte) { copy(out, pm.Pix[y*pm.Stride:]) })
	}
	x := indices.finish(fmt.Sprintf("[/Indexed /DeviceRGB 255 <%x>]", pal))
	if clear >= 0 {
		x.dict = fmt.Appendf(x.dict, " /Mask [%d %d]", clear, clear)
	}
	return x, nil
}

func nrgba(c color.Color) color.NRGBA { return color.NRGBAModel.Convert(c).(color.NRGBA) }
