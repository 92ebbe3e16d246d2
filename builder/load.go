package builder

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"bookc/builder/config"
	"bookc/builder/diag"
	"bookc/builder/include"
	"bookc/builder/markdown"
	"bookc/builder/preprocess"
	"bookc/builder/slug"
	"bookc/builder/summary"
	"bookc/builder/tree"
)

// Options tune loading.
type Options struct {
	// SourceDateEpoch is the value of SOURCE_DATE_EPOCH, if set: it dates every artifact.
	SourceDateEpoch string
	// FallbackDate dates the book when neither SOURCE_DATE_EPOCH nor file times say anything
	// (an embedded book has no file times).
	FallbackDate time.Time
	// Highlight lexes code blocks into tokens (tree.CodeBlock.Tokens) for backends that colour
	// code; a build for others saves the time.
	Highlight bool
	// RunPreprocessors runs the book's [preprocessor.NAME] commands, as [output.bookc]
	// run-preprocessors = true does; Preprocess says how.
	RunPreprocessors bool
	Preprocess       preprocess.Options
	// Memo carries what the loads before made to this one, for builds of one book that load it
	// again ('bookc watch'): renew it between loads. nil: a memo of this load's own, so that an
	// image several chapters show is checked once.
	Memo *Memo
}

// Book is a loaded book: the full tree with its role markers still in place, the configuration, and
// everything found wrong while loading. Make editions with Edition.
type Book struct {
	Tree   *tree.Book
	Config *config.Config
	Diags  diag.List
	// Root is the include root and RootWhy how it was chosen, for 'bookc check'.
	Root, RootWhy string

	paths map[*tree.Chapter]string // SUMMARY path of each chapter, for role chapter lists
	byID  map[string]*tree.Chapter // every chapter, for the text that stands in for dropped references
	refs  map[*tree.XRef]markdown.Pos
}

// chapterJob is one listed chapter on its way into the tree.
type chapterJob struct {
	ch      *tree.Chapter
	path    string // SUMMARY path, relative to src
	fsPath  string
	links   *linker
	res     *markdown.Result
	diags   diag.List
	modTime time.Time
	// given is set for a chapter whose text comes from mdBook's JSON (content), not from its
	// file; exp is its expansion when bookc expanded its includes before preprocessors ran.
	given   bool
	content string
	exp     *include.Result
	// raw is the chapter's file as read, decoded what decoding it reported, and reads the files
	// its includes read: what its expansion is reused by (Memo.expansion)
	raw     []byte
	decoded diag.List
	reads   []fileRead
}

// Load reads the book from src. It fails only when there is no book to speak of (unreadable
// book.toml, no SUMMARY.md); every other problem is a diagnostic and the book still loads.
func Load(src *Source, opt Options) (*Book, error) {
	b := &Book{paths: map[*tree.Chapter]string{}, byID: map[string]*tree.Chapter{}, refs: map[*tree.XRef]markdown.Pos{},
		Root: src.RootName, RootWhy: src.RootWhy}
	var newest time.Time
	cfg := config.Default()
	tomlPath := path.Join(src.BookDir, "book.toml")
	if data, err := fs.ReadFile(src.FS, tomlPath); err == nil {
		if cfg, err = config.Parse(src.Display(tomlPath), data); err != nil {
			return nil, err
		}
		newest = later(newest, modTime(src.FS, tomlPath))
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", src.Display(tomlPath), err)
	}
	b.Config = cfg
	if !opt.RunPreprocessors && !cfg.RunPreprocessors {
		b.Diags.Add(unrunPreprocessors(src.Display(tomlPath), cfg)...)
	}
	srcDir := path.Join(src.BookDir, cfg.Src)
	sumPath := path.Join(srcDir, "SUMMARY.md")
	data, err := fs.ReadFile(src.FS, sumPath)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read the book's outline: %v (an mdBook book lists its chapters in %s/SUMMARY.md)",
			src.Display(sumPath), unwrapPath(err), cfg.Src)
	}
	newest = later(newest, modTime(src.FS, sumPath))
	text, ds := decodeText(src.Display(sumPath), data)
	b.Diags.Add(ds...)
	sum, ds := summary.Parse(src.Display(sumPath), []byte(text))
	b.Diags.Add(ds...)

	b.Tree = newTree(cfg)
	var jobs []*chapterJob
	if opt.RunPreprocessors || cfg.RunPreprocessors {
		if jobs, err = b.preprocessed(src, sum, srcDir, opt); err != nil {
			return nil, err
		}
	} else {
		jobs = b.outline(src, sum, srcDir)
	}
	b.parseChapters(src, jobs, srcDir, opt)
	for _, j := range jobs {
		newest = later(newest, j.modTime)
	}
	b.Diags.Add(leavingWarning(src.Display(tomlPath), jobs)...)
	b.finish(jobs)
	b.Tree.Date, err = bookDate(opt, newest)
	if err != nil {
		return nil, err
	}
	return b, nil
}

