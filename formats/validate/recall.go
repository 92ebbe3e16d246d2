package validate

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"fmt"
	"html"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Words is a bag of words: order-free, case-folded, letters and digits only.
type Words map[string]int

var wordRE = regexp.MustCompile(`[0-9A-Za-z\x{00C0}-\x{024F}\x{0370}-\x{03FF}\x{0400}-\x{04FF}]+`)

// Count adds the words of text.
func (w Words) Count(text string) {
	for _, m := range wordRE.FindAllString(text, -1) {
		w[strings.ToLower(m)]++
	}
}

// Recall is the share of the source's words that out still has, and the most-missed words.
func Recall(src, out Words) (float64, []string) {
	total, found := 0, 0
	type miss struct {
		w string
		n int
	}
	var missed []miss
	for w, n := range src {
		total += n
		found += min(n, out[w])
		if out[w] < n {
			missed = append(missed, miss{w, n - out[w]})
		}
	}
	sort.Slice(missed, func(i, j int) bool {
		if missed[i].n != missed[j].n {
			return missed[i].n > missed[j].n
		}
		return missed[i].w < missed[j].w
	})
	var names []string
	for i, m := range missed {
		if i == 12 {
			break
		}
		names = append(names, fmt.Sprintf("%s×%d", m.w, m.n))
	}
	if total == 0 {
		return 0, nil
	}
	return float64(found) / float64(total), names
}

var (
	summaryLinkRE = regexp.MustCompile(`\]\(([^)#\s]+\.md)\)`)
	stripRules    = []struct {
		re   *regexp.Regexp
		with string
	}{
		{regexp.MustCompile(`\\?\{\{#[^}]*\}\}`), " "},
		{regexp.MustCompile(`(?s)<!--.*?-->`), " "},
		{regexp.MustCompile(`(?m)^\s*\[[^\]]+\]:\s*\S+.*$`), " "},
		{regexp.MustCompile(`\]\([^)]*\)`), "] "},
		{regexp.MustCompile("(?m)^(```|~~~)[^\n]*$"), " "},
		{regexp.MustCompile(`</?[A-Za-z][^>]*>`), " "},
		{regexp.MustCompile(`\{#[^}]*\}`), " "},
		{regexp.MustCompile(`\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]`), " "},
	}
)

// SourceWords counts the words of every chapter SUMMARY.md links, with Markdown syntax, link
// targets, tags and directives taken out: what a reader of any format must find again.
func SourceWords(fsys fs.FS, src string) (Words, error) {
	summary, err := fs.ReadFile(fsys, path.Join(src, "SUMMARY.md"))
	if err != nil {
		return nil, err
	}
	w := Words{}
	seen := map[string]bool{}
	for _, m := range summaryLinkRE.FindAllStringSubmatch(string(summary), -1) {
		p := path.Join(src, m[1])
		if seen[p] {
			continue
		}
		seen[p] = true
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			continue
		}
		text := string(data)
		for _, r := range stripRules {
			text = r.re.ReplaceAllString(text, r.with)
		}
		w.Count(html.UnescapeString(text))
	}
	return w, nil
}

var (
	pdfHyphenRE = regexp.MustCompile(`(\w)[-\x{00AD}]\n\s*([a-z])`)
	manHyphenRE = regexp.MustCompile(`(\w)[-\x{2010}]\n\s*([a-z])`)
	overstrike  = regexp.MustCompile(`.\x08`)
	scriptRE    = regexp.MustCompile(`(?s)<(script|style)\b.*?</(script|style)>`)
	anyTagRE    = regexp.MustCompile(`<[^>]+>`)
)

// OutputWords counts the words a reader finds in an artifact: a PDF (pdftotext), an EPUB (its XHTML
// files but the navigation), or man pages (mandoc's rendering; a folder means every page in it).
// Words split by hyphenation at a line end are joined again.
func OutputWords(p string) (Words, error) {
	w := Words{}
	st, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	switch {
	case st.IsDir():
		pages, _ := filepath.Glob(filepath.Join(p, "*.[1-9]*"))
		sort.Strings(pages)
		for _, pg := range pages {
			if err := manWords(w, pg); err != nil {
				return nil, err
			}
		}
	case strings.HasSuffix(p, ".pdf"):
		out, err := output(nil, "pdftotext", "-enc", "UTF-8", p, "-")
		if err != nil {
			return nil, fmt.Errorf("pdftotext %s: %v", p, err)
		}
		w.Count(pdfHyphenRE.ReplaceAllString(out, "$1$2"))
	case strings.HasSuffix(p, ".epub"):
		z, err := zip.OpenReader(p)
		if err != nil {
			return nil, err
		}
		defer z.Close()
		for _, f := range z.File {
			if !strings.HasSuffix(f.Name, ".xhtml") || strings.HasSuffix(f.Name, "nav.xhtml") {
				continue
			}
			rc, err := f.Open()
			if err != nil {
				return nil, err
			}
			data, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				return nil, err
			}
			x := scriptRE.ReplaceAllString(string(data), " ")
			w.Count(html.UnescapeString(anyTagRE.ReplaceAllString(x, " ")))
		}
	default:
		return w, manWords(w, p)
	}
	return w, nil
}

func manWords(w Words, p string) error {
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	if strings.HasSuffix(p, ".gz") {
		r, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return err
		}
		if data, err = io.ReadAll(r); err != nil {
			return err
		}
	}
	out, _ := output(data, "mandoc", "-Tutf8")
	out = overstrike.ReplaceAllString(out, "")
	w.Count(manHyphenRE.ReplaceAllString(out, "$1$2"))
	return nil
}
