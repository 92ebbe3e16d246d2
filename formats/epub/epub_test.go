package epub

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"bookc/builder/diag"
	"bookc/builder/tree"
	"bookc/builder/tree/sample"
	"bookc/formats"
	"bookc/formats/formatstest"
	"bookc/formats/validate"
	"bookc/handbook"
)

// The nodes tests write most, by short names.
var (
	text    = sample.Text
	para    = sample.Para
	heading = sample.Heading
)

// epubcheck validates data with the real epubcheck and fails on any fatal error, error or warning,
// and when epubcheck cannot run: the bar is epubcheck's verdict, not our guess at it.
func epubcheck(t *testing.T, name string, data []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := validate.EPUB(path); err != nil {
		t.Fatal(err)
	}
}

func chapter(id, title string, blocks ...tree.Block) *tree.Chapter {
	return &tree.Chapter{ID: id, Title: title, Source: "src/" + id + ".md", Blocks: append(tree.Blocks{heading(1, id, title)}, blocks...)}
}

func figure(src, alt string, a *tree.Asset) *tree.Figure {
	return &tree.Figure{Image: &tree.Image{Src: src, Alt: alt, Asset: a}, Caption: tree.Inlines{text(alt)}}
}

func testImage() image.Image {
	img := image.NewPaletted(image.Rect(0, 0, 8, 8), []color.Color{color.White, color.Black})
	img.SetColorIndex(2, 3, 1)
	return img
}

func jpegData() []byte {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, testImage(), nil); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

func gifData() []byte {
	var buf bytes.Buffer
	if err := gif.Encode(&buf, testImage(), nil); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// webpData is a 1x1 lossless WebP image.
func webpData() []byte {
	b, err := base64.StdEncoding.DecodeString("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==")
	if err != nil {
		panic(err)
	}
	return b
}

const svgData = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10"><rect width="10" height="10" fill="#c00"/></svg>`

// imagesBook has an image of every type, a missing and a remote one, and names that need care.
func imagesBook() *tree.Book {
	b := sample.Book()
	c := chapter("images", "Images",
		figure("a.svg", "An SVG", &tree.Asset{Name: "images/a.svg", MediaType: "image/svg+xml", Data: []byte(svgData)}),
		figure("b.jpg", "A JPEG", &tree.Asset{Name: "images/b.jpg", MediaType: "image/jpeg", Width: 8, Height: 8, Data: jpegData()}),
		figure("c.gif", "A GIF", &tree.Asset{Name: "images/c.gif", MediaType: "image/gif", Width: 8, Height: 8, Data: gifData()}),
		figure("d.webp", "A WebP", &tree.Asset{Name: "images/d.webp", MediaType: "image/webp", Width: 1, Height: 1, Data: webpData()}),
		figure("missing.png", "Missing", nil),
		figure("https://example.com/remote.png", "Remote", nil),
		para(text("Inline "), &tree.Image{Src: "images/d.webp", Alt: "again", Asset: &tree.Asset{Name: "images/d.webp", MediaType: "image/webp", Data: webpData()}},
			text(", misnamed "), &tree.Image{Src: "e.png", Alt: "a JPEG called .png", Asset: &tree.Asset{Name: "images/e file.png", MediaType: "image/jpeg", Data: jpegData()}},
			text(", unusable "), &tree.Image{Src: "f.bmp", Alt: "a BMP", Asset: &tree.Asset{Name: "f.bmp", MediaType: "image/bmp", Data: []byte("BM")}}),
	)
	b.Parts = append(b.Parts, &tree.Part{Title: "Pictures", Chapters: []*tree.Chapter{c}})
	return b
}

// structureBook has a draft chapter, a chapter of only a title, deep nesting of chapters, sections
// and blocks, and ids no XML name may have.
func structureBook() *tree.Book {
	deep := chapter("level-6", "Level 6", para(text("bottom")))
	for i := 5; i >= 1; i-- {
		c := chapter(fmt.Sprintf("level-%d", i), fmt.Sprintf("Level %d", i), para(text("level")))
		c.Number = tree.Number{1, 2, 3, 4, 5, 6}[:i]
		c.Children = []*tree.Chapter{deep}
		deep = c
	}
	var nested tree.Block = para(text("innermost"))
	for i := 0; i < 8; i++ {
		nested = &tree.List{Items: []*tree.ListItem{{Blocks: tree.Blocks{&tree.Quote{Blocks: tree.Blocks{nested}}}}}}
	}
	sections := chapter("sections", "Sections", nested,
		heading(2, "1-first", "1 First"), heading(3, "2-second", "Second"), heading(6, "deepest", "Six"),
		heading(4, "four", ""), heading(2, "", "No id"), heading(3, "under-no-id", "Under no id"),
		para(&tree.XRef{Chapter: "sections", Anchor: "1-first", Content: tree.Inlines{text("up")}},
			&tree.XRef{Chapter: "draft", Content: tree.Inlines{text("draft")}},
			// Targets the builder never leaves dangling; should one slip through, no link goes nowhere.
			&tree.XRef{Chapter: "nowhere", Content: tree.Inlines{text("lost chapter")}},
			&tree.XRef{Chapter: "sections", Anchor: "no-such-heading", Content: tree.Inlines{text("lost heading")}}))
	draft := &tree.Chapter{ID: "draft", Title: "A draft", Draft: true, Blocks: tree.Blocks{heading(1, "draft", "A draft")}}
	titleOnly := chapter("title-only", "Only a title")
	empty := &tree.Chapter{ID: "2empty", Title: "Empty"}
	return &tree.Book{Title: "Structure & <Nesting>", Language: "de-CH", Slug: "structure",
		Date: time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC),
		Parts: []*tree.Part{{Chapters: []*tree.Chapter{titleOnly, empty}}, {Title: "Deep", Chapters: []*tree.Chapter{deep, sections}},
			{Title: "Empty part"}, {Chapters: []*tree.Chapter{draft}}}}
}

