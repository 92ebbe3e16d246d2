package hyphen

import (
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// show inserts '-' at the points, to make failures readable.
func show(word string, pts []int) string {
	var b strings.Builder
	last := 0
	for _, p := range pts {
		b.WriteString(word[last:p])
		b.WriteByte('-')
		last = p
	}
	b.WriteString(word[last:])
	return b.String()
}

// TestPointsGolden holds hyphenations plain TeX prints with hyphen.tex (\showhyphens); several are
// quoted in The TeXbook (hy-phen-ation, su-per-cal-ifrag-ilis-tic-ex-pi-ali-do-cious).
func TestPointsGolden(t *testing.T) {
	tests := []struct{ word, want string }{
		{"hyphenation", "hy-phen-ation"},
		{"concatenation", "con-cate-na-tion"},
		{"algorithm", "al-go-rithm"},
		{"supercalifragilisticexpialidocious", "su-per-cal-ifrag-ilis-tic-ex-pi-ali-do-cious"},
		{"developers", "de-vel-op-ers"},
		{"documentation", "doc-u-men-ta-tion"},
		{"mathematics", "math-e-mat-ics"},
		{"possession", "pos-ses-sion"},
		{"typesetting", "type-set-ting"},
		// Knuth's exception list overrides the patterns.
		{"table", "ta-ble"},
		{"associate", "as-so-ciate"},
		{"associates", "as-so-ciates"},
		{"declination", "dec-li-na-tion"},
		{"obligatory", "oblig-a-tory"},
		{"philanthropic", "phil-an-thropic"},
		{"reciprocity", "reci-procity"},
		{"recognizance", "re-cog-ni-zance"},
		{"reformation", "ref-or-ma-tion"},
		{"retribution", "ret-ri-bu-tion"},
		{"project", "project"}, // noun and verb split differently, so never hyphenated
		{"presents", "presents"},
		// Case, punctuation, compounds, contractions.
		{"Hyphenation", "Hy-phen-ation"},
		{"HYPHENATION", "HY-PHEN-ATION"},
		{"Table", "Ta-ble"},
		{"architecture,", "ar-chi-tec-ture,"},
		{"(architecture).", "(ar-chi-tec-ture)."},
		{"“typesetting”", "“type-set-ting”"},
		{"cross-referencing", "cross-ref-er-enc-ing"},
		{"children's", "chil-dren's"},
		{"children’s", "chil-dren’s"},
		{"well-known", "well-known"},
		// No points.
		{"", ""},
		{"a", "a"},
		{"tab", "tab"},
		{"four", "four"},
		{"print", "print"},
		{"mp3player", "mp3player"},
		{"1990s", "1990s"},
		{"naïveté", "naïveté"},
		{"Straße", "Straße"},
		{"example.com", "example.com"},
		{"snake_case_identifier", "snake_case_identifier"},
		{"path/to/documentation", "path/to/documentation"},
		{"---", "---"},
		{"\xff\xfe", "\xff\xfe"},
	}
	tests = append(tests, struct{ word, want string }{strings.Repeat("hyphenation", 6), strings.Repeat("hyphenation", 6)})
	h := Default()
	for _, tt := range tests {
		if got := show(tt.word, h.Points(tt.word)); got != tt.want {
			t.Errorf("Points(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

// liang is an independent, deliberately naive implementation of Liang's algorithm over the same
// file, to cross-check the speedata-based one on many words.
type liang struct {
	patterns   map[string][]int // letters (with '.') -> values between them, len(letters)+1
	exceptions map[string][]int
}

func newLiang(t *testing.T) *liang {
	l := &liang{patterns: map[string][]int{}, exceptions: map[string][]int{}}
	_, rest, _ := strings.Cut(hyphenTeX, `\patterns{`)
	pats, rest, _ := strings.Cut(rest, "}")
	for _, line := range strings.Split(pats, "\n") {
		p, _, _ := strings.Cut(line, "%")
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		var letters []byte
		vals := []int{0}
		for i := 0; i < len(p); i++ {
			if c := p[i]; '0' <= c && c <= '9' {
				vals[len(vals)-1] = int(c - '0')
			} else {
				letters = append(letters, c)
				vals = append(vals, 0)
			}
		}
		l.patterns[string(letters)] = vals
	}
	_, exc, _ := strings.Cut(rest, `\hyphenation{`)
	exc, _, _ = strings.Cut(exc, "}")
	for _, line := range strings.Split(exc, "\n")[1:] {
		w := strings.TrimSpace(line)
		if w == "" {
			continue
		}
		var pts []int
		for i, n := 0, 0; i < len(w); i++ {
			if w[i] == '-' {
				pts = append(pts, n)
			} else {
				n++
			}
		}
		l.exceptions[strings.ReplaceAll(w, "-", "")] = pts
	}
	if len(l.patterns) < 4000 || len(l.exceptions) != 14 {
		t.Fatalf("reference parser read %d patterns, %d exceptions", len(l.patterns), len(l.exceptions))
	}
	return l
}

// points hyphenates a lowercase ASCII word.
func (l *liang) points(w string) []int {
	if len(w) < 5 {
		return nil
	}
	if pts, ok := l.exceptions[w]; ok {
		return pts
	}
	s := "." + w + "."
	vals := make([]int, len(s)+1) // vals[k] sits before s[k]
	for i := range s {
		for j := i + 1; j <= len(s); j++ {
			if v, ok := l.patterns[s[i:j]]; ok {
				for k, x := range v {
					vals[i+k] = max(vals[i+k], x)
				}
			}
		}
	}
	var pts []int
	for p := 2; p <= len(w)-3; p++ { // a break after p letters sits before s[p+1]
		if vals[p+1]%2 == 1 {
			pts = append(pts, p)
		}
	}
	return pts
}

func TestPointsMatchReference(t *testing.T) {
	ref := newLiang(t)
	h := Default()
	rng := rand.New(rand.NewPCG(1, 2))
	const letters = "etaoinshrdlcumwfgypbvkjxqz"
	words := []string{"hyphenation", "associate", "table", "project"}
	for range 20000 {
		b := make([]byte, 5+rng.IntN(12))
		for i := range b {
			b[i] = letters[min(rng.IntN(len(letters)), rng.IntN(len(letters)))] // favour common letters
		}
		words = append(words, string(b))
	}
	for _, w := range words {
		got, want := h.Points(w), ref.points(w)
		if !slices.Equal(got, want) {
			t.Fatalf("Points(%q) = %q, reference %q", w, show(w, got), show(w, want))
		}
	}
}

func TestNewErrors(t *testing.T) {
	for _, tex := range []string{
		"",
		`\patterns`,
		`\patterns{ a1b A2c }`,
		`\patterns{ a1b } \hyphenation{ ta-ble- }`,
		`\patterns{ a1b } \hyphenation{ ta--ble }`,
		`\patterns{ a1b } \hyphenation{ ta-b3le }`,
	} {
		if _, err := New(tex); err == nil {
			t.Errorf("New(%q) succeeded, want an error", tex)
		}
	}
	h, err := New("% comment\n\\patterns{ % more\n 1ba\n}\n\\hyphenation{ ex-am-ple }")
	if err != nil {
		t.Fatal(err)
	}
	if got := show("ababab", h.Points("ababab")); got != "aba-bab" {
		t.Errorf("small pattern set: got %q, want aba-bab", got)
	}
	if got := show("Example", h.Points("Example")); got != "Ex-am-ple" {
		t.Errorf("small exception set: got %q, want Ex-am-ple", got)
	}
}

// TestConcurrent runs under -race to show that the shared hyphenator needs no lock.
func TestConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 200 {
				w := []string{"hyphenation", "concatenation", "algorithm", "typesetting"}[(g+i)%4]
				if len(Default().Points(w)) == 0 {
					t.Errorf("no points for %q", w)
				}
			}
		})
	}
	wg.Wait()
}

func FuzzPoints(f *testing.F) {
	for _, s := range []string{"hyphenation", "Architecture,", "cross-referencing", "children’s", "a-b", "x'", "“", "\xff", "ab3cd", "-----"} {
		f.Add(s)
	}
	h := Default()
	f.Fuzz(func(t *testing.T, word string) {
		pts := h.Points(word)
		last := 0
		for _, p := range pts {
			if p <= last || p >= len(word) {
				t.Fatalf("Points(%q) = %v: not ascending inside the word", word, pts)
			}
			before, after := rune(word[p-1]), rune(word[p])
			if !isASCIILetter(before) || !isASCIILetter(after) {
				t.Fatalf("Points(%q) = %v: point %d not between letters", word, pts, p)
			}
			last = p
		}
		if isASCII(word) && !slices.Equal(pts, h.Points(strings.ToUpper(word))) {
			t.Fatalf("Points(%q) differs from its upper case", word)
		}
	})
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func BenchmarkPoints(b *testing.B) {
	h := Default()
	words := strings.Fields("In olden times when wishing still helped one, there lived a king whose daughters were all beautiful; and the youngest was so beautiful that the sun itself, which has seen so much, was astonished whenever it shone in her face.")
	for b.Loop() {
		for _, w := range words {
			h.Points(w)
		}
	}
}
