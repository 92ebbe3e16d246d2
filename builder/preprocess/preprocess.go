// Package preprocess runs a book's mdBook preprocessors as mdBook does: each command is asked
// whether it supports the renderer (`CMD supports bookc`), then given the [context, book] JSON on
// its standard input, and its standard output is the book from then on; they run in the order
// of their before and after lists. A book's commands are code: bookc runs them only when asked.
package preprocess

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"time"

	"bookc/builder/config"
	"bookc/builder/diag"
	"bookc/builder/mdbookjson"
)

// Renderer is the name bookc gives itself: the `supports` argument and the context's renderer.
const Renderer = "bookc"

// Defaults of Options.
const (
	DefaultTimeout   = 60 * time.Second
	DefaultMaxOutput = 1 << 30
)

// Options say how the commands run.
type Options struct {
	Context   context.Context // stops every command when done; nil is context.Background()
	Timeout   time.Duration   // for each command run (the supports check and the run); 0: DefaultTimeout
	MaxOutput int64           // the most a preprocessor may write to its standard output; 0: DefaultMaxOutput
	Stderr    io.Writer       // where the commands' messages go (their standard error); nil: os.Stderr
}

// Book is the book being preprocessed and what bookc needs to run its preprocessors.
type Book struct {
	Config *config.Config
	TOML   string // book.toml as diagnostics name it
	Root   string // the book's folder on disk, absolute: the commands run there
	Book   *mdbookjson.Book
	// BuiltIn does the work of a preprocessor bookc stands in for (links, index, alerts), at its
	// place in the order.
	BuiltIn func(name string, b *mdbookjson.Book)
}

// Run runs the book's preprocessors and returns the book they leave. A preprocessor that is
// missing (and not optional), fails, outlives the timeout or returns what is not a book is an
// error naming it; one that does not support bookc, or whose renderers list leaves bookc out, is
// skipped with a diagnostic.
func Run(b *Book, opt Options) (*mdbookjson.Book, diag.List, error) {
	if opt.Context == nil {
		opt.Context = context.Background()
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	if opt.MaxOutput <= 0 {
		opt.MaxOutput = DefaultMaxOutput
	}
	if opt.Stderr == nil {
		opt.Stderr = os.Stderr
	}
	order, err := Order(b.Config, b.TOML)
	if err != nil {
		return nil, nil, err
	}
	var ds diag.List
	book := b.Book
	for _, p := range order {
		if config.IsBuiltIn(p.Name) {
			if b.BuiltIn != nil {
				b.BuiltIn(p.Name, book)
			}
			continue
		}
		r := &runner{p: p, b: b, opt: opt, where: at(b.TOML, p.Line)}
		if p.Renderers != nil && !slices.Contains(p.Renderers, Renderer) {
			ds.Add(diag.Notef(b.TOML, p.Line, "[preprocessor.%s] is for the renderers %s, not bookc, so bookc did not run it (add \"bookc\" to its renderers to run it)",
				p.Name, strings.Join(p.Renderers, ", ")))
			continue
		}
		if p.Renderers == nil {
			ok, d, err := r.supports()
			if err != nil {
				return nil, nil, err
			}
			if d != nil {
				ds.Add(*d)
			}
			if !ok {
				continue
			}
		}
		if book, err = r.run(book); err != nil {
			return nil, nil, err
		}
	}
	return book, ds, nil
}

type runner struct {
	p     config.Preprocessor
	b     *Book
	opt   Options
	where string
}

func (r *runner) name() string { return fmt.Sprintf("[preprocessor.%s] (`%s`)", r.p.Name, r.p.Command) }

// supports asks the command whether it supports bookc. A missing optional command is a warning
// and no run; a missing one otherwise is an error.
func (r *runner) supports() (bool, *diag.Diagnostic, error) {
	res, err := r.exec(nil, r.opt.Stderr, 0, "supports", Renderer) // what it prints is for the user
	switch {
	case errors.Is(err, exec.ErrNotFound) || errors.Is(err, os.ErrNotExist):
		if r.p.Optional {
			d := diag.Warnf(r.b.TOML, r.p.Line, "%s is not installed, and it is optional, so bookc did not run it: %s",
				r.name(), config.Unprocessed(r.p.Name))
			return false, &d, nil
		}
		return false, nil, fmt.Errorf("%s: cannot run %s: %v; install it, set its command, mark it optional = true, or build without --preprocessors",
			r.where, r.name(), unwrap(err))
	case err != nil:
		return false, nil, r.failed(err, res)
	case res.code != 0:
		d := diag.Warnf(r.b.TOML, r.p.Line, "%s does not support bookc (`supports bookc` exits %d), so bookc did not run it: %s",
			r.name(), res.code, config.Unprocessed(r.p.Name))
		return false, &d, nil
	}
	return true, nil, nil
}

// run gives the command the book and reads back the book it writes.
func (r *runner) run(book *mdbookjson.Book) (*mdbookjson.Book, error) {
	shape := mdbookjson.ShapeOf(r.b.Config.MdbookVersion)
	ctxConfig := r.b.Config.Raw
	if ctxConfig == nil {
		ctxConfig = map[string]any{}
	}
	in, err := mdbookjson.EncodePreprocessorInput(&mdbookjson.PreprocessorContext{
		Root: r.b.Root, Config: ctxConfig, Renderer: Renderer, MdbookVersion: r.b.Config.MdbookVersion,
	}, book)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot write the book for %s: %v", r.where, r.name(), err)
	}
	var out bytes.Buffer
	res, err := r.exec(in, &out, r.opt.MaxOutput)
	switch {
	case errors.Is(err, exec.ErrNotFound) || errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("%s: cannot run %s: %v; install it, set its command, or build without --preprocessors", r.where, r.name(), unwrap(err))
	case err != nil:
		return nil, r.failed(err, res)
	case res.code != 0:
		return nil, fmt.Errorf("%s: %s failed (exit status %d)%s; nothing was written. Fix what it says, or build without --preprocessors%s",
			r.where, r.name(), res.code, said(res), r.hint(res))
	}
	got, err := mdbookjson.DecodeBook(out.Bytes(), shape)
	if err != nil {
		return nil, fmt.Errorf("%s: %s returned no book bookc can read: %v; nothing was written (a preprocessor writes the book back to its standard output as JSON, and nothing else)%s",
			r.where, r.name(), err, r.hint(res))
	}
	return got, nil
}

