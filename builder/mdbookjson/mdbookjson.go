// Package mdbookjson reads and writes the JSON that mdBook hands its renderers (a render context)
// and its preprocessors (a context and a book, and the book back), in mdBook 0.4's shape and 0.5's,
// as one form that knows no version.
package mdbookjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"strconv"
	"strings"
)

// Book is mdBook's book: its items in reading order.
type Book struct {
	Items []Item
}

// Item is one entry of a book or of a chapter's sub-items: a chapter, a separator or a part title.
// Exactly one of Chapter, Separator and PartTitle is set.
type Item struct {
	Chapter   *Chapter
	Separator bool
	PartTitle *string
}

// Chapter is one chapter as mdBook passes it on: after mdBook's own preprocessors (includes
// expanded) and the book's.
type Chapter struct {
	Name    string
	Content string
	Number  []int // nil for prefix, suffix and unnumbered chapters
	// Path is the chapter's place relative to the source folder, slash-separated; "" for a draft.
	// mdBook's index preprocessor renames README.md to index.md here.
	Path string
	// SourcePath is the file it was read from, relative to the source folder, as SUMMARY.md names
	// it; "" for a draft or a chapter a preprocessor made.
	SourcePath string
	SubItems   []Item
}

// Draft reports whether the chapter has no file: SUMMARY.md's `- [Title]()`.
func (c *Chapter) Draft() bool { return c.Path == "" }

// File is the chapter's file relative to the source folder: its source path, else its path.
func (c *Chapter) File() string {
	if c.SourcePath != "" {
		return c.SourcePath
	}
	return c.Path
}

// Shape is a version of mdBook's JSON.
type Shape int

const (
	// V04 is mdBook 0.4's: the book's items under "sections", with "__non_exhaustive": null.
	V04 Shape = iota
	// V05 is mdBook 0.5's and later: the items under "items".
	V05
)

func (s Shape) String() string {
	if s == V04 {
		return "mdBook 0.4"
	}
	return "mdBook 0.5"
}

// ShapeOf returns the shape an mdBook version ("0.4.40", "v0.5.0-beta.1") writes: 0.4 and
// earlier write V04, anything later V05. An unreadable version is taken as the latest.
func ShapeOf(version string) Shape {
	v := strings.TrimPrefix(strings.TrimSpace(version), "v")
	major, rest, _ := strings.Cut(v, ".")
	minor, _, _ := strings.Cut(rest, ".")
	ma, err1 := strconv.Atoi(major)
	mi, err2 := strconv.Atoi(minor)
	if err1 != nil || err2 != nil {
		return V05
	}
	if ma == 0 && mi <= 4 {
		return V04
	}
	return V05
}

// MaxDepth bounds the nesting of chapters, as SUMMARY.md's parser bounds it: every later step
// walks the chapters recursively.
const MaxDepth = 100

// RenderContext is what mdBook writes to a renderer's standard input.
type RenderContext struct {
	Version     string         // mdBook's version, "0.4.40"
	Root        string         // the book's folder, absolute
	Destination string         // where the renderer's output goes
	Config      map[string]any // book.toml as mdBook read it, with its defaults and overrides
	Book        *Book
}

// Shape is the shape of the JSON the context came in.
func (rc *RenderContext) Shape() Shape { return ShapeOf(rc.Version) }

type renderContext struct {
	Version     string          `json:"version"`
	Root        string          `json:"root"`
	Book        json.RawMessage `json:"book"`
	Config      map[string]any  `json:"config"`
	Destination string          `json:"destination"`
}

// DecodeRenderContext reads a render context of either shape.
func DecodeRenderContext(data []byte) (*RenderContext, error) {
	var rc renderContext
	if err := strictDecode(data, &rc); err != nil {
		return nil, fmt.Errorf("the render context is not mdBook's JSON: %w", err)
	}
	if rc.Root == "" {
		return nil, errors.New(`the render context has no "root": it does not come from mdBook`)
	}
	if rc.Book == nil {
		return nil, errors.New(`the render context has no "book": it does not come from mdBook`)
	}
	b, err := DecodeBook(rc.Book, ShapeOf(rc.Version))
	if err != nil {
		return nil, err
	}
	return &RenderContext{Version: rc.Version, Root: rc.Root, Destination: rc.Destination, Config: rc.Config, Book: b}, nil
}

// strictDecode decodes one JSON value and refuses anything after it.
func strictDecode(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err == nil {
		return errors.New("more JSON follows the value")
	}
	return nil
}

type book struct {
	Sections *[]item `json:"sections"`
	Items    *[]item `json:"items"`
}

// DecodeBook reads a book of either shape. When it has both "items" and "sections", prefer says
// which to take.
func DecodeBook(data []byte, prefer Shape) (*Book, error) {
	var b book
	if err := strictDecode(data, &b); err != nil {
		return nil, fmt.Errorf("the book is not mdBook's JSON: %w", err)
	}
	var items *[]item
	switch {
	case b.Items != nil && (b.Sections == nil || prefer == V05):
		items = b.Items
	case b.Sections != nil:
		items = b.Sections
	default:
		return nil, errors.New(`the book has neither "items" (mdBook 0.5) nor "sections" (mdBook 0.4)`)
	}
	out := &Book{}
	var err error
	if out.Items, err = convert(*items, "book", 1); err != nil {
		return nil, err
	}
	return out, nil
}

