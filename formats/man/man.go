// Package man renders an edition as manual pages, written by its own roff emitter from the tree:
// an index page (Artifact().SECTION, e.g. metropolis-handbook.7) listing the chapters, and a page
// per chapter, sub-chapters included, named SLUG-CHAPTERID[-ROLE].SECTION
// (metropolis-handbook-node-operators.7). A command-reference chapter (Chapter.ManPage, e.g.
// metroctl(1)) becomes NAME.SECTION in the full edition and NAME-ROLE.SECTION in role editions, so
// all editions share one directory without clobbering each other.
package man

import (
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
// and get no page; the index lists them by title. Pages are independent: they render in parallel.
func Render(b *tree.Book) (*formats.Output, error) {
	bk := newBook(b)
	files := make([]formats.File, len(bk.pages)+1)
	files[0] = formats.File{Name: bk.index.file(), Data: bk.renderIndex()}
	var wg sync.WaitGroup
	work := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(bk.pages)) {
		wg.Go(func() {
			for i := range work {
				c := bk.pages[i]
				files[i+1] = formats.File{Name: bk.page[c.ID].file(), Data: bk.renderChapter(c)}
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
	pages    []*tree.Chapter          // chapters with a page, in reading order
	page     map[string]pageName      // by chapter ID
	order    map[string]int           // index in pages, by chapter ID
	chapter  map[string]*tree.Chapter // every chapter, by ID
	headings map[string]*tree.Heading // by heading ID, in any chapter
}

func newBook(b *tree.Book) *book {
	bk := &book{Book: b, section: b.Settings.ManSection, page: map[string]pageName{}, order: map[string]int{},
		chapter: map[string]*tree.Chapter{}, headings: map[string]*tree.Heading{}}
	if bk.section == "" {
		bk.section = "7"
	}
	bk.index = pageName{b.Artifact(), bk.section}
	suffix := ""
	if !b.Edition.Full() {
		suffix = "-" + b.Edition.Role
	}
	for _, c := range b.Chapters() {
		bk.chapter[c.ID] = c
		tree.WalkBlocks(c.Blocks, func(b tree.Block) {
			if h, ok := b.(*tree.Heading); ok {
				bk.headings[h.ID] = h
			}
		})
		if c.Draft {
			continue
		}
		bk.order[c.ID] = len(bk.pages)
		bk.pages = append(bk.pages, c)
		if c.ManPage != nil {
			bk.page[c.ID] = pageName{c.ManPage.Name + suffix, c.ManPage.Section}
		} else {
			bk.page[c.ID] = pageName{b.Slug + "-" + c.ID + suffix, bk.section}
		}
	}
	return bk
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
