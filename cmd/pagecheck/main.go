// Command pagecheck lays out books' PDFs and reads their pages as a typographer would
// (formats/pdf/pagecheck): the faults a publisher would send back, and how many full body lines
// hold 60 to 75 characters. With no folder it reads the handbook. It exits 1 when a book has a
// fault or fewer than 90% of its full lines in the measure.
//
//	go run ./cmd/pagecheck [-two-sided] [BOOKDIR...]
package main

import (
	"cmp"
	"flag"
	"fmt"
	"os"

	"bookc/builder"
	"bookc/builder/safefs"
	"bookc/builder/tree"
	"bookc/formats/pdf/layout"
	"bookc/formats/pdf/pagecheck"
	"bookc/handbook"
)

func main() {
	two := flag.Bool("two-sided", false, "lay the books out two-sided, whatever their book.toml says")
	flag.Parse()
	dirs := flag.Args()
	if len(dirs) == 0 {
		dirs = []string{""}
	}
	failed := false
	for _, dir := range dirs {
		r, err := check(dir, *two)
		if err != nil {
			fmt.Fprintln(os.Stderr, "pagecheck:", err)
			os.Exit(2)
		}
		name := cmp.Or(dir, "the handbook")
		fmt.Printf("%s: %v\n", name, r)
		for _, f := range r.Faults {
			fmt.Printf("  %v\n", f)
		}
		failed = failed || len(r.Faults) > 0 || r.MeasureShare() < 0.9
	}
	if failed {
		os.Exit(1)
	}
}

// check lays out the full edition of the book in dir ("" for the handbook) and reads its pages.
func check(dir string, twoSided bool) (pagecheck.Report, error) {
	src := builder.FromFS(handbook.FS, "handbook")
	if dir != "" {
		var err error
		if src, err = builder.OpenDir(dir, "", safefs.Limits{}); err != nil {
			return pagecheck.Report{}, err
		}
	}
	defer src.Close()
	b, err := builder.Load(src, builder.Options{FallbackDate: handbook.Date, Highlight: true})
	if err != nil {
		return pagecheck.Report{}, err
	}
	ed, _, err := b.Edition("")
	if err != nil {
		return pagecheck.Report{}, err
	}
	ed.Settings.TwoSided = ed.Settings.TwoSided || twoSided
	doc, _ := layout.Book(ed)
	return pagecheck.Read(doc, layout.PageGeometry(ed.Settings), cmp.Or(ed.Settings.FontSize, tree.DefaultFontSize)), nil
}
