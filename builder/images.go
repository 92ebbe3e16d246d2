package builder

import (
	"bytes"
	"errors"
	"image"
	_ "image/gif" // DecodeConfig reads the formats EPUB and PDF carry
	_ "image/jpeg"
	_ "image/png"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"

	_ "golang.org/x/image/webp"

	"bookc/builder/diag"
	"bookc/builder/markdown"
	"bookc/builder/tree"
)

// maxPixels bounds an image's size: drawing decodes it whole, and a bomb of a PNG must not take the
// build machine's memory.
const maxPixels = 50_000_000

// imageLoader reads each image once, whichever chapters show it.
type imageLoader struct {
	src    *Source
	mu     sync.Mutex
	assets map[string]*tree.Asset // by FS path; nil for files that could not be used
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
	defer l.mu.Unlock()
	if a, ok := l.assets[name]; ok {
		return a, nil
	}
	a, problem := l.read(name)
	l.assets[name] = a
	if problem != "" {
		return warn("image %s %s; its alt text is shown", ref, problem)
	}
	return a, nil
}

func (l *imageLoader) read(name string) (*tree.Asset, string) {
	data, err := fs.ReadFile(l.src.FS, name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, "does not exist (" + l.src.Display(name) + ")"
	case err != nil && strings.Contains(err.Error(), "escapes"):
		return nil, "leads out of the include root through a symbolic link"
	case err != nil:
		return nil, "cannot be read: " + unwrapPath(err).Error()
	}
	a := &tree.Asset{Name: "images/" + assetName(name), Data: data}
	if isSVG(data) {
		a.MediaType = "image/svg+xml"
	} else {
		a.MediaType = http.DetectContentType(data)
		cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil || !strings.HasPrefix(a.MediaType, "image/") {
			return nil, "is not an image in a format books can show (" + a.MediaType + ")"
		}
		if cfg.Width*cfg.Height > maxPixels {
			return nil, "is too large to embed (" + strconv.Itoa(cfg.Width) + "x" + strconv.Itoa(cfg.Height) + " pixels; scale it down)"
		}
		a.Width, a.Height = cfg.Width, cfg.Height
	}
	// The bytes decide the type; a misleading extension is fixed in the packaged name.
	if ext := extFor[a.MediaType]; mediaExt[strings.ToLower(path.Ext(a.Name))] != a.MediaType {
		a.Name = strings.TrimSuffix(a.Name, path.Ext(a.Name)) + ext
	}
	return a, ""
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
