// Package config reads book.toml: mdBook's [book] table and bookc's own [output.bookc] table.
// Of the tables other tools own, it reads the names of the preprocessors and the few HTML
// settings that change what a reader sees.
package config

import (
	"cmp"
	"fmt"
	"path"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"bookc/builder/paper"
	"bookc/builder/tree"

	"github.com/BurntSushi/toml"
)

// Config is a book's configuration with mdBook's defaults applied.
type Config struct {
	Title       string
	Authors     []string
	Description string
	Language    string
	Src         string // the chapters' folder, relative to the book; "src" by default

	Paper       tree.Paper        // the PDF's page; A4 by default
	FontSize    float64           // the PDF's body text size in points; tree.DefaultFontSize by default
	LineHeight  float64           // the body text's leading in points; 0: bookc's for FontSize
	PageBreak   string            // what starts a PDF page: "chapter" (parts and top-level chapters) or "section" (sub-chapters too)
	TOCDepth    int               // levels of a chapter the PDF's contents list: 1 its title, 2 its sections too (the default), ...
	TwoSided    bool              // the PDF is printed on both sides: openings on rectos, margins mirrored
	InnerMargin float64           // the side margin at the spine, in points; 0: bookc's own
	OuterMargin float64           // the side margin away from the spine, in points; 0: bookc's own
	Print       bool              // the PDF is printed in black ink: code and links in greys
	PageList    bool              // the EPUB has a page-list of the PDF's page numbers
	Archival    bool              // the PDF is PDF/A-2u as well as PDF/UA-1 (pdf-standard = "pdf/a-2u")
	ManSection  string            // section of chapter man pages
	ManPrefix   string            // first part of chapter man page names; "" lets the backend derive one
	EPUBFonts   bool              // embed the book's faces (package fonts) in EPUBs
	ManPages    map[string]string // SUMMARY path -> "name(section)"
	HideLines   map[string]string // code language -> prefix of the lines mdBook's HTML hides
	Roles       []Role            // sorted by name
	// BaseURL is where the book's HTML is published, ending in "/": links that leave the book
	// resolve against it. From [output.bookc] base-url, else an absolute [output.html] site-url.
	BaseURL string
	// Fonts are the font files [output.bookc.fonts] names, relative to the book's folder.
	Fonts Fonts
	// Cover is the cover image's path relative to the book's folder; "" has the EPUB make one of
	// the title, edition and authors.
	Cover string
	// CertifiedBy is who certified the book's accessibility, for the EPUB's a11y:certifiedBy.
	CertifiedBy string
	// Preprocessors are the [preprocessor.NAME] tables of the preprocessors bookc does not stand
	// in for, sorted by name, with the line of each. BuiltIn are the tables of those it does
	// (links, index, alerts), whose before and after lists still order the others.
	Preprocessors, BuiltIn []Preprocessor
	// RunPreprocessors is [output.bookc] run-preprocessors: run the book's preprocessors, as
	// --preprocessors does.
	RunPreprocessors bool
	// MdbookVersion is the mdBook version bookc tells the preprocessors it runs, which also sets
	// the shape of the JSON they get ([output.bookc] mdbook-version; DefaultMdbookVersion).
	MdbookVersion string
	// Formats and AllRoles are what 'mdbook build' has bookc make: [output.bookc] formats (nil:
	// every format) and all-roles (every role's edition besides the full book).
	Formats  []string
	AllRoles bool
	// Raw is the whole of book.toml, as mdBook hands it to preprocessors.
	Raw map[string]any
}

// DefaultMdbookVersion is the mdBook version preprocessors are told by default: the JSON of
// mdBook 0.5, whose books list their items under "items".
const DefaultMdbookVersion = "0.5.2"

// KnownFormats are the formats [output.bookc] formats may name.
var KnownFormats = []string{"pdf", "epub", "man"}

// Role is one role's edition, from [output.bookc.roles.NAME].
type Role struct {
	Name     string
	Title    string   // the edition's name: "Operators' Edition"
	Chapters []string // SUMMARY paths or path.Match globs; empty means every chapter
}

// Role returns the role with the given name, or nil.
func (c *Config) Role(name string) *Role {
	for i := range c.Roles {
		if c.Roles[i].Name == name {
			return &c.Roles[i]
		}
	}
	return nil
}

type file struct {
	Book struct {
		Title       string   `toml:"title"`
		Authors     []string `toml:"authors"`
		Description string   `toml:"description"`
		Language    string   `toml:"language"`
		Src         string   `toml:"src"`
	} `toml:"book"`
	Preprocessor map[string]any `toml:"preprocessor"` // other tools' settings: loosely typed
	Output       struct {
		Bookc *bookc `toml:"bookc"`
		// mdBook's HTML settings, read for the one that changes what a reader sees: hidden code
		// lines. Loosely typed, as other tools own this table.
		HTML map[string]any `toml:"html"`
	} `toml:"output"`
}

