// Package include expands mdBook's link directives in a chapter's text before it is parsed:
// {{#include}}, {{#rustdoc_include}}, {{#playground}} and {{#title}}. It reads files only through an
// fs.FS rooted at the include root, so no directive can reach a file outside it.
package include

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"bookc/builder/diag"
)

// Origin is where a line of expanded text came from.
type Origin struct {
	File string // as Options.Display names it
	Line int    // 1-based
}

// Options says where files come from and how to name them in messages.
type Options struct {
	FS       fs.FS                    // rooted at the include root
	Display  func(name string) string // an FS path as the user knows it ("src/ch03.md")
	RootName string                   // the include root as the user knows it, for refusals
	MaxDepth int                      // nesting limit; 0 means 10, as mdBook
	Files    *Files                   // the files read so far, shared by a book's chapters; may be nil
}

// The expansion budget. Depth alone does not bound an include's size: eleven small files that
// each include the next ten times expand to 10^10 copies. A chapter may expand to 16 times the
// bytes of the distinct files it reads, but always to 16 MB, and never past 256 MB; a book's
// chapters together never past 256 MB. Past the budget the chapter stops, with an error.
const (
	budgetFactor = 16
	budgetFloor  = 16 << 20
	budgetCap    = 256 << 20
)

// Files reads files once: a file that many chapters include, or that is a chapter and is also
// included, is read the first time only. It is safe for concurrent use; the zero Files is ready.
type Files struct {
	m        sync.Map     // name -> read
	expanded atomic.Int64 // bytes of expanded text, every chapter's, for the book's budget
}

type read struct {
	data  []byte // shared by every reader: never modify
	err   error
	asked *atomic.Bool // of a file known already (Know): whether a reader asked for it since
}

// Read returns the contents of the named file of fsys, as fs.ReadFile does. A nil Files reads the
// file every time.
func (f *Files) Read(fsys fs.FS, name string) ([]byte, error) {
	if f == nil {
		return fs.ReadFile(fsys, name)
	}
	v, ok := f.m.Load(name)
	if !ok {
		data, err := fs.ReadFile(fsys, name)
		v, _ = f.m.LoadOrStore(name, read{data: data, err: err})
	}
	r := v.(read)
	if r.asked != nil {
		r.asked.Store(true)
	}
	return r.data, r.err
}

// Know gives the named file the bytes a reader knows it holds (read by the build before, and
// unchanged since by its size and time), which Read then gives without reading it again.
func (f *Files) Know(name string, data []byte) {
	f.m.LoadOrStore(name, read{data: data, asked: &atomic.Bool{}})
}

// Each calls fn with every file read so far, and its bytes: not those that could not be read, nor
// those known that no reader asked for.
func (f *Files) Each(fn func(name string, data []byte)) {
	f.m.Range(func(k, v any) bool {
		if r := v.(read); r.err == nil && (r.asked == nil || r.asked.Load()) {
			fn(k.(string), r.data)
		}
		return true
	})
}

// Charge counts an expansion made before, of n bytes, in the book's budget, as making it would,
// and reports whether the book is still within it.
func (f *Files) Charge(n int) bool { return f.expanded.Add(int64(n)) <= budgetCap }

// Result is a chapter's text with every directive expanded.
type Result struct {
	Text    string
	Origins []Origin // Origins[i] is where line i+1 of Text came from
	Diags   diag.List
	// Read are the files the expansion read, or tried to, besides the chapter's own, in order:
	// the expansion holds while its text and each of them hold the same bytes, or are missing
	// still. Stopped: the budget cut it short.
	Read    []string
	Stopped bool
}

// Origin maps a 1-based line of the expanded text to its source.
func (r *Result) Origin(line int) Origin {
	if line < 1 || len(r.Origins) == 0 {
		return Origin{}
	}
	if line > len(r.Origins) {
		line = len(r.Origins)
	}
	return r.Origins[line-1]
}

