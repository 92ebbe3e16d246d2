package svg

import (
	"fmt"
	"strconv"
	"strings"
)

// dump writes a Drawing as indented text, one node a line, for golden files.
func dump(d *Drawing) string {
	var b strings.Builder
	fmt.Fprintf(&b, "drawing %sx%s\n", num(d.Width), num(d.Height))
	if len(d.Unsupported) > 0 {
		fmt.Fprintf(&b, "unsupported: %s\n", strings.Join(d.Unsupported, ", "))
	}
	dumpGroup(&b, d.Root, 0)
	return b.String()
}

func num(v float64) string {
	if v == 0 {
		return "0" // not -0
	}
	return strconv.FormatFloat(v, 'g', 6, 64)
}

func nums(vs ...float64) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = num(v)
	}
	return strings.Join(s, " ")
}

func dumpNode(b *strings.Builder, n Node, depth int) {
	ind := strings.Repeat("  ", depth)
	switch n := n.(type) {
	case *Group:
		dumpGroup(b, n, depth)
	case *Path:
		fmt.Fprintf(b, "%spath%s\n", ind, pathStyle(n))
		fmt.Fprintf(b, "%s  %s\n", ind, segments(n.Segments))
	case *Text:
		fmt.Fprintf(b, "%stext\n", ind)
		for _, c := range n.Chunks {
			if c.Follow {
				fmt.Fprintf(b, "%s  chunk follow %s anchor=%d\n", ind, num(c.Y), c.Anchor)
			} else {
				fmt.Fprintf(b, "%s  chunk %s anchor=%d\n", ind, nums(c.X, c.Y), c.Anchor)
			}
			for _, s := range c.Spans {
				fmt.Fprintf(b, "%s    span %q size=%s", ind, s.Text, num(s.Size))
				if s.DX != 0 || s.DY != 0 {
					fmt.Fprintf(b, " d=%s", nums(s.DX, s.DY))
				}
				for _, f := range []struct {
					on   bool
					name string
				}{{s.Bold, "bold"}, {s.Italic, "italic"}, {s.Mono, "mono"}, {s.Hidden, "hidden"}} {
					if f.on {
						b.WriteString(" " + f.name)
					}
				}
				if s.Fill != nil {
					b.WriteString(" fill=" + paint(s.Fill))
				}
				if s.Stroke != nil {
					b.WriteString(stroke(s.Stroke))
				}
				b.WriteString("\n")
			}
		}
	}
}

func dumpGroup(b *strings.Builder, g *Group, depth int) {
	ind := strings.Repeat("  ", depth)
	fmt.Fprintf(b, "%sgroup", ind)
	if g.Transform != Identity {
		fmt.Fprintf(b, " transform=[%s]", nums(g.Transform[:]...))
	}
	if g.Opacity != 1 {
		fmt.Fprintf(b, " opacity=%s", num(g.Opacity))
	}
	b.WriteString("\n")
	if g.Clip != nil {
		fmt.Fprintf(b, "%s  clip\n", ind)
		for _, p := range g.Clip.Paths {
			fmt.Fprintf(b, "%s    rule=%d %s\n", ind, p.FillRule, segments(p.Segments))
		}
	}
	for _, n := range g.Children {
		dumpNode(b, n, depth+1)
	}
}

func pathStyle(p *Path) string {
	var b strings.Builder
	if p.Fill != nil {
		b.WriteString(" fill=" + paint(p.Fill))
		if p.FillRule == EvenOdd {
			b.WriteString(" evenodd")
		}
	}
	if p.Stroke != nil {
		b.WriteString(stroke(p.Stroke))
	}
	return b.String()
}

func stroke(s *Stroke) string {
	out := fmt.Sprintf(" stroke=%s width=%s cap=%d join=%d miter=%s", paint(&s.Paint), num(s.Width), s.Cap, s.Join, num(s.MiterLimit))
	if s.Dashes != nil {
		out += fmt.Sprintf(" dashes=[%s] offset=%s", nums(s.Dashes...), num(s.DashOffset))
	}
	return out
}

func paint(p *Paint) string {
	op := ""
	if p.Opacity != 1 {
		op = "@" + num(p.Opacity)
	}
	g := p.Gradient
	if g == nil {
		return fmt.Sprintf("#%02x%02x%02x%s", p.Color.R, p.Color.G, p.Color.B, op)
	}
	var b strings.Builder
	if g.Radial {
		fmt.Fprintf(&b, "radial(c=%s r=%s f=%s", nums(g.CX, g.CY), num(g.R), nums(g.FX, g.FY))
	} else {
		fmt.Fprintf(&b, "linear(%s", nums(g.X1, g.Y1, g.X2, g.Y2))
	}
	if g.Transform != Identity {
		fmt.Fprintf(&b, " transform=[%s]", nums(g.Transform[:]...))
	}
	for _, s := range g.Stops {
		fmt.Fprintf(&b, " %s:#%02x%02x%02x", num(s.Offset), s.Color.R, s.Color.G, s.Color.B)
		if s.Opacity != 1 {
			b.WriteString("@" + num(s.Opacity))
		}
	}
	return b.String() + ")" + op
}

func segments(segs []Segment) string {
	var b strings.Builder
	for i, s := range segs {
		if i > 0 {
			b.WriteString(" ")
		}
		switch s.Op {
		case MoveTo:
			fmt.Fprintf(&b, "M%s,%s", num(s.Pts[0].X), num(s.Pts[0].Y))
		case LineTo:
			fmt.Fprintf(&b, "L%s,%s", num(s.Pts[0].X), num(s.Pts[0].Y))
		case CubicTo:
			fmt.Fprintf(&b, "C%s,%s %s,%s %s,%s", num(s.Pts[0].X), num(s.Pts[0].Y), num(s.Pts[1].X), num(s.Pts[1].Y), num(s.Pts[2].X), num(s.Pts[2].Y))
		case Close:
			b.WriteString("Z")
		}
	}
	return b.String()
}
