package draw

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/png"
	"io"
)

// pngInfo is what a PNG's chunks say, read and checked (parsePNG).
type pngInfo struct {
	width, height int
	depth, kind   byte   // bit depth and colour type
	interlaced    bool   // Adam7
	palette       []byte // PLTE: RGB triples
	trns          []byte // tRNS
	idat          []byte // the IDAT chunks' data, joined: one zlib stream
}

// PNG colour types.
const (
	pngGrey      = 0
	pngRGB       = 2
	pngPalette   = 3
	pngGreyAlpha = 4
	pngRGBA      = 6
)

// channels is the samples a pixel of each colour type has.
var channels = [...]int{pngGrey: 1, pngRGB: 3, pngPalette: 1, pngGreyAlpha: 2, pngRGBA: 4}

// parsePNG reads a PNG's chunks, checking every length and checksum and that the header's
// combination of depth and colour type is one PNG allows. Chunks other than IHDR, PLTE, tRNS,
// IDAT and IEND are skipped; nothing after IEND is read.
func parsePNG(data []byte) (*pngInfo, error) {
	const sig = "\x89PNG\r\n\x1a\n"
	if len(data) < 8 || string(data[:8]) != sig {
		return nil, errors.New("not a PNG")
	}
	var p pngInfo
	var idat [][]byte
	for rest, first := data[8:], true; ; first = false {
		if len(rest) < 12 {
			return nil, errors.New("PNG ends without IEND")
		}
		n := binary.BigEndian.Uint32(rest)
		if uint64(n)+12 > uint64(len(rest)) {
			return nil, errors.New("PNG chunk runs past the end")
		}
		kind, body := string(rest[4:8]), rest[8:8+n]
		if crc32.Update(crc32.ChecksumIEEE(rest[4:8]), crc32.IEEETable, body) != binary.BigEndian.Uint32(rest[8+n:]) {
			return nil, fmt.Errorf("PNG chunk %q: checksum mismatch", kind)
		}
		rest = rest[12+n:]
		if first != (kind == "IHDR") {
			return nil, errors.New("PNG does not start with IHDR")
		}
		switch kind {
		case "IHDR":
			if err := p.header(body); err != nil {
				return nil, err
			}
		case "PLTE":
			if len(body) == 0 || len(body)%3 != 0 || len(body) > 3*256 || len(idat) > 0 {
				return nil, errors.New("PNG palette malformed")
			}
			p.palette = body
		case "tRNS":
			p.trns = body
		case "IDAT":
			if len(body) > 0 {
				idat = append(idat, body)
			}
		case "IEND":
			if len(idat) == 0 {
				return nil, errors.New("PNG without image data")
			}
			if p.kind == pngPalette && p.palette == nil {
				return nil, errors.New("PNG palette missing")
			}
			if len(idat) == 1 {
				p.idat = idat[0]
			} else {
				p.idat = bytes.Join(idat, nil)
			}
			return &p, p.checkTRNS()
		}
	}
}

func (p *pngInfo) header(h []byte) error {
	if len(h) != 13 {
		return errors.New("PNG header malformed")
	}
	w, ht := binary.BigEndian.Uint32(h), binary.BigEndian.Uint32(h[4:])
	p.depth, p.kind = h[8], h[9]
	if w == 0 || ht == 0 || w > 1<<24 || ht > 1<<24 {
		return fmt.Errorf("PNG of %dx%d pixels", w, ht)
	}
	p.width, p.height = int(w), int(ht)
	if float64(w)*float64(ht)*8 > maxDecoded {
		return fmt.Errorf("PNG of %dx%d pixels: too large", w, ht)
	}
	ok := false
	switch p.kind {
	case pngGrey:
		ok = p.depth == 1 || p.depth == 2 || p.depth == 4 || p.depth == 8 || p.depth == 16
	case pngPalette:
		ok = p.depth == 1 || p.depth == 2 || p.depth == 4 || p.depth == 8
	case pngRGB, pngGreyAlpha, pngRGBA:
		ok = p.depth == 8 || p.depth == 16
	}
	if !ok || h[10] != 0 || h[11] != 0 || h[12] > 1 {
		return fmt.Errorf("PNG header: colour type %d, depth %d, methods %d %d %d", p.kind, p.depth, h[10], h[11], h[12])
	}
	p.interlaced = h[12] == 1
	return nil
}

// checkTRNS drops a tRNS chunk that does not fit the colour type, as decoders ignore one.
func (p *pngInfo) checkTRNS() error {
	switch {
	case p.trns == nil:
	case p.kind == pngGrey && len(p.trns) == 2, p.kind == pngRGB && len(p.trns) == 6:
	case p.kind == pngPalette && len(p.trns) <= len(p.palette)/3:
	default:
		p.trns = nil
	}
	return nil
}

