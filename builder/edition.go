package builder

import (
	"fmt"
	"path"
	"runtime"
	"slices"
	"strings"

	"golang.org/x/sync/errgroup"

	"bookc/builder/config"
	"bookc/builder/diag"
	"bookc/builder/tree"
)

// Edition returns the book as one role reads it: the full tree filtered for the role (its chapters,
// its role-marked passages), and only then its cross-references resolved, so that a reference into
// dropped content becomes text saying where to find it. role "" is the full book. The notes list
// every such rewrite. The loaded book is not modified; editions may be made concurrently.
func (b *Book) Edition(role string) (*tree.Book, diag.List, error) {
	e := &edition{book: b}
	out := *b.Tree
	out.Parts = nil
	if role != "" {
		r := b.Config.Role(role)
		if r == nil {
			return nil, nil, fmt.Errorf("no role %q in book.toml (roles: %s)", role, strings.Join(b.RoleNames(), ", "))
		}
		e.cfg = r
		e.paths = map[string]bool{}
		for _, pat := range r.Chapters {
			if strings.ContainsAny(pat, `*?[\`) {
				e.globs = append(e.globs, pat)
			} else {
				e.paths[pat] = true
			}
		}
		out.Edition = tree.Edition{Role: r.Name, Title: r.Title}
		e.ed = out.Edition
	}
	for _, p := range b.Tree.Parts {
		if cs := e.chapters(p.Chapters, false); len(cs) > 0 {
			out.Parts = append(out.Parts, &tree.Part{Title: p.Title, Chapters: cs})
		}
	}
	e.collectTargets(&out)
	for _, ch := range out.Chapters() {
		e.resolveChapter(ch)
	}
	return &out, e.notes, nil
}

// Editions makes the full book and then every role's edition, with all their notes.
func (b *Book) Editions() ([]*tree.Book, diag.List, error) {
	return b.EditionsOf(append([]string{""}, b.RoleNames()...))
}

// EditionsOf makes the editions of the roles ("" the full book), in their order, with all their
// notes, each on a core of its own: an edition only reads the book's tree (Edition copies what it
// resolves), and a large book's take a quarter of a second each.
func (b *Book) EditionsOf(roles []string) ([]*tree.Book, diag.List, error) {
	eds := make([]*tree.Book, len(roles))
	notes := make([]diag.List, len(roles))
	errs := make([]error, len(roles))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, r := range roles {
		g.Go(func() error {
			eds[i], notes[i], errs[i] = b.Edition(r)
			return nil
		})
	}
	_ = g.Wait()
	var all diag.List
	for i := range roles {
		if errs[i] != nil {
			return nil, nil, errs[i]
		}
		all.Add(notes[i]...)
	}
	return eds, all, nil
}

// RoleNames lists the book's roles in order.
func (b *Book) RoleNames() []string {
	var names []string
	for _, r := range b.Config.Roles {
		names = append(names, r.Name)
	}
	return names
}

type edition struct {
	book  *Book
	ed    tree.Edition // the edition being made; zero for the full book
	cfg   *config.Role
	notes diag.List
	// the role's chapter list: the paths it names, looked up, and its globs, matched; a book of
	// thousands of chapters lists them one by one
	paths map[string]bool
	globs []string

	kept     map[string]bool // IDs of the chapters the edition has
	anchors  map[string]bool // kept heading IDs
	fnOrder  []string        // footnote IDs of the current chapter in order of reference
	fnNumber map[string]int
}

// listed reports whether the role's chapter list names the SUMMARY path.
func (e *edition) listed(p string) bool {
	if e.paths[p] {
		return true
	}
	for _, pat := range e.globs {
		if ok, _ := path.Match(pat, p); ok && p != "" {
			return true
		}
	}
	return false
}

// chapters filters a list of sibling chapters. parentKept says whether their parent is in the
// edition: sub-chapters follow their parent unless the list names some of them. A kept chapter under
// a dropped parent moves up to the parent's place.
func (e *edition) chapters(cs []*tree.Chapter, parentKept bool) []*tree.Chapter {
	follow := parentKept
	if e.cfg != nil && len(e.cfg.Chapters) > 0 && parentKept {
		for _, c := range cs {
			if e.listed(e.book.paths[c]) {
				follow = false // the list picks among these siblings
			}
		}
	}
	var out []*tree.Chapter
	for _, c := range cs {
		keep := e.cfg == nil || len(e.cfg.Chapters) == 0 || follow || e.listed(e.book.paths[c])
		children := e.chapters(c.Children, keep)
		if !keep {
			out = append(out, children...)
			continue
		}
		cp := *c
		cp.Children = children
		cp.Blocks = e.blocks(c.Blocks)
		cp.Footnotes = slices.Clone(c.Footnotes)
		out = append(out, &cp)
	}
	return out
}

// blocks copies blocks without the passages limited to other roles. Containers are copied so that
// resolving references never writes into the shared full tree; a settled block is not copied.
func (e *edition) blocks(bs tree.Blocks) tree.Blocks {
	out := make(tree.Blocks, 0, len(bs))
	for _, b := range bs {
		if settled(b) {
			out = append(out, b)
			continue
		}
		switch n := b.(type) {
		case *tree.Only:
			if e.ed.Full() || slices.Contains(n.Roles, e.ed.Role) {
				out = append(out, e.blocks(n.Blocks)...)
			}
		case *tree.List:
			cp := *n
			cp.Items = make([]*tree.ListItem, len(n.Items))
			for i, it := range n.Items {
				cp.Items[i] = &tree.ListItem{Task: it.Task, Blocks: e.blocks(it.Blocks)}
			}
			out = append(out, &cp)
		case *tree.Quote:
			out = append(out, &tree.Quote{Blocks: e.blocks(n.Blocks)})
		case *tree.Admonition:
			out = append(out, &tree.Admonition{Kind: n.Kind, Blocks: e.blocks(n.Blocks)})
		case *tree.Details:
			out = append(out, &tree.Details{Summary: n.Summary, Blocks: e.blocks(n.Blocks)})
		case *tree.DefinitionList:
			cp := &tree.DefinitionList{Items: make([]*tree.Definition, len(n.Items))}
			for i, d := range n.Items {
				defs := make([]tree.Blocks, len(d.Definitions))
				for j, bs := range d.Definitions {
					defs[j] = e.blocks(bs)
				}
				cp.Items[i] = &tree.Definition{Term: d.Term, Definitions: defs}
			}
			out = append(out, cp)
		case *tree.Heading:
			cp := *n
			out = append(out, &cp)
		case *tree.Paragraph:
			out = append(out, &tree.Paragraph{At: n.At, Content: n.Content})
		case *tree.Table:
			cp := *n
			cp.HeaderCells = e.cellBlocks(n.HeaderCells)
			if n.BodyCells != nil {
				cp.BodyCells = make([][]tree.Blocks, len(n.BodyCells))
				for i, r := range n.BodyCells {
					cp.BodyCells[i] = e.cellBlocks(r)
				}
			}
			out = append(out, &cp)
		case *tree.Figure:
			cp := *n
			out = append(out, &cp)
		default:
			out = append(out, b) // no inline content: nothing to resolve, safe to share
		}
	}
	return out
}

// settled reports whether a block is the same in every edition, and so is shared by all: none
// of it is limited to roles, and it cites no chapter, section or footnote, whose targets and
// numbers each edition has of its own. Most of a book's paragraphs are.
func settled(b tree.Block) bool {
	ok := true
	tree.WalkBlocks(tree.Blocks{b}, func(bl tree.Block) {
		if _, only := bl.(*tree.Only); only || !ok {
			ok = false
			return
		}
		for is := range tree.InlinesOf(bl) {
			tree.WalkInlines(is, func(in tree.Inline) {
				switch in.(type) {
				case *tree.XRef, *tree.FootnoteRef:
					ok = false
				}
			})
		}
	})
	return ok
}

// cellBlocks copies a row of block cells.
func (e *edition) cellBlocks(cells []tree.Blocks) []tree.Blocks {
	if cells == nil {
		return nil
	}
	out := make([]tree.Blocks, len(cells))
	for i, c := range cells {
		out[i] = e.blocks(c)
	}
	return out
}

func (e *edition) collectTargets(b *tree.Book) {
	e.kept = map[string]bool{}
	e.anchors = map[string]bool{}
	for _, ch := range b.Chapters() {
		e.kept[ch.ID] = true
		tree.WalkChapter(ch, func(bl tree.Block) {
			switch n := bl.(type) {
			case *tree.Heading:
				e.anchors[n.ID] = true
			case *tree.Anchor:
				e.anchors[n.ID] = true
			}
		}, func(in tree.Inline) {
			if a, ok := in.(*tree.Anchor); ok {
				e.anchors[a.ID] = true
			}
		})
	}
}

// resolveChapter rewrites the chapter's references and renumbers the footnotes its edition keeps.
func (e *edition) resolveChapter(ch *tree.Chapter) {
	e.fnOrder, e.fnNumber = nil, map[string]int{}
	tree.WalkBlocks(ch.Blocks, func(b tree.Block) {
		if settled(b) {
			return // shared with the full tree, and nothing in it to resolve
		}
		switch n := b.(type) {
		case *tree.Heading:
			n.Content = e.inlines(n.Content)
		case *tree.Paragraph:
			n.Content = e.inlines(n.Content)
		case *tree.Figure:
			n.Caption = e.inlines(n.Caption)
		case *tree.Details:
			n.Summary = e.inlines(n.Summary)
		case *tree.Table:
			n.Header = e.cells(n.Header)
			if n.Rows != nil {
				rows := make([][]tree.Inlines, len(n.Rows))
				for i, r := range n.Rows {
					rows[i] = e.cells(r)
				}
				n.Rows = rows
			}
		case *tree.DefinitionList:
			for _, d := range n.Items {
				d.Term = e.inlines(d.Term)
			}
		}
	})
	byID := make(map[string][]*tree.Footnote, len(ch.Footnotes)) // a lookup, not a scan per reference
	for _, f := range ch.Footnotes {
		byID[f.ID] = append(byID[f.ID], f)
	}
	var notes []*tree.Footnote
	for _, id := range e.fnOrder {
		for _, f := range byID[id] {
			notes = append(notes, &tree.Footnote{Number: e.fnNumber[id], ID: id, Blocks: e.blocks(f.Blocks)})
		}
	}
	for _, f := range ch.Footnotes { // nothing cites these in any edition: they follow the rest
		if f.Unreferenced {
			notes = append(notes, &tree.Footnote{Number: len(e.fnOrder) + 1, ID: f.ID, Blocks: e.blocks(f.Blocks), Unreferenced: true})
			e.fnOrder = append(e.fnOrder, f.ID)
		}
	}
	ch.Footnotes = notes
	for _, f := range notes {
		tree.WalkBlocks(f.Blocks, func(b tree.Block) {
			if p, ok := b.(*tree.Paragraph); ok && !settled(p) {
				p.Content = e.inlines(p.Content)
			}
		})
	}
}

func (e *edition) cells(cs []tree.Inlines) []tree.Inlines {
	if cs == nil {
		return nil // a table of block cells
	}
	out := make([]tree.Inlines, len(cs))
	for i, c := range cs {
		out[i] = e.inlines(c)
	}
	return out
}

// inlines returns a copy of is with references resolved for the edition.
func (e *edition) inlines(is tree.Inlines) tree.Inlines {
	if len(is) == 0 {
		return is
	}
	out := make(tree.Inlines, 0, len(is))
	for _, in := range is {
		switch n := in.(type) {
		case *tree.XRef:
			out = append(out, e.xref(n)...)
		case *tree.Emphasis:
			out = append(out, &tree.Emphasis{Content: e.inlines(n.Content)})
		case *tree.Strong:
			out = append(out, &tree.Strong{Content: e.inlines(n.Content)})
		case *tree.Strikethrough:
			out = append(out, &tree.Strikethrough{Content: e.inlines(n.Content)})
		case *tree.Styled:
			out = append(out, &tree.Styled{Kind: n.Kind, Content: e.inlines(n.Content)})
		case *tree.Lang:
			out = append(out, &tree.Lang{Lang: n.Lang, Dir: n.Dir, Content: e.inlines(n.Content)})
		case *tree.Link:
			cp := *n
			cp.Content = e.inlines(n.Content)
			out = append(out, &cp)
		case *tree.FootnoteRef:
			num, seen := e.fnNumber[n.ID]
			if !seen {
				num = len(e.fnOrder) + 1
				e.fnNumber[n.ID] = num
				e.fnOrder = append(e.fnOrder, n.ID)
			}
			out = append(out, &tree.FootnoteRef{Number: num, ID: n.ID})
		default:
			out = append(out, in)
		}
	}
	return out
}

// xref keeps a reference whose target the edition has. A reference to a heading the edition drops
// goes to its chapter instead, when the edition has that; any other becomes its text plus where the
// full book has it.
func (e *edition) xref(x *tree.XRef) tree.Inlines {
	content := e.inlines(x.Content)
	at := e.book.refs[x]
	if e.kept[x.Chapter] {
		if x.Anchor == "" || e.anchors[x.Anchor] {
			return tree.Inlines{&tree.XRef{Chapter: x.Chapter, Anchor: x.Anchor, Content: content}}
		}
		e.notes.Add(diag.Notef(at.File, at.Line, "%s: the reference to %q goes to the start of its chapter; this edition leaves the section out",
			e.ed.Title, tree.PlainText(x.Content)))
		return tree.Inlines{&tree.XRef{Chapter: x.Chapter, Content: content}}
	}
	target := e.book.byID[x.Chapter]
	where := "“" + target.Title + "”"
	if len(target.Number) > 0 {
		where = "§" + target.Number.String()
	}
	text := " (" + where + ", in the full " + strings.TrimPrefix(e.book.Tree.Title, "The ") + ")"
	e.notes.Add(diag.Notef(at.File, at.Line, "%s: the reference to %q becomes text%s; this edition leaves its target out",
		e.ed.Title, tree.PlainText(x.Content), text))
	if n := len(content); n > 0 {
		if t, ok := content[n-1].(*tree.Text); ok {
			return append(content[:n-1:n-1], &tree.Text{Text: t.Text + text})
		}
	}
	return append(content, &tree.Text{Text: text})
}
