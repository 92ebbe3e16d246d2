package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// The benchmarks below build hostile but plausible chapters in code, at 1x and 10x, to show that
// conversion time grows linearly: the 10x run takes at most about ten times as long.

func scaled(b *testing.B, n int, chapter func(n int) string) {
	for _, k := range []int{1, 10} {
		env := testEnv(chapter(n * k))
		b.Run(fmt.Sprintf("%dx", k), func(b *testing.B) {
			b.SetBytes(int64(len(env.Source.Text)))
			b.ReportAllocs()
			for b.Loop() {
				Convert(env)
			}
		})
	}
}

// BenchmarkProse is one paragraph of n wrapped lines: every soft line break used to copy the text so far.
func BenchmarkProse(b *testing.B) {
	scaled(b, 2_500, func(n int) string { return strings.Repeat("word word word word word word word word\n", n) })
}

// BenchmarkUnclosedEmphasis leaves every delimiter as text, so the paragraph is thousands of pieces.
func BenchmarkUnclosedEmphasis(b *testing.B) {
	scaled(b, 2_000, func(n int) string { return strings.Repeat("*a _b ", n) })
}

// BenchmarkFootnotes references n footnotes, then defines them.
func BenchmarkFootnotes(b *testing.B) {
	scaled(b, 2_000, footnoteChapter)
}

func footnoteChapter(n int) string {
	var sb strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&sb, "x[^%d] ", i)
	}
	sb.WriteString("\n\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&sb, "[^%d]: note %d\n", i, i)
	}
	return sb.String()
}

// BenchmarkCollidingIDs has headings "A-1" to "A-n" and then n headings "A", whose IDs must skip them all.
func BenchmarkCollidingIDs(b *testing.B) {
	scaled(b, 1_000, func(n int) string {
		var sb strings.Builder
		for i := 1; i <= n; i++ {
			fmt.Fprintf(&sb, "## A-%d\n", i)
		}
		sb.WriteString(strings.Repeat("## A\n", n))
		return sb.String()
	})
}

// BenchmarkDeepLists has n/100 lists nested 300 deep, past maxDepth.
func BenchmarkDeepLists(b *testing.B) {
	scaled(b, 1_000, func(n int) string { return strings.Repeat(strings.Repeat("- ", 300)+"x\n\n", n/100) })
}

// BenchmarkDeepQuotes has n/100 quotes nested 300 deep.
func BenchmarkDeepQuotes(b *testing.B) {
	scaled(b, 1_000, func(n int) string { return strings.Repeat(strings.Repeat("> ", 300)+"x\n\n", n/100) })
}

// BenchmarkDeepEmphasis has n/100 paragraphs of strong emphasis nested 300 deep.
func BenchmarkDeepEmphasis(b *testing.B) {
	scaled(b, 1_000, func(n int) string {
		return strings.Repeat(strings.Repeat("**", 300)+"x"+strings.Repeat("**", 300)+"\n\n", n/100)
	})
}

// BenchmarkHTMLBlock is one HTML block of n tags that look like unclosed comments.
func BenchmarkHTMLBlock(b *testing.B) {
	scaled(b, 2_000, func(n int) string { return "<div>\n" + strings.Repeat("<!--a> ", n) + "\n</div>\n" })
}

// BenchmarkMarkers opens n role ranges and never closes them, so each would nest in the one before.
func BenchmarkMarkers(b *testing.B) {
	scaled(b, 1_000, func(n int) string { return strings.Repeat("<!-- only: ops -->\n\nx\n\n", n) })
}

// BenchmarkDefinitionLists has n terms with two definitions each.
func BenchmarkDefinitionLists(b *testing.B) {
	scaled(b, 2_000, func(n int) string { return strings.Repeat("Term\n: one\n: two\n\n", n) })
}

// BenchmarkTable is one table of n rows.
func BenchmarkTable(b *testing.B) {
	scaled(b, 2_000, func(n int) string { return "| a | b |\n|---|---|\n" + strings.Repeat("| *1* | `2` |\n", n) })
}

// BenchmarkHTMLNesting opens n elements that never close, in blocks and inline, then ends n that
// were never opened: each end tag searches the open elements, which maxOpen bounds.
func BenchmarkHTMLNesting(b *testing.B) {
	scaled(b, 2_000, func(n int) string {
		return strings.Repeat("<div><details><table><tr><td><b>x\n", n/5) + "\n" +
			strings.Repeat("a <i>b <sup>c\n", n) + "\n" + strings.Repeat("</td></span>\n\n", n)
	})
}
