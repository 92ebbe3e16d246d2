package main

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"bookc/builder/synth"
	"bookc/formats/validate"
	"bookc/handbook"
)

func TestMain(m *testing.M) {
	if args, ok := os.LookupEnv(childEnv); ok {
		os.Exit(child(args))
	}
	if kind := os.Getenv(coldRun); kind != "" {
		// a benchmark's process of its own is paced as bookc's main paces a build, the floor's
		// too; a build's grows its heap as main does (BenchmarkColdPDF1500KB says why not a floor's)
		prepareHeap(kind == coldBuild)
	}
	// Every build in these tests is dated by SOURCE_DATE_EPOCH, as a packager's would be.
	os.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	os.Exit(m.Run())
}

// buildAll builds every format of every edition of a book (the handbook when dir is "") into out.
func buildAll(t *testing.T, dir, out string) {
	t.Helper()
	args := []string{"all", "--all-roles", "-q", "-o", out}
	if dir != "" {
		args = append(args, dir)
	}
	var errs strings.Builder
	if code := run(context.Background(), args, io.Discard, &errs); code != 0 {
		t.Fatalf("bookc %s: exit %d\n%s", strings.Join(args, " "), code, errs.String())
	}
}

// validateAll runs the validators over every artifact in dir, each in a parallel subtest; a role
// edition's man pages are in a folder of their own.
func validateAll(t *testing.T, dir string) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no artifacts")
	}
	for _, p := range files {
		name, _ := filepath.Rel(dir, p)
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var err error
			switch filepath.Ext(name) {
			case ".epub":
				err = validate.EPUB(p)
			case ".pdf":
				err = validate.PDF(p)
			default:
				data, rerr := os.ReadFile(p)
				if rerr != nil {
					t.Fatal(rerr)
				}
				err = validate.Man(filepath.Base(name), data)
			}
			if err != nil {
				t.Error(err)
			}
		})
	}
}

// checkRecall requires each full-edition output to carry at least 99.5% of the source's words.
func checkRecall(t *testing.T, src validate.Words, outputs ...string) {
	for _, o := range outputs {
		got, err := validate.OutputWords(o)
		if err != nil {
			t.Fatal(err)
		}
		r, missed := validate.Recall(src, got)
		if r < 0.995 {
			t.Errorf("%s carries %.3f of the source's words; most missed: %s", filepath.Base(o), r, strings.Join(missed, ", "))
		}
	}
}

// TestHandbookArtifacts builds the embedded handbook as a user does, every edition in every format,
// and holds each artifact to the validators and to text recall.
func TestHandbookArtifacts(t *testing.T) {
	if err := validate.Installed(); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	buildAll(t, "", out)
	t.Run("validators", func(t *testing.T) { validateAll(t, out) })
	t.Run("recall", func(t *testing.T) {
		src, err := validate.SourceWords(handbook.FS, "src")
		if err != nil {
			t.Fatal(err)
		}
		man := t.TempDir()
		if code := run(context.Background(), []string{"man", "-q", "-o", man}, io.Discard, io.Discard); code != 0 {
			t.Fatal("man build failed")
		}
		checkRecall(t, src, filepath.Join(out, "metropolis-handbook.pdf"), filepath.Join(out, "metropolis-handbook.epub"), man)
	})
}

// TestMdBookGuide does the same for mdBook's own guide, when the shared corpora sit beside the
// project (an opt-in check: the project's tests pass without them).
func TestMdBookGuide(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "corpora", "mdbook-guide")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("no shared corpora beside the project")
	}
	if err := validate.Installed(); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	buildAll(t, dir, out)
	validateAll(t, out)
}

// samePictures is a book of two chapters showing four images of one pixel size, three PNGs and a
// JPEG, each its own picture, in a different order in each chapter and some twice.
func samePictures(t *testing.T) map[string]string {
	m := map[string]string{
		"book.toml":      "[book]\ntitle = \"Pictures\"\nsrc = \"src\"\n",
		"src/SUMMARY.md": "- [One](one.md)\n- [Two](two.md)\n",
		"src/one.md":     "# One\n\n![d](d.jpg)\n\n![b](b.png)\n\n![a](a.png)\n\n![c](c.png)\n\n![b again](b.png)\n",
		"src/two.md":     "# Two\n\n![c](c.png)\n\n![a](a.png)\n\n![d](d.jpg)\n",
	}
	for i, name := range []string{"a.png", "b.png", "c.png", "d.jpg"} {
		img := image.NewNRGBA(image.Rect(0, 0, 48, 32))
		for y := range 32 {
			for x := range 48 {
				img.Set(x, y, color.NRGBA{uint8(x * 5 * (i + 1)), uint8(y * 8), uint8(64 * i), 255})
			}
		}
		var b bytes.Buffer
		encode := png.Encode
		if strings.HasSuffix(name, ".jpg") {
			encode = func(w io.Writer, m image.Image) error { return jpeg.Encode(w, m, nil) }
		}
		if err := encode(&b, img); err != nil {
			t.Fatal(err)
		}
		m["src/"+name] = b.String()
	}
	return m
}

