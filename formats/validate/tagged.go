package validate

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Tagged checks that a PDF is tagged as PDF/UA-1 asks, reading it back with qpdf's JSON:
//   - the catalog marks it tagged, names its language, has XMP metadata claiming PDF/UA-1, and asks
//     viewers to show its title;
//   - every text object of every page is inside marked content (a structure element's, or an
//     artifact's), and every marked-content ID is in the parent tree, its element pointing back;
//   - every link annotation has a structure parent, a Link element that holds it, and a description;
//   - in the tree's reading order, every Figure has alternative text, and headings step down one
//     level at a time (H1, H2, H3; never H1 then H3).
func Tagged(path string) error {
	d, err := readPDF(path)
	if err != nil {
		return err
	}
	return d.tagged(path)
}

// tagged is Tagged on a PDF read.
func (d *pdfDoc) tagged(path string) error {
	js := d.js
	var errs []string
	fail := func(format string, args ...any) {
		if len(errs) < 10 {
			errs = append(errs, fmt.Sprintf(format, args...))
		}
	}
	trailer := d.dict(d.objs["trailer"].Value)
	catalog := d.dict(trailer["/Root"])
	if mi := d.dict(catalog["/MarkInfo"]); mi["/Marked"] != true {
		fail("the catalog has no /MarkInfo << /Marked true >>")
	}
	if lang, _ := catalog["/Lang"].(string); strings.TrimPrefix(lang, "u:") == "" {
		fail("the catalog has no /Lang")
	}
	if vp := d.dict(catalog["/ViewerPreferences"]); vp["/DisplayDocTitle"] != true {
		fail("the catalog asks no /DisplayDocTitle")
	}
	if meta, err := d.metadata(); err != nil || !bytes.Contains(meta, []byte("<pdfuaid:part>1</pdfuaid:part>")) {
		fail("no XMP metadata claiming PDF/UA-1 (pdfuaid:part 1)%s", errText(err))
	}
	root := d.dict(catalog["/StructTreeRoot"])
	if root == nil {
		fail("the catalog has no /StructTreeRoot")
		return fmt.Errorf("%s is not tagged:\n  %s", path, strings.Join(errs, "\n  "))
	}
	parents := map[int]any{} // the parent tree, by key
	nums, _ := d.resolve(d.dict(root["/ParentTree"])["/Nums"]).([]any)
	for i := 0; i+1 < len(nums); i += 2 {
		if k, ok := nums[i].(float64); ok {
			parents[int(k)] = nums[i+1]
		}
	}
	// holds tells whether element e's /K has kid, an MCID of page pg or an annotation.
	holds := func(e map[string]any, match func(k any, pg string) bool) bool {
		pg, _ := e["/Pg"].(string)
		kids := d.resolve(e["/K"])
		list, ok := kids.([]any)
		if !ok {
			list = []any{kids}
		}
		for _, k := range list {
			if match(d.resolve(k), pg) {
				return true
			}
		}
		return false
	}
	for i, p := range js.Pages {
		pd := d.dict(p.Object)
		key, ok := pd["/StructParents"].(float64)
		if !ok {
			fail("page %d has no /StructParents", i+1)
			continue
		}
		if pd["/Tabs"] != "/S" {
			fail("page %d has no /Tabs /S", i+1)
		}
		var content []byte
		for _, c := range p.Contents {
			data, err := d.streamData(c)
			if err != nil {
				fail("page %d: %v", i+1, err)
			}
			content = append(append(content, data...), '\n')
		}
		mcids, err := markedContent(content)
		if err != nil {
			fail("page %d: %v", i+1, err)
		}
		refs, _ := d.resolve(parents[int(key)]).([]any)
		for _, id := range mcids {
			if id >= len(refs) {
				fail("page %d: marked content %d is not in the parent tree", i+1, id)
				continue
			}
			e := d.dict(refs[id])
			if !holds(e, func(k any, pg string) bool {
				if n, ok := k.(float64); ok {
					return int(n) == id && pg == p.Object
				}
				m, _ := k.(map[string]any)
				n, ok := m["/MCID"].(float64)
				kpg, _ := m["/Pg"].(string)
				if kpg == "" {
					kpg = pg
				}
				return ok && int(n) == id && kpg == p.Object
			}) {
				fail("page %d: marked content %d's element (%v) does not hold it", i+1, id, e["/S"])
			}
		}
		annots, _ := d.resolve(pd["/Annots"]).([]any)
		for _, a := range annots {
			ref, _ := a.(string)
			ad := d.dict(a)
			if ad["/Subtype"] != "/Link" {
				continue
			}
			if c, _ := ad["/Contents"].(string); strings.TrimPrefix(c, "u:") == "" {
				fail("page %d: link %s has no /Contents", i+1, ref)
			}
			sp, ok := ad["/StructParent"].(float64)
			if !ok {
				fail("page %d: link %s has no /StructParent", i+1, ref)
				continue
			}
			e := d.dict(parents[int(sp)])
			if e["/S"] != "/Link" || !holds(e, func(k any, _ string) bool {
				m, _ := k.(map[string]any)
				return m["/Type"] == "/OBJR" && m["/Obj"] == ref
			}) {
				fail("page %d: link %s is not held by a Link element (its parent: %v)", i+1, ref, e["/S"])
			}
		}
	}
	level := 0
	var walk func(k any, parent string, depth int)
	walk = func(k any, parent string, depth int) {
		ref, _ := k.(string)
		e := d.dict(k)
		if e == nil || depth > 200 {
			return
		}
		if e["/Type"] == "/MCR" || e["/Type"] == "/OBJR" {
			return
		}
		s, _ := e["/S"].(string)
		if p, _ := e["/P"].(string); parent != "" && p != parent {
			fail("element %s (%s) names %s as its parent, not %s", ref, s, p, parent)
		}
		if s == "/Figure" {
			if alt, _ := e["/Alt"].(string); strings.TrimPrefix(alt, "u:") == "" {
				fail("figure %s has no /Alt", ref)
			}
		}
		if n, err := strconv.Atoi(strings.TrimPrefix(s, "/H")); err == nil && strings.HasPrefix(s, "/H") {
			if n > level+1 {
				fail("heading %s is H%d after H%d: a level skipped", ref, n, level)
			}
			level = n
		}
		kids := d.resolve(e["/K"])
		list, ok := kids.([]any)
		if !ok {
			list = []any{kids}
		}
		for _, c := range list {
			walk(c, ref, depth+1)
		}
	}
	for _, k := range asList(d.resolve(root["/K"])) {
		walk(k, "", 0)
	}
	if len(errs) > 0 {
		return fmt.Errorf("%s is not tagged as PDF/UA asks:\n  %s", path, strings.Join(errs, "\n  "))
	}
	return nil
}

