package builder

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"io/fs"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"
)

// TestMemo loads a book, edits it, and loads it again with the memo renewed: the book must be what
// a load from nothing gives, tree and diagnostics alike, and exactly the chapters whose text,
// includes or images changed must be converted again (the others keep their blocks).
func TestMemo(t *testing.T) {
	base := os.DirFS("testdata/books/features")
	edit := func(name string, f func(string) string) func(fstest.MapFS) {
		return func(m fstest.MapFS) { m[name].Data = []byte(f(string(m[name].Data))) }
	}
	replace := func(name, old, new string) func(fstest.MapFS) {
		return edit(name, func(s string) string {
			if !strings.Contains(s, old) {
				t.Fatalf("%s has no %q to edit", name, old)
			}
			return strings.Replace(s, old, new, 1)
		})
	}
	// drafts and missing files have no text: their title heading is made on every load
	untexted := []string{"missing-file", "not-written-yet"}
	cases := []struct {
		name      string
		first     func(fstest.MapFS) // the book as first loaded, when not as it is
		edit      func(fstest.MapFS)
		converted []string // chapter IDs; nil: every one
	}{
		{"nothing", nil, func(fstest.MapFS) {}, []string{}},
		{"a paragraph", nil, replace("src/basics.md", "Text with", "Some text with"), []string{"basics"}},
		// the same size, a later time: a file is taken to be unchanged only while both hold
		{"a word, as long", nil, func(m fstest.MapFS) {
			replace("src/basics.md", "Text with", "Text WITH")(m)
			m["src/basics.md"].ModTime = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
		}, []string{"basics"}},
		{"an include", nil, replace("src/snippet.txt", "\n", "\nmore\n"), []string{"basics"}},
		// a chapter including a file that is missing, then made
		{"an include made", replace("src/basics.md", "## Lists", "{{#include later.md}}\n\n## Lists"),
			func(m fstest.MapFS) { m["src/later.md"] = &fstest.MapFile{Data: []byte("Words made later.\n")} }, []string{"basics"}},
		{"an image", nil, func(m fstest.MapFS) { m["src/img/pixel.png"].Data = pngOf(t, 2, 1) }, []string{"preface"}},
		// the preface takes "lists" first, so the unchanged basics' "Lists" must become basics-lists,
		// and the link to it follow
		{"a heading another chapter has", nil, replace("src/preface.md", "Read [the", "## Lists\n\nRead [the"), []string{"preface"}},
		// and back: basics-lists must be lists again
		{"a heading no other chapter has now", replace("src/preface.md", "Read [the", "## Lists\n\nRead [the"),
			replace("src/preface.md", "## Lists\n\n", ""), []string{"preface"}},
		{"SUMMARY.md", nil, replace("src/SUMMARY.md", "[The tool]", "[The tool, renamed]"), nil},
		{"book.toml", nil, edit("book.toml", func(s string) string { return s + "\n[output.html.code.hidelines]\ngo = \"~\"\n" }), nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := mapFS(t, base)
			if c.first != nil {
				c.first(m)
			}
			memo := NewMemo()
			before := memoLoad(t, m, memo)
			c.edit(m)
			after := memoLoad(t, m, memo.Renew())
			fresh := memoLoad(t, m, nil)
			if got, want := bookJSON(t, after), bookJSON(t, fresh); !bytes.Equal(got, want) {
				t.Errorf("the book loaded with the memo differs from one loaded afresh:\n%s\nwant\n%s", got, want)
			}
			if got, want := diagText(after.Diags), diagText(fresh.Diags); !bytes.Equal(got, want) {
				t.Errorf("diagnostics with the memo:\n%s\nwant\n%s", got, want)
			}
			firsts := map[string]any{}
			for _, ch := range before.Tree.Chapters() {
				firsts[ch.ID] = ch.Blocks[0]
			}
			var converted, all []string
			for _, ch := range after.Tree.Chapters() {
				all = append(all, ch.ID)
				if firsts[ch.ID] != ch.Blocks[0] && !slices.Contains(untexted, ch.ID) {
					converted = append(converted, ch.ID)
				}
			}
			want := c.converted
			if want == nil {
				want = slices.DeleteFunc(all, func(id string) bool { return slices.Contains(untexted, id) })
			}
			if !slices.Equal(converted, want) {
				t.Errorf("converted again: %q, want %q", converted, want)
			}
		})
	}
}

