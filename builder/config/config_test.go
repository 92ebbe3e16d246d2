package config

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"bookc/builder/tree"
)

func TestParse(t *testing.T) {
	c, err := Parse("book.toml", []byte(`
[book]
title = "T"
src = "pages/"

[output.html]
code = { hidelines = { Python = "~", bad = 3 } }

[output.html.playground]
editable = true

[preprocessor.links]

[output.bookc]
optional = true
paper = "Letter"
man-section = "7x"

[output.bookc.man-pages]
"cli.md" = "tool(1)"

[output.bookc.roles.ops]
chapters = ["ops/*"]

[output.bookc.roles.dev]
title = "Developers' Edition"
`))
	if err != nil {
		t.Fatal(err)
	}
	if c.Raw["book"].(map[string]any)["title"] != "T" {
		t.Errorf("Raw: %v", c.Raw)
	}
	c.Raw = nil
	want := &Config{
		Title: "T", Language: "en", Src: "pages", Paper: tree.Paper{Name: "letter", W: 612, H: 792}, FontSize: tree.DefaultFontSize, PageBreak: "chapter", TOCDepth: tree.DefaultTOCDepth, ManSection: "7x", MdbookVersion: DefaultMdbookVersion,
		BuiltIn:   []Preprocessor{{Name: "links", Line: 12, Command: "mdbook-links"}},
		ManPages:  map[string]string{"cli.md": "tool(1)"},
		HideLines: map[string]string{"python": "~"},
		Roles: []Role{
			{Name: "dev", Title: "Developers' Edition"},
			{Name: "ops", Title: "Ops Edition", Chapters: []string{"ops/*"}},
		},
	}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("got  %+v\nwant %+v", c, want)
	}
	if name, sec := SplitManPage("metroctl(1)"); name != "metroctl" || sec != "1" {
		t.Errorf("SplitManPage = %q, %q", name, sec)
	}
}

func TestManPrefix(t *testing.T) {
	for in, want := range map[string]string{"": "", "man-prefix = 'metro'": "metro", "man-prefix = 'k8s-ops'": "k8s-ops", "man-prefix = 'abcdefghijkl'": "abcdefghijkl"} {
		c, err := Parse("book.toml", []byte("[output.bookc]\n"+in+"\n"))
		if err != nil {
			t.Errorf("%q: %v", in, err)
		} else if c.ManPrefix != want {
			t.Errorf("%q: prefix %q, want %q", in, c.ManPrefix, want)
		}
	}
}

