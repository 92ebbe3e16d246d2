package svg

import (
	"errors"
	"fmt"
)

// Caps on the work one image may ask for: past one, Read stops with an error that names it. They
// sit far above what real figures need (a large Graphviz graph has a few thousand elements).
const (
	maxElements = 200_000   // elements read, and again elements drawn once <use> is expanded
	maxDepth    = 256       // elements nested in one another, <use> targets included
	maxSegments = 2_000_000 // path segments in the whole drawing, clip paths included
	maxText     = 1 << 20   // bytes of text and of <style>, counted again when <use> repeats them
	maxWork     = 256 << 20 // bytes of attribute values read while drawing; <use> rereads them
	maxCSSWork  = 5_000_000 // CSS rules tried against elements
)

var (
	// ErrNotSVG is wrapped by the error for data that is not an SVG image at all.
	ErrNotSVG = errors.New("not an SVG image")
	// ErrTooComplex is wrapped by the error for an image past one of the caps on work.
	ErrTooComplex = errors.New("too complex")
	// errLimit tells a parser's caller that a cap was reached; the caller says which.
	errLimit = errors.New("limit")
)

// capError is the error for going past a cap, at a line of the SVG.
func capError(line int, what string, limit int) error {
	return fmt.Errorf("line %d: %w: more than %d %s", line, ErrTooComplex, limit, what)
}
