package epub

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"bookc/formats/html"
	pdflayout "bookc/formats/pdf/layout"
	"bookc/handbook"
)

// TestPageList builds the handbook with page-list = true: the navigation lists the pages of the
// same edition's PDF, in order, each a link to a page break mark in the chapter where the PDF's
// page begins, and the package says where the numbers come from; epubcheck passes it. Without
// page-list, none of it is there.
func TestPageList(t *testing.T) {
	b := editions(t, handbook.FS)[0]
	if _, files := entries(t, render(t, b).Files[0].Bytes()); strings.Contains(files["EPUB/nav.xhtml"], "page-list") || strings.Contains(files["EPUB/package.opf"], "pagination") {
		t.Error("a page-list without page-list = true")
	}
	b.Settings.PageList = true
	out := render(t, b)
	epubcheck(t, "paged.epub", out.Files[0].Bytes())
	_, files := entries(t, out.Files[0].Bytes())
	nav := files["EPUB/nav.xhtml"]
	i := strings.Index(nav, `epub:type="page-list"`)
	if i < 0 {
		t.Fatal("no page-list in the navigation")
	}
	list := nav[i : i+strings.Index(nav[i:], "</nav>")]
	var labels []string
	for _, m := range regexp.MustCompile(`<a href="([^"#]+)#([^"]+)">([^<]+)</a>`).FindAllStringSubmatch(list, -1) {
		href, id, label := m[1], m[2], m[3]
		labels = append(labels, label)
		if id != html.PageID(label) || !strings.Contains(files["EPUB/"+href], `id="`+id+`" aria-label="`+label+`"`) {
			t.Errorf("page %s links to %s#%s, which has no page break mark of it", label, href, id)
		}
	}
	var want []string
	for _, s := range pdflayout.PageStarts(b) {
		want = append(want, s.Label)
	}
	if !slices.Equal(labels, want) || len(labels) < 40 {
		t.Errorf("the page-list has pages %v, want the PDF's %v", labels, want)
	}
	opf := files["EPUB/package.opf"]
	for _, s := range []string{`<dc:source id="page-source">` + b.Artifact() + `.pdf</dc:source>`, `<meta refines="#page-source" property="source-of">pagination</meta>`,
		`<meta property="schema:accessibilityFeature">pageBreakMarkers</meta>`, `<meta property="schema:accessibilityFeature">pageNavigation</meta>`} {
		if !strings.Contains(opf, s) {
			t.Errorf("the package lacks %s", s)
		}
	}
}