// TestPageSettings checks page-break, two-sided and toc-depth: what they give, and their defaults.
func TestPageSettings(t *testing.T) {
	for _, tt := range []struct {
		in, brk string
		two     bool
		depth   int
	}{
		{"", "chapter", false, 2},
		{"page-break = 'chapter'", "chapter", false, 2},
		{"page-break = 'section'\ntwo-sided = true", "section", true, 2},
		{"two-sided = false\ntoc-depth = 1", "chapter", false, 1},
		{"toc-depth = 6", "chapter", false, 6},
	} {
		c, err := Parse("book.toml", []byte("[output.bookc]\n"+tt.in+"\n"))
		if err != nil {
			t.Errorf("%q: %v", tt.in, err)
		} else if c.PageBreak != tt.brk || c.TwoSided != tt.two || c.TOCDepth != tt.depth {
			t.Errorf("%q: page-break %q, two-sided %v, toc-depth %d; want %q, %v, %d", tt.in, c.PageBreak, c.TwoSided, c.TOCDepth, tt.brk, tt.two, tt.depth)
		}
	}
	for in, want := range map[string][2]float64{
		"":                       {0, 0},
		"inner-margin = '25mm'":  {70.87, 0},
		"outer-margin = '0.5in'": {0, 36},
		"inner-margin = '0.875in'\nouter-margin = '0.25in'": {63, 18},
	} {
		c, err := Parse("book.toml", []byte("[output.bookc]\n"+in+"\n"))
		if err != nil {
			t.Errorf("%q: %v", in, err)
		} else if !near(c.InnerMargin, want[0]) || !near(c.OuterMargin, want[1]) {
			t.Errorf("%q: inner %v outer %v; want %v", in, c.InnerMargin, c.OuterMargin, want)
		}
	}
	if c, err := Parse("book.toml", []byte("[output.bookc]\nprint = true\n")); err != nil || !c.Print {
		t.Errorf("print = true: %v, print %v", err, c != nil && c.Print)
	}
	if c, err := Parse("book.toml", []byte("[output.bookc]\npage-list = true\n")); err != nil || !c.PageList || Default().PageList {
		t.Errorf("page-list = true: %v, page-list %v; by default %v", err, c != nil && c.PageList, Default().PageList)
	}
	for in, want := range map[string]bool{"": false, "pdf-standard = 'pdf/ua-1'": false, "pdf-standard = 'PDF/A-2u'": true} {
		if c, err := Parse("book.toml", []byte("[output.bookc]\n"+in+"\n")); err != nil || c.Archival != want {
			t.Errorf("%q: %v, archival %v; want %v", in, err, c != nil && c.Archival, want)
		}
	}
	if c := Default(); c.PageBreak != "chapter" || c.TwoSided || c.Print || c.TOCDepth != tree.DefaultTOCDepth {
		t.Errorf("without book.toml: page-break %q, two-sided %v, toc-depth %d", c.PageBreak, c.TwoSided, c.TOCDepth)
	}
}

// TestPageSizes checks paper, font-size and line-height: what they give, and their defaults.
func TestPageSizes(t *testing.T) {
	for _, tt := range []struct {
		in          string
		paper       string
		w, h        float64
		size, leads float64
	}{
		{"", "a4", 595.28, 841.89, 10.5, 0},
		{"paper = '6x9in'", "6x9in", 432, 648, 10.5, 0},
		{"paper = 'Royal'\nfont-size = 11", "royal", 442.20, 663.31, 11, 0},
		{"paper = '170x240mm'\nline-height = 1.5", "170x240mm", 481.89, 680.31, 10.5, 15.75},
		{"font-size = 12\nline-height = 1", "a4", 595.28, 841.89, 12, 12},
		{"font-size = 9.5\nline-height = '13.5pt'", "a4", 595.28, 841.89, 9.5, 13.5},
		{"line-height = 2", "a4", 595.28, 841.89, 10.5, 21},
	} {
		c, err := Parse("book.toml", []byte("[output.bookc]\n"+tt.in+"\n"))
		if err != nil {
			t.Errorf("%q: %v", tt.in, err)
			continue
		}
		if p := c.Paper; p.Name != tt.paper || !near(p.W, tt.w) || !near(p.H, tt.h) || c.FontSize != tt.size || !near(c.LineHeight, tt.leads) {
			t.Errorf("%q: paper %+v, font-size %v, line-height %v; want %q %v x %v, %v, %v", tt.in, p, c.FontSize, c.LineHeight, tt.paper, tt.w, tt.h, tt.size, tt.leads)
		}
	}
	if c := Default(); c.Paper.Name != "a4" || c.FontSize != tree.DefaultFontSize || c.LineHeight != 0 {
		t.Errorf("without book.toml: paper %+v, font-size %v, line-height %v", c.Paper, c.FontSize, c.LineHeight)
	}
}

func near(a, b float64) bool { return a-b < 0.01 && b-a < 0.01 }

