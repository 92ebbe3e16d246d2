// Package svg reads SVG images and reduces them to a Drawing: groups, paths and text with every
// style resolved, every shape a path of absolute segments and every unit a number, as resvg's
// simplified tree does. Backends draw a Drawing and know nothing of SVG's syntax.
//
// It reads the XML with encoding/xml, not an SVG library: oksvg is tied to its rasteriser and
// drops text, and tdewolff/canvas is a whole graphics stack, where bookc needs only this tree.
package svg

// Drawing is one SVG image reduced to what a page draws.
type Drawing struct {
	// Width and Height are the image's size in CSS pixels (1/96 inch): its width and height, else
	// its viewBox's. Root draws into the box (0,0)-(Width,Height), y growing downwards.
	Width, Height float64
	Root          *Group
	// Unsupported names, once each and in order of first use, what the reader left out: an element
	// ("filter", "foreignObject", "script") or a feature ("mask", "pattern fill").
	Unsupported []string
}

// Matrix is an affine transform [a b c d e f], as SVG's matrix() and PDF's cm: a point (x, y) maps
// to (a*x + c*y + e, b*x + d*y + f).
type Matrix [6]float64

// Identity is the transform that changes nothing.
var Identity = Matrix{1, 0, 0, 1, 0, 0}

// Then is the transform that applies m, then n.
func (m Matrix) Then(n Matrix) Matrix {
	return Matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// Apply maps a point.
func (m Matrix) Apply(p Point) Point {
	return Point{m[0]*p.X + m[2]*p.Y + m[4], m[1]*p.X + m[3]*p.Y + m[5]}
}

// Point is a position in user units.
type Point struct{ X, Y float64 }

// Color is an sRGB colour.
type Color struct{ R, G, B uint8 }

// Node is a Group, a Path or a Text.
type Node interface{ isNode() }

// Group is a set of nodes drawn together: Transform maps its coordinates into its parent's.
type Group struct {
	Transform Matrix
	// Opacity, from 0 to 1, applies to the group as a whole once drawn, as SVG's group opacity:
	// overlapping children do not show through each other.
	Opacity float64
	// Clip, when not nil, limits the group's drawing to the union of its paths' areas, in the
	// group's own coordinates (Transform applies to it too).
	Clip     *Clip
	Children []Node
}

// Clip is a clip path reduced to its outlines.
type Clip struct {
	Paths []*Path // only Segments and FillRule count
}

// Path is a filled and/or stroked outline.
type Path struct {
	Segments []Segment
	Fill     *Paint // nil: not filled
	FillRule FillRule
	Stroke   *Stroke // nil: not stroked
}

// Op is a path segment's operation.
type Op uint8

const (
	MoveTo  Op = iota // Pts[0]
	LineTo            // to Pts[0]
	CubicTo           // control points Pts[0], Pts[1], to Pts[2]; arcs and quadratics become these
	Close             // back to the subpath's start
)

// Segment is one step of a path, in absolute user units.
type Segment struct {
	Op  Op
	Pts [3]Point
}

// FillRule decides which areas of a self-crossing outline are inside.
type FillRule uint8

const (
	NonZero FillRule = iota
	EvenOdd
)

// Paint is a colour or a gradient, with its opacity (fill-opacity or stroke-opacity, from 0 to 1).
type Paint struct {
	Color    Color
	Gradient *Gradient // when not nil, Color is unused
	Opacity  float64
}

// Gradient is a linear or radial gradient in user units of the path it paints: Transform (its
// gradientTransform, and the path's bounding box when its units are objectBoundingBox) maps the
// coordinates below into the path's. Spread is always pad.
type Gradient struct {
	Radial         bool
	X1, Y1, X2, Y2 float64 // linear: from (X1, Y1) to (X2, Y2)
	CX, CY, R      float64 // radial: the end circle
	FX, FY         float64 // radial: the focal point, where the first stop is
	Transform      Matrix
	Stops          []Stop // at least one, offsets rising from 0 to 1
}

// Stop is a gradient's colour at an offset from 0 to 1.
type Stop struct {
	Offset  float64
	Color   Color
	Opacity float64
}

// Stroke is how an outline is stroked.
type Stroke struct {
	Paint      Paint
	Width      float64
	Cap        Cap
	Join       Join
	MiterLimit float64
	Dashes     []float64 // nil: solid; otherwise an even number of lengths, dash and gap in turn
	DashOffset float64
}

// Cap is a stroke's line cap.
type Cap uint8

const (
	ButtCap Cap = iota
	RoundCap
	SquareCap
)

// Join is a stroke's line join.
type Join uint8

const (
	MiterJoin Join = iota
	RoundJoin
	BevelJoin
)

// Text is a <text> element: chunks of text, each starting at its own position.
type Text struct {
	Chunks []*Chunk
}

// Chunk is a run of text from one absolute position (a <text> or a <tspan> with x or y): the
// drawer measures it in its fonts and aligns it on (X, Y) by Anchor.
type Chunk struct {
	X, Y float64 // the baseline's start, middle or end, by Anchor
	// Follow says that X is where the previous chunk ended, which only the drawer knows: a tspan
	// with a y and no x starts a chunk there.
	Follow bool
	Anchor Anchor
	Spans  []*Span
}

// Anchor is SVG's text-anchor.
type Anchor uint8

const (
	AnchorStart Anchor = iota
	AnchorMiddle
	AnchorEnd
)

// Span is text in one style. DX and DY shift it from where the previous span ended.
type Span struct {
	Text         string // spaces collapsed as SVG's default white-space does
	DX, DY       float64
	Size         float64 // font size in user units
	Bold, Italic bool
	Mono         bool // a monospace family was asked for
	Hidden       bool // visibility: hidden: it takes its room but shows nothing
	Fill         *Paint
	Stroke       *Stroke
}

func (*Group) isNode() {}
func (*Path) isNode()  {}
func (*Text) isNode()  {}
