package svgclean

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"bookc/formats/validate"
)

// TestEPUBCheck puts every cleaned SVG, from testdata and from the hostile table, into a minimal
// EPUB 3 and requires epubcheck to find nothing. A missing epubcheck fails the test: its verdict
// is the bar, not our guess at it.
func TestEPUBCheck(t *testing.T) {
	if _, err := exec.LookPath("java"); err != nil {
		t.Fatal("epubcheck is missing: no java (apt-get install epubcheck default-jre-headless)")
	}
	if _, err := os.Stat(validate.EPUBCheck); err != nil {
		t.Fatalf("epubcheck is missing: %v (apt-get install epubcheck default-jre-headless)", err)
	}
	var svgs [][]byte
	for _, path := range inputs(t) {
		in, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		svgs = append(svgs, clean(t, path, in))
	}
	for _, tc := range hostile {
		svgs = append(svgs, clean(t, tc.name, []byte(tc.in)))
	}
	path := filepath.Join(t.TempDir(), "svgs.epub")
	if err := os.WriteFile(path, epubOf(t, svgs), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := validate.EPUB(path); err != nil {
		t.Fatal(err)
	}
}

func clean(t *testing.T, name string, in []byte) []byte {
	t.Helper()
	out, _, err := Clean(in)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return out
}

// epubOf is an EPUB 3 with one page that shows each SVG with <img>.
func epubOf(t *testing.T, svgs [][]byte) []byte {
	var items, imgs strings.Builder
	for i := range svgs {
		fmt.Fprintf(&items, `<item id="i%d" href="i%d.svg" media-type="image/svg+xml"/>`, i, i)
		fmt.Fprintf(&imgs, `<p><img src="i%d.svg" alt="image %d"/></p>`, i, i)
	}
	files := []struct {
		name string
		data []byte
	}{
		{"mimetype", []byte("application/epub+zip")},
		{"META-INF/container.xml", []byte(`<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`)},
		{"EPUB/package.opf", []byte(`<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="uid">urn:uuid:0b6c2a43-6a4e-4d1e-9a53-3c8b1f0d2e71</dc:identifier><dc:title>SVGs</dc:title><dc:language>en</dc:language><meta property="dcterms:modified">2024-01-01T00:00:00Z</meta></metadata>` +
			`<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/><item id="page" href="page.xhtml" media-type="application/xhtml+xml"/>` + items.String() + `</manifest><spine><itemref idref="page"/></spine></package>`)},
		{"EPUB/nav.xhtml", []byte(`<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en" xml:lang="en"><head><title>Contents</title></head><body><nav epub:type="toc"><ol><li><a href="page.xhtml">Images</a></li></ol></nav></body></html>`)},
		{"EPUB/page.xhtml", []byte(`<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en"><head><title>Images</title></head><body>` + imgs.String() + `</body></html>`)},
	}
	for i, svg := range svgs {
		files = append(files, struct {
			name string
			data []byte
		}{fmt.Sprintf("EPUB/i%d.svg", i), svg})
	}
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for i, f := range files {
		h := &zip.FileHeader{Name: f.name, Method: zip.Deflate}
		if i == 0 {
			h.Method = zip.Store // epubcheck requires mimetype first and stored
		}
		w, err := z.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(f.data)
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
