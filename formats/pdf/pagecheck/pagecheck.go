// Package pagecheck reads a laid-out book's pages as a typographer would and lists what a
// publisher would send back: a heading last on a page, an image whose caption is overleaf, code
// split with fewer than three lines on a side, a page under 30% full that ends no chapter; and it
// counts the characters of full body lines, for the measure. It reads the pages, not the layout's
// intentions, so it checks what the layout did.
package pagecheck

import (
	"fmt"
	"math"
	"slices"
	"unicode/utf8"

	"bookc/formats/pdf/layout"
	"bookc/formats/pdf/metrics"
	"bookc/formats/pdf/page"
	"bookc/formats/pdf/tags"
)

// Fault is one thing wrong with a page.
type Fault struct {
	Page int // 1-based
	What string
}

func (f Fault) String() string { return fmt.Sprintf("page %d: %s", f.Page, f.What) }

// Report is what Read found.
type Report struct {
	Pages      int
	Faults     []Fault
	CodeSplits int // code blocks going on from one page to the next
	FullLines  int // body lines set to the full measure
	InMeasure  int // of them, those of 60 to 75 characters
}

// Bounds of the characters a line reads well at, and of a page's fill.
const (
	fewestChars = 60
	mostChars   = 75
	leastFill   = 0.3
	fewestSplit = 3
)

// MeasureShare is the share of full body lines in the measure.
func (r Report) MeasureShare() float64 {
	if r.FullLines == 0 {
		return 1
	}
	return float64(r.InMeasure) / float64(r.FullLines)
}

func (r Report) String() string {
	return fmt.Sprintf("%d pages, %d faults, %d code blocks split, %d of %d full lines (%.0f%%) hold %d to %d characters",
		r.Pages, len(r.Faults), r.CodeSplits, r.InMeasure, r.FullLines, 100*r.MeasureShare(), fewestChars, mostChars)
}

// line is a baseline of a page's text block, with what is set on it.
type line struct {
	y                      float64
	heading, code, caption bool
	text                   bool // anything else
	body                   bool // body text only, in the body size
	left, right            float64
	chars                  int
}

// Read reads a document laid out with geometry g and body size body.
func Read(doc *page.Doc, g layout.Geometry, body float64) Report {
	r := Report{Pages: len(doc.Pages)}
	all := make([][]line, len(doc.Pages))
	for i, p := range doc.Pages {
		all[i] = lines(doc, p, g, body)
	}
	opens := func(i int) bool { // the page opens a chapter or part: it has no running header
		for _, tx := range doc.Pages[i].AllTexts() {
			if tx.Y == g.HeaderY {
				return false
			}
		}
		return true
	}
	fault := func(i int, format string, args ...any) {
		r.Faults = append(r.Faults, Fault{Page: i + 1, What: fmt.Sprintf(format, args...)})
	}
	for i, ls := range all {
		r.measure(g, ls)
		if len(ls) == 0 {
			continue
		}
		last := ls[len(ls)-1]
		titlePage := opens(i) && !slices.ContainsFunc(ls, func(l line) bool { return !l.heading || l.text })
		if last.heading && !last.text && i+1 < len(all) && !titlePage {
			fault(i, "ends with a heading")
		}
		if i+1 == len(all) || len(all[i+1]) == 0 {
			continue
		}
		next := all[i+1]
		for _, im := range doc.Pages[i].Images {
			if im.Y+im.H > last.y && next[0].caption {
				fault(i, "ends with an image, its caption overleaf")
			}
		}
		if last.code && next[0].code {
			n, m := 0, 0
			for k := len(ls) - 1; k >= 0 && ls[k].code && !ls[k].text; k-- {
				n++
			}
			for k := 0; k < len(next) && next[k].code && !next[k].text; k++ {
				m++
			}
			r.CodeSplits++
			if n < fewestSplit || m < fewestSplit {
				fault(i, "a code block splits %d lines here, %d overleaf", n, m)
			}
		}
		if fill := (bottom(doc.Pages[i], last.y) - g.Top) / g.TextH; fill < leastFill && !opens(i+1) && !opens(i) {
			fault(i, "%.0f%% full, and no chapter ends on it", 100*fill)
		}
	}
	return r
}

// bottom is how far down the page's content reaches: its last line of text at y, or a figure
// below it.
func bottom(p *page.Page, y float64) float64 {
	for _, im := range p.Images {
		y = max(y, im.Y+im.H)
	}
	for _, v := range p.Vectors {
		y = max(y, v.Y+v.H)
	}
	return y
}

// measure counts the page's full body lines, and those of them in the measure: lines of body
// text alone from the text block's left edge to its right, whichever side the page is.
func (r *Report) measure(g layout.Geometry, ls []line) {
	for _, l := range ls {
		full := l.right-l.left > g.Measure-1
		if !l.body || !full || l.heading || l.code || l.caption {
			continue
		}
		r.FullLines++
		if l.chars >= fewestChars && l.chars <= mostChars {
			r.InMeasure++
		}
	}
}

// lines are the baselines of a page's text block, top to bottom, without the running header, the
// folio, the footnotes and the other artifacts (a code block's "continued", a table's repeated
// header). What a line holds its texts' places in the structure tree tell.
func lines(doc *page.Doc, p *page.Page, g layout.Geometry, body float64) []line {
	var out []line
	for _, tx := range p.AllTexts() {
		if tx.Y <= g.Top || tx.Y > g.Top+g.TextH || tx.Tag == 0 {
			continue
		}
		in := within(doc, p, tx.Tag)
		if in[tags.Note] {
			continue
		}
		i := slices.IndexFunc(out, func(l line) bool { return math.Abs(l.y-tx.Y) < 0.5 })
		if i < 0 {
			out = append(out, line{y: tx.Y, body: true, left: math.Inf(1), right: math.Inf(-1)})
			i = len(out) - 1
		}
		l := &out[i]
		switch {
		case in[tags.H1] || in[tags.H2] || in[tags.H3] || in[tags.H4] || in[tags.H5] || in[tags.H6]:
			l.heading = true
		case in[tags.Code]:
			l.code = true
		case in[tags.Caption]:
			l.caption = true
		default:
			l.text = true
		}
		// body text: a paragraph's, in the body size (its inline code a little smaller)
		mono := tx.Font >= page.Mono && tx.Font <= page.MonoBoldItalic
		if !in[tags.P] || in[tags.TOC] || in[tags.Table] || !mono && math.Abs(tx.Size-body) > 0.01 || mono && tx.Size < body*0.8 {
			l.body = false
		}
		end := tx.X + metrics.Reach(tx)
		if l.chars > 0 && tx.X > l.right+0.5 {
			l.chars++ // the space between two texts
		}
		l.left, l.right = min(l.left, tx.X), max(l.right, end)
		l.chars += utf8.RuneCountInString(tx.S)
	}
	slices.SortFunc(out, func(a, b line) int { return int(math.Copysign(1, a.y-b.y)) })
	return out
}

// within is the roles of the structure elements a page's piece of Tag t is in, its own and its
// ancestors'.
func within(doc *page.Doc, p *page.Page, t page.Tag) map[tags.Role]bool {
	in := map[tags.Role]bool{}
	if int(t) > len(p.Tags) {
		return in
	}
	for e := p.Tags[t-1]; e >= 0 && int(e) < len(doc.Tags); e = doc.Tags[e].Parent {
		in[doc.Tags[e].Role] = true
		if e == 0 {
			break
		}
	}
	return in
}
