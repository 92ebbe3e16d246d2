package builder

import (
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strings"

	"bookc/builder/diag"
	"bookc/builder/markdown"
)

var (
	schemeRE = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)
	// rustPathRE is a Rust item path as rustdoc's intra-doc links write them (std::ops::Index,
	// Vec::new(), macro@vec!): no URL scheme is followed by "::".
	rustPathRE = regexp.MustCompile(`^(?:[a-z]+@)?[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)+(?:\(\)|!)?$`)
)

// linkScheme reports whether a URL may become a link in a book: javascript:, data: and file:
// links run code or reach the reader's files, and a reader's device has no use for the others.
func linkScheme(url string) bool {
	scheme, _, _ := strings.Cut(url, ":")
	switch strings.ToLower(scheme) {
	case "http", "https", "mailto":
		return true
	}
	return false
}

// linker resolves the link destinations of one chapter. It is used by that chapter's parse only.
type linker struct {
	byPath map[string]string // SUMMARY path -> chapter ID, of every chapter with a file
	base   string            // where the book's HTML is published (config BaseURL), or ""
	page   string            // the chapter's SUMMARY path ("ch01/intro.md")
	id     string            // the chapter's ID
	// leaving are the destinations that leave the book while there is no base to resolve them.
	leaving []string
}

// resolve classifies a link destination: an external URL, or a cross-reference to a listed
// chapter, in any of the forms mdBook accepts (other.md, other.md#anchor, #anchor, other.html,
// folder/). A relative link to anything else leaves the book: mdBook's HTML has it beside the
// chapter's page (another book, the standard library's docs, a file copied from src), so it
// resolves against the base URL.
func (l *linker) resolve(dest string) markdown.Target {
	switch {
	case dest == "":
		return markdown.Target{Problem: "link with an empty destination; give it a URL or a chapter file"}
	case strings.HasPrefix(dest, "//"):
		return markdown.Target{URL: dest}
	case rustPathRE.MatchString(dest):
		return markdown.Target{Note: true, Problem: "link to " + dest + " names a Rust item, as rustdoc's intra-doc links do, not a URL or a file; its text is kept without a link (link the item's documentation URL to make it one)"}
	case schemeRE.MatchString(dest):
		if !linkScheme(dest) {
			scheme, _, _ := strings.Cut(dest, ":")
			return markdown.Target{Problem: "link to a " + strings.ToLower(scheme) + ": URL: only http, https and mailto links are made, so its text is kept without a link"}
		}
		return markdown.Target{URL: dest}
	case strings.HasPrefix(dest, "#"):
		return markdown.Target{Chapter: l.id, Anchor: unescape(dest[1:])}
	}
	file, anchor, _ := strings.Cut(dest, "#")
	file = unescape(file)
	anchor = unescape(anchor)
	if !path.IsAbs(file) {
		target := path.Join(path.Dir(l.page), file)
		for _, cand := range candidates(target, strings.HasSuffix(file, "/")) {
			if id, ok := l.byPath[cand]; ok {
				return markdown.Target{Chapter: id, Anchor: anchor}
			}
		}
		if path.Ext(target) == ".md" && !outside(target) {
			return markdown.Target{Problem: "link to " + dest + ": no chapter in SUMMARY.md is " + target + "; list the chapter or fix the link (its text is kept)"}
		}
	}
	return l.leave(dest)
}

// leave makes a link that leaves the book into an absolute URL: the destination resolved against
// the chapter's own page under the base, as mdBook's HTML places it (src/ch01/intro.md is
// base/ch01/intro.html) and with mdBook's .md-to-.html rewriting.
func (l *linker) leave(dest string) markdown.Target {
	ref, err := url.Parse(dest)
	if err != nil {
		return markdown.Target{Problem: fmt.Sprintf("link to %s is not a valid URL (%v); its text is kept without a link", dest, err)}
	}
	if l.base == "" {
		l.leaving = append(l.leaving, dest)
		return markdown.Target{Note: true, Problem: "link to " + dest + " leaves the book; its text is kept without a link, as book.toml sets no [output.bookc] base-url"}
	}
	if p, ok := strings.CutSuffix(ref.Path, ".md"); ok {
		ref.Path = p + ".html"
	}
	base, _ := url.Parse(l.base) // validated by config
	return markdown.Target{URL: base.ResolveReference(&url.URL{Path: htmlPage(l.page)}).ResolveReference(ref).String()}
}

// htmlPage is where mdBook's HTML puts a chapter: its path with .html for .md, and a README.md
// as its folder's index.html (mdBook's index preprocessor).
func htmlPage(page string) string {
	if path.Base(page) == "README.md" {
		return path.Join(path.Dir(page), "index.html")
	}
	return strings.TrimSuffix(page, ".md") + ".html"
}

// outside reports whether a path joined from the source folder leaves it.
func outside(p string) bool { return p == ".." || strings.HasPrefix(p, "../") }

// leavingWarning is the one warning for every link that left the book while book.toml gives no
// base URL: each link also has a note of its own at its place.
func leavingWarning(toml string, jobs []*chapterJob) diag.List {
	n, first, where := 0, "", ""
	for _, j := range jobs {
		if j.links == nil || len(j.links.leaving) == 0 {
			continue
		}
		if n == 0 {
			first, where = j.links.leaving[0], j.ch.Source
		}
		n += len(j.links.leaving)
	}
	if n == 0 {
		return nil
	}
	links := fmt.Sprintf("%d links leave", n)
	if n == 1 {
		links = "1 link leaves"
	}
	return diag.List{diag.Warnf(toml, 0, "%s the book, the first %s in %s; their text is kept without links. Set base-url in [output.bookc] to the URL where the book's HTML is published (such as \"https://doc.rust-lang.org/stable/book/\"), or an absolute [output.html] site-url, to make them links ('bookc check' lists them)",
		links, first, where)}
}

// candidates lists the chapter files a link target may mean, as mdBook maps them to HTML pages.
func candidates(target string, folder bool) []string {
	switch ext := path.Ext(target); {
	case folder || ext == "":
		return []string{target + "/README.md", target + "/index.md", target + ".md"}
	case ext == ".html":
		stem := strings.TrimSuffix(target, ".html")
		if path.Base(stem) == "index" {
			return []string{path.Join(path.Dir(stem), "README.md"), stem + ".md"}
		}
		return []string{stem + ".md"}
	default:
		return []string{target}
	}
}

func unescape(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}
