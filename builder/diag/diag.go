// Package diag is bookc's one diagnostics type: what went wrong, where, and what to do about it.
package diag

import (
	"fmt"
	"sort"
)

// Severity orders diagnostics: notes are information, warnings deserve a look, errors fail `check`.
type Severity int

const (
	Note Severity = iota
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Note:
		return "note"
	case Warning:
		return "warning"
	default:
		return "error"
	}
}

// Diagnostic is one message about the book. File is as the user would type it ("src/ch03.md");
// Line is 1-based, 0 when the message concerns the whole file.
type Diagnostic struct {
	Severity Severity `json:"severity"`
	File     string   `json:"file,omitempty"`
	Line     int      `json:"line,omitempty"`
	Msg      string   `json:"message"`
}

func (d Diagnostic) String() string {
	switch {
	case d.File != "" && d.Line > 0:
		return fmt.Sprintf("%s:%d: %s: %s", d.File, d.Line, d.Severity, d.Msg)
	case d.File != "":
		return fmt.Sprintf("%s: %s: %s", d.File, d.Severity, d.Msg)
	default:
		return fmt.Sprintf("%s: %s", d.Severity, d.Msg)
	}
}

// Errorf, Warnf and Notef build diagnostics at a place.
func Errorf(file string, line int, format string, a ...any) Diagnostic {
	return Diagnostic{Error, file, line, fmt.Sprintf(format, a...)}
}

func Warnf(file string, line int, format string, a ...any) Diagnostic {
	return Diagnostic{Warning, file, line, fmt.Sprintf(format, a...)}
}

func Notef(file string, line int, format string, a ...any) Diagnostic {
	return Diagnostic{Note, file, line, fmt.Sprintf(format, a...)}
}

// List collects diagnostics. The zero List is ready to use; it is not safe for concurrent use.
type List []Diagnostic

// Add appends diagnostics.
func (l *List) Add(ds ...Diagnostic) { *l = append(*l, ds...) }

// Count returns how many diagnostics have the given severity.
func (l List) Count(s Severity) int {
	n := 0
	for _, d := range l {
		if d.Severity == s {
			n++
		}
	}
	return n
}

// Sorted returns the diagnostics ordered by file, line and message, so output never depends on
// the order in which concurrent work finished.
func (l List) Sorted() List {
	out := append(List(nil), l...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		switch {
		case a.File != b.File:
			return a.File < b.File
		case a.Line != b.Line:
			return a.Line < b.Line
		default:
			return a.Msg < b.Msg
		}
	})
	return out
}
