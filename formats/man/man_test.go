package man

import (
	"bytes"
	"compress/gzip"
	"io"
	"strconv"
	"strings"
	"testing"

	"bookc/builder/tree"
	"bookc/builder/tree/sample"
	"bookc/formats"
)

// editions returns the sample book as its full edition and as a role edition.
func editions() []*tree.Book {
	full := sample.Book()
	role := sample.Book()
	role.Edition = tree.Edition{Role: "operators", Title: "Operators\u2019 Edition"}
	return []*tree.Book{full, role}
}

// TestSamplePagesValidate runs the validators over the pages of a book that uses every node kind.
func TestSamplePagesValidate(t *testing.T) {
	requireValidators(t)
	for _, b := range editions() {
		out, err := Render(b)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range out.Files {
			if msg := lint(t, f.Name, f.Data, true); msg != "" {
				t.Errorf("%s:\n%s", f.Name, msg)
			}
		}
	}
}

// TestDeterministic renders editions concurrently and again, and requires the same bytes.
func TestDeterministic(t *testing.T) {
	first := map[string][]byte{} // by edition and file: every edition names its pages alike
	for _, b := range editions() {
		out, err := Render(b)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range out.Files {
			first[b.Artifact()+"/"+f.Name] = f.Data
		}
	}
	type rendered struct {
		ed  string
		out *formats.Output
	}
	done := make(chan rendered)
	for range 4 {
		for _, b := range editions() {
			go func() {
				out, err := Render(b)
				if err != nil {
					t.Error(err)
				}
				done <- rendered{b.Artifact(), out}
			}()
		}
	}
	for range 4 * len(editions()) {
		r := <-done
		if r.out == nil {
			continue
		}
		for _, f := range r.out.Files {
			if !bytes.Equal(f.Data, first[r.ed+"/"+f.Name]) {
				t.Errorf("%s differs between renders", f.Name)
			}
		}
	}
}

func TestFileNames(t *testing.T) {
	for _, b := range editions() {
		out, err := Render(b)
		if err != nil {
			t.Fatal(err)
		}
		want := "sb.7 sb-intro.7 sb-usage.7 sb-details.7 sampletool.1" // alike in every edition
		if got := fileNames(out); got != want {
			t.Errorf("%s edition: files\n%s\nwant\n%s", b.Edition.Role, got, want)
		}
	}
}

// fileNames lists an output's files, in order, separated by spaces.
func fileNames(out *formats.Output) string {
	var names []string
	for _, f := range out.Files {
		names = append(names, f.Name)
	}
	return strings.Join(names, " ")
}

func TestInstallDir(t *testing.T) {
	for name, want := range map[string]string{
		"metropolis-handbook.7":    "share/man/man7",
		"metroctl.1":               "share/man/man1",
		"metroctl-operators.1.gz":  "share/man/man1",
		"libfoo.3p":                "share/man/man3",
		"metropolis-handbook.7.gz": "share/man/man7",
	} {
		if got := InstallDir(name); got != want {
			t.Errorf("InstallDir(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestGzip(t *testing.T) {
	data := []byte(".TH X 7\n.SH NAME\nx \\- y\n")
	z := Gzip(data)
	if !bytes.Equal(z, Gzip(data)) {
		t.Error("Gzip is not reproducible")
	}
	zr, err := gzip.NewReader(bytes.NewReader(z))
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, data) {
		t.Errorf("round trip gave %q", got)
	}
	if h := zr.Header; h.Name != "" || !h.ModTime.IsZero() || h.OS != 255 || h.Comment != "" || h.Extra != nil {
		t.Errorf("header carries build details: %+v", h)
	}
	// The header's time field is four zero bytes: no build time at all.
	if !bytes.Equal(z[4:8], []byte{0, 0, 0, 0}) {
		t.Errorf("MTIME = % x, want zero", z[4:8])
	}
}

// BenchmarkRender renders the sample book scaled up to many chapters, as one edition.
func BenchmarkRender(b *testing.B) {
	book := scaledBook(500) // about 1.5 MB of pages
	size := 0
	out, _ := Render(book)
	for _, f := range out.Files {
		size += len(f.Data)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		if _, err := Render(book); err != nil {
			b.Fatal(err)
		}
	}
}

// scaledBook repeats the sample book's chapters n times, with unique IDs and cross-references
// within each copy.
func scaledBook(n int) *tree.Book {
	book := sample.Book()
	var parts []*tree.Part
	for i := range n {
		copy := sample.Book()
		suffix := "-" + strconv.Itoa(i)
		for _, c := range copy.Chapters() {
			c.ID += suffix
			if c.ManPage != nil {
				c.ManPage.Name += suffix
			}
			walkInlines(c.Blocks, func(x *tree.XRef) { x.Chapter += suffix })
		}
		parts = append(parts, copy.Parts...)
	}
	book.Parts = parts
	return book
}

// walkInlines calls f for every cross-reference in paragraphs and list items.
func walkInlines(bs tree.Blocks, f func(*tree.XRef)) {
	for _, b := range bs {
		switch n := b.(type) {
		case *tree.Paragraph:
			for _, in := range n.Content {
				if x, ok := in.(*tree.XRef); ok {
					f(x)
				}
			}
		case *tree.List:
			for _, it := range n.Items {
				walkInlines(it.Blocks, f)
			}
		}
	}
}