func TestParseLoose(t *testing.T) {
	// Other tools' tables may hold anything; only bookc's own are checked.
	c, err := Parse("book.toml", []byte("[output.html]\ncode = 3\n[output.x]\ny = [1, 'a']\n"))
	if err != nil || len(c.HideLines) != 0 {
		t.Errorf("err %v, hidelines %v", err, c.HideLines)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"[book\n", "fix the TOML syntax"},
		{"[output.bookc]\npaper = 'A3'\n", `book.toml: [output.bookc] paper = "A3": not a paper size: use "a4", "a5", "letter"`},
		{"[output.bookc]\npaper = '30x40mm'\n", `book.toml: [output.bookc] paper = "30x40mm": each side must be between 60 and 600 mm`},
		{"[output.bookc]\npaper = 4\n", "fix the TOML syntax"},
		{"[output.bookc]\ntoc-depth = 0\n", `book.toml: [output.bookc] toc-depth = 0: give the levels of a chapter the contents list, from 1 (its title) to 6; 2 lists its sections too`},
		{"[output.bookc]\nfont-size = 7.5\n", `book.toml: [output.bookc] font-size = 7.5: give the body text's size in points, from 8 to 14, such as 10.5`},
		{"[output.bookc]\nfont-size = 0\n", `font-size = 0:`},
		{"[output.bookc]\nfont-size = '11pt'\n", "fix the TOML syntax"},
		{"[output.bookc]\nline-height = 0.9\n", `book.toml: [output.bookc] line-height = 0.9: give 1 to 2 times the font size (10.5pt to 21pt at 10.5pt)`},
		{"[output.bookc]\nfont-size = 12\nline-height = '30pt'\n", `line-height = "30pt": give 1 to 2 times the font size (12pt to 24pt at 12pt)`},
		{"[output.bookc]\nline-height = '15px'\n", `line-height = "15px": give a ratio to the font size, such as 1.4, or points, such as "15pt"`},
		{"[output.bookc]\nline-height = [1]\n", `line-height = [1]: give a ratio`},
		{"[output.bookc]\ninner-margin = 20\n", "fix the TOML syntax"},
		{"[output.bookc]\ninner-margin = '20'\n", `book.toml: [output.bookc] inner-margin = "20": give a length with a unit of mm, cm, in or pt, such as "20mm" or "0.75in"`},
		{"[output.bookc]\nouter-margin = '3mm'\n", `book.toml: [output.bookc] outer-margin = "3mm": give at least a quarter inch ("6.35mm", "0.25in"), the edge printers keep free`},
		{"[output.bookc]\npaper = 'a5'\ninner-margin = '50mm'\nouter-margin = '30mm'\n", `book.toml: [output.bookc] inner-margin = "50mm" and outer-margin = "30mm" take more than half the width of paper = "a5" (148 mm): narrow them`},
		{"[output.bookc]\nman-section = 'x'\n", `man-section = "x"`},
		{"[output.bookc]\npage-break = 'part'\n", `book.toml: [output.bookc] page-break = "part": use "chapter" (parts and top-level chapters start a page) or "section"`},
		{"[output.bookc]\ntwo-sided = 'yes'\n", "fix the TOML syntax"},
		{"[output.bookc]\npdf-standard = 'pdf/a-1b'\n", `book.toml: [output.bookc] pdf-standard = "pdf/a-1b": use "pdf/a-2u"`},
		{"[output.bookc.roles.Ops]\n", `role name "Ops"`},
		{"[output.bookc.man-pages]\n'a.md' = 'tool'\n", "name(section)"},
		{"[output.bookc]\ncolour = 1\n", `unknown setting "output.bookc.colour"`},
		{"[output.bookc]\ncolour = 1\n", `mdbook-version, paper, font-size, line-height, inner-margin, outer-margin, page-break, toc-depth, two-sided, print, page-list, man-section`},
		{"[output.bookc]\nman-prefix = 'Metro'\n", `book.toml: [output.bookc] man-prefix = "Metro": use at most 12 lower-case letters`},
		{"[output.bookc]\nman-prefix = 'metropolis-handbook'\n", `man-prefix = "metropolis-handbook"`},
		{"[output.bookc]\nman-prefix = 'a--b'\n", `man-prefix = "a--b"`},
		{"[output.bookc]\nman-prefix = 'x.y'\n", `man-prefix = "x.y"`},
		{"[output.bookc]\ncover = '/etc/cover.png'\n", `cover = "/etc/cover.png": give the image's path relative to the book's folder`},
		{"[output.bookc]\ncover = 'https://x.org/c.png'\n", `cover = "https://x.org/c.png"`},
	} {
		if _, err := Parse("book.toml", []byte(tt.in)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: err = %v, want %q", tt.in, err, tt.want)
		}
	}
}

