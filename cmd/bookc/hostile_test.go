package main

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// childEnv carries the arguments of a bookc run in a process of its own: the test binary runs
// bookc instead of the tests when it is set (see TestMain).
const childEnv = "BOOKC_TEST_CHILD"

// childAddressSpace bounds a child's address space, so that a build whose memory runs away fails
// fast instead of taking the machine. Go reserves far more address space than it uses; peak
// memory proper is checked from the child's resident size.
const childAddressSpace = 8 << 30

// child runs bookc with the JSON-encoded arguments, as main does.
func child(args string) int {
	var argv []string
	if err := json.Unmarshal([]byte(args), &argv); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	lim := syscall.Rlimit{Cur: childAddressSpace, Max: childAddressSpace}
	if err := syscall.Setrlimit(syscall.RLIMIT_AS, &lim); err != nil {
		fmt.Fprintln(os.Stderr, "setrlimit:", err)
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	code := run(ctx, argv, os.Stdout, os.Stderr)
	if p := os.Getenv(peakEnv); p != "" {
		// The process's own high-water mark: rusage's would include the test binary's, which
		// Linux carries over the exec.
		status, _ := os.ReadFile("/proc/self/status")
		for _, line := range strings.Split(string(status), "\n") {
			if kb, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				os.WriteFile(p, []byte(strings.TrimSpace(strings.TrimSuffix(kb, "kB"))), 0o644)
			}
		}
	}
	return code
}

// peakEnv names the file where a child writes its peak resident size, in kB.
const peakEnv = "BOOKC_TEST_PEAK"

// hostile is one hostile book: make lays it out under dir/book, then bookc runs on it in a
// process of its own, within a time limit and a limit on its peak memory.
type hostile struct {
	name    string
	make    func(t *testing.T, dir string)
	command string   // "all" when empty
	args    []string // after the command; -q, -o DIR/out and the book folder are added
	env     []string
	code    int
	output  []string      // substrings of what bookc prints (stdout and stderr)
	absent  []string      // substrings it must not print
	memory  int64         // peak resident bytes; 1 GB when 0
	signal  time.Duration // send SIGTERM this long after the start
	after   func(t *testing.T, dir, out string)
}

const hostileTime = 60 * time.Second

// files writes a book of the given files.
func files(m map[string]string) func(*testing.T, string) {
	return func(t *testing.T, dir string) { writeBook(t, filepath.Join(dir, "book"), m) }
}

// then runs more steps after the first.
func then(first func(*testing.T, string), more ...func(*testing.T, string)) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		first(t, dir)
		for _, m := range more {
			m(t, dir)
		}
	}
}

func fifo(name string) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		p := filepath.Join(dir, "book", filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func sparse(name string, size int64) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		p := filepath.Join(dir, "book", filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		f, err := os.Create(p)
		if err == nil {
			err = errors.Join(f.Truncate(size), f.Close())
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

// chunk is a PNG chunk with its CRC; length overrides the length field when not -1.
func chunk(kind string, data []byte, length int64) string {
	var b bytes.Buffer
	n := uint32(len(data))
	if length >= 0 {
		n = uint32(length)
	}
	binary.Write(&b, binary.BigEndian, n)
	b.WriteString(kind)
	b.Write(data)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(kind), data...)))
	return b.String()
}

// rawPNG is an 8-bit PNG of colour type ct from its chunks after IHDR.
func rawPNG(w, h uint32, ct byte, chunks ...string) string {
	var ihdr bytes.Buffer
	binary.Write(&ihdr, binary.BigEndian, w)
	binary.Write(&ihdr, binary.BigEndian, h)
	ihdr.Write([]byte{8, ct, 0, 0, 0})
	return "\x89PNG\r\n\x1a\n" + chunk("IHDR", ihdr.Bytes(), -1) + strings.Join(chunks, "")
}

// zeros deflates n zero bytes, as a PNG's IDAT holds them.
func zeros(n int) []byte {
	var b bytes.Buffer
	z, _ := zlib.NewWriterLevel(&b, zlib.BestSpeed)
	block := make([]byte, 1<<20)
	for n > 0 {
		k := min(n, len(block))
		z.Write(block[:k])
		n -= k
	}
	z.Close()
	return b.Bytes()
}

