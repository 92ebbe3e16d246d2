package main

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"bookc/builder"
	"bookc/builder/safefs"
	"bookc/formats"
	"bookc/formats/validate"
)

// FuzzPipeline feeds random Markdown through the whole pipeline, every format, and requires each
// output to be well-formed: every EPUB XHTML file parses as XML, every man page passes mandoc's and
// groff's checks, and every PDF passes qpdf --check. Nothing may panic.
func FuzzPipeline(f *testing.F) {
	for _, s := range []string{
		"# Title\n\nPara with *em*, **strong**, `code`, [link](https://x.org) and [xref](#title).\n",
		"> [!WARNING]\n> Careful\n\n- [ ] a\n- [x] b\n\n1. one\n   - nested\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n",
		"Term\n: Def\n\nNote[^1].\n\n[^1]: Foot *note*.\n\n---\n\n```go\nfunc main() {}\n```\n",
		"<div>raw <b>html</b></div>\n\n<span class=\"x\">inline</span> <br> &amp; \\. .dot\n'quote \\\\ back\n",
		"![alt](missing.png) ![remote](https://x.org/a.png)\n\n" + strings.Repeat("word ", 200),
		"<!-- only: ops -->\n## Ops\n\nsecret\n",
	} {
		f.Add(s)
	}
	if err := validate.Installed(); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, md string) {
		fsys := fstest.MapFS{
			"book.toml":      {Data: []byte("[book]\ntitle = \"Fuzz\"\n[output.bookc.roles.ops]\n")},
			"src/SUMMARY.md": {Data: []byte("- [Fuzz](a.md)\n- [Other](b.md)\n")},
			"src/a.md":       {Data: []byte(md)},
			"src/b.md":       {Data: []byte("# Other\n\nSee [a](a.md).\n")},
		}
		renderWell(t, builder.FromFS(fsys, "fuzz"), fmt.Sprintf("%q", md), "", "ops")
	})
}

