package formats

import (
	"testing"

	"bookc/builder/tree"
)

type plain struct{}

func (plain) Name() string                       { return "plain" }
func (plain) Render(*tree.Book) (*Output, error) { return &Output{}, nil }

type warming struct {
	plain
	warmed *int
}

func (w warming) Warm() { *w.warmed++ }

// TestWarm checks that Warm starts the work of the backends that have some, and of those only.
func TestWarm(t *testing.T) {
	for _, tt := range []struct {
		name string
		bs   func(n *int) []Backend
		want int
	}{
		{"none", func(*int) []Backend { return nil }, 0},
		{"none warms", func(*int) []Backend { return []Backend{plain{}, plain{}} }, 0},
		{"two of three", func(n *int) []Backend { return []Backend{warming{warmed: n}, plain{}, warming{warmed: n}} }, 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			n := 0
			Warm(tt.bs(&n))
			if n != tt.want {
				t.Errorf("%d backends warmed, want %d", n, tt.want)
			}
		})
	}
}
