// Package summary parses mdBook's SUMMARY.md: the book's title, prefix chapters, part titles,
// numbered chapters nested up to 100 levels deep, separators, draft chapters and suffix chapters.
package summary

import (
	"net/url"
	"path"
	"regexp"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"bookc/builder/diag"
)

// Summary is the book's outline as SUMMARY.md lists it.
type Summary struct {
	Title  string
	Prefix []*Entry
	Parts  []*Part // numbered chapters, in parts; the first part is untitled unless a part title leads
	Suffix []*Entry
}

// Part is a run of numbered chapters under an optional part title.
type Part struct {
	Title   string
	Line    int
	Entries []*Entry
}

// Entry is one listed chapter.
type Entry struct {
	Title    string
	Path     string // relative to the source folder, slash-separated; empty for a draft
	Line     int
	Number   []int // nil for prefix and suffix chapters
	Children []*Entry
}

// Draft reports whether the entry has no file: mdBook's `- [Title]()`.
func (e *Entry) Draft() bool { return e.Path == "" }

// The lines of SUMMARY.md, compiled when first used, not at every command's start.
var (
	itemRE      = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^([ \t]*)[-*+][ \t]+(.*)$`) })
	headingRE   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^#{1,6}[ \t]+(.*?)[ \t#]*$`) })
	separatorRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^[ \t]*(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	})
)

type parser struct {
	file  string
	s     *Summary
	diags diag.List
	// numbered chapters: stack of (indent, entry) for nesting
	stack    []level
	numbered bool // a numbered chapter or part title has been seen
	sawAny   bool // anything besides the title has been seen
}

type level struct {
	indent int
	entry  *Entry
}

// maxDepth bounds the nesting of numbered chapters. Every chapter's number is as long as its depth,
// and the outline is walked recursively from here to the backends; no book needs more.
const maxDepth = 100

// Parse reads SUMMARY.md. file is its name for diagnostics ("src/SUMMARY.md"). It never fails:
// what it cannot use it reports and skips, as mdBook's users expect a book to build anyway.
func Parse(file string, data []byte) (*Summary, diag.List) {
	p := &parser{file: file, s: &Summary{}}
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	inComment := false
	for i, raw := range lines {
		n := i + 1
		line := strings.TrimRight(raw, " \t")
		if inComment {
			if strings.Contains(line, "-->") {
				inComment = false
			}
			continue
		}
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "<!--") {
			inComment = !strings.Contains(trimmed, "-->")
			continue
		}
		switch {
		case trimmed == "":
		case separatorRE().MatchString(line):
			p.sawAny = true // separators only draw a line in mdBook's HTML sidebar
		case headingRE().MatchString(trimmed) && strings.HasPrefix(line, "#"):
			p.heading(n, headingRE().FindStringSubmatch(trimmed)[1])
		case itemRE().MatchString(line):
			m := itemRE().FindStringSubmatch(line)
			p.item(n, indentWidth(m[1]), m[2])
		case strings.HasPrefix(trimmed, "[") || strings.Contains(trimmed, "]("):
			p.affix(n, trimmed)
		default:
			p.diags.Add(diag.Warnf(file, n, "SUMMARY.md line is not a chapter link, part title or separator; it is ignored (write `- [Title](file.md)`)"))
		}
	}
	p.number()
	return p.s, p.diags
}

func indentWidth(s string) int {
	w := 0
	for _, r := range s {
		if r == '\t' {
			w += 4 - w%4
		} else {
			w++
		}
	}
	return w
}

func (p *parser) heading(n int, text string) {
	if !p.sawAny && p.s.Title == "" && !p.numbered {
		p.s.Title = text
		return
	}
	p.sawAny = true
	if len(p.s.Suffix) > 0 {
		p.diags.Add(diag.Errorf(p.file, n, "part title %q after suffix chapters; move it before them", text))
		return
	}
	p.numbered = true
	p.s.Parts = append(p.s.Parts, &Part{Title: text, Line: n})
	p.stack = nil
}

func (p *parser) item(n, indent int, rest string) {
	p.sawAny = true
	// mdBook's parse_nested_item takes the item's first link and parse_nested_numbered skips
	// what follows it: `- [Title](file.md) trailing words` is the chapter Title.
	title, target, _, ok := splitLink(rest)
	if !ok {
		p.diags.Add(diag.Errorf(p.file, n, "cannot read a chapter link in %q; write `- [Title](file.md)`, or `- [Title]()` for a draft", rest))
		return
	}
	e, ok := p.link(n, title, target)
	if !ok {
		return
	}
	if len(p.s.Suffix) > 0 {
		p.diags.Add(diag.Errorf(p.file, n, "numbered chapter %q after suffix chapters; suffix chapters must come last", e.Title))
		return
	}
	p.numbered = true
	if len(p.s.Parts) == 0 {
		p.s.Parts = append(p.s.Parts, &Part{Line: n})
	}
	part := p.s.Parts[len(p.s.Parts)-1]
	for len(p.stack) > 0 && p.stack[len(p.stack)-1].indent >= indent {
		p.stack = p.stack[:len(p.stack)-1]
	}
	if len(p.stack) == maxDepth {
		p.diags.Add(diag.Errorf(p.file, n, "chapter %q is nested deeper than %d levels; it is listed at level %d, after %q (indent it less)",
			e.Title, maxDepth, maxDepth, p.stack[maxDepth-1].entry.Title))
		p.stack = p.stack[:maxDepth-1] // a sibling of the chapter at the deepest level
	}
	if len(p.stack) == 0 {
		if len(part.Entries) == 0 && indent > 0 {
			p.diags.Add(diag.Warnf(p.file, n, "chapter %q is indented but has no parent chapter; it is taken as a top-level chapter", e.Title))
		}
		part.Entries = append(part.Entries, e)
	} else {
		parent := p.stack[len(p.stack)-1].entry
		parent.Children = append(parent.Children, e)
	}
	p.stack = append(p.stack, level{indent, e})
}