// unrunPreprocessors warns once for each preprocessor book.toml declares: bookc runs none, and the
// syntax meant for it stays in the chapters as written.
func unrunPreprocessors(toml string, cfg *config.Config) diag.List {
	var ds diag.List
	for _, p := range cfg.Preprocessors {
		ds.Add(diag.Warnf(toml, p.Line, "bookc does not run [preprocessor.%s]: %s. The book still builds; where the PDF, EPUB and man pages need that content, write it in plain Markdown",
			p.Name, config.Unprocessed(p.Name)))
	}
	return ds
}

// matchesAny reports whether a role's chapter pattern names any of the SUMMARY paths. A pattern
// without wildcards names one path, which is looked up: matching each pattern against each path
// took seconds for a book of thousands of chapters whose roles list them one by one.
func matchesAny(pat string, paths map[string]int) bool {
	if _, ok := paths[pat]; ok {
		return true
	}
	if !strings.ContainsAny(pat, `*?[\`) {
		return false
	}
	for p := range paths {
		if ok, _ := path.Match(pat, p); ok {
			return true
		}
	}
	return false
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func modTime(fsys fs.FS, name string) time.Time {
	if st, err := fs.Stat(fsys, name); err == nil {
		return st.ModTime()
	}
	return time.Time{}
}

func bookDate(opt Options, newest time.Time) (time.Time, error) {
	if opt.SourceDateEpoch != "" {
		sec, err := strconv.ParseInt(opt.SourceDateEpoch, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds since 1970; unset it or fix it", opt.SourceDateEpoch)
		}
		// ZIP (the EPUB) dates nothing before 1980, and ISO 8601 dates have four-digit years.
		t := time.Unix(sec, 0).UTC()
		if t.Year() < 1980 || t.Year() > 9999 {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%s is in the year %d; give a time between 1980 and 9999", opt.SourceDateEpoch, t.Year())
		}
		return t, nil
	}
	if !newest.IsZero() {
		return newest.UTC().Truncate(time.Second), nil
	}
	return opt.FallbackDate.UTC(), nil
}

// outline turns SUMMARY.md's entries into chapters with IDs and numbers, in reading order.
func (b *Book) outline(src *Source, sum *summary.Summary, srcDir string) []*chapterJob {
	var jobs []*chapterJob
	var ids slugs
	seen := map[string]int{}
	var mk func(es []*summary.Entry) []*tree.Chapter
	mk = func(es []*summary.Entry) []*tree.Chapter {
		var out []*tree.Chapter
		for _, e := range es {
			ch := &tree.Chapter{ID: ids.unique(fileSlug(e.Title, "chapter")), Title: e.Title, Number: e.Number, Draft: e.Draft()}
			j := &chapterJob{ch: ch, path: e.Path}
			if !ch.Draft {
				j.fsPath = path.Join(srcDir, e.Path)
				ch.Source = src.Display(j.fsPath)
				if line, dup := seen[e.Path]; dup {
					b.Diags.Add(diag.Warnf(src.Display(path.Join(srcDir, "SUMMARY.md")), e.Line,
						"%s is listed twice (first on line %d); links to it go to the first entry", e.Path, line))
				} else {
					seen[e.Path] = e.Line
				}
				if page, ok := b.Config.ManPages[e.Path]; ok {
					name, sec := config.SplitManPage(page)
					ch.ManPage = &tree.ManPage{Name: name, Section: sec}
				}
			}
			b.paths[ch] = e.Path
			b.byID[ch.ID] = ch
			jobs = append(jobs, j)
			ch.Children = mk(e.Children)
			out = append(out, ch)
		}
		return out
	}
	if len(sum.Prefix) > 0 {
		b.Tree.Parts = append(b.Tree.Parts, &tree.Part{Chapters: mk(sum.Prefix)})
	}
	for _, p := range sum.Parts {
		b.Tree.Parts = append(b.Tree.Parts, &tree.Part{Title: p.Title, Chapters: mk(p.Entries)})
	}
	if len(sum.Suffix) > 0 {
		b.Tree.Parts = append(b.Tree.Parts, &tree.Part{Chapters: mk(sum.Suffix)})
	}
	b.checkListed(src, seen)
	return jobs
}

// checkListed warns of role chapter lists and man-page names that match no chapter of the book.
func (b *Book) checkListed(src *Source, seen map[string]int) {
	for _, r := range b.Config.Roles {
		for _, pat := range r.Chapters {
			if !matchesAny(pat, seen) {
				b.Diags.Add(diag.Warnf(src.Display(path.Join(src.BookDir, "book.toml")), 0,
					"role %s lists %q, which matches no chapter of SUMMARY.md; write the chapter's path as SUMMARY.md does", r.Name, pat))
			}
		}
	}
	for _, p := range slices.Sorted(maps.Keys(b.Config.ManPages)) {
		if _, ok := seen[p]; !ok {
			b.Diags.Add(diag.Warnf(src.Display(path.Join(src.BookDir, "book.toml")), 0,
				"[output.bookc.man-pages] names %q, which SUMMARY.md does not list; use the chapter's path as SUMMARY.md writes it", p))
		}
	}
}

// parseChapters reads, expands and converts every chapter, concurrently: chapters are independent
// until their cross-references are checked.
func (b *Book) parseChapters(src *Source, jobs []*chapterJob, srcDir string, opt Options) {
	byPath := map[string]string{} // SUMMARY path -> chapter ID, first entry wins
	for _, j := range jobs {
		if _, dup := byPath[j.path]; !dup && j.path != "" {
			byPath[j.path] = j.ch.ID
		}
	}
	var roles []string
	for _, r := range b.Config.Roles {
		roles = append(roles, r.Name)
	}
	memo := opt.Memo
	if memo == nil {
		memo = onlyLoad()
	}
	memo.start(convertEnv{roles: roles, hideLines: b.Config.HideLines, highlight: opt.Highlight, base: b.Config.BaseURL, byPath: byPath})
	files := &include.Files{}
	memo.seed(files, src.FS)
	images := &imageLoader{src: src, reads: files, checks: memo.checks, last: memo.last.images, files: map[string]*imageFile{}}
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, j := range jobs {
		if j.ch.Draft {
			continue
		}
		g.Go(func() error {
			j.links = &linker{byPath: byPath, base: b.Config.BaseURL, page: j.path, id: j.ch.ID}
			j.parse(src, srcDir, markdown.Env{Roles: roles, HideLines: b.Config.HideLines, Highlight: opt.Highlight}, images, files, memo)
			return nil
		})
	}
	_ = g.Wait() // jobs report through their diagnostics, never by error
	if b.Config.Cover != "" {
		// read as any image, so it is checked and named as they are
		at := markdown.Pos{File: src.Display(path.Join(src.BookDir, "book.toml"))}
		a, d := images.load(src.BookDir, b.Config.Cover, at)
		if d != nil {
			b.Diags.Add(*d)
		}
		b.Tree.Cover = a
	}
	b.Tree.Settings.Fonts = b.readFonts(src)
	images.name()
	memo.next.images = images.files
	memo.stamp(files, src.FS)
	for _, j := range jobs {
		b.Diags.Add(j.diags...)
	}
}

// newTree starts the book's tree from its configuration.
func newTree(cfg *config.Config) *tree.Book {
	title := cfg.Title
	if title == "" {
		title = "Untitled Book" // SUMMARY.md's own title is "Summary" more often than not
	}
	return &tree.Book{
		Title: title, Authors: cfg.Authors, Description: cfg.Description, Language: cfg.Language,
		Slug:     bookSlug(title),
		Settings: tree.Settings{Paper: cfg.Paper, TOCDepth: cfg.TOCDepth, FontSize: cfg.FontSize, LineHeight: cfg.LineHeight, InnerMargin: cfg.InnerMargin, OuterMargin: cfg.OuterMargin, SectionPages: cfg.PageBreak == "section", TwoSided: cfg.TwoSided, Print: cfg.Print, PageList: cfg.PageList, Archival: cfg.Archival, ManSection: cfg.ManSection, ManPrefix: cfg.ManPrefix, BaseURL: cfg.BaseURL, CertifiedBy: cfg.CertifiedBy, EPUBFonts: cfg.EPUBFonts},
	}
}

// read reads the chapter's file; ok is false when there is none to read.
func (j *chapterJob) read(src *Source, files *include.Files) (data []byte, ok bool) {
	data, err := files.Read(src.FS, j.fsPath)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		j.diags.Add(diag.Warnf(j.ch.Source, 0, "listed in SUMMARY.md but missing; the chapter is empty (create the file)"))
		return nil, false
	case err != nil:
		j.diags.Add(diag.Errorf(j.ch.Source, 0, "cannot read the chapter: %v", unwrapPath(err)))
		return nil, false
	}
	j.modTime = modTime(src.FS, j.fsPath)
	return data, true
}

// readText reads the chapter's file as text, reporting what decoding it found.
func (j *chapterJob) readText(src *Source, files *include.Files) (string, bool) {
	data, ok := j.read(src, files)
	if !ok {
		return "", false
	}
	text, ds := decodeText(j.ch.Source, data)
	j.diags.Add(ds...)
	return text, true
}

// parse reads, expands and converts the chapter; env has what all chapters share. A chapter
// given by mdBook's JSON is converted as given: its includes are expanded already. A chapter
// whose expanded text the load before converted is taken from memo as it was.
func (j *chapterJob) parse(src *Source, srcDir string, env markdown.Env, images *imageLoader, files *include.Files, memo *Memo) {
	var exp *include.Result
	if j.given {
		exp = j.exp
		if exp == nil || exp.Text != j.content {
			exp = asGiven(j.ch.Source, j.content)
		}
		j.modTime = modTime(src.FS, j.fsPath)
	} else {
		own := files // the chapter's file read once, with its includes, for the next load to stamp
		if memo.once {
			own = nil // not kept past its parse: another chapter including it reads it again
		}
		data, ok := j.read(src, own)
		if !ok {
			return
		}
		if !memo.once {
			j.raw = data
		}
		if exp = memo.expansion(j, src, files); exp == nil {
			var text string
			text, j.decoded = decodeText(j.ch.Source, data)
			exp = include.Expand(include.Options{FS: src.FS, Display: src.Display, RootName: src.RootName, Files: files}, j.fsPath, []byte(text))
			if !memo.once {
				j.reads = readsOf(exp.Read, src, files)
			}
		}
		j.diags.Add(j.decoded...)
		j.diags.Add(exp.Diags...)
	}
	chapterDir := path.Dir(j.path)
	env.ChapterID, env.Source = j.ch.ID, exp
	env.Resolve = j.links.resolve
	env.Image = func(s string, at markdown.Pos) *tree.Asset {
		a, d := images.load(path.Join(srcDir, chapterDir), s, at)
		if d != nil {
			j.diags.Add(*d)
		}
		return a
	}
	if !memo.reuse(j, exp, env) {
		memo.convert(j, env)
	}
	j.diags.Add(j.res.Diags...)
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// fileSlug makes a safe, readable file-name stem: lower-case ASCII letters, digits and '-'.
func fileSlug(s, fallback string) string {
	sl, _ := slug.ASCII(s)
	if sl == "" {
		return fallback
	}
	return slug.Cut(sl, maxSlug)
}

// maxSlug keeps the names made from a slug (the book's, an edition's, a chapter's) well within the
// 255 bytes a file name may have.
const maxSlug = 60

// bookSlug names a book's artifacts after its title, without a leading article:
// "The Metropolis Handbook" makes metropolis-handbook.pdf.
func bookSlug(title string) string {
	s := fileSlug(title, "book")
	for _, article := range []string{"the-", "a-", "an-"} {
		if rest, ok := strings.CutPrefix(s, article); ok {
			return rest
		}
	}
	return s
}

// maxFontBytes bounds a font file a book names: a CJK face is about 20 MB.
const maxFontBytes = 64 << 20

// readFonts reads the font files book.toml names, each once, from the book's folder, within the
// include root; nil when it names none. What cannot be read is an error at book.toml, and that
// face is bookc's own.
func (b *Book) readFonts(src *Source) *tree.Fonts {
	cfg := b.Config.Fonts
	if !cfg.Any() {
		return nil
	}
	at := src.Display(path.Join(src.BookDir, "book.toml"))
	read := map[string]*tree.FontFile{}
	file := func(name string) *tree.FontFile {
		if name == "" {
			return nil
		}
		if f, ok := read[name]; ok {
			return f
		}
		full := path.Join(src.BookDir, name)
		var f *tree.FontFile
		switch data, err := fs.ReadFile(src.FS, full); {
		case full == ".." || strings.HasPrefix(full, "../"):
			b.Diags.Add(diag.Errorf(at, 0, "font %s escapes the include root %s (use --include-root to allow a wider folder)", name, src.RootName))
		case err != nil:
			b.Diags.Add(diag.Errorf(at, 0, "font %s cannot be read: %v; fix its path in [output.bookc.fonts], relative to the book's folder", name, unwrapPath(err)))
		case len(data) > maxFontBytes:
			b.Diags.Add(diag.Errorf(at, 0, "font %s is %d MB, over the %d MB a book's font may be", name, len(data)>>20, maxFontBytes>>20))
		default:
			f = &tree.FontFile{Name: name, Data: data}
		}
		read[name] = f
		return f
	}
	fonts := &tree.Fonts{}
	for i := range 4 {
		fonts.Text[i], fonts.Mono[i], fonts.Headings[i] = file(cfg.Text[i]), file(cfg.Mono[i]), file(cfg.Headings[i])
	}
	for _, name := range cfg.Fallback {
		if f := file(name); f != nil {
			fonts.Fallback = append(fonts.Fallback, f)
		}
	}
	return fonts
}
