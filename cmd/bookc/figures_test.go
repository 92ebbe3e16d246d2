package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"bookc/formats/validate"
)

// svgFixtures are the SVG files of the reader's and the cleaner's tests.
func svgFixtures(t *testing.T) []string {
	var svgs []string
	for _, dir := range []string{"svg", "svgclean"} {
		found, _ := filepath.Glob(filepath.Join("..", "..", "builder", dir, "testdata", "*.svg"))
		svgs = append(svgs, found...)
	}
	if len(svgs) < 10 {
		t.Fatalf("only %d SVGs found under builder/svg*/testdata", len(svgs))
	}
	return svgs
}

// addSVGFigures puts every SVG fixture in the book's files, under src/img, and in the chapter md,
// with prose between them as in a book, by whose justified lines the validator finds the text
// block's edge. It returns the fixtures.
func addSVGFigures(t *testing.T, files map[string]string, md *strings.Builder) []string {
	svgs := svgFixtures(t)
	for i, p := range svgs {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		name := fmt.Sprintf("img/%02d-%s", i, filepath.Base(p))
		files["src/"+name] = string(data)
		fmt.Fprintf(md, "\n%s\n\n![%s](%s)\n", strings.Repeat("The figure below is drawn from an SVG file. ", 12), filepath.Base(p), name)
	}
	return svgs
}

// TestSVGFigures builds a book of every SVG the reader's and the cleaner's tests hold, in the
// styles real books carry (Graphviz, draw.io, Inkscape, svgbob, hand-written, hostile): each must
// be drawn as vectors in the PDF, with its text as text, and packaged so that epubcheck passes.
func TestSVGFigures(t *testing.T) {
	if err := validate.Installed(); err != nil {
		t.Fatal(err)
	}
	book := t.TempDir()
	files := map[string]string{"book.toml": "[book]\ntitle = \"Figures\"\n", "src/SUMMARY.md": "- [Figures](figures.md)\n"}
	var md strings.Builder
	md.WriteString("# Figures\n")
	svgs := addSVGFigures(t, files, &md)
	files["src/figures.md"] = md.String()
	writeBook(t, book, files)

	out := t.TempDir()
	var errs strings.Builder
	if code := run(context.Background(), []string{"all", "-o", out, book}, &errs, &errs); code != 0 {
		t.Fatalf("exit %d:\n%.2000s", code, errs.String())
	}
	if strings.Contains(errs.String(), "alt text") {
		t.Errorf("an SVG is shown as its alt text:\n%.2000s", errs.String())
	}
	validateAll(t, out)

	pdf := filepath.Join(out, "figures.pdf")
	data, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), "/Subtype /Form"); n < len(svgs) {
		t.Errorf("%d forms in the PDF for %d SVGs", n, len(svgs))
	}
	text, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"metroctl", "etcd"} { // labels of the Graphviz and draw.io figures
		if !strings.Contains(string(text), want) {
			t.Errorf("the PDF's text lacks %q, an SVG's label", want)
		}
	}
}
