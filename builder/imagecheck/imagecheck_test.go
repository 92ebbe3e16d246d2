package imagecheck

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"net/http"
	"strings"
	"testing"
)

func encode(t testing.TB, enc func(*bytes.Buffer) error) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := enc(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func pngOf(t testing.TB, img image.Image) []byte {
	return encode(t, func(b *bytes.Buffer) error { return png.Encode(b, img) })
}

// chunk is one PNG chunk with its CRC; length overrides the length field when not -1.
func chunk(kind string, data []byte, length int64) []byte {
	var b bytes.Buffer
	n := uint32(len(data))
	if length >= 0 {
		n = uint32(length)
	}
	binary.Write(&b, binary.BigEndian, n)
	b.WriteString(kind)
	b.Write(data)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(kind), data...)))
	return b.Bytes()
}

// rawPNG builds a PNG from its parts: a w x h 8-bit image of colour type ct, then chunks.
func rawPNG(w, h uint32, ct byte, chunks ...[]byte) []byte {
	var ihdr bytes.Buffer
	binary.Write(&ihdr, binary.BigEndian, w)
	binary.Write(&ihdr, binary.BigEndian, h)
	ihdr.Write([]byte{8, ct, 0, 0, 0})
	out := append([]byte("\x89PNG\r\n\x1a\n"), chunk("IHDR", ihdr.Bytes(), -1)...)
	for _, c := range chunks {
		out = append(out, c...)
	}
	return out
}

func deflate(data []byte) []byte {
	var b bytes.Buffer
	z := zlib.NewWriter(&b)
	z.Write(data)
	z.Close()
	return b.Bytes()
}

func TestCheck(t *testing.T) {
	gray := image.NewGray(image.Rect(0, 0, 3, 2))
	rgba := image.NewNRGBA(image.Rect(0, 0, 4, 4))
	rgba.Set(1, 1, color.NRGBA{200, 10, 10, 128})
	good := pngOf(t, rgba)
	iend := chunk("IEND", nil, -1)
	row := deflate([]byte{0, 1, 2, 3}) // one filter byte and a 3-pixel grey row
	tests := []struct {
		name    string
		data    []byte
		want    Info
		wantErr error
		msg     string
	}{
		{name: "grey PNG", data: pngOf(t, gray), want: Info{MediaType: "image/png", Width: 3, Height: 2, Decoded: 6}},
		{name: "RGBA PNG", data: good, want: Info{MediaType: "image/png", Width: 4, Height: 4, Decoded: 64}},
		{name: "JPEG", data: encode(t, func(b *bytes.Buffer) error { return jpeg.Encode(b, rgba, nil) }), want: Info{MediaType: "image/jpeg", Width: 4, Height: 4, Decoded: 48}},
		{name: "GIF", data: encode(t, func(b *bytes.Buffer) error { return gif.Encode(b, rgba, nil) }), want: Info{MediaType: "image/gif", Width: 4, Height: 4, Decoded: 16}},
		{name: "text", data: []byte("just words"), wantErr: ErrFormat, msg: "reads as text/plain"},
		{name: "header-only PNG", data: good[:33], wantErr: ErrFormat, msg: "damaged"},
		{name: "short IDAT", data: rawPNG(3, 1, 0, chunk("IDAT", row[:len(row)-3], -1), iend), wantErr: ErrFormat},
		{name: "short tRNS", data: rawPNG(3, 1, 2, chunk("tRNS", []byte{0}, -1), chunk("IDAT", row, -1), iend), wantErr: ErrFormat},
		{name: "huge chunk length", data: rawPNG(3, 1, 0, chunk("IDAT", row, 0x7ffffff0), iend), wantErr: ErrFormat},
		{name: "negative chunk length", data: rawPNG(3, 1, 0, chunk("IDAT", row, 0xfffffff0), iend), wantErr: ErrFormat},
		{name: "1x1 whose data inflates far past it", data: rawPNG(1, 1, 0, chunk("IDAT", deflate(make([]byte, 64<<20)), -1), iend), wantErr: ErrFormat, msg: "too much pixel data"},
		{name: "truncated GIF", data: encode(t, func(b *bytes.Buffer) error { return gif.Encode(b, rgba, nil) })[:30], wantErr: ErrFormat},
		{name: "7000x7000 RGBA", data: rawPNG(7000, 7000, 6, iend), wantErr: ErrTooBig, msg: "7000x7000 pixels decode to 187 MB"},
		{name: "a 10^10-pixel header", data: rawPNG(100000, 100000, 0, iend), wantErr: ErrTooBig, msg: "100000x100000"},
		{name: "2^31 squared", data: rawPNG(1<<31-1, 1<<31-1, 0, iend), wantErr: ErrFormat, msg: "overflow"},
		{name: "zero width", data: rawPNG(0, 5, 0, iend), wantErr: ErrFormat},
	}
	// each image checked, then through a Memo twice (the second answer remembered), and a nil one
	memo := NewMemo()
	checkers := []struct {
		name  string
		check func([]byte) (Info, error)
	}{{"Check", Check}, {"Memo", memo.Check}, {"Memo again", memo.Check}, {"nil Memo", (*Memo)(nil).Check}}
	for _, tt := range tests {
		for _, c := range checkers {
			t.Run(tt.name+"/"+c.name, func(t *testing.T) {
				got, err := c.check(tt.data)
				if tt.wantErr == nil {
					if err != nil || got != tt.want {
						t.Errorf("Check = %+v, %v; want %+v", got, err, tt.want)
					}
					return
				}
				if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), tt.msg) {
					t.Errorf("error %v, want %v with %q", err, tt.wantErr, tt.msg)
				}
			})
		}
	}
	if n := memo.seen.Len(); n != len(tests) {
		t.Errorf("the memo holds %d checks of %d images", n, len(tests))
	}
	// a renewed memo keeps what the build before checked, and forgets it a build later
	next := memo.Renew()
	if n := next.seen.Len(); n != len(tests) {
		t.Errorf("renewed, the memo holds %d checks of %d images", n, len(tests))
	}
	next.Check(tests[0].data)
	if n := next.Renew().seen.Len(); n != 1 {
		t.Errorf("renewed after checking one image, the memo holds %d checks", n)
	}
	if (*Memo)(nil).Renew() != nil {
		t.Error("a nil memo renews as a memo")
	}
}

