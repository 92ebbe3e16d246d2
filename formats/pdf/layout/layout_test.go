package layout

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"

	"bookc/builder/golden"
	"bookc/builder/tree"
	"bookc/builder/tree/sample"
	"bookc/formats/pdf/metrics"
	"bookc/formats/pdf/page"
	"bookc/formats/pdf/tags"
)

const knuthFrog = `In olden times when wishing still helped one, there lived a king whose daughters were all beautiful; and the youngest was so beautiful that the sun itself, which has seen so much, was astonished whenever it shone in her face. Close by the king's castle lay a great dark forest, and under an old lime-tree in the forest was a well, and when the day was very warm, the king's child went out into the forest and sat down by the side of the cool fountain; and when she was bored she took a golden ball, and threw it up on high and caught it; and this ball was her favorite plaything.`

func testLay() *lay {
	return newLay(sample.Book(), nil, newMemo(), NewShared())
}

// lineTexts returns each line's text as a reader sees it, with the gaps between words as spaces.
func lineTexts(bs []*vbox) []string {
	var out []string
	for _, b := range bs {
		var sb strings.Builder
		end := math.Inf(-1)
		for _, t := range b.texts {
			if t.X > end+0.5 && sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(t.S)
			end = t.X + metrics.Reach(t)
		}
		out = append(out, sb.String())
	}
	return out
}

// TestParagraphGolden sets Knuth's frog-king paragraph (his test of the algorithm) at three
// measures: the breaks, hyphens included, must stay as they are.
func TestParagraphGolden(t *testing.T) {
	for _, w := range []float64{432, 300, 180, 120} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			l := testLay()
			lines := l.paragraph([]run{{st: ptr(body()), text: knuthFrog}}, 0, w)
			text := strings.Join(lineTexts(lines), "\n") + "\n"
			// the added hyphen is a soft hyphen (U+00AD); the golden file shows it as "-"
			golden.Check(t, fmt.Sprintf("frog-%d.txt", int(w)), []byte(strings.ReplaceAll(text, "\u00ad", "-")))
			for i, b := range lines[:len(lines)-1] {
				ts := b.texts
				last := ts[len(ts)-1]
				end := last.X + metrics.Reach(last)
				if math.Abs(end-w) > 0.01 && end > w {
					t.Errorf("line %d ends at %.2f, past the measure %v", i, end, w)
				}
			}
		})
	}
}

// TestLinesShareText checks that a line's text runs are the paragraph's own bytes where they are
// them (room.keepFrom), and copies where they are not: a hyphenated line end, a run of two texts.
func TestLinesShareText(t *testing.T) {
	l := testLay()
	lines := l.paragraph([]run{{st: ptr(body()), text: knuthFrog}}, 0, 180)
	inside := func(s string) bool { return within(s, knuthFrog) }
	shared, hyphens := 0, 0
	for i, b := range lines {
		for _, tx := range b.texts {
			switch hy := strings.HasSuffix(tx.S, "\u00ad"); {
			case hy && inside(tx.S):
				t.Errorf("line %d: %q, with its added hyphen, is in the paragraph's bytes", i, tx.S)
			case hy:
				hyphens++
			case !inside(tx.S):
				t.Errorf("line %d: %q is a copy; want the paragraph's own bytes", i, tx.S)
			default:
				shared++
			}
		}
	}
	if shared == 0 || hyphens == 0 {
		t.Errorf("%d runs shared, %d hyphenated: want some of each at this measure", shared, hyphens)
	}
	// two texts in one style make one run, which is in neither: a copy
	two := l.paragraph([]run{{st: ptr(body()), text: "two "}, {st: ptr(body()), text: "texts"}}, 0, 300)
	if got := lineTexts(two); len(got) != 1 || got[0] != "two texts" {
		t.Fatalf("two texts set as %q", got)
	}
}

// within tells whether s is part of src's bytes, not a copy of them.
func within(s, src string) bool {
	p, from := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(src)))
	return s != "" && p >= from && p+uintptr(len(s)) <= from+uintptr(len(src))
}

// TestJustified checks that full lines of a justified paragraph end exactly at the measure.
func TestJustified(t *testing.T) {
	l := testLay()
	lines := l.paragraph([]run{{st: ptr(body()), text: knuthFrog + " " + knuthFrog}}, 10, 300)
	ragged := 0
	for i, b := range lines[:len(lines)-1] {
		ts := b.texts
		last := ts[len(ts)-1]
		end := last.X + metrics.Reach(last)
		switch {
		case end > 310.01:
			t.Errorf("line %d ends at %.2f, past 310", i, end)
		case end < 309.99:
			ragged++
		}
	}
	if ragged > 0 {
		t.Errorf("%d of %d lines are ragged; this paragraph justifies well", ragged, len(lines)-1)
	}
}

