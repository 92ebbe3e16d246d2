package validate

import (
	"bytes"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
)

// preflightJars are PDFBox's PDF/A validator and what it needs, as Debian's libpdfbox2-java,
// libactivation-java and libjaxb-api-java install them.
var preflightJars = []string{"preflight", "pdfbox2", "fontbox2", "xmpbox", "commons-logging", "javax.activation", "jaxb-api"}

func preflightPath() string {
	var p []string
	for _, j := range preflightJars {
		p = append(p, "/usr/share/java/"+j+".jar")
	}
	return strings.Join(p, ":")
}

// pdfA1Only are the rules of PDFBox's Preflight, a PDF/A-1b validator, that PDF/A-2 dropped or
// changed; the only PDF/A validator Debian packages (veraPDF is not) checks everything else of
// PDF/A-2u that PDF/A-1b shares with it.
var pdfA1Only = map[string]string{
	// PDF/A-2 allows transparency (ISO 19005-2, 6.4): groups, soft masks and constant alpha
	"2.2.1": "a transparency group",
	"2.2.2": "an image's soft mask",
	"4.1.1": "a soft mask in a graphics state",
	"4.1.2": "constant alpha (CA, ca)",
	// a subset's CIDSet is optional in PDF/A-2 (6.2.11.4.2)
	"3.1.11": "a subset without CIDSet",
	// the file claims part 2, level U (6.6.4)
	"7.11.1": "the conformance level",
	"7.11.2": "the part",
}

var preflightLine = regexp.MustCompile(`(?m)^(\d+(?:\.\d+)+) : (.*)$`)

// Archival checks a PDF that claims PDF/A-2u: Preflight finds no fault but those of PDF/A-1 that
// PDF/A-2 allows (pdfA1Only), its metadata claims part 2 at level U, and every font maps its
// glyphs to Unicode (a ToUnicode map), as level U asks.
func Archival(path string) error {
	d, err := readPDF(path)
	if err != nil {
		return err
	}
	return d.archival(path)
}

// archival is Archival on a PDF read.
func (d *pdfDoc) archival(path string) error {
	out, err := run(nil, "java", "-XX:TieredStopAtLevel=1", "-cp", preflightPath(), "org.apache.pdfbox.preflight.Validator_A1b", path)
	if !strings.Contains(out, "PDF/A-1b file") {
		return fmt.Errorf("preflight %s did not finish%s:\n%s", path, errText(err), firstLines(out, 20))
	}
	var faults []string // its own first: Preflight's may be many
	meta, err := d.metadata()
	if err != nil || !bytes.Contains(meta, []byte("<pdfaid:part>2</pdfaid:part>")) || !bytes.Contains(meta, []byte("<pdfaid:conformance>U</pdfaid:conformance>")) {
		faults = append(faults, "the metadata does not claim PDF/A-2u (pdfaid:part 2, pdfaid:conformance U)"+errText(err))
	}
	for _, k := range slices.Sorted(maps.Keys(d.objs)) {
		if f, _ := d.objs[k].Value.(map[string]any); f["/Type"] == "/Font" && f["/Subtype"] == "/Type0" && f["/ToUnicode"] == nil {
			faults = append(faults, "font "+k+" has no ToUnicode map")
		}
	}
	for _, m := range preflightLine.FindAllStringSubmatch(out, -1) {
		if why := pdfA1Only[m[1]]; why == "" {
			faults = append(faults, m[0])
		}
	}
	if len(faults) > 0 {
		if len(faults) > 20 {
			faults = append(faults[:20], fmt.Sprintf("and %d more", len(faults)-20))
		}
		return fmt.Errorf("%s is not PDF/A-2u:\n  %s", path, strings.Join(faults, "\n  "))
	}
	return nil
}

// claimsArchival tells whether a PDF's metadata claims PDF/A.
func (d *pdfDoc) claimsArchival() bool {
	meta, _ := d.metadata()
	return bytes.Contains(meta, []byte("<pdfaid:part>"))
}
