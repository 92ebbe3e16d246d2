// Command benchpeers times bookc against pandoc on the same book, in the same run, and prints the
// ratios: `make bench-peers`. The book is the handbook scaled to about 1.5 MB of Markdown (-size).
// pandoc makes the EPUB and the man page, and the PDF through xelatex where xelatex is installed.
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"time"

	"bookc/builder/synth"
	"bookc/handbook"
)

func main() {
	bookc := flag.String("bookc", "bin/bookc", "the bookc binary to time")
	size := flag.Int("size", 1_500_000, "bytes of Markdown in the book")
	runs := flag.Int("runs", 3, "runs of each command; the fastest counts")
	flag.Parse()
	if err := run(*bookc, *size, *runs); err != nil {
		fmt.Fprintln(os.Stderr, "benchpeers:", err)
		os.Exit(1)
	}
}

var linkRE = regexp.MustCompile(`\]\(([^)]+\.md)\)`)

func run(bookc string, size, runs int) error {
	if _, err := exec.LookPath("pandoc"); err != nil {
		return fmt.Errorf("pandoc is not installed (apt-get install pandoc): there is nothing to compare with")
	}
	// On tmpfs where there is one: both tools then pay the same small price per file written, and
	// the machine's disk does not decide the race (bookc writes a man page per chapter).
	tmp := ""
	if st, err := os.Stat("/dev/shm"); err == nil && st.IsDir() {
		tmp = "/dev/shm"
	}
	dir, err := os.MkdirTemp(tmp, "benchpeers")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	fsys, n, err := synth.OfSize(handbook.FS, size)
	if err != nil {
		return err
	}
	book := filepath.Join(dir, "book")
	for name, f := range fsys {
		p := filepath.Join(book, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
	}
	// pandoc reads the chapters in SUMMARY.md's order, from the source folder so images resolve.
	summary, err := fs.ReadFile(fsys, "src/SUMMARY.md")
	if err != nil {
		return err
	}
	var chapters []string
	for _, m := range linkRE.FindAllStringSubmatch(string(summary), -1) {
		chapters = append(chapters, path.Clean(m[1]))
	}
	src := filepath.Join(book, "src")
	out := filepath.Join(dir, "out")
	fmt.Printf("book: %d chapters, %.1f MB of Markdown\n\n", len(chapters), float64(n)/1e6)
	pandoc := func(args ...string) []string { return append(append([]string{"pandoc"}, args...), chapters...) }
	type pair struct {
		format      string
		bookc, peer []string
		goal        float64
	}
	pairs := []pair{
		{"EPUB", []string{bookc, "epub", "-q", "-o", out, book}, pandoc("-o", filepath.Join(out, "p.epub")), 20},
		{"man", []string{bookc, "man", "-q", "-o", out, book}, pandoc("-s", "-t", "man", "-o", filepath.Join(out, "p.7")), 20},
	}
	if _, err := exec.LookPath("xelatex"); err == nil {
		pairs = append(pairs, pair{"PDF", []string{bookc, "pdf", "-q", "-o", out, book}, pandoc("--pdf-engine=xelatex", "-o", filepath.Join(out, "p.pdf")), 30})
	} else {
		fmt.Println("PDF: xelatex is not installed, so pandoc cannot make a PDF; not compared")
	}
	fmt.Printf("%-5s %10s %10s %8s %6s\n", "", "bookc", "pandoc", "ratio", "goal")
	for _, p := range pairs {
		tb, err := fastest(src, p.bookc, runs)
		if err != nil {
			return err
		}
		tp, err := fastest(src, p.peer, runs)
		if err != nil {
			return err
		}
		ratio := tp.Seconds() / tb.Seconds()
		verdict := "met"
		if ratio < p.goal {
			verdict = "NOT met"
		}
		fmt.Printf("%-5s %10s %10s %7.1fx %5.0fx %s\n", p.format, tb.Round(time.Millisecond), tp.Round(time.Millisecond), ratio, p.goal, verdict)
	}
	return nil
}

// fastest runs a command several times in dir and returns its best wall time.
func fastest(dir string, args []string, runs int) (time.Duration, error) {
	best := time.Duration(0)
	for i := 0; i < runs; i++ {
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Dir = dir
		t := time.Now()
		if out, err := cmd.CombinedOutput(); err != nil {
			return 0, fmt.Errorf("%s: %v\n%s", args[0], err, out)
		}
		if d := time.Since(t); best == 0 || d < best {
			best = d
		}
	}
	return best, nil
}