func TestNoHyphens(t *testing.T) {
	l := testLay()
	long := "https://example.com/documentation/administration/configuration_reference/internationalization-settings.html"
	rs := l.runs(tree.Inlines{
		&tree.Code{Text: "extraordinarily_long_identifier.with.many.components/and/paths"},
		&tree.Text{Text: " and 2extraordinarily internationalization123 and "},
		&tree.Link{URL: long, Content: tree.Inlines{&tree.Text{Text: long}}},
	}, body(), nil)
	lines := l.paragraph(rs, 0, 120)
	texts := lineTexts(lines)
	if len(texts) < 4 {
		t.Fatalf("%d lines, want the words broken over several: %q", len(texts), texts)
	}
	// an added hyphen would show in the joined text
	joined := strings.Join(texts, "")
	for _, w := range []string{"extraordinarily_long_identifier.with.many.components/and/paths", "2extraordinarily", "internationalization123", long} {
		if !strings.Contains(strings.ReplaceAll(joined, " ", ""), w) {
			t.Errorf("%q was cut with a hyphen or lost: %q", w, texts)
		}
	}
	for i, b := range lines {
		for _, tx := range b.texts {
			if end := tx.X + metrics.Reach(tx); end > 120.01 {
				t.Errorf("line %d ends at %.2f past 120: %q", i, end, texts[i])
			}
		}
	}
}

// TestCodeWrap checks that long code lines wrap inside the block with a mark, and that every
// character survives.
// TestInvisibles checks that zero-width characters draw no glyph, even where a face has one for
// them (JetBrains Mono's zero-width space is a cell wide), while the text keeps them, so that
// extraction gives the source; that fixed spaces are drawn (by the system's fonts where the mono
// face lacks them); and that none is reported missing.
func TestInvisibles(t *testing.T) {
	const s = "zero\u200bwidth, thin\u2009space, narrow\u202fno-break,\u2060joined and \ufeffBOM"
	code := body().with(func(s *style) { s.font, s.code = page.Mono, true })
	for _, st := range []style{body(), code} {
		l := testLay()
		lines := l.paragraph([]run{{st: &st, text: s}}, 0, 400)
		if got := lineTexts(lines)[0]; got != s {
			t.Errorf("%s: got %q", st.font.Face().Name, got)
		}
		for _, tx := range lines[0].texts {
			for _, g := range faceOf(tx.Font).Unpack(nil, tx.Glyphs, tx.S) {
				for _, r := range "\u200b\u2060\ufeff" {
					if id := faceOf(tx.Font).TTF.Glyph(r); g.ID == 0 || id != 0 && g.ID == id {
						t.Errorf("%s: glyph %d (%q's) is drawn", st.font.Face().Name, g.ID, r)
					}
				}
			}
		}
		if m := l.missing.list; len(m) != 0 { // nothing lacks a glyph
			t.Errorf("%s: reported as missing: %v", st.font.Face().Name, m)
		}
	}
}

func TestCodeWrap(t *testing.T) {
	l := testLay()
	line := strings.Repeat("averyveryverylongtokenwithoutspaces", 8) + " tail --flag=value"
	bs := l.code(&tree.CodeBlock{Text: line + "\nshort"}, 50, 300)
	var text strings.Builder
	marks := 0
	for _, b := range bs {
		for _, tx := range b.texts {
			text.WriteString(tx.S)
			if end := tx.X + metrics.Reach(tx); end > 350-codePad {
				t.Errorf("code text ends at %.2f, past the block", end)
			}
		}
		if len(b.pieces().Rules) > 0 {
			marks++
		}
	}
	if got := text.String(); got != line+"short" {
		t.Errorf("code text = %q", got)
	}
	if marks < 2 {
		t.Errorf("%d continuation marks, want at least 2", marks)
	}
	// an indented line goes on indented as it is plus two spaces
	space := l.faces.Face(page.Mono, false).RuneWidth(' ', codeSize)
	bs = l.code(&tree.CodeBlock{Text: "    " + strings.Repeat("call(argument, other) ", 12)}, 50, 300)
	lines := bs[1 : len(bs)-1]
	if len(lines) < 3 {
		t.Fatalf("%d lines, want the line wrapped at least twice", len(lines))
	}
	for j, b := range lines {
		want := 50 + codePad // the first line's text starts with its spaces
		if j > 0 {
			want += (4 + 2) * space
		}
		if x := b.texts[0].X; math.Abs(x-want) > 0.01 {
			t.Errorf("line %d of the wrapped line starts at x %.2f, want %.2f", j+1, x, want)
		}
		for _, tx := range b.texts {
			if end := tx.X + metrics.Reach(tx); end > 350-codePad {
				t.Errorf("code text ends at %.2f, past the block", end)
			}
		}
	}
}