// renderWell loads a book and renders the roles' editions in every format, requiring each output
// to be well-formed; input describes the case for messages. A hang is a failure too: it is
// reported with every goroutine's stack.
func renderWell(t *testing.T, src *builder.Source, input string, roles ...string) {
	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			buf := make([]byte, 1<<20)
			buf = buf[:runtime.Stack(buf, true)]
			panic(fmt.Sprintf("pipeline hangs on %s\n%s", input, buf))
		}
	}()
	b, err := builder.Load(src, builder.Options{SourceDateEpoch: "1700000000", Highlight: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, role := range roles {
		ed, _, err := b.Edition(role)
		if err != nil {
			t.Fatal(err)
		}
		for _, be := range formats.All() {
			out, err := be.Render(ed)
			if err != nil {
				t.Fatalf("%s: %v\ninput: %s", be.Name(), err, input)
			}
			for _, file := range out.Files {
				if err := wellFormed(t, file); err != nil {
					t.Fatalf("%s %s: %v\ninput: %s", be.Name(), file.Name, err, input)
				}
			}
		}
	}
}

// FuzzImages feeds image bytes, as a figure and inline, through every format: whatever they are,
// each output is well-formed and nothing panics or hangs.
func FuzzImages(f *testing.F) {
	rgba := image.NewNRGBA(image.Rect(0, 0, 6, 4))
	rgba.Set(1, 2, color.NRGBA{200, 0, 0, 100})
	var p, j, g bytes.Buffer
	png.Encode(&p, rgba)
	jpeg.Encode(&j, rgba, nil)
	gif.Encode(&g, rgba, nil)
	for _, seed := range []string{
		p.String(), j.String(), g.String(), p.String()[:33], g.String()[:40],
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="5" height="5"/></svg>`,
		`<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>`,
		// what the PDF draws of an SVG: gradients, clips, markers, group opacity and text
		`<svg xmlns="http://www.w3.org/2000/svg" width="80" height="40"><defs><linearGradient id="g"><stop offset="0" stop-color="red"/><stop offset="1" stop-color="blue" stop-opacity=".5"/></linearGradient>` +
			`<clipPath id="c"><circle cx="20" cy="20" r="15"/></clipPath><marker id="m" markerWidth="4" markerHeight="4" refX="2" refY="2" orient="auto"><path d="M0 0L4 2L0 4z"/></marker></defs>` +
			`<g opacity=".7" clip-path="url(#c)"><rect width="40" height="40" fill="url(#g)"/></g><path d="M40 30 Q60 0 78 30" stroke="black" fill="none" marker-end="url(#m)" stroke-dasharray="3 1"/>` +
			`<text x="60" y="38" text-anchor="middle" font-family="monospace" font-weight="bold">a<tspan dy="-3" font-style="italic">b</tspan></text></svg>`,
	} {
		f.Add([]byte(seed))
	}
	if err := validate.Installed(); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{
			"src/SUMMARY.md": {Data: []byte("- [Pictures](a.md)\n")},
			"src/a.md":       {Data: []byte("# Pictures\n\n![a figure](p.png)\n\nInline ![an icon](p.png) too.\n")},
			"src/p.png":      {Data: data},
		}
		renderWell(t, builder.FromFS(fsys, "fuzz"), fmt.Sprintf("image %q", data), "")
	})
}

// FuzzIncludes builds a book on disk from the bytes: six files that include each other with
// ranges and anchors, some of them FIFOs, folders or missing. Loading and rendering it ends in
// time, with well-formed outputs.
func FuzzIncludes(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	f.Add([]byte{0x11, 0x12, 0x13, 0x14, 0x15, 0x10, 0x21, 0x31, 0x41})
	f.Add([]byte{3, 0xff, 0x80, 0x7f, 2, 1})
	if err := validate.Installed(); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 200 {
			return
		}
		dir := t.TempDir()
		src := filepath.Join(dir, "src")
		os.MkdirAll(src, 0o755)
		os.WriteFile(filepath.Join(src, "SUMMARY.md"), []byte("- [Chapter](f0.md)\n- [Other](f1.md)\n"), 0o644)
		const n = 6
		bodies := make([]strings.Builder, n)
		for i, b := range data {
			body := &bodies[i%n]
			k := int(b>>4) % n
			switch b & 0xf {
			case 0:
				fmt.Fprintf(body, "{{#include f%d.md}}\n", k)
			case 1:
				fmt.Fprintf(body, "{{#include f%d.md:%d:%d}}\n", k, b>>5, b>>6)
			case 2:
				fmt.Fprintf(body, "{{#rustdoc_include f%d.md:a}}\n", k)
			case 3:
				body.WriteString("// ANCHOR: a\n")
			case 4:
				body.WriteString("// ANCHOR_END: a\n")
			case 5:
				body.WriteString("```rust\n")
			case 6:
				fmt.Fprintf(body, "{{#playground f%d.md}}\n", k)
			case 7:
				body.WriteString("\\{{#include f0.md}}\n")
			default:
				fmt.Fprintf(body, "Line %d of words.\n\n", b)
			}
		}
		for i := range bodies {
			p := filepath.Join(src, fmt.Sprintf("f%d.md", i))
			kind := 0
			if len(data) > i {
				kind = int(data[len(data)-1-i]) % 7
			}
			switch kind {
			case 1:
				syscall.Mkfifo(p, 0o644)
			case 2:
				os.Mkdir(p, 0o755)
			case 3: // missing
			default:
				os.WriteFile(p, []byte(bodies[i].String()), 0o644)
			}
		}
		book, err := builder.OpenDir(dir, dir, safefs.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		defer book.Close()
		renderWell(t, book, fmt.Sprintf("includes %v", data), "")
	})
}

func wellFormed(t *testing.T, f formats.File) error {
	switch filepath.Ext(f.Name) {
	case ".epub":
		data := f.Bytes()
		z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return err
		}
		for _, zf := range z.File {
			if !strings.HasSuffix(zf.Name, ".xhtml") && !strings.HasSuffix(zf.Name, ".opf") && !strings.HasSuffix(zf.Name, ".ncx") {
				continue
			}
			rc, err := zf.Open()
			if err != nil {
				return err
			}
			dec := xml.NewDecoder(rc)
			for {
				if _, err := dec.Token(); err == io.EOF {
					break
				} else if err != nil {
					rc.Close()
					return err
				}
			}
			rc.Close()
		}
		return nil
	case ".pdf":
		p := filepath.Join(t.TempDir(), "f.pdf")
		if err := os.WriteFile(p, f.Bytes(), 0o644); err != nil {
			return err
		}
		return validate.PDFStructure(p)
	default:
		return validate.Man(f.Name, f.Data)
	}
}
