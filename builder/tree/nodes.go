package tree

import "bookc/builder/svg"

// Block is a block-level node. The set is closed: backends switch on the concrete types below.
type Block interface{ isBlock() }

// Inline is an inline node.
type Inline interface{ isInline() }

// Blocks and Inlines are node lists; their JSON form tags every node with its type.
type (
	Blocks  []Block
	Inlines []Inline
)

// Heading is a section heading inside a chapter. Level 1 is the chapter's own title level.
type Heading struct {
	At
	Level   int      `json:"level"`
	ID      string   `json:"id"` // unique in the book; the anchor cross-references name
	Classes []string `json:"classes,omitempty"`
	Content Inlines  `json:"content"`
}

// Paragraph is a run of inline content.
type Paragraph struct {
	At
	Content Inlines `json:"content"`
}

// At is where a block starts in the source, for messages about it: a file (relative to the
// book, as diagnostics name it) and its 1-based line; zero for blocks bookc made itself.
type At struct {
	File string `json:"-"`
	Line int    `json:"-"`
}

// List is a bullet or ordered list.
type List struct {
	Ordered bool        `json:"ordered,omitempty"`
	Start   int         `json:"start,omitempty"` // first number of an ordered list
	Tight   bool        `json:"tight,omitempty"` // items without blank lines between them
	Items   []*ListItem `json:"items"`
}

// Task is the check box of a task-list item.
type Task int

const (
	NoTask    Task = iota // an ordinary item
	Unchecked             // - [ ]
	Checked               // - [x]
)

// ListItem is one item of a list.
type ListItem struct {
	Task   Task   `json:"task,omitempty"`
	Blocks Blocks `json:"blocks"`
}

// CodeBlock is verbatim text, fenced or indented. Text ends without a trailing newline.
type CodeBlock struct {
	At
	Lang string `json:"lang,omitempty"` // "go", "sh", ...; empty when unknown
	Text string `json:"text"`
	// Tokens are the text split into lexed tokens whose Texts concatenate to exactly Text, so that
	// backends style code without lexing it again for each edition; nil when the language is unknown
	// or empty.
	Tokens []Token `json:"tokens,omitempty"`
}

// Token is a run of code of one lexical class.
type Token struct {
	// Class is chroma's short class name for the token's type, or for its nearest ancestor type that
	// has one: "k", "nx", "s2", "c1"; empty for plain text.
	Class string `json:"class,omitempty"`
	Text  string `json:"text"`
}

// Quote is a block quote.
type Quote struct {
	Blocks Blocks `json:"blocks"`
}

// AdmonitionKind is the kind of a GitHub-style alert.
type AdmonitionKind string

const (
	Note      AdmonitionKind = "note"
	Tip       AdmonitionKind = "tip"
	Important AdmonitionKind = "important"
	Warning   AdmonitionKind = "warning"
	Caution   AdmonitionKind = "caution"
)

// Label is the kind as a reader sees it: "Note", "Warning", ...
func (k AdmonitionKind) Label() string {
	if k == "" {
		return ""
	}
	return string(k[0]-'a'+'A') + string(k[1:])
}

// Admonition is a labelled aside (`> [!NOTE]`).
type Admonition struct {
	Kind   AdmonitionKind `json:"kind"`
	Blocks Blocks         `json:"blocks"`
}

// Align is a table column's alignment.
type Align int

const (
	AlignNone Align = iota
	AlignLeft
	AlignCenter
	AlignRight
)

// Table is a GFM table, or an HTML one. Every row has len(Align) cells. Cells hold inline content
// in Header and Rows, unless a cell of an HTML table holds blocks (paragraphs, lists, code): then
// every cell is in HeaderCells and BodyCells, as blocks, and Header and Rows are empty.
type Table struct {
	Align       []Align     `json:"align"`
	Header      []Inlines   `json:"header"`
	Rows        [][]Inlines `json:"rows"`
	HeaderCells []Blocks    `json:"header_cells,omitempty"`
	BodyCells   [][]Blocks  `json:"body_cells,omitempty"`
}

// HasBlockCells reports whether the table's cells are in HeaderCells and BodyCells.
func (t *Table) HasBlockCells() bool { return len(t.HeaderCells) > 0 || len(t.BodyCells) > 0 }

// ThematicBreak is a horizontal rule.
type ThematicBreak struct{}

// Figure is an image standing alone in its paragraph. Its caption is a <figcaption>, the image's
// title, or a paragraph after it that starts "Figure N"; never the alt text, which stays the image's.
type Figure struct {
	Image   *Image  `json:"image"`
	Caption Inlines `json:"caption,omitempty"`
}

// DefinitionList is a list of terms with their definitions.
type DefinitionList struct {
	Items []*Definition `json:"items"`
}

// Definition is one term and its definitions.
type Definition struct {
	Term        Inlines  `json:"term"`
	Definitions []Blocks `json:"definitions"`
}

// HTMLBlock is raw HTML from the source, kept as written. Backends that cannot show HTML keep its
// text (Text gives it, tags removed).
type HTMLBlock struct {
	HTML string `json:"html"`
	Text string `json:"text,omitempty"`
}

// Details is a labelled block that HTML shows folded (<details>); Summary is its label, empty when
// the source gave none.
type Details struct {
	Summary Inlines `json:"summary,omitempty"`
	Blocks  Blocks  `json:"blocks"`
}

// Anchor is a link target the source names with an HTML id (<a id>, <a name>, <span id>, <div id>):
// unique in the book, like a Heading.ID. It stands between blocks or inside inline content, so it is
// both a Block and an Inline, and shows nothing.
type Anchor struct {
	ID string `json:"id"`
}

