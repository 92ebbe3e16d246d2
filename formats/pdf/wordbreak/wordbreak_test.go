package wordbreak

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// words splits s at its breaks.
func words(d *Dict, s string) []string {
	var out []string
	last := 0
	for _, b := range d.Breaks(s) {
		out = append(out, s[last:b])
		last = b
	}
	return append(out, s[last:])
}

func TestBreaks(t *testing.T) {
	d := Parse([]byte("6\nไทย\nภาษา\nภาษาไทย/1\nเขียน\nไม่\nเว้น\n"))
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{"ภาษาไทยเขียน", []string{"ภาษาไทย", "เขียน"}},     // the longer word, not ภาษา + ไทย: fewer words
		{"ไม่เว้น", []string{"ไม่", "เว้น"}},               // a leading vowel stays with its consonant
		{"เขียนกขคไทย", []string{"เขียน", "กขค", "ไทย"}},   // letters in no word stay together
		{"กขค", []string{"กขค"}},                           // nothing known: no break
		{"abc ไทยไทย def", []string{"abc ไทย", "ไทย def"}}, // only inside the Thai run
		{"ไทย123ไทย", []string{"ไทย123ไทย"}},               // nothing where Thai meets other text
		{"", []string{""}},
	} {
		if got := words(d, tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("%q: %q, want %q", tt.in, got, tt.want)
		}
	}
	if d.Len() != 6 {
		t.Errorf("%d words read, want 6 (the count line is no word, flags are dropped)", d.Len())
	}
}

// TestThai reads the machine's Thai dictionary (.ci/run installs hunspell-th) and checks that it
// segments ordinary sentences as a reader would.
func TestThai(t *testing.T) {
	d := Thai()
	if d == nil {
		t.Fatalf("no Thai dictionary at %s: install hunspell-th (apt-get install hunspell-th)", strings.Join(DefaultPaths, ", "))
	}
	if d.Len() < 40000 {
		t.Errorf("the Thai dictionary has %d words", d.Len())
	}
	for in, want := range map[string][]string{
		"ภาษาไทยเขียนติดกันโดยไม่เว้นวรรค": {"ภาษาไทย", "เขียน", "ติดกัน", "โดย", "ไม่", "เว้น", "วรรค"},
		"คอมพิวเตอร์ทำงานเร็วมาก":          {"คอมพิวเตอร์", "ทำงาน", "เร็ว", "มาก"},
	} {
		if got := words(d, in); !slices.Equal(got, want) {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

// FuzzBreaks: whatever the dictionary and the text, breaks are inside the text, in order, at the
// start of a character.
func FuzzBreaks(f *testing.F) {
	f.Add([]byte("2\nไทย\nภาษา/x\n"), "ภาษาไทยไทย")
	f.Add([]byte(""), "เ")
	f.Fuzz(func(t *testing.T, dict []byte, s string) {
		last := 0
		for _, b := range Parse(dict).Breaks(s) {
			if b <= last || b >= len(s) || !utf8.RuneStart(s[b]) {
				t.Fatalf("break at %d of %q (after %d)", b, s, last)
			}
			last = b
		}
	})
}
