package mdbookjson

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
)

// outline is a book's shape in brief: "N name" per chapter (N its number or -), "|" a separator,
// "# title" a part title, nesting by indentation.
func outline(items []Item, indent string) string {
	var sb strings.Builder
	for _, it := range items {
		switch {
		case it.Chapter != nil:
			c := it.Chapter
			num := "-"
			if c.Number != nil {
				num = strings.ReplaceAll(strings.Trim(jsonOf(c.Number), "[]"), ",", ".")
			}
			draft := ""
			if c.Draft() {
				draft = " (draft)"
			}
			sb.WriteString(indent + num + " " + c.Name + " " + c.File() + draft + "\n")
			sb.WriteString(outline(c.SubItems, indent+"  "))
		case it.PartTitle != nil:
			sb.WriteString(indent + "# " + *it.PartTitle + "\n")
		default:
			sb.WriteString(indent + "|\n")
		}
	}
	return sb.String()
}

func jsonOf(v any) string { b, _ := json.Marshal(v); return string(b) }

const wantOutline = `- Introduction intro.md
# Using Tern
1 Getting started start.md
  1.1 Installing start/install.md
  |
  1.2 Tuning  (draft)
# Running Tern
2 Operations ops/README.md
  2.1 Backups ops/backups.md
|
- Glossary glossary.md
`

// TestRenderContexts reads the recorded render contexts of mdBook 0.4 and 0.5 into the same book.
func TestRenderContexts(t *testing.T) {
	for _, tt := range []struct {
		file    string
		version string
		shape   Shape
	}{
		{"testdata/render-0.4.json", "0.4.40", V04},
		{"testdata/render-0.5.json", "0.5.2", V05},
	} {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			rc, err := DecodeRenderContext(data)
			if err != nil {
				t.Fatal(err)
			}
			if rc.Version != tt.version || rc.Shape() != tt.shape || rc.Root != "/home/ana/tern-guide" || rc.Destination != "/home/ana/tern-guide/book/bookc" {
				t.Errorf("context: %q %v %q %q", rc.Version, rc.Shape(), rc.Root, rc.Destination)
			}
			if got := outline(rc.Book.Items, ""); got != wantOutline {
				t.Errorf("outline:\n%s\nwant:\n%s", got, wantOutline)
			}
			out, _ := rc.Config["output"].(map[string]any)
			if _, ok := out["bookc"]; !ok {
				t.Errorf("config has no [output.bookc]: %v", rc.Config)
			}
			var ops *Chapter
			rc.Book.Chapters(func(c *Chapter) {
				if c.Name == "Operations" {
					ops = c
				}
			})
			if ops == nil || ops.Path != "ops/index.md" || ops.SourcePath != "ops/README.md" || !strings.HasPrefix(ops.Content, "# Operations\n") {
				t.Errorf("Operations: %+v", ops)
			}
		})
	}
}

// TestRoundTrip writes a book in each shape and reads it back, and checks what mdBook's serde
// needs: 0.4's "sections" with "__non_exhaustive", 0.5's "items", parent_names, nulls for drafts.
func TestRoundTrip(t *testing.T) {
	data, err := os.ReadFile("testdata/render-0.5.json")
	if err != nil {
		t.Fatal(err)
	}
	rc, err := DecodeRenderContext(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		shape Shape
		want  []string
	}{
		{V04, []string{`{"sections":[`, `"__non_exhaustive":null}`, `"parent_names":["Getting started"]`, `"path":null,"source_path":null`, `"number":null`, `"Separator"`, `{"PartTitle":"Using Tern"}`, `<div id=\"admonition-note\"`}},
		{V05, []string{`{"items":[`, `"parent_names":["Operations"]`, `"number":[2,1]`}},
	} {
		t.Run(tt.shape.String(), func(t *testing.T) {
			enc, err := EncodeBook(rc.Book, tt.shape)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(string(enc), w) {
					t.Errorf("encoded book lacks %s", w)
				}
			}
			if tt.shape == V05 && strings.Contains(string(enc), "__non_exhaustive") {
				t.Error("0.5's book has no __non_exhaustive")
			}
			back, err := DecodeBook(enc, tt.shape)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(back, rc.Book) {
				t.Errorf("round trip changed the book:\n%s", outline(back.Items, ""))
			}
		})
	}
	in, err := EncodePreprocessorInput(&PreprocessorContext{Root: "/b", Config: rc.Config, Renderer: "bookc", MdbookVersion: "0.4.52"}, rc.Book)
	if err != nil {
		t.Fatal(err)
	}
	var pair []json.RawMessage
	if err := json.Unmarshal(in, &pair); err != nil || len(pair) != 2 {
		t.Fatalf("input is not a [context, book] pair: %v", err)
	}
	if !strings.Contains(string(pair[0]), `"renderer":"bookc","mdbook_version":"0.4.52"`) || !strings.HasPrefix(string(pair[1]), `{"sections":`) {
		t.Errorf("input: %.300s", in)
	}
}

