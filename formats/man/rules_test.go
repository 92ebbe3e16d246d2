package man

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"bookc/builder"
	"bookc/handbook"
)

// TestHandbookPageRules holds every page of every handbook edition to what a packager expects of
// its source: break points only between the parts of code words and URLs, none in the NAME line,
// which lexgrog reads as one name; hyphenation off; one SEE ALSO, its pages sorted and each once;
// image notes that name no file.
func TestHandbookPageRules(t *testing.T) {
	requireValidators(t)
	dir := t.TempDir()
	for _, ed := range loadEditions(t, builder.FromFS(handbook.FS, "handbook")) {
		out, err := Render(ed)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range out.Files {
			name := ed.Artifact() + "/" + f.Name
			page := string(f.Data)
			for _, problem := range pageProblems(page) {
				t.Errorf("%s: %s", name, problem)
			}
			file := filepath.Join(dir, f.Name)
			if err := os.WriteFile(file, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := exec.Command("lexgrog", file).Output()
			want := file + ": \"" + strings.TrimSuffix(f.Name, filepath.Ext(f.Name)) + " - "
			if err != nil || strings.Count(string(got), "\n") != 1 || !strings.HasPrefix(string(got), want) {
				t.Errorf("%s: lexgrog says %q (%v), want one line starting %q", name, got, err, want)
			}
		}
	}
}

var (
	breakPoint  = regexp.MustCompile(`(.?.?)\\:`)
	seeAlsoRefs = regexp.MustCompile(`\\fB([^\\]+)\\fR\(([0-9a-z]+)\)`)
)

// pageProblems lists what a page's source does against the rules TestHandbookPageRules checks.
func pageProblems(page string) []string {
	var out []string
	for _, m := range breakPoint.FindAllStringSubmatch(page, -1) {
		if before := m[1]; !strings.HasSuffix(before, "/") && !strings.HasSuffix(before, ".") &&
			!strings.HasSuffix(before, "_") && before != "::" {
			out = append(out, "a break point after "+before)
		}
	}
	lines := strings.Split(page, "\n")
	for i, l := range lines {
		if l == ".SH NAME" && i+1 < len(lines) && (strings.Contains(lines[i+1], `\:`) || strings.Contains(lines[i+1], `\%`)) {
			out = append(out, "break or hyphenation marks in the NAME line: "+lines[i+1])
		}
		if strings.HasPrefix(l, ".hy") && l != ".hy 0" || strings.HasPrefix(l, ".nr HY") && l != ".nr HY 0" {
			out = append(out, "hyphenation turned on: "+l)
		}
	}
	if !strings.Contains(page, "\n.TH ") || !strings.Contains(page, "\n.ad l\n.nr HY 0\n.hy 0\n") {
		out = append(out, "no .hy 0 after .TH")
	}
	if n := strings.Count(page, `.SH "SEE ALSO"`); n > 1 {
		out = append(out, "SEE ALSO more than once")
	}
	if _, see, ok := strings.Cut(page, ".SH \"SEE ALSO\"\n"); ok {
		refs := seeAlsoRefs.FindAllStringSubmatch(see[strings.LastIndex(see, "\n.PP\n")+1:], -1)
		for i := 1; i < len(refs); i++ {
			if refs[i-1][1] >= refs[i][1] {
				out = append(out, "SEE ALSO lists "+refs[i-1][1]+" before "+refs[i][1])
			}
		}
	}
	if _, notes, ok := strings.Cut(page, ".SH NOTES\n"); ok {
		notes, _, _ = strings.Cut(notes, "\n.SH ")
		if strings.Contains(notes, "images/") || regexp.MustCompile(`\.(svg|png|jpe?g|gif)\b`).MatchString(notes) {
			out = append(out, "a note names an image file: "+notes)
		}
	}
	return out
}