// Only limits blocks to some roles. It exists between parsing and edition filtering only: the
// filter drops or unwraps every Only, so backends never see one.
type Only struct {
	Roles  []string `json:"roles"`
	Blocks Blocks   `json:"blocks"`
}

// Text is plain text. Soft line breaks of the source are spaces here.
type Text struct {
	Text string `json:"text"`
}

// Emphasis, Strong and Strikethrough wrap inline content.
type (
	Emphasis struct {
		Content Inlines `json:"content"`
	}
	Strong struct {
		Content Inlines `json:"content"`
	}
	Strikethrough struct {
		Content Inlines `json:"content"`
	}
)

// StyleKind is the meaning of Styled content.
type StyleKind string

const (
	Superscript StyleKind = "superscript" // <sup>
	Subscript   StyleKind = "subscript"   // <sub>
	Keyboard    StyleKind = "keyboard"    // <kbd>: keys to press
)

// Styled is inline content with a meaning of its own: raised, lowered, or keys.
type Styled struct {
	Kind    StyleKind `json:"kind"`
	Content Inlines   `json:"content"`
}

// Lang is inline content in a language or a direction of its own, as raw HTML's lang and dir
// attributes give them (<span lang="ja">, <bdi dir="rtl">). A block element's attributes
// (<p lang="he" dir="rtl">, <div lang="de">) reach the tree as a Lang around the whole content of
// each block inside it. Backends that know no languages show the content as it is.
type Lang struct {
	Lang    string  `json:"lang,omitempty"` // a BCP 47 tag: "ja", "pt-BR"; empty when only Dir is given
	Dir     string  `json:"dir,omitempty"`  // "ltr", "rtl" or "auto"; empty when only Lang is given
	Content Inlines `json:"content"`
}

// Code is inline code.
type Code struct {
	Text string `json:"text"`
}

// Link is a link to an external resource: a URL with a scheme, or a "mailto:" address.
type Link struct {
	URL     string  `json:"url"`
	Title   string  `json:"title,omitempty"`
	Content Inlines `json:"content"`
}

// XRef is a cross-reference inside the book: a chapter and, optionally, a heading's anchor in it.
// Every XRef a backend receives points at content its edition has; each backend turns it into its
// own link form.
type XRef struct {
	Chapter string  `json:"chapter"`          // a Chapter.ID
	Anchor  string  `json:"anchor,omitempty"` // a Heading.ID in that chapter; empty for the chapter itself
	Content Inlines `json:"content"`
}

// Image is an image. Asset is nil when the file is missing or remote; backends then show Alt.
type Image struct {
	Src   string `json:"src"` // as written in the source, for messages
	Alt   string `json:"alt,omitempty"`
	Title string `json:"title,omitempty"`
	File  string `json:"file,omitempty"` // where the reference is written, for messages:
	Line  int    `json:"line,omitempty"` // the chapter's source or a file it includes
	Width Width  `json:"width,omitzero"`
	Asset *Asset `json:"asset,omitempty"`
}

// Width is how wide the source asks an image to be (width="300", style="width: 50%"): CSS pixels,
// or a fraction of the text's width. The zero value asks nothing: the image's own size, fitted.
type Width struct {
	Px       float64 `json:"px,omitempty"`
	Fraction float64 `json:"fraction,omitempty"` // 0.5 for 50%
}

// Asset is an image file's content, read once by the builder.
type Asset struct {
	Name      string `json:"name"`       // unique in the book, a safe relative path: "images/cluster.png"
	MediaType string `json:"media_type"` // sniffed from the bytes, not the extension
	Width     int    `json:"width,omitempty"`
	Height    int    `json:"height,omitempty"` // pixels; an SVG's in CSS pixels
	Data      []byte `json:"-"`                // an SVG's made safe to package (svgclean)
	// Drawing is an SVG reduced to what a page draws, read once by the builder; nil for rasters.
	Drawing *svg.Drawing `json:"-"`
}

// FootnoteRef points at a Footnote of the same chapter.
type FootnoteRef struct {
	Number int    `json:"number"`
	ID     string `json:"id"` // the Footnote's ID
}

// LineBreak is a hard line break.
type LineBreak struct{}

// RawHTML is inline HTML from the source. Text is what remains without its tags.
type RawHTML struct {
	HTML string `json:"html"`
	Text string `json:"text,omitempty"`
}

func (*Heading) isBlock()        {}
func (*Paragraph) isBlock()      {}
func (*List) isBlock()           {}
func (*CodeBlock) isBlock()      {}
func (*Quote) isBlock()          {}
func (*Admonition) isBlock()     {}
func (*Table) isBlock()          {}
func (*ThematicBreak) isBlock()  {}
func (*Figure) isBlock()         {}
func (*DefinitionList) isBlock() {}
func (*HTMLBlock) isBlock()      {}
func (*Only) isBlock()           {}
func (*Details) isBlock()        {}
func (*Anchor) isBlock()         {}

func (*Text) isInline()          {}
func (*Emphasis) isInline()      {}
func (*Strong) isInline()        {}
func (*Strikethrough) isInline() {}
func (*Code) isInline()          {}
func (*Link) isInline()          {}
func (*XRef) isInline()          {}
func (*Image) isInline()         {}
func (*FootnoteRef) isInline()   {}
func (*LineBreak) isInline()     {}
func (*RawHTML) isInline()       {}
func (*Styled) isInline()        {}
func (*Lang) isInline()          {}
func (*Anchor) isInline()        {}

// At is where the image is referenced, for messages: its File and Line, or the chapter's source
// when the tree was built without them.
func (i *Image) At(chapterSource string) (string, int) {
	if i.File == "" {
		return chapterSource, 0
	}
	return i.File, i.Line
}
