package layout

import (
	"maps"

	"bookc/formats/pdf/page"
	"bookc/formats/pdf/tags"
)

// A Sink takes an edition's pages as layout finishes them, in order, so that a large book's
// pages are drawn and let go of while the rest are cut, rather than all kept for the end
// (draw.Drawing is one).
type Sink interface {
	// Page takes the next page. elems is the structure tree as far as it is made: it holds
	// every element the page's Tags name, from element off on.
	Page(p *page.Page, elems []tags.Elem, off int32)
	// Abandon lets go of the pages given: the pass that gave them is not the last after all.
	Abandon()
}

// Sinks makes a Sink for each pass that may be the last, given the document the pages are
// for, its pages aside; an error leaves layout to keep the pages for the end.
type Sinks func(doc *page.Doc) (Sink, error)

// streaming is a packed book's pass that puts pieces on its pages (the last, but for a change of
// page numbers none foresaw) giving them to a sink as they are finished: the title page and the
// contents first, set with the page numbers of the pass before, which this pass keeps, then the
// body's, stretch by stretch as their structure tree is made (stretches), and the rest at the
// end (rest). The pass is the last if its numbers are the pass before's after all (final).
type streaming struct {
	l        *lay
	sink     Sink
	doc      *page.Doc // as far as it is made: its pages are the sink's
	front    *lay      // the title page's and contents' layout
	num      folios    // the folios of the pass before
	tocPages int       // the contents' length
	off      int32     // where the body's elements start in doc.Tags
	base     int       // the body's first page
	given    int       // the body's pages given
	tree     []tags.Elem
}

// stream starts a streaming pass: nil when sinks cannot make a sink.
func (l *lay) stream(sinks Sinks, refs map[string]string, num folios, front *lay) *streaming {
	doc := l.newDoc()
	sink, err := sinks(doc)
	if err != nil {
		return nil
	}
	s := &streaming{l: l, sink: sink, doc: doc, front: front, num: num}
	title, toc := front.titlePage(), front.paginate(front.contents(refs), nil)
	// the contents' titles, set once for every pass, are set for the last: a pass after it, if
	// one is needed, sets them again
	clear(front.memo.entries)
	l.opening(doc, title, toc, num, func(p *page.Page) { sink.Page(p, doc.Tags, 0) })
	s.tocPages, s.off, s.base = len(toc.pages), int32(len(doc.Tags)), len(title.pages)+len(toc.pages)
	return s
}

// stretch gives the pages of the body's next stretch, after a blank verso where a two-sided
// stretch would start on one, as stretches joins them; elems is the body's tree so far.
func (s *streaming) stretch(pages []*built, elems []tags.Elem) {
	if s.l.book.Settings.TwoSided && s.given%2 == 1 {
		s.give(&built{opening: true, bare: true}, elems)
	}
	for i, pg := range pages {
		s.give(pg, elems)
		pages[i] = nil // the sink's: its flow keeps no page given, only their count
	}
}

func (s *streaming) give(pg *built, elems []tags.Elem) {
	s.sink.Page(s.l.finishPage(pg, s.off, s.base+s.given, s.num.body(s.given)), elems, s.off)
	s.given++
}

// rest gives the body's pages not given yet, once the body is paginated, and takes its tree.
func (s *streaming) rest(body *flow) {
	s.tree = body.tree()
	rest := body.pages[s.given:]
	for i, pg := range rest {
		s.give(pg, s.tree)
		rest[i] = nil
	}
}

// final tells whether the pass is the last: whether the body's folios and the contents' length
// are those the pages given were finished with, and its page numbers those they print.
func (s *streaming) final(split int, labels, refs map[string]string) bool {
	return split == s.num.split && s.tocPages == s.num.toc && maps.Equal(labels, refs)
}

// finish adds the body's structure tree, link targets and outline to the document.
func (s *streaming) finish(body *flow) *page.Doc {
	s.l.graft(s.doc, body, s.tree, s.base)
	s.l.diags = append(s.l.diags, s.front.diags...)
	return s.doc
}
