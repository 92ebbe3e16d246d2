package epub

import (
	"bytes"
	"image/png"
	"path"
	"strconv"
	"strings"

	"golang.org/x/image/webp"

	"bookc/builder/diag"
	"bookc/builder/tree"
)

// asset is an image file of the package.
type asset struct {
	href       string // from the package directory: "media/images/grid.png"
	mediaType  string
	data       []byte
	compressed bool   // already compressed: stored, not deflated
	fallback   *asset // a PNG copy for WebP, which EPUB 3.2 readers need not show
}

// extensions are the file extensions of the image types EPUB readers show, the first preferred.
var extensions = map[string][]string{
	"image/png":     {".png"},
	"image/jpeg":    {".jpg", ".jpeg"},
	"image/gif":     {".gif"},
	"image/svg+xml": {".svg"},
	"image/webp":    {".webp"},
}

// collectAssets gives every image the book uses a place in the package, in order of first use.
func (l *layout) collectAssets() {
	used := map[string]bool{}
	for _, c := range l.book.Chapters() {
		walk(c, nil, func(img *tree.Image) {
			a := img.Asset
			if a == nil {
				return
			}
			if _, seen := l.byName[a.Name]; seen {
				return
			}
			file, line := img.At(c.Source)
			exts, ok := extensions[a.MediaType]
			if !ok {
				l.byName[a.Name] = nil
				l.diags.Add(diag.Warnf(file, line, "image %q is %s, which EPUB readers cannot show: the EPUB shows its alt text (convert it to PNG, JPEG, GIF, SVG or WebP)", a.Name, a.MediaType))
				return
			}
			as := &asset{href: uniquePath(used, "media/"+safePath(a.Name), exts), mediaType: a.MediaType,
				data: a.Data, compressed: a.MediaType != "image/svg+xml"}
			if a.MediaType == "image/webp" {
				fb, err := pngOf(a.Data)
				if err != nil {
					l.byName[a.Name] = nil
					l.diags.Add(diag.Warnf(file, line, "image %q cannot be decoded (%v): the EPUB shows its alt text", a.Name, err))
					return
				}
				base := strings.TrimSuffix(as.href, path.Ext(as.href))
				as.fallback = &asset{href: uniquePath(used, base, []string{".png"}), mediaType: "image/png", data: fb, compressed: true}
			}
			l.byName[a.Name] = as
			l.assets = append(l.assets, as)
		})
	}
}

// pngOf converts a WebP image to PNG.
func pngOf(data []byte) ([]byte, error) {
	img, err := webp.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// uniquePath gives p an extension that matches its media type (checkers warn when they differ) and
// a number when another file already has its name, case aside.
func uniquePath(used map[string]bool, p string, exts []string) string {
	ext := path.Ext(p)
	ok := false
	for _, e := range exts {
		ok = ok || strings.EqualFold(ext, e)
	}
	if !ok {
		p += exts[0]
		ext = exts[0]
	}
	base := strings.TrimSuffix(p, ext)
	for n := 2; used[strings.ToLower(p)]; n++ {
		p = base + "-" + strconv.Itoa(n) + ext
	}
	used[strings.ToLower(p)] = true
	return p
}

// safePath keeps the characters every ZIP tool and EPUB reader takes in a file name: ASCII letters,
// digits, '-', '_', '.' and '/' between segments; others become '_'.
func safePath(name string) string {
	var segs []string
	for _, seg := range strings.Split(name, "/") {
		var sb strings.Builder
		for _, c := range seg {
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' {
				sb.WriteRune(c)
			} else {
				sb.WriteByte('_')
			}
		}
		s := strings.Trim(sb.String(), ".")
		if s != "" {
			segs = append(segs, s)
		}
	}
	if len(segs) == 0 {
		return "image"
	}
	return strings.Join(segs, "/")
}

// walk calls heading for every heading of the chapter and image for every image, in reading order;
// either may be nil.
func walk(c *tree.Chapter, heading func(*tree.Heading), image func(*tree.Image)) {
	tree.WalkChapter(c, func(b tree.Block) {
		if h, ok := b.(*tree.Heading); ok && heading != nil {
			heading(h)
		}
	}, func(in tree.Inline) {
		if img, ok := in.(*tree.Image); ok && image != nil {
			image(img)
		}
	})
}
