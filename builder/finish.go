package builder

import (
	"sort"
	"strings"

	"bookc/builder/diag"
	"bookc/builder/markdown"
	"bookc/builder/tree"
)

// finish puts the parsed chapters into the tree: each gets its title heading, heading IDs become
// unique in the whole book, and every cross-reference's anchor is checked against its target.
func (b *Book) finish(jobs []*chapterJob) {
	// heading IDs in the whole book
	var ids slugs
	anchors := map[string]map[string]string{} // chapter ID -> source anchor -> book-wide ID
	titles := map[string]string{}
	for _, j := range jobs {
		ch := j.ch
		titles[ch.ID] = ch.Title
		var headings []*tree.Heading
		var targets []*tree.Anchor
		if j.res != nil {
			ch.Blocks, ch.Footnotes, headings, targets = j.res.Blocks, j.res.Footnotes, j.res.Headings, j.res.Anchors
		}
		if h := titleHeading(ch); h != nil {
			// The chapter's own heading is its title everywhere: contents, bookmarks, nav, NAME.
			if t := strings.TrimSpace(tree.PlainText(h.Content)); t != "" {
				ch.Title = t
			}
		} else {
			title := &tree.Heading{Level: 1, ID: uniqueLocal(headings, targets, markdown.Slug(ch.Title)), Content: tree.Inlines{&tree.Text{Text: ch.Title}}}
			ch.Blocks = append(tree.Blocks{title}, ch.Blocks...)
			headings = append([]*tree.Heading{title}, headings...)
		}
		local := map[string]string{}
		bookWide := func(id *string) {
			u := *id
			if ids.taken(u) {
				u = ch.ID + "-" + u
			}
			u = ids.unique(u)
			local[*id] = u
			*id = u
		}
		for _, h := range headings {
			bookWide(&h.ID)
		}
		for _, a := range targets { // HTML ids are link targets as headings are
			bookWide(&a.ID)
		}
		anchors[ch.ID] = local
	}
	listed := map[string]string{} // chapter ID -> someAnchors, made once: it sorts all anchors
	for _, j := range jobs {
		if j.res == nil {
			continue
		}
		for _, r := range j.res.Refs {
			b.refs[r.XRef] = r.At
			if r.XRef.Anchor == "" {
				continue
			}
			id, ok := anchors[r.XRef.Chapter][r.XRef.Anchor]
			if !ok {
				some, done := listed[r.XRef.Chapter]
				if !done {
					some = someAnchors(anchors[r.XRef.Chapter])
					listed[r.XRef.Chapter] = some
				}
				b.Diags.Add(diag.Warnf(r.At.File, r.At.Line, "link to #%s: %q has no heading or HTML id with that anchor, so the link goes to the chapter (anchors there: %s)",
					r.XRef.Anchor, titles[r.XRef.Chapter], some))
			}
			r.XRef.Anchor = id
		}
	}
}

// titleHeading finds the level-1 heading a chapter opens with, past blocks a reader never sees
// (comments, styles), and moves it first, where backends look for the title; nil when the chapter
// opens otherwise and needs a title heading of its own.
func titleHeading(ch *tree.Chapter) *tree.Heading {
	for i, b := range ch.Blocks {
		switch n := b.(type) {
		case *tree.HTMLBlock:
			if strings.TrimSpace(n.Text) == "" {
				continue
			}
		case *tree.Heading:
			if n.Level == 1 {
				copy(ch.Blocks[1:i+1], ch.Blocks[:i])
				ch.Blocks[0] = n
				return n
			}
		}
		return nil
	}
	return nil
}

// uniqueLocal picks an anchor for a generated title heading that no heading or HTML id of the
// chapter has.
func uniqueLocal(hs []*tree.Heading, as []*tree.Anchor, id string) string {
	if id == "" {
		id = "chapter"
	}
	var taken slugs
	for _, h := range hs {
		taken.take(h.ID)
	}
	for _, a := range as {
		taken.take(a.ID)
	}
	return taken.unique(id)
}

func someAnchors(m map[string]string) string {
	var ks []string
	for k := range m {
		ks = append(ks, "#"+k)
	}
	sort.Strings(ks)
	if len(ks) > 8 {
		ks = append(ks[:8], "...")
	}
	return strings.Join(ks, ", ")
}