// rawHTMLBook has raw HTML of every kind a Markdown book may hold.
func rawHTMLBook() *tree.Book {
	raw := func(s string) *tree.RawHTML { return &tree.RawHTML{HTML: s} }
	block := func(s string) *tree.HTMLBlock { return &tree.HTMLBlock{HTML: s} }
	c := chapter("raw", "Raw HTML",
		block("<style>\n.mdbook-version { position: absolute; }\n</style>"),
		block("<div class=\"mdbook-version\">\nVersion: {{ mdbook-version }}\n</div>"),
		block("<details>\n<summary>Example no-op preprocessor</summary>"),
		sample.Code("rust", "fn main() {}"),
		block("</details>"),
		block(`<span class=fa-svg id="print-button"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><path d="M448 192V77"/></svg></span>`),
		block("<table><tr><td>a<td>b<tr><td colspan=2>c</table>"),
		block("<p>unclosed <b>bold <i>both</p><ul><li>one<li>two</ul><dl><dt>t<dd>d</dl>"),
		block("<center><font color=red>old</font></center><marquee>moving</marquee><blink>x</blink>"),
		block("<div class=\"warning\">"),
		para(text("inside a raw div"), raw("<kbd>"), text("Ctrl"), raw("</kbd>"), raw("<span>"), text("open")),
		heading(2, "after", "After"),
		block("</div>"),
		para(raw(`<a href="https://example.com">`), &tree.Link{URL: "https://example.org", Content: tree.Inlines{text("nested")}}, raw("</a>"),
			raw("</span>"), raw("<br>"), raw(`<img src="x.png" alt="raw img">`), raw("<script>"), text("js"), raw("</script>")),
		block(`<iframe src="https://example.com"></iframe><video src="v.mp4">video</video><input type="checkbox" checked>`),
		block(`<h1 id="dup">Raw heading</h1><p id="dup">same id</p><a id="x1" name="y">anchor</a>`),
	)
	b := sample.Book()
	b.Parts = append(b.Parts, &tree.Part{Chapters: []*tree.Chapter{c}})
	return b
}

// variantsBook holds every variant above in one book: each epubcheck run costs seconds.
func variantsBook() *tree.Book {
	b := imagesBook()
	raw := rawHTMLBook()
	b.Parts = append(b.Parts, raw.Parts[len(raw.Parts)-1])
	b.Parts = append(b.Parts, structureBook().Parts...)
	return b
}