func gifOf(t *testing.T) string {
	var b bytes.Buffer
	img := image.NewPaletted(image.Rect(0, 0, 40, 30), color.Palette{color.White, color.Black})
	if err := gif.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func pngSized(t *testing.T, w, h int) string {
	var b bytes.Buffer
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	img.Set(0, 0, color.NRGBA{R: 255, A: 255})
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// oneChapter is a book of one chapter, a.md, with the given text and more files.
func oneChapter(text string, more ...string) map[string]string {
	m := map[string]string{"src/SUMMARY.md": "- [A](a.md)\n", "src/a.md": text}
	for i := 0; i+1 < len(more); i += 2 {
		m[more[i]] = more[i+1]
	}
	return m
}

// picture is a book whose chapter shows one image, p.png, with the given bytes.
func picture(data string) func(*testing.T, string) {
	return files(oneChapter("# A\n\n![a picture](p.png)\n", "src/p.png", data))
}

func hasPDF(t *testing.T, dir, out string) {
	if _, err := os.Stat(filepath.Join(out, "untitled-book.pdf")); err != nil {
		t.Errorf("no PDF: %v", err)
	}
}

func TestHostile(t *testing.T) {
	if testing.Short() {
		t.Skip("hostile books take a while")
	}
	iend := chunk("IEND", nil, -1)
	row := zeros(4) // a filter byte and a three-pixel grey row
	brokenPNG := "image p.png is not an image in a format books can show"
	var cases []hostile
	for _, c := range []struct{ name, data string }{
		{"a header-only PNG", rawPNG(3, 1, 0)},
		{"a short tRNS", rawPNG(3, 1, 2, chunk("tRNS", []byte{0}, -1), chunk("IDAT", row, -1), iend)},
		{"a short IDAT", rawPNG(3, 1, 0, chunk("IDAT", row[:len(row)-3], -1), iend)},
		{"a huge chunk length", rawPNG(3, 1, 0, chunk("IDAT", row, 0x7ffffff0), iend)},
		{"a negative chunk length", rawPNG(3, 1, 0, chunk("IDAT", row, 0xfffffff0), iend)},
		{"a 1x1 PNG whose data inflates to 512 MB", rawPNG(1, 1, 0, chunk("IDAT", zeros(512<<20), -1), iend)},
	} {
		cases = append(cases, hostile{name: c.name, make: picture(c.data), output: []string{"a.md:3: warning: " + brokenPNG}, after: hasPDF})
	}
	cases = append(cases, []hostile{
		{name: "a truncated GIF", make: func(t *testing.T, dir string) { picture(gifOf(t)[:40])(t, dir) },
			output: []string{"a.md:3: warning: " + brokenPNG}, after: hasPDF},
		{name: "a 7000x7000 RGBA PNG", make: picture(rawPNG(7000, 7000, 6, chunk("IDAT", zeros(7000*(1+7000*4)), -1), iend)),
			output: []string{"a.md:3: warning: image p.png is too large to embed (7000x7000 pixels decode to 187 MB, over the 64 MB"}, after: hasPDF},
		{name: "an include fan-out", make: func(t *testing.T, dir string) {
			m := oneChapter("# A\n\n{{#include f0.md}}\n")
			for i := 0; i < 11; i++ {
				body := strings.Repeat("Some words to include, many times over.\n", 40)
				if i < 10 {
					body += strings.Repeat("{{#include f"+strconv.Itoa(i+1)+".md}}\n", 10)
				}
				m["src/f"+strconv.Itoa(i)+".md"] = body
			}
			files(m)(t, dir)
		}, command: "epub", output: []string{"error: includes stop here: this chapter expands to more than 16 MB", "a.md -> "}},
		{name: "a character device as a chapter", make: then(files(map[string]string{"src/SUMMARY.md": "- [A](a.md)\n"}), func(t *testing.T, dir string) {
			if err := syscall.Mknod(filepath.Join(dir, "book/src/a.md"), syscall.S_IFCHR|0o644, 1<<8|5); err != nil { // /dev/zero's numbers
				t.Skipf("cannot make a device here: %v", err)
			}
		}), output: []string{"a.md: error: cannot read the chapter: not a regular file: it is a character device"}},
		{name: "a 20 GB sparse chapter", make: then(files(map[string]string{"src/SUMMARY.md": "- [A](a.md)\n"}), sparse("src/a.md", 20<<30)),
			output: []string{"a.md: error: cannot read the chapter: too big: 20 GB is over the limit of 64 MB for one file (raise it with --max-file-size)"}},
		{name: "a chapter over --max-file-size", make: files(oneChapter("# A\n\n" + strings.Repeat("words ", 400))), args: []string{"--max-file-size", "1kB"},
			output: []string{"a.md: error: cannot read the chapter: too big: 2.3 kB is over the limit of 1 kB"}},
		{name: "a FIFO as a chapter", make: then(files(map[string]string{"src/SUMMARY.md": "- [A](a.md)\n"}), fifo("src/a.md")),
			output: []string{"a.md: error: cannot read the chapter: not a regular file: it is a named pipe (FIFO)"}},
		{name: "a FIFO as an include", make: then(files(oneChapter("# A\n\n{{#include p.md}}\n")), fifo("src/p.md")),
			output: []string{"a.md:3: error: {{#include p.md}}: cannot read", "it is a named pipe (FIFO)"}},
		{name: "a FIFO as an image", make: then(files(oneChapter("# A\n\n![a picture](p.png)\n")), fifo("src/p.png")),
			output: []string{"a.md:3: warning: image p.png cannot be read: not a regular file: it is a named pipe (FIFO)"}, after: hasPDF},
		{name: "a FIFO as SUMMARY.md", make: fifo("src/SUMMARY.md"), code: 1,
			output: []string{"SUMMARY.md: cannot read the book's outline: not a regular file: it is a named pipe (FIFO)"}},
		{name: "a FIFO as book.toml", make: then(files(oneChapter("# A\n")), fifo("book.toml")), code: 1,
			output: []string{"book.toml", "it is a named pipe (FIFO)"}},
		{name: "SIGTERM while the book loads", make: func(t *testing.T, dir string) {
			// Loading decodes each image whole, a chapter's one after another: sixty of 4096x4096
			// pixels, every row Paeth-filtered for the decoder to compute each byte, take seconds
			// (3.3 on the 2-core CI machine), whatever the speed of highlighting or the number of
			// cores. They decode to 960 MB, within the book's limit of 1 GB. Each has a text chunk
			// of its own: the same bytes would be decoded once.
			var idat bytes.Buffer
			z, _ := zlib.NewWriterLevel(&idat, zlib.BestSpeed)
			row := make([]byte, 1+4096)
			row[0] = 4 // Paeth
			for range 4096 {
				z.Write(row)
			}
			z.Close()
			m := map[string]string{"src/SUMMARY.md": "- [C](c.md)\n"}
			var ch strings.Builder
			ch.WriteString("# C\n\n")
			for i := range 60 {
				name := "p" + strconv.Itoa(i) + ".png"
				ch.WriteString("![a picture](" + name + ")\n\n")
				m["src/"+name] = rawPNG(4096, 4096, 0, chunk("tEXt", []byte("n\x00"+name), -1), chunk("IDAT", idat.Bytes(), -1), iend)
			}
			m["src/c.md"] = ch.String()
			files(m)(t, dir)
		}, signal: 400 * time.Millisecond, code: 130, output: []string{"interrupted while loading the book; nothing was written"},
			after: func(t *testing.T, dir, out string) {
				if entries, _ := os.ReadDir(out); len(entries) > 0 {
					t.Errorf("an interrupted load wrote %d files", len(entries))
				}
			}},
	}...)
	cases = append(cases, linearCases()...)
	cases = append(cases, rootCases()...)
	cases = append(cases, outputCases()...)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { runHostile(t, tc) })
	}
}