// TestReproducible builds the binary and runs it twice in different working directories, time
// zones, locales and GOMAXPROCS, on copies of a book in different places: the bytes must match.
// The book of same-size pictures is built twice in this process too, under other GOMAXPROCS.
func TestReproducible(t *testing.T) {
	bin := buildBinary(t)
	envs := [][]string{
		{"TZ=UTC", "LANG=C.UTF-8", "GOMAXPROCS=2"},
		{"TZ=Pacific/Chatham", "LANG=de_DE.UTF-8", "LC_ALL=tr_TR.UTF-8", "GOMAXPROCS=1", "GODEBUG=randseednop=0"},
	}
	book := filepath.Join("..", "..", "builder", "testdata", "books", "features")
	pictures := t.TempDir()
	writeBook(t, pictures, samePictures(t))
	var sums []map[string]string
	for i, env := range envs {
		work := t.TempDir()
		deeper := filepath.Join("copy", strings.Repeat("deeper/", i))
		copyDir(t, book, filepath.Join(work, deeper, "book"))
		copyDir(t, pictures, filepath.Join(work, deeper, "pictures"))
		out := filepath.Join(work, "out")
		for _, args := range [][]string{
			{"all", "--all-roles", "-q", "-o", filepath.Join(out, "handbook")},
			{"all", "-q", "-o", filepath.Join(out, "features"), filepath.Join(deeper, "book")},
			{"pdf", "-q", "-o", filepath.Join(out, "pictures"), filepath.Join(deeper, "pictures")},
		} {
			cmd := exec.Command(bin, args...)
			cmd.Dir = work
			cmd.Env = append(os.Environ(), env...)
			if b, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("%v: %v\n%s", args, err, b)
			}
		}
		sums = append(sums, hashTree(t, out))
	}
	if len(sums[0]) < 10 {
		t.Fatalf("only %d artifacts", len(sums[0]))
	}
	for name, h := range sums[0] {
		if sums[1][name] != h {
			t.Errorf("%s differs between the two builds", name)
		}
	}
	if len(sums[0]) != len(sums[1]) {
		t.Errorf("%d artifacts, then %d", len(sums[0]), len(sums[1]))
	}
	want := sums[0]["pictures/pictures.pdf"]
	if want == "" {
		t.Fatal("bookc made no pictures/pictures.pdf")
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{4, 1} {
		runtime.GOMAXPROCS(procs)
		out := t.TempDir()
		var errs strings.Builder
		if code := run(context.Background(), []string{"pdf", "-q", "-o", out, pictures}, io.Discard, &errs); code != 0 {
			t.Fatalf("bookc pdf %s: exit %d\n%s", pictures, code, errs.String())
		}
		if h := hashTree(t, out)["pictures.pdf"]; h != want {
			t.Errorf("the pictures' PDF built in this process, GOMAXPROCS %d, differs from bookc's (sha256 %s, want %s)", procs, h, want)
		}
	}
}

// buildBinary builds bookc for tests that run it as a user does, in its own process.
func buildBinary(t *testing.T) string { return goBuild(t, "bookc", ".") }

// goBuild builds a Go package into a program of the name given, in a folder of its own, with the
// go build flags given.
func goBuild(t *testing.T, name, pkg string, flags ...string) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), name)
	args := append(append([]string{"build"}, flags...), "-o", bin, pkg)
	if out, err := exec.Command("go", args...).CombinedOutput(); err != nil {
		t.Fatalf("go build %s: %v\n%s", pkg, err, out)
	}
	return bin
}