func TestEpubcheck(t *testing.T) {
	edition := sample.Book()
	edition.Edition = tree.Edition{Role: "operators", Title: "Operators' Edition"}
	edition.Settings.EPUBFonts = true
	structure := structureBook()
	structure.Parts = structure.Parts[1:3] // no prefix chapters, a part without chapters last
	for _, tc := range []struct {
		name string
		book *tree.Book
	}{
		{"variants", variantsBook()},
		{"edition-fonts", edition},
		{"structure", structure},
		{"no-chapters", &tree.Book{Title: "", Language: "", Slug: "empty"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			out := render(t, tc.book)
			epubcheck(t, tc.name+".epub", out.Files[0].Bytes())
		})
	}
}

func render(t testing.TB, b *tree.Book) *formats.Output {
	t.Helper()
	out, err := Render(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Files) != 1 || out.Files[0].Name != b.Artifact()+".epub" {
		t.Fatalf("files = %v, want one named %s.epub", out.Files, b.Artifact())
	}
	return out
}

// TestSharedEditions renders the handbook's editions together and each alone: the files they
// compress alike once must change no byte.
func TestSharedEditions(t *testing.T) {
	formatstest.Shared(t, backend{}, editions(t, handbook.FS))
}

// TestRenewedBuilds renders the handbook, then with its introduction edited, then as it was, with
// a backend kept and renewed from build to build, as 'bookc watch' does: no byte may differ from
// a render from scratch.
func TestRenewedBuilds(t *testing.T) {
	edited := formatstest.Edited(t, handbook.FS, "src/introduction.md", func(data []byte) []byte {
		return append(data, "\n\nA paragraph the author just added.\n"...)
	})
	formatstest.Renewed(t, backend{}, handbook.FS, edited, handbook.FS)
}

func TestRegistered(t *testing.T) {
	if formats.Lookup("epub") == nil {
		t.Fatal("the epub backend is not registered")
	}
	if formats.Lookup("html") != nil {
		t.Fatal("html is a library, not a backend")
	}
}

// TestDeterministic renders the same book twice, and once with its date in another time zone: the
// bytes must not change.
func TestDeterministic(t *testing.T) {
	first := render(t, imagesBook()).Files[0].Bytes()
	again := render(t, imagesBook()).Files[0].Bytes()
	b := imagesBook()
	b.Date = b.Date.In(time.FixedZone("UTC+13", 13*3600))
	zoned := render(t, b).Files[0].Bytes()
	if !bytes.Equal(first, again) {
		t.Error("two renders of the same book differ")
	}
	if !bytes.Equal(first, zoned) {
		t.Error("the date's time zone changes the bytes")
	}
	other := sample.Book()
	other.Date = other.Date.Add(time.Hour)
	if bytes.Equal(render(t, sample.Book()).Files[0].Bytes(), render(t, other).Files[0].Bytes()) {
		t.Error("the book's date does not reach the package")
	}
}

func entries(t *testing.T, data []byte) (*zip.Reader, map[string]string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name] = string(b)
	}
	return zr, files
}

func TestContainer(t *testing.T) {
	b := sample.Book()
	zr, _ := entries(t, render(t, b).Files[0].Bytes())
	first := zr.File[0]
	if first.Name != "mimetype" || first.Method != zip.Store || len(first.Extra) != 0 {
		t.Errorf("first entry %q method %d extra %d bytes, want mimetype stored without extra field", first.Name, first.Method, len(first.Extra))
	}
	for _, f := range zr.File {
		if !f.Modified.Equal(b.Date.Truncate(2 * time.Second)) {
			t.Errorf("%s: modified %v, want the book's date %v", f.Name, f.Modified, b.Date)
		}
	}
}