func TestBaseURL(t *testing.T) {
	for _, tt := range []struct{ in, want, err string }{
		{"[output.bookc]\nbase-url = 'https://doc.rust-lang.org/stable/book'\n", "https://doc.rust-lang.org/stable/book/", ""},
		{"[output.bookc]\nbase-url = 'http://x.org/'\n[output.html]\nsite-url = 'https://y.org/'\n", "http://x.org/", ""},
		{"[output.html]\nsite-url = 'https://y.org/book/'\n", "https://y.org/book/", ""},
		{"[output.html]\nsite-url = '/example-book/'\n", "", ""}, // a path: nothing to resolve against
		{"[output.bookc]\nbase-url = '/book/'\n", "", "book.toml: [output.bookc] base-url = \"/book/\": give the absolute http or https URL"},
		{"[output.bookc]\nbase-url = 'ftp://x.org/'\n", "", "base-url = \"ftp://x.org/\""},
	} {
		c, err := Parse("book.toml", []byte(tt.in))
		switch {
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("%q: err = %v, want %q", tt.in, err, tt.err)
		case tt.err == "" && (err != nil || c.BaseURL != tt.want):
			t.Errorf("%q: base %q, err %v; want %q", tt.in, c.BaseURL, err, tt.want)
		}
	}
}