type bookc struct {
	Optional   bool              `toml:"optional"`
	Command    string            `toml:"command"`
	Formats    []string          `toml:"formats"`
	AllRoles   bool              `toml:"all-roles"`
	RunPre     bool              `toml:"run-preprocessors"`
	MdbookVer  string            `toml:"mdbook-version"`
	Paper      string            `toml:"paper"`
	FontSize   *float64          `toml:"font-size"`
	LineHeight any               `toml:"line-height"` // a ratio, 1.4, or points, "15pt"
	Inner      string            `toml:"inner-margin"`
	Outer      string            `toml:"outer-margin"`
	PageBreak  string            `toml:"page-break"`
	TOCDepth   *int              `toml:"toc-depth"`
	TwoSided   bool              `toml:"two-sided"`
	Print      bool              `toml:"print"`
	PageList   bool              `toml:"page-list"`
	ManSection string            `toml:"man-section"`
	ManPrefix  string            `toml:"man-prefix"`
	EPUBFonts  bool              `toml:"epub-fonts"`
	BaseURL    string            `toml:"base-url"`
	Cover      string            `toml:"cover"`
	Fonts      fontsTable        `toml:"fonts"`
	Certified  string            `toml:"certified-by"`
	Standard   string            `toml:"pdf-standard"`
	ManPages   map[string]string `toml:"man-pages"`
	Roles      map[string]struct {
		Title    string   `toml:"title"`
		Chapters []string `toml:"chapters"`
	} `toml:"roles"`
}

