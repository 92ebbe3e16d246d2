package diag

import (
	"reflect"
	"testing"
)

func TestSortedAndString(t *testing.T) {
	l := List{
		Warnf("b.md", 3, "z"), Errorf("a.md", 9, "x"), Notef("b.md", 3, "a"), Errorf("", 0, "whole book"), Warnf("a.md", 0, "file"),
	}
	var got []string
	for _, d := range l.Sorted() {
		got = append(got, d.String())
	}
	want := []string{
		"error: whole book", "a.md: warning: file", "a.md:9: error: x", "b.md:3: note: a", "b.md:3: warning: z",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if l.Count(Error) != 2 || l.Count(Warning) != 2 || l.Count(Note) != 1 {
		t.Errorf("counts wrong")
	}
}
