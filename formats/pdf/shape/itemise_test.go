package shape

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/go-text/typesetting/language"
)

// runsOf prints runs as [text]@level/script/face, the face by name or "-" for none.
func runsOf(p Paragraph) string {
	var out []string
	for _, r := range p.Runs {
		face := "-"
		if r.Face != nil {
			face = r.Face.Name()
		}
		out = append(out, fmt.Sprintf("[%s]@%d/%s/%s", p.Text[r.Start:r.End], r.Level, r.Script, face))
	}
	return strings.Join(out, " ")
}

func TestItemise(t *testing.T) {
	serif, hebrew, arabic := testFace(t, "NotoSerif"), testFace(t, "NotoHebrew"), testFace(t, "NotoArabic")
	chain := NewChain([]*Face{serif, hebrew, arabic}, nil)
	const (
		he = "NotoSansHebrew-Regular"
		se = "NotoSerif-Regular"
		ar = "NotoNaskhArabic-Regular"
	)
	tests := []struct {
		name, text string
		base       Base
		level      Level
		want       string
	}{
		// the space after hello is at the paragraph's level (UAX #9 N1), and stays in hello's face
		{"hebrew with english", "שלום hello עולם", Auto, 1,
			"[שלום ]@1/Hebr/" + he + " [hello]@2/Latn/" + se + " [ ]@1/Latn/" + se + " [עולם]@1/Hebr/" + he},
		{"english with hebrew", "say שלום now", Auto, 0,
			"[say ]@0/Latn/" + se + " [שלום]@1/Hebr/" + he + " [ ]@0/Hebr/" + he + " [now]@0/Latn/" + se},
		// Noto Sans Hebrew has no digits: they fall back to the first face
		{"numbers in rtl", "שלום 123", Auto, 1,
			"[שלום ]@1/Hebr/" + he + " [123]@2/Hebr/" + se},
		{"given rtl", "hello", BaseRTL, 1, "[hello]@2/Latn/" + se},
		{"given ltr", "שלום", BaseLTR, 0, "[שלום]@1/Hebr/" + he},
		{"neutral only", "123 !", Auto, 0, "[123 !]@0/Zyyy/" + se},
		{"first strong after isolate", "\u2067שלום\u2069 hello", Auto, 0,
			"[\u2067]@0/Hebr/" + se + " [שלום]@1/Hebr/" + he + " [\u2069 ]@0/Hebr/" + he + " [hello]@0/Latn/" + se},
		{"arabic", "كتاب", Auto, 1, "[كتاب]@1/Arab/" + ar},
		{"marks stay with base", "q\u0301x שָׁלוֹם", Auto, 0,
			"[q\u0301x ]@0/Latn/" + se + " [שָׁלוֹם]@1/Hebr/" + he},
		{"missing", "a\U0001F600", Auto, 0, "[a]@0/Latn/" + se + " [\U0001F600]@0/Latn/-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Itemise(tt.text, tt.base, chain)
			if p.Level != tt.level {
				t.Errorf("paragraph level %d, want %d", p.Level, tt.level)
			}
			if got := runsOf(p); got != tt.want {
				t.Errorf("runs\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestNFC(t *testing.T) {
	f := testFace(t, "NotoSerif")
	src := "Cafe\u0301 x"
	p := Itemise(src, Auto, NewChain([]*Face{f}, nil))
	if p.Text != "Café x" {
		t.Fatalf("text %+q, want NFC", p.Text)
	}
	gs := Shape(p.Text, Params{Face: f, Script: language.Latin})
	eacute, _ := f.Glyph('é')
	if len(gs) != 6 || gs[3].ID != eacute {
		t.Errorf("glyphs %v: want é precomposed (%d)", ids(gs), eacute)
	}
	// é is bytes 3-4 of the NFC text and 3-5 of the source, so "x" is byte 6 there and 7 here
	for i, want := range map[int]int{0: 0, 3: 3, 5: 6, 6: 7, 7: len(src)} {
		if got := p.Source(i); got != want {
			t.Errorf("Source(%d) = %d, want %d", i, got, want)
		}
	}
	if bad := Itemise("a\xffb", Auto, nil); bad.Text != "a\uFFFDb" || bad.Source(4) != 2 {
		t.Errorf("invalid UTF-8: text %+q, Source(4) = %d", bad.Text, bad.Source(4))
	}
}

func TestReorderLine(t *testing.T) {
	tests := []struct {
		levels []Level
		want   []int
	}{
		{[]Level{0}, []int{0}},
		{[]Level{0, 1, 0}, []int{0, 1, 2}},
		{[]Level{1, 2, 1}, []int{2, 1, 0}},
		{[]Level{0, 1, 2, 1}, []int{0, 3, 2, 1}},
		{[]Level{1, 1, 2, 2, 1}, []int{4, 2, 3, 1, 0}},
		{[]Level{2, 2}, []int{0, 1}},
		{nil, []int{}},
	}
	for _, tt := range tests {
		if got := ReorderLine(tt.levels); !slices.Equal(got, tt.want) {
			t.Errorf("ReorderLine(%v) = %v, want %v", tt.levels, got, tt.want)
		}
	}
}
