package markdown

import (
	"regexp"
	"slices"
	"strings"
	"sync"

	"bookc/builder/tree"
)

// Role markers are HTML comments, invisible to mdBook:
//
//	<!-- only: operators developers -->  ...blocks...  <!-- end only -->
//
// or a lone `<!-- only: ... -->` directly before a heading, which limits that heading's section.
// This package's expressions are compiled when first used, not at every command's start.

var (
	onlyRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?s)^\s*<!--\s*only\s*:(.*?)-->\s*$`) })
	endRE  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?s)^\s*<!--\s*end\s+only\s*-->\s*$`) })
)

type marker struct {
	roles []string
	end   bool
	at    Pos
}

// item is a converted block or a role marker between blocks.
type item struct {
	block tree.Block
	mark  *marker
}

func parseMarker(raw string) (*marker, bool) {
	if endRE().MatchString(raw) {
		return &marker{end: true}, true
	}
	if m := onlyRE().FindStringSubmatch(raw); m != nil {
		return &marker{roles: strings.Fields(m[1])}, true
	}
	return nil, false
}

func (c *converter) checkRoles(m *marker) []string {
	if len(m.roles) == 0 {
		c.errorAt(m.at, "role marker names no role; write <!-- only: ROLE ... -->")
	}
	var ok []string
	for _, r := range m.roles {
		if slices.Contains(c.env.Roles, r) {
			ok = append(ok, r)
			continue
		}
		known := strings.Join(c.env.Roles, ", ")
		if known == "" {
			known = "none: declare roles in book.toml under [output.bookc.roles.NAME]"
		}
		c.errorAt(m.at, "role marker names unknown role %q (known roles: %s)", r, known)
	}
	return ok
}

// applyMarkers turns the markers among a container's blocks into Only blocks.
func (c *converter) applyMarkers(seq []item) tree.Blocks {
	out, _, _ := c.region(seq, 0, nil, 0, false, 0)
	return out
}

// region collects blocks from seq[i:] until its end: the end of seq, an "end only" marker when
// inRange, or a heading of level stopLevel or higher for a section. It returns the blocks, the index
// after the region, and whether an end marker closed it. The region is the content of only, nil at
// the top, which depth Only blocks enclose. Past maxDepth, markers stop nesting: their roles narrow
// only instead, so the passage reaches no reader that a marker excludes, and nothing nests deeper.
func (c *converter) region(seq []item, i int, only *tree.Only, depth int, inRange bool, stopLevel int) (tree.Blocks, int, bool) {
	var out tree.Blocks
	flat := 0 // ranges opened past maxDepth and not yet ended
	for i < len(seq) {
		it := seq[i]
		if it.mark == nil {
			if h, ok := it.block.(*tree.Heading); ok && stopLevel > 0 && h.Level <= stopLevel {
				return out, i, false
			}
			out = append(out, it.block)
			i++
			continue
		}
		m := it.mark
		if m.end {
			switch {
			case flat > 0:
				flat--
				i++
			case inRange:
				return out, i + 1, true
			case stopLevel > 0:
				return out, i, false // the section ends with the range around it
			default:
				c.errorAt(m.at, "<!-- end only --> without an opening <!-- only: ... --> marker; remove it or add the opening marker")
				i++
			}
			continue
		}
		var h *tree.Heading
		if i+1 < len(seq) {
			h, _ = seq[i+1].block.(*tree.Heading)
		}
		if h != nil && stopLevel > 0 && h.Level <= stopLevel {
			return out, i, false // the marked heading starts a section after this one, not inside it
		}
		roles := c.checkRoles(m)
		if depth == maxDepth {
			c.tooDeep(&c.deepMarkers, m.at, "role markers are nested deeper than %[1]d levels; the deeper markers' roles "+
				"limit the whole passage at level %[1]d (close ranges with <!-- end only -->, or nest them less deeply)")
			only.Roles = slices.DeleteFunc(only.Roles, func(r string) bool { return !slices.Contains(roles, r) })
			if h == nil {
				flat++
			}
			i++
			continue
		}
		o := &tree.Only{Roles: roles}
		if h != nil {
			inner, next, _ := c.region(seq, i+2, o, depth+1, false, h.Level)
			o.Blocks = append(tree.Blocks{h}, inner...)
			out = append(out, o)
			i = next
			continue
		}
		inner, next, closed := c.region(seq, i+1, o, depth+1, true, 0)
		if !closed {
			c.errorAt(m.at, "<!-- only: %s --> is never closed; add <!-- end only --> after the blocks it limits (or put the marker directly before a heading to limit that section)", strings.Join(m.roles, " "))
		}
		o.Blocks = inner
		out = append(out, o)
		i = next
	}
	return out, i, false
}
