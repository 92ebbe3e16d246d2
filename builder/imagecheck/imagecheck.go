// Package imagecheck decodes a raster image whole, within a budget of decoded bytes, before any
// backend sees it: a header alone says nothing of a PNG whose data inflates to gigabytes, or
// that is cut short, and the PDF library that embeds images trusts what it is given.
package imagecheck

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"unicode/utf8"

	"golang.org/x/image/webp"

	"bookc/builder/once"
)

// MaxBytes is the decoded size of the largest image a book may carry: 4096x4096 in RGBA. Drawing
// holds an image decoded and split into colour and alpha, several times this.
const MaxBytes = 64 << 20

// Info is what the image is.
type Info struct {
	MediaType     string
	Width, Height int
	Decoded       int64 // bytes, decoded: what the image costs to draw
}

type format struct {
	config func([]byte) (image.Config, error)
	decode func([]byte) (image.Image, error)
}

var formats = map[string]format{
	"image/png": {
		config: func(b []byte) (image.Config, error) { return png.DecodeConfig(bytes.NewReader(b)) },
		decode: func(b []byte) (image.Image, error) { return png.Decode(bytes.NewReader(b)) },
	},
	"image/jpeg": {
		config: func(b []byte) (image.Config, error) { return jpeg.DecodeConfig(bytes.NewReader(b)) },
		decode: func(b []byte) (image.Image, error) { return jpeg.Decode(bytes.NewReader(b)) },
	},
	"image/gif": { // the first frame, which is what books show
		config: func(b []byte) (image.Config, error) { return gif.DecodeConfig(bytes.NewReader(b)) },
		decode: func(b []byte) (image.Image, error) { return gif.Decode(bytes.NewReader(b)) },
	},
	"image/webp": {
		config: func(b []byte) (image.Config, error) { return webp.DecodeConfig(bytes.NewReader(b)) },
		decode: func(b []byte) (image.Image, error) { return webp.Decode(bytes.NewReader(b)) },
	},
}

// ErrFormat and ErrTooBig are what Check's errors wrap.
var (
	ErrFormat = errors.New("not an image in a format books can show")
	ErrTooBig = errors.New("too large")
)

// Check reads the image's type from its bytes and decodes it whole, refusing one whose decoded
// size would pass MaxBytes before decoding it. Go's decoders read no more pixel data than the
// header declares, so the budget holds for the stream as well as the header.
func Check(data []byte) (Info, error) {
	mt := sniff(data)
	f, ok := formats[mt]
	if !ok {
		return Info{MediaType: mt}, fmt.Errorf("%w (it reads as %s; use PNG, JPEG, GIF, WebP or SVG)", ErrFormat, mt)
	}
	cfg, err := f.config(data)
	if err != nil {
		return Info{MediaType: mt}, fmt.Errorf("%w: its header cannot be read: %v", ErrFormat, err)
	}
	info := Info{MediaType: mt, Width: cfg.Width, Height: cfg.Height}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return info, fmt.Errorf("%w: it is %dx%d pixels", ErrFormat, cfg.Width, cfg.Height)
	}
	// Multiply in floats: a 2^31 x 2^31 header must not wrap around.
	decoded := float64(cfg.Width) * float64(cfg.Height) * bytesPerPixel(cfg.ColorModel)
	if decoded > MaxBytes {
		return info, fmt.Errorf("%w: %dx%d pixels decode to %.0f MB, over the %d MB an image may take; scale it down",
			ErrTooBig, cfg.Width, cfg.Height, decoded/(1<<20), MaxBytes>>20)
	}
	info.Decoded = int64(decoded)
	if _, err := f.decode(data); err != nil {
		return info, fmt.Errorf("%w: it is damaged: %v", ErrFormat, err)
	}
	return info, nil
}

// bytesPerPixel is what a decoder allocates for each pixel of the model.
func bytesPerPixel(m color.Model) float64 {
	switch m {
	case color.GrayModel, color.AlphaModel:
		return 1
	case color.Gray16Model, color.Alpha16Model:
		return 2
	case color.RGBA64Model, color.NRGBA64Model:
		return 8
	case color.YCbCrModel:
		return 3
	}
	if _, ok := m.(color.Palette); ok {
		return 1
	}
	return 4 // RGBA, NRGBA, CMYK, and anything new
}

// signatures are the first bytes of the image formats a book may carry, and of the files most
// often taken for images, as the WHATWG's sniffing rules have them (net/http's
// DetectContentType, which would bring net/http into every command for this).
var signatures = []struct{ prefix, mediaType string }{
	{"\x89PNG\r\n\x1a\n", "image/png"},
	{"\xff\xd8\xff", "image/jpeg"},
	{"GIF87a", "image/gif"},
	{"GIF89a", "image/gif"},
	{"BM", "image/bmp"},
	{"II*\x00", "image/tiff"},
	{"MM\x00*", "image/tiff"},
	{"\x00\x00\x01\x00", "image/x-icon"},
	{"%PDF-", "application/pdf"},
}

// sniff names the type of a file by its first bytes: an image's, a PDF's, else "text/plain" for
// what reads as text and "application/octet-stream" for the rest.
func sniff(data []byte) string {
	for _, sig := range signatures {
		if bytes.HasPrefix(data, []byte(sig.prefix)) {
			return sig.mediaType
		}
	}
	if len(data) >= 14 && bytes.HasPrefix(data, []byte("RIFF")) && string(data[8:14]) == "WEBPVP" {
		return "image/webp"
	}
	head := data[:min(len(data), 512)]
	for cut := 0; cut < 3 && len(head) < len(data) && !utf8.Valid(head); cut++ {
		head = head[:len(head)-1] // a character cut at the 512th byte
	}
	if utf8.Valid(head) && !bytes.ContainsFunc(head, func(r rune) bool { return r < ' ' && r != '\t' && r != '\n' && r != '\r' && r != '\f' }) {
		return "text/plain"
	}
	return "application/octet-stream"
}

// Memo remembers the checks of images by their bytes: an image a book shows in several chapters,
// which parse at once, is decoded once, and so is an image the builds of one book load again
// ('bookc watch'). Safe for concurrent use; a nil Memo remembers nothing.
type Memo struct {
	seen *once.Table[[sha256.Size]byte, checked]
}

type checked struct {
	info Info
	err  error
}

// NewMemo returns an empty Memo.
func NewMemo() *Memo { return &Memo{seen: once.NewTable[[sha256.Size]byte, checked]()} }

// Check is Check, remembered. A caller whose image another is checking waits for that check.
func (m *Memo) Check(data []byte) (Info, error) {
	if m == nil {
		return Check(data)
	}
	e, mine := m.seen.Claim(sha256.Sum256(data))
	if mine {
		var c checked
		c.info, c.err = Check(data)
		e.Set(c)
	}
	c := e.Wait()
	return c.info, c.err
}

// Renew returns the memo for the next build: the checks this build asked for (once.Table.Renew).
func (m *Memo) Renew() *Memo {
	if m == nil {
		return nil
	}
	return &Memo{seen: m.seen.Renew()}
}
