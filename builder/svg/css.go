package svg

import (
	"slices"
	"strings"
)

// sheet is the rules of an image's <style> elements that bookc can match: compound selectors
// of a type or *, then any .class and #id parts ("rect", ".edge", "#n1", "text.label"), joined
// by descendant and child combinators ("#graph .node > rect"), in comma lists. Other selectors
// (siblings, attributes, pseudo-classes) and at-rules are ignored.
type sheet struct {
	byKey map[string][]*rule // by the subject's #id, else its first .class, else its type or *
}

type rule struct {
	subject compound // what the declarations apply to
	context []step   // the compounds to its left, nearest first
	rank    int64    // specificity and then order, which the cascade compares
	decls   []decl
}

// compound is a compound selector: [type|*](.class|#id)*.
type compound struct {
	typ     string // "" for any
	id      string
	classes []string
}

// step is a compound that an ancestor must match: the parent (a child combinator, >), or any
// ancestor above the element that matched the step before.
type step struct {
	compound
	child bool
}

type decl struct {
	prop, value string
	important   bool
}

// parseSheets reads the style elements' CSS.
func parseSheets(styles []*element) *sheet {
	sh := &sheet{byKey: map[string][]*rule{}}
	order := 0
	for _, st := range styles {
		if t, ok := st.attr("type"); ok && strings.TrimSpace(t) != "" && strings.TrimSpace(t) != "text/css" {
			continue
		}
		var css strings.Builder
		for _, c := range st.children {
			css.WriteString(c.text)
		}
		for _, r := range cssRules(css.String()) {
			decls := parseDecls(r.body)
			for _, sel := range strings.Split(r.selectors, ",") {
				ru, ok := parseSelector(strings.TrimSpace(sel))
				if !ok {
					continue
				}
				order++
				ru.rank = ru.rank<<32 | int64(order)
				ru.decls = decls
				key := ru.subject.typ
				switch {
				case ru.subject.id != "":
					key = "#" + ru.subject.id
				case len(ru.subject.classes) > 0:
					key = "." + ru.subject.classes[0]
				case key == "":
					key = "*"
				}
				sh.byKey[key] = append(sh.byKey[key], ru)
			}
		}
	}
	return sh
}

type rawRule struct{ selectors, body string }

// cssRules splits a style sheet into rules, leaving out comments, HTML comment markers and
// at-rules (@media, @font-face, @import: nothing is ever fetched).
func cssRules(css string) []rawRule {
	css = stripComments(css)
	css = strings.NewReplacer("<!--", " ", "-->", " ").Replace(css)
	var rules []rawRule
	for {
		css = strings.TrimLeft(css, " \t\r\n\f")
		if css == "" {
			return rules
		}
		var open int
		if css[0] == '@' {
			// Only up to the nearest ; or {, so that many at-rules still cost linear time.
			open = strings.IndexAny(css, ";{")
			if open >= 0 && css[open] == ';' {
				css = css[open+1:]
				continue
			}
		} else {
			open = strings.IndexByte(css, '{')
		}
		if open < 0 {
			return rules
		}
		end := blockEnd(css, open)
		if css[0] != '@' {
			rules = append(rules, rawRule{css[:open], css[open+1 : end]})
		}
		if end >= len(css) {
			return rules
		}
		css = css[end+1:]
	}
}