// directiveRE is mdBook's own: {{#type args}}, matched where a "{{" starts. escapedRE is an escaped
// directive, which mdBook prints without its backslash. This package's expressions are compiled
// when first used: compiled at start-up, they cost every command, `bookc version` too.
var (
	directiveRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\{\{\s*#([a-zA-Z0-9_]+)\s+([^}]+)\}\}`) })
	escapedRE   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\{\{#.*\}\}`) })
)

// Expand expands the directives of file, whose content is data. name is file's path in opt.FS.
func Expand(opt Options, name string, data []byte) *Result {
	if opt.MaxDepth == 0 {
		opt.MaxDepth = 10
	}
	if opt.Display == nil {
		opt.Display = func(s string) string { return s }
	}
	e := &expander{opt: opt, res: &Result{}, seen: map[string]bool{name: true}, said: map[string]bool{}, distinct: int64(len(data))}
	e.sb.Grow(len(data)) // a chapter without includes is its file, made once rather than grown to
	e.expand(name, string(data), 1, []string{name})
	e.res.Text = e.sb.String()
	return e.res
}

type expander struct {
	opt Options
	res *Result
	sb  strings.Builder
	bol bool // the next byte written starts a line

	seen     map[string]bool // the distinct files this chapter has read
	distinct int64           // their bytes
	over     bool            // the budget is spent: nothing more is written
	chain    []string        // the includes being expanded, outermost first, for the budget's error
	said     map[string]bool // the diagnostics reported
}

// spend charges n more bytes to the chapter's and the book's budgets, and reports whether they
// are still within them. The first time they are not, it says so at name:line, naming the chain.
func (e *expander) spend(n int, name string, line int) bool {
	limit := min(max(budgetFactor*e.distinct, budgetFloor), budgetCap)
	book := int64(0)
	if e.opt.Files != nil {
		book = e.opt.Files.expanded.Add(int64(n))
	}
	if int64(e.sb.Len()+n) <= limit && book <= budgetCap {
		return true
	}
	e.over, e.res.Stopped = true, true
	names := make([]string, len(e.chain))
	for i, c := range e.chain {
		names[i] = e.opt.Display(c)
	}
	what := fmt.Sprintf("this chapter expands to more than %s (%dx the %d bytes of the files it reads, at least %s)",
		mb(limit), budgetFactor, e.distinct, mb(budgetFloor))
	if book > budgetCap {
		what = fmt.Sprintf("the book's chapters expand to more than %s in all", mb(budgetCap))
	}
	e.errorf(name, line, "includes stop here: %s, through %s; the rest of the chapter is left out (include each file fewer times)",
		what, strings.Join(names, " -> "))
	return false
}

func mb(n int64) string { return strconv.FormatInt(n>>20, 10) + " MB" }

// write appends text that came from file starting at line, recording each new line's origin.
func (e *expander) write(text string, file string, line int) {
	if e.over || !e.spend(len(text), file, line) {
		return
	}
	display := e.opt.Display(file)
	for len(text) > 0 {
		if e.bol || len(e.res.Origins) == 0 {
			e.res.Origins = append(e.res.Origins, Origin{display, line})
			e.bol = false
		}
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			e.sb.WriteString(text)
			break
		}
		e.sb.WriteString(text[:i+1])
		text = text[i+1:]
		line++
		e.bol = true
	}
}

func (e *expander) expand(name, text string, firstLine int, chain []string) {
	outer := e.chain
	e.chain = chain
	defer func() { e.chain = outer }()
	line := firstLine
	last := 0 // text[:last] is written
	for from := 0; !e.over; {
		i := strings.Index(text[from:], "{{")
		if i < 0 {
			break
		}
		start := from + i
		from = start + 2
		if start > 0 && text[start-1] == '\\' {
			end := strings.IndexByte(text[start:], '\n')
			if end < 0 {
				end = len(text) - start
			}
			m := escapedRE().FindStringIndex(text[start : start+end])
			if m == nil {
				continue
			}
			e.write(text[last:start-1], name, line)
			line += strings.Count(text[last:start], "\n")
			e.write(text[start:start+m[1]], name, line) // literal, without its backslash
			last, from = start+m[1], start+m[1]
			continue
		}
		m := directiveRE().FindStringSubmatchIndex(text[start:])
		if m == nil {
			continue
		}
		e.write(text[last:start], name, line)
		line += strings.Count(text[last:start], "\n")
		whole := text[start : start+m[1]]
		kind, args := text[start+m[2]:start+m[3]], strings.TrimSpace(text[start+m[4]:start+m[5]])
		e.directive(name, line, whole, kind, args, chain)
		line += strings.Count(whole, "\n")
		last, from = start+m[1], start+m[1]
	}
	e.write(text[last:], name, line)
}

// errorf reports a problem once however often the includes reach it: a directive in a file
// included many times would otherwise say the same thing as many times.
func (e *expander) errorf(name string, line int, format string, a ...any) {
	e.report(diag.Errorf(e.opt.Display(name), line, format, a...))
}

// warnf reports, once, a problem that leaves the book as mdBook makes it.
func (e *expander) warnf(name string, line int, format string, a ...any) {
	e.report(diag.Warnf(e.opt.Display(name), line, format, a...))
}

func (e *expander) report(d diag.Diagnostic) {
	if key := d.String(); !e.said[key] {
		e.said[key] = true
		e.res.Diags.Add(d)
	}
}

func (e *expander) directive(name string, line int, whole, kind, args string, chain []string) {
	switch kind {
	case "title":
		return // sets the HTML page title in mdBook; there is no such thing in our formats
	case "include", "rustdoc_include", "playground":
	default:
		e.write(whole, name, line) // another preprocessor's syntax: leave it alone
		return
	}
	fields := strings.Fields(args)
	if len(fields) == 0 {
		e.write(whole, name, line)
		return
	}
	if len(chain) >= e.opt.MaxDepth {
		e.errorf(name, line, "{{#%s %s}} nests deeper than %d includes; flatten the includes", kind, fields[0], e.opt.MaxDepth)
		e.write(whole, name, line)
		return
	}
	if kind == "playground" {
		// mdBook's playground takes its argument as a path, whole: there is no selector.
		file, body, ok := e.read(name, line, kind, fields[0], chain)
		if !ok {
			e.write(whole, name, line)
			return
		}
		info := "rust"
		if len(fields) > 1 {
			info += "," + strings.Join(fields[1:], ",")
		}
		if !strings.HasSuffix(body, "\n") {
			body += "\n"
		}
		e.write("```"+info+"\n", name, line)
		e.expand(file, body, 1, append(chain, file))
		e.write("```\n", name, line)
		return
	}
	target, sel := splitSelector(fields[0])
	file, body, ok := e.read(name, line, kind, target, chain)
	if !ok {
		e.write(whole, name, line)
		return
	}
	pick := sel.pick
	if kind == "rustdoc_include" {
		// mdBook keeps the unselected lines as hidden "# " lines, which every format of ours drops
		// from Rust code, as mdBook's HTML hides them.
		pick = sel.pickRustdoc
	}
	lines, found := pick(body)
	switch {
	case found:
	case sel.anchor != "":
		e.warnf(name, line, "{{#%s %s}}: %s has no line with ANCHOR: %s, so nothing of it is shown, as in mdBook; mark the lines with ANCHOR: %s and ANCHOR_END: %s",
			kind, fields[0], e.opt.Display(file), sel.anchor, sel.anchor, sel.anchor)
	default:
		e.warnf(name, line, "{{#%s %s}}: the line range is empty, so nothing of %s is shown, as in mdBook; give the first line before the last",
			kind, fields[0], e.opt.Display(file))
	}
	// Included text is expanded again, as mdBook's replace_all does for each kind of include.
	for _, r := range runs(lines) {
		e.expand(file, r.text, r.first, append(chain, file))
	}
}

// read loads target relative to the including file, refusing anything outside the include root.
func (e *expander) read(name string, line int, kind, target string, chain []string) (string, string, bool) {
	if path.IsAbs(target) || strings.Contains(target, `\`) {
		e.errorf(name, line, "{{#%s %s}}: absolute paths are refused; give a path relative to this file", kind, target)
		return "", "", false
	}
	file := path.Join(path.Dir(name), target)
	if file == ".." || strings.HasPrefix(file, "../") {
		e.errorf(name, line, "{{#%s %s}} escapes the include root %s (use --include-root to allow a wider folder)", kind, target, e.opt.RootName)
		return "", "", false
	}
	for i, c := range chain {
		if c == file {
			names := make([]string, 0, len(chain)-i+1)
			for _, n := range append(chain[i:], file) {
				names = append(names, e.opt.Display(n))
			}
			e.errorf(name, line, "{{#%s %s}} is an include cycle: %s; remove one of these includes", kind, target, strings.Join(names, " -> "))
			return "", "", false
		}
	}
	e.res.Read = append(e.res.Read, file)
	data, err := e.opt.Files.Read(e.opt.FS, file)
	switch {
	case err == nil:
		if !e.seen[file] {
			e.seen[file] = true
			e.distinct += int64(len(data))
		}
		return file, string(data), true
	case errors.Is(err, fs.ErrNotExist):
		e.errorf(name, line, "{{#%s %s}}: %s does not exist; fix the path or add the file", kind, target, e.opt.Display(file))
	case strings.Contains(err.Error(), "escapes"):
		e.errorf(name, line, "{{#%s %s}} escapes the include root %s through a symbolic link (use --include-root to allow a wider folder)", kind, target, e.opt.RootName)
	default:
		e.errorf(name, line, "{{#%s %s}}: cannot read %s: %v", kind, target, e.opt.Display(file), unwrapPath(err))
	}
	return "", "", false
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
