package main

import (
	_ "embed"
	"fmt"
	"path"
	"strings"

	"bookc/builder/tree"
)

// typstScript compiles a Typst file to PDF with typst.ts's Node binding, cold, as a command
// would; with an edit, it then changes one paragraph and compiles again in the same compiler,
// which is Typst's incremental re-export. It prints the compile times it measured itself.
//
//go:embed typst.js
var typstScript string

// typstOf writes the book as a Typst document set as bookc sets it: A4, the same faces and sizes,
// justified, numbered headings, a contents, chapters on new pages, code highlighted by Typst,
// images from the book's folder (the workspace: paths start at its root). It is a benchmark's
// input, not a format of bookc's: what Typst has no markup for becomes its text.
// label is the book's folder as chapters' sources name it.
func typstOf(b *tree.Book, label string) string {
	w := &typstWriter{label: label}
	fmt.Fprintf(&w.b, "#set document(title: %s)\n", typstString(b.Title))
	fmt.Fprintf(&w.b, "#set page(paper: \"a4\", numbering: \"1\")\n#set text(font: \"Noto Serif\", size: 10.5pt, lang: %s)\n", typstString(cmpOr(b.Language, "en")))
	w.b.WriteString("#set par(justify: true)\n#set heading(numbering: \"1.1\")\n#show raw: set text(font: \"JetBrains Mono\")\n")
	w.b.WriteString("#show heading.where(level: 1): it => { pagebreak(weak: true); it }\n")
	fmt.Fprintf(&w.b, "#align(center)[#text(size: 24pt)[*%s*]]\n#pagebreak()\n#outline(depth: 2)\n\n", typstText(b.Title))
	var chapters func(cs []*tree.Chapter, depth int)
	chapters = func(cs []*tree.Chapter, depth int) {
		for _, c := range cs {
			if !c.Draft {
				w.chapter = c
				w.depth = depth
				w.blocks(c.Blocks, "")
			}
			chapters(c.Children, depth+1)
		}
	}
	for _, p := range b.Parts {
		chapters(p.Chapters, 0)
	}
	return w.b.String()
}

func cmpOr(s, or string) string {
	if s == "" {
		return or
	}
	return s
}

type typstWriter struct {
	b       strings.Builder
	label   string
	chapter *tree.Chapter
	depth   int // the chapter's: a sub-chapter's headings go one level down
}

// blocks writes blocks, each line after the first indented by indent (a list item's).
func (w *typstWriter) blocks(bs tree.Blocks, indent string) {
	for _, b := range bs {
		w.block(b, indent)
		w.b.WriteString("\n" + indent)
	}
}

func (w *typstWriter) block(b tree.Block, indent string) {
	switch b := b.(type) {
	case *tree.Heading:
		fmt.Fprintf(&w.b, "%s %s\n", strings.Repeat("=", min(b.Level+w.depth, 6)), w.inlines(b.Content))
	case *tree.Paragraph:
		w.b.WriteString(w.inlines(b.Content) + "\n")
	case *tree.List:
		for i, it := range b.Items {
			marker := "- "
			if b.Ordered {
				marker = fmt.Sprintf("%d. ", b.Start+i)
			}
			w.b.WriteString(marker)
			w.blocks(it.Blocks, indent+strings.Repeat(" ", len(marker)))
		}
	case *tree.CodeBlock:
		fence := "```"
		for strings.Contains(b.Text, fence) {
			fence += "`"
		}
		fmt.Fprintf(&w.b, "%s%s\n%s\n%s\n", fence, b.Lang, strings.TrimSuffix(b.Text, "\n"), fence)
	case *tree.Quote:
		w.b.WriteString("#quote(block: true)[\n")
		w.blocks(b.Blocks, indent)
		w.b.WriteString("]\n")
	case *tree.Admonition:
		fmt.Fprintf(&w.b, "#block(fill: luma(240), inset: 8pt, width: 100%%)[*%s*\n\n", b.Kind.Label())
		w.blocks(b.Blocks, indent)
		w.b.WriteString("]\n")
	case *tree.Details:
		fmt.Fprintf(&w.b, "*%s*\n\n", w.inlines(b.Summary))
		w.blocks(b.Blocks, indent)
	case *tree.Only:
		w.blocks(b.Blocks, indent)
	case *tree.Table:
		cols := max(len(b.Header), len(b.Align))
		fmt.Fprintf(&w.b, "#table(columns: %d,\n", cols)
		for _, c := range b.Header {
			fmt.Fprintf(&w.b, "  [*%s*],\n", w.inlines(c))
		}
		for _, r := range b.Rows {
			for i := range cols {
				cell := ""
				if i < len(r) {
					cell = w.inlines(r[i])
				}
				fmt.Fprintf(&w.b, "  [%s],\n", cell)
			}
		}
		w.b.WriteString(")\n")
	case *tree.ThematicBreak:
		w.b.WriteString("#line(length: 100%)\n")
	case *tree.Figure:
		fmt.Fprintf(&w.b, "#figure(%s, caption: [%s])\n", w.image(b.Image), w.inlines(b.Caption))
	case *tree.DefinitionList:
		for _, d := range b.Items {
			fmt.Fprintf(&w.b, "/ %s: ", w.inlines(d.Term))
			for _, bs := range d.Definitions {
				w.blocks(bs, indent+"  ")
			}
		}
	case *tree.HTMLBlock:
		w.b.WriteString(typstText(b.Text) + "\n")
	}
}

