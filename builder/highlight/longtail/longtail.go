// Package longtail gives chroma's lexers one at a time, for the languages that package highlight
// does not lex itself. Importing chroma's lexers package parses every lexer's XML at start-up
// (15 ms of every command); this package embeds the same XML, zipped, with a generated table of
// names, and reads a lexer's XML only when it is first asked for. The few lexers that chroma
// writes in Go come from package golexers, made as lazily.
package longtail

//go:generate go run gen.go

import (
	"archive/zip"
	"bytes"
	_ "embed"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"

	"bookc/builder/highlight/golexers"
)

//go:embed lexers.zip
var lexersZip []byte

type entry struct {
	name, file                string
	native                    bool // in package golexers, not in the zip
	priority                  float32
	aliases                   []string
	filenames, aliasFilenames []string
	mimeTypes                 []string
	using                     []string // lexers its rules delegate to by name
	anyLexer                  bool     // it delegates to a lexer named by the text (markdown's fences)
}

var (
	archive = sync.OnceValue(func() *zip.Reader {
		r, err := zip.NewReader(bytes.NewReader(lexersZip), int64(len(lexersZip)))
		if err != nil {
			panic("longtail: lexers.zip: " + err.Error())
		}
		return r
	})
	byName = sync.OnceValue(func() map[string]int {
		m := make(map[string]int, 3*len(index))
		for i := len(index) - 1; i >= 0; i-- { // the first entry wins, as it does in chroma's registry
			m[strings.ToLower(index[i].name)] = i
			for _, a := range index[i].aliases {
				m[strings.ToLower(a)] = i
			}
		}
		return m
	})
	// a lexer's slot is filled once, when it is first asked for; a lexer of package golexers may
	// ask for another while it is made
	slots = sync.OnceValue(func() []slot { return make([]slot, len(index)) })
)

type slot struct {
	once sync.Once
	lx   chroma.Lexer
}

func init() {
	golexers.Lookup, golexers.LookupMime = Get, MatchMimeType
}

// Get is the lexer that chroma's lexers.Get gives for name (a name, alias or file extension), or
// nil. The lexer and those it delegates to are read on the first call for them.
func Get(name string) chroma.Lexer {
	i, ok := lookup(name)
	if !ok {
		return nil
	}
	s := &slots()[i]
	s.once.Do(func() { s.lx = load(i) })
	return s.lx
}

// MatchMimeType is the lexer that chroma's lexers.MatchMimeType gives for a MIME type, or nil.
func MatchMimeType(mime string) chroma.Lexer {
	for _, e := range index {
		if slices.Contains(e.mimeTypes, mime) {
			return Get(e.name)
		}
	}
	return nil
}

// Known reports whether Get gives a lexer for name, without reading it.
func Known(name string) bool {
	_, ok := lookup(name)
	return ok
}

func lookup(name string) (int, bool) {
	if i, ok := byName()[strings.ToLower(name)]; ok {
		return i, true
	}
	// as chroma's registry: the extension, then the file name, each by priority
	var found []int
	for _, fn := range []string{"filename." + name, name} {
		if i, ok := match(fn); ok {
			found = append(found, i)
		}
	}
	if len(found) == 0 {
		return 0, false
	}
	sort.SliceStable(found, func(a, b int) bool { return prio(found[a]) > prio(found[b]) })
	return found[0], true
}

func prio(i int) float32 {
	if p := index[i].priority; p != 0 {
		return p
	}
	return 1
}

// ignoredSuffixes are the backup suffixes that chroma's registry ignores in a file name.
var ignoredSuffixes = [...]string{"~", ".bak", ".old", ".orig", ".dpkg-dist", ".dpkg-old", ".ucf-dist", ".ucf-new", ".ucf-old", ".rpmnew", ".rpmorig", ".rpmsave", ".in"}

func match(filename string) (int, bool) {
	filename = filepath.Base(filename)
	for _, aliases := range []bool{false, true} {
		var found []int
		for i, e := range index {
			globs := e.filenames
			if aliases {
				globs = e.aliasFilenames
			}
			for _, g := range globs {
				if globMatch(g, filename) {
					found = append(found, i)
				}
			}
		}
		if len(found) > 0 {
			sort.SliceStable(found, func(a, b int) bool { return prio(found[a]) > prio(found[b]) })
			return found[0], true
		}
	}
	return 0, false
}

func globMatch(glob, name string) bool {
	if ok, _ := filepath.Match(glob, name); ok {
		return true
	}
	for _, suf := range ignoredSuffixes {
		if ok, _ := filepath.Match(glob+suf, name); ok {
			return true
		}
	}
	return false
}

// load reads lexer i and those it delegates to into a registry of their own, made whole before
// the lexer is used: chroma's registry has no lock, and a nested lexer is looked up in it while
// text is lexed. A lexer that delegates to any language by name gets every lexer.
func load(i int) chroma.Lexer {
	reg := chroma.NewLexerRegistry()
	var top chroma.Lexer
	seen := map[int]bool{}
	var add func(int)
	add = func(i int) {
		if seen[i] {
			return
		}
		seen[i] = true
		var lx chroma.Lexer
		if index[i].native {
			lx = golexers.New(index[i].name)
		} else {
			var err error
			if lx, err = chroma.NewXMLLexer(archive(), index[i].file); err != nil {
				panic("longtail: " + err.Error()) // the generated zip is broken
			}
		}
		reg.Register(lx)
		if top == nil {
			top = lx
		}
		for _, u := range index[i].using {
			if j, ok := lookup(u); ok {
				add(j)
			}
		}
	}
	add(i)
	if index[i].anyLexer {
		for j := range index {
			add(j)
		}
	}
	return top
}