func TestMetadata(t *testing.T) {
	full := sample.Book()
	ed := sample.Book()
	ed.Edition = tree.Edition{Role: "operators", Title: "Operators' Edition"}
	_, ff := entries(t, render(t, full).Files[0].Bytes())
	_, ef := entries(t, render(t, ed).Files[0].Bytes())
	uid := regexp.MustCompile(`<dc:identifier id="uid">urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}</dc:identifier>`)
	fullID, edID := uid.FindString(ff["EPUB/package.opf"]), uid.FindString(ef["EPUB/package.opf"])
	if fullID == "" || edID == "" || fullID == edID {
		t.Errorf("identifiers %q and %q: want two different UUID v5", fullID, edID)
	}
	for _, want := range []string{
		`<dc:title>Sample Book: Operators&#39; Edition</dc:title>`, `<dc:language>en</dc:language>`,
		`<dc:creator id="creator-2">Bo Editor</dc:creator>`, `<dc:description>A book for tests.</dc:description>`,
		`<meta property="dcterms:modified">2026-01-02T03:04:05Z</meta>`,
	} {
		if !strings.Contains(strings.ReplaceAll(ef["EPUB/package.opf"], "'", "&#39;"), want) {
			t.Errorf("package.opf lacks %s:\n%s", want, ef["EPUB/package.opf"])
		}
	}
	if !strings.Contains(ef["EPUB/title.xhtml"], "Operators&#39; Edition") && !strings.Contains(ef["EPUB/title.xhtml"], "Operators' Edition") {
		t.Errorf("the title page does not name the edition:\n%s", ef["EPUB/title.xhtml"])
	}
	// The manifest is sorted by path.
	var hrefs []string
	for _, m := range regexp.MustCompile(`<item id="[^"]+" href="([^"]+)"`).FindAllStringSubmatch(ff["EPUB/package.opf"], -1) {
		hrefs = append(hrefs, m[1])
	}
	for i := 1; i < len(hrefs); i++ {
		if hrefs[i-1] >= hrefs[i] {
			t.Errorf("manifest not sorted: %q before %q", hrefs[i-1], hrefs[i])
		}
	}
}

func TestImages(t *testing.T) {
	out := render(t, imagesBook())
	_, files := entries(t, out.Files[0].Bytes())
	for _, want := range []string{"EPUB/media/images/a.svg", "EPUB/media/images/b.jpg", "EPUB/media/images/c.gif",
		"EPUB/media/images/d.webp", "EPUB/media/images/d.png", "EPUB/media/images/e_file.png.jpg"} {
		if _, ok := files[want]; !ok {
			t.Errorf("package lacks %s", want)
		}
	}
	opf := files["EPUB/package.opf"]
	for _, want := range []string{`href="media/images/a.svg" media-type="image/svg+xml"`, `href="media/images/d.webp" media-type="image/webp" fallback="`,
		`href="media/images/e_file.png.jpg" media-type="image/jpeg"`} {
		if !strings.Contains(opf, want) {
			t.Errorf("package.opf lacks %s", want)
		}
	}
	var msgs []string
	for _, d := range out.Diagnostics {
		if d.Severity != diag.Warning || d.File == "" {
			t.Errorf("diagnostic %v: want a warning naming the chapter's file", d)
		}
		msgs = append(msgs, d.Msg)
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{`"f.bmp" is image/bmp`} {
		if !strings.Contains(all, want) {
			t.Errorf("no diagnostic says %s; got:\n%s", want, all)
		}
	}
	chapter := files["EPUB/text/images.xhtml"]
	for _, want := range []string{"Missing", "Remote", "a BMP"} {
		if !strings.Contains(chapter, `<span class="image-missing">`+want+`</span>`) {
			t.Errorf("the alt text %q does not stand in for its image", want)
		}
	}
}

func TestNavigation(t *testing.T) {
	_, files := entries(t, render(t, structureBook()).Files[0].Bytes())
	nav, ncx := files["EPUB/nav.xhtml"], files["EPUB/toc.ncx"]
	for _, want := range []string{
		`<a href="text/sections.xhtml#x1-first">1 First</a>`, `<a href="text/level-5.xhtml">1.2.3.4.5. Level 5</a>`, `<a href="text/level-6.xhtml">Level 6</a>`,
		`<a href="parts/part-2.xhtml">Deep</a>`, `<a href="text/sections.xhtml#four">four</a>`,
		`<a href="text/sections.xhtml#under-no-id">Under no id</a>`, `epub:type="bodymatter" href="text/title-only.xhtml"`,
	} {
		if !strings.Contains(nav, want) {
			t.Errorf("nav.xhtml lacks %s", want)
		}
	}
	if !strings.Contains(ncx, `<meta name="dtb:depth" content="7"/>`) || !strings.Contains(ncx, `<content src="text/sections.xhtml#x1-first"/>`) {
		t.Errorf("toc.ncx does not nest the book:\n%s", ncx)
	}
	if strings.Count(nav, "<a ") != strings.Count(ncx, "<navPoint ")+3 { // + the three landmarks
		t.Errorf("nav.xhtml has %d links, toc.ncx %d points: they list different things", strings.Count(nav, "<a "), strings.Count(ncx, "<navPoint "))
	}
}

// BenchmarkRender renders a book of the sample book's blocks, about 1.5 MB of text in chapters of
// some 25 kB, with a tenth of the text in code blocks (the mdBook guide has 14%, the handbook 4%):
// highlighting is the costliest part of rendering.
func BenchmarkRender(b *testing.B) {
	src := sample.Book()
	var prose, code tree.Blocks
	for _, c := range src.Chapters() {
		for _, bl := range c.Blocks[1:] {
			switch bl.(type) {
			case *tree.Heading:
			case *tree.CodeBlock:
				code = append(code, bl)
			default:
				prose = append(prose, bl)
			}
		}
	}
	book := sample.Book()
	size, codeSize := 0, 0
	for i := 0; size < 1500000; i++ {
		c := chapter(fmt.Sprintf("chapter-%d", i), fmt.Sprintf("Chapter %d", i))
		c.Footnotes = src.Parts[0].Chapters[0].Footnotes
		for j := 0; j < 30; j++ {
			c.Blocks = append(c.Blocks, heading(2, fmt.Sprintf("c%d-s%d", i, j), "Section"))
			c.Blocks = append(c.Blocks, prose...)
			if j%2 == 0 {
				c.Blocks = append(c.Blocks, code[j/2%len(code)])
				codeSize += textSize(&tree.Chapter{Blocks: tree.Blocks{code[j/2%len(code)]}})
			}
		}
		book.Parts[1].Chapters = append(book.Parts[1].Chapters, c)
		size += textSize(c)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		if _, err := Render(book); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(book.Chapters())), "chapters")
	b.ReportMetric(float64(100*codeSize)/float64(size), "%code")
}

