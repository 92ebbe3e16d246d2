package hyphen

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"
)

// patternFS holds TeX's patterns, as hyph-utf8 ships them in TeX Live, each beside its licence
// (patterns/README.md says where they come from).
//
//go:embed patterns
var patternFS embed.FS

// language is one set of patterns: the files, and the minimums TeX typesets the language with.
type language struct {
	tag         string // what For resolves to, and Hyphenator.Lang returns
	file        string // in patterns/: a TeX file (hyphen.tex), or hyph-utf8's stem (hyph-de-1996)
	left, right int    // \lefthyphenmin and \righthyphenmin

	once sync.Once
	h    *Hyphenator
}

// languages are the patterns shipped, with the minimums LaTeX's babel typesets each language
// with (TeX Live 2022). They are the "typesetting" hyphenmins of each file's header
// (hyph-XX.lic.txt) except for French, Dutch and Polish, where babel asks for three letters after
// a hyphen and hyph-utf8 says two.
var languages = map[string]*language{
	// Knuth's plain TeX patterns, TeX's and LaTeX's default English, rather than hyph-en-us
	// (Kuiken's ushyphmax, a superset): English books hyphenate as they always have.
	"en-us": {tag: "en-us", file: "hyphen.tex", left: 2, right: 3},
	"en-gb": {tag: "en-gb", file: "hyph-en-gb", left: 2, right: 3},
	"de":    {tag: "de", file: "hyph-de-1996", left: 2, right: 2}, // reformed spelling, as babel's ngerman
	"fr":    {tag: "fr", file: "hyph-fr", left: 2, right: 3},
	"es":    {tag: "es", file: "hyph-es", left: 2, right: 2},
	"it":    {tag: "it", file: "hyph-it", left: 2, right: 2},
	"pt":    {tag: "pt", file: "hyph-pt", left: 2, right: 3},
	"nl":    {tag: "nl", file: "hyph-nl", left: 2, right: 3},
	"pl":    {tag: "pl", file: "hyph-pl", left: 2, right: 3},
	"ru":    {tag: "ru", file: "hyph-ru", left: 2, right: 2},
	"sv":    {tag: "sv", file: "hyph-sv", left: 2, right: 2},
}

// aliases send a tag to patterns other than its own or its language's. English without a region
// is American, as in TeX; babel gives Australian and New Zealand English the British patterns.
var aliases = map[string]string{
	"en":    "en-us",
	"en-au": "en-gb",
	"en-nz": "en-gb",
}

// Default returns the US English hyphenator, For("en-US").
func Default() *Hyphenator { return languages["en-us"].load() }

// For returns the hyphenator for a BCP 47 language tag, as book.toml's `[book] language` or a
// lang attribute gives it: "en", "en-US", "en_GB", "de-DE", "pt-BR", "sr-Latn-RS", in any case.
// Only the language and the region count: a region without patterns of its own falls back to
// its language ("de-AT" and "de-CH" to "de", "pt-BR" to "pt"), and "en" is "en-us". It returns
// false for a language without patterns; the caller then breaks without hyphens, and should
// say so once. Each language is loaded on first use, once; the hyphenators are shared and safe
// for concurrent use.
func For(tag string) (*Hyphenator, bool) {
	l := lookup(tag)
	if l == nil {
		return nil, false
	}
	return l.load(), true
}

// Languages returns the tags that have patterns of their own, sorted: the ones Lang returns.
func Languages() []string {
	var tags []string
	for t := range languages {
		tags = append(tags, t)
	}
	slices.Sort(tags)
	return tags
}

// lookup resolves a tag to its patterns, or nil.
func lookup(tag string) *language {
	for _, k := range keys(tag) {
		if a, ok := aliases[k]; ok {
			k = a
		}
		if l, ok := languages[k]; ok {
			return l
		}
	}
	return nil
}

// keys returns what to look a tag up by, most specific first: "pt_BR" gives "pt-br" and "pt";
// "sr-Latn-RS" gives "sr-rs" and "sr". A tag that does not begin with a language subtag (two or
// three letters) gives nothing, and so does one with characters no tag has.
func keys(tag string) []string {
	if len(tag) > 64 {
		return nil
	}
	subtags := strings.Split(strings.ToLower(strings.ReplaceAll(tag, "_", "-")), "-")
	for _, s := range subtags {
		if s == "" || len(s) > 8 || strings.Trim(s, "abcdefghijklmnopqrstuvwxyz0123456789") != "" {
			return nil
		}
	}
	lang, rest := subtags[0], subtags[1:]
	if len(lang) < 2 || len(lang) > 3 || !isAlpha(lang) {
		return nil
	}
	if len(rest) > 0 && len(rest[0]) == 3 && isAlpha(rest[0]) {
		rest = rest[1:] // an extended language subtag, as in zh-yue
	}
	if len(rest) > 0 && len(rest[0]) == 4 && isAlpha(rest[0]) {
		rest = rest[1:] // a script, as in sr-Latn
	}
	if len(rest) > 0 && (len(rest[0]) == 2 && isAlpha(rest[0]) || len(rest[0]) == 3 && strings.Trim(rest[0], "0123456789") == "") {
		return []string{lang + "-" + rest[0], lang}
	}
	return []string{lang}
}

func isAlpha(s string) bool { return strings.Trim(s, "abcdefghijklmnopqrstuvwxyz") == "" }

// load returns the language's hyphenator, compiling it on first use.
func (l *language) load() *Hyphenator {
	l.once.Do(func() {
		h, err := l.compile()
		if err != nil {
			// The files are embedded and covered by tests: failing here is a build defect.
			panic(fmt.Sprintf("hyphen: embedded patterns for %s: %v", l.tag, err))
		}
		l.h = h
	})
	return l.h
}

// compile reads and compiles the language's files, every time it is called.
func (l *language) compile() (*Hyphenator, error) {
	if strings.HasSuffix(l.file, ".tex") {
		tex, err := patternFS.ReadFile("patterns/" + l.file)
		if err != nil {
			return nil, err
		}
		h, err := New(string(tex))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", l.file, err)
		}
		h.tag, h.left, h.right = l.tag, l.left, l.right
		return h, nil
	}
	pat, err := patternFS.ReadFile("patterns/" + l.file + ".pat.txt")
	if err != nil {
		return nil, err
	}
	hyp, err := patternFS.ReadFile("patterns/" + l.file + ".hyp.txt")
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	h, err := compile(l.tag, string(pat), string(hyp), l.left, l.right)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", l.file, err)
	}
	return h, nil
}
