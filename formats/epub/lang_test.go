package epub

import (
	"strings"
	"testing"

	"bookc/builder/tree"
	"bookc/builder/tree/sample"
	"bookc/formats/html"
)

func lang(l, dir string, content ...tree.Inline) *tree.Lang {
	return &tree.Lang{Lang: l, Dir: dir, Content: content}
}

// TestLangAndDir writes passages' languages as lang and xml:lang, and dir on the blocks whose first
// strong character runs right to left, or left to right inside right-to-left text.
func TestLangAndDir(t *testing.T) {
	he := text("שלום עולם")
	ar := text("مرحبا بالعالم")
	tests := []struct {
		name     string
		bookLang string
		blocks   tree.Blocks
		want     []string // in the chapter's XHTML, in this order
		not      []string
	}{
		{"span", "en", tree.Blocks{para(text("Tokyo is "), lang("ja", "", text("東京")), text("."))},
			[]string{`<p>Tokyo is <span lang="ja" xml:lang="ja">東京</span>.</p>`}, nil},
		{"a paragraph that is one passage carries it", "en", tree.Blocks{para(lang("he", "rtl", he))},
			[]string{`<p lang="he" xml:lang="he" dir="rtl">שלום עולם</p>`}, []string{"<span"}},
		{"explicit dir wins over the text", "en", tree.Blocks{para(lang("", "ltr", he)), para(lang("en", "rtl", text("Hello")))},
			[]string{`<p dir="ltr">שלום עולם</p>`, `<p lang="en" xml:lang="en" dir="rtl">Hello</p>`}, nil},
		{"rtl paragraph and heading without dir", "en", tree.Blocks{sample.Heading(2, "h", "עברית"), para(ar, text(" (Arabic)"))},
			[]string{`<h2 id="h" dir="rtl">עברית</h2>`, `<p dir="rtl">مرحبا بالعالم (Arabic)</p>`}, nil},
		{"English with a right-to-left word stays", "en", tree.Blocks{para(text("Peace is "), text("سلام"))},
			[]string{`<p>Peace is سلام</p>`}, []string{"dir="}},
		{"code does not decide", "en", tree.Blocks{para(&tree.Code{Text: "ls -l"}, text(" يعرض الملفات"))},
			[]string{`<p dir="rtl"><code>ls -l</code> يعرض الملفات</p>`}, nil},
		{"digits are weak: the first letter decides", "en", tree.Blocks{para(text("12 "), text("פרקים"))},
			[]string{`<p dir="rtl">12 פרקים</p>`}, nil},
		{"a passage with dir counts as that direction", "en", tree.Blocks{para(lang("", "rtl", text("x")), text(" more"))},
			[]string{`<p dir="rtl"><span dir="rtl">x</span> more</p>`}, nil},
		{"list and items", "en", tree.Blocks{&tree.List{Tight: true, Items: []*tree.ListItem{sample.Item(para(ar)), sample.Item(para(text("English")))}}},
			[]string{`<ul dir="rtl">`, `<li dir="rtl">مرحبا بالعالم</li>`, `<li dir="ltr">English</li>`}, nil},
		{"table cells", "en", tree.Blocks{&tree.Table{Align: []tree.Align{0, 0}, Header: []tree.Inlines{{text("Word")}, {text("Meaning")}},
			Rows: [][]tree.Inlines{{{lang("ar", "rtl", text("كتاب"))}, {text("book")}}}}},
			[]string{`<th>Word</th>`, `<td lang="ar" xml:lang="ar" dir="rtl">كتاب</td><td>book</td>`}, nil},
		{"block cells", "en", tree.Blocks{&tree.Table{Align: []tree.Align{0}, BodyCells: [][]tree.Blocks{{{para(he)}}}}},
			[]string{`<td dir="rtl"><p dir="rtl">שלום עולם</p>`}, nil},
		{"quote", "en", tree.Blocks{&tree.Quote{Blocks: tree.Blocks{para(ar)}}},
			[]string{`<blockquote dir="rtl">`, `<p dir="rtl">مرحبا بالعالم</p>`}, nil},
		{"a right-to-left book", "ar", tree.Blocks{para(ar), para(text("English inside"))},
			[]string{`<h1 id="c" dir="ltr">`, `<p dir="rtl">مرحبا بالعالم</p>`, `<p dir="ltr">English inside</p>`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := sample.Book()
			b.Language = tt.bookLang
			b.Parts = []*tree.Part{{Chapters: []*tree.Chapter{chapter("c", "Title", tt.blocks...)}}}
			_, files := entries(t, render(t, b).Files[0].Bytes())
			page := files["EPUB/text/c.xhtml"]
			_, body, _ := strings.Cut(page, "<body>")
			at := 0
			for _, w := range tt.want {
				i := strings.Index(body[at:], w)
				if i < 0 {
					t.Fatalf("no %s (in order) in\n%s", w, body)
				}
				at += i + len(w)
			}
			for _, n := range tt.not {
				if strings.Contains(body, n) {
					t.Errorf("%s in\n%s", n, body)
				}
			}
		})
	}
}

// TestBookDirection gives a book in a right-to-left language dir="rtl" on every page and a
// right-to-left page progression; any other book stays left to right.
func TestBookDirection(t *testing.T) {
	for _, tt := range []struct {
		lang string
		rtl  bool
	}{{"en", false}, {"ja", false}, {"ar", true}, {"he", true}, {"fa-IR", true}, {"ur", true}, {"az-Arab", true}, {"ku-Latn", false}, {"", false}} {
		b := sample.Book()
		b.Language = tt.lang
		_, files := entries(t, render(t, b).Files[0].Bytes())
		ppd, root := `page-progression-direction="ltr"`, `lang="`+newLayout(b).lang+`">`
		if tt.rtl {
			ppd, root = `page-progression-direction="rtl"`, `lang="`+newLayout(b).lang+`" dir="rtl">`
		}
		if !strings.Contains(files["EPUB/package.opf"], ppd) {
			t.Errorf("%q: no %s in the package", tt.lang, ppd)
		}
		for _, page := range []string{"EPUB/title.xhtml", "EPUB/nav.xhtml", "EPUB/text/introduction.xhtml"} {
			if !strings.Contains(files[page], root) {
				t.Errorf("%q: %s has no <html ... %s", tt.lang, page, root)
			}
		}
		if got := html.RightToLeft(tt.lang); got != tt.rtl {
			t.Errorf("RightToLeft(%q) = %v", tt.lang, got)
		}
	}
}

// TestEpubcheckRightToLeft holds a right-to-left book with passages to epubcheck.
func TestEpubcheckRightToLeft(t *testing.T) {
	b := sample.Book()
	b.Language = "he"
	b.Parts = append(b.Parts, &tree.Part{Chapters: []*tree.Chapter{chapter("rtl", "עברית",
		para(text("עברית נכתבת מימין לשמאל.")), para(lang("en", "ltr", text("English"))), para(text("Mixed "), lang("ja", "", text("日本語"))),
		&tree.List{Tight: true, Items: []*tree.ListItem{sample.Item(para(text("אחד"))), sample.Item(para(text("two")))}})}})
	epubcheck(t, "rtl.epub", render(t, b).Files[0].Bytes())
}
