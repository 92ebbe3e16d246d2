package safefs

import (
	"errors"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
)

func TestRoot(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("small.md", "hello")
	write("big.md", strings.Repeat("x", 3000))
	os.Mkdir(filepath.Join(dir, "folder"), 0o755)
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("unix", filepath.Join(dir, "sock"))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	device := syscall.Mknod(filepath.Join(dir, "zero"), syscall.S_IFCHR|0o644, 1<<8|5) == nil
	os.Symlink("/etc/hostname", filepath.Join(dir, "out"))
	r, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	tests := []struct {
		name, file string
		want       string // the content, or a substring of the error
		err        error
	}{
		{name: "a regular file", file: "small.md", want: "hello"},
		{name: "over the limit", file: "big.md", want: "2.9 kB is over the limit of 2 kB for one file", err: ErrTooBig},
		{name: "a folder", file: "folder", want: "it is a folder", err: ErrNotRegular},
		{name: "a FIFO", file: "pipe", want: "it is a named pipe (FIFO); bookc reads only regular files", err: ErrNotRegular},
		{name: "a socket", file: "sock", want: "it is a socket", err: ErrNotRegular},
		{name: "a character device", file: "zero", want: "it is a character device", err: ErrNotRegular},
		{name: "a link out of the root", file: "out", want: "escapes"},
		{name: "missing", file: "nope.md", err: fs.ErrNotExist},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.file == "zero" && !device {
				t.Skip("cannot make a device here")
			}
			fsys := Root(r, Limits{File: 2048})
			done := make(chan struct{})
			var data []byte
			var err error
			go func() { data, err = fsys.ReadFile(tt.file); close(done) }()
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				t.Fatal("ReadFile blocks")
			}
			switch {
			case tt.name == "a regular file":
				if err != nil || string(data) != tt.want {
					t.Errorf("got %q, %v; want %q", data, err, tt.want)
				}
			case err == nil:
				t.Errorf("no error, want %q", tt.want)
			case tt.err != nil && !errors.Is(err, tt.err), !strings.Contains(err.Error(), tt.want):
				t.Errorf("error %v, want %v with %q", err, tt.err, tt.want)
			}
		})
	}
}

func TestTotalAndAllow(t *testing.T) {
	fsys := Wrap(fstest.MapFS{
		"a.md": {Data: []byte(strings.Repeat("a", 600))},
		"b.md": {Data: []byte(strings.Repeat("b", 600))},
		"c.md": {Data: []byte("c")},
	}, Limits{Total: 1000})
	fsys.Allow = func(name string) error {
		if name == "c.md" {
			return errors.New("not this one")
		}
		return nil
	}
	if _, err := fs.ReadFile(fsys, "a.md"); err != nil {
		t.Fatal(err)
	}
	if _, err := fs.ReadFile(fsys, "b.md"); !errors.Is(err, ErrTooBig) || !strings.Contains(err.Error(), "more than 1000 bytes in all (raise it with --max-book-size)") {
		t.Errorf("past the total: %v", err)
	}
	if _, err := fs.ReadFile(fsys, "c.md"); err == nil || !strings.Contains(err.Error(), "not this one") {
		t.Errorf("a refused name: %v", err)
	}
	if st, err := fs.Stat(fsys, "a.md"); err != nil || st.Size() != 600 {
		t.Errorf("stat: %v, %v", st, err)
	}
}

func TestParseSize(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int64
		err  string
	}{
		{"64MB", 64 << 20, ""}, {"64m", 64 << 20, ""}, {"1GB", 1 << 30, ""}, {"500kB", 500 << 10, ""},
		{"1.5MB", 3 << 19, ""}, {"1048576", 1 << 20, ""},
		{"", 0, "not a number"}, {"MB", 0, "not a number"}, {"-5MB", 0, "not a number"}, {"0", 0, "not a number"},
		{"5TB", 0, "unknown unit \"TB\""},
	} {
		got, err := ParseSize(tt.in)
		if tt.err == "" && (err != nil || got != tt.want) || tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)) {
			t.Errorf("ParseSize(%q) = %d, %v; want %d, %q", tt.in, got, err, tt.want, tt.err)
		}
	}
	for n, want := range map[int64]string{900: "900 bytes", 2048: "2 kB", 3000: "2.9 kB", 64 << 20: "64 MB", 20 << 30: "20 GB"} {
		if got := Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
}
