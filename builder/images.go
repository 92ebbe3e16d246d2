package builder

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"

	"bookc/builder/diag"
	"bookc/builder/imagecheck"
	"bookc/builder/include"
	"bookc/builder/markdown"
	"bookc/builder/safefs"
	"bookc/builder/tree"
)

// maxImageBytes bounds the decoded size of all of a book's images together: each is decoded to be
// checked, and drawn again by every edition. Identical bytes are charged once, as they are decoded
// and drawn once, whichever paths and chapters show them. A var, so that tests can lower it.
var maxImageBytes int64 = 1 << 30

// imageLoader reads and checks each image once, whichever chapters show it. Every reference to a
// file it cannot use is reported at its own file:line, so that the same book always blames the
// same places, whichever chapter is parsed first.
type imageLoader struct {
	src      *Source
	reads    *include.Files        // the load's reads of files, an image's among them
	checks   *imagecheck.Memo      // the images checked in this build, and in the builds before if kept
	last     map[string]*imageFile // the image files of the load before, if kept: their assets are reused
	mu       sync.Mutex
	files    map[string]*imageFile          // by FS path
	contents map[[sha256.Size]byte]*content // by their hash, the contents of the files read
	decoded  int64                          // bytes, of every distinct image checked
}

// content is the bytes of the first file read with them, and whether their decoded size counts
// in the loader's decoded.
type content struct {
	data    []byte
	charged bool
}

type imageFile struct {
	once    sync.Once
	asset   *tree.Asset // nil when the file cannot be used
	problem string      // why, for every reference's warning
	partial string      // what of a usable image is left out, for every reference's warning
	data    []byte      // the file's bytes
	decoded int64       // bytes, once decoded
}

var mediaExt = map[string]string{
	".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
	".webp": "image/webp", ".svg": "image/svg+xml",
}

var extFor = map[string]string{
	"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif", "image/webp": ".webp", "image/svg+xml": ".svg",
}

// load returns the asset for an image reference written in the chapter folder dir (an FS path).
func (l *imageLoader) load(dir, ref string, at markdown.Pos) (*tree.Asset, *diag.Diagnostic) {
	warn := func(format string, a ...any) (*tree.Asset, *diag.Diagnostic) {
		d := diag.Warnf(at.File, at.Line, format, a...)
		return nil, &d
	}
	if schemeRE.MatchString(ref) || strings.HasPrefix(ref, "//") {
		return warn("image %s is remote and is not fetched during a build; its alt text is shown (copy it into the book)", ref)
	}
	file, _, _ := strings.Cut(unescape(ref), "?")
	if path.IsAbs(file) {
		return warn("image %s: absolute paths are refused; give a path relative to the chapter", ref)
	}
	name := path.Join(dir, file)
	if name == ".." || strings.HasPrefix(name, "../") {
		d := diag.Errorf(at.File, at.Line, "image %s escapes the include root %s (use --include-root to allow a wider folder)", ref, l.src.RootName)
		return nil, &d
	}
	l.mu.Lock()
	f, ok := l.files[name]
	if !ok {
		f = &imageFile{}
		l.files[name] = f
	}
	l.mu.Unlock()
	f.once.Do(func() { l.read(name, f) })
	if f.asset == nil {
		return warn("image %s %s; a framed box with its alt text stands in for it", ref, f.problem)
	}
	if f.partial != "" {
		d := diag.Warnf(at.File, at.Line, "image %s: %s", ref, f.partial)
		return f.asset, &d
	}
	return f.asset, nil
}

