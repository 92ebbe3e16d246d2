package main

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"bookc/builder"
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
		done := make(chan struct{})
		defer close(done)
		go func() { // a hang is a failure too: report it with every goroutine's stack
			select {
			case <-done:
			case <-time.After(20 * time.Second):
				buf := make([]byte, 1<<20)
				buf = buf[:runtime.Stack(buf, true)]
				panic(fmt.Sprintf("pipeline hangs on %q\n%s", md, buf))
			}
		}()
		fsys := fstest.MapFS{
			"book.toml":      {Data: []byte("[book]\ntitle = \"Fuzz\"\n[output.bookc.roles.ops]\n")},
			"src/SUMMARY.md": {Data: []byte("- [Fuzz](a.md)\n- [Other](b.md)\n")},
			"src/a.md":       {Data: []byte(md)},
			"src/b.md":       {Data: []byte("# Other\n\nSee [a](a.md).\n")},
		}
		b, err := builder.Load(builder.FromFS(fsys, "fuzz"), builder.Options{SourceDateEpoch: "0", Highlight: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, role := range []string{"", "ops"} {
			ed, _, err := b.Edition(role)
			if err != nil {
				t.Fatal(err)
			}
			for _, be := range formats.All() {
				out, err := be.Render(ed)
				if err != nil {
					t.Fatalf("%s: %v", be.Name(), err)
				}
				for _, file := range out.Files {
					if err := wellFormed(t, file); err != nil {
						t.Fatalf("%s %s: %v\ninput: %q", be.Name(), file.Name, err, md)
					}
				}
			}
		}
	})
}

func wellFormed(t *testing.T, f formats.File) error {
	switch filepath.Ext(f.Name) {
	case ".epub":
		z, err := zip.NewReader(bytes.NewReader(f.Data), int64(len(f.Data)))
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
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
		return validate.PDFStructure(p)
	default:
		return validate.Man(f.Name, f.Data)
	}
}