// TestTableWidths checks that columns get room by content and a wide table stays in the block.
func TestTableWidths(t *testing.T) {
	l := testLay()
	row := func(a, b string) []tree.Inlines {
		return []tree.Inlines{{&tree.Text{Text: a}}, {&tree.Text{Text: b}}}
	}
	tb := &tree.Table{Align: []tree.Align{tree.AlignNone, tree.AlignNone}, Header: row("Key", "Description"),
		Rows: [][]tree.Inlines{row("a", strings.Repeat("long description text ", 20)), row("b", "short")}}
	bs := l.table(tb, 0, 400)
	for _, b := range bs {
		for _, tx := range b.texts {
			if end := tx.X + metrics.Reach(tx); end > 400.01 {
				t.Errorf("cell text ends at %.2f", end)
			}
		}
	}
	var wide tree.Table
	for i := 0; i < 9; i++ {
		wide.Align = append(wide.Align, tree.AlignNone)
		wide.Header = append(wide.Header, tree.Inlines{&tree.Text{Text: "Heading"}})
	}
	for r := 0; r < 3; r++ {
		var cells []tree.Inlines
		for i := 0; i < 9; i++ {
			cells = append(cells, tree.Inlines{&tree.Text{Text: "individual"}, &tree.Code{Text: "/var/lib/metropolis/data"}})
		}
		wide.Rows = append(wide.Rows, cells)
	}
	for _, size := range []float64{8, tree.DefaultFontSize, 14} {
		l := newLay(&tree.Book{Language: "en", Settings: tree.Settings{FontSize: size}}, nil, newMemo(), NewShared())
		smallest := math.Inf(1)
		for _, b := range l.table(&wide, 0, 400) {
			for _, tx := range b.texts {
				if end := tx.X + metrics.Reach(tx); end > 400.01 {
					t.Errorf("wide table at %v pt: cell text %q ends at %.2f", size, tx.S, end)
				}
				if tx.Font == l.faces.Face(page.Regular, false).Font {
					smallest = min(smallest, tx.Size)
				}
			}
		}
		// the floor: 7 points, and at a larger body size as much larger; a table smaller to
		// begin with does not grow
		if floor := min(smallSize*size/bodySize, max(7, 7*size/bodySize)); smallest < floor-0.01 || smallest > floor+0.01 {
			t.Errorf("wide table at %v pt: text shrunk to %.2f pt, want it at the floor of %.2f", size, smallest, floor)
		}
	}
	if len(bs) != 3 || bs[1].starts().header != nil || bs[2].starts().header == nil {
		t.Errorf("want header, then rows repeating it after the first")
	}
	if bs[1].h <= bs[2].h {
		t.Errorf("the long row (%.1f) should be taller than the short one (%.1f)", bs[1].h, bs[2].h)
	}
}

func lines(n int, keep func(i int) bool) []*vbox {
	var out []*vbox
	for i := 0; i < n; i++ {
		out = append(out, &vbox{h: 10, keep: keep(i), base: 8})
	}
	return out
}

// paraLines are the lines of a paragraph, which avoids breaks after its first line and before its last.
func paraLines(n int) []*vbox {
	ls := lines(n, func(int) bool { return false })
	if n >= 2 {
		ls[0].avoid, ls[n-2].avoid = true, true
	}
	return ls
}

// TestPaginate checks page breaks on pages of ten lines: no heading at a page's foot, no widow,
// no orphan, a table header on every page, footnotes on the page that refers to them.
func TestPaginate(t *testing.T) {
	l := testLay()
	l.g.TextH = 100
	var bs []*vbox
	add := func(parts ...[]*vbox) int {
		for _, p := range parts {
			bs = append(bs, p...)
		}
		return len(bs) - 1
	}
	newPage := func() []*vbox { return []*vbox{{h: 10, newPage: true}} }
	add(paraLines(9))
	heading := add(lines(1, func(int) bool { return true }))
	add(paraLines(3))
	widow := add(newPage(), paraLines(10)) - 1 // a widow would be alone: the line before it comes along
	add(newPage(), paraLines(8))
	orphan := add(paraLines(3)) - 2
	hdr := &vbox{h: 10}
	hdr.texts = []page.Text{{S: "HEADER"}}
	add(newPage())
	rows := lines(12, func(int) bool { return false })
	for _, r := range rows[1:] {
		r.info().header = []*vbox{hdr}
	}
	add(rows)
	add(newPage(), paraLines(8))
	l.notes["n1"] = lines(2, func(int) bool { return false })
	ref := add([]*vbox{{h: 10, cites: &cites{notes: []string{"n1"}}}})
	for i, b := range bs {
		b.info().dests = []string{fmt.Sprint(i)}
	}
	f := l.paginate(bs, nil)
	on := map[string]int{}
	for _, d := range f.dests {
		on[d.Name] = d.Page
	}
	at := func(i int) int { return on[fmt.Sprint(i)] }
	for _, c := range []struct {
		what      string
		box, page int
	}{
		{"heading", heading, 1}, {"line before a widow", widow, 3}, {"orphan", orphan, 5},
		{"table row", index(bs, rows[9]), 7}, {"footnote reference", ref, 9},
	} {
		if got := at(c.box); got != c.page {
			t.Errorf("%s on page %d, want %d", c.what, got, c.page)
		}
		if got := at(c.box - 1); got != c.page-1 {
			t.Errorf("box before the %s on page %d, want %d", c.what, got, c.page-1)
		}
	}
	if on[footnoteDest("n1")] != at(ref) {
		t.Errorf("footnote on page %d, its reference on page %d", on["n1"], at(ref))
	}
	if ts := f.pages[7].p.AllTexts(); len(ts) == 0 || ts[0].S != "HEADER" {
		t.Errorf("table header not repeated on the table's second page")
	}
}

func index(bs []*vbox, b *vbox) int {
	for i, x := range bs {
		if x == b {
			return i
		}
	}
	return -1
}

