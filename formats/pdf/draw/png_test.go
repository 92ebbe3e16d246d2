package draw

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// chunks lists a PNG's chunk types in order.
func chunks(t *testing.T, data []byte) []string {
	var kinds []string
	for rest := data[8:]; len(rest) >= 12; {
		n := binary.BigEndian.Uint32(rest)
		kinds = append(kinds, string(rest[4:8]))
		rest = rest[12+n:]
	}
	return kinds
}

// splitIDAT rewrites a PNG with its IDAT in pieces, an empty one among them, and a pHYs chunk cut short:
// valid for Go's decoder, misread by fpdf's.
func splitIDAT(t *testing.T, data []byte) []byte {
	var header, idat []byte
	for rest := data[8:]; len(rest) >= 12; {
		n := binary.BigEndian.Uint32(rest)
		switch string(rest[4:8]) {
		case "IHDR":
			header = rest[8 : 8+n]
		case "IDAT":
			idat = append(idat, rest[8:8+n]...)
		}
		rest = rest[12+n:]
	}
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	writeChunk(&out, "IHDR", header)
	writeChunk(&out, "pHYs", []byte{1})
	writeChunk(&out, "IDAT", idat[:len(idat)/2])
	writeChunk(&out, "IDAT", []byte{})
	writeChunk(&out, "IDAT", idat[len(idat)/2:])
	writeChunk(&out, "IEND", []byte{})
	return out.Bytes()
}

func TestPNGForFpdf(t *testing.T) {
	rgba := image.NewNRGBA(image.Rect(0, 0, 7, 5))
	deep := image.NewRGBA64(image.Rect(0, 0, 7, 5))
	for x := 0; x < 7; x++ {
		rgba.Set(x, x%5, color.NRGBA{uint8(30 * x), 200, 9, 128})
		deep.Set(x, x%5, color.RGBA64{uint16(9000 * x), 40000, 900, 65535})
	}
	enc := func(img image.Image) []byte {
		var b bytes.Buffer
		if err := png.Encode(&b, img); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	tests := []struct {
		name string
		in   image.Image
		data []byte
	}{
		{"split IDAT and a short pHYs", rgba, splitIDAT(t, enc(rgba))},
		{"16 bits a sample", deep, enc(deep)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := png.Decode(bytes.NewReader(tt.data)); err != nil {
				t.Fatalf("the input is not valid: %v", err)
			}
			got, err := pngForFpdf(tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if k := strings.Join(chunks(t, got), " "); k != "IHDR IDAT IEND" {
				t.Errorf("chunks %s, want IHDR IDAT IEND", k)
			}
			if got[24] != 8 {
				t.Errorf("bit depth %d", got[24])
			}
			img, err := png.Decode(bytes.NewReader(got))
			if err != nil {
				t.Fatal(err)
			}
			for x := 0; x < 7; x++ {
				w := color.NRGBAModel.Convert(tt.in.At(x, x%5)).(color.NRGBA)
				g := color.NRGBAModel.Convert(img.At(x, x%5)).(color.NRGBA)
				if w != g {
					t.Errorf("pixel %d: %v, want %v", x, g, w)
				}
			}
			f := fpdf.New("P", "pt", "A4", "")
			f.AddPage()
			f.RegisterImageOptionsReader("x", fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(got))
			if err := f.Error(); err != nil {
				t.Errorf("fpdf: %v", err)
			}
		})
	}
	for _, bad := range [][]byte{nil, []byte("\x89PNG\r\n\x1a\n"), enc(rgba)[:40]} {
		if _, err := pngForFpdf(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