// linearCases are big but reasonable books whose constructs once took minutes.
func linearCases() []hostile {
	var chapters, deep strings.Builder
	for i := 0; i < 50000; i++ {
		chapters.WriteString("- [Same Title](c.md)\n")
	}
	for i := 0; i < 5000; i++ {
		deep.WriteString(strings.Repeat("  ", i) + "- [Deeper](c.md)\n")
	}
	var notes strings.Builder
	for i := 1; i <= 200000; i++ {
		fmt.Fprintf(&notes, "Claim[^%d].\n", i)
	}
	for i := 1; i <= 200000; i++ {
		fmt.Fprintf(&notes, "\n[^%d]: Note %d.\n", i, i)
	}
	return []hostile{
		{name: "2 MB of wrapped prose", make: files(oneChapter("# A\n\n" + strings.Repeat("word word word word word word word word word word\n", 40000)))},
		{name: "unclosed emphasis", make: files(oneChapter("# A\n\n" + strings.Repeat("*a _b **c ", 40000)))},
		{name: "200,000 footnotes", command: "epub", make: files(oneChapter("# A\n\n" + notes.String()))},
		{name: "50,000 colliding heading IDs", make: files(oneChapter("# A\n\n" + strings.Repeat("## Setup\n\n", 50000)))},
		{name: "50,000 chapters with one title", command: "epub", make: files(map[string]string{"src/SUMMARY.md": chapters.String(), "src/c.md": "# Same Title\n\nText.\n"})},
		{name: "SUMMARY.md nested 5,000 deep", make: files(map[string]string{"src/SUMMARY.md": deep.String(), "src/c.md": "# Deeper\n"}),
			output: []string{"SUMMARY.md:"}},
		{name: "a 20 kB chapter title", make: files(map[string]string{"src/SUMMARY.md": "- [" + strings.Repeat("Long title words ", 1200) + "](a.md)\n",
			"src/a.md": strings.Repeat("A paragraph of words that fill some pages of the book.\n\n", 3000)})},
		{name: "a 1,000,000-line Rust block", command: "epub", memory: 1536 << 20,
			make: files(oneChapter("# A\n\n```rust\n" + strings.Repeat("let x = compute(1, 2) + 3; // a comment\n", 1000000) + "```\n"))},
	}
}

