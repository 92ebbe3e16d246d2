package markdown

import (
	"strings"

	gast "github.com/yuin/goldmark/ast"

	"bookc/builder/diag"
	"bookc/builder/highlight"
	"bookc/builder/tree"
)

// codeBlock makes a code block from a fence's info string and its lines, without the lines that
// mdBook's HTML hides: rustdoc's "# " lines in Rust, and in any language the lines that start with
// its hidelines prefix (book.toml's [output.html.code.hidelines], or the block's own
// "hidelines=PREFIX" attribute). When the build colours code, it lexes the code here, in the
// chapter's own parse, so that each block is lexed once per book and chapters are lexed in parallel.
func (c *converter) codeBlock(n gast.Node, info, body string) *tree.CodeBlock {
	lang := infoLang(info)
	body = strings.TrimRight(body, "\n")
	prefix := c.env.HideLines[lang]
	for _, attr := range strings.FieldsFunc(info, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
		if p, ok := strings.CutPrefix(attr, "hidelines="); ok && p != "" {
			prefix = p
		}
	}
	switch {
	case prefix != "":
		body = dropPrefixedLines(body, prefix)
	case lang == "rust":
		body = dropHiddenRustLines(body)
	}
	cb := &tree.CodeBlock{At: c.at(n), Lang: lang, Text: body}
	if c.env.Highlight {
		cb.Tokens = highlight.Tokens(lang, body)
		if highlight.TooBig(lang, body) {
			p := c.pos(nodePos(n))
			c.res.Diags.Add(diag.Notef(p.File, p.Line, "code block of %d lines is too long to highlight (over %d kB); it is set as plain text",
				strings.Count(body, "\n")+1, highlight.Budget(lang)>>10))
		}
	}
	return cb
}

// infoLang takes the language from a fence's info string: "rust,ignore" and "sh title" give the first word.
func infoLang(info string) string {
	info = strings.TrimSpace(info)
	if i := strings.IndexAny(info, ", \t{"); i >= 0 {
		info = info[:i]
	}
	return strings.ToLower(info)
}

// dropHiddenRustLines removes rustdoc's hidden lines ("# " prefix) as mdBook's HTML hides them;
// "##" escapes a line that really starts with "#".
func dropHiddenRustLines(body string) string {
	lines := strings.Split(body, "\n")
	out := lines[:0]
	for _, l := range lines {
		t := strings.TrimLeft(l, " \t")
		switch {
		case t == "#" || strings.HasPrefix(t, "# "):
			continue
		case strings.HasPrefix(t, "##"):
			l = l[:len(l)-len(t)] + t[1:]
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// dropPrefixedLines removes the lines that start, after any indentation, with prefix.
func dropPrefixedLines(body, prefix string) string {
	lines := strings.Split(body, "\n")
	out := lines[:0]
	for _, l := range lines {
		if !strings.HasPrefix(strings.TrimLeft(l, " \t"), prefix) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
