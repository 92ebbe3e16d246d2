package draw

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"
)

// pngForFpdf gives fpdf a PNG it reads as it is meant. fpdf's reader trusts the file: it reads a
// pHYs chunk as nine bytes whatever its length, stops at an empty IDAT, and refuses 16-bit and
// interlaced images. So it gets only the chunks it needs (IHDR, PLTE, tRNS, one IDAT, IEND), and
// an image it cannot read is re-encoded as 8-bit RGBA first. The builder has decoded the image
// whole already; what is checked here is only what this rewriting relies on.
func pngForFpdf(data []byte) ([]byte, error) {
	const sig = "\x89PNG\r\n\x1a\n"
	if len(data) < 33 || string(data[:8]) != sig {
		return nil, errors.New("not a PNG")
	}
	if data[24] > 8 || data[28] != 0 { // IHDR's bit depth and interlace method
		var err error
		if data, err = repack(data); err != nil {
			return nil, err
		}
	}
	var header, palette, alpha []byte
	var idat bytes.Buffer
	for rest := data[8:]; ; {
		if len(rest) < 12 {
			return nil, errors.New("PNG ends without IEND")
		}
		n := binary.BigEndian.Uint32(rest)
		if uint64(n)+12 > uint64(len(rest)) {
			return nil, errors.New("PNG chunk runs past the end")
		}
		kind, body := string(rest[4:8]), rest[8:8+n]
		rest = rest[12+n:]
		switch kind {
		case "IHDR":
			header = body
		case "PLTE":
			palette = body
		case "tRNS":
			alpha = body
		case "IDAT":
			idat.Write(body)
		case "IEND":
			if header == nil || idat.Len() == 0 {
				return nil, errors.New("PNG without a header or data")
			}
			out := bytes.NewBufferString(sig)
			for _, c := range []struct {
				kind string
				body []byte
			}{{"IHDR", header}, {"PLTE", palette}, {"tRNS", alpha}, {"IDAT", idat.Bytes()}, {"IEND", []byte{}}} {
				if c.body != nil {
					writeChunk(out, c.kind, c.body)
				}
			}
			return out.Bytes(), nil
		}
	}
}

func writeChunk(w *bytes.Buffer, kind string, body []byte) {
	binary.Write(w, binary.BigEndian, uint32(len(body)))
	w.WriteString(kind)
	w.Write(body)
	crc := crc32.NewIEEE()
	crc.Write([]byte(kind))
	crc.Write(body)
	binary.Write(w, binary.BigEndian, crc.Sum32())
}

// jpegForFpdf re-encodes a JPEG with Go's encoder. fpdf embeds a JPEG's bytes as they are, and
// Go's decoder accepts files that PDF readers' cannot decode (a quantization table used but never
// defined, bytes between markers): the PDF would carry a stream no reader can show.
func jpegForFpdf(data []byte) ([]byte, error) {
	img, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 92}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// repack re-encodes a PNG as 8-bit, non-interlaced RGBA.
func repack(data []byte) ([]byte, error) {
	src, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	dst := image.NewNRGBA(src.Bounds())
	draw.Draw(dst, dst.Bounds(), src, src.Bounds().Min, draw.Src)
	var buf bytes.Buffer
	if err := png.Encode(&buf, dst); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
