package main

import (
	"fmt"
	"runtime"
	"strings"

	"bookc/builder/tree"
	"bookc/formats"
)

// render renders an edition with a backend, turning a panic inside it into an error for that
// artifact alone: a bug that one book's content sets off must not take the other artifacts down.
func render(be formats.Backend, ed *tree.Book) (out *formats.Output, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("bookc failed inside its %s backend (%v, in %s); the other artifacts are not affected; please report this with the book", be.Name(), r, panicSite())
		}
	}()
	return be.Render(ed)
}

// panicSite names the function where a recovered panic began: the first frame outside the runtime.
func panicSite() string {
	pcs := make([]uintptr, 32)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(3, pcs)])
	for {
		f, more := frames.Next()
		if !strings.HasPrefix(f.Function, "runtime.") {
			return fmt.Sprintf("%s, line %d", f.Function, f.Line)
		}
		if !more {
			return "an unknown place"
		}
	}
}
