// Command cluster draws the handbook's cluster diagram, src/images/cluster.png: three nodes with
// their roles and services, the Operator's and the User's way in, and the WireGuard mesh.
// It draws at twice the size and scales down, which smooths the slanted lines.
//
// Run: go run ./handbook/figures
// (from the repository root).
package main

import (
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"

	"golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

const (
	width, height = 1200, 700
	scale         = 2 // drawing resolution over output resolution
	out           = "handbook/src/images/cluster.png"
)

var (
	ink       = color.RGBA{0x22, 0x2b, 0x36, 0xff}
	muted     = color.RGBA{0x55, 0x60, 0x6e, 0xff}
	nodeFill  = color.RGBA{0xe8, 0xf0, 0xfa, 0xff}
	nodeEdge  = color.RGBA{0x2f, 0x5d, 0x9a, 0xff}
	roleFill  = color.RGBA{0xff, 0xff, 0xff, 0xff}
	actorFill = color.RGBA{0xf3, 0xee, 0xe2, 0xff}
	actorEdge = color.RGBA{0x8a, 0x6d, 0x2c, 0xff}
	meshColor = color.RGBA{0x3a, 0x8a, 0x5c, 0xff}
	leadColor = color.RGBA{0xb0, 0x3a, 0x2e, 0xff}
)

// canvas draws in output coordinates onto an image scale times larger.
type canvas struct {
	img           *image.RGBA
	regular, bold font.Face
	small         font.Face
}

func face(data []byte, size float64) font.Face {
	f, err := opentype.Parse(data)
	if err != nil {
		log.Fatal(err)
	}
	fc, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size * scale, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		log.Fatal(err)
	}
	return fc
}

func (c *canvas) rect(x, y, w, h int, fill, edge color.Color, border int) {
	r := image.Rect(x*scale, y*scale, (x+w)*scale, (y+h)*scale)
	draw.Draw(c.img, r, image.NewUniform(edge), image.Point{}, draw.Src)
	b := border * scale
	draw.Draw(c.img, r.Inset(b), image.NewUniform(fill), image.Point{}, draw.Src)
}

// line draws a line of the given width from (x0,y0) to (x1,y1); dash > 0 leaves gaps.
func (c *canvas) line(x0, y0, x1, y1 float64, w float64, col color.Color, dash float64) {
	x0, y0, x1, y1, w, dash = x0*scale, y0*scale, x1*scale, y1*scale, w*scale, dash*scale
	dx, dy := x1-x0, y1-y0
	n := math.Hypot(dx, dy)
	for t := 0.0; t <= n; t += 0.5 {
		if dash > 0 && math.Mod(t, 2*dash) > dash {
			continue
		}
		px, py := x0+dx*t/n, y0+dy*t/n
		c.disc(px, py, w/2, col)
	}
}

func (c *canvas) disc(cx, cy, r float64, col color.Color) {
	for y := int(cy - r); y <= int(cy+r); y++ {
		for x := int(cx - r); x <= int(cx+r); x++ {
			if (float64(x)-cx)*(float64(x)-cx)+(float64(y)-cy)*(float64(y)-cy) <= r*r {
				c.img.Set(x, y, col)
			}
		}
	}
}

// arrow draws a line with a filled head at (x1,y1).
func (c *canvas) arrow(x0, y0, x1, y1, w float64, col color.Color, dash float64) {
	a := math.Atan2(y1-y0, x1-x0)
	head := 16.0
	bx, by := x1-head*math.Cos(a), y1-head*math.Sin(a)
	c.line(x0, y0, bx, by, w, col, dash)
	p := [3][2]float64{
		{x1, y1},
		{bx + 8*math.Sin(a), by - 8*math.Cos(a)},
		{bx - 8*math.Sin(a), by + 8*math.Cos(a)},
	}
	c.triangle(p, col)
}

func (c *canvas) triangle(p [3][2]float64, col color.Color) {
	minX, maxX := math.Min(p[0][0], math.Min(p[1][0], p[2][0])), math.Max(p[0][0], math.Max(p[1][0], p[2][0]))
	minY, maxY := math.Min(p[0][1], math.Min(p[1][1], p[2][1])), math.Max(p[0][1], math.Max(p[1][1], p[2][1]))
	side := func(a, b [2]float64, x, y float64) float64 {
		return (b[0]-a[0])*(y-a[1]) - (b[1]-a[1])*(x-a[0])
	}
	for y := minY * scale; y <= maxY*scale; y++ {
		for x := minX * scale; x <= maxX*scale; x++ {
			px, py := x/scale, y/scale
			s0, s1, s2 := side(p[0], p[1], px, py), side(p[1], p[2], px, py), side(p[2], p[0], px, py)
			if (s0 >= 0 && s1 >= 0 && s2 >= 0) || (s0 <= 0 && s1 <= 0 && s2 <= 0) {
				c.img.Set(int(x), int(y), col)
			}
		}
	}
}

