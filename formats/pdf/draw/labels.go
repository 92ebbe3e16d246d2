package draw

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"regexp"
	"sort"
	"strconv"

	"bookc/formats/pdf/page"
)

var (
	rootRe = regexp.MustCompile(`trailer\n<<\n/Size (\d+)\n/Root (\d+) 0 R\n/Info (\d+) 0 R\n>>\nstartxref\n(\d+)\n%%EOF\n$`)
	// fpdf names an embedded UTF-8 font "utf8" + its family, in three objects per font.
	fontNameRe = regexp.MustCompile(`/(?:BaseFont|FontName) /(utf8[a-z0-9]+)`)
)

// finish amends what fpdf cannot write, in one incremental update that replaces whole objects:
// the catalog gets the page labels (roman front matter, arabic body) viewers show, and each font,
// which fpdf does subset, gets the subset tag ("ABCDEF+Name") that tells readers and tools so.
func finish(pdf []byte, labels []page.Label) ([]byte, error) {
	m := rootRe.FindSubmatch(pdf)
	if m == nil {
		return nil, fmt.Errorf("no trailer where fpdf writes it")
	}
	size, root, info, prev := string(m[1]), string(m[2]), string(m[3]), string(m[4])
	objs := map[int][]byte{}
	if len(labels) > 0 {
		n, _ := strconv.Atoi(root)
		catalog, err := object(pdf, n)
		if err != nil {
			return nil, fmt.Errorf("page labels: %w", err)
		}
		var nums bytes.Buffer
		for _, l := range labels {
			style := "/D"
			if l.Roman {
				style = "/r"
			}
			fmt.Fprintf(&nums, "%d << /S %s >> ", l.Page, style)
		}
		end := bytes.LastIndex(catalog, []byte(">>"))
		objs[n] = fmt.Appendf(nil, "%s/PageLabels << /Nums [%s] >>\n>>", catalog[:end], bytes.TrimSpace(nums.Bytes()))
	}
	for _, loc := range fontNameRe.FindAllSubmatchIndex(pdf, -1) {
		n, err := enclosing(pdf, loc[0])
		if err != nil {
			return nil, fmt.Errorf("subset fonts: %w", err)
		}
		if _, done := objs[n]; done {
			continue
		}
		body, err := object(pdf, n)
		if err != nil {
			return nil, fmt.Errorf("subset fonts: %w", err)
		}
		objs[n] = fontNameRe.ReplaceAllFunc(body, func(s []byte) []byte {
			i := bytes.LastIndexByte(s, '/')
			return append(append([]byte(nil), s[:i+1]...), subsetName(string(s[i+1:]))...)
		})
	}
	if len(objs) == 0 {
		return pdf, nil
	}
	out := bytes.NewBuffer(append([]byte(nil), pdf...))
	nums := make([]int, 0, len(objs))
	for n := range objs {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	offsets := make([]int, len(nums))
	for i, n := range nums {
		offsets[i] = out.Len()
		fmt.Fprintf(out, "%d 0 obj\n%s\nendobj\n", n, objs[n])
	}
	xref := out.Len()
	out.WriteString("xref\n0 1\n0000000000 65535 f \n")
	for i, n := range nums {
		fmt.Fprintf(out, "%d 1\n%010d 00000 n \n", n, offsets[i])
	}
	fmt.Fprintf(out, "trailer\n<<\n/Size %s\n/Root %s 0 R\n/Info %s 0 R\n/Prev %s\n>>\nstartxref\n%d\n%%%%EOF\n",
		size, root, info, prev, xref)
	return out.Bytes(), nil
}

// object returns the body of object n, between "n 0 obj" and "endobj", as fpdf wrote it.
func object(pdf []byte, n int) ([]byte, error) {
	head := []byte("\n" + strconv.Itoa(n) + " 0 obj\n")
	start := bytes.Index(pdf, head)
	if start < 0 {
		return nil, fmt.Errorf("object %d not found", n)
	}
	start += len(head)
	end := bytes.Index(pdf[start:], []byte("endobj"))
	if end < 0 {
		return nil, fmt.Errorf("object %d has no end", n)
	}
	return bytes.TrimRight(pdf[start:start+end], "\n"), nil
}

var objHeadRe = regexp.MustCompile(`\n(\d+) 0 obj\n`)

// enclosing returns the number of the object that holds the byte at offset.
func enclosing(pdf []byte, offset int) (int, error) {
	from := max(0, offset-4096) // font dictionaries are short
	heads := objHeadRe.FindAllSubmatch(pdf[from:offset], -1)
	if len(heads) == 0 {
		return 0, fmt.Errorf("no object holds offset %d", offset)
	}
	return strconv.Atoi(string(heads[len(heads)-1][1]))
}

// subsetName tags a font name as a subset: six capitals derived from the name, so that the same
// font is tagged alike in every build.
func subsetName(name string) string {
	h := fnv.New64a()
	h.Write([]byte(name))
	v := h.Sum64()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = byte('A' + v%26)
		v /= 26
	}
	return string(tag) + "+" + name
}
