package builder

import (
	"bytes"
	"io/fs"
	"maps"
	"slices"
	"sync"
	"time"

	"bookc/builder/diag"
	"bookc/builder/imagecheck"
	"bookc/builder/include"
	"bookc/builder/markdown"
	"bookc/builder/tree"
)

// Memo is what the loads of one book carry from each to the next ('bookc watch'): the files read,
// the images checked, and every chapter as converted, so that after an edit only the files that
// changed are read again and only the chapters whose text changed (their includes expanded) are
// parsed again. Renew it between loads.
type Memo struct {
	// once is set for a load that is the only one (a build's): it keeps nothing for a next, so
	// each chapter's file, text and expansion go as soon as the chapter is converted, and a large
	// book's sources are never all in memory at once
	once   bool
	checks *imagecheck.Memo
	last   *loaded // what the load before made: only read during a load
	mu     sync.Mutex
	next   *loaded // what this load makes, for the next: guarded by mu
}

// NewMemo returns a Memo that remembers nothing yet.
func NewMemo() *Memo { return &Memo{checks: imagecheck.NewMemo(), last: &loaded{}, next: newLoaded()} }

// onlyLoad returns the Memo of a load no other follows.
func onlyLoad() *Memo { m := NewMemo(); m.once = true; return m }

// Renew returns the memo for the next load of the book: what this load checked, read and
// converted, nothing older.
func (m *Memo) Renew() *Memo {
	return &Memo{checks: m.checks.Renew(), last: m.next, next: newLoaded()}
}

// loaded is one load's reusable work.
type loaded struct {
	env      convertEnv
	chapters map[chapterKey]*converted
	images   map[string]*imageFile // by FS path
	files    map[string]stamped    // every file read, by FS path
}

func newLoaded() *loaded { return &loaded{chapters: map[chapterKey]*converted{}} }

type chapterKey struct{ id, fsPath string }

// stamped is a file as read, with the size and time it had then: while they are the same, it is
// taken to hold the same bytes, as 'bookc watch' takes a file to be unchanged (builder/touched),
// and is not read again.
type stamped struct {
	size int64
	mod  time.Time
	data []byte
}

// seed gives files the bytes of every file the load before read whose size and time are still
// what they were, so that this load reads only the files that changed.
func (m *Memo) seed(files *include.Files, fsys fs.FS) {
	for name, f := range m.last.files {
		if st, err := fs.Stat(fsys, name); err == nil && st.Mode().IsRegular() && st.Size() == f.size && st.ModTime().Equal(f.mod) {
			files.Know(name, f.data)
		}
	}
}

// sameBytes reports whether a and b are the very same bytes in memory, not merely equal ones.
func sameBytes(a, b []byte) bool { return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0]) }

// stamp keeps the files this load read, with their sizes and times, for the next load: those it
// was given by seed with the stamps they had, the others stated now.
func (m *Memo) stamp(files *include.Files, fsys fs.FS) {
	if m.once {
		return
	}
	m.next.files = map[string]stamped{}
	files.Each(func(name string, data []byte) {
		if f, ok := m.last.files[name]; ok && sameBytes(f.data, data) {
			m.next.files[name] = f
		} else if st, err := fs.Stat(fsys, name); err == nil && st.Size() == int64(len(data)) {
			m.next.files[name] = stamped{st.Size(), st.ModTime(), data}
		}
	})
}

// convertEnv is what every chapter's conversion depends on besides its own text: when any of it
// changes (book.toml, SUMMARY.md), no conversion of the load before holds.
type convertEnv struct {
	roles     []string
	hideLines map[string]string
	highlight bool
	base      string
	byPath    map[string]string
}

func (e convertEnv) equal(o convertEnv) bool {
	return slices.Equal(e.roles, o.roles) && maps.Equal(e.hideLines, o.hideLines) && e.highlight == o.highlight &&
		e.base == o.base && maps.Equal(e.byPath, o.byPath)
}

// converted is a chapter as converted: from what files and text, with which images, into what.
type converted struct {
	raw     []byte     // the chapter's file
	decoded diag.List  // what decoding it reported
	reads   []fileRead // the files its includes read
	exp     *include.Result
	images  []imageUse // the images the chapter loaded, in order
	res     *markdown.Result
	leaving []string
	// ids are the heading IDs, anchor IDs and cross-reference anchors as converted, before the
	// book made them unique book-wide (finish), which it does again on each load
	ids []string
}

