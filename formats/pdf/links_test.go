package pdf

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"bookc/formats/pdf/draw"
	"bookc/formats/pdf/layout"
)

// pageTexts returns the text of every page.
func pageTexts(t *testing.T, path string) []string {
	return strings.Split(tool(t, "pdftotext", "-enc", "UTF-8", path, "-"), "\f")
}

// TestLinks checks that every internal link of the PDF jumps to the page the layout meant, and
// that the page numbers cross-references print name the page where their target heading is.
func TestLinks(t *testing.T) {
	b := stressBook(4)
	doc, _ := layout.Book(b)

	// the layout's intent, taken before painting lets go of the pages: per page, the sorted
	// target pages of its links
	target := map[string]int{}
	for _, d := range doc.Dests {
		if _, dup := target[d.Name]; !dup {
			target[d.Name] = d.Page
		}
	}
	want := make([][]int, len(doc.Pages))
	for i, p := range doc.Pages {
		for _, l := range p.Links {
			if l.Dest != "" {
				want[i] = append(want[i], target[l.Dest])
			}
		}
		slices.Sort(want[i])
	}
	data, err := draw.PDF(doc, nil)
	if err != nil {
		t.Fatal(err)
	}
	path := t.TempDir() + "/links.pdf"
	writeFile(t, path, data)
	got := linkTargets(t, path)
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("page %d: links go to pages %v, want %v", i+1, got[i], want[i])
		}
	}

	// printed references: "Section 2 of chapter K, p. N" and the page labelled N holds that heading
	pages := pageTexts(t, path)
	label := map[string]int{}
	for i, p := range pages {
		ls := strings.Split(strings.TrimSpace(p), "\n")
		label[strings.TrimSpace(ls[len(ls)-1])] = i
	}
	ref := regexp.MustCompile(`(Section 2 of chapter \d+), p\.\s(\d+)`)
	n := 0
	for i, p := range pages {
		for _, m := range ref.FindAllStringSubmatch(strings.ReplaceAll(p, "\n", " "), -1) {
			n++
			j, ok := label[m[2]]
			if !ok || !strings.Contains(pages[j], m[1]+"\n") {
				t.Errorf("page %d: %q, but page %s does not have that heading", i+1, m[0], m[2])
			}
		}
	}
	if n < 4 {
		t.Errorf("found %d printed cross-references, want at least 4", n)
	}
}

// linkTargets reads the PDF's link annotations: per page, the sorted pages their /Dest names.
func linkTargets(t *testing.T, path string) [][]int {
	var js struct {
		Pages []struct {
			Object string `json:"object"`
		} `json:"pages"`
		QPDF []map[string]json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal([]byte(tool(t, "qpdf", "--json", path)), &js); err != nil {
		t.Fatal(err)
	}
	index := map[string]int{}
	for i, p := range js.Pages {
		index[p.Object] = i
	}
	type annot struct {
		Dest []any `json:"/Dest"`
	}
	var obj struct {
		Value struct {
			Annots []json.RawMessage `json:"/Annots"` // each a reference to its object, or the annotation
		} `json:"value"`
	}
	out := make([][]int, len(js.Pages))
	for i, p := range js.Pages {
		raw := js.QPDF[1]["obj:"+p.Object]
		obj.Value.Annots = nil
		if err := json.Unmarshal(raw, &obj); err != nil {
			t.Fatalf("page %d: %v", i+1, err)
		}
		for _, ra := range obj.Value.Annots {
			var ref string
			if json.Unmarshal(ra, &ref) == nil {
				var o struct {
					Value json.RawMessage `json:"value"`
				}
				if err := json.Unmarshal(js.QPDF[1]["obj:"+ref], &o); err != nil {
					t.Fatalf("page %d: annotation %s: %v", i+1, ref, err)
				}
				ra = o.Value
			}
			var a annot
			if err := json.Unmarshal(ra, &a); err != nil {
				t.Fatalf("page %d: %v", i+1, err)
			}
			if len(a.Dest) > 0 {
				ref := fmt.Sprint(a.Dest[0])
				j, ok := index[ref]
				if !ok {
					t.Fatalf("page %d: a link to %s, which is no page", i+1, ref)
				}
				out[i] = append(out[i], j)
			}
		}
		slices.Sort(out[i])
	}
	return out
}
