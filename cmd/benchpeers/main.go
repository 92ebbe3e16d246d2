// Command benchpeers times bookc against pandoc and Typst on the same book, in the same run, and
// prints the ratios: `make bench-peers`. The book is the handbook scaled to about 1.5 MB of
// Markdown (-size). pandoc makes the EPUB and the man page, and the PDF through xelatex where
// xelatex is installed; Typst, where typst.ts's Node binding is installed, the PDF from a Typst
// file made from the same book (typstOf), cold, and again after an edit in the same compiler.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"bookc/builder"
	"bookc/builder/synth"
	"bookc/handbook"
)

func main() {
	bookc := flag.String("bookc", "bin/bookc", "the bookc binary to time")
	size := flag.Int("size", 1_500_000, "bytes of Markdown in the book")
	runs := flag.Int("runs", 3, "runs of each command; the fastest counts")
	typst := flag.String("typst", "", "the node_modules folder holding @myriaddreamin/typst-ts-node-compiler (default: npm's global one)")
	fonts := flag.String("fonts", "fonts", "the folder of bookc's faces, which Typst is given too")
	flag.Parse()
	if err := run(*bookc, *size, *runs, typstModules(*typst), *fonts); err != nil {
		fmt.Fprintln(os.Stderr, "benchpeers:", err)
		os.Exit(1)
	}
}

var linkRE = regexp.MustCompile(`\]\(([^)]+\.md)\)`)

// typstPackage is the npm package of typst.ts's Node binding, at the version timed.
const typstPackage = "@myriaddreamin/typst-ts-node-compiler"

// typstModules is the node_modules folder that holds typst.ts's Node binding: dir, else npm's
// global one; "" when it is not installed (or node is not).
func typstModules(dir string) string {
	if _, err := exec.LookPath("node"); err != nil {
		return ""
	}
	if dir == "" {
		out, err := exec.Command("npm", "root", "-g").Output()
		if err != nil {
			return ""
		}
		dir = strings.TrimSpace(string(out))
	}
	if _, err := os.Stat(filepath.Join(dir, typstPackage)); err != nil {
		return ""
	}
	return dir
}

func run(bookc string, size, runs int, typst, fonts string) error {
	_, noPandoc := exec.LookPath("pandoc")
	if noPandoc != nil && typst == "" {
		return fmt.Errorf("neither pandoc (apt-get install pandoc) nor Typst (npm install -g %s@0.7.0) is installed: there is nothing to compare with", typstPackage)
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
		format, peer string
		bookc, cmd   []string
		env          []string
		goal         float64 // 0: none
	}
	var pairs []pair
	if noPandoc == nil {
		pairs = append(pairs,
			pair{"EPUB", "pandoc", []string{bookc, "epub", "-q", "-o", out, book}, pandoc("-o", filepath.Join(out, "p.epub")), nil, 20},
			pair{"man", "pandoc", []string{bookc, "man", "-q", "-o", out, book}, pandoc("-s", "-t", "man", "-o", filepath.Join(out, "p.7")), nil, 20})
		if _, err := exec.LookPath("xelatex"); err == nil {
			pairs = append(pairs, pair{"PDF", "pandoc", []string{bookc, "pdf", "-q", "-o", out, book}, pandoc("--pdf-engine=xelatex", "-o", filepath.Join(out, "p.pdf")), nil, 30})
		} else {
			fmt.Println("PDF: xelatex is not installed, so pandoc cannot make a PDF; not compared")
		}
	} else {
		fmt.Println("pandoc is not installed; EPUB, man and PDF not compared with it")
	}
	var typstRun []string
	if typst != "" {
		loaded, err := builder.Load(builder.FromFS(os.DirFS(book), "book"), builder.Options{})
		if err != nil {
			return err
		}
		eds, _, err := loaded.Editions()
		if err != nil {
			return err
		}
		main, script := filepath.Join(book, "book.typ"), filepath.Join(dir, "typst.js")
		if err := os.WriteFile(main, []byte(typstOf(eds[0], "book")), 0o644); err != nil {
			return err
		}
		if err := os.WriteFile(script, []byte(typstScript), 0o644); err != nil {
			return err
		}
		if fonts, err = filepath.Abs(fonts); err != nil {
			return err
		}
		typstRun = []string{"node", script, book, main, filepath.Join(out, "t.pdf"), fonts}
		pairs = append(pairs, pair{"PDF", "Typst", []string{bookc, "pdf", "-q", "-o", out, book}, typstRun, []string{"NODE_PATH=" + typst}, 0})
	} else {
		fmt.Printf("Typst is not installed (npm install -g %s@0.7.0); the PDF not compared with it\n", typstPackage)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	fmt.Printf("%-5s %-7s %10s %10s %8s %6s\n", "", "peer", "bookc", "peer", "ratio", "goal")
	for _, p := range pairs {
		tb, err := fastest(src, p.bookc, nil, runs)
		if err != nil {
			return err
		}
		tp, err := fastest(src, p.cmd, p.env, runs)
		if err != nil {
			return err
		}
		ratio := tp.Seconds() / tb.Seconds()
		goal := "     -"
		if p.goal > 0 {
			goal = fmt.Sprintf("%5.0fx ", p.goal)
			if ratio >= p.goal {
				goal += "met"
			} else {
				goal += "NOT met"
			}
		}
		fmt.Printf("%-5s %-7s %10s %10s %7.1fx %s\n", p.format, p.peer, tb.Round(time.Millisecond), tp.Round(time.Millisecond), ratio, goal)
	}
	if typstRun != nil {
		// Typst's own times, measured inside the Node process: without Node's start, and an edit
		// re-exported incrementally, as its watch mode does
		cmd := exec.Command(typstRun[0], append(typstRun[1:], "edit")...)
		cmd.Env = append(os.Environ(), "NODE_PATH="+typst)
		got, err := cmd.Output()
		if err != nil {
			return fmt.Errorf("typst: %v", err)
		}
		var times struct{ Cold, Edited float64 }
		if err := json.Unmarshal(got, &times); err != nil {
			return fmt.Errorf("typst: %v: %s", err, got)
		}
		fmt.Printf("\nTypst inside Node: %.0f ms cold, %.0f ms for an edited paragraph in the same compiler\n", times.Cold, times.Edited)
	}
	return nil
}

// fastest runs a command several times in dir, with env added to the environment, and returns its
// best wall time.
func fastest(dir string, args, env []string, runs int) (time.Duration, error) {
	best := time.Duration(0)
	for i := 0; i < runs; i++ {
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Env = append(os.Environ(), env...)
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