// rowBytes is the bytes of a row of w pixels, without its filter byte; bpp is a pixel's bytes,
// at least one, as PNG's filters count them.
func (p *pngInfo) rowBytes(w int) (row, bpp int) {
	bits := channels[p.kind] * int(p.depth)
	return (w*bits + 7) / 8, max(1, bits/8)
}

// preparePNG makes an image XObject of a PNG. A PNG PDF can take as it is, not interlaced, of
// greys, RGB or a palette at 8 bits or fewer, keeps its compressed data, which PDF's Predictor
// 15 decodes as PNG's filters do; a colour key (tRNS) becomes a /Mask. Its chunks are checked
// here, and its data is not inflated again: the builder has decoded every image whole, rows,
// filters and checksums, before any backend sees it (imagecheck). Other PNGs are decoded a row
// at a time (interlaced ones whole, by Go's decoder) into 8-bit colour and an SMask of the
// alpha, each compressed as it comes.
func preparePNG(data []byte) (*xobject, error) {
	p, err := parsePNG(data)
	if err != nil {
		return nil, err
	}
	if p.interlaced {
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		return fromImage(img), nil
	}
	switch {
	case p.kind == pngPalette && p.trns != nil:
		// The indices as they are, and their alpha as an SMask.
		x := p.passThrough()
		alpha := newPlane(p.width, p.height, 1)
		pal := make([]byte, 256)
		for i := range pal {
			pal[i] = 255
		}
		copy(pal, p.trns)
		err := p.rows(func(row []byte) {
			alpha.row(func(out []byte) {
				for x := range out {
					out[x] = pal[index(row, x, p.depth)]
				}
			})
		})
		if err != nil {
			return nil, err
		}
		x.smask = alpha.finish("/DeviceGray")
		return x, nil
	case p.kind == pngRGB && p.depth == 8, p.kind == pngPalette, p.kind == pngGrey && p.depth <= 8:
		return p.passThrough(), nil
	}
	return p.decode()
}

// index is the palette index of pixel x of a row of indices of depth bits.
func index(row []byte, x int, depth byte) byte {
	if depth == 8 {
		return row[x]
	}
	per := 8 / int(depth)
	shift := 8 - int(depth)*(x%per+1)
	return row[x/per] >> shift & (1<<depth - 1)
}

// passThrough is the XObject of the PNG's own compressed data.
func (p *pngInfo) passThrough() *xobject {
	colors := 1
	cs := "/DeviceGray"
	switch p.kind {
	case pngRGB:
		colors, cs = 3, "/DeviceRGB"
	case pngPalette:
		// Pad the palette to every index the depth can write: what lies beyond it is black.
		pal := make([]byte, 3<<p.depth)
		copy(pal, p.palette)
		cs = fmt.Sprintf("[/Indexed /DeviceRGB %d <%x>]", 1<<p.depth-1, pal)
	}
	dict := fmt.Appendf(nil, "/Width %d /Height %d /ColorSpace %s /BitsPerComponent %d /Filter /FlateDecode "+
		"/DecodeParms <</Predictor 15 /Colors %d /BitsPerComponent %d /Columns %d>>",
		p.width, p.height, cs, p.depth, colors, p.depth, p.width)
	if p.trns != nil && p.kind != pngPalette {
		mask := []byte(" /Mask [")
		for i := 0; i < len(p.trns); i += 2 {
			v := binary.BigEndian.Uint16(p.trns[i:])
			if v >= 1<<p.depth {
				mask = nil // no pixel has the colour: nothing is masked
				break
			}
			mask = fmt.Appendf(mask, "%d %d ", v, v)
		}
		if mask != nil {
			mask[len(mask)-1] = ']'
			dict = append(dict, mask...)
		}
	}
	return &xobject{dict: dict, data: p.idat}
}

// rows inflates the image data and gives each row to f, unfiltered; it fails unless the data
// holds exactly the rows the header says, each with a filter PNG has.
func (p *pngInfo) rows(f func(row []byte)) error {
	zr, err := zlib.NewReader(bytes.NewReader(p.idat))
	if err != nil {
		return fmt.Errorf("PNG data: %w", err)
	}
	r := bufio.NewReaderSize(zr, 64<<10)
	n, bpp := p.rowBytes(p.width)
	prev, cur := make([]byte, n+1), make([]byte, n+1)
	for range p.height {
		if _, err := io.ReadFull(r, cur); err != nil {
			return fmt.Errorf("PNG data cut short: %w", err)
		}
		if err := unfilter(cur[0], cur[1:], prev[1:], bpp); err != nil {
			return err
		}
		f(cur[1:])
		prev, cur = cur, prev
	}
	if _, err := r.ReadByte(); err != io.EOF {
		if err == nil {
			err = errors.New("more data than rows")
		}
		return fmt.Errorf("PNG data: %w", err)
	}
	return nil
}