// item is an item as serde writes an enum: {"Chapter": {...}}, "Separator", {"PartTitle": "..."}.
type item struct {
	Chapter   *chapter `json:"Chapter"`
	PartTitle *string  `json:"PartTitle"`
	separator bool
}

func (it *item) UnmarshalJSON(data []byte) error {
	if bytes.Equal(bytes.TrimSpace(data), []byte(`"Separator"`)) {
		it.separator = true
		return nil
	}
	type plain item
	var p plain
	if err := json.Unmarshal(data, &p); err != nil {
		return err
	}
	*it = item(p)
	return nil
}

type chapter struct {
	Name       string   `json:"name"`
	Content    string   `json:"content"`
	Number     []int64  `json:"number"`
	SubItems   []item   `json:"sub_items"`
	Path       *string  `json:"path"`
	SourcePath *string  `json:"source_path"`
	Parents    []string `json:"parent_names"`
}

func convert(in []item, where string, depth int) ([]Item, error) {
	if depth > MaxDepth {
		return nil, fmt.Errorf("%s: chapters nest deeper than %d levels", where, MaxDepth)
	}
	out := make([]Item, 0, len(in))
	for i, it := range in {
		at := fmt.Sprintf("%s[%d]", where, i)
		switch {
		case it.separator:
			out = append(out, Item{Separator: true})
		case it.PartTitle != nil && it.Chapter == nil:
			out = append(out, Item{PartTitle: it.PartTitle})
		case it.Chapter != nil && it.PartTitle == nil:
			c := it.Chapter
			ch := &Chapter{Name: c.Name, Content: c.Content, Path: cleanPath(c.Path), SourcePath: cleanPath(c.SourcePath)}
			if c.Number != nil {
				ch.Number = make([]int, len(c.Number))
				for k, n := range c.Number {
					if n < 0 || n > 1<<31 {
						return nil, fmt.Errorf("%s: chapter %q has the number %d, which is no section number", at, c.Name, n)
					}
					ch.Number[k] = int(n)
				}
			}
			var err error
			if ch.SubItems, err = convert(c.SubItems, at+".sub_items", depth+1); err != nil {
				return nil, err
			}
			out = append(out, Item{Chapter: ch})
		default:
			return nil, fmt.Errorf(`%s: an item is {"Chapter": ...}, "Separator" or {"PartTitle": ...}`, at)
		}
	}
	return out, nil
}

// cleanPath makes a chapter's path slash-separated and clean; mdBook on Windows writes '\'.
func cleanPath(p *string) string {
	if p == nil || *p == "" {
		return ""
	}
	return path.Clean(strings.ReplaceAll(*p, `\`, "/"))
}

// PreprocessorContext is the first half of what a preprocessor reads.
type PreprocessorContext struct {
	Root          string         `json:"root"`
	Config        map[string]any `json:"config"`
	Renderer      string         `json:"renderer"`
	MdbookVersion string         `json:"mdbook_version"`
}

// EncodePreprocessorInput writes the [context, book] pair a preprocessor reads on its standard
// input, the book in the shape of ctx.MdbookVersion.
func EncodePreprocessorInput(ctx *PreprocessorContext, b *Book) ([]byte, error) {
	bk, err := EncodeBook(b, ShapeOf(ctx.MdbookVersion))
	if err != nil {
		return nil, err
	}
	c, err := marshal(ctx)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.Grow(len(c) + len(bk) + 3)
	buf.WriteByte('[')
	buf.Write(c)
	buf.WriteByte(',')
	buf.Write(bk)
	buf.WriteByte(']')
	return buf.Bytes(), nil
}

// EncodeBook writes a book in the given shape, with each chapter's parent_names.
func EncodeBook(b *Book, shape Shape) ([]byte, error) {
	items := encodeItems(b.Items, []string{})
	if shape == V04 {
		return marshal(struct {
			Sections      []any     `json:"sections"`
			NonExhaustive *struct{} `json:"__non_exhaustive"` // serde's unit: null, which 0.4 requires
		}{Sections: items})
	}
	return marshal(struct {
		Items []any `json:"items"`
	}{Items: items})
}

type chapterOut struct {
	Name       string   `json:"name"`
	Content    string   `json:"content"`
	Number     []int    `json:"number"`
	SubItems   []any    `json:"sub_items"`
	Path       *string  `json:"path"`
	SourcePath *string  `json:"source_path"`
	Parents    []string `json:"parent_names"`
}

func encodeItems(items []Item, parents []string) []any {
	out := make([]any, 0, len(items))
	for _, it := range items {
		switch {
		case it.Chapter != nil:
			c := it.Chapter
			sub := append(append([]string(nil), parents...), c.Name)
			out = append(out, map[string]any{"Chapter": chapterOut{
				Name: c.Name, Content: c.Content, Number: c.Number, SubItems: encodeItems(c.SubItems, sub),
				Path: optional(c.Path), SourcePath: optional(c.SourcePath), Parents: parents,
			}})
		case it.PartTitle != nil:
			out = append(out, map[string]any{"PartTitle": *it.PartTitle})
		default:
			out = append(out, "Separator")
		}
	}
	return out
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// marshal writes JSON as serde_json does: no escaping of <, > and & in the chapters' HTML.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// Chapters calls f for every chapter, depth first in reading order.
func (b *Book) Chapters(f func(*Chapter)) {
	var walk func([]Item)
	walk = func(items []Item) {
		for _, it := range items {
			if it.Chapter != nil {
				f(it.Chapter)
				walk(it.Chapter.SubItems)
			}
		}
	}
	walk(b.Items)
}
