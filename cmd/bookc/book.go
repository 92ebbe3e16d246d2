package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"bookc/builder"
	"bookc/builder/diag"
	"bookc/handbook"
)

// loadBook loads the book folder the user named, or the embedded handbook.
func loadBook(o *options, highlight bool) (*builder.Book, error) {
	var src *builder.Source
	if o.bookDir == "" {
		src = builder.FromFS(handbook.FS, "handbook")
	} else {
		var err error
		if src, err = builder.OpenDir(o.bookDir, o.includeRoot); err != nil {
			return nil, err
		}
	}
	defer src.Close()
	return builder.Load(src, builder.Options{
		SourceDateEpoch: os.Getenv("SOURCE_DATE_EPOCH"),
		FallbackDate:    handbook.Date,
		Highlight:       highlight,
	})
}

// editionRoles lists the roles to build: the full book (""), one role, or all of them.
func editionRoles(o *options, b *builder.Book) ([]string, error) {
	switch {
	case o.allRoles:
		return append([]string{""}, b.RoleNames()...), nil
	case o.role != "":
		if b.Config.Role(o.role) == nil {
			return nil, fmt.Errorf("no role %q in book.toml; 'bookc roles' lists the roles", o.role)
		}
		return []string{o.role}, nil
	default:
		return []string{""}, nil
	}
}

// printDiags writes diagnostics at or above min severity, sorted and each once (every edition
// of a chapter may say the same), and returns how many errors there were.
func printDiags(w io.Writer, ds diag.List, min diag.Severity) int {
	last := ""
	for _, d := range ds.Sorted() {
		if s := d.String(); d.Severity >= min && s != last {
			fmt.Fprintln(w, s)
			last = s
		}
	}
	return ds.Count(diag.Error)
}

func since(t time.Time) string { return time.Since(t).Round(time.Millisecond).String() }
