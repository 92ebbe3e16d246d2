package draw

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"bookc/builder/imagecheck"
	"bookc/formats/pdf/page"
)

// imageDoc is a document of one page that shows each image twice.
func imageDoc(mediaType string, images ...[]byte) *page.Doc {
	pg := &page.Page{}
	for i, data := range images {
		for k := range 2 {
			pg.Images = append(pg.Images, page.Image{X: 10 + 60*float64(k), Y: 10 + 60*float64(i), W: 50, H: 50,
				Name: fmt.Sprintf("im%d", i), MediaType: mediaType, Data: data})
		}
	}
	return &page.Doc{Width: 200, Height: 60*float64(len(images)) + 20, Meta: page.Meta{Title: "Images", Date: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)},
		Pages: []*page.Page{pg}}
}

// writePDF paints doc into a file of a temporary directory, checked by qpdf.
func writePDF(t *testing.T, doc *page.Doc) (path string, data []byte) {
	t.Helper()
	data, err := PDF(doc, nil)
	if err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(t.TempDir(), "images.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil || !strings.Contains(string(out), "No syntax or stream encoding errors") {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	return path, data
}

// listImages is `pdfimages -list`'s rows, one an image shown: type, width, height, colour,
// components, bits, encoding; and the object numbers of the images, each once, in that order.
func listImages(t *testing.T, path string) (rows []string, objects []string) {
	out, err := exec.Command("pdfimages", "-list", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfimages -list: %v\n%s", err, out)
	}
	for _, l := range strings.Split(string(out), "\n")[2:] {
		if f := strings.Fields(l); len(f) > 10 {
			rows = append(rows, strings.Join(f[2:9], " "))
			if !slices.Contains(objects, f[10]) {
				objects = append(objects, f[10])
			}
		}
	}
	return rows, objects
}

// extracted is the images pdfimages writes of the PDF, as PNGs, decoded, in file order.
func extracted(t *testing.T, path string) []image.Image {
	dir := t.TempDir()
	if out, err := exec.Command("pdfimages", "-png", path, filepath.Join(dir, "x")).CombinedOutput(); err != nil {
		t.Fatalf("pdfimages -png: %v\n%s", err, out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "x-*.png"))
	var imgs []image.Image
	for _, f := range files {
		data, _ := os.ReadFile(f)
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		imgs = append(imgs, img)
	}
	return imgs
}

func testImage(t *testing.T, name string) []byte {
	data, err := os.ReadFile(filepath.Join("testdata/images", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// transparentGIF is a GIF of a palette with a transparent colour.
func transparentGIF() []byte {
	pal := color.Palette{color.RGBA{200, 0, 0, 255}, color.RGBA{0, 0, 0, 0}, color.RGBA{0, 90, 0, 255}}
	img := image.NewPaletted(image.Rect(0, 0, 9, 7), pal)
	for i := range img.Pix {
		img.Pix[i] = uint8(i % len(pal))
	}
	var b bytes.Buffer
	gif.Encode(&b, img, nil)
	return b.Bytes()
}

// TestPrepareImages paints images of every kind the PDF takes and reads them back: qpdf finds
// no error, pdfimages lists each once in its size, colour space and encoding, with an SMask when
// it has alpha, and what it extracts of a lossless image has the image's pixels.
func TestPrepareImages(t *testing.T) {
	for _, tool := range []string{"qpdf", "pdfimages"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed (apt install qpdf poppler-utils): %v", tool, err)
		}
	}
	var jpegBytes bytes.Buffer
	jpeg.Encode(&jpegBytes, image.NewGray(image.Rect(0, 0, 8, 8)), nil)
	tests := []struct {
		name, mediaType string
		data            []byte
		rows            []string // pdfimages -list: type width height color comp bpc enc
		same            bool     // the file's own data is the stream: a PNG's IDAT, a JPEG
		lossless        bool
	}{
		{"grey", "image/png", testImage(t, "basn0g08.png"), []string{"image 32 32 gray 1 8 image"}, true, true},
		{"grey, 2 bits", "image/png", testImage(t, "basn0g02.png"), []string{"image 32 32 gray 1 2 image"}, true, true},
		{"RGB", "image/png", testImage(t, "basn2c08.png"), []string{"image 32 32 rgb 3 8 image"}, true, true},
		{"RGB with a colour key", "image/png", testImage(t, "ftbrn2c08.png"), []string{"image 32 32 rgb 3 8 image"}, true, false},
		{"RGBA", "image/png", testImage(t, "basn6a08.png"), []string{"image 32 32 rgb 3 8 image", "smask 32 32 gray 1 8 image"}, false, true},
		{"grey and alpha", "image/png", testImage(t, "basn4a08.png"), []string{"image 32 32 gray 1 8 image", "smask 32 32 gray 1 8 image"}, false, true},
		{"palette", "image/png", testImage(t, "basn3p04.png"), []string{"image 32 32 index 1 4 image"}, true, true},
		{"palette with tRNS", "image/png", testImage(t, "basn3p08-trns.png"), []string{"image 32 32 index 1 8 image", "smask 32 32 gray 1 8 image"}, true, true},
		{"RGB, 16 bits", "image/png", testImage(t, "basn2c16.png"), []string{"image 32 32 rgb 3 8 image"}, false, true},
		{"RGBA, 16 bits", "image/png", testImage(t, "basn6a16.png"), []string{"image 32 32 rgb 3 8 image", "smask 32 32 gray 1 8 image"}, false, true},
		{"grey, 16 bits, a colour key", "image/png", testImage(t, "ftbwn0g16.png"), []string{"image 32 32 gray 1 8 image", "smask 32 32 gray 1 8 image"}, false, true},
		{"interlaced palette", "image/png", testImage(t, "../interlaced.png"), []string{"image 16 16 rgb 3 8 image"}, false, true},
		{"interlaced RGBA", "image/png", testImage(t, "interlaced-rgba.png"), []string{"image 32 32 rgb 3 8 image", "smask 32 32 gray 1 8 image"}, false, true},
		{"split IDAT, short pHYs", "image/png", splitIDAT(t, testImage(t, "basn2c08.png")), []string{"image 32 32 rgb 3 8 image"}, true, true},
		{"JPEG", "image/jpeg", jpegBytes.Bytes(), []string{"image 8 8 gray 1 8 jpeg"}, true, false},
		{"grey JPEG", "image/jpeg", testImage(t, "video-005.gray.jpeg"), []string{"image 150 103 gray 1 8 jpeg"}, true, false},
		{"CMYK JPEG", "image/jpeg", testImage(t, "video-001.cmyk.jpeg"), []string{"image 150 103 cmyk 4 8 jpeg"}, true, false},
		{"progressive JPEG", "image/jpeg", testImage(t, "video-001.progressive.jpeg"), []string{"image 150 103 rgb 3 8 jpeg"}, true, false},
		{"JPEG with bytes after EOI", "image/jpeg", append(bytes.Clone(jpegBytes.Bytes()), "trailing"...), []string{"image 8 8 gray 1 8 jpeg"}, false, false},
		{"JPEG with a Huffman table readers refuse", "image/jpeg", bogusDC(t, jpegBytes.Bytes()), []string{"image 8 8 gray 1 8 jpeg"}, false, false},
		{"GIF", "image/gif", testImage(t, "video-001.gif"), []string{"image 150 103 index 1 8 image"}, false, true},
		{"GIF, a transparent colour", "image/gif", transparentGIF(), []string{"image 9 7 index 1 8 image"}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path, pdf := writePDF(t, imageDoc(tt.mediaType, tt.data))
			rows, objects := listImages(t, path)
			if want := append(slices.Clone(tt.rows), tt.rows...); strings.Join(rows, "\n") != strings.Join(want, "\n") {
				t.Errorf("pdfimages -list:\n%s\nwant, shown twice:\n%s", strings.Join(rows, "\n"), strings.Join(tt.rows, "\n"))
			}
			if v := string(pdf[:8]); v != "%PDF-1.5" { // tagged, transparent or not
				t.Errorf("header %s, want %%PDF-1.5", v)
			}
			if len(objects) != 1 {
				t.Errorf("objects %v: the image is not held once", objects)
			}
			own := tt.data
			if tt.mediaType == "image/png" {
				p, err := parsePNG(tt.data)
				if err != nil {
					t.Fatal(err)
				}
				own = p.idat
			}
			if got := bytes.Contains(pdf, own); got != tt.same {
				t.Errorf("the file's own data in the PDF: %v, want %v", got, tt.same)
			}
			if !tt.lossless {
				return
			}
			want, _, err := image.Decode(bytes.NewReader(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			got := extracted(t, path)
			if len(got) != 2*len(tt.rows) {
				t.Fatalf("%d images extracted, want %d", len(got), 2*len(tt.rows))
			}
			got = got[:len(tt.rows)]
			samePixels(t, want, got[0], got[1:])
		})
	}
}

// bogusDC is a JPEG with the last symbol of its first DC Huffman table, a category its pixels do
// not use, made 0xFC: Go decodes it, libjpeg (qpdf, PDF readers) refuses the table.
func bogusDC(t *testing.T, data []byte) []byte {
	t.Helper()
	data = bytes.Clone(data)
	at := bytes.Index(data, []byte{0xFF, 0xC4})
	if at < 0 || data[at+4]>>4 != 0 {
		t.Fatal("no DC table first in the JPEG")
	}
	n := 0
	for _, c := range data[at+5 : at+21] {
		n += int(c)
	}
	data[at+21+n-1] = 0xFC
	if _, err := jpeg.Decode(bytes.NewReader(data)); err != nil {
		t.Fatalf("Go's decoder refuses the JPEG too: %v", err)
	}
	return data
}

// TestCheckHuffman checks the Huffman tables a JPEG may pass to PDF with, as libjpeg has them.
func TestCheckHuffman(t *testing.T) {
	table := func(class byte, counts []byte, symbols ...byte) []byte {
		seg := append([]byte{class}, counts...)
		seg = append(seg, make([]byte, 16-len(counts))...)
		return append(seg, symbols...)
	}
	for _, c := range []struct {
		name string
		seg  []byte
		ok   bool
	}{
		{"a DC table", table(0x00, []byte{0, 1, 5, 1, 1, 1, 1, 1, 1}, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), true},
		{"an AC table of a symbol over 15", table(0x11, []byte{0, 2}, 0x01, 0xF0), true},
		{"two tables", append(table(0x00, []byte{0, 1}, 0), table(0x10, []byte{0, 1}, 0)...), true},
		{"a DC symbol over 15", table(0x00, []byte{0, 2}, 1, 0xFC), false},
		{"the all-ones code used", table(0x00, []byte{2}, 0, 1), false},
		{"more codes than their lengths hold", table(0x00, []byte{1, 2, 1}, 0, 1, 2, 3), false},
		{"symbols cut short", table(0x00, []byte{0, 3}, 0, 1), false},
		{"a fifth table", table(0x04, []byte{0, 1}, 0), false},
		{"a third class", table(0x20, []byte{0, 1}, 0), false},
		{"counts cut short", []byte{0x00, 0, 1}, false},
	} {
		if err := checkHuffman(c.seg); (err == nil) != c.ok {
			t.Errorf("%s: %v, want ok %v", c.name, err, c.ok)
		}
	}
}

// samePixels compares an image with what the PDF holds of it: colour where it is opaque, and alpha
// with the soft mask, or opaque without one.
func samePixels(t *testing.T, want, colour image.Image, mask []image.Image) {
	t.Helper()
	b := want.Bounds()
	if colour.Bounds().Size() != b.Size() {
		t.Fatalf("extracted %v, want %v", colour.Bounds(), b)
	}
	bad := 0
	for y := range b.Dy() {
		for x := range b.Dx() {
			w := nrgba(want.At(b.Min.X+x, b.Min.Y+y))
			g := nrgba(colour.At(x, y))
			alpha := uint8(255)
			if len(mask) > 0 {
				alpha = color.GrayModel.Convert(mask[0].At(x, y)).(color.Gray).Y
			}
			if alpha != w.A || w.A == 255 && (g.R != w.R || g.G != w.G || g.B != w.B) {
				if bad++; bad <= 3 {
					t.Errorf("pixel (%d, %d): %v alpha %d, want %v", x, y, g, alpha, w)
				}
			}
		}
	}
}

// TestImagesOnce paints two editions' worth of the same images through one store: each image is
// prepared once, and both documents have the same bytes, images numbered by first use.
func TestImagesOnce(t *testing.T) {
	a, b := testImage(t, "basn6a08.png"), testImage(t, "basn2c08.png")
	store := NewImages()
	oneParts, err := PDFShared(imageDoc("image/png", b, a, b), nil, store, nil)
	if err != nil {
		t.Fatal(err)
	}
	twoParts, err := PDFShared(imageDoc("image/png", b, a, b), nil, store, nil)
	if err != nil {
		t.Fatal(err)
	}
	alone, _ := PDF(imageDoc("image/png", b, a, b), nil)
	one, two := oneParts.Bytes(), twoParts.Bytes()
	if !bytes.Equal(one, two) || !bytes.Equal(one, alone) {
		t.Error("the same document painted twice differs")
	}
	if n := store.made.Len(); n != 2 {
		t.Errorf("%d images prepared, want 2", n)
	}
	path := filepath.Join(t.TempDir(), "once.pdf")
	os.WriteFile(path, one, 0o644)
	rows, objects := listImages(t, path)
	if len(rows) != 8 || len(objects) != 2 || atoi(objects[0]) > atoi(objects[1]) {
		t.Errorf("images %v, objects %v: want each once, numbered by first use", rows, objects)
	}
}

// TestImageErrors: an image that cannot be prepared fails the document, naming it and its page.
func TestImageErrors(t *testing.T) {
	doc := imageDoc("image/png", testImage(t, "basn2c08.png"))
	doc.Pages = append(doc.Pages, &page.Page{Art: page.Art{Images: []page.Image{{W: 5, H: 5, Name: "broken.png", MediaType: "image/png", Data: []byte("\x89PNG\r\n\x1a\nnope")}}}})
	_, err := PDF(doc, nil)
	if err == nil || !strings.Contains(err.Error(), "page 2: image broken.png") {
		t.Errorf("error %v, want one naming page 2 and broken.png", err)
	}
}

// TestArchivalImages checks that an archival document has no CMYK image, which its sRGB output
// intent would not describe: a CMYK JPEG is converted, other JPEGs pass through.
func TestArchivalImages(t *testing.T) {
	for name, want := range map[string]string{
		"video-001.cmyk.jpeg":        "image 150 103 rgb 3 8 jpeg",
		"video-001.progressive.jpeg": "image 150 103 rgb 3 8 jpeg",
		"video-005.gray.jpeg":        "image 150 103 gray 1 8 jpeg",
	} {
		data := testImage(t, name)
		doc := imageDoc("image/jpeg", data)
		doc.Meta.Archival = true
		path, pdf := writePDF(t, doc)
		if rows, _ := listImages(t, path); len(rows) != 2 || rows[0] != want {
			t.Errorf("%s, archival: pdfimages -list %q, want %q twice", name, rows, want)
		}
		if name == "video-001.progressive.jpeg" && !bytes.Contains(pdf, data[:len(data)-2]) {
			t.Errorf("%s, archival: the JPEG was not passed through", name)
		}
	}
}

// FuzzPrepare feeds bytes to the image preparation as each type: it never panics, and what it
// makes of an image the builder accepts is a document qpdf finds no error in.
func FuzzPrepare(f *testing.F) {
	for _, name := range []string{"basn0g02.png", "basn3p08-trns.png", "basn6a16.png", "ftbwn0g16.png", "interlaced-rgba.png", "video-005.gray.jpeg", "video-001.gif"} {
		data, err := os.ReadFile(filepath.Join("testdata/images", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(transparentGIF())
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, mt := range []string{"image/png", "image/jpeg", "image/gif"} {
			if _, err := prepare(mt, data, false); err != nil {
				continue
			}
			if _, err := imagecheck.Check(data); err != nil {
				continue // the builder gives no backend such an image
			}
			doc := imageDoc(mt, data)
			pdf, err := PDF(doc, nil)
			if err != nil {
				t.Fatalf("%s: prepared, then %v", mt, err)
			}
			path := filepath.Join(t.TempDir(), "f.pdf")
			os.WriteFile(path, pdf, 0o644)
			if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
				t.Fatalf("%s: qpdf --check: %v\n%s", mt, err, out)
			}
		}
	})
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