// TestFigures checks that a huge image scales down into the text block and that images a PDF
// cannot show become their alt text, with a diagnostic where the PDF is the reason (the builder
// reports missing and remote images).
func TestFigures(t *testing.T) {
	l := testLay()
	png := sample.PNG(40, 30)
	for _, c := range []struct {
		name      string
		asset     *tree.Asset
		diag, alt bool
	}{
		{"huge", &tree.Asset{Name: "h.png", MediaType: "image/png", Width: 6000, Height: 3000, Data: png}, false, false},
		{"tall", &tree.Asset{Name: "t.png", MediaType: "image/png", Width: 300, Height: 9000, Data: png}, false, false},
		{"svg", &tree.Asset{Name: "s.svg", MediaType: "image/svg+xml", Data: []byte("<svg/>")}, true, true},
		{"broken", &tree.Asset{Name: "b.png", MediaType: "image/png", Width: 10, Height: 10, Data: []byte("\x89PNG broken")}, true, true},
		{"missing", nil, false, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			l.diags = nil
			bs := l.figure(&tree.Figure{Image: &tree.Image{Src: c.name, Alt: "alt words", Asset: c.asset},
				Caption: tree.Inlines{&tree.Text{Text: "Caption"}}}, 50, 400)
			var imgs []page.Image
			var text []string
			for _, b := range bs {
				imgs = append(imgs, b.pieces().Images...)
				for _, tx := range b.texts {
					text = append(text, tx.S)
				}
			}
			if got := len(l.diags) > 0; got != c.diag {
				t.Errorf("diagnostics %v, want some: %v", l.diags, c.diag)
			}
			if c.alt {
				if len(imgs) != 0 || !strings.Contains(strings.Join(text, " "), "alt words") {
					t.Errorf("want the alt text and no image, got %d images and %q", len(imgs), text)
				}
				return
			}
			im := imgs[0]
			if im.X < 50 || im.X+im.W > 450.01 || im.H > l.g.TextH*0.6+0.01 {
				t.Errorf("image at x %.1f..%.1f, height %.1f: not inside the block", im.X, im.X+im.W, im.H)
			}
			if r := im.W / im.H; math.Abs(r-float64(c.asset.Width)/float64(c.asset.Height)) > 0.01 {
				t.Errorf("aspect ratio %.3f changed", r)
			}
		})
	}
}

// TestCache checks that a second pass, which reuses the boxes of blocks without cross-references,
// lays out a chapter exactly as the first did, decorations of containers included.
func TestCache(t *testing.T) {
	b := sample.Book()
	c := sample.Chapter(b, "usage")
	c.Blocks = append(c.Blocks, &tree.Admonition{Kind: tree.Note, Blocks: tree.Blocks{c.Blocks[4], c.Blocks[2]}}) // a table and code inside
	m, h := newMemo(), NewShared()
	first := newLay(b, nil, m, h).chapter(c, 0, 0)
	second := newLay(b, nil, m, h).chapter(c, 0, 0)
	if len(m.blocks) == 0 {
		t.Fatal("nothing was cached")
	}
	if len(first) != len(second) {
		t.Fatalf("%d boxes, then %d", len(first), len(second))
	}
	for i, a := range first {
		b := second[i]
		if a.h != b.h || a.keep != b.keep || a.glue != b.glue || a.base != b.base || !reflect.DeepEqual(a.pieces(), b.pieces()) ||
			!reflect.DeepEqual(a.cited(), b.cited()) || len(a.starts().header) != len(b.starts().header) {
			t.Errorf("box %d differs:\n%+v\n%+v", i, a, b)
		}
		for j, h := range a.starts().header {
			if !reflect.DeepEqual(h.pieces(), b.starts().header[j].pieces()) {
				t.Errorf("box %d: repeated header differs", i)
			}
		}
	}
}

// TestFolios checks the numbering: roman for the title page, contents and prefix chapters, arabic
// from the first part; no folio on the title page or a part's page.
func TestFolios(t *testing.T) {
	doc, _ := Book(sample.Book())
	if want := []page.Label{{Page: 0, Roman: true}, {Page: 3}}; !reflect.DeepEqual(doc.Labels, want) {
		t.Errorf("labels %+v, want %+v", doc.Labels, want)
	}
	g := PageGeometry(tree.Settings{})
	var folios []string
	for _, p := range doc.Pages {
		f := ""
		for _, tx := range p.AllTexts() {
			if tx.Y == g.FooterY {
				f = tx.S
			}
		}
		folios = append(folios, f)
	}
	if want := []string{"", "ii", "iii", "", "2", "3", "4"}; !reflect.DeepEqual(folios, want) {
		t.Errorf("folios %q, want %q", folios, want)
	}
}