// git runs git in dir for a test.
func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.email=t@example.com", "-c", "user.name=T", "-c", "init.defaultBranch=main"}, args...)...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// rootCases check which files a book can include from around it.
func rootCases() []hostile {
	secret := "-----BEGIN OPENSSH PRIVATE KEY-----"
	includeSecret := oneChapter("# A\n\n{{#include ../../secret.txt}}\n")
	return []hostile{
		{name: "an empty .git file above the book", make: then(files(includeSecret), func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, ".git"), nil, 0o644)
			os.WriteFile(filepath.Join(dir, "secret.txt"), []byte(secret), 0o600)
		}), command: "epub", output: []string{"a.md:3: error: {{#include ../../secret.txt}} escapes the include root"},
			after: noSecret(secret)},
		{name: "a home folder kept in git", make: then(files(includeSecret), func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "secret.txt"), []byte(secret), 0o600)
			git(t, dir, "init", "-q")
			git(t, dir, "add", "-A")
			git(t, dir, "commit", "-qm", "home")
		}), env: []string{"HOME=$DIR"}, command: "epub", output: []string{"escapes the include root"}, after: noSecret(secret)},
		{name: "a real repository: tracked files yes, ignored ones no", make: then(
			files(oneChapter("# A\n\n{{#include ../../examples/ok.rs}}\n\n{{#include ../../secret.txt}}\n")), func(t *testing.T, dir string) {
				os.MkdirAll(filepath.Join(dir, "examples"), 0o755)
				os.WriteFile(filepath.Join(dir, "examples/ok.rs"), []byte("fn tracked_example() {}\n"), 0o644)
				os.WriteFile(filepath.Join(dir, ".gitignore"), []byte("secret.txt\n"), 0o644)
				os.WriteFile(filepath.Join(dir, "secret.txt"), []byte(secret), 0o600)
				git(t, dir, "init", "-q")
				git(t, dir, "add", "-A")
				git(t, dir, "commit", "-qm", "book")
			}), command: "epub",
			output: []string{"a.md:5: error: {{#include ../../secret.txt}}: cannot read", "git does not track it"},
			absent: []string{"examples/ok.rs"},
			after: func(t *testing.T, dir, out string) {
				noSecret(secret)(t, dir, out)
				if !strings.Contains(epubText(t, out), "tracked_example") {
					t.Error("the tracked example outside the book was not included")
				}
			}},
	}
}

// epubText is the text of every file in the book's EPUB.
func epubText(t *testing.T, out string) string {
	return zipText(t, filepath.Join(out, "untitled-book.epub"))
}

func noSecret(secret string) func(t *testing.T, dir, out string) {
	return func(t *testing.T, dir, out string) {
		if strings.Contains(epubText(t, out), secret) {
			t.Error("the secret reached the EPUB")
		}
	}
}

