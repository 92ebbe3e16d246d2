package svg

import "fmt"

// use draws the element that a <use> points to, moved by x and y, inheriting the use's style.
// A use that leads back to itself is an error; one that points nowhere draws nothing.
func (b *builder) use(e *element, s *style, vp viewport) Node {
	t := b.href(e)
	if t == nil {
		return nil
	}
	if b.using[t] {
		id := t.attrs["id"]
		b.fail(fmt.Errorf("line %d: <use> leads back to #%s, which holds it: a cycle", e.line, id))
		return nil
	}
	b.using[t] = true
	defer delete(b.using, t)
	n := b.node(t, s, vp, e)
	if n == nil {
		return nil
	}
	x, _ := b.length(e, "x", horizontal, vp, s, 0)
	y, _ := b.length(e, "y", vertical, vp, s, 0)
	if x != 0 || y != 0 {
		n = &Group{Transform: translate(x, y), Opacity: 1, Children: []Node{n}}
	}
	return b.group(e, s, []Node{n}, vp)
}

// viewportNode draws a nested <svg>, or a <symbol> that a <use> (via) draws: a new viewport of
// its width and height (the use's, when it sets them), with its viewBox.
func (b *builder) viewportNode(e *element, s *style, vp viewport, via *element) Node {
	size := func(name string, a axis) float64 {
		if via != nil {
			if v, ok := b.length(via, name, a, vp, s, 0); ok {
				return v
			}
		}
		v, _ := b.length(e, name, a, vp, s, vp.along(a))
		return v
	}
	w, h := size("width", horizontal), size("height", vertical)
	if !(w > 0 && h > 0) {
		return nil
	}
	x, _ := b.length(e, "x", horizontal, vp, s, 0)
	y, _ := b.length(e, "y", vertical, vp, s, 0)
	m, inner, ok := b.viewBoxFit(e, w, h)
	if !ok {
		m, inner = Identity, viewport{w, h}
	}
	kids := b.children(e, s, inner)
	if len(kids) == 0 {
		return nil
	}
	inside := &Group{Transform: m.Then(translate(x, y)), Opacity: 1, Clip: b.viewportClip(e, m, w, h), Children: kids}
	return b.group(e, s, []Node{inside}, vp)
}
