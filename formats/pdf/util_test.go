package pdf

import (
	"os"
	"strconv"
	"testing"
)

func atof(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

func itoa(i int) string     { return strconv.Itoa(i) }
func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }

func writeFile(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