// The names and versions that book.toml may give, compiled when first used, not at every
// command's start.
var (
	roleName    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z][a-z0-9_-]*$`) })
	manPageName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^([A-Za-z0-9_.+-]+)\(([1-9][a-z]*)\)$`) })
	sectionName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[1-9][a-z]*$`) })
	// manPrefix is a word or words joined by '-', as apropos and SEE ALSO lines show page names.
	manPrefix = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`) })
	// mdbookVersion is a semantic version, as mdBook writes its own.
	mdbookVersion = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$`) })
)

// ManPrefixMax is the longest man-prefix: the rest of a page's name is the chapter's, and the
// whole must fit a man page's header at 60 columns.
const ManPrefixMax = 12

// MaxTOCDepth is the deepest toc-depth: a chapter's title and five levels of headings below it.
const MaxTOCDepth = 6

// The bounds of font-size: below 8 points text is hard to read on paper, above 14 it is a
// large-print book.
const (
	MinFontSize = 8
	MaxFontSize = 14
)

// Default is the configuration of a book without book.toml, as mdBook assumes it.
func Default() *Config {
	return &Config{Language: "en", Src: "src", Paper: tree.A4, FontSize: tree.DefaultFontSize, PageBreak: "chapter", TOCDepth: tree.DefaultTOCDepth, ManSection: "7", MdbookVersion: DefaultMdbookVersion}
}

// Parse reads book.toml's content. name is the file's name for error messages.
func Parse(name string, data []byte) (*Config, error) {
	var f file
	md, err := toml.Decode(string(data), &f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w (fix the TOML syntax)", name, err)
	}
	c := Default()
	if f.Book.Title != "" {
		c.Title = f.Book.Title
	}
	c.Authors = f.Book.Authors
	c.Description = f.Book.Description
	if f.Book.Language != "" {
		c.Language = f.Book.Language
	}
	if f.Book.Src != "" {
		c.Src = strings.Trim(f.Book.Src, "/")
	}
	c.HideLines = hideLines(f.Output.HTML)
	if c.Preprocessors, c.BuiltIn, err = preprocessors(name, f.Preprocessor, data); err != nil {
		return nil, err
	}
	if _, err := toml.Decode(string(data), &c.Raw); err != nil {
		return nil, fmt.Errorf("%s: %w (fix the TOML syntax)", name, err)
	}
	c.BaseURL = siteURL(f.Output.HTML)
	b := f.Output.Bookc
	if b == nil {
		return c, nil
	}
	for _, key := range md.Undecoded() {
		if len(key) >= 5 && key[2] == "fonts" && slices.Contains([]string{"text", "mono", "headings"}, key[3]) {
			continue // a family's table of styles, which fontsTable.read checks
		}
		if len(key) >= 3 && key[0] == "output" && key[1] == "bookc" {
			return nil, fmt.Errorf("%s: unknown setting %q in [output.bookc] (known: %s)", name, key.String(), strings.Join(bookcKeys(), ", "))
		}
	}
	for _, f := range b.Formats {
		if !slices.Contains(KnownFormats, f) {
			return nil, fmt.Errorf("%s: [output.bookc] formats names %q: use some of \"pdf\", \"epub\" and \"man\"", name, f)
		}
	}
	if b.Formats != nil {
		c.Formats = b.Formats
	}
	c.AllRoles, c.RunPreprocessors = b.AllRoles, b.RunPre
	if b.MdbookVer != "" {
		if !mdbookVersion().MatchString(b.MdbookVer) {
			return nil, fmt.Errorf("%s: [output.bookc] mdbook-version = %q: give the version of mdBook the book's preprocessors are built for, such as \"0.4.52\" or \"0.5.2\"", name, b.MdbookVer)
		}
		c.MdbookVersion = b.MdbookVer
	}
	if b.BaseURL != "" {
		u, ok := absoluteURL(b.BaseURL)
		if !ok {
			return nil, fmt.Errorf("%s: [output.bookc] base-url = %q: give the absolute http or https URL where the book's HTML is published, such as \"https://doc.rust-lang.org/stable/book/\"", name, b.BaseURL)
		}
		c.BaseURL = u
	}
	if b.Cover != "" {
		if path.IsAbs(b.Cover) || strings.Contains(b.Cover, "://") {
			return nil, fmt.Errorf("%s: [output.bookc] cover = %q: give the image's path relative to the book's folder, such as \"cover.png\"", name, b.Cover)
		}
		c.Cover = b.Cover
	}
	if c.Fonts, err = b.Fonts.read(); err != nil {
		return nil, fmt.Errorf("%s: [output.bookc.fonts] %w", name, err)
	}
	c.CertifiedBy = strings.TrimSpace(b.Certified)
	if c.Paper, err = paper.Parse(cmp.Or(b.Paper, "a4")); err != nil {
		return nil, fmt.Errorf("%s: [output.bookc] paper = %v", name, err)
	}
	if b.FontSize != nil {
		if v := *b.FontSize; !(v >= MinFontSize && v <= MaxFontSize) {
			return nil, fmt.Errorf("%s: [output.bookc] font-size = %v: give the body text's size in points, from %d to %d, such as %v", name, v, MinFontSize, MaxFontSize, tree.DefaultFontSize)
		}
		c.FontSize = *b.FontSize
	}
	if c.LineHeight, err = lineHeight(b.LineHeight, c.FontSize); err != nil {
		return nil, fmt.Errorf("%s: [output.bookc] line-height = %w", name, err)
	}
	if c.InnerMargin, c.OuterMargin, err = margins(b.Inner, b.Outer, c.Paper); err != nil {
		return nil, fmt.Errorf("%s: [output.bookc] %w", name, err)
	}
	switch b.PageBreak {
	case "", "chapter":
		c.PageBreak = "chapter"
	case "section":
		c.PageBreak = "section"
	default:
		return nil, fmt.Errorf("%s: [output.bookc] page-break = %q: use \"chapter\" (parts and top-level chapters start a page) or \"section\" (sub-chapters too)", name, b.PageBreak)
	}
	if b.TOCDepth != nil {
		if v := *b.TOCDepth; v < 1 || v > MaxTOCDepth {
			return nil, fmt.Errorf("%s: [output.bookc] toc-depth = %d: give the levels of a chapter the contents list, from 1 (its title) to %d; %d lists its sections too", name, v, MaxTOCDepth, tree.DefaultTOCDepth)
		}
		c.TOCDepth = *b.TOCDepth
	}
	c.TwoSided, c.Print, c.PageList = b.TwoSided, b.Print, b.PageList
	switch strings.ToLower(b.Standard) {
	case "", "pdf/ua-1":
	case "pdf/a-2u":
		c.Archival = true
	default:
		return nil, fmt.Errorf("%s: [output.bookc] pdf-standard = %q: use \"pdf/a-2u\" for a PDF archives take, or leave it out: every PDF is PDF/UA-1", name, b.Standard)
	}
	if b.ManSection != "" {
		if !sectionName().MatchString(b.ManSection) {
			return nil, fmt.Errorf("%s: [output.bookc] man-section = %q: use a section such as \"7\"", name, b.ManSection)
		}
		c.ManSection = b.ManSection
	}
	if b.ManPrefix != "" {
		if !manPrefix().MatchString(b.ManPrefix) || len(b.ManPrefix) > ManPrefixMax {
			return nil, fmt.Errorf("%s: [output.bookc] man-prefix = %q: use at most %d lower-case letters and digits, words joined by '-', such as \"metro\"", name, b.ManPrefix, ManPrefixMax)
		}
		c.ManPrefix = b.ManPrefix
	}
	c.EPUBFonts = b.EPUBFonts
	for path, page := range b.ManPages {
		if !manPageName().MatchString(page) {
			return nil, fmt.Errorf("%s: [output.bookc.man-pages] %q = %q: write the page as name(section), e.g. \"metroctl(1)\"", name, path, page)
		}
	}
	c.ManPages = b.ManPages
	for rn, r := range b.Roles {
		if !roleName().MatchString(rn) {
			return nil, fmt.Errorf("%s: role name %q: use lower-case letters, digits, '-' and '_'", name, rn)
		}
		title := r.Title
		if title == "" {
			title = strings.ToUpper(rn[:1]) + rn[1:] + " Edition"
		}
		for _, pat := range r.Chapters {
			if _, err := path.Match(pat, ""); err != nil {
				return nil, fmt.Errorf("%s: [output.bookc.roles.%s] chapters: %q is not a valid pattern (%v); use SUMMARY paths with *, ? and [...]", name, rn, pat, err)
			}
		}
		c.Roles = append(c.Roles, Role{Name: rn, Title: title, Chapters: r.Chapters})
	}
	sort.Slice(c.Roles, func(i, j int) bool { return c.Roles[i].Name < c.Roles[j].Name })
	return c, nil
}

// bookcKeys are the settings [output.bookc] takes, as the table's struct names them: the list
// an unknown setting's error gives stays whole as settings are added.
func bookcKeys() []string {
	var keys []string
	for f := range reflect.TypeFor[bookc]().Fields() {
		keys = append(keys, f.Tag.Get("toml"))
	}
	return keys
}

// minMargin is the narrowest side margin a book may ask for: printers keep a quarter inch from
// the trimmed edge free.
const minMargin = 0.25 * 72

// margins reads inner-margin and outer-margin, as points (0 for one not given). Together they
// leave at least half the paper's width to the text block.
func margins(inner, outer string, p tree.Paper) (in, out float64, err error) {
	for _, m := range []struct {
		key, val string
		pt       *float64
	}{{"inner-margin", inner, &in}, {"outer-margin", outer, &out}} {
		if m.val == "" {
			continue
		}
		if *m.pt, err = paper.Length(m.val); err != nil {
			return 0, 0, fmt.Errorf("%s = %w", m.key, err)
		}
		if *m.pt < minMargin {
			return 0, 0, fmt.Errorf("%s = %q: give at least a quarter inch (\"6.35mm\", \"0.25in\"), the edge printers keep free", m.key, m.val)
		}
	}
	if in+out > p.W/2 {
		return 0, 0, fmt.Errorf("inner-margin = %q and outer-margin = %q take more than half the width of paper = %q (%.0f mm): narrow them so that the text block keeps at least half", inner, outer, p.Name, p.W*25.4/72)
	}
	return in, out, nil
}

// Leading is bounded by the body size: solid (1) to double-spaced (2).
const (
	minLeading = 1.0
	maxLeading = 2.0
)

const lineHeightHelp = `give a ratio to the font size, such as 1.4, or points, such as "15pt"`

// lineHeight reads line-height, a ratio to the font size or a string of points, as points; nil
// gives 0, bookc's own leading.
func lineHeight(v any, size float64) (float64, error) {
	var pt float64
	switch v := v.(type) {
	case nil:
		return 0, nil
	case int64:
		pt = float64(v) * size
	case float64:
		pt = v * size
	case string:
		num, ok := strings.CutSuffix(strings.TrimSpace(v), "pt")
		f, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
		if !ok || err != nil {
			return 0, fmt.Errorf("%q: %s", v, lineHeightHelp)
		}
		pt = f
	default:
		return 0, fmt.Errorf("%v: %s", v, lineHeightHelp)
	}
	if !(pt >= minLeading*size && pt <= maxLeading*size) {
		return 0, fmt.Errorf("%v: give %v to %v times the font size (%vpt to %vpt at %vpt)", quoted(v), minLeading, maxLeading, minLeading*size, maxLeading*size, size)
	}
	return pt, nil
}

// quoted writes a setting as book.toml has it: strings in quotes.
func quoted(v any) string {
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	return fmt.Sprint(v)
}

// SplitManPage splits "metroctl(1)" into its name and section. The value was validated by Parse.
func SplitManPage(page string) (name, section string) {
	m := manPageName().FindStringSubmatch(page)
	if m == nil {
		return "", ""
	}
	return m[1], m[2]
}

// hideLines reads [output.html.code.hidelines]: a line-hiding prefix per code language.
func hideLines(html map[string]any) map[string]string {
	code, _ := html["code"].(map[string]any)
	table, _ := code["hidelines"].(map[string]any)
	out := map[string]string{}
	for lang, prefix := range table {
		if p, ok := prefix.(string); ok && p != "" {
			out[strings.ToLower(lang)] = p
		}
	}
	return out
}
