package layout

import (
	"reflect"
	"testing"

	"bookc/builder/tree"
)

// TestFingerprint checks that blocks that differ in any way have different fingerprints, and that
// equal blocks, made apart, have the same: editions share a set block by it.
func TestFingerprint(t *testing.T) {
	txt := func(s ...string) tree.Inlines {
		var is tree.Inlines
		for _, x := range s {
			is = append(is, &tree.Text{Text: x})
		}
		return is
	}
	para := func(is ...tree.Inline) tree.Block { return &tree.Paragraph{Content: is} }
	blocks := map[string]func() tree.Block{
		"plain":               func() tree.Block { return para(txt("abc")...) },
		"split otherwise":     func() tree.Block { return para(txt("ab", "c")...) },
		"split again":         func() tree.Block { return para(txt("a", "bc")...) },
		"emphasis":            func() tree.Block { return para(&tree.Emphasis{Content: txt("abc")}) },
		"strong":              func() tree.Block { return para(&tree.Strong{Content: txt("abc")}) },
		"code":                func() tree.Block { return para(&tree.Code{Text: "abc"}) },
		"empty":               func() tree.Block { return para() },
		"nil inline":          func() tree.Block { return para(nil) },
		"xref":                func() tree.Block { return para(&tree.XRef{Chapter: "a", Content: txt("abc")}) },
		"xref anchor":         func() tree.Block { return para(&tree.XRef{Chapter: "a", Anchor: "x", Content: txt("abc")}) },
		"xref, other chapter": func() tree.Block { return para(&tree.XRef{Chapter: "ax", Content: txt("abc")}) },
		"footnote 1":          func() tree.Block { return para(&tree.FootnoteRef{Number: 1, ID: "n"}) },
		"footnote 2":          func() tree.Block { return para(&tree.FootnoteRef{Number: 2, ID: "n"}) },
		"image": func() tree.Block {
			return para(&tree.Image{Src: "a.png", Asset: &tree.Asset{Name: "a.png", Data: []byte{1}}})
		},
		"image, other data": func() tree.Block {
			return para(&tree.Image{Src: "a.png", Asset: &tree.Asset{Name: "a.png", Data: []byte{2}}})
		},
		"image, no asset": func() tree.Block { return para(&tree.Image{Src: "a.png"}) },
		"code block":      func() tree.Block { return &tree.CodeBlock{Lang: "go", Text: "abc"} },
		"code block, lexed": func() tree.Block {
			return &tree.CodeBlock{Lang: "go", Text: "abc", Tokens: []tree.Token{{Class: "nx", Text: "abc"}}}
		},
		"table": func() tree.Block {
			return &tree.Table{Align: []tree.Align{tree.AlignLeft}, Header: []tree.Inlines{txt("abc")}}
		},
		"table, centred": func() tree.Block {
			return &tree.Table{Align: []tree.Align{tree.AlignCenter}, Header: []tree.Inlines{txt("abc")}}
		},
	}
	seen := map[string]string{}
	for name, mk := range blocks {
		a, b := mk(), mk()
		fa := string(fingerprint(nil, reflect.ValueOf(&a).Elem()))
		if fb := string(fingerprint(nil, reflect.ValueOf(&b).Elem())); fa != fb {
			t.Errorf("%s: two equal blocks have different fingerprints", name)
		}
		if other, dup := seen[fa]; dup {
			t.Errorf("%s and %s have the same fingerprint", name, other)
		}
		seen[fa] = name
	}
}
