package config

import (
	"net/url"
	"strings"
)

// siteURL reads mdBook's [output.html] site-url when it can serve as a base for links. mdBook
// documents it as "the url where the book will be hosted", and its example and default are
// paths ("/example-book/", "/"), which a PDF or an EPUB cannot resolve: only an absolute http or
// https site-url is used, and a path is ignored.
func siteURL(html map[string]any) string {
	s, _ := html["site-url"].(string)
	u, _ := absoluteURL(s)
	return u
}

// absoluteURL checks that s is an absolute http or https URL with a host, and makes it end in
// "/": a base names a folder, and "https://x.org/book" would otherwise resolve "ch01.html" to
// "https://x.org/ch01.html".
func absoluteURL(s string) (string, bool) {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") || u.RawQuery != "" || u.Fragment != "" {
		return "", false
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u.String(), true
}
