// Package validate runs the ecosystem's own validators over bookc's artifacts: epubcheck and DAISY
// Ace (accessibility) for EPUB, mandoc, groff and lexgrog for man pages, qpdf, pdffonts, PDFBox's
// Preflight (PDF/A) and a text-block check for PDF. Tests use it; a missing validator is an error, never a reason to skip.
package validate

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
)

// EPUBCheck is where Debian's epubcheck package puts its jar.
const EPUBCheck = "/usr/share/java/epubcheck.jar"

// Missing lists the validators that are not installed.
func Missing() []string {
	var out []string
	for _, tool := range []string{"java", "mandoc", "groff", "lexgrog", "qpdf", "pdffonts", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			out = append(out, tool)
		}
	}
	for _, jar := range append([]string{EPUBCheck}, strings.Split(preflightPath(), ":")...) {
		if _, err := os.Stat(jar); err != nil {
			out = append(out, jar)
		}
	}
	return out
}

// Installed returns an error naming every missing validator and how to install them.
func Installed() error {
	if m := Missing(); len(m) > 0 {
		return fmt.Errorf("validators missing: %s (apt-get install epubcheck default-jre-headless mandoc groff qpdf poppler-utils man-db libpdfbox2-java libactivation-java libjaxb-api-java, or run .ci/run)", strings.Join(m, ", "))
	}
	return nil
}

// run returns what the command printed, on both streams: validators report either way.
func run(stdin []byte, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Stdin = bytes.NewReader(stdin)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
}

// output returns what the command printed on its standard output only: text to read, not messages.
func output(stdin []byte, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Stdin = bytes.NewReader(stdin)
	out, err := cmd.Output()
	return string(out), err
}

var epubSummary = regexp.MustCompile(`(?m)^Messages: (\d+) fatals? / (\d+) errors? / (\d+) warnings?`)

// EPUB runs epubcheck; any fatal error, error or warning fails.
func EPUB(path string) error {
	// C1 only: epubcheck runs briefly, so the JIT's optimising tier costs more than it saves.
	out, _ := run(nil, "java", "-XX:TieredStopAtLevel=1", "-jar", EPUBCheck, path)
	m := epubSummary.FindStringSubmatch(out)
	if m == nil {
		return fmt.Errorf("epubcheck %s did not finish:\n%s", path, out)
	}
	if m[1] != "0" || m[2] != "0" || m[3] != "0" {
		return fmt.Errorf("epubcheck %s: %s\n%s", path, m[0], firstLines(out, 20))
	}
	return nil
}

// Man lints a man page with mandoc (warnings and worse) and groff (all warnings, with tbl when the
// page asks for it), and checks that lexgrog can read its NAME section for whatis.
func Man(name string, page []byte) error {
	var problems []string
	out, _ := run(page, "mandoc", "-Tlint", "-Wwarning")
	for _, l := range strings.Split(out, "\n") {
		if l != "" && !strings.Contains(l, "STYLE:") {
			problems = append(problems, "mandoc: "+l)
		}
	}
	args := []string{"-man", "-ww", "-z", "-k"}
	if bytes.HasPrefix(page, []byte(`'\" t`)) {
		args = append(args, "-t")
	}
	if out, err := run(page, "groff", args...); out != "" || err != nil {
		problems = append(problems, "groff: "+strings.TrimSpace(out)+errText(err))
	}
	tmp, err := os.CreateTemp("", "bookc-man-*."+sectionOf(name))
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	tmp.Write(page)
	tmp.Close()
	if out, err := run(nil, "lexgrog", tmp.Name()); err != nil || strings.Contains(out, "parse failed") {
		problems = append(problems, "lexgrog: "+strings.TrimSpace(out)+errText(err))
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s:\n%s", name, strings.Join(problems, "\n"))
	}
	return nil
}

func sectionOf(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[i+1:]
	}
	return "7"
}

// PDFStructure checks a PDF's structure with qpdf.
func PDFStructure(path string) error {
	if out, err := run(nil, "qpdf", "--check", path); err != nil {
		return fmt.Errorf("qpdf --check %s: %v\n%s", path, err, firstLines(out, 20))
	}
	return nil
}

// PDF checks a PDF's structure (qpdf), that it is tagged (Tagged), that every font is embedded
// (pdffonts) and that no text line sticks out past the text block; one that claims PDF/A, that it
// is PDF/A-2u (Archival).
func PDF(path string) error {
	if err := PDFStructure(path); err != nil {
		return err
	}
	d, err := readPDF(path) // once, for both checks of the structure
	if err != nil {
		return err
	}
	if err := d.tagged(path); err != nil {
		return err
	}
	if d.claimsArchival() {
		if err := d.archival(path); err != nil {
			return err
		}
	}
	out, err := run(nil, "pdffonts", path)
	if err != nil {
		return fmt.Errorf("pdffonts %s: %v", path, err)
	}
	for i, l := range strings.Split(strings.TrimSpace(out), "\n") {
		f := strings.Fields(l)
		if i >= 2 && len(f) >= 5 && f[len(f)-5] != "yes" {
			return fmt.Errorf("pdffonts %s: font not embedded: %s", path, l)
		}
	}
	o, err := Overflow(path)
	if err != nil {
		return err
	}
	if len(o.Overfull)+len(o.Clipped) > 0 {
		return fmt.Errorf("%s: %d of %d lines overfull, %d clipped (text block edge %.0f pt on rectos, %.0f on versos); first: %s",
			path, len(o.Overfull), o.Lines, len(o.Clipped), o.Edges[0], o.Edges[1], strings.Join(append(o.Overfull, o.Clipped...)[:1], ""))
	}
	return nil
}

func errText(err error) string {
	if err != nil {
		return " (" + err.Error() + ")"
	}
	return ""
}

func firstLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}
