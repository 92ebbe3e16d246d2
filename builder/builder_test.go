package builder

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"bookc/builder/diag"
	"bookc/builder/golden"
	"bookc/builder/safefs"
	"bookc/builder/tree"
)

func loadDir(t testing.TB, dir string) *Book {
	t.Helper()
	src, err := OpenDir(dir, dir, safefs.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	b, err := Load(src, Options{SourceDateEpoch: "1700000000", Highlight: true})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func diagText(ds diag.List) []byte {
	var sb strings.Builder
	for _, d := range ds.Sorted() {
		sb.WriteString(d.String() + "\n")
	}
	return []byte(sb.String())
}

// TestGoldenTrees loads each small book and compares every edition's tree and all diagnostics.
func TestGoldenTrees(t *testing.T) {
	for _, name := range []string{"minimal", "features", "roles", "grammar"} {
		t.Run(name, func(t *testing.T) {
			b := loadDir(t, filepath.Join("testdata", "books", name))
			all := append(diag.List(nil), b.Diags...)
			for _, role := range append([]string{""}, b.RoleNames()...) {
				ed, notes, err := b.Edition(role)
				if err != nil {
					t.Fatal(err)
				}
				all.Add(notes...)
				data, err := json.MarshalIndent(ed, "", " ")
				if err != nil {
					t.Fatal(err)
				}
				suffix := role
				if suffix == "" {
					suffix = "full"
				}
				golden.Check(t, "golden/"+name+"."+suffix+".json", append(data, '\n'))
			}
			golden.Check(t, "golden/"+name+".diagnostics.txt", diagText(all))
		})
	}
}

// TestEditionsOf makes every edition of the roles book at once, from several goroutines as many
// times over, and checks each against the same edition made alone, and that the loaded tree is
// as it was: editions only read it.
func TestEditionsOf(t *testing.T) {
	b := loadDir(t, filepath.Join("testdata", "books", "roles"))
	before, _ := json.Marshal(b.Tree)
	roles := append([]string{""}, b.RoleNames()...)
	roles = append(roles, roles...) // the same edition twice at once, too
	eds, notes, err := b.EditionsOf(roles)
	if err != nil {
		t.Fatal(err)
	}
	var want diag.List
	for i, r := range roles {
		ed, ns, err := b.Edition(r)
		if err != nil {
			t.Fatal(err)
		}
		want.Add(ns...)
		got, _ := json.Marshal(eds[i])
		if alone, _ := json.Marshal(ed); string(got) != string(alone) {
			t.Errorf("role %q: made with the others, the edition differs from the one made alone", r)
		}
	}
	if !bytes.Equal(diagText(notes), diagText(want)) {
		t.Errorf("notes:\n%s\nwant, in the roles' order:\n%s", diagText(notes), diagText(want))
	}
	if after, _ := json.Marshal(b.Tree); string(after) != string(before) {
		t.Error("making the editions changed the loaded tree")
	}
	if _, _, err := b.EditionsOf([]string{"", "nobody"}); err == nil || !strings.Contains(err.Error(), `no role "nobody"`) {
		t.Errorf("an unknown role: %v", err)
	}
}

func TestEditions(t *testing.T) {
	b := loadDir(t, filepath.Join("testdata", "books", "roles"))
	chapters := func(ed *tree.Book) string {
		var ids []string
		for _, c := range ed.Chapters() {
			ids = append(ids, c.ID+c.Number.String())
		}
		return strings.Join(ids, " ")
	}
	tests := []struct {
		role, chapters string
		has, hasNot    []string // texts the edition contains or must not
	}{
		{"", "intro operations1 runbooks1.1 development2",
			[]string{"for operators", "Only developers see this"}, []string{"in the full"}},
		{"ops", "intro operations1 runbooks1.1",
			[]string{"for operators", "Everyone sees this", "Development (§2, in the full Roles Book)", "the dev section"},
			[]string{"Only developers see this"}},
		{"dev", "intro development2",
			[]string{"Only developers see this", "Operations (§1, in the full Roles Book)"}, []string{"for operators", "runbooks"}},
	}
	for _, tt := range tests {
		t.Run("role="+tt.role, func(t *testing.T) {
			ed, notes, err := b.Edition(tt.role)
			if err != nil {
				t.Fatal(err)
			}
			if got := chapters(ed); got != tt.chapters {
				t.Errorf("chapters %q, want %q (numbers keep their full-book values)", got, tt.chapters)
			}
			data, _ := json.Marshal(ed)
			for _, s := range tt.has {
				if !strings.Contains(string(data), s) {
					t.Errorf("edition lacks %q", s)
				}
			}
			for _, s := range tt.hasNot {
				if strings.Contains(string(data), s) {
					t.Errorf("edition has %q", s)
				}
			}
			// Every remaining reference points at something the edition has.
			ids := map[string]bool{}
			anchors := map[string]bool{}
			for _, c := range ed.Chapters() {
				ids[c.ID] = true
				tree.WalkBlocks(c.Blocks, func(b tree.Block) {
					if h, ok := b.(*tree.Heading); ok {
						anchors[h.ID] = true
					}
				})
			}
			for _, x := range xrefs(ed) {
				if !ids[x.Chapter] || (x.Anchor != "" && !anchors[x.Anchor]) {
					t.Errorf("dangling reference %+v", x)
				}
			}
			if tt.role != "" && len(notes) == 0 {
				t.Error("no notes about rewritten references")
			}
			for _, n := range notes {
				if n.Severity != diag.Note || n.Line == 0 {
					t.Errorf("rewrite reported as %v", n)
				}
			}
		})
	}
	if _, _, err := b.Edition("nobody"); err == nil || !strings.Contains(err.Error(), "roles: dev, ops") {
		t.Errorf("unknown role error = %v", err)
	}
	// Making editions must leave the loaded book as it was.
	full, _, _ := b.Edition("")
	again, _, _ := b.Edition("")
	j1, _ := json.Marshal(full)
	j2, _ := json.Marshal(again)
	if !bytes.Equal(j1, j2) {
		t.Error("making editions changed the loaded book")
	}
	// An edition shares the loaded book's paragraphs that cite nothing, and copies those that do.
	loaded := map[tree.Block]bool{}
	for _, c := range b.Tree.Chapters() {
		tree.WalkBlocks(c.Blocks, func(bl tree.Block) { loaded[bl] = true })
	}
	shared := 0
	for _, c := range again.Chapters() {
		tree.WalkBlocks(c.Blocks, func(bl tree.Block) {
			p, ok := bl.(*tree.Paragraph)
			if !ok {
				return
			}
			cites := false
			tree.WalkInlines(p.Content, func(in tree.Inline) {
				switch in.(type) {
				case *tree.XRef, *tree.FootnoteRef:
					cites = true
				}
			})
			switch {
			case loaded[bl] && cites:
				t.Errorf("the paragraph %q cites and is the loaded book's own", tree.PlainText(p.Content))
			case !loaded[bl] && !cites:
				t.Errorf("the paragraph %q cites nothing and is a copy", tree.PlainText(p.Content))
			case loaded[bl]:
				shared++
			}
		})
	}
	if shared == 0 {
		t.Error("the full edition shares no paragraph with the loaded book")
	}
}

func xrefs(b *tree.Book) []*tree.XRef {
	var out []*tree.XRef
	var inl func(tree.Inlines)
	inl = func(is tree.Inlines) {
		for _, in := range is {
			switch n := in.(type) {
			case *tree.XRef:
				out = append(out, n)
			case *tree.Emphasis:
				inl(n.Content)
			case *tree.Strong:
				inl(n.Content)
			}
		}
	}
	for _, c := range b.Chapters() {
		tree.WalkBlocks(c.Blocks, func(bl tree.Block) {
			if p, ok := bl.(*tree.Paragraph); ok {
				inl(p.Content)
			}
		})
	}
	return out
}

// TestIncludeRoot checks that neither includes nor images reach outside the include root, by
// path or through a symbolic link.
func TestIncludeRoot(t *testing.T) {
	dir := t.TempDir()
	secret := filepath.Join(dir, "secret.txt")
	must(t, os.WriteFile(secret, []byte("TOP SECRET"), 0o644))
	book := filepath.Join(dir, "book")
	must(t, os.MkdirAll(filepath.Join(book, "src"), 0o755))
	must(t, os.Symlink(secret, filepath.Join(book, "src", "link.txt")))
	must(t, os.Symlink(secret, filepath.Join(book, "src", "link.png")))
	must(t, os.WriteFile(filepath.Join(book, "src", "SUMMARY.md"), []byte("- [C](c.md)\n"), 0o644))
	must(t, os.WriteFile(filepath.Join(book, "src", "c.md"), []byte(
		"# C\n\n{{#include ../../secret.txt}}\n\n{{#include link.txt}}\n\n{{#include /etc/passwd}}\n\n![x](link.png)\n\n![y](../../secret.txt)\n"), 0o644))

	src, err := OpenDir(book, "", safefs.Limits{})
	must(t, err)
	b, err := Load(src, Options{})
	src.Close()
	must(t, err)
	data, _ := json.Marshal(b.Tree)
	if strings.Contains(string(data), "TOP SECRET") {
		t.Fatal("a file outside the include root got into the book")
	}
	want := []string{
		"c.md:3: error: {{#include ../../secret.txt}} escapes the include root",
		"c.md:5: error: {{#include link.txt}} escapes the include root",
		"c.md:7: error: {{#include /etc/passwd}}: absolute paths are refused",
		"c.md:9: warning: image link.png leads out of the include root through a symbolic link",
		"c.md:11: error: image ../../secret.txt escapes the include root",
	}
	got := string(diagText(b.Diags))
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("missing diagnostic %q in\n%s", w, got)
		}
	}
	// With the root widened, the same include is allowed.
	src, err = OpenDir(book, dir, safefs.Limits{})
	must(t, err)
	b, err = Load(src, Options{})
	src.Close()
	must(t, err)
	data, _ = json.Marshal(b.Tree)
	if !strings.Contains(string(data), "TOP SECRET") {
		t.Error("--include-root did not widen the root")
	}
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestLoadFailures(t *testing.T) {
	tests := []struct {
		name string
		fs   fstest.MapFS
		want string
	}{
		{"no SUMMARY.md", fstest.MapFS{"book.toml": {Data: []byte("[book]\ntitle='x'\n")}}, "book/src/SUMMARY.md: cannot read the book's outline"},
		{"bad TOML", fstest.MapFS{"book.toml": {Data: []byte("[book\n")}}, "book/book.toml: toml:"},
		{"bad paper", fstest.MapFS{"book.toml": {Data: []byte("[output.bookc]\npaper='A3'\n")}}, `book.toml: [output.bookc] paper = "A3": not a paper size: use "a4", "a5"`},
		{"unknown bookc key", fstest.MapFS{"book.toml": {Data: []byte("[output.bookc]\npapper='a4'\n")}}, `unknown setting "output.bookc.papper"`},
		{"bad man page", fstest.MapFS{"book.toml": {Data: []byte("[output.bookc.man-pages]\n'x.md'='tool'\n")}}, `write the page as name(section)`},
		{"bad SOURCE_DATE_EPOCH", fstest.MapFS{"src/SUMMARY.md": {Data: []byte("")}}, "SOURCE_DATE_EPOCH"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(FromFS(tt.fs, "book"), Options{SourceDateEpoch: "soon"})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

// TestTextFiles covers what a chapter file can be: UTF-16, invalid UTF-8, binary, empty.
func TestTextFiles(t *testing.T) {
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range "# Wide\n\nchars é\n" {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	fsys := fstest.MapFS{
		"src/SUMMARY.md": {Data: []byte("- [A](a.md)\n- [B](b.md)\n- [C](c.md)\n- [D](d.md)\n- [E](e.md)\n")},
		"src/a.md":       {Data: utf16},
		"src/b.md":       {Data: []byte("# B\n\nbad \xff byte\n")},
		"src/c.md":       {Data: []byte("\x00\x01\x02binary")},
		"src/d.md":       {Data: []byte("")},
		"src/e.md":       {Data: []byte("\xEF\xBB\xBF# E with BOM\n")},
	}
	b, err := Load(FromFS(fsys, "bk"), Options{})
	must(t, err)
	got := string(diagText(b.Diags))
	for _, w := range []string{
		"bk/src/a.md: note: file is UTF-16",
		"bk/src/b.md:3: warning: invalid UTF-8",
		"bk/src/c.md: error: file looks binary",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in\n%s", w, got)
		}
	}
	data, _ := json.Marshal(b.Tree)
	for _, w := range []string{`"chars é"`, "bad \uFFFD byte", `"E with BOM"`, `"id":"d"`} {
		if !strings.Contains(string(data), w) {
			t.Errorf("tree lacks %q", w)
		}
	}
}

// TestMdBookGuide loads mdBook's own guide when the shared corpora are present beside the project:
// only the diagnostics its missing example sources explain may appear, and the warning that bookc
// does not run its guide-helper preprocessor.
func TestMdBookGuide(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "corpora", "mdbook-guide")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("the shared corpora are not beside the project; this check is opt-in")
	}
	b := loadDir(t, dir)
	for _, d := range b.Diags {
		if !strings.Contains(d.Msg, "examples/") && !strings.Contains(d.Msg, "example.rs") && !strings.Contains(d.Msg, "[preprocessor.guide-helper]") {
			t.Errorf("unexpected diagnostic %v", d)
		}
	}
	if n := len(b.Diags); n != 4 {
		t.Errorf("%d diagnostics, want the 3 about missing examples and 1 about guide-helper", n)
	}
	if n := len(b.Tree.Chapters()); n != 32 {
		t.Errorf("%d chapters, want 32", n)
	}
}
