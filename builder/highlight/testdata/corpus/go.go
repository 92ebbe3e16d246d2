//go:build linux && !windows

// Package metro runs the trains.
package metro

import (
	"errors"
	"fmt"
	"strings"
)

/* Block comment
   over lines. */

const (
	MaxTrains = 1_000
	Pi        = 3.14159
	Exp       = 1e-9
	Hex       = 0xFF_FF
	Oct       = 0755
	Bin       = 0b1010
	Imag      = 2.5i
	Dot       = .5
)

var ErrClosed = errors.New("metro: station closed")

type Station struct {
	Name  string `json:"name,omitempty"`
	Lines []int
	open  bool
	next  *Station
	ch    chan<- error
	m     map[string]interface{}
}

type Router interface {
	Route(from, to string) ([]string, error)
}

func (s *Station) Open() error {
	if s.open {
		return fmt.Errorf("station %q already open: %w", s.Name, ErrClosed)
	}
	s.open = true
	return nil
}

func main() {
	s := &Station{Name: "Central", Lines: []int{1, 2, 3}}
	r := 'x'
	esc := '\n'
	uni := '\u00e9'
	oct := '\101'
	raw := `C:\path\{{not a template}}`
	str := "tab\there \"quoted\" \\"
	n := len(s.Lines) + cap(s.Lines)
	b := make([]byte, 0, 64)
	b = append(b, "x"...)
	var x any = nil
	x = iota
	for i := range 10 {
		if i%2 == 0 && i != 4 || !s.open {
			continue
		}
		n += i << 1 >> 2 &^ 3
		n++
	}
	switch v := x.(type) {
	case int:
		fmt.Println("int", v)
	default:
		fmt.Println("other")
	}
	go func() { defer close(make(chan int)) }()
	select {}
	fmt.Println(r, esc, uni, oct, raw, str, n, strings.ToUpper("ok"), float64(n), string(b))
	goto end
end:
	println(true, false)
}