// textSize approximates the text of a chapter's blocks, markup aside.
func textSize(c *tree.Chapter) int {
	n := 0
	var blocks func(tree.Blocks)
	blocks = func(bs tree.Blocks) {
		for _, bl := range bs {
			switch x := bl.(type) {
			case *tree.Paragraph:
				n += len(tree.PlainText(x.Content))
			case *tree.Heading:
				n += len(tree.PlainText(x.Content))
			case *tree.CodeBlock:
				n += len(x.Text)
			case *tree.List:
				for _, it := range x.Items {
					blocks(it.Blocks)
				}
			case *tree.Quote:
				blocks(x.Blocks)
			case *tree.Admonition:
				blocks(x.Blocks)
			case *tree.HTMLBlock:
				n += len(x.Text)
			case *tree.Table:
				for _, r := range append([][]tree.Inlines{x.Header}, x.Rows...) {
					for _, cell := range r {
						n += len(tree.PlainText(cell))
					}
				}
			case *tree.DefinitionList:
				for _, d := range x.Items {
					n += len(tree.PlainText(d.Term))
					for _, def := range d.Definitions {
						blocks(def)
					}
				}
			}
		}
	}
	blocks(c.Blocks)
	return n
}

func TestUUID5(t *testing.T) {
	// Python: uuid.uuid5(uuid.NAMESPACE_URL, "bookc:Sample Book\x00operators")
	if got, want := uuid5("Sample Book\x00operators"), "52c11b83-1779-5b15-879a-24f374228884"; got != want {
		t.Errorf("uuid5 = %s, want %s", got, want)
	}
}

func TestLanguage(t *testing.T) {
	for lang, want := range map[string]string{"en": "en", "pt-BR": "pt-BR", "en_US": "en-US", "": "und", "English": "English", "e": "und", "en US": "und", "zh-Hant-TW": "zh-Hant-TW"} {
		b := sample.Book()
		b.Language = lang
		if got := newLayout(b).lang; got != want {
			t.Errorf("language %q: package says %q, want %q", lang, got, want)
		}
	}
}
