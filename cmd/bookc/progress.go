package main

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// progress shows how each artifact of a build is doing. On a terminal it keeps a live board, a
// line and a bar per artifact, redrawn in place; elsewhere it prints one plain line per finished
// artifact, which logs read well.
type progress struct {
	w      io.Writer
	live   bool
	mu     sync.Mutex
	rows   []*progressRow
	drawn  int  // board lines on screen
	closed bool // the board is final: late news from abandoned work is not shown
	stop   chan struct{}
	done   chan struct{}
}

type progressRow struct {
	label         string
	state         string // "waiting", "rendering", "done", "failed"
	detail        string
	start, finish time.Time
}

func newProgress(w io.Writer, live bool, labels []string) *progress {
	p := &progress{w: w, live: live, stop: make(chan struct{}), done: make(chan struct{})}
	for _, l := range labels {
		p.rows = append(p.rows, &progressRow{label: l, state: "waiting"})
	}
	if !live {
		close(p.done)
		return p
	}
	go func() { // a ticking clock for the artifacts still rendering
		defer close(p.done)
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-t.C:
				p.mu.Lock()
				p.draw()
				p.mu.Unlock()
			}
		}
	}()
	return p
}

// set records a row's new state; detail says what a finished artifact came to.
func (p *progress) set(i int, state, detail string) {
	if p == nil { // quiet
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return
	}
	r := p.rows[i]
	r.state, r.detail = state, detail
	switch state {
	case "rendering":
		r.start = time.Now()
	case "done", "failed":
		r.finish = time.Now()
		if !p.live {
			fmt.Fprintf(p.w, "%s %s %s\n", state, r.label, detail)
		}
	}
	if p.live {
		p.draw()
	}
}

// close stops the clock and leaves the final board on screen.
func (p *progress) close() {
	if p == nil {
		return
	}
	if p.live {
		close(p.stop)
	}
	<-p.done
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.live {
		p.draw()
	}
	p.closed = true
}

const barWidth = 20

func (p *progress) draw() {
	var sb strings.Builder
	if p.drawn > 0 {
		fmt.Fprintf(&sb, "\x1b[%dA", p.drawn) // back to the board's first line
	}
	width := 0
	for _, r := range p.rows {
		width = max(width, len([]rune(r.label)))
	}
	for _, r := range p.rows {
		sb.WriteString("\x1b[2K" + r.label + strings.Repeat(" ", width-len([]rune(r.label))) + "  " + r.bar() + "\n")
	}
	p.drawn = len(p.rows)
	io.WriteString(p.w, sb.String())
}

// bar draws a row: empty while waiting, a moving block while rendering (a backend reports no
// fraction done), full when done.
func (r *progressRow) bar() string {
	switch r.state {
	case "rendering":
		el := time.Since(r.start)
		pos := int(el/(100*time.Millisecond)) % barWidth
		cells := []rune(strings.Repeat("░", barWidth))
		for k := 0; k < 4; k++ {
			cells[(pos+k)%barWidth] = '█'
		}
		return "[" + string(cells) + "] " + el.Round(100*time.Millisecond).String()
	case "done":
		return "[" + strings.Repeat("█", barWidth) + "] " + r.detail
	case "failed":
		return "[" + strings.Repeat("×", barWidth) + "] failed"
	default:
		return "[" + strings.Repeat("░", barWidth) + "] waiting"
	}
}