func TestPreprocessors(t *testing.T) {
	c, err := Parse("book.toml", []byte("[book]\ntitle = 'T'\n\n[preprocessor.mermaid]\ncommand = 'mdbook-mermaid --x \"a b\"'\nrenderers = ['html', 'bookc']\n\n[preprocessor.links]\nbefore = ['admonish']\n[preprocessor.index]\n\n[preprocessor.admonish]\nafter = ['links']\noptional = true\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Preprocessor{
		{Name: "admonish", Line: 12, Command: "mdbook-admonish", After: []string{"links"}, Optional: true},
		{Name: "mermaid", Line: 4, Command: `mdbook-mermaid --x "a b"`, Renderers: []string{"html", "bookc"}},
	}
	if !reflect.DeepEqual(c.Preprocessors, want) {
		t.Errorf("preprocessors %+v, want %+v (links and index are mdBook's own)", c.Preprocessors, want)
	}
	builtin := []Preprocessor{{Name: "index", Line: 10, Command: "mdbook-index"}, {Name: "links", Line: 8, Command: "mdbook-links", Before: []string{"admonish"}}}
	if !reflect.DeepEqual(c.BuiltIn, builtin) {
		t.Errorf("built-in %+v, want %+v", c.BuiltIn, builtin)
	}
	if _, err := Parse("book.toml", []byte("[preprocessor.x]\nafter = 'links'\n")); err == nil || !strings.Contains(err.Error(), "book.toml:1: [preprocessor.x] after must be a list") {
		t.Errorf("a bad after: %v", err)
	}
	for name, want := range map[string]string{"admonish": "```admonish blocks will show as code blocks", "katex": "$...$", "mystery": "its syntax is kept as written"} {
		if got := Unprocessed(name); !strings.Contains(got, want) {
			t.Errorf("Unprocessed(%s) = %q, want %q", name, got, want)
		}
	}
}

// TestCoverAndCertifier checks the EPUB's cover and accessibility certifier settings.
func TestCoverAndCertifier(t *testing.T) {
	c, err := Parse("book.toml", []byte("[output.bookc]\ncover = 'art/cover.png'\ncertified-by = ' A Test Lab '\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Cover != "art/cover.png" || c.CertifiedBy != "A Test Lab" {
		t.Errorf("cover %q, certified by %q", c.Cover, c.CertifiedBy)
	}
}

// TestFromMdBook reads the configuration of a render context: mdBook's tables, with nulls and
// JSON numbers, as book.toml would say it.
func TestFromMdBook(t *testing.T) {
	var raw map[string]any
	dec := json.NewDecoder(strings.NewReader(`{
		"book": {"authors": ["A"], "language": "fr", "multilingual": false, "src": "pages", "title": "T", "text-direction": null},
		"build": {"build-dir": "book", "create-missing": true, "extra-watch-dirs": []},
		"output": {"html": {"fold": {"level": 1}, "code": {"hidelines": {"python": "~"}}},
		           "bookc": {"formats": ["pdf", "man"], "all-roles": true, "optional": true, "command": "bookc mdbook",
		                     "roles": {"ops": {"chapters": ["ops/*"]}}}},
		"preprocessor": {"admonish": {"after": ["links"], "assets_version": "3.0.2"}}
	}`))
	dec.UseNumber()
	if err := dec.Decode(&raw); err != nil {
		t.Fatal(err)
	}
	c, err := FromMdBook("book.toml", raw)
	if err != nil {
		t.Fatal(err)
	}
	if c.Title != "T" || c.Language != "fr" || c.Src != "pages" || !c.AllRoles || !reflect.DeepEqual(c.Formats, []string{"pdf", "man"}) ||
		c.HideLines["python"] != "~" || len(c.Roles) != 1 || len(c.Preprocessors) != 1 || c.Preprocessors[0].Line != 0 {
		t.Errorf("got %+v", c)
	}
	if _, err := FromMdBook("book.toml", map[string]any{"output": map[string]any{"bookc": map[string]any{"formats": []any{"html"}}}}); err == nil || !strings.Contains(err.Error(), `formats names "html"`) {
		t.Errorf("an unknown format: %v", err)
	}
}

// TestFonts reads [output.bookc.fonts]: a family as one file or a table of its styles (the
// missing ones taking the regular), fallbacks in order, and the mistakes a user makes.
func TestFonts(t *testing.T) {
	for _, c := range []struct {
		toml string
		want Fonts
		err  string
	}{
		{`text = "f/A.ttf"`, Fonts{Text: [4]string{"f/A.ttf", "f/A.ttf", "f/A.ttf", "f/A.ttf"}}, ""},
		{`mono = { regular = "M.ttf", bold-italic = "MBI.ttf" }` + "\nfallback = [\"X.ttf\", \"Y.ttf\"]",
			Fonts{Mono: [4]string{"M.ttf", "M.ttf", "M.ttf", "MBI.ttf"}, Fallback: []string{"X.ttf", "Y.ttf"}}, ""},
		{`headings = { bold = "B.ttf" }`, Fonts{}, "headings: name the regular face"},
		{`text = { heavy = "H.ttf" }`, Fonts{}, "text: heavy = H.ttf: give one font file, or a table of regular, bold, italic, bold-italic"},
		{`text = "/usr/share/fonts/A.ttf"`, Fonts{}, "give the font file's path relative to the book's folder"},
		{`text = 3`, Fonts{}, "text = 3: give one font file"},
		{`serif = "A.ttf"`, Fonts{}, `unknown setting "output.bookc.fonts.serif"`},
	} {
		cfg, err := Parse("book.toml", []byte("[output.bookc.fonts]\n"+c.toml+"\n"))
		switch {
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%s: error %v, want one with %q", c.toml, err, c.err)
		case c.err == "" && err != nil:
			t.Errorf("%s: %v", c.toml, err)
		case c.err == "" && !reflect.DeepEqual(cfg.Fonts, c.want):
			t.Errorf("%s: %+v, want %+v", c.toml, cfg.Fonts, c.want)
		}
	}
}