// affix reads prefix or suffix chapters: as mdBook's parse_affix, every link of the line is one,
// and the words around them are skipped.
func (p *parser) affix(n int, text string) {
	p.sawAny = true
	found := false
	for rest := text; ; {
		i := strings.IndexByte(rest, '[')
		if i < 0 {
			break
		}
		title, target, after, ok := splitLink(rest[i:])
		if !ok {
			rest = rest[i+1:]
			continue
		}
		found, rest = true, after
		if e, ok := p.link(n, title, target); ok && p.numbered {
			p.s.Suffix = append(p.s.Suffix, e)
		} else if ok {
			p.s.Prefix = append(p.s.Prefix, e)
		}
	}
	if !found {
		p.diags.Add(diag.Errorf(p.file, n, "cannot read a chapter link in %q; write `[Title](file.md)`, or `[Title]()` for a draft", text))
	}
}

// link makes the entry of a chapter link's title and target.
func (p *parser) link(n int, title, target string) (*Entry, bool) {
	e := &Entry{Title: title, Line: n}
	if target == "" {
		return e, true
	}
	if i := strings.IndexByte(target, '#'); i >= 0 {
		target = target[:i]
	}
	if u, err := url.PathUnescape(target); err == nil {
		target = u
	}
	if strings.Contains(target, "://") || path.IsAbs(target) || strings.HasPrefix(target, "../") {
		p.diags.Add(diag.Errorf(p.file, n, "chapter %q links to %q: chapters must be files inside the source folder", title, target))
		return nil, false
	}
	clean := path.Clean(target)
	if strings.HasSuffix(target, "/") || path.Ext(clean) != ".md" {
		p.diags.Add(diag.Errorf(p.file, n, "chapter %q links to %q, which is not a Markdown file; link the chapter's .md file (a folder's page is usually its README.md)", title, target))
		return nil, false
	}
	e.Path = clean
	return e, true
}

// splitLink splits "[title](target) rest", honouring nested and escaped brackets in the title.
func splitLink(s string) (title, target, rest string, ok bool) {
	if !strings.HasPrefix(s, "[") {
		return "", "", "", false
	}
	depth, i := 0, 0
	for i = 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
			continue
		case '[':
			depth++
		case ']':
			depth--
		}
		if depth == 0 {
			break
		}
	}
	if i >= len(s)-1 || s[i+1] != '(' {
		return "", "", "", false
	}
	end := strings.IndexByte(s[i+2:], ')')
	if end < 0 {
		return "", "", "", false
	}
	target = strings.TrimSpace(s[i+2 : i+2+end])
	if strings.HasPrefix(target, "<") && strings.HasSuffix(target, ">") {
		target = target[1 : len(target)-1]
	} else if j := strings.IndexAny(target, " \t"); j >= 0 {
		target = target[:j] // a link title follows: `[T](file.md "title")`
	}
	return cleanTitle(s[1:i]), target, s[i+3+end:], true
}

// titleParser reads chapter titles; a goldmark parser serves any number of parses at once.
var titleParser = goldmark.DefaultParser()

// cleanTitle turns a link text into plain text as mdBook does (summary.rs, stringify_events): the
// text and code of the parsed Markdown, without emphasis marks, code ticks, HTML or escapes. It is
// parsed as CommonMark without extensions, as mdBook's pulldown-cmark parser there is, after a
// letter that keeps "1. Intro" or "# x" from being read as a list or a heading.
func cleanTitle(s string) string {
	if !strings.ContainsAny(s, "*_`\\<&[") {
		return strings.TrimSpace(s) // nothing to parse: most titles
	}
	src := []byte("a " + s)
	var sb strings.Builder
	doc := titleParser.Parse(text.NewReader(src))
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			v := n.Segment.Value(src)
			if !n.IsRaw() {
				v = util.UnescapePunctuations(util.ResolveNumericReferences(util.ResolveEntityNames(v)))
			}
			sb.Write(v)
			if n.SoftLineBreak() {
				sb.WriteByte(' ')
			}
		case *ast.String:
			sb.Write(n.Value)
		case *ast.CodeSpan:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					sb.Write(t.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(strings.TrimPrefix(sb.String(), "a "))
}

// number assigns mdBook's section numbers: top-level chapters count on across parts.
func (p *parser) number() {
	top := 0
	var walk func(es []*Entry, prefix []int)
	walk = func(es []*Entry, prefix []int) {
		for i, e := range es {
			e.Number = append(append([]int(nil), prefix...), i+1)
			walk(e.Children, e.Number)
		}
	}
	for _, part := range p.s.Parts {
		for _, e := range part.Entries {
			top++
			e.Number = []int{top}
			walk(e.Children, e.Number)
		}
	}
}