// TestRenumber checks that reused boxes print the page numbers of the current pass, in
// paragraphs, table cells and headers, list items and footnotes, each box's slots naming the texts
// that are its numbers (a label put before them moves them), and that a number of another width
// sets the lines again.
func TestRenumber(t *testing.T) {
	xref := &tree.XRef{Chapter: "usage", Content: tree.Inlines{&tree.Text{Text: "Usage"}}}
	see := &tree.Paragraph{Content: tree.Inlines{&tree.Text{Text: "See "}, xref}}
	blocks := tree.Blocks{
		see,
		&tree.Table{Align: []tree.Align{tree.AlignNone}, Header: []tree.Inlines{{&tree.Text{Text: "Where"}}},
			Rows: [][]tree.Inlines{{{xref}}}},
		&tree.List{Items: []*tree.ListItem{{Blocks: tree.Blocks{see}}}},
		&tree.Table{Align: []tree.Align{tree.AlignNone}, Header: []tree.Inlines{{xref}}, Rows: [][]tree.Inlines{{{sample.Text("A row")}}}},
	}
	note := &tree.Footnote{Number: 1, ID: "fn-1", Blocks: tree.Blocks{see}}
	b, m, h := sample.Book(), newMemo(), NewShared()
	for _, c := range []struct{ label string }{{"5"}, {"7"}, {"12"}, {"xii"}} {
		l := newLay(b, map[string]string{chapterDest("usage"): c.label}, m, h)
		var texts []string
		bs := append(l.blocks(blocks, 0, 300), l.footnote(note)...)
		for _, bx := range bs {
			texts = append(texts, lineTexts([]*vbox{bx})...)
			for _, r := range bx.cited().refs {
				if s := bx.texts[r.text].S; s != c.label {
					t.Errorf("label %s: a line's slot for it holds %q", c.label, s)
				}
			}
		}
		all := strings.Join(texts, " | ")
		if strings.Count(all, "Usage, p. "+c.label) != 5 { // the no-break space set as a space
			t.Errorf("label %s: %q", c.label, all)
		}
	}
}

// TestInlineImage checks that an image inside a paragraph is set in the line, as tall as the text
// and standing on its baseline, and that a link around it covers it.
func TestInlineImage(t *testing.T) {
	l := testLay()
	badge := &tree.Asset{Name: "badge.png", MediaType: "image/png", Width: 80, Height: 20, Data: sample.PNG(80, 20)}
	content := tree.Inlines{&tree.Text{Text: "Build status "},
		&tree.Link{URL: "https://ci.example.com", Content: tree.Inlines{&tree.Image{Src: "badge.png", Alt: "passing", Asset: badge}}},
		&tree.Text{Text: " as of today."}}
	bs := l.setLines(l.build(l.runs(content, l.text(), nil), 400), 50, 400, bodyLead, justify)
	if len(bs) != 1 {
		t.Fatalf("%d lines, want 1", len(bs))
	}
	b := bs[0]
	if len(b.pieces().Images) != 1 {
		t.Fatalf("%d images in the line, want 1", len(b.pieces().Images))
	}
	im := b.pieces().Images[0]
	if h := l.size * inlineHeight; im.H != h || math.Abs(im.W-4*h) > 1e-9 {
		t.Errorf("image %vx%v, want %vx%v (its aspect kept)", im.W, im.H, 4*h, h)
	}
	if im.Y+im.H != b.base || im.Y < 0 {
		t.Errorf("image from %v to %v, want it on the baseline %v and inside the line", im.Y, im.Y+im.H, b.base)
	}
	if len(b.pieces().Links) != 1 || b.pieces().Links[0].X > im.X || b.pieces().Links[0].X+b.pieces().Links[0].W < im.X+im.W {
		t.Errorf("link areas %+v do not cover the image at %v..%v", b.pieces().Links, im.X, im.X+im.W)
	}
	var text []string
	for _, tx := range b.texts {
		text = append(text, tx.S)
	}
	if got := strings.Join(text, "|"); strings.Contains(got, "passing") {
		t.Errorf("the alt text is printed too: %q", got)
	}
	// in the structure tree, a Figure described by its alt text, inside the link it is the content of
	if path := b.paths()[im.Tag]; len(path) != 2 || path[0].Role != tags.Link || path[1].Role != tags.Figure || path[1].Alt() != "passing" {
		t.Errorf("the image's structure path %v, want a Figure with Alt \"passing\" in a Link", roles(path))
	}
	if link := b.paths()[b.pieces().Links[0].Tag]; len(link) != 1 || link[0].Role != tags.Link {
		t.Errorf("the link area's path %v, want the Link", roles(link))
	}
}

// roles are a structure path's roles and alternative texts, for messages.
func roles(p tags.Path) []string {
	var out []string
	for _, n := range p {
		out = append(out, fmt.Sprintf("%d %q", n.Role, n.Alt()))
	}
	return out
}

// TestStyles checks emphasis, strong and code on every face: each family has every weight and
// slant, so code keeps the emphasis around it.
func TestStyles(t *testing.T) {
	for _, tc := range []struct{ f, italic, bold, mono page.Font }{
		{page.Regular, page.Italic, page.Bold, page.Mono},
		{page.Bold, page.BoldItalic, page.Bold, page.MonoBold},
		{page.Italic, page.Italic, page.BoldItalic, page.MonoItalic},
		{page.BoldItalic, page.BoldItalic, page.BoldItalic, page.MonoBoldItalic},
		{page.Mono, page.MonoItalic, page.MonoBold, page.Mono},
		{page.MonoBold, page.MonoBoldItalic, page.MonoBold, page.MonoBold},
		{page.MonoItalic, page.MonoItalic, page.MonoBoldItalic, page.MonoItalic},
		{page.MonoBoldItalic, page.MonoBoldItalic, page.MonoBoldItalic, page.MonoBoldItalic},
	} {
		if got := [3]page.Font{italic(tc.f), bold(tc.f), mono(tc.f)}; got != [3]page.Font{tc.italic, tc.bold, tc.mono} {
			t.Errorf("%s: italic, bold, mono = %v, want %v", tc.f.Face().Name, got, [3]page.Font{tc.italic, tc.bold, tc.mono})
		}
	}
}