// qpdfJSON is what qpdf's JSON gives of a PDF: its pages' objects and content streams, and every
// object by its number.
type qpdfJSON struct {
	Pages []struct {
		Object   string   `json:"object"`
		Contents []string `json:"contents"`
	} `json:"pages"`
	QPDF []map[string]json.RawMessage `json:"qpdf"`
}

// readPDF reads a PDF's objects back through qpdf's JSON, streams decoded.
func readPDF(path string) (*pdfDoc, error) {
	out, err := output(nil, "qpdf", "--json", "--json-stream-data=inline", "--decode-level=generalized", path)
	if err != nil {
		return nil, fmt.Errorf("qpdf --json %s: %v", path, err)
	}
	var js qpdfJSON
	if err := json.Unmarshal([]byte(out), &js); err != nil {
		return nil, fmt.Errorf("qpdf --json %s: %v", path, err)
	}
	if len(js.QPDF) < 2 {
		return nil, fmt.Errorf("qpdf --json %s: no objects", path)
	}
	d := &pdfDoc{objs: map[string]obj{}, js: &js}
	for k, raw := range js.QPDF[1] {
		var o obj
		if err := json.Unmarshal(raw, &o); err != nil {
			return nil, fmt.Errorf("qpdf --json %s: object %s: %v", path, k, err)
		}
		d.objs[strings.TrimPrefix(k, "obj:")] = o
	}
	return d, nil
}

// metadata is the catalog's XMP, decoded.
func (d *pdfDoc) metadata() ([]byte, error) {
	return d.streamData(d.dict(d.dict(d.objs["trailer"].Value)["/Root"])["/Metadata"])
}

// obj is an object as qpdf's JSON gives it: a value, or a stream's dictionary and data.
type obj struct {
	Value  any `json:"value"`
	Stream *struct {
		Dict any    `json:"dict"`
		Data string `json:"data"`
	} `json:"stream"`
}