func TestDecodeErrors(t *testing.T) {
	deep := strings.Repeat(`{"Chapter":{"name":"x","content":"","number":null,"path":null,"sub_items":[`, MaxDepth+1) +
		strings.Repeat(`]}}`, MaxDepth+1)
	for _, tt := range []struct{ in, want string }{
		{`{"sections": [], "extra": 1} {}`, "more JSON follows"},
		{`{"items": 3}`, "not mdBook's JSON"},
		{`{"nothing": []}`, `neither "items"`},
		{`{"items": [{"Chapter": {"name": "a", "number": [-1]}}]}`, "no section number"},
		{`{"items": [{"Chapter": {"name": "a"}, "PartTitle": "b"}]}`, `book[0]: an item is`},
		{`{"items": ["Spacer"]}`, "not mdBook's JSON"},
		{`{"items": [` + deep + `]}`, "nest deeper than 100"},
	} {
		_, err := DecodeBook([]byte(tt.in), V05)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("DecodeBook(%.60s) = %v, want %q", tt.in, err, tt.want)
		}
	}
	if _, err := DecodeRenderContext([]byte(`{"version":"0.4.40","book":{"sections":[]}}`)); err == nil || !strings.Contains(err.Error(), `no "root"`) {
		t.Errorf("a context without root: %v", err)
	}
	b, err := DecodeBook([]byte(`{"items":[{"Chapter":{"name":"b"}}],"sections":[{"Chapter":{"name":"a"}}]}`), V04)
	if err != nil || b.Items[0].Chapter.Name != "a" {
		t.Errorf("with both shapes, the preferred one wins: %v", err)
	}
}

func TestShapeOf(t *testing.T) {
	for v, want := range map[string]Shape{"0.4.40": V04, "v0.4.52": V04, "0.3.7": V04, "0.5.0": V05, "0.5.0-beta.1": V05, "1.0.0": V05, "": V05, "x": V05} {
		if got := ShapeOf(v); got != want {
			t.Errorf("ShapeOf(%q) = %v, want %v", v, got, want)
		}
	}
}

// FuzzDecode feeds the decoder arbitrary input: it must fail or give a book that encodes and
// decodes to itself, in both shapes.
func FuzzDecode(f *testing.F) {
	for _, name := range []string{"testdata/render-0.4.json", "testdata/render-0.5.json"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"root":"/r","book":{"items":["Separator",{"PartTitle":"P"},{"Chapter":{"name":"a","content":"x","number":[1],"path":"a.md","sub_items":[]}}]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		rc, err := DecodeRenderContext(data)
		if err != nil {
			return
		}
		for _, shape := range []Shape{V04, V05} {
			enc, err := EncodeBook(rc.Book, shape)
			if err != nil {
				t.Fatal(err)
			}
			back, err := DecodeBook(enc, shape)
			if err != nil {
				t.Fatalf("%v: the encoded book does not decode: %v", shape, err)
			}
			if !reflect.DeepEqual(normal(back), normal(rc.Book)) {
				t.Fatalf("%v: round trip changed the book", shape)
			}
		}
	})
}

// normal makes empty and nil slices alike, which JSON does not tell apart.
func normal(b *Book) string { return jsonOf(b) }
