package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"bookc/builder/tree"
)

// screenshot is a PNG like a screenshot of w x h pixels: flat colour, panels, and rows of
// text-like marks; alpha gives it rounded, shadowed corners, as window captures have. seed picks
// the colours and the marks, so that images of one size differ.
func screenshot(w, h int, alpha bool, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 7))
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	bg := color.NRGBA{uint8(230 + r.IntN(25)), uint8(230 + r.IntN(25)), uint8(230 + r.IntN(25)), 255}
	fill := func(x0, y0, x1, y1 int, c color.NRGBA) {
		for y := max(y0, 0); y < min(y1, h); y++ {
			row := img.Pix[y*img.Stride:]
			for x := max(x0, 0); x < min(x1, w); x++ {
				copy(row[4*x:4*x+4], []byte{c.R, c.G, c.B, c.A})
			}
		}
	}
	fill(0, 0, w, h, bg)
	fill(0, 0, w, h/20, color.NRGBA{40, 44, 52, 255})      // a title bar
	fill(0, h/20, w/5, h, color.NRGBA{245, 245, 247, 255}) // a side panel
	ink := color.NRGBA{uint8(r.IntN(60)), uint8(r.IntN(60)), uint8(r.IntN(90)), 255}
	for y := h/20 + 12; y+10 < h; y += 18 { // lines of "text": words of glyph-like marks
		x := w/5 + 16
		end := x + r.IntN(w*4/5-32)
		for x < end {
			word := 3 + r.IntN(8)
			for range word {
				gw := 4 + r.IntN(4)
				for gy := range 10 {
					for gx := range gw {
						if r.IntN(3) == 0 {
							fill(x+gx, y+gy, x+gx+1, y+gy+1, ink)
						}
					}
				}
				x += gw + 1
			}
			x += 6
		}
	}
	if alpha {
		const radius = 24
		for y := range h {
			for x := range w {
				dx, dy := min(x, w-1-x), min(y, h-1-y)
				if dx < radius && dy < radius {
					d := (radius-dx)*(radius-dx) + (radius-dy)*(radius-dy)
					if d > radius*radius {
						img.Pix[y*img.Stride+4*x+3] = 0
					} else if d > (radius-3)*(radius-3) {
						img.Pix[y*img.Stride+4*x+3] = 128
					}
				}
			}
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// screenshotBook is BenchmarkRender's book of about 400 pages with four screenshots of w x h
// pixels, the last with alpha: the measure was of a real book of 576 pages.
func screenshotBook(w, h int) *tree.Book {
	b := stressBook(57)
	ch := b.Parts[len(b.Parts)-1].Chapters[0]
	for i := range 4 {
		data := screenshot(w, h, i == 3, uint64(i))
		ch.Blocks = append(ch.Blocks, &tree.Figure{Image: &tree.Image{Src: fmt.Sprintf("shot%d.png", i), Alt: "A screenshot",
			Asset: &tree.Asset{Name: fmt.Sprintf("images/shot%d.png", i), MediaType: "image/png", Width: w, Height: h, Data: data}},
			Caption: tree.Inlines{txt(fmt.Sprintf("Screenshot %d", i+1))}})
	}
	return b
}

var (
	bigShots   = sync.OnceValue(func() *tree.Book { return screenshotBook(3000, 1500) })
	smallShots = sync.OnceValue(func() *tree.Book { return screenshotBook(300, 150) })
)

// BenchmarkScreenshots renders a book with four 3000x1500 screenshots and the same book with
// 300x150 ones, each in turn, and reports the time of the first over the second (goal: at most
// 1.15) in wall and in CPU time, and the peak resident memory of a process rendering each (VmHWM, once).
func BenchmarkScreenshots(b *testing.B) {
	big, small := bigShots(), smallShots()
	var tBig, tSmall, cBig, cSmall time.Duration
	for b.Loop() {
		for _, c := range []struct {
			book    *tree.Book
			d, used *time.Duration
		}{{small, &tSmall, &cSmall}, {big, &tBig, &cBig}} {
			start, cpu := time.Now(), cpuTime()
			if _, err := (Backend{}.ForBook()).Render(c.book); err != nil {
				b.Fatal(err)
			}
			*c.d += time.Since(start)
			*c.used += cpuTime() - cpu
		}
	}
	b.ReportMetric(float64(tBig)/float64(tSmall), "big/small")
	b.ReportMetric(float64(cBig)/float64(cSmall), "cpu-big/small")
	b.ReportMetric(float64(tBig.Milliseconds())/float64(b.N), "ms-big/op")
	b.ReportMetric(float64(tSmall.Milliseconds())/float64(b.N), "ms-small/op")
	for _, size := range []string{"big", "small"} {
		b.ReportMetric(float64(childPeak(b, size))/(1<<20), "MiB-peak-"+size)
	}
}

// cpuTime is the CPU time this process has used.
func cpuTime() time.Duration {
	var u syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &u)
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// childPeak runs this test binary to render one screenshot book, and returns its peak RSS.
func childPeak(b *testing.B, size string) int {
	cmd := exec.Command(os.Args[0], "-test.run=^TestScreenshotChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "BOOKC_SCREENSHOT_CHILD="+size)
	out, err := cmd.CombinedOutput()
	if err != nil {
		b.Fatalf("child: %v\n%s", err, out)
	}
	m := regexp.MustCompile(`peak (\d+) kB`).FindSubmatch(out)
	if m == nil {
		b.Fatalf("child said: %s", out)
	}
	return atoi(string(m[1])) << 10
}

func atoi(s string) int {
	n := 0
	fmt.Sscan(s, &n)
	return n
}

// TestScreenshotChild is BenchmarkScreenshots's child: it renders one book and prints VmHWM.
func TestScreenshotChild(t *testing.T) {
	size := os.Getenv("BOOKC_SCREENSHOT_CHILD")
	if size == "" {
		t.Skip("run by BenchmarkScreenshots")
	}
	book := smallShots
	if size == "big" {
		book = bigShots
	}
	bk := book()
	runtime.GC()
	if _, err := (Backend{}.ForBook()).Render(bk); err != nil {
		t.Fatal(err)
	}
	status, _ := os.ReadFile("/proc/self/status")
	for _, l := range strings.Split(string(status), "\n") {
		if f := strings.Fields(l); len(f) == 3 && f[0] == "VmHWM:" {
			fmt.Printf("peak %s kB\n", f[1])
		}
	}
}

// TestSameSizeImages renders a book with several images of one pixel size, different in
// content, under different GOMAXPROCS and many times: the bytes must not differ.
func TestSameSizeImages(t *testing.T) {
	book := func() *tree.Book {
		b := stressBook(2)
		ch := b.Parts[len(b.Parts)-1].Chapters[0]
		for i := range 6 {
			ch.Blocks = append(ch.Blocks, &tree.Figure{Image: &tree.Image{Src: "s.png", Alt: "A screenshot",
				Asset: &tree.Asset{Name: fmt.Sprintf("images/s%d.png", i), MediaType: "image/png", Width: 60, Height: 30, Data: screenshot(60, 30, i%2 == 1, uint64(i))}}})
		}
		return b
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var first []byte
	for i := range 12 {
		runtime.GOMAXPROCS(1 + i%4)
		out, err := Backend{}.Render(book())
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = out.Files[0].Bytes()
			continue
		}
		if !bytes.Equal(first, out.Files[0].Bytes()) {
			t.Fatalf("render %d (GOMAXPROCS %d) differs from the first", i+1, 1+i%4)
		}
	}
}
