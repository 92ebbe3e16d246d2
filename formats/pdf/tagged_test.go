package pdf

import (
	"maps"
	"slices"
	"testing"

	"bookc/builder/tree"
	"bookc/builder/tree/sample"
	"bookc/formats/pdf/layout"
	"bookc/formats/pdf/tags"
	"bookc/formats/validate"
)

// TestTagged reads the PDFs back as a screen reader's software would: every page's content is
// tagged or an artifact, every marked-content ID and link is in the structure tree, figures have
// alternative text, headings skip no level (validate.Tagged).
func TestTagged(t *testing.T) {
	for _, bk := range books {
		t.Run(bk.name, func(t *testing.T) {
			t.Parallel()
			_, path := render(t, bk.book())
			if err := validate.Tagged(path); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestStructure checks the tree layout makes of the sample book, which has every construct: the
// elements of each, nested as PDF/UA has them, in reading order.
func TestStructure(t *testing.T) {
	doc, _ := layout.Book(sample.Book())
	if len(doc.Tags) == 0 || doc.Tags[0].Role != tags.Document || doc.Tags[0].Parent != -1 {
		t.Fatalf("the tree does not start with the Document: %v", doc.Tags[:min(1, len(doc.Tags))])
	}
	parentRole := func(e tags.Elem) tags.Role { return doc.Tags[e.Parent].Role }
	seen := map[tags.Role]int{}
	for i, e := range doc.Tags[1:] {
		seen[e.Role]++
		if e.Parent < 0 || int(e.Parent) > i {
			t.Fatalf("element %d (%v) has parent %d: not an element before it", i+1, e.Role, e.Parent)
		}
		for _, rule := range []struct {
			role    tags.Role
			parents []tags.Role
		}{
			{tags.LI, []tags.Role{tags.L}},
			{tags.LBody, []tags.Role{tags.LI}},
			{tags.TR, []tags.Role{tags.THead, tags.TBody}},
			{tags.TH, []tags.Role{tags.TR}},
			{tags.TD, []tags.Role{tags.TR}},
			{tags.THead, []tags.Role{tags.Table}},
			{tags.TBody, []tags.Role{tags.Table}},
			{tags.TOCI, []tags.Role{tags.TOC}},
			{tags.Caption, []tags.Role{tags.Div}},
		} {
			if e.Role == rule.role && !slices.Contains(rule.parents, parentRole(e)) {
				t.Errorf("element %d: %v inside %v, want inside %v", i+1, e.Role, parentRole(e), rule.parents)
			}
		}
		if e.Role == tags.Lbl && parentRole(e) != tags.LI && parentRole(e) != tags.Note {
			t.Errorf("element %d: a label inside %v", i+1, parentRole(e))
		}
		if e.Role == tags.TH && !e.Scope {
			t.Errorf("element %d: a header cell without its scope", i+1)
		}
		if (e.Role == tags.Figure || e.Role == tags.Link) && e.Alt() == "" {
			t.Errorf("element %d: a %v without a description", i+1, e.Role)
		}
	}
	for _, r := range []tags.Role{tags.Sect, tags.H1, tags.H2, tags.P, tags.L, tags.LI, tags.Lbl, tags.LBody, tags.Table,
		tags.THead, tags.TBody, tags.TR, tags.TH, tags.TD, tags.Figure, tags.Caption, tags.Code, tags.Link, tags.Note,
		tags.TOC, tags.TOCI} {
		if seen[r] == 0 {
			t.Errorf("no %v in the sample book's tree", r)
		}
	}
	// every piece of every page is in the tree or an artifact, and what a page names is there
	for i, pg := range doc.Pages {
		for _, id := range pg.Tags {
			if id <= 0 || int(id) >= len(doc.Tags) {
				t.Fatalf("page %d names element %d of %d", i+1, id, len(doc.Tags))
			}
		}
		for _, tx := range pg.AllTexts() {
			if int(tx.Tag) > len(pg.Tags) {
				t.Errorf("page %d: text %q tagged %d of the page's %d", i+1, tx.S, tx.Tag, len(pg.Tags))
			}
		}
		for _, l := range pg.Links {
			if l.Tag == 0 || doc.Tags[pg.Tags[l.Tag-1]].Role != tags.Link {
				t.Errorf("page %d: a link to %s%s outside a Link element", i+1, l.URL, l.Dest)
			}
		}
	}
}

// TestPassageLang checks that a passage in another language than the book's is a Span with its
// /Lang, for a screen reader to speak it in that language: inside its paragraph, around a link it
// holds or inside a link that holds it, the links' annotations still held by their Links; and that
// the PDF reads back tagged.
func TestPassageLang(t *testing.T) {
	b := sample.Book()
	link := func(url string, in ...tree.Inline) *tree.Link { return &tree.Link{URL: url, Content: in} }
	c := b.Parts[0].Chapters[0]
	c.Blocks = append(c.Blocks, sample.Para(sample.Text("Say "),
		&tree.Lang{Lang: "de", Content: tree.Inlines{sample.Text("Guten Tag, "), link("https://de.example", sample.Text("hier"))}},
		sample.Text(" and "), link("https://fr.example", &tree.Lang{Lang: "fr", Content: tree.Inlines{sample.Text("bonjour")}}),
		sample.Text(", and "), &tree.Lang{Lang: b.Language, Content: tree.Inlines{sample.Text("in the book's own")}}, sample.Text(".")))
	doc, _ := layout.Book(b)
	spans := map[string]tags.Role{} // a passage's language: its parent's role
	for _, e := range doc.Tags {
		if e.Role == tags.Span {
			spans[e.Lang()] = doc.Tags[e.Parent].Role
		}
		if e.Role == tags.Link && e.Parent >= 0 && doc.Tags[e.Parent].Role == tags.Span && doc.Tags[e.Parent].Lang() != "de" {
			t.Errorf("a link inside the span of %q", doc.Tags[e.Parent].Lang())
		}
	}
	if want := map[string]tags.Role{"de": tags.P, "fr": tags.Link}; !maps.Equal(spans, want) {
		t.Errorf("passages' spans by language and the role they are in: %v, want %v", spans, want)
	}
	for i, pg := range doc.Pages {
		for _, l := range pg.Links {
			if l.Tag == 0 || doc.Tags[pg.Tags[l.Tag-1]].Role != tags.Link {
				t.Errorf("page %d: the link to %s is held by no Link", i+1, l.URL)
			}
		}
	}
	_, path := render(t, b)
	if err := validate.Tagged(path); err != nil {
		t.Error(err)
	}
}
