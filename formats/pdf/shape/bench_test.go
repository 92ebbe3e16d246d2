package shape

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/go-text/typesetting/language"

	"bookc/handbook"
)

// handbookWords is the handbook's Markdown cut at white space: a long English text whose words
// repeat as a book's do.
func handbookWords(b *testing.B) []string {
	var words []string
	err := fs.WalkDir(handbook.FS, "src", func(path string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(path, ".md") {
			return err
		}
		data, err := fs.ReadFile(handbook.FS, path)
		words = append(words, strings.Fields(string(data))...)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return words
}

func benchShape(b *testing.B, warm bool) {
	words := handbookWords(b)
	p := Params{Face: testFace(b, "NotoSerif"), Script: language.Latin, Language: language.NewLanguage("en")}
	c := cacheFor(p, 1<<16)
	if warm {
		for _, w := range words {
			c.Get(w)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		if !warm {
			c = cacheFor(p, 1<<16)
		}
		for _, w := range words {
			c.Get(w)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
	b.ReportMetric(float64(len(words)), "words")
}

// BenchmarkShapeCold shapes the handbook's words into an empty cache: each distinct word is
// shaped once, the repeats are hits.
func BenchmarkShapeCold(b *testing.B) { benchShape(b, false) }

// BenchmarkShapeWarm shapes them again into a full cache: all hits.
func BenchmarkShapeWarm(b *testing.B) { benchShape(b, true) }

// BenchmarkShapeUncached shapes every word with HarfBuzz: the cost the cache saves.
func BenchmarkShapeUncached(b *testing.B) {
	words := handbookWords(b)
	p := Params{Face: testFace(b, "NotoSerif"), Script: language.Latin, Language: language.NewLanguage("en")}
	for b.Loop() {
		for _, w := range words {
			Shape(w, p)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
}

// BenchmarkItemise cuts the handbook's paragraphs (its lines) into runs.
func BenchmarkItemise(b *testing.B) {
	words := handbookWords(b)
	var lines []string
	for i := 0; i < len(words); i += 12 {
		lines = append(lines, strings.Join(words[i:min(i+12, len(words))], " "))
	}
	chain := NewChain([]*Face{testFace(b, "NotoSerif")}, nil)
	for b.Loop() {
		for _, l := range lines {
			Itemise(l, Auto, chain)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
}

// BenchmarkShapeDistinct shapes each distinct word once: the cost of a cache miss.
func BenchmarkShapeDistinct(b *testing.B) {
	seen := map[string]bool{}
	var words []string
	for _, w := range handbookWords(b) {
		if !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	p := Params{Face: testFace(b, "NotoSerif"), Script: language.Latin, Language: language.NewLanguage("en")}
	for b.Loop() {
		for _, w := range words {
			Shape(w, p)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
	b.ReportMetric(float64(len(words)), "words")
}

// BenchmarkSystemIndex lists the machine's fonts and indexes their cmaps: what the first
// character missing from the book's faces costs a build.
func BenchmarkSystemIndex(b *testing.B) {
	files := 0
	for b.Loop() {
		s := Discover(DefaultDirs(), DefaultLimits)
		s.FaceFor('a')
		files = len(s.Files())
	}
	b.ReportMetric(float64(files), "files")
}