// pdfDoc is a PDF as qpdf's JSON gives it: its objects by number, and the pages' contents.
type pdfDoc struct {
	objs map[string]obj
	js   *qpdfJSON
}

// resolve follows a reference ("12 0 R") to its object's value.
func (d *pdfDoc) resolve(v any) any {
	for range 10 {
		s, ok := v.(string)
		if !ok || !strings.HasSuffix(s, " R") {
			return v
		}
		o, ok := d.objs[s]
		if !ok {
			return nil
		}
		if o.Stream != nil {
			return o.Stream.Dict
		}
		v = o.Value
	}
	return v
}

func (d *pdfDoc) dict(v any) map[string]any {
	m, _ := d.resolve(v).(map[string]any)
	return m
}

// streamData is a stream's decoded data.
func (d *pdfDoc) streamData(ref any) ([]byte, error) {
	s, _ := ref.(string)
	o, ok := d.objs[s]
	if !ok || o.Stream == nil {
		return nil, fmt.Errorf("%v is no stream", ref)
	}
	return base64.StdEncoding.DecodeString(o.Stream.Data)
}

func asList(v any) []any {
	if l, ok := v.([]any); ok {
		return l
	}
	return []any{v}
}

// markedContent reads a content stream's operators and returns its marked-content IDs, in order,
// failing at a text object outside marked content or marked content that does not close.
func markedContent(content []byte) ([]int, error) {
	var ids []int
	depth := 0
	var operands []string
	for tok := range pdfTokens(content) {
		switch tok {
		case "BDC":
			depth++
			if n := len(operands); n >= 2 {
				// the properties: "<<" "/MCID" "n" ">>" before BDC
				for i := len(operands) - 1; i > 0; i-- {
					if operands[i-1] == "/MCID" {
						id, err := strconv.Atoi(operands[i])
						if err == nil {
							ids = append(ids, id)
						}
						break
					}
				}
			}
		case "BMC":
			depth++
		case "EMC":
			if depth--; depth < 0 {
				return ids, fmt.Errorf("EMC without marked content to end")
			}
		case "BT":
			if depth == 0 {
				return ids, fmt.Errorf("a text object outside marked content: neither tagged nor an artifact")
			}
		}
		if isOperator(tok) {
			operands = operands[:0]
		} else {
			operands = append(operands, tok)
		}
	}
	if depth != 0 {
		return ids, fmt.Errorf("%d marked-content sequences not ended", depth)
	}
	return ids, nil
}

func isOperator(tok string) bool {
	if tok == "" || tok == "<<" || tok == ">>" || tok == "[" || tok == "]" {
		return false
	}
	c := tok[0]
	return c != '/' && c != '(' && c != '<' && c != '-' && c != '+' && c != '.' && (c < '0' || c > '9')
}

// pdfTokens yields a content stream's tokens: strings whole, dictionaries' brackets apart.
func pdfTokens(b []byte) func(func(string) bool) {
	return func(yield func(string) bool) {
		for i := 0; i < len(b); {
			c := b[i]
			switch {
			case c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0 || c == '\f':
				i++
				continue
			case c == '%':
				for i < len(b) && b[i] != '\n' {
					i++
				}
				continue
			case c == '(':
				j, depth := i+1, 1
				for ; j < len(b) && depth > 0; j++ {
					switch b[j] {
					case '\\':
						j++
					case '(':
						depth++
					case ')':
						depth--
					}
				}
				if !yield("(str)") {
					return
				}
				i = j
				continue
			case c == '<' && i+1 < len(b) && b[i+1] == '<', c == '>' && i+1 < len(b) && b[i+1] == '>':
				if !yield(string(b[i : i+2])) {
					return
				}
				i += 2
				continue
			case c == '<':
				j := bytes.IndexByte(b[i:], '>')
				if j < 0 {
					return
				}
				if !yield("<hex>") {
					return
				}
				i += j + 1
				continue
			case c == '[' || c == ']' || c == '{' || c == '}':
				if !yield(string(c)) {
					return
				}
				i++
				continue
			}
			j := i + 1
			for j < len(b) && !strings.ContainsRune(" \n\r\t\f\x00()<>[]{}/%", rune(b[j])) {
				j++
			}
			if !yield(string(b[i:j])) {
				return
			}
			i = j
		}
	}
}
