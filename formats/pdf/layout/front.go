package layout

import (
	"cmp"
	"slices"
	"strings"

	"bookc/builder/tree"
	"bookc/formats/pdf/metrics"
	"bookc/formats/pdf/page"
	"bookc/formats/pdf/tags"
)

// titlePage sets the title, the edition, the authors and the date, centred, on one page: a field
// that would push the others off it is cut with an ellipsis, leaving each later one a line.
func (l *lay) titlePage() *flow {
	defer l.unhyphenated()()
	g := l.g
	type field struct {
		text      string
		st        style
		lead, gap float64
	}
	fields := []field{
		{l.book.Title, style{faces: l.faces, font: page.Bold, size: l.pt(30), color: black}, l.pt(38), 0},
		{l.book.Edition.Title, style{faces: l.faces, font: page.Regular, size: l.pt(16), color: grey}, l.pt(22), l.pt(14)},
		{l.book.Description, style{faces: l.faces, font: page.Italic, size: l.pt(12), color: grey}, l.pt(17), l.pt(24)},
		{strings.Join(l.book.Authors, ", "), style{faces: l.faces, font: page.Regular, size: l.pt(14), color: black}, l.pt(20), l.pt(60)},
	}
	if !l.book.Date.IsZero() {
		fields = append(fields, field{l.book.Date.Format("January 2006"), style{faces: l.faces, font: page.Regular, size: l.pt(11), color: grey}, l.pt(16), l.pt(40)})
	}
	fields = slices.DeleteFunc(fields, func(f field) bool { return f.text == "" })
	pg := &built{opening: true}
	fl := &flow{}
	y := g.Top + g.TextH/5
	for i, f := range fields {
		rest := 0.0
		for _, n := range fields[i+1:] {
			rest += n.gap + n.lead
		}
		y += f.gap
		most := max(1, int((g.Top+g.TextH-rest-y)/f.lead))
		role := tags.P
		if i == 0 {
			role = tags.H1 // the book's title heads the book
		}
		for _, b := range tagged(l.titleLines(f.text, f.st, f.lead, most), role) {
			b.putOn(&pg.p, y)
			fl.tags.place(&pg.p, b)
			y += b.h
		}
	}
	fl.pages = []*built{pg}
	l.endOnVerso(fl)
	return fl
}

// titleLines sets text centred in the measure, in at most most lines: cut shorter with an ellipsis,
// half a line at a time, where it needs more. It sets no more of a long text than the lines hold.
func (l *lay) titleLines(text string, st style, lead float64, most int) []*vbox {
	g := l.g
	budget := float64(most) * g.Measure
	for {
		lines := l.setRuns([]run{{st: &st, text: fitText(text, st, budget)}}, g.Left, g.Measure, lead, center)
		if len(lines) <= most {
			return lines
		}
		budget -= g.Measure / 2
	}
}

// contents lays out the table of contents: parts, chapters and their sections, each with dot
// leaders to its page number, the whole entry a link.
func (l *lay) contents(labels map[string]string) []*vbox {
	defer l.unhyphenated()()
	g := l.g
	st := style{faces: l.faces, heading: true, font: page.Bold, size: l.pt(headingSizes[1]), color: black}
	out := []*vbox{{h: l.pt(24), newPage: true, flow: &flowInfo{chapter: &chapMark{title: "Contents"}, dests: []string{"bookc:contents"}}}}
	out = append(out, tagged(l.setRuns([]run{{st: &st, text: "Contents"}}, g.Left, g.Measure, l.pt(28), left), tags.H1)...)
	out = append(out, &vbox{h: l.pt(26)})
	start := len(out) // the entries, which the TOC holds
	for i, part := range l.book.Parts {
		depth := 0
		if part.Title != "" {
			out = append(out, space(l.pt(10)))
			out = append(out, l.entry(part.Title, partDest(i), labels, style{faces: l.faces, font: page.Bold, size: l.pt(11.5), color: black}, 0)...)
			depth = 1
		}
		var walk func(cs []*tree.Chapter, d int)
		walk = func(cs []*tree.Chapter, d int) {
			for _, c := range cs {
				title := numbered(c, tiedGap, c.Title)
				st := style{faces: l.faces, font: page.Regular, size: l.size, color: black}
				if d == depth {
					st.font = page.Bold
					out = append(out, space(l.pt(4)))
				}
				dest := chapterDest(c.ID)
				if c.Draft { // no page to link or number: the title alone, in grey
					dest, st.color = "", grey
				}
				out = append(out, l.entry(title, dest, labels, st, l.pt(float64(d-depth)*16))...)
				out = l.sectionEntries(out, c.Sections(), 2, d-depth+1, labels)
				walk(c.Children, d+1)
			}
		}
		walk(part.Chapters, depth)
	}
	if !l.measure {
		wrap(out[start:], tags.New(tags.TOC))
	}
	return out
}