// image is an image's call, its path from the book's folder, which is Typst's workspace.
func (w *typstWriter) image(im *tree.Image) string {
	if im == nil || im.Asset == nil {
		return "[]"
	}
	dir := strings.TrimPrefix(path.Dir(w.chapter.Source), w.label)
	return fmt.Sprintf("image(%s, width: 80%%)", typstString(path.Join("/", dir, im.Src)))
}

func (w *typstWriter) inlines(is tree.Inlines) string {
	var b strings.Builder
	for _, in := range is {
		switch in := in.(type) {
		case *tree.Text:
			b.WriteString(typstText(in.Text))
		case *tree.Emphasis:
			fmt.Fprintf(&b, "#emph[%s]", w.inlines(in.Content))
		case *tree.Strong:
			fmt.Fprintf(&b, "#strong[%s]", w.inlines(in.Content))
		case *tree.Strikethrough:
			fmt.Fprintf(&b, "#strike[%s]", w.inlines(in.Content))
		case *tree.Styled:
			switch in.Kind {
			case tree.Superscript:
				fmt.Fprintf(&b, "#super[%s]", w.inlines(in.Content))
			case tree.Subscript:
				fmt.Fprintf(&b, "#sub[%s]", w.inlines(in.Content))
			default:
				b.WriteString(w.inlines(in.Content))
			}
		case *tree.Lang:
			b.WriteString(w.inlines(in.Content))
		case *tree.Code:
			fmt.Fprintf(&b, "#raw(%s)", typstString(in.Text))
		case *tree.Link:
			fmt.Fprintf(&b, "#link(%s)[%s]", typstString(in.URL), w.inlines(in.Content))
		case *tree.XRef:
			b.WriteString(w.inlines(in.Content))
		case *tree.Image:
			fmt.Fprintf(&b, "#box(%s)", w.image(in))
		case *tree.FootnoteRef:
			for _, f := range w.chapter.Footnotes {
				if f.ID == in.ID {
					fw := typstWriter{label: w.label, chapter: w.chapter}
					for _, blk := range f.Blocks {
						if p, ok := blk.(*tree.Paragraph); ok {
							fw.b.WriteString(fw.inlines(p.Content) + " ")
						}
					}
					fmt.Fprintf(&b, "#footnote[%s]", strings.TrimSpace(fw.b.String()))
				}
			}
		case *tree.LineBreak:
			b.WriteString(" \\\n")
		case *tree.RawHTML:
			b.WriteString(typstText(in.Text))
		}
	}
	return b.String()
}

// typstText escapes text for Typst's markup: every character that markup gives a meaning to is
// escaped, and line ends become spaces (a paragraph is one line).
func typstText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case strings.ContainsRune("\\*_`#$<>@[]~/=-+'\"", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n' || r == '\r':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// typstString is a Typst string literal.
func typstString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`).Replace(s) + `"`
}