// TestLanguageHyphenation checks that the book's language picks the hyphenation patterns: a
// German compound hyphenates in a German book, and a language without patterns breaks only
// between words, which the layout says once.
func TestLanguageHyphenation(t *testing.T) {
	const text = "Die Donaudampfschifffahrtsgesellschaftskapitänsmütze liegt auf dem Tisch."
	for _, c := range []struct {
		lang   string
		hyphen bool
	}{{"de", true}, {"de-AT", true}, {"tlh", false}} {
		l := newLay(&tree.Book{Language: c.lang}, nil, newMemo(), NewShared())
		lines := lineTexts(l.paragraph([]run{{st: ptr(body()), text: text}}, 0, 140))
		if got := strings.Contains(strings.Join(lines, "\n"), "\u00ad"); got != c.hyphen {
			t.Errorf("%s: hyphenated %v, want %v: %q", c.lang, got, c.hyphen, lines)
		}
	}
	// a German passage in a book in Klingon, which has no patterns
	l := newLay(&tree.Book{Language: "tlh"}, nil, newMemo(), NewShared())
	de := l.runs(tree.Inlines{&tree.Lang{Lang: "de", Content: tree.Inlines{&tree.Text{Text: text}}}}, body(), nil)
	if lines := lineTexts(l.paragraph(de, 0, 140)); !strings.Contains(strings.Join(lines, "\n"), "\u00ad") {
		t.Errorf("a German passage is not hyphenated: %q", lines)
	}
	_, ds := Book(&tree.Book{Language: "tlh", Title: "T"})
	if n := strings.Count(fmt.Sprint(ds), "no hyphenation patterns for the language \"tlh\""); n != 1 {
		t.Errorf("said %d times: %v", n, ds)
	}
}

// TestIdeographicBreaks checks that Chinese and Japanese, written without spaces, break between
// characters, never before a closing mark nor after an opening one, and that their lines still
// justify: every line but the last reaches the measure.
func TestIdeographicBreaks(t *testing.T) {
	const text = "「東京」は日本の首都です。人口は約千四百万人で、世界で最も大きな都市の一つです。" +
		"中华人民共和国的首都是北京，它有三千多年的历史。我们在这里学习中文和日语，也学习排版。"
	l := testLay()
	const w = 150
	lines := l.paragraph([]run{{st: ptr(body()), text: text}}, 0, w)
	got := lineTexts(lines)
	if len(got) < 4 {
		t.Fatalf("%d lines: %q", len(got), got)
	}
	if strings.ReplaceAll(strings.Join(got, ""), " ", "") != text { // lineTexts shows stretched gaps as spaces
		t.Errorf("text changed: %q", got)
	}
	for i, ln := range got {
		if r, _ := utf8.DecodeRuneInString(ln); strings.ContainsRune("。、，」）", r) {
			t.Errorf("line %d starts with %q: %q", i, r, ln)
		}
		if r, _ := utf8.DecodeLastRuneInString(ln); strings.ContainsRune("「（", r) {
			t.Errorf("line %d ends with %q: %q", i, r, ln)
		}
		texts := lines[i].texts
		last := texts[len(texts)-1]
		if end := last.X + metrics.Reach(last); end > w+0.01 || i < len(got)-1 && end < w-0.5 {
			t.Errorf("line %d ends at %.2f, the measure is %v: %q", i, end, float64(w), ln)
		}
	}
	if m := l.missing.list; len(m) != 0 { // nothing lacks a glyph
		t.Errorf("no glyph for %v (fonts-droid-fallback has them)", m)
	}
}

