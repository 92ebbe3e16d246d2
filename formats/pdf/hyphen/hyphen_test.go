package hyphen

import (
	"strings"
	"testing"
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
		{"naïveté", "naïveté"}, // LuaTeX's, with the letters the patterns do not know
		{"résumé", "ré-sumé"},  // as letters of the word
		{"encyclopædia", "en-cy-clopæ-dia"},
		{"Straße", "Straße"},
		{"example.com", "example.com"},
		{"snake_case_identifier", "snake_case_identifier"},
		{"path/to/documentation", "path/to/documentation"},
		{"---", "---"},
		{"\xff\xfe", "\xff\xfe"},
	}
	long := strings.Repeat("hyphenation", 12) // more than MaxPart letters: no word
	tests = append(tests, struct{ word, want string }{long, long})
	h := Default()
	for _, tt := range tests {
		if got := show(tt.word, h.Points(tt.word)); got != tt.want {
			t.Errorf("Points(%q) = %q, want %q", tt.word, got, tt.want)
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
