package main

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"bookc/formats/validate"
)

// TestArchival builds a book of what tests PDF/A most, with pdf-standard = "pdf/a-2u": images
// with alpha, a CMYK JPEG, every SVG of the readers' tests (gradients, clips, opacity), links and
// a footnote. validateAll runs Preflight over the PDF, as over every PDF claiming PDF/A.
func TestArchival(t *testing.T) {
	if err := validate.Installed(); err != nil {
		t.Fatal(err)
	}
	rgba := image.NewNRGBA(image.Rect(0, 0, 40, 30))
	for i := range rgba.Pix {
		rgba.Pix[i] = byte(i * 7)
	}
	rgba.Set(0, 0, color.NRGBA{200, 10, 10, 128})
	var alpha bytes.Buffer
	if err := png.Encode(&alpha, rgba); err != nil {
		t.Fatal(err)
	}
	cmyk, err := os.ReadFile(filepath.Join("..", "..", "formats", "pdf", "draw", "testdata", "images", "video-001.cmyk.jpeg"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"book.toml":      "[book]\ntitle = \"Archival\"\nauthors = [\"A. Writer\"]\nlanguage = \"en\"\n\n[output.bookc]\npdf-standard = \"pdf/a-2u\"\n",
		"src/SUMMARY.md": "- [Pictures](pictures.md)\n",
		"src/alpha.png":  alpha.String(),
		"src/cmyk.jpeg":  string(cmyk),
	}
	var md strings.Builder
	md.WriteString("# Pictures\n\nA screenshot with alpha:\n\n![Translucent pixels](alpha.png)\n\nA photograph in CMYK[^ink]:\n\n![A video still](cmyk.jpeg)\n\n")
	md.WriteString("[^ink]: Printers' inks, which the sRGB output intent does not describe.\n\nSee [the spec](https://www.pdfa.org/) or [the pictures](#pictures).\n\n```rust\nfn main() { println!(\"archived\"); }\n```\n")
	addSVGFigures(t, files, &md)
	files["src/pictures.md"] = md.String()
	book := t.TempDir()
	writeBook(t, book, files)
	out := t.TempDir()
	var errs strings.Builder
	if code := run(context.Background(), []string{"pdf", "-q", "-o", out, book}, &errs, &errs); code != 0 {
		t.Fatalf("exit %d:\n%.2000s", code, errs.String())
	}
	pdf := filepath.Join(out, "archival.pdf")
	list, err := exec.Command("pdfimages", "-list", pdf).Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(list), "smask") || strings.Contains(string(list), "cmyk") {
		t.Errorf("pdfimages -list: want a soft mask and no CMYK image:\n%s", list)
	}
	validateAll(t, out)

	// the check can fail: the same book, not archival, is no PDF/A
	files["book.toml"] = strings.Replace(files["book.toml"], "pdf-standard = \"pdf/a-2u\"\n", "", 1)
	writeBook(t, book, files)
	if code := run(context.Background(), []string{"pdf", "-q", "-o", out, book}, &errs, &errs); code != 0 {
		t.Fatalf("exit %d:\n%.2000s", code, errs.String())
	}
	if err := validate.Archival(pdf); err == nil || !strings.Contains(err.Error(), "2.4.3 : Invalid Color space") || !strings.Contains(err.Error(), "pdfaid:part 2") {
		t.Errorf("a PDF without pdf-standard passes as PDF/A-2u: %v", err)
	}
}
