// Package golexers holds the few of chroma's lexers that chroma writes in Go and cannot serialise
// (a delegating lexer, a mutator of its own), copied from chroma by ../longtail/gen.go. Each is made
// when first asked for, not at start-up; the lexers they delegate to by name come from Lookup.
package golexers

import (
	"embed"
	"sync"

	"github.com/alecthomas/chroma/v2"
)

//go:embed embedded
var embedded embed.FS

// Lookup and LookupMime find the lexers that these delegate to by name and by MIME type: package
// longtail sets them.
var Lookup, LookupMime func(string) chroma.Lexer

// New makes the lexer of that name anew, or gives nil.
func New(name string) chroma.Lexer {
	if f, ok := constructors[name]; ok {
		return f()
	}
	return nil
}

// Get, MatchMimeType and HTML are what the copied files use of chroma's lexers package.
func Get(name string) chroma.Lexer { return Lookup(name) }

func MatchMimeType(mime string) chroma.Lexer { return LookupMime(mime) }

var HTML chroma.Lexer = &lookedUp{lazyLexer{make: sync.OnceValue(func() chroma.Lexer { return Lookup("html") })}}

// lookedUp is a lexer of package longtail, found on first use: it has a registry of its own, which
// a delegating lexer that is given a registry must not replace.
type lookedUp struct{ lazyLexer }

func (l *lookedUp) SetRegistry(*chroma.LexerRegistry) chroma.Lexer { return l }

// lazy is a lexer made on the first call of any of its methods.
func lazy(f func() chroma.Lexer) chroma.Lexer { return &lazyLexer{make: sync.OnceValue(f)} }

type lazyLexer struct{ make func() chroma.Lexer }

func (l *lazyLexer) Config() *chroma.Config { return l.make().Config() }

func (l *lazyLexer) Tokenise(o *chroma.TokeniseOptions, text string) (chroma.Iterator, error) {
	return l.make().Tokenise(o, text)
}

func (l *lazyLexer) SetRegistry(r *chroma.LexerRegistry) chroma.Lexer {
	l.make().SetRegistry(r)
	return l
}

func (l *lazyLexer) SetAnalyser(a func(string) float32) chroma.Lexer {
	l.make().SetAnalyser(a)
	return l
}

func (l *lazyLexer) AnalyseText(text string) float32 { return l.make().AnalyseText(text) }
