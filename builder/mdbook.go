package builder

import (
	"fmt"
	"path"
	"strings"

	"bookc/builder/config"
	"bookc/builder/diag"
	"bookc/builder/include"
	"bookc/builder/markdown"
	"bookc/builder/mdbookjson"
	"bookc/builder/preprocess"
	"bookc/builder/summary"
	"bookc/builder/tree"
)

// LoadMdBook builds the book that mdBook hands a renderer: its configuration and chapters come
// from the render context, after mdBook's own preprocessors and the book's (includes expanded,
// admonitions and diagrams made HTML), with mdBook's numbers, parts and drafts. src is the book's
// folder, which images and the cover are read from. Like Load, it fails only when there is no
// book to speak of.
func LoadMdBook(src *Source, rc *mdbookjson.RenderContext, opt Options) (*Book, error) {
	b := &Book{paths: map[*tree.Chapter]string{}, byID: map[string]*tree.Chapter{}, refs: map[*tree.XRef]markdown.Pos{},
		Root: src.RootName, RootWhy: src.RootWhy}
	tomlPath := path.Join(src.BookDir, "book.toml")
	cfg, err := config.FromMdBook(src.Display(tomlPath), rc.Config)
	if err != nil {
		return nil, err
	}
	b.Config = cfg
	srcDir := path.Join(src.BookDir, cfg.Src)
	b.Tree = newTree(cfg)
	jobs := b.fromItems(src, rc.Book, srcDir, nil)
	b.parseChapters(src, jobs, srcDir, opt)
	newest := modTime(src.FS, tomlPath)
	for _, j := range jobs {
		newest = later(newest, j.modTime)
	}
	b.Diags.Add(leavingWarning(src.Display(tomlPath), jobs)...)
	b.finish(jobs)
	if b.Tree.Date, err = bookDate(opt, newest); err != nil {
		return nil, err
	}
	return b, nil
}

// preprocessed reads the chapters SUMMARY.md lists, runs the book's preprocessors over them as
// mdBook would (bookc expanding the includes where mdBook's links preprocessor would), and
// returns the chapters they give back, ready to parse.
func (b *Book) preprocessed(src *Source, sum *summary.Summary, srcDir string, opt Options) ([]*chapterJob, error) {
	toml := src.Display(path.Join(src.BookDir, "book.toml"))
	if src.Dir == "" && len(b.Config.Preprocessors) > 0 {
		return nil, fmt.Errorf("%s: the book is not in a folder on disk, where its preprocessors could run; build it from its folder", toml)
	}
	files := &include.Files{}
	seen := map[string]int{}
	var items func(es []*summary.Entry) []mdbookjson.Item
	items = func(es []*summary.Entry) []mdbookjson.Item {
		var out []mdbookjson.Item
		for _, e := range es {
			c := &mdbookjson.Chapter{Name: e.Title, Number: e.Number, Path: e.Path, SourcePath: e.Path}
			if !e.Draft() {
				if line, dup := seen[e.Path]; dup {
					b.Diags.Add(diag.Warnf(src.Display(path.Join(srcDir, "SUMMARY.md")), e.Line,
						"%s is listed twice (first on line %d); links to it go to the first entry", e.Path, line))
				} else {
					seen[e.Path] = e.Line
				}
				fsPath := path.Join(srcDir, e.Path)
				j := &chapterJob{ch: &tree.Chapter{Source: src.Display(fsPath)}, fsPath: fsPath}
				c.Content, _ = j.readText(src, files)
				b.Diags.Add(j.diags...)
			}
			c.SubItems = items(e.Children)
			out = append(out, mdbookjson.Item{Chapter: c})
		}
		return out
	}
	book := &mdbookjson.Book{Items: items(sum.Prefix)}
	for _, p := range sum.Parts {
		if p.Title != "" {
			book.Items = append(book.Items, mdbookjson.Item{PartTitle: &p.Title})
		}
		book.Items = append(book.Items, items(p.Entries)...)
	}
	book.Items = append(book.Items, items(sum.Suffix)...)

	exps := map[string]*include.Result{}
	builtIn := func(name string, bk *mdbookjson.Book) {
		bk.Chapters(func(c *mdbookjson.Chapter) {
			switch {
			case c.Draft():
			case name == "links":
				fsPath := path.Join(srcDir, c.File())
				exp := include.Expand(include.Options{FS: src.FS, Display: src.Display, RootName: src.RootName, Files: files}, fsPath, []byte(c.Content))
				b.Diags.Add(exp.Diags...)
				c.Content = exp.Text
				exps[c.File()] = exp
			case name == "index" && strings.EqualFold(strings.TrimSuffix(path.Base(c.Path), path.Ext(c.Path)), "readme"):
				c.Path = path.Join(path.Dir(c.Path), "index.md") // as mdBook's index does; SourcePath keeps the file
			}
		})
	}
	out, ds, err := preprocess.Run(&preprocess.Book{Config: b.Config, TOML: toml, Root: src.Dir, Book: book, BuiltIn: builtIn}, opt.Preprocess)
	if err != nil {
		return nil, err
	}
	b.Diags.Add(ds...)
	return b.fromItems(src, out, srcDir, exps), nil
}