// outputCases check links, names, artifacts and diagnostics.
func outputCases() []hostile {
	return []hostile{
		{name: "javascript:, data: and file: links", make: files(oneChapter("# A\n\n[run](javascript:alert(1)) [page](data:text/html,hi) [key](file:///etc/passwd) [ok](https://example.com)\n\n<javascript:alert(2)>\n")),
			output: []string{"a.md:3: warning: link to a javascript: URL", "a.md:3: warning: link to a data: URL", "a.md:3: warning: link to a file: URL", "a.md:5: warning: link to a javascript: URL"},
			after: func(t *testing.T, dir, out string) {
				text := epubText(t, out)
				for _, bad := range []string{"javascript:", "data:text", "file:"} {
					if strings.Contains(text, `href="`+bad) {
						t.Errorf("the EPUB links to %s", bad)
					}
				}
				if pdf, _ := os.ReadFile(filepath.Join(out, "untitled-book.pdf")); bytes.Contains(pdf, []byte("javascript:")) {
					t.Error("the PDF links to javascript:")
				}
			}},
		{name: "a/b.png and a-b.png", make: func(t *testing.T, dir string) {
			files(oneChapter("# A\n\n![one](a/b.png)\n\n![two](a-b.png)\n", "src/a/b.png", pngSized(t, 10, 20), "src/a-b.png", pngSized(t, 30, 10)))(t, dir)
		}, command: "epub", after: func(t *testing.T, dir, out string) {
			z, err := zip.OpenReader(filepath.Join(out, "untitled-book.epub"))
			if err != nil {
				t.Fatal(err)
			}
			defer z.Close()
			var images int
			for _, f := range z.File {
				if strings.HasSuffix(f.Name, ".png") {
					images++
				}
			}
			if images != 2 {
				t.Errorf("%d images packaged, want 2", images)
			}
		}},
		{name: "stale temporaries of killed builds", make: then(files(oneChapter("# A\n")), func(t *testing.T, dir string) {
			writeBook(t, filepath.Join(dir, "out"), map[string]string{
				".untitled-book.pdf.999999999-7.tmp": "stale", ".untitled-book.pdf.1-7.tmp": "pid 1 still runs", ".notes.tmp": "not ours"})
		}), command: "pdf", after: func(t *testing.T, dir, out string) {
			for name, want := range map[string]bool{".untitled-book.pdf.999999999-7.tmp": false, ".untitled-book.pdf.1-7.tmp": true, ".notes.tmp": true} {
				if _, err := os.Stat(filepath.Join(out, name)); (err == nil) != want {
					t.Errorf("%s: there %v, want %v", name, err == nil, want)
				}
			}
		}},
		{name: "a man edition that cannot be written whole", make: then(files(map[string]string{"src/SUMMARY.md": "- [A](a.md)\n- [B](b.md)\n", "src/a.md": "# A\n", "src/b.md": "# B\n"}),
			func(t *testing.T, dir string) {
				writeBook(t, filepath.Join(dir, "out/ub-b.7"), map[string]string{"x": "a folder in the way"})
			}),
			command: "man", code: 1, output: []string{"ub-b.7"}, after: func(t *testing.T, dir, out string) {
				for _, name := range []string{"ub.7", "ub-a.7"} {
					if _, err := os.Stat(filepath.Join(out, name)); err == nil {
						t.Errorf("%s was put in place though its edition failed", name)
					}
				}
			}},
		{name: "check reports what rendering finds", make: files(oneChapter("# A\n\nText in \U000F0000 text.\n")),
			command: "check", code: 1, output: []string{"a.md:3: error: no font has a glyph for \"\\U000f0000\""}},
		{name: "one broken image, two chapters", make: files(map[string]string{"src/SUMMARY.md": "- [A](a.md)\n- [B](b.md)\n",
			"src/a.md": "# A\n\n![x](bad.png)\n", "src/b.md": "# B\n\nText.\n\n![x](bad.png)\n", "src/bad.png": "\x89PNG\r\n\x1a\nnot really"}),
			command: "check", output: []string{"a.md:3: warning: image bad.png", "b.md:5: warning: image bad.png"}},
		{name: "a bad role glob", make: files(oneChapter("# A\n", "book.toml", "[output.bookc.roles.ops]\nchapters = [\"[a-\"]\n")), code: 1,
			output: []string{"book.toml: [output.bookc.roles.ops] chapters: \"[a-\" is not a valid pattern"}},
		{name: "a role glob that matches nothing", make: files(oneChapter("# A\n", "book.toml", "[output.bookc.roles.ops]\nchapters = [\"ops/*\"]\n")),
			command: "check", output: []string{"book.toml: warning: role ops lists \"ops/*\", which matches no chapter"}},
		{name: "a 300-character title", make: files(oneChapter("# A\n", "book.toml", "[book]\ntitle = \""+strings.Repeat("Very Long Title ", 19)+"\"\n")),
			after: func(t *testing.T, dir, out string) {
				entries, _ := os.ReadDir(out)
				if len(entries) < 3 {
					t.Errorf("%d artifacts", len(entries))
				}
				for _, e := range entries {
					if len(e.Name()) > 100 {
						t.Errorf("artifact name of %d bytes: %s", len(e.Name()), e.Name())
					}
				}
			}},
		{name: "SOURCE_DATE_EPOCH before 1980", make: files(oneChapter("# A\n")), env: []string{"SOURCE_DATE_EPOCH=-1"}, code: 1,
			output: []string{"SOURCE_DATE_EPOCH=-1 is in the year 1969; give a time between 1980 and 9999"}},
		{name: "SOURCE_DATE_EPOCH in the year 10000", make: files(oneChapter("# A\n")), env: []string{"SOURCE_DATE_EPOCH=253402300800"}, code: 1,
			output: []string{"is in the year 10000"}},
		{name: "a full disk", make: then(files(oneChapter("# A\n\n"+strings.Repeat("Words to fill a small disk. ", 4000))), func(t *testing.T, dir string) {
			out := filepath.Join(dir, "out")
			os.MkdirAll(out, 0o755)
			if err := syscall.Mount("tmpfs", out, "tmpfs", 0, "size=48k"); err != nil {
				t.Skipf("cannot mount a small disk here: %v", err)
			}
			t.Cleanup(func() { syscall.Unmount(out, 0) })
		}), code: 1, output: []string{"no space left on device", "nothing of it was put in place"}},
	}
}

