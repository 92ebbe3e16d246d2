package shape

import (
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

func TestFallback(t *testing.T) {
	sys := Discover(DefaultDirs(), DefaultLimits)
	chain := NewChain([]*Face{testFace(t, "NotoSerif")}, sys)
	tests := []struct {
		name string
		r    rune
		want string // name prefix of the face chosen
		pkg  string // the Debian package that provides one
	}{
		{"own face first", 'a', "NotoSerif-Regular", "fonts-noto-core"},
		// Noto Sans before Noto Serif, and both before DejaVu Sans, which has Hebrew too
		{"hebrew", 'ש', "NotoSansHebrew", "fonts-noto-core"},
		{"devanagari", 'क', "NotoSansDevanagari", "fonts-noto-core"},
		{"cjk", '中', "", "fonts-droid-fallback (or any CJK font)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := chain.FaceFor(tt.r)
			if f == nil {
				t.Fatalf("no face on this machine has %c: install Debian's %s", tt.r, tt.pkg)
			}
			if !f.Has(tt.r) || !strings.HasPrefix(f.Name(), tt.want) {
				t.Errorf("%c: face %s, want %s*", tt.r, f.Name(), tt.want)
			}
		})
	}
	if f := chain.FaceFor(0x10FFFD); f != nil {
		t.Errorf("U+10FFFD (private use) found in %s", f.Name())
	}
	p := Itemise("see 中文 here", Auto, chain)
	if len(p.Runs) != 3 || p.Runs[1].Face == nil || p.Runs[1].Face == p.Runs[0].Face {
		t.Errorf("runs %s: want the CJK in a run of its own face", runsOf(p))
	}
}

func TestDiscoverOrder(t *testing.T) {
	dir := t.TempDir()
	names := []string{"b/Zeta.ttf", "a/NotoSerif-Bold.ttf", "NotoSans-Regular.ttf", "DejaVuSans.ttf",
		"c/NotoNaskhArabic-Regular.ttf", "NotoSerif-Regular.otf", "x/Alpha.TTC", "readme.txt", "Alpha.ttf"}
	for _, n := range names {
		p := filepath.Join(dir, n)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// a link to a file already listed counts once
	if err := os.Symlink(filepath.Join(dir, "Alpha.ttf"), filepath.Join(dir, "b", "Link.ttf")); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range Discover([]string{dir, filepath.Join(dir, "missing")}, DefaultLimits).Files() {
		got = append(got, strings.TrimPrefix(f, dir+"/"))
	}
	want := []string{"NotoSans-Regular.ttf", "NotoSerif-Regular.otf", "a/NotoSerif-Bold.ttf", "DejaVuSans.ttf",
		"c/NotoNaskhArabic-Regular.ttf", "x/Alpha.TTC", "Alpha.ttf", "b/Zeta.ttf"} // by bytes: T < t
	if !slices.Equal(got, want) {
		t.Errorf("order\n got %v\nwant %v", got, want)
	}
	lim := DefaultLimits
	lim.Files = 2
	if n := len(Discover([]string{dir}, lim).Files()); n != 2 {
		t.Errorf("with Files: 2, %d files", n)
	}
	// the empty files are no fonts: lookups find nothing, and do not fail
	if f := Discover([]string{dir}, DefaultLimits).FaceFor('a'); f != nil {
		t.Errorf("an empty file gave face %s", f.Name())
	}
}

// TestDiscoverWalksLater checks that Discover only names the folders: they are walked at the
// first lookup, so that a book its own faces cover never walks a machine's thousands of fonts.
func TestDiscoverWalksLater(t *testing.T) {
	dir := t.TempDir()
	sys := Discover([]string{dir}, DefaultLimits)
	if err := os.WriteFile(filepath.Join(dir, "NotoSans-Regular.ttf"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got := sys.Files(); len(got) != 1 {
		t.Errorf("a font put in the folder after Discover: listed %v, want it (the folder was walked early)", got)
	}
}

// TestSystemStable checks that the same machine gives the same choices, whatever order the
// lookups come in.
func TestSystemStable(t *testing.T) {
	runes := []rune("aשक中ก∑")
	pick := func(order []rune) map[rune]string {
		sys := Discover(DefaultDirs(), DefaultLimits)
		out := map[rune]string{}
		for _, r := range order {
			if f := sys.FaceFor(r); f != nil {
				out[r] = f.Name()
			}
		}
		return out
	}
	a := pick(runes)
	rev := slices.Clone(runes)
	sort.Slice(rev, func(i, j int) bool { return rev[i] > rev[j] })
	b := pick(rev)
	for _, r := range runes {
		if a[r] != b[r] {
			t.Errorf("%c: %q one way, %q the other", r, a[r], b[r])
		}
	}
}
