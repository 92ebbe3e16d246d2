package epub

import (
	"net/url"
	"strconv"
	"strings"

	"bookc/builder/diag"
	"bookc/builder/tree"
	"bookc/formats/html"
)

// layout is where everything goes inside the package, decided once before rendering: file names,
// XHTML ids, images. Chapter renderers only read it, concurrently.
//
//	mimetype, META-INF/container.xml
//	EPUB/package.opf, toc.ncx, nav.xhtml, title.xhtml, style.css
//	EPUB/text/<chapter ID>.xhtml, EPUB/parts/part-N.xhtml, EPUB/media/..., EPUB/fonts/...
type layout struct {
	book     *tree.Book
	ids      *html.IDs
	lang     string
	dir      string          // the book's direction: "rtl" when its language is written right to left, else "ltr"
	title    string          // the book's title with its edition's
	uid      string          // urn:uuid:..., from title and edition
	partHref []string        // per part: its title page, "" for an untitled part
	targets  map[string]bool // what cross-references may name: "chapter" and "chapter#heading"
	assets   []*asset        // in order of first use
	byName   map[string]*asset
	access   access // what the package says of the book's accessibility
	pages    *pages // where the PDF's pages begin, for the page-list; nil: none
	diags    diag.List
}

func newLayout(b *tree.Book) *layout {
	l := &layout{book: b, ids: html.NewIDs(b), byName: map[string]*asset{}}
	l.lang = strings.ReplaceAll(b.Language, "_", "-") // "en_US", as locales spell it
	if !tree.ValidLang(l.lang) {
		if l.lang != "" {
			l.diags.Add(diag.Warnf("book.toml", 0, "language %q is no BCP 47 tag (like \"en\" or \"pt-BR\"): the EPUB says \"und\" (undetermined)", l.lang))
		}
		l.lang = "und"
	}
	l.dir = "ltr"
	if html.RightToLeft(l.lang) {
		l.dir = "rtl"
	}
	l.title = b.Title
	if l.title == "" {
		l.title = "Untitled"
	}
	if !b.Edition.Full() && b.Edition.Title != "" {
		l.title += ": " + b.Edition.Title
	}
	l.uid = "urn:uuid:" + uuid5(b.Title+"\x00"+b.Edition.Role)
	for i, p := range b.Parts {
		href := ""
		if p.Title != "" {
			href = "parts/part-" + strconv.Itoa(i+1) + ".xhtml"
		}
		l.partHref = append(l.partHref, href)
	}
	l.targets = map[string]bool{}
	for _, c := range b.Written() {
		l.targets[c.ID] = true
		walk(c, func(h *tree.Heading) {
			if h.ID != "" {
				l.targets[c.ID+"#"+h.ID] = true
			}
		}, nil)
	}
	l.collectAssets()
	l.paginate()
	l.access = l.survey()
	l.access.pageList = l.pages != nil && len(l.pages.list) > 0
	return l
}

// chapterFile is a chapter's file name from the package directory; chapterHref is its URL.
func (l *layout) chapterFile(id string) string { return "text/" + id + ".xhtml" }

func (l *layout) chapterHref(id string) string { return escapePath(l.chapterFile(id)) }

// xrefHref links from one chapter to another: they share a directory. The builder resolves every
// cross-reference to content the edition has; should one still miss its target, it becomes text
// (an empty href) or a link to the chapter, never a link that goes nowhere.
func (l *layout) xrefHref(x *tree.XRef) string {
	if !l.targets[x.Chapter] {
		return ""
	}
	h := escapePath(x.Chapter) + ".xhtml"
	if x.Anchor != "" && l.targets[x.Chapter+"#"+x.Anchor] {
		h += "#" + l.ids.Get(x.Anchor)
	}
	return h
}

// imageSrc links from a chapter to an image, or returns "" for one the package does not carry.
func (l *layout) imageSrc(a *tree.Asset) string {
	if as := l.byName[a.Name]; as != nil {
		return "../" + as.href
	}
	return ""
}

// escapePath percent-encodes each segment of a slash-separated path for use in a URL.
func escapePath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

// label is a chapter's title in tables of contents, after its number as mdBook shows it.
func label(c *tree.Chapter) string {
	t := strings.TrimSpace(c.Title)
	if t == "" {
		t = c.ID
	}
	if c.Number != nil {
		return c.Number.String() + ". " + t
	}
	return t
}

// sectionLabel is a heading's text in tables of contents; headings of only an image or a footnote
// mark still need a label, so they fall back to their id.
func sectionLabel(h *tree.Heading) string {
	if t := strings.TrimSpace(tree.PlainText(h.Content)); t != "" {
		return t
	}
	return h.ID
}