// text writes s with its baseline at y; align is 0 for left, 1 for centred at x.
func (c *canvas) text(f font.Face, s string, x, y int, col color.Color, centred bool) {
	d := &font.Drawer{Dst: c.img, Src: image.NewUniform(col), Face: f}
	px := fixed.I(x * scale)
	if centred {
		px -= d.MeasureString(s) / 2
	}
	d.Dot = fixed.Point26_6{X: px, Y: fixed.I(y * scale)}
	d.DrawString(s)
}

type node struct {
	name     string
	roles    []string
	services []string
	leader   bool
}

func main() {
	c := &canvas{
		img:     image.NewRGBA(image.Rect(0, 0, width*scale, height*scale)),
		regular: face(goregular.TTF, 17),
		bold:    face(gobold.TTF, 19),
		small:   face(goregular.TTF, 15),
	}
	draw.Draw(c.img, c.img.Bounds(), image.White, image.Point{}, draw.Src)

	title := face(gobold.TTF, 24)
	c.text(title, "A three-node Metropolis cluster", width/2, 40, ink, true)

	// The two ways in: the Operator's management API and the User's Kubernetes API.
	c.rect(140, 70, 300, 70, actorFill, actorEdge, 2)
	c.text(c.bold, "Operator", 290, 100, ink, true)
	c.text(c.regular, "metroctl, gRPC management API", 290, 126, muted, true)
	c.rect(760, 70, 300, 70, actorFill, actorEdge, 2)
	c.text(c.bold, "User", 910, 100, ink, true)
	c.text(c.regular, "kubectl, plain Kubernetes", 910, 126, muted, true)

	nodes := []node{
		{"Node A", []string{"ConsensusMember", "KubernetesWorker"},
			[]string{"etcd :7834", "curator :7835 (follower)", "containerd, pods"}, false},
		{"Node B", []string{"ConsensusMember", "KubernetesController"},
			[]string{"etcd :7834", "curator :7835 (leader)", "Kubernetes API :6443, :6444"}, true},
		{"Node C", []string{"ConsensusMember", "KubernetesWorker"},
			[]string{"etcd :7834", "curator :7835 (follower)", "containerd, pods"}, false},
	}
	const nodeY, nodeW, nodeH = 230, 320, 300
	xs := []int{50, 440, 830}
	for i, n := range nodes {
		x := xs[i]
		c.rect(x, nodeY, nodeW, nodeH, nodeFill, nodeEdge, 3)
		c.text(c.bold, n.name, x+nodeW/2, nodeY+32, nodeEdge, true)
		c.text(c.small, "node management :7839 · metrics :7840", x+nodeW/2, nodeY+56, muted, true)
		y := nodeY + 72
		for _, r := range n.roles {
			c.rect(x+20, y, nodeW-40, 34, roleFill, nodeEdge, 1)
			c.text(c.regular, "role: "+r, x+nodeW/2, y+23, ink, true)
			y += 42
		}
		y += 8
		for j, s := range n.services {
			col := ink
			if n.leader && j == 1 {
				col = leadColor
			}
			c.text(c.regular, "• "+s, x+30, y+18, col, false)
			y += 28
		}
	}

	// Operator to the curator, User to the Kubernetes API, both on the leader, node B.
	c.arrow(290, 140, 500, nodeY, 3, actorEdge, 0)
	c.text(c.small, "Management API, port 7835", 170, 200, actorEdge, false)
	c.arrow(910, 140, 700, nodeY, 3, actorEdge, 0)
	c.text(c.small, "Kubernetes API, ports 6443, 6444", 800, 200, actorEdge, false)

	// Followers forward management requests to the leader.
	fy := float64(nodeY + 250)
	c.arrow(float64(xs[0]+nodeW), fy, float64(xs[1]), fy, 2.5, leadColor, 0)
	c.arrow(float64(xs[2]), fy, float64(xs[1]+nodeW), fy, 2.5, leadColor, 0)
	c.text(c.small, "forward", (xs[0]+nodeW+xs[1])/2, nodeY+238, leadColor, true)
	c.text(c.small, "forward", (xs[1]+nodeW+xs[2])/2, nodeY+238, leadColor, true)

	// The WireGuard mesh that carries pod traffic between all nodes.
	meshY := 600.0
	for _, x := range xs {
		c.line(float64(x+nodeW/2), nodeY+nodeH, float64(x+nodeW/2), meshY, 3, meshColor, 0)
	}
	c.line(float64(xs[0]+nodeW/2), meshY, float64(xs[2]+nodeW/2), meshY, 3, meshColor, 6)
	c.text(c.regular, "WireGuard mesh for pod traffic, port 7838/udp", width/2, 630, meshColor, true)
	c.text(c.small, "All three nodes are consensus members; the curator leader answers, followers forward to it.",
		width/2, 675, muted, true)

	small := image.NewRGBA(image.Rect(0, 0, width, height))
	draw.CatmullRom.Scale(small, small.Bounds(), c.img, c.img.Bounds(), draw.Src, nil)
	f, err := os.Create(out)
	if err != nil {
		log.Fatal(err)
	}
	if err := png.Encode(f, small); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}
