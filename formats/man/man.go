// Package man renders an edition as manual pages, written by its own roff emitter from the tree:
// an index page named by the book's prefix (mh.7) listing the chapters, and a page per chapter,
// sub-chapters included, named PREFIX-STEM (mh-node.7; see names.go). A command-reference chapter
// (Chapter.ManPage, e.g. metroctl(1)) becomes NAME.SECTION. Every edition names its pages alike:
// each installs into a tree of its own.
package man

import (
	"fmt"
	"runtime"
	"strings"
	"sync"

	"bookc/builder/tree"
	"bookc/formats"
)

func init() { formats.Register(backend{}) }

type backend struct{}

func (backend) Name() string { return "man" }

func (backend) Render(b *tree.Book) (*formats.Output, error) { return Render(b) }

// Render writes the index page and a page per chapter of the edition. Draft chapters have no text
// and get no page; the index lists them by title. A book of one chapter is that one page, with no
// index: a tool's manual written as a one-page book installs as just its page. Pages are
// independent: they render in parallel.
func Render(b *tree.Book) (*formats.Output, error) {
	bk, err := newBook(b)
	if err != nil {
		return nil, err
	}
	first := 0 // the chapters' pages follow the index page
	if bk.indexed {
		first = 1
	}
	files := make([]formats.File, first+len(bk.pages))
	if bk.indexed {
		files[0] = formats.File{Name: bk.index.file(), Data: bk.renderIndex()}
	}
	var wg sync.WaitGroup
	work := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(bk.pages)) {
		wg.Go(func() {
			for i := range work {
				c := bk.pages[i]
				files[first+i] = formats.File{Name: bk.page[c.ID].file(), Data: bk.renderChapter(c)}
			}
		})
	}
	for i := range bk.pages {
		work <- i
	}
	close(work)
	wg.Wait()
	return &formats.Output{Files: files}, nil
}

// pageName is a manual page's name and section: metroctl(1).
type pageName struct{ name, section string }

func (p pageName) file() string { return p.name + "." + p.section }

// book is an edition with its page names and heading index, shared read-only by its pages.
type book struct {
	*tree.Book
	section  string
	index    pageName
	indexed  bool                     // the book has an index page: it has more than one chapter
	pages    []*tree.Chapter          // chapters with a page, in reading order
	page     map[string]pageName      // by chapter ID
	chapter  map[string]*tree.Chapter // every chapter, by ID
	parent   map[string]string        // the ID of a sub-chapter's parent, by its ID
	headings map[string]*tree.Heading // by heading ID, in any chapter
}

func newBook(b *tree.Book) (*book, error) {
	bk := &book{Book: b, section: b.Settings.ManSection, page: map[string]pageName{},
		chapter: map[string]*tree.Chapter{}, parent: map[string]string{}, headings: map[string]*tree.Heading{}}
	if bk.section == "" {
		bk.section = "7"
	}
	pre := prefix(b)
	bk.index = pageName{pre, bk.section}
	for _, c := range b.Chapters() {
		bk.chapter[c.ID] = c
		for _, child := range c.Children {
			bk.parent[child.ID] = c.ID
		}
		tree.WalkBlocks(c.Blocks, func(b tree.Block) {
			if h, ok := b.(*tree.Heading); ok {
				bk.headings[h.ID] = h
			}
		})
		if !c.Draft {
			bk.pages = append(bk.pages, c)
		}
	}
	bk.indexed = len(b.Chapters()) > 1 || len(bk.pages) == 0
	// Stems first: chapters that share one are told apart by their folders.
	root := sourceRoot(bk.pages)
	stems, folders := make([]string, len(bk.pages)), make([][]string, len(bk.pages))
	shared := map[string][]int{} // the chapters of each stem
	listed := map[string]bool{}  // chapter files, which SUMMARY.md may list more than once
	for i, c := range bk.pages {
		stems[i], folders[i] = chapterStem(root, c, listed[c.Source], i)
		listed[c.Source] = true
		if c.ManPage == nil {
			shared[stems[i]] = append(shared[stems[i]], i)
		}
	}
	quals := make([][]string, len(bk.pages))
	names := make([]string, len(bk.pages))
	for i := range bk.pages {
		names[i] = joinName(pre, nil, stems[i], nameMax(bk.section), false)
	}
	for _, group := range shared {
		if len(group) < 2 {
			continue
		}
		fs := make([][]string, len(group))
		for j, i := range group {
			fs[j] = folders[i]
		}
		for j, q := range qualifiers(fs) {
			quals[group[j]] = q
		}
		groupNames(names, group, func(i int, keepFolders bool, max int) string {
			return joinName(pre, quals[i], stems[i], max, keepFolders)
		}, nameMax(bk.section))
	}
	owner := map[pageName]string{}
	if bk.indexed {
		owner[bk.index] = "the book's index page"
	}
	for i, c := range bk.pages {
		name := pageName{names[i], bk.section}
		if c.ManPage != nil {
			name = pageName{c.ManPage.Name, c.ManPage.Section}
			if n := nameMax(name.section); len(name.name) > n {
				return nil, fmt.Errorf("man page %s(%s), declared for %s in book.toml's [output.bookc.man-pages], is longer than %d characters: "+
					"a 60-column terminal cannot show its header and footer whole; give it a shorter name", name.name, name.section, what(c), n)
			}
		}
		if other, dup := owner[name]; dup {
			return nil, collision(name, other, what(c))
		}
		owner[name] = what(c)
		bk.page[c.ID] = name
	}
	return bk, nil
}

// InstallDir is the directory under an installation prefix where a page file belongs:
// "share/man/man7" for "metropolis-handbook.7", "share/man/man1" for "metroctl.1.gz" (and for
// a page of section "1p": sections with a suffix live in their number's directory).
func InstallDir(fileName string) string {
	name := strings.TrimSuffix(fileName, ".gz")
	section := name[strings.LastIndexByte(name, '.')+1:]
	if section != "" && section[0] >= '1' && section[0] <= '9' {
		section = section[:1]
	}
	return "share/man/man" + section
}