// TestThaiBreaks checks that Thai, written without spaces between words, breaks between its
// words (the machine's dictionary, hunspell-th), with no hyphen, and fills its lines: without the
// dictionary it broke only at its one space, past the measure.
func TestThaiBreaks(t *testing.T) {
	const text = "ภาษาไทยเขียนติดกันโดยไม่เว้นวรรคระหว่างคำ คอมพิวเตอร์จึงต้องใช้พจนานุกรมเพื่อหาตำแหน่งที่ตัดบรรทัดได้อย่างถูกต้อง"
	words := []string{"ภาษาไทย", "เขียน", "ติดกัน", "โดย", "ไม่", "เว้น", "วรรค", "ระหว่าง", "คำ", "คอมพิวเตอร์", "จึง", "ต้อง", "ใช้", "พจนานุกรม", "เพื่อ", "หา", "ตำแหน่ง", "ที่", "ตัด", "บรรทัด", "ได้", "อย่าง", "ถูกต้อง"}
	l := testLay()
	const w = 120
	lines := l.paragraph([]run{{st: ptr(body()), text: text}}, 0, w)
	got := lineTexts(lines)
	if len(got) < 4 {
		t.Fatalf("%d lines: %q", len(got), got)
	}
	if strings.ReplaceAll(strings.Join(got, ""), " ", "") != strings.ReplaceAll(text, " ", "") {
		t.Errorf("text changed: %q", got)
	}
	for i, ln := range got {
		ln = strings.TrimSpace(ln)
		if strings.HasSuffix(ln, "-") {
			t.Errorf("line %d ends with a hyphen: %q", i, ln)
		}
		starts := false
		for _, wd := range words {
			starts = starts || strings.HasPrefix(ln, wd)
		}
		if !starts {
			t.Errorf("line %d starts inside a word: %q", i, ln)
		}
		texts := lines[i].texts
		last := texts[len(texts)-1]
		if end := last.X + metrics.Reach(last); end > w+0.01 {
			t.Errorf("line %d ends at %.2f, past the measure of %v: %q", i, end, float64(w), ln)
		}
	}
}

// TestRightToLeftBlocks checks that a right-to-left paragraph is set flush right, and that a
// right-to-left list item has its bullet on the right, after its text, and a quote its rule there.
func TestRightToLeftBlocks(t *testing.T) {
	l := testLay()
	heb := func(s string) tree.Blocks {
		return tree.Blocks{&tree.Paragraph{Content: tree.Inlines{&tree.Text{Text: s}}}}
	}
	const w = 300
	para := l.block(heb("שלום עולם")[0], 0, w)
	if tx := para[0].texts; len(tx) == 0 || tx[len(tx)-1].X+metrics.Reach(tx[len(tx)-1]) < w-0.5 {
		t.Errorf("a Hebrew paragraph is not flush right: %+v", tx)
	}
	list := l.block(&tree.List{Items: []*tree.ListItem{{Blocks: heb("קריאה")}}}, 0, w)
	var bullet, text *page.Text
	for i, tx := range list[0].texts {
		if tx.S == "•" {
			bullet = &list[0].texts[i]
		} else {
			text = &list[0].texts[i]
		}
	}
	if bullet == nil || text == nil || bullet.X < text.X+metrics.Reach(*text) {
		t.Errorf("the bullet of a Hebrew item is not right of its text: %+v", list[0].texts)
	}
	quote := l.block(&tree.Quote{Blocks: heb("ציטוט")}, 0, w)
	if r := quote[0].pieces().Rects; len(r) == 0 || r[0].X < w/2 {
		t.Errorf("a Hebrew quote's rule is not on the right: %+v", r)
	}
}

// TestCodeSpaces checks that inline code keeps its spaces as typed in a justified line: the
// prose's spaces stretch, the code's do not.
func TestCodeSpaces(t *testing.T) {
	l := testLay()
	in := tree.Inlines{&tree.Text{Text: strings.Repeat("wide words here ", 3)}, &tree.Code{Text: "a b c"},
		&tree.Text{Text: strings.Repeat(" and more words", 20)}}
	lines := l.paragraph(l.runs(in, body(), nil), 0, 300)
	found := false
	for _, tx := range lines[0].texts {
		if strings.Contains(tx.S, "a b c") || strings.HasPrefix(tx.S, "a") && tx.Font == page.Mono {
			found = true
			if tx.WordSpace != 0 {
				t.Errorf("code %q is set with word spacing %v", tx.S, tx.WordSpace)
			}
		} else if strings.Contains(tx.S, " ") && tx.WordSpace <= 0 {
			t.Errorf("the prose %q does not stretch (%v)", tx.S, tx.WordSpace)
		}
	}
	if !found {
		t.Errorf("no code on the first line: %q", lineTexts(lines[:1]))
	}
}

