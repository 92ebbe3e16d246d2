package safefs

import (
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"testing/fstest"
	"testing/iotest"
	"time"
)

// TestRoot reads each kind of file at the root and in a folder of it, which the FS opens as a root
// of its own (folders): the same answers either way.
func TestRoot(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "other"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "other", "x.md"), []byte("beside"), 0o644); err != nil {
		t.Fatal(err)
	}
	device := true
	for _, in := range []string{"", "sub"} {
		at := filepath.Join(dir, in)
		os.MkdirAll(at, 0o755)
		write := func(name, body string) {
			if err := os.WriteFile(filepath.Join(at, name), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		write("small.md", "hello")
		write("big.md", strings.Repeat("x", 3000))
		os.Mkdir(filepath.Join(at, "folder"), 0o755)
		if err := syscall.Mkfifo(filepath.Join(at, "pipe"), 0o644); err != nil {
			t.Fatal(err)
		}
		l, err := net.Listen("unix", filepath.Join(at, "sock"))
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		device = device && syscall.Mknod(filepath.Join(at, "zero"), syscall.S_IFCHR|0o644, 1<<8|5) == nil
		os.Symlink("/etc/hostname", filepath.Join(at, "out"))
		sibling := "other/x.md" // a link that stays in the root, out of its own folder
		if in != "" {
			sibling = "../other/x.md"
		}
		os.Symlink(sibling, filepath.Join(at, "sibling"))
	}
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
		{name: "a link beside", file: "sibling", want: "beside"},
		{name: "over the limit", file: "big.md", want: "2.9 kB is over the limit of 2 kB for one file", err: ErrTooBig},
		{name: "a folder", file: "folder", want: "it is a folder", err: ErrNotRegular},
		{name: "a FIFO", file: "pipe", want: "it is a named pipe (FIFO); bookc reads only regular files", err: ErrNotRegular},
		{name: "a socket", file: "sock", want: "it is a socket", err: ErrNotRegular},
		{name: "a character device", file: "zero", want: "it is a character device", err: ErrNotRegular},
		{name: "a link out of the root", file: "out", want: "escapes"},
		{name: "missing", file: "nope.md", err: fs.ErrNotExist},
	}
	for _, in := range []string{"", "sub/"} {
		for _, tt := range tests {
			t.Run(in+tt.name, func(t *testing.T) {
				if tt.file == "zero" && !device {
					t.Skip("cannot make a device here")
				}
				fsys := Root(r, Limits{File: 2048})
				defer fsys.Close()
				done := make(chan struct{})
				var data []byte
				var err error
				go func() { data, err = fsys.ReadFile(in + tt.file); close(done) }()
				select {
				case <-done:
				case <-time.After(5 * time.Second):
					t.Fatal("ReadFile blocks")
				}
				switch {
				case tt.err == nil && tt.name != "a link out of the root":
					if err != nil || string(data) != tt.want {
						t.Errorf("got %q, %v; want %q", data, err, tt.want)
					}
				case err == nil:
					t.Errorf("no error, want %q", tt.want)
				case tt.err != nil && !errors.Is(err, tt.err), !strings.Contains(err.Error(), tt.want):
					t.Errorf("error %v, want %v with %q", err, tt.err, tt.want)
				}
				if st, err := fsys.Stat(in + "small.md"); err != nil || st.Size() != 5 {
					t.Errorf("stat: %v, %v", st, err)
				}
			})
		}
	}
}

// TestReadSized reads files that have the size they had when opened, and files that grew or
// shrank since: each whole, and one the size it was in one piece of its size and a byte.
func TestReadSized(t *testing.T) {
	tests := []struct {
		name    string
		content string
		size    int64 // as opened
		room    int   // the capacity wanted; 0: any
	}{
		{name: "empty", content: "", size: 0, room: 1},
		{name: "one byte", content: "x", size: 1, room: 2},
		{name: "as opened", content: strings.Repeat("ab", 3000), size: 6000, room: 6001},
		{name: "grown by a byte", content: strings.Repeat("a", 513), size: 512},
		{name: "grown tenfold", content: strings.Repeat("abc", 1000), size: 300},
		{name: "shrunk", content: "short", size: 4096, room: 4097},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// one byte a read at most: the loop, not one lucky read, fills the room
			data, err := readSized(iotest.OneByteReader(strings.NewReader(tt.content)), tt.size)
			if err != nil || string(data) != tt.content {
				t.Fatalf("got %d bytes, %v; want the %d bytes", len(data), err, len(tt.content))
			}
			if tt.room > 0 && cap(data) != tt.room {
				t.Errorf("room %d, want %d: read in one piece", cap(data), tt.room)
			}
		})
	}
	if _, err := readSized(iotest.ErrReader(errors.New("disk on fire")), 10); err == nil || err.Error() != "disk on fire" {
		t.Errorf("a failing read: %v, want its error", err)
	}
}

// TestFolders reads files in more folders than the FS keeps open, from several goroutines, and
// after Close: every read gets its file, and the folders it opens stay within maxFolders.
func TestFolders(t *testing.T) {
	dir := t.TempDir()
	const n = 3 * maxFolders
	for i := range n {
		d := filepath.Join(dir, fmt.Sprint("ch", i), "deep")
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, "a.md"), []byte(fmt.Sprint(i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	fsys := Root(r, Limits{})
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for k := range 2 * n {
				i := (k*7 + w) % n
				if data, err := fsys.ReadFile(fmt.Sprintf("ch%d/deep/a.md", i)); err != nil || string(data) != fmt.Sprint(i) {
					t.Errorf("ch%d: %q, %v", i, data, err)
				}
			}
		})
	}
	wg.Wait()
	if len(fsys.dirs.open) > maxFolders {
		t.Errorf("%d folders open, want at most %d", len(fsys.dirs.open), maxFolders)
	}
	fsys.Close()
	if data, err := fsys.ReadFile("ch1/deep/a.md"); err != nil || string(data) != "1" {
		t.Errorf("after Close: %q, %v", data, err)
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