// blockEnd is the index of the brace that closes the block opened at open, or len(css).
func blockEnd(css string, open int) int {
	depth := 0
	for i := open; i < len(css); i++ {
		switch css[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return len(css)
}

func stripComments(css string) string {
	var b strings.Builder
	for {
		i := strings.Index(css, "/*")
		if i < 0 {
			b.WriteString(css)
			return b.String()
		}
		b.WriteString(css[:i])
		j := strings.Index(css[i+2:], "*/")
		if j < 0 {
			return b.String()
		}
		css = css[i+2+j+2:]
	}
}

// parseSelector reads a selector of compounds and combinators: "g.node > rect", "#m .label text".
func parseSelector(s string) (*rule, bool) {
	r := &rule{}
	var parts []compound
	var child []bool // whether a > comes before each part
	pending := false
	for _, f := range strings.Fields(strings.ReplaceAll(s, ">", " > ")) {
		if f == ">" {
			if len(parts) == 0 || pending {
				return nil, false
			}
			pending = true
			continue
		}
		c, rank, ok := parseCompound(f)
		if !ok {
			return nil, false
		}
		parts, child, pending = append(parts, c), append(child, pending), false
		r.rank += rank
	}
	if len(parts) == 0 || pending {
		return nil, false
	}
	r.subject = parts[len(parts)-1]
	for i := len(parts) - 2; i >= 0; i-- {
		r.context = append(r.context, step{parts[i], child[i+1]})
	}
	return r, true
}

// parseCompound reads [type|*](.class|#id)* and its specificity.
func parseCompound(s string) (compound, int64, bool) {
	var c compound
	var ids, classes, types int64
	i := identEnd(s, 0)
	if s != "" && s[0] == '*' {
		i = 1
	} else if i > 0 {
		c.typ = s[:i]
		types++
	}
	for i < len(s) {
		ch := s[i]
		j := identEnd(s, i+1)
		if (ch != '.' && ch != '#') || j == i+1 {
			return c, 0, false
		}
		if ch == '.' {
			c.classes = append(c.classes, s[i+1:j])
			classes++
		} else {
			if c.id != "" && c.id != s[i+1:j] {
				return c, 0, false // never matches
			}
			c.id = s[i+1 : j]
			ids++
		}
		i = j
	}
	if s == "" {
		return c, 0, false
	}
	return c, min(ids, 255)<<16 | min(classes, 255)<<8 | min(types, 255), true
}

func identEnd(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if !(c == '-' || c == '_' || c >= 0x80 || isDigit(c) || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			break
		}
		i++
	}
	return i
}

// matches says whether the compound applies to e, of the given classes.
func (c *compound) matches(e *element, classes []string) bool {
	if c.typ != "" && c.typ != e.name {
		return false
	}
	if c.id != "" && c.id != e.attrs["id"] {
		return false
	}
	for _, want := range c.classes {
		if !slices.Contains(classes, want) {
			return false
		}
	}
	return true
}

// matches says whether rule r applies to e, of the given classes.
func (b *builder) matches(r *rule, e *element, classes []string) bool {
	return r.subject.matches(e, classes) && b.above(r.context, e)
}

// above says whether e's ancestors match the steps. A step tries the ancestors in turn until
// the steps after it match too, but when those have no child combinator the nearest match is
// enough: one farther up leaves them fewer ancestors. Each try counts as CSS work, against its cap.
func (b *builder) above(steps []step, e *element) bool {
	if len(steps) == 0 {
		return true
	}
	st := &steps[0]
	greedy := !slices.ContainsFunc(steps[1:], func(s step) bool { return s.child })
	for a := e.parent; a != nil; a = a.parent {
		if b.cssWork++; b.cssWork > maxCSSWork {
			b.fail(capError(e.line, "style rules tried (CSS work)", maxCSSWork))
			return false
		}
		if st.matches(a, strings.Fields(a.attrs["class"])) {
			if b.above(steps[1:], a) {
				return true
			}
			if greedy {
				return false
			}
		}
		if st.child {
			return false
		}
	}
	return false
}

// parseDecls reads "prop: value; prop: value !important", from a style attribute or a rule.
// Semicolons inside quotes or parentheses (a url with data) do not end a declaration.
func parseDecls(s string) []decl {
	var decls []decl
	for len(s) > 0 {
		end := declEnd(s)
		part := s[:end]
		if end < len(s) {
			s = s[end+1:]
		} else {
			s = ""
		}
		colon := strings.IndexByte(part, ':')
		if colon < 0 {
			continue
		}
		d := decl{prop: strings.ToLower(strings.TrimSpace(part[:colon])), value: strings.TrimSpace(part[colon+1:])}
		if i := strings.LastIndexByte(d.value, '!'); i >= 0 && strings.EqualFold(strings.TrimSpace(d.value[i+1:]), "important") {
			d.value, d.important = strings.TrimSpace(d.value[:i]), true
		}
		if d.prop != "" && d.value != "" {
			decls = append(decls, d)
		}
	}
	return decls
}

func declEnd(s string) int {
	depth, quote := 0, byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '(':
			depth++
		case c == ')' && depth > 0:
			depth--
		case c == ';' && depth == 0:
			return i
		}
	}
	return len(s)
}
