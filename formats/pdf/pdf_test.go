package pdf

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"bookc/builder/tree"
	"bookc/builder/tree/sample"
	"bookc/formats"
)

var outDir = flag.String("out", "", "also write the PDFs the tests make to this directory, to look at them")

// tool runs an external program that the tests need, failing the test when it is missing.
func tool(t testing.TB, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Fatalf("%s is needed to check PDFs (apt install qpdf poppler-utils): %v", name, err)
	}
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// render renders a book and writes the PDF to a temporary file.
func render(t testing.TB, b *tree.Book) (formats.File, string) {
	t.Helper()
	out, err := Backend{}.Render(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Files) != 1 || out.Files[0].Name != b.Artifact()+".pdf" {
		t.Fatalf("files = %v, want one %s.pdf", out.Files, b.Artifact())
	}
	f := out.Files[0]
	dir := t.TempDir()
	if *outDir != "" {
		dir = *outDir
	}
	path := filepath.Join(dir, f.Name)
	if err := os.WriteFile(path, f.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return f, path
}

func letter(b *tree.Book) *tree.Book {
	b.Settings.Paper = tree.Paper{Name: "letter", W: 612, H: 792}
	b.Slug += "-letter"
	return b
}

var books = []struct {
	name string
	book func() *tree.Book
}{
	{"sample", sample.Book},
	{"stress", func() *tree.Book { return stressBook(6) }},
	{"letter", func() *tree.Book { return letter(stressBook(2)) }},
}

// TestValid checks what every PDF must pass: qpdf finds no error, every font is embedded, no text
// line sticks out of the text block, and there is an outline.
func TestValid(t *testing.T) {
	for _, tc := range books {
		t.Run(tc.name, func(t *testing.T) {
			f, path := render(t, tc.book())
			if f.Pages < 5 {
				t.Errorf("%d pages, want at least 5", f.Pages)
			}
			if out := tool(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors") || strings.Contains(out, "WARNING") {
				t.Errorf("qpdf --check:\n%s", out)
			}
			fonts := strings.Split(strings.TrimSpace(tool(t, "pdffonts", path)), "\n")[2:]
			if len(fonts) == 0 {
				t.Error("pdffonts lists no fonts")
			}
			for _, l := range fonts {
				if fs := strings.Fields(l); len(fs) < 5 || fs[len(fs)-5] != "yes" {
					t.Errorf("font not embedded: %s", l)
				} else if fs[len(fs)-4] != "yes" {
					t.Errorf("font not marked as a subset: %s", l)
				}
			}
			for _, o := range overflow(t, path) {
				t.Error(o)
			}
			if out := tool(t, "qpdf", "--json", "--json-key=outlines", path); !strings.Contains(out, `"title"`) {
				t.Errorf("no outline:\n%.300s", out)
			}
			checkLabels(t, path)
		})
	}
}

var (
	pageRe = regexp.MustCompile(`<page width="([0-9.]+)"`)
	lineRe = regexp.MustCompile(`<line xMin="[0-9.]+" yMin="[0-9.]+" xMax="([0-9.]+)"`)
	wordRe = regexp.MustCompile(`>([^<]*)</word>`)
)

// overflow reports text lines that end past the text block, as /work/shared/tools/pdf-overflow
// does: the block's right edge is the most common right end of lines (justified text ends there).
func overflow(t testing.TB, path string) []string {
	html := tool(t, "pdftotext", "-bbox-layout", path, "-")
	type line struct {
		page int
		x1   float64
		w    float64
		text string
	}
	var lines []line
	count := map[int]int{}
	pageW, pageNo := 0.0, 0
	for _, chunk := range strings.Split(html, "<line ")[0:] {
		for _, m := range pageRe.FindAllStringSubmatch(chunk, -1) {
			pageW, pageNo = atof(m[1]), pageNo+1
		}
		if m := lineRe.FindStringSubmatch("<line " + chunk); m != nil {
			var ws []string
			for _, w := range wordRe.FindAllStringSubmatch(chunk, -1) {
				ws = append(ws, w[1])
			}
			l := line{pageNo, atof(m[1]), pageW, strings.Join(ws, " ")}
			lines = append(lines, l)
			count[int(l.x1+0.5)]++
		}
	}
	edge, best := 0, 0
	for e, n := range count {
		if n > best || n == best && e < edge {
			edge, best = e, n
		}
	}
	var out []string
	for _, l := range lines {
		if l.x1 > l.w+0.5 || l.x1 > float64(edge)+3 {
			out = append(out, "page "+itoa(l.page)+": line ends at "+ftoa(l.x1)+", edge "+itoa(edge)+": "+l.text)
		}
	}
	return out
}

// TestDeterministic renders editions concurrently, twice each: the bytes must not differ.
func TestDeterministic(t *testing.T) {
	var wg sync.WaitGroup
	outs := make([][]byte, 4)
	for i := range outs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b := stressBook(3)
			if i%2 == 1 {
				b.Edition = tree.Edition{Role: "operators", Title: "Operators' Edition"}
			}
			o, err := Backend{}.Render(b)
			if err != nil {
				t.Error(err)
				return
			}
			outs[i] = o.Files[0].Bytes()
		}()
	}
	wg.Wait()
	if !bytes.Equal(outs[0], outs[2]) || !bytes.Equal(outs[1], outs[3]) {
		t.Error("two renders of the same book differ")
	}
	if bytes.Equal(outs[0], outs[1]) {
		t.Error("two editions gave the same bytes")
	}
}

// checkLabels checks the page labels: roman numbers up to the first chapter, then arabic from 1.
func checkLabels(t *testing.T, path string) {
	var js struct {
		Pages []struct {
			Label struct {
				S  string `json:"/S"`
				St int    `json:"/St"`
			} `json:"label"`
		} `json:"pages"`
	}
	if err := json.Unmarshal([]byte(tool(t, "qpdf", "--json", "--json-key=pages", path)), &js); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range js.Pages {
		got = append(got, p.Label.S+itoa(p.Label.St))
	}
	front := slices.Index(got, "/D1")
	if front < 2 || got[0] != "/r1" || got[front-1] != "/r"+itoa(front) || got[len(got)-1] != "/D"+itoa(len(got)-front) {
		t.Errorf("page labels %v, want /r1 ... /D1 ...", got)
	}
}

// TestWarms checks that the PDF backend loads its faces while a book loads (formats.Warm), in
// every form the CLI renders with.
func TestWarms(t *testing.T) {
	for _, be := range []formats.Backend{Backend{}, Backend{}.ForBook(), Backend{}.ForBook().(formats.Sharing).Renew()} {
		if _, ok := be.(formats.Warming); !ok {
			t.Errorf("%T does not warm", be)
		}
	}
}