// sectionEntries adds the contents' entries of sections at level (a chapter's own are 2, below
// its title's 1) and of theirs, as deep as toc-depth asks, indented by steps.
func (l *lay) sectionEntries(out []*vbox, ss []*tree.Section, level, steps int, labels map[string]string) []*vbox {
	if level > cmp.Or(l.book.Settings.TOCDepth, tree.DefaultTOCDepth) {
		return out
	}
	st := style{faces: l.faces, font: page.Regular, size: l.pt(smallSize), color: black}
	for _, s := range ss {
		out = append(out, l.entry(tree.PlainText(s.Heading.Content), headingDest(s.Heading.ID), labels, st, l.pt(float64(steps)*16))...)
		out = l.sectionEntries(out, s.Children, level+1, steps+1, labels)
	}
	return out
}

const numW = 28.0 // the page-number column of the contents

// maxIndent is the deepest indent of the contents, eight levels', so that entries nested deeper
// still have two thirds of the measure for their titles, not a width below zero.
const maxIndent = 8 * 16.0

// entry sets one line of the contents; with no dest, its title only.
func (l *lay) entry(title, dest string, labels map[string]string, st style, indent float64) []*vbox {
	g := l.g
	indent = min(indent, l.pt(maxIndent))
	lead := st.size * 1.45
	x, w := g.Left+indent, g.Measure-indent-l.pt(numW+12)
	// every pass sets the contents again, for new page numbers, but the titles stay as they were
	key := entryKey{title, st, indent}
	set, ok := l.memo.entries[key]
	if !ok {
		set = made(l.shared.entries, key, func() []*vbox { return l.setRuns([]run{{st: &st, text: title}}, x, w, lead, left) })
		l.memo.entries[key] = set
	}
	if len(set) == 0 {
		return nil
	}
	if l.measure { // the pages are only counted: the lines as they stand, kept together as below
		lines := make([]*vbox, len(set))
		for i, b := range set {
			c := *b
			if dest != "" {
				c.keep = i < len(set)-1
			}
			lines[i] = &c
		}
		return lines
	}
	lines := clone(set) // to tag, and add the number, the leaders and the link to
	if dest == "" {
		return tagged(lines, tags.TOCI) // nothing to point at: no number, leaders or link
	}
	last := lines[len(lines)-1]
	end := x
	for _, t := range last.texts {
		end = max(end, t.X+metrics.Reach(t))
	}
	num := labels[dest]
	nw := st.face().Width(num, st.size)
	last.texts = append(last.texts, page.Text{X: g.Left + g.Measure - nw, Y: last.base, Font: st.face().Font, Size: st.size, Color: st.color, S: num})
	dot := style{faces: l.faces, font: page.Regular, size: l.pt(smallSize), color: grey} // one size: leaders align down the page
	step := dot.face().Width(" .", dot.size)
	start := g.Left + step*float64(int((end-g.Left)/step)+2)
	if n := int((g.Left + g.Measure - l.pt(numW) - start) / step); n > 0 {
		last.texts = append(last.texts, page.Text{X: start, Y: last.base, Font: dot.face().Font, Size: dot.size, Color: dot.color, S: leaders(n), Tag: artifact})
	}
	for _, b := range lines {
		b.more().Links = append(b.more().Links, page.Link{X: x, Y: 0, W: g.Left + g.Measure - x, H: b.h, Dest: dest})
		b.keep = true
	}
	last.keep = false
	wrap(lines, linkNode(title+", page "+num, "")) // the whole entry is the link
	return tagged(lines, tags.TOCI)
}

// dots are the leaders of the widest contents line, which every entry's are a part of: a book's
// contents has tens of thousands of entries.
var dots = strings.Repeat(" .", 200)

// leaders is n dots, each after a space.
func leaders(n int) string {
	if 2*n <= len(dots) {
		return dots[:2*n]
	}
	return strings.Repeat(" .", n)
}