// TestInterrupt stops a long build with Ctrl-C once its first file has landed, the PDFs still
// being laid out: bookc exits 130 and leaves no partial file; what it did write is whole.
func TestInterrupt(t *testing.T) {
	bin := buildBinary(t)
	book := scaledBook(t, 40)
	out := filepath.Join(t.TempDir(), "out")
	cmd := exec.Command(bin, "all", "--all-roles", "-q", "-o", out, book)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	for !landed(out) {
		select {
		case err := <-exited:
			t.Fatalf("the build ended (%v) before a file of it landed, uninterrupted: give it a larger book", err)
		case <-time.After(10 * time.Millisecond):
		}
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	err := <-exited
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 130 {
		t.Fatalf("exit: %v, want status 130", err)
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		p := filepath.Join(out, e.Name())
		switch {
		case strings.HasSuffix(e.Name(), ".tmp"):
			t.Errorf("partial file left: %s", e.Name())
		case strings.HasSuffix(e.Name(), ".pdf"):
			if data, _ := os.ReadFile(p); !bytes.HasSuffix(bytes.TrimSpace(data), []byte("%%EOF")) {
				t.Errorf("%s is cut short", e.Name())
			}
		case strings.HasSuffix(e.Name(), ".epub"):
			if z, err := zip.OpenReader(p); err != nil {
				t.Errorf("%s: %v", e.Name(), err)
			} else {
				z.Close()
			}
		}
	}
}

// landed tells whether a build has put a file in place under out (a temporary one does not count).
func landed(out string) bool {
	found := false
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() && !strings.HasSuffix(p, ".tmp") {
			found = true
			return filepath.SkipAll
		}
		return nil
	})
	return found
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dest := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dest, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dest, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func hashTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	sums := map[string]string{}
	var names []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return err
	})
	sort.Strings(names)
	for _, p := range names {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		h := sha256.Sum256(data)
		rel, _ := filepath.Rel(dir, p)
		sums[rel] = hex.EncodeToString(h[:])
	}
	return sums
}

// TestPageOptions builds the handbook's PDF two-sided and with a page per sub-chapter, on a small
// trim two-sided, and on letter in a larger size, and holds each to the validators: mirrored text
// blocks, blank versos, narrow and wide measures are still a clean, tagged PDF.
func TestPageOptions(t *testing.T) {
	for _, opts := range []string{
		"two-sided = true\npage-break = \"section\"\n",
		"paper = \"6x9in\"\ntwo-sided = true\n",
		"paper = \"letter\"\nfont-size = 12\nline-height = 1.5\n",
		"pdf-standard = \"pdf/a-2u\"\n", // validateAll runs Preflight on a PDF that claims PDF/A
	} {
		t.Run(strings.ReplaceAll(strings.TrimSpace(opts), "\n", ", "), func(t *testing.T) { pageOptions(t, opts) })
	}
}

// pageOptions builds the handbook's PDF with opts in its [output.bookc] table, in place of its own
// paper, and validates it.
func pageOptions(t *testing.T, opts string) {
	if err := validate.Installed(); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	book := filepath.Join(dir, "book")
	files := map[string]string{}
	err := fs.WalkDir(handbook.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(handbook.FS, p)
		files[p] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	toml := files["book.toml"]
	if !strings.Contains(toml, "[output.bookc]\n") {
		t.Fatal("the handbook's book.toml has no [output.bookc] table")
	}
	if strings.Contains(opts, "paper =") {
		toml = strings.Replace(toml, "paper = \"a4\"\n", "", 1)
	}
	files["book.toml"] = strings.Replace(toml, "[output.bookc]\n", "[output.bookc]\n"+opts, 1)
	writeBook(t, book, files)
	out := filepath.Join(dir, "out")
	var errs strings.Builder
	if code := run(context.Background(), []string{"pdf", "-q", "-o", out, book}, io.Discard, &errs); code != 0 {
		t.Fatalf("bookc pdf: exit %d\n%s", code, errs.String())
	}
	validateAll(t, out)
}

// scaledBook writes the handbook copied n times (synth.Scale) into a folder of its own, and
// gives the folder.
func scaledBook(tb testing.TB, n int) string {
	tb.Helper()
	fsys, err := synth.Scale(handbook.FS, n)
	if err != nil {
		tb.Fatal(err)
	}
	files := make(map[string]string, len(fsys))
	for name, f := range fsys {
		files[name] = string(f.Data)
	}
	dir := filepath.Join(tb.TempDir(), "book")
	writeBook(tb, dir, files)
	return dir
}
