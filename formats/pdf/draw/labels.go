package draw

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"

	"bookc/formats/pdf/page"
)

var (
	rootRe = regexp.MustCompile(`trailer\n<<\n/Size (\d+)\n/Root (\d+) 0 R\n/Info (\d+) 0 R\n>>\nstartxref\n(\d+)\n%%EOF\n$`)
)

// addLabels gives the PDF its page labels (roman front matter, arabic body) as viewers show them.
// fpdf cannot write them, so an incremental update replaces the catalog with one that has them.
func addLabels(pdf []byte, labels []page.Label) ([]byte, error) {
	if len(labels) == 0 {
		return pdf, nil
	}
	m := rootRe.FindSubmatch(pdf)
	if m == nil {
		return nil, fmt.Errorf("page labels: no trailer where fpdf writes it")
	}
	size, root, info, prev := string(m[1]), string(m[2]), string(m[3]), string(m[4])
	start := bytes.LastIndex(pdf, []byte("\n"+root+" 0 obj\n"))
	end := bytes.Index(pdf[max(start, 0):], []byte(">>\nendobj\n"))
	if start < 0 || end < 0 {
		return nil, fmt.Errorf("page labels: catalog object %s not found", root)
	}
	catalog := pdf[start+1 : start+end] // "N 0 obj\n<<\n...", without the closing ">>"
	var nums bytes.Buffer
	for _, l := range labels {
		style := "/D"
		if l.Roman {
			style = "/r"
		}
		fmt.Fprintf(&nums, "%d << /S %s >> ", l.Page, style)
	}
	out := bytes.NewBuffer(append([]byte(nil), pdf...))
	at := out.Len()
	out.Write(catalog)
	fmt.Fprintf(out, "/PageLabels << /Nums [%s] >>\n>>\nendobj\n", bytes.TrimSpace(nums.Bytes()))
	xref := out.Len()
	fmt.Fprintf(out, "xref\n0 1\n0000000000 65535 f \n%s 1\n%010d 00000 n \n", root, at)
	fmt.Fprintf(out, "trailer\n<<\n/Size %s\n/Root %s 0 R\n/Info %s 0 R\n/Prev %s\n>>\nstartxref\n%s\n%%%%EOF\n",
		size, root, info, prev, strconv.Itoa(xref))
	return out.Bytes(), nil
}
