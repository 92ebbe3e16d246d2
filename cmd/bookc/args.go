package main

import (
	"fmt"
	"slices"
	"strings"

	"bookc/builder/safefs"
)

// options are the command line's flags; flags may come before or after the book folder.
type options struct {
	command     string
	bookDir     string
	role        string
	allRoles    bool
	outDir      string
	includeRoot string
	quiet       bool
	install     string   // man: PREFIX to install pages under
	gzip        bool     // man: compress pages
	preprocess  bool     // run the book's preprocessors
	mdbook      bool     // running as mdBook's renderer: diagnostics in mdBook's style
	formats     []string // watch: the formats to build, none for all
	cpuProfile  string   // where to write a CPU profile of the command, for a bug report
	limits      safefs.Limits
	err         error // a flag's value that does not parse
}

// size parses a size flag's value, keeping the first error for parseArgs to report.
func (o *options) size(flag, v string) int64 {
	n, err := safefs.ParseSize(v)
	if err != nil && o.err == nil {
		o.err = fmt.Errorf("--%s: %v", flag, err)
	}
	return n
}

type flagSpec struct {
	value  func(o *options, v string) // nil for boolean flags
	toggle func(o *options)
}

var flagSpecs = map[string]flagSpec{
	"role":          {value: func(o *options, v string) { o.role = v }},
	"all-roles":     {toggle: func(o *options) { o.allRoles = true }},
	"o":             {value: func(o *options, v string) { o.outDir = v }},
	"output":        {value: func(o *options, v string) { o.outDir = v }},
	"include-root":  {value: func(o *options, v string) { o.includeRoot = v }},
	"q":             {toggle: func(o *options) { o.quiet = true }},
	"quiet":         {toggle: func(o *options) { o.quiet = true }},
	"install":       {value: func(o *options, v string) { o.install = v }},
	"gzip":          {toggle: func(o *options) { o.gzip = true }},
	"preprocessors": {toggle: func(o *options) { o.preprocess = true }},
	"max-file-size": {value: func(o *options, v string) { o.limits.File = o.size("max-file-size", v) }},
	"max-book-size": {value: func(o *options, v string) { o.limits.Total = o.size("max-book-size", v) }},
	"cpuprofile":    {value: func(o *options, v string) { o.cpuProfile = v }}, // for a report of a slow build
}

// parseArgs reads `COMMAND [BOOKDIR] [flags]`, flags in -x, --x, --x=v or --x v form.
func parseArgs(args []string) (*options, error) {
	o := &options{outDir: "."}
	if len(args) == 0 {
		return nil, fmt.Errorf("no command given")
	}
	o.command = args[0]
	var positional []string
	for i := 1; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			positional = append(positional, args[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			positional = append(positional, a)
			continue
		}
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		spec, ok := flagSpecs[name]
		switch {
		case !ok:
			return nil, fmt.Errorf("unknown flag %s", a)
		case spec.toggle != nil:
			if hasVal {
				return nil, fmt.Errorf("flag %s takes no value", a)
			}
			spec.toggle(o)
		case hasVal:
			spec.value(o, val)
		case i+1 < len(args):
			i++
			spec.value(o, args[i])
		default:
			return nil, fmt.Errorf("flag %s needs a value", a)
		}
	}
	if o.command == "watch" { // bookc watch [BOOKDIR] [FORMAT...]
		book := positional[:0:0]
		for _, p := range positional {
			if watchable(p) {
				o.formats = append(o.formats, p)
			} else {
				book = append(book, p)
			}
		}
		positional = book
	}
	if len(positional) > 1 {
		return nil, fmt.Errorf("too many arguments: %s (give one book folder)", strings.Join(positional, " "))
	}
	if len(positional) == 1 {
		o.bookDir = positional[0]
	}
	if o.err != nil {
		return nil, o.err
	}
	if o.role != "" && o.allRoles {
		return nil, fmt.Errorf("--role and --all-roles exclude each other")
	}
	return o, nil
}

// watchable reports whether a watch argument names a format rather than the book's folder (a
// folder named like a format is written ./pdf).
func watchable(arg string) bool { return arg == "all" || slices.Contains(formatNames, arg) }

// formatNames are the formats bookc makes, each a command, whether or not its backend is built in.
var formatNames = []string{"pdf", "epub", "man"}