func memoLoad(t *testing.T, fsys fs.FS, memo *Memo) *Book {
	t.Helper()
	b, err := Load(FromFS(fsys, "book"), Options{SourceDateEpoch: "1700000000", Highlight: true, Memo: memo})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// bookJSON is every edition of the book as JSON.
func bookJSON(t *testing.T, b *Book) []byte {
	t.Helper()
	eds, _, err := b.Editions()
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.MarshalIndent(eds, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// mapFS copies a book into memory, to be edited.
func mapFS(t *testing.T, fsys fs.FS) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, name)
		m[name] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func pngOf(t *testing.T, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// reads counts the files opened through it. It has no Stat of its own: fs.Stat opens a file to
// stat it, so stats are counted apart, by what they ask.
type reads struct {
	fs.FS
	mu     sync.Mutex
	opened map[string]int
}

func (r *reads) Open(name string) (fs.File, error) {
	r.mu.Lock()
	r.opened[name]++
	r.mu.Unlock()
	return r.FS.Open(name)
}

func (r *reads) ReadFile(name string) ([]byte, error) {
	r.mu.Lock()
	r.opened[name]++
	r.mu.Unlock()
	return fs.ReadFile(r.FS, name)
}

func (r *reads) Stat(name string) (fs.FileInfo, error) { return fs.Stat(r.FS, name) }

// TestMemoReads loads a book, edits a chapter and loads it again with the memo renewed: of the
// chapters, includes and images, only the edited chapter is read again.
func TestMemoReads(t *testing.T) {
	m := mapFS(t, os.DirFS("testdata/books/features"))
	memo := NewMemo()
	memoLoad(t, m, memo)
	m["src/basics.md"].Data = append(m["src/basics.md"].Data, "\nA paragraph more.\n"...)
	m["src/basics.md"].ModTime = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	r := &reads{FS: m, opened: map[string]int{}}
	second := memo.Renew()
	memoLoad(t, r, second)
	var again []string
	for name := range r.opened {
		if !strings.HasSuffix(name, "SUMMARY.md") && !strings.HasSuffix(name, "book.toml") {
			again = append(again, name)
		}
	}
	slices.Sort(again)
	if want := []string{"src/basics.md", "src/missing.md"}; !slices.Equal(again, want) { // a missing file is looked for again
		t.Errorf("read again: %q, want %q", again, want)
	}
	// a file no load reads any more is not kept for the next
	m["src/SUMMARY.md"].Data = []byte(strings.Replace(string(m["src/SUMMARY.md"].Data), "[Appendix](appendix.md)", "", 1))
	third := second.Renew()
	memoLoad(t, m, third)
	if _, kept := third.next.files["src/appendix.md"]; kept || len(third.next.files) == 0 {
		t.Errorf("after appendix.md left the book, the memo keeps it (%v), of %d files", kept, len(third.next.files))
	}
}

// TestOnlyLoadLetsSourcesGo: a load that no other follows (a build's) keeps no chapter's file
// past the chapter's conversion, so that a large book's sources are never all in memory at once.
// On one core the chapters are converted in order; when the last one is read, the files of those
// before must have been collected.
func TestOnlyLoadLetsSourcesGo(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	const n = 12
	m := fstest.MapFS{"book.toml": {Data: []byte("[book]\ntitle = 'Sources'\n")}}
	var summary strings.Builder
	summary.WriteString("# Summary\n\n")
	for i := range n {
		fmt.Fprintf(&summary, "- [Chapter %d](c%d.md)\n", i, i)
		m[fmt.Sprintf("src/c%d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("# Chapter %d\n\nSome text of chapter %d.\n", i, i))}
	}
	m["src/SUMMARY.md"] = &fstest.MapFile{Data: []byte(summary.String())}
	var freed atomic.Int32
	before := -1 // chapters collected when the last was read
	fsys := readHook(func(name string, data []byte) {
		if !strings.HasPrefix(name, "src/c") {
			return
		}
		if name == fmt.Sprintf("src/c%d.md", n-1) {
			deadline := time.Now().Add(2 * time.Second)
			for freed.Load() < n-1 && time.Now().Before(deadline) {
				runtime.GC()
				time.Sleep(time.Millisecond) // for the cleanups to run
			}
			before = int(freed.Load())
		}
		runtime.AddCleanup(&data[0], func(struct{}) { freed.Add(1) }, struct{}{})
	}).wrap(m)
	src := &Source{FS: fsys, BookDir: ".", RootName: "book", Display: func(name string) string { return "book/" + name }}
	b, err := Load(src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Tree.Written()) != n {
		t.Fatalf("%d chapters loaded, want %d", len(b.Tree.Written()), n)
	}
	if before < n-1 {
		t.Errorf("when the last chapter was read, %d of the %d files before it were collected; want all: a chapter's file must go once it is converted", before, n-1)
	}
}

// readHook is fsys, calling seen with each file's bytes as ReadFile reads them afresh.
type readHook func(name string, data []byte)

func (h readHook) wrap(fsys fs.FS) fs.FS { return hooked{fsys, h} }

type hooked struct {
	fs.FS
	seen readHook
}

func (h hooked) ReadFile(name string) ([]byte, error) {
	data, err := fs.ReadFile(h.FS, name)
	if err == nil && len(data) > 0 {
		data = bytes.Clone(data)
		h.seen(name, data)
	}
	return data, err
}