// fileRead is a file an expansion read, or tried to: its bytes, or that it could not.
type fileRead struct {
	name string
	data []byte
	ok   bool
}

// readsOf reads again the files an expansion read, from the load's own reads.
func readsOf(names []string, src *Source, files *include.Files) []fileRead {
	reads := make([]fileRead, len(names))
	for i, n := range names {
		data, err := files.Read(src.FS, n)
		reads[i] = fileRead{n, data, err == nil}
	}
	return reads
}

// expansion gives job j's chapter its expansion from the load before when the chapter's file and
// every file its includes read hold the same bytes as then (or are missing still), and the book's
// budget takes it; nil when the chapter must be expanded.
func (m *Memo) expansion(j *chapterJob, src *Source, files *include.Files) *include.Result {
	c := m.last.chapters[chapterKey{j.ch.ID, j.fsPath}]
	if c == nil || c.raw == nil || c.exp.Stopped || !bytes.Equal(c.raw, j.raw) {
		return nil
	}
	for _, r := range c.reads {
		if data, err := files.Read(src.FS, r.name); (err == nil) != r.ok || !bytes.Equal(data, r.data) {
			return nil
		}
	}
	if !files.Charge(len(c.exp.Text)) {
		return nil
	}
	j.decoded, j.reads = c.decoded, c.reads
	return c.exp
}

type imageUse struct {
	ref   string
	at    markdown.Pos
	asset *tree.Asset
}

// start begins a load with env: the load before's conversions hold only if it had the same; its
// files and images hold whatever the book says of them.
func (m *Memo) start(env convertEnv) {
	m.next.env = env
	if !m.last.env.equal(env) {
		m.last = &loaded{images: m.last.images, files: m.last.files}
	}
}

// reuse gives the chapter of job j its conversion from the load before when its text is the same
// and each image it loaded is still the same asset: true when it did.
func (m *Memo) reuse(j *chapterJob, exp *include.Result, env markdown.Env) bool {
	c := m.last.chapters[chapterKey{j.ch.ID, j.fsPath}]
	if c == nil || exp != c.exp && (c.exp.Text != exp.Text || !slices.Equal(c.exp.Origins, exp.Origins)) { // the expansion kept, or one alike
		return false
	}
	n := len(j.diags)
	for _, u := range c.images {
		if env.Image(u.ref, u.at) != u.asset { // reports the image's problems, as converting did
			j.diags = j.diags[:n]
			return false
		}
	}
	for i, id := range idSlots(c.res) {
		*id = c.ids[i]
	}
	j.res = c.res
	j.links.leaving = c.leaving
	kept := *c // from this load's files, which may be new ones holding the same text
	kept.raw, kept.decoded, kept.reads = j.raw, j.decoded, j.reads
	m.keep(j, &kept)
	return true
}

// idSlots are the IDs of a conversion that finish makes unique book-wide, in order: its headings',
// its anchors', and its cross-references' anchors.
func idSlots(res *markdown.Result) []*string {
	slots := make([]*string, 0, len(res.Headings)+len(res.Anchors)+len(res.Refs))
	for _, h := range res.Headings {
		slots = append(slots, &h.ID)
	}
	for _, a := range res.Anchors {
		slots = append(slots, &a.ID)
	}
	for _, r := range res.Refs {
		slots = append(slots, &r.XRef.Anchor)
	}
	return slots
}

// convert converts the chapter of job j, and keeps the conversion for the next load.
func (m *Memo) convert(j *chapterJob, env markdown.Env) {
	c := &converted{raw: j.raw, decoded: j.decoded, reads: j.reads, exp: env.Source}
	load := env.Image
	env.Image = func(ref string, at markdown.Pos) *tree.Asset {
		a := load(ref, at)
		c.images = append(c.images, imageUse{ref, at, a})
		return a
	}
	c.res = markdown.Convert(env)
	c.leaving = j.links.leaving
	for _, id := range idSlots(c.res) {
		c.ids = append(c.ids, *id)
	}
	j.res = c.res
	m.keep(j, c)
}

func (m *Memo) keep(j *chapterJob, c *converted) {
	if m.once {
		return
	}
	m.mu.Lock()
	m.next.chapters[chapterKey{j.ch.ID, j.fsPath}] = c
	m.mu.Unlock()
}