// FuzzCheck: whatever the bytes, Check returns; an image it accepts decodes within the budget.
func FuzzCheck(f *testing.F) {
	rgba := image.NewNRGBA(image.Rect(0, 0, 5, 3))
	f.Add(pngOf(f, rgba))
	f.Add(pngOf(f, image.NewPaletted(image.Rect(0, 0, 2, 2), color.Palette{color.Black, color.White})))
	f.Add(encode(f, func(b *bytes.Buffer) error { return jpeg.Encode(b, rgba, nil) }))
	f.Add(encode(f, func(b *bytes.Buffer) error { return gif.Encode(b, rgba, nil) }))
	f.Add(rawPNG(2, 2, 0, chunk("IEND", nil, -1)))
	f.Fuzz(func(t *testing.T, data []byte) {
		info, err := Check(data)
		if err == nil && (info.Width <= 0 || info.Height <= 0 || info.Decoded > MaxBytes) {
			t.Errorf("accepted %+v", info)
		}
	})
}

// TestSniff checks that sniff names files as net/http's DetectContentType does, for the images a
// book may carry and the files most often taken for them.
func TestSniff(t *testing.T) {
	rgba := image.NewNRGBA(image.Rect(0, 0, 2, 2))
	for name, data := range map[string][]byte{
		"PNG":        pngOf(t, rgba),
		"JPEG":       encode(t, func(b *bytes.Buffer) error { return jpeg.Encode(b, rgba, nil) }),
		"GIF":        encode(t, func(b *bytes.Buffer) error { return gif.Encode(b, rgba, nil) }),
		"WebP":       []byte("RIFF\x10\x00\x00\x00WEBPVP8 rest"),
		"BMP":        []byte("BM\x36\x00\x00\x00rest of a bitmap"),
		"icon":       []byte("\x00\x00\x01\x00\x01\x00rest"),
		"PDF":        []byte("%PDF-1.5\n%rest"),
		"text":       []byte("just words\n"),
		"UTF-8 text": []byte(strings.Repeat("é", 300)), // cut mid-character at the 512th byte
		"binary":     {0x00, 0x01, 0x02, 0xfe},
	} {
		if got, want := sniff(data), strings.TrimSuffix(http.DetectContentType(data), "; charset=utf-8"); got != want {
			t.Errorf("%s: sniffed as %s, net/http says %s", name, got, want)
		}
	}
}