// failed explains a command that could not finish.
func (r *runner) failed(err error, res *result) error {
	switch {
	case res != nil && res.timedOut:
		return fmt.Errorf("%s: %s did not finish within %s and was stopped; nothing was written. Fix it, or build without --preprocessors",
			r.where, r.name(), r.opt.Timeout)
	case res != nil && res.overflow:
		return fmt.Errorf("%s: %s wrote more than %d MB and was stopped; nothing was written", r.where, r.name(), r.opt.MaxOutput>>20)
	case r.opt.Context.Err() != nil:
		return fmt.Errorf("%s: %s was stopped: %w", r.where, r.name(), r.opt.Context.Err())
	}
	return fmt.Errorf("%s: %s: %v; nothing was written", r.where, r.name(), unwrap(err))
}

// hint says what to do when the preprocessor seems to read the other shape of mdBook's JSON.
func (r *runner) hint(res *result) string {
	s := string(res.stderr)
	switch {
	case strings.Contains(s, "missing field `sections`") || strings.Contains(s, `missing field "sections"`):
		return ". It expects mdBook 0.4's JSON: set [output.bookc] mdbook-version = \"0.4.52\""
	case strings.Contains(s, "missing field `items`") || strings.Contains(s, `missing field "items"`):
		return ". It expects mdBook 0.5's JSON: set [output.bookc] mdbook-version = \"0.5.2\""
	}
	return ""
}

func said(res *result) string {
	if len(bytes.TrimSpace(res.stderr)) == 0 {
		return ""
	}
	return "; its messages are above"
}

// result is how a command ended.
type result struct {
	code     int
	timedOut bool
	overflow bool
	stderr   []byte // the end of what it said, for hints
}

// exec runs the command with the extra arguments in the book's folder, stdin as its standard
// input (none when nil) and stdout (bounded by max, when not 0) as its standard output; its
// standard error goes through to the user. A command that exits non-zero is no error: the code
// says so. The command and whatever it starts are killed at the timeout.
func (r *runner) exec(stdin []byte, stdout io.Writer, max int64, args ...string) (*result, error) {
	words, err := Split(r.p.Command)
	if err != nil {
		return nil, fmt.Errorf("its command cannot be read: %v", err)
	}
	if len(words) == 0 {
		return nil, errors.New("its command is empty")
	}
	ctx, cancel := context.WithTimeout(r.opt.Context, r.opt.Timeout)
	defer cancel()
	res := &result{}
	cmd := exec.CommandContext(ctx, words[0], append(words[1:], args...)...)
	cmd.Dir = r.b.Root
	cmd.Env = os.Environ()
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 2 * time.Second
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	if max > 0 {
		stdout = &limited{w: stdout, left: max, over: func() { res.overflow = true; cancel() }}
	}
	tail := &tailBuffer{max: 64 << 10}
	cmd.Stdout = stdout
	cmd.Stderr = io.MultiWriter(r.opt.Stderr, tail)
	err = cmd.Run()
	res.stderr = tail.buf
	if errors.Is(ctx.Err(), context.DeadlineExceeded) && r.opt.Context.Err() == nil {
		res.timedOut = true
		return res, ctx.Err()
	}
	if res.overflow {
		return res, errors.New("too much output")
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) && r.opt.Context.Err() == nil && ee.ProcessState.Exited() {
		res.code = ee.ExitCode()
		return res, nil
	}
	return res, err
}

// limited passes on at most left bytes and calls over once when more come.
type limited struct {
	w    io.Writer
	left int64
	over func()
	done bool
}

func (l *limited) Write(p []byte) (int, error) {
	if int64(len(p)) > l.left {
		if !l.done {
			l.done = true
			l.over()
		}
		return 0, errors.New("output too large")
	}
	l.left -= int64(len(p))
	return l.w.Write(p)
}

// tailBuffer keeps the last max bytes written.
type tailBuffer struct {
	buf []byte
	max int
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.buf = append(t.buf, p...)
	if len(t.buf) > t.max {
		t.buf = append([]byte(nil), t.buf[len(t.buf)-t.max:]...)
	}
	return len(p), nil
}

func unwrap(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Path, pe.Err)
	}
	return err
}
