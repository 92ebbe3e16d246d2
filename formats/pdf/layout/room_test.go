package layout

import (
	"fmt"
	"testing"

	"bookc/formats/pdf/page"
)

// TestRoomKeeps checks that what a room gives stays as it was given while the room goes on
// keeping more, across its arrays' ends, and that appending to the runs of a line leaves the
// next line's alone.
func TestRoomKeeps(t *testing.T) {
	r := newRoom()
	var texts []string
	var lines [][]page.Text
	for i := range 3000 {
		s := fmt.Sprintf("run %d %s", i, string(make([]byte, i%97)))
		r.text = append(r.text, s...)
		texts = append(texts, r.keepText())
		r.runs = append(r.runs, page.Text{S: s}, page.Text{X: float64(i)})
		lines = append(lines, r.keepRuns())
		if len(r.text) != 0 || len(r.runs) != 0 {
			t.Fatalf("run %d: the pending text or runs not emptied", i)
		}
	}
	for i := range lines {
		lines[i] = append(lines[i], page.Text{S: "added"})
	}
	for i, got := range texts {
		if want := fmt.Sprintf("run %d %s", i, string(make([]byte, i%97))); got != want {
			t.Fatalf("text %d is %q, want %q", i, got, want)
		}
		if ln := lines[i]; len(ln) != 3 || ln[0].S != got || ln[1].X != float64(i) || ln[2].S != "added" {
			t.Fatalf("line %d is %+v", i, ln)
		}
	}
}