func runHostile(t *testing.T, tc hostile) {
	dir := t.TempDir()
	tc.make(t, dir)
	out := filepath.Join(dir, "out")
	command := tc.command
	if command == "" {
		command = "all"
	}
	argv := append(append([]string{command, "-q", "-o", out}, tc.args...), filepath.Join(dir, "book"))
	enc, _ := json.Marshal(argv)
	ctx, cancel := context.WithTimeout(context.Background(), hostileTime)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^$")
	cmd.Dir = dir
	peakFile := filepath.Join(t.TempDir(), "peak")
	cmd.Env = append(os.Environ(), childEnv+"="+string(enc), peakEnv+"="+peakFile, "SOURCE_DATE_EPOCH=1700000000")
	for _, e := range tc.env {
		cmd.Env = append(cmd.Env, strings.ReplaceAll(e, "$DIR", dir))
	}
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if tc.signal > 0 {
		time.AfterFunc(tc.signal, func() { cmd.Process.Signal(syscall.SIGTERM) })
	}
	err := cmd.Wait()
	took := time.Since(start)
	text := output.String()
	if ctx.Err() != nil {
		t.Fatalf("bookc did not finish within %v\n%.2000s", hostileTime, text)
	}
	var exit *exec.ExitError
	code := 0
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	limit := tc.memory
	if limit == 0 {
		limit = 1 << 30
	}
	kb, err := os.ReadFile(peakFile)
	if err != nil && tc.signal == 0 {
		t.Fatalf("the child did not say its peak memory: %v\n%.2000s", err, text)
	}
	rss, _ := strconv.ParseInt(string(kb), 10, 64)
	rss <<= 10
	t.Logf("%v, %d MB at the peak", took.Round(time.Millisecond), rss>>20)
	if rss > limit {
		t.Errorf("peak memory %d MB, over %d MB", rss>>20, limit>>20)
	}
	if code != tc.code {
		t.Errorf("exit %d, want %d\n%.3000s", code, tc.code, text)
	}
	for _, s := range tc.output {
		if !strings.Contains(text, s) {
			t.Errorf("output lacks %q:\n%.3000s", s, text)
		}
	}
	for _, s := range append(tc.absent, "panic", "goroutine ") {
		if strings.Contains(text, s) {
			t.Errorf("output has %q:\n%.3000s", s, text)
		}
	}
	// The child's own temporaries, that is; the stale ones of other builds are a case of their own.
	own := fmt.Sprintf(".%d-", cmd.Process.Pid)
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.Contains(d.Name(), own) && strings.HasSuffix(d.Name(), ".tmp") {
			t.Errorf("partial file left: %s", p)
		}
		return nil
	})
	if tc.after != nil {
		tc.after(t, dir, out)
	}
}
