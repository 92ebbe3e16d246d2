package builder

import (
	"net/url"
	"path"
	"regexp"
	"strings"

	"bookc/builder/markdown"
)

var schemeRE = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)

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

// resolveLink classifies a link destination written in the chapter at chapterDir (a slash path
// relative to src): an external URL, or a cross-reference to a listed chapter, in any of the forms
// mdBook accepts (other.md, other.md#anchor, #anchor, other.html, folder/).
func resolveLink(dest, chapterDir, chapterID string, byPath map[string]string) markdown.Target {
	switch {
	case dest == "":
		return markdown.Target{Problem: "link with an empty destination; give it a URL or a chapter file"}
	case strings.HasPrefix(dest, "//"):
		return markdown.Target{URL: dest}
	case schemeRE.MatchString(dest):
		if !linkScheme(dest) {
			scheme, _, _ := strings.Cut(dest, ":")
			return markdown.Target{Problem: "link to a " + strings.ToLower(scheme) + ": URL: only http, https and mailto links are made, so its text is kept without a link"}
		}
		return markdown.Target{URL: dest}
	case strings.HasPrefix(dest, "#"):
		return markdown.Target{Chapter: chapterID, Anchor: unescape(dest[1:])}
	}
	file, anchor, _ := strings.Cut(dest, "#")
	file = unescape(file)
	anchor = unescape(anchor)
	if path.IsAbs(file) {
		return markdown.Target{Problem: "link to " + dest + ": absolute paths point nowhere in a book; link the chapter's file relative to this one"}
	}
	target := path.Join(chapterDir, file)
	for _, cand := range candidates(target, strings.HasSuffix(file, "/")) {
		if id, ok := byPath[cand]; ok {
			return markdown.Target{Chapter: id, Anchor: anchor}
		}
	}
	if ext := path.Ext(target); ext == ".md" || ext == ".html" || ext == "" {
		return markdown.Target{Problem: "link to " + dest + ": no chapter in SUMMARY.md is " + target + "; list the chapter or fix the link (its text is kept)"}
	}
	return markdown.Target{Problem: "link to the file " + dest + ": only chapters and URLs can be linked from a book; its text is kept"}
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
