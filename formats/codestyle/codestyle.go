// Package codestyle is the colours bookc gives highlighted code: chroma's "tango" style, each colour
// darkened as far as WCAG's 4.5:1 contrast needs (contrast.go), and told apart by weight and slant
// as well as by colour, so that it still reads in the greys of e-ink. It reads its own copy of
// chroma's tango.xml (MIT licence: LICENSE-chroma) because chroma's styles package parses all of
// its seventy styles whenever a program that imports it starts, about 6 ms of every bookc command,
// to give the one style bookc uses.
package codestyle

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"

	"github.com/alecthomas/chroma/v2"
)

//go:embed tango.xml
var tango []byte

// Get returns the style, parsed and made accessible on first use.
var Get = sync.OnceValue(func() *chroma.Style {
	s, err := chroma.NewXMLStyle(bytes.NewReader(tango))
	if err == nil {
		s, err = accessible(s)
	}
	if err != nil {
		panic(fmt.Sprintf("codestyle: tango.xml: %v", err)) // compiled in: a programming error
	}
	return s
})

// Print returns the style in greys, for a book printed in black ink (book.toml's print = true):
// each colour becomes the grey of its luminance, so every token keeps its contrast on the page
// and the bold and italic that tell keywords and comments apart.
var Print = sync.OnceValue(func() *chroma.Style {
	s, err := greys(Get())
	if err != nil {
		panic(fmt.Sprintf("codestyle: greys: %v", err)) // the style is ours: a programming error
	}
	return s
})
