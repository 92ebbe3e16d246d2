package builder

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"bookc/builder/synth"
	"bookc/handbook"
)

// bookOfSize scales the handbook to about the given number of Markdown bytes.
func bookOfSize(b *testing.B, size int) (fs.FS, int) {
	b.Helper()
	fsys, n, err := synth.OfSize(handbook.FS, size)
	if err != nil {
		b.Fatal(err)
	}
	return fsys, n
}

// BenchmarkLoad measures the whole front half of the pipeline on a 1.5 MB book: reading, includes,
// parsing and the tree. Goal: within 1.5x of BenchmarkGoldmarkOnly, under 100 MB allocated.
func BenchmarkLoad(b *testing.B) {
	fsys, size := bookOfSize(b, 1_500_000)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(FromFS(fsys, "bench"), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGoldmarkOnly parses the same chapters with goldmark and the same extensions, one after
// another, and builds nothing: the yardstick for BenchmarkLoad.
func BenchmarkGoldmarkOnly(b *testing.B) {
	fsys, size := bookOfSize(b, 1_500_000)
	var docs [][]byte
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, "SUMMARY.md") {
			data, _ := fs.ReadFile(fsys, p)
			docs = append(docs, data)
		}
		return err
	})
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList, extension.Typographer),
		goldmark.WithParserOptions(parser.WithHeadingAttribute()))
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			md.Parser().Parse(text.NewReader(d))
		}
	}
}

// BenchmarkEditions measures filtering and resolving every edition of the 1.5 MB book.
func BenchmarkEditions(b *testing.B) {
	fsys, _ := bookOfSize(b, 1_500_000)
	book, err := Load(FromFS(fsys, "bench"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := book.Editions(); err != nil {
			b.Fatal(err)
		}
	}
}
