package page

import (
	"reflect"
	"testing"
)

// TestRuns checks that texts packed into a block of runs read back as they were: on the base
// line and off it, sizes, faces and colours that change and that do not, word spacing, tags,
// glyphs packed, none, and no texts; and that each block reads from its own start.
func TestRuns(t *testing.T) {
	glyphs := Glyphs{1, 2, 3, 4, 5} // packed, as far as runs go: bytes kept as they are
	for _, tt := range []struct {
		name  string
		base  float64
		texts []Text
	}{
		{"none", 10, nil},
		{"a line", 10, []Text{{X: 72, Y: 10, Size: 10.5, WordSpace: 0.25, S: "a line", Glyphs: glyphs, Font: Regular}}},
		{"runs of a line", 12, []Text{
			{X: 72, Y: 12, Size: 10.5, S: "plain ", Glyphs: glyphs},
			{X: 100.125, Y: 12, Size: 10.5, S: "bold", Font: Bold, Color: Color{R: 200}, Tag: 2, Glyphs: glyphs},
			{X: 130, Y: 9.5, Size: 7, S: "sup", Font: Bold, Color: Color{R: 200}, Tag: 2},
			{X: 140, Y: 12, Size: 10.5, S: "", Glyphs: Glyphs{}},
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := &Runs{}
			r.Data = []byte("before")
			at := len(r.Data)
			r.Data = AppendTexts(r.Data, tt.texts, tt.base)
			end := len(r.Data)
			r.Data = AppendTexts(r.Data, []Text{{X: 1, S: "after"}}, 0)
			var got []Text
			if e := r.Each(at, tt.base, func(t Text) { got = append(got, t) }); e != end {
				t.Errorf("the block ends at %d, want %d", e, end)
			}
			if !reflect.DeepEqual(got, tt.texts) || r.Count(at) != len(tt.texts) {
				t.Errorf("read %+v (%d), want %+v", got, r.Count(at), tt.texts)
			}
		})
	}
}