// partKind is what a part of the tree holds, as mdBook's book lists them: prefix chapters, then
// numbered chapters under part titles, then suffix chapters.
type partKind int

const (
	noPart partKind = iota
	prefixPart
	numberedPart
	suffixPart
)

// fromItems turns mdBook's book into chapters with IDs, in reading order: unnumbered chapters
// before the first numbered one or part title are prefix chapters, those after the numbered ones
// suffix chapters; separators only draw a line in mdBook's HTML sidebar. exps has the expansions
// of chapters whose includes bookc expanded, by file, for their line origins.
func (b *Book) fromItems(src *Source, book *mdbookjson.Book, srcDir string, exps map[string]*include.Result) []*chapterJob {
	var jobs []*chapterJob
	var ids slugs
	seen := map[string]int{}
	var mk func(items []mdbookjson.Item) []*tree.Chapter
	mk = func(items []mdbookjson.Item) []*tree.Chapter {
		var out []*tree.Chapter
		for _, it := range items {
			c := it.Chapter
			if c == nil {
				continue // a separator, or a part title among sub-chapters, which mdBook never makes
			}
			file := c.File()
			ch := &tree.Chapter{ID: ids.unique(fileSlug(c.Name, "chapter")), Title: c.Name, Number: tree.Number(c.Number), Draft: c.Draft()}
			j := &chapterJob{ch: ch, path: file, given: true, content: c.Content}
			if !ch.Draft {
				j.fsPath = path.Join(srcDir, file)
				ch.Source = src.Display(j.fsPath)
				j.exp = exps[file]
				seen[file]++
				if page, ok := b.Config.ManPages[file]; ok {
					name, sec := config.SplitManPage(page)
					ch.ManPage = &tree.ManPage{Name: name, Section: sec}
				}
			}
			b.paths[ch] = file
			b.byID[ch.ID] = ch
			jobs = append(jobs, j)
			ch.Children = mk(c.SubItems)
			out = append(out, ch)
		}
		return out
	}
	var cur *tree.Part
	kind, numbered := noPart, false
	start := func(k partKind, title string) {
		cur, kind = &tree.Part{Title: title}, k
		b.Tree.Parts = append(b.Tree.Parts, cur)
	}
	for _, it := range book.Items {
		switch {
		case it.PartTitle != nil:
			numbered = true
			start(numberedPart, *it.PartTitle)
		case it.Chapter != nil:
			want := numberedPart
			switch {
			case it.Chapter.Number != nil:
				numbered = true
			case numbered:
				want = suffixPart
			default:
				want = prefixPart
			}
			if kind != want {
				start(want, "")
			}
			cur.Chapters = append(cur.Chapters, mk([]mdbookjson.Item{it})...)
		}
	}
	b.checkListed(src, seen)
	return jobs
}

// asGiven is a chapter's text as its own source: line n of the text is line n of the file. It
// stands for the expansion of a chapter that arrives expanded.
func asGiven(file, text string) *include.Result {
	n := strings.Count(text, "\n") + 1
	res := &include.Result{Text: text, Origins: make([]include.Origin, n)}
	for i := range res.Origins {
		res.Origins[i] = include.Origin{File: file, Line: i + 1}
	}
	return res
}