// unfilter undoes PNG's filter of a row, given the previous row unfiltered (zeros at the top).
func unfilter(filter byte, cur, prev []byte, bpp int) error {
	switch filter {
	case 0:
	case 1:
		for i := bpp; i < len(cur); i++ {
			cur[i] += cur[i-bpp]
		}
	case 2:
		for i, b := range prev {
			cur[i] += b
		}
	case 3:
		for i := range bpp {
			cur[i] += prev[i] / 2
		}
		for i := bpp; i < len(cur); i++ {
			cur[i] += byte((int(cur[i-bpp]) + int(prev[i])) / 2)
		}
	case 4:
		for i := range bpp {
			cur[i] += prev[i]
		}
		for i := bpp; i < len(cur); i++ {
			cur[i] += paeth(cur[i-bpp], prev[i], prev[i-bpp])
		}
	default:
		return fmt.Errorf("PNG row filter %d", filter)
	}
	return nil
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// decode splits a PNG with alpha or 16-bit samples, a row at a time, into 8-bit colour and an
// SMask; a tRNS colour key of 16-bit samples becomes the SMask too.
func (p *pngInfo) decode() (*xobject, error) {
	grey := p.kind == pngGrey || p.kind == pngGreyAlpha
	colors, cs := 3, "/DeviceRGB"
	if grey {
		colors, cs = 1, "/DeviceGray"
	}
	alphaIn := p.kind == pngGreyAlpha || p.kind == pngRGBA
	size := int(p.depth) / 8 // 1 or 2: 16-bit samples keep their high byte
	colour := newPlane(p.width, p.height, colors)
	alpha := newPlane(p.width, p.height, 1)
	key := p.trns
	step := channels[p.kind] * size
	err := p.rows(func(row []byte) {
		colour.row(func(out []byte) {
			if step == 4 { // 8-bit RGBA, the usual
				for x := range p.width {
					out[3*x], out[3*x+1], out[3*x+2] = row[4*x], row[4*x+1], row[4*x+2]
				}
				return
			}
			for x := range p.width {
				for c := range colors {
					out[x*colors+c] = row[x*step+c*size]
				}
			}
		})
		alpha.row(func(out []byte) {
			if alphaIn {
				a := row[colors*size:]
				for x := range out {
					out[x] = a[x*step]
				}
				return
			}
			for x := range p.width {
				px := row[x*step:]
				switch {
				case key != nil && bytes.Equal(px[:step], key[len(key)-step:]):
					out[x] = 0
				default:
					out[x] = 255
				}
			}
		})
	})
	if err != nil {
		return nil, err
	}
	x := colour.finish(cs)
	if !alpha.opaque {
		x.smask = alpha.finish("/DeviceGray")
	}
	return x, nil
}

// plane is an image's colour or alpha, compressed a row at a time.
type plane struct {
	width, height, colors int
	buf                   bytes.Buffer
	zw                    *zlib.Writer
	row1                  []byte
	opaque                bool // of a plane of one colour: every sample so far is 255
}

func newPlane(w, h, colors int) *plane {
	pl := &plane{width: w, height: h, colors: colors, row1: make([]byte, w*colors), opaque: true}
	pl.zw, _ = zlib.NewWriterLevel(&pl.buf, zlib.BestSpeed) // a valid level
	return pl
}

// row has fill write the next row, and compresses it.
func (pl *plane) row(fill func(out []byte)) {
	fill(pl.row1)
	if pl.opaque && pl.colors == 1 {
		for _, b := range pl.row1 {
			if b != 255 {
				pl.opaque = false
				break
			}
		}
	}
	pl.zw.Write(pl.row1) // a bytes.Buffer takes every write
}

// finish is the plane's XObject, of colour space cs.
func (pl *plane) finish(cs string) *xobject {
	pl.zw.Close()
	return &xobject{
		dict: fmt.Appendf(nil, "/Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 /Filter /FlateDecode", pl.width, pl.height, cs),
		data: bytes.Clone(pl.buf.Bytes()),
	}
}

// fromImage makes an XObject of a decoded image: 8-bit grey or RGB, and an SMask of its alpha
// unless it is opaque.
func fromImage(img image.Image) *xobject {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	grey := false
	switch img.(type) {
	case *image.Gray, *image.Gray16:
		grey = true
	}
	colors, cs := 3, "/DeviceRGB"
	if grey {
		colors, cs = 1, "/DeviceGray"
	}
	colour, alpha := newPlane(w, h, colors), newPlane(w, h, 1)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		var as []byte
		colour.row(func(out []byte) {
			for x := range w {
				c := nrgba(img.At(b.Min.X+x, y))
				if grey {
					out[x] = c.R
				} else {
					out[3*x], out[3*x+1], out[3*x+2] = c.R, c.G, c.B
				}
				as = append(as, c.A)
			}
		})
		alpha.row(func(out []byte) { copy(out, as) })
	}
	x := colour.finish(cs)
	if !alpha.opaque {
		x.smask = alpha.finish("/DeviceGray")
	}
	return x
}
