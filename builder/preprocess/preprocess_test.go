package preprocess

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"bookc/builder/config"
	"bookc/builder/diag"
	"bookc/builder/mdbookjson"
)

// pp is the test preprocessor (testdata/pp), built once for the package's tests.
var pp string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "bookc-pp-")
	if err != nil {
		panic(err)
	}
	pp = filepath.Join(dir, "pp")
	if out, err := exec.Command("go", "build", "-o", pp, "./testdata/pp").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building the test preprocessor: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func parse(t *testing.T, toml string) *config.Config {
	t.Helper()
	c, err := config.Parse("book.toml", []byte(strings.ReplaceAll(toml, "PP", pp)))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func names(ps []config.Preprocessor) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Name)
	}
	return out
}

func TestOrder(t *testing.T) {
	for _, tt := range []struct {
		name, toml string
		want       []string
		err        string
	}{
		{"ties by name", "[preprocessor.zz]\n[preprocessor.admonish]\n", []string{"admonish", "index", "links", "zz"}, ""},
		{"after links", "[preprocessor.admonish]\nafter = ['links']\n[preprocessor.katex]\nafter = ['links']\n", []string{"index", "links", "admonish", "katex"}, ""},
		{"before", "[preprocessor.b]\n[preprocessor.a]\nafter = ['b']\n[preprocessor.links]\nbefore = ['b']\n", []string{"index", "links", "b", "a"}, ""},
		{"cycle", "[preprocessor.a]\nafter = ['b']\n[preprocessor.b]\nafter = ['a']\n", nil, "make a cycle"},
		{"unknown", "[preprocessor.a]\nafter = ['nothing']\n", nil, `book.toml:1: [preprocessor.a] after names "nothing"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Order(parse(t, tt.toml), "book.toml")
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(names(got), tt.want) {
				t.Errorf("order %v, want %v", names(got), tt.want)
			}
		})
	}
}

func TestSplit(t *testing.T) {
	for in, want := range map[string][]string{
		"mdbook-admonish":                {"mdbook-admonish"},
		"  python3  random.py  ":         {"python3", "random.py"},
		`tool --title "A \"B\" C" 'd e'`: {"tool", "--title", `A "B" C`, "d e"},
		`a\ b c""`:                       {"a b", "c"},
		"":                               nil,
	} {
		got, err := Split(in)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("Split(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := Split(`a "b`); err == nil {
		t.Error("an open quote is an error")
	}
}

func testBook() *mdbookjson.Book {
	return &mdbookjson.Book{Items: []mdbookjson.Item{
		{Chapter: &mdbookjson.Chapter{Name: "A", Path: "a.md", SourcePath: "a.md", Number: []int{1},
			Content:  "# A\n\n```callout\nMind the gap.\n```\n",
			SubItems: []mdbookjson.Item{{Chapter: &mdbookjson.Chapter{Name: "Draft", Number: []int{1, 1}}}}}},
	}}
}

// TestRun runs the test preprocessor in each of its ways through mdBook's protocol.
func TestRun(t *testing.T) {
	for _, tt := range []struct {
		name, toml string
		opt        Options
		content    string   // the chapter's content after, when the run succeeds
		log        []string // the calls the preprocessor saw
		diag       string   // a diagnostic the run gives
		err        string
		stderr     string
		within     time.Duration
	}{
		{name: "fence", toml: "[preprocessor.callout]\ncommand = 'PP fence'\n",
			content: "# A\n\n<div class=\"warning\">\n\nMind the gap.\n\n</div>\n",
			log:     []string{"fence supports bookc", "fence run renderer=bookc mdbook_version=0.5.2 root=ROOT"}},
		{name: "mdBook 0.4's JSON", toml: "[output.bookc]\nmdbook-version = '0.4.52'\n[preprocessor.old]\ncommand = 'PP v04'\n",
			content: "# A\n\n```callout\nMind the gap.\n```\n",
			log:     []string{"v04 supports bookc", "v04 run renderer=bookc mdbook_version=0.4.52 root=ROOT"}},
		{name: "mdBook 0.5's JSON to a 0.4 preprocessor", toml: "[preprocessor.old]\ncommand = 'PP v04'\n",
			err: `book.toml:1: [preprocessor.old] (` + "`PP v04`" + `) failed (exit status 1); its messages are above; nothing was written. Fix what it says, or build without --preprocessors. It expects mdBook 0.4's JSON: set [output.bookc] mdbook-version = "0.4.52"`},
		{name: "order", toml: "[preprocessor.y]\ncommand = 'PP append second'\nafter = ['x']\n[preprocessor.x]\ncommand = 'PP append first'\n",
			content: "# A\n\n```callout\nMind the gap.\n```\n\n\nfirst\n\n\nsecond\n"},
		{name: "renderers leave bookc out", toml: "[preprocessor.mermaid]\ncommand = 'PP fence'\nrenderers = ['html']\n",
			content: "# A\n\n```callout\nMind the gap.\n```\n", diag: "is for the renderers html, not bookc", log: []string{}},
		{name: "renderers name bookc", toml: "[preprocessor.mermaid]\ncommand = 'PP fence'\nrenderers = ['html', 'bookc']\n",
			content: "# A\n\n<div class=\"warning\">\n\nMind the gap.\n\n</div>\n", log: []string{"fence run renderer=bookc mdbook_version=0.5.2 root=ROOT"}},
		{name: "no support", toml: "[preprocessor.admonish]\ncommand = 'PP nosupport'\n",
			content: "# A\n\n```callout\nMind the gap.\n```\n", diag: "does not support bookc (`supports bookc` exits 1), so bookc did not run it: ```admonish blocks will show as code blocks"},
		{name: "fails", toml: "[preprocessor.broken]\ncommand = 'PP fail'\n",
			err: "book.toml:1: [preprocessor.broken] (`PP fail`) failed (exit status 3); its messages are above; nothing was written", stderr: "pp: the callout on line 3 has no end"},
		{name: "hangs", toml: "[preprocessor.slow]\ncommand = 'PP hang'\n", opt: Options{Timeout: 300 * time.Millisecond},
			err: "[preprocessor.slow] (`PP hang`) did not finish within 300ms and was stopped; nothing was written", within: 5 * time.Second},
		{name: "garbage", toml: "[preprocessor.chatty]\ncommand = 'PP garbage'\n",
			err: "[preprocessor.chatty] (`PP garbage`) returned no book bookc can read: the book is not mdBook's JSON"},
		{name: "floods", toml: "[preprocessor.flood]\ncommand = 'PP flood'\n", opt: Options{MaxOutput: 1 << 20},
			err: "[preprocessor.flood] (`PP flood`) wrote more than 1 MB and was stopped", within: 10 * time.Second},
		{name: "missing", toml: "[preprocessor.nothing]\n",
			err: "book.toml:1: cannot run [preprocessor.nothing] (`mdbook-nothing`): exec: \"mdbook-nothing\": executable file not found in $PATH; install it, set its command, mark it optional = true"},
		{name: "missing, optional", toml: "[preprocessor.katex]\noptional = true\ncommand = './no/such/tool'\n",
			content: "# A\n\n```callout\nMind the gap.\n```\n", diag: "[preprocessor.katex] (`./no/such/tool`) is not installed, and it is optional, so bookc did not run it: $...$"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			logFile := filepath.Join(root, "pp.log")
			t.Setenv("PP_LOG", logFile)
			var stderr bytes.Buffer
			tt.opt.Stderr = &stderr
			var builtIns []string
			b := &Book{Config: parse(t, tt.toml), TOML: "book.toml", Root: root, Book: testBook(),
				BuiltIn: func(name string, _ *mdbookjson.Book) { builtIns = append(builtIns, name) }}
			start := time.Now()
			got, ds, err := Run(b, tt.opt)
			if tt.within > 0 && time.Since(start) > tt.within {
				t.Errorf("took %s", time.Since(start))
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr %q lacks %q", stderr.String(), tt.stderr)
			}
			if tt.err != "" {
				if err == nil || !strings.Contains(strings.ReplaceAll(err.Error(), pp, "PP"), tt.err) {
					t.Fatalf("err = %v\nwant %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c := got.Items[0].Chapter.Content; c != tt.content {
				t.Errorf("content %q, want %q", c, tt.content)
			}
			if d := got.Items[0].Chapter.SubItems[0].Chapter; d.Name != "Draft" || !d.Draft() {
				t.Errorf("the draft came back as %+v", d)
			}
			if !reflect.DeepEqual(builtIns, []string{"index", "links"}) {
				t.Errorf("built-ins done: %v", builtIns)
			}
			if !hasDiag(ds, tt.diag) {
				t.Errorf("diagnostics %v lack %q", ds, tt.diag)
			}
			if tt.log != nil {
				data, _ := os.ReadFile(logFile)
				lines := strings.Fields(strings.ReplaceAll(strings.ReplaceAll(string(data), " ", "_"), root, "ROOT"))
				want := make([]string, len(tt.log))
				for i, l := range tt.log {
					want[i] = strings.ReplaceAll(l, " ", "_")
				}
				if !reflect.DeepEqual(lines, want) && !(len(lines) == 0 && len(want) == 0) {
					t.Errorf("calls %q, want %q", lines, want)
				}
			}
		})
	}
}

func hasDiag(ds diag.List, s string) bool {
	if s == "" {
		return len(ds) == 0
	}
	for _, d := range ds {
		if strings.Contains(d.String(), s) {
			return true
		}
	}
	return false
}