// read loads an image file into f: the asset, or why it cannot be used, and what of it is left
// out. A file the load before read with the same bytes gives the same asset, so that the chapters
// showing it that the load before converted still hold (Memo.reuse).
func (l *imageLoader) read(name string, f *imageFile) {
	data, err := l.reads.Read(l.src.FS, name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		f.problem = "does not exist (" + l.src.Display(name) + ")"
		return
	case err != nil && strings.Contains(err.Error(), "escapes"):
		f.problem = "leads out of the include root through a symbolic link"
		return
	case err != nil:
		f.problem = "cannot be read: " + unwrapPath(err).Error()
		return
	}
	c := l.share(data)
	data = c.data
	f.data = data
	if last := l.last[name]; last != nil && last.asset != nil && bytes.Equal(last.data, data) {
		f.asset, f.partial, f.decoded = last.asset, last.partial, last.decoded
	} else if isSVG(data) {
		f.asset, f.problem, f.partial = readSVG(data)
	} else {
		info, err := l.checks.Check(data)
		switch {
		case errors.Is(err, imagecheck.ErrTooBig):
			f.problem = "is too large to embed (" + strings.TrimPrefix(err.Error(), imagecheck.ErrTooBig.Error()+": ") + ")"
			return
		case err != nil:
			f.problem = "is " + err.Error()
			return
		}
		f.asset, f.decoded = &tree.Asset{Data: data, MediaType: info.MediaType, Width: info.Width, Height: info.Height}, info.Decoded
	}
	if f.decoded > 0 && !l.charge(c, f.decoded) {
		f.asset, f.partial = nil, ""
		f.problem = "is one image too many: the book's images decode to more than " + safefs.Size(maxImageBytes) + " together (scale some down)"
	}
}

// share gives the contents of data, as the first file read with them brought them: a book that
// copies one image into many folders holds it once, however many assets name it.
func (l *imageLoader) share(data []byte) *content {
	key := sha256.Sum256(data)
	l.mu.Lock()
	defer l.mu.Unlock()
	if c, ok := l.contents[key]; ok {
		return c
	}
	if l.contents == nil {
		l.contents = map[[sha256.Size]byte]*content{}
	}
	c := &content{data: data}
	l.contents[key] = c
	return c
}

// charge counts an image's decoded size against the book's budget, once for its contents however
// many files hold them, and tells whether the budget has room for it.
func (l *imageLoader) charge(c *content, decoded int64) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if c.charged {
		return true
	}
	if l.decoded+decoded > maxImageBytes {
		return false
	}
	c.charged = true
	l.decoded += decoded
	return true
}

// name gives every usable image its name inside artifacts, once all are loaded: the FS path
// flattened, with a number added where two paths flatten alike ("a/b.png", "a-b.png"). Paths are
// taken in sorted order, so the names do not depend on which chapter was parsed first.
func (l *imageLoader) name() {
	used := map[string]bool{}
	next := map[string]int{} // by stem and extension, the number to try next: linear in the clashes
	for _, p := range slices.Sorted(maps.Keys(l.files)) {
		a := l.files[p].asset
		if a == nil {
			continue
		}
		stem := assetName(p)
		// The bytes decide the type; a misleading extension is fixed in the packaged name.
		ext := path.Ext(stem)
		if mediaExt[strings.ToLower(ext)] != a.MediaType {
			ext = extFor[a.MediaType]
		}
		stem = "images/" + strings.TrimSuffix(stem, path.Ext(stem))
		a.Name = stem + ext
		for used[a.Name] {
			n := max(next[stem+ext], 2)
			next[stem+ext] = n + 1
			a.Name = stem + "-" + strconv.Itoa(n) + ext
		}
		used[a.Name] = true
	}
}

func isSVG(data []byte) bool {
	head := data[:min(len(data), 1024)]
	return bytes.Contains(head, []byte("<svg")) && !bytes.ContainsRune(head, 0)
}

// assetName flattens an FS path into a safe file name inside an artifact.
func assetName(name string) string {
	var sb strings.Builder
	for _, r := range strings.TrimLeft(name, "./") {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-', r == '_':
			sb.WriteRune(r)
		default:
			sb.WriteByte('-')
		}
	}
	return sb.String()
}
