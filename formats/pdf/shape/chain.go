package shape

// Chain picks a face for each character: the book's faces in their order (the body face, then the
// user's fallbacks), then the system's fonts. Safe for concurrent use.
type Chain struct {
	faces  []*Face
	system *System // may be nil: no system fallback
}

// NewChain makes a chain of faces, tried in order, then system.
func NewChain(faces []*Face, system *System) *Chain {
	return &Chain{faces: append([]*Face(nil), faces...), system: system}
}

// FaceFor is the first face of the chain that has r; nil if none has.
func (c *Chain) FaceFor(r rune) *Face {
	for _, f := range c.faces {
		if f.Has(r) {
			return f
		}
	}
	if c.system != nil {
		return c.system.FaceFor(r)
	}
	return nil
}

// clusterFace picks the face for one grapheme cluster, so that a base and its marks stay in one
// face: cur (the face of the run so far) when the cluster is neutral (a space, punctuation) and
// cur has it, so that runs do not break at every space; else the first face that has all of the
// cluster's visible characters; else the one that has its base. Ignorable characters (joiners,
// variation selectors) need no glyph, so a cluster of only those stays with cur, or the first face.
func (c *Chain) clusterFace(cluster []rune, cur *Face, neutral bool) *Face {
	visible := cluster
	if len(cluster) > 1 || ignorable(cluster[0]) { // one visible character is most clusters: no copy
		visible = nil
		for _, r := range cluster {
			if !ignorable(r) {
				visible = append(visible, r)
			}
		}
	}
	if len(visible) == 0 {
		if cur == nil && len(c.faces) > 0 {
			return c.faces[0]
		}
		return cur
	}
	if neutral && cur != nil && hasAll(cur, visible) {
		return cur
	}
	for _, f := range c.faces {
		if hasAll(f, visible) {
			return f
		}
	}
	if c.system != nil {
		// the system's picks for each character, in the order of preference of the first
		for _, r := range visible {
			if f := c.system.FaceFor(r); f != nil && hasAll(f, visible) {
				return f
			}
		}
	}
	return c.FaceFor(visible[0])
}

func hasAll(f *Face, runes []rune) bool {
	for _, r := range runes {
		if !f.Has(r) {
			return false
		}
	}
	return true
}