// TestCodeCuts checks where inline code and URLs may break: code after the punctuation that joins
// its parts, never after a leading run of it; URLs before it, as the Chicago Manual does.
func TestCodeCuts(t *testing.T) {
	for _, tt := range []struct {
		in   string
		url  bool
		want string // the pieces the cuts make, joined by |
	}{
		{"build.use-default-preprocessors", false, "build.|use-|default-|preprocessors"},
		{"--dest-dir", false, "--dest-|dir"},
		{"-o", false, "-o"},
		{".gitignore", false, ".gitignore"},
		{"../src/SUMMARY.md", false, "../src/|SUMMARY.|md"},
		{"std::collections::HashMap", false, "std::|collections::|HashMap"},
		{"MY_VAR=on", false, "MY_|VAR=|on"},
		{"trailing/", false, "trailing/"},
		{"naïve.ünïcode", false, "naïve.|ünïcode"},
		{"https://example.org/a/b.html", true, "https://|example|.org|/a|/b|.html"},
	} {
		cuts := codeCuts(tt.in)
		if tt.url {
			cuts = urlCuts(tt.in)
		}
		var pieces []string
		at := 0
		for _, c := range cuts {
			pieces, at = append(pieces, tt.in[at:c.at]), c.at
			if c.hyphen {
				t.Errorf("%q: a cut at %d adds a hyphen", tt.in, c.at)
			}
		}
		if got := strings.Join(append(pieces, tt.in[at:]), "|"); got != tt.want {
			t.Errorf("%q breaks as %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCodeBreaks sets identifiers and options in inline code at many widths: no line starts
// with the punctuation of the code broken before it.
func TestCodeBreaks(t *testing.T) {
	l := testLay()
	in := tree.Inlines{}
	for _, c := range []string{"build.use-default-preprocessors", "--dest-dir", "std::collections::HashMap", "output.html.playground"} {
		in = append(in, &tree.Text{Text: "set "}, &tree.Code{Text: c}, &tree.Text{Text: " then "})
	}
	broken := 0
	for w := 90.0; w < 300; w += 7 {
		lines := lineTexts(l.paragraph(l.runs(in, body(), nil), 0, w))
		for i, s := range lines {
			if i > 0 && (strings.HasPrefix(s, "-") && !strings.HasPrefix(s, "--dest-") || strings.HasPrefix(s, ".") || strings.HasPrefix(s, ":")) {
				t.Errorf("at %v pt, line %d starts with punctuation: %q", w, i+1, s)
			}
			if i > 0 && regexp.MustCompile(`^(use-|default-|preprocessors|dir|collections|HashMap|html\.|playground)`).MatchString(s) {
				broken++
			}
		}
	}
	if broken < 10 {
		t.Errorf("inline code broke inside only %d times", broken)
	}
}

// TestCloneKeepsPieces checks that a box's copy has every kind of piece the box has, drawings
// included, and pieces of its own to add to: a block reused by another edition or pass is such
// a copy, which containers decorate.
func TestCloneKeepsPieces(t *testing.T) {
	b := &vbox{h: 10}
	b.setPieces(page.Page{
		Art: page.Art{
			Rects:   []page.Rect{{W: 1, H: 1}},
			Rules:   []page.Rule{{X2: 1}},
			Images:  []page.Image{{W: 1, H: 1, Name: "a.png"}},
			Vectors: []page.Vector{{W: 1, H: 1, Name: "a.svg"}},
			Links:   []page.Link{{W: 1, H: 1, URL: "https://example.com"}},
		},
		Texts: []page.Text{{S: "a"}},
	})
	c := clone([]*vbox{b})[0]
	if c == b || !reflect.DeepEqual(c.pieces(), b.pieces()) {
		t.Errorf("the copy's pieces %+v, want %+v", c.pieces(), b.pieces())
	}
	decorate([]*vbox{c}, 0, 10, grey)
	c.more().Rules = append(c.more().Rules, page.Rule{X2: 2})
	c.texts = append(c.texts, page.Text{S: "b"})
	if p := b.pieces(); len(p.Rects) != 1 || len(p.Rules) != 1 || len(p.Texts) != 1 {
		t.Errorf("decorating the copy changed the box: %+v", p)
	}
}

// TestSharedUnits lays out the sample book's chapters, then again with the same Shared (another
// edition) and with the Shared renewed (the next build): each chapter's boxes must be the first
// layout's, not set again, and a chapter edited must be set again.
func TestSharedUnits(t *testing.T) {
	b := sample.Book()
	body := func(b *tree.Book, sh *Shared) []*vbox {
		l := newLay(b, nil, newMemo(), sh)
		l.unknown = guessPages(b)
		us := l.units()
		memos := make([]*memo, len(us))
		for i := range memos {
			memos[i] = newMemo()
		}
		return l.body(us, memos)
	}
	chapters := func(bs []*vbox) map[string]*vbox { // each chapter's first box, by its title
		firsts := map[string]*vbox{}
		for _, bx := range bs {
			if m := bx.starts().chapter; m != nil && !m.part && m.level != sectionHead {
				firsts[m.title] = bx
			}
		}
		return firsts
	}
	sh := NewShared()
	first := chapters(body(b, sh))
	if len(first) != len(b.Chapters()) {
		t.Fatalf("%d chapters laid out, want %d", len(first), len(b.Chapters()))
	}
	edited := sample.Book()
	usage := edited.Parts[1].Chapters[0]
	usage.Blocks = append(slices.Clone(usage.Blocks), sample.Para(sample.Text("A paragraph more.")))
	for _, c := range []struct {
		name  string
		b     *tree.Book
		renew bool   // a build after the last, not an edition beside it
		set   string // the chapter set again
	}{{"another edition", b, false, ""}, {"the next build", b, true, ""}, {"the next build, one chapter edited", edited, true, "1  Usage"}} {
		if c.renew {
			sh = sh.Renew()
		}
		for title, bx := range chapters(body(c.b, sh)) {
			if again := bx != first[title]; again != (title == c.set) {
				t.Errorf("%s: %q set again: %v", c.name, title, again)
			}
		}
	}
}

// TestLeaders checks that the contents' leaders are as many dots as asked, past the widest line too.
func TestLeaders(t *testing.T) {
	for _, n := range []int{0, 1, 7, len(dots) / 2, len(dots)/2 + 1, 1000} {
		if got, want := leaders(n), strings.Repeat(" .", n); got != want {
			t.Errorf("leaders(%d) = %q, want %q", n, got, want)
		}
	}
}
