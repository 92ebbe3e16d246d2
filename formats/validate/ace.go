package validate

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

// AceVersion is the DAISY Ace that .ci/run installs and the accessibility tests are held to.
const AceVersion = "1.4.6"

// aceInstall says how to get Ace and a browser for it.
const aceInstall = "apt-get install nodejs npm chromium; ELECTRON_SKIP_BINARY_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 npm install -g @daisy/ace@" + AceVersion + " (or run .ci/run)"

// chromium is the browser Ace drives when PUPPETEER_EXECUTABLE_PATH names none: Debian's.
const chromium = "/usr/bin/chromium"

// aceReport is the part of Ace's report.json that says what failed.
type aceReport struct {
	By struct {
		Release struct {
			Revision string `json:"doap:revision"`
		} `json:"doap:release"`
	} `json:"earl:assertedBy"`
	Result struct {
		Outcome string `json:"earl:outcome"`
	} `json:"earl:result"`
	Assertions []struct {
		Subject struct {
			URL string `json:"url"`
		} `json:"earl:testSubject"`
		Assertions []struct {
			Test struct {
				Impact string `json:"earl:impact"`
				Title  string `json:"dct:title"`
			} `json:"earl:test"`
			Result struct {
				Outcome     string `json:"earl:outcome"`
				Description string `json:"dct:description"`
				HTML        string `json:"html"`
			} `json:"earl:result"`
		} `json:"assertions"`
	} `json:"assertions"`
}

// Ace runs DAISY Ace, with headless Chromium, over an EPUB; a violation of any impact fails, and
// so does a missing Ace or Chromium. Ace's puppeteer runner starts Chromium with --no-sandbox
// itself, so it runs as root in CI without flags of ours.
func Ace(path string) error {
	ace, err := exec.LookPath("ace-puppeteer")
	if err != nil {
		return fmt.Errorf("DAISY Ace (ace-puppeteer) is missing: %s", aceInstall)
	}
	browser := os.Getenv("PUPPETEER_EXECUTABLE_PATH")
	if browser == "" {
		browser = chromium
	}
	if _, err := os.Stat(browser); err != nil {
		return fmt.Errorf("Ace needs Chromium at %s (or PUPPETEER_EXECUTABLE_PATH): %s", browser, aceInstall)
	}
	dir, err := os.MkdirTemp("", "bookc-ace-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	cmd := exec.Command(ace, "--silent", "--force", "--outdir", filepath.Join(dir, "report"), "--tempdir", filepath.Join(dir, "tmp"), path)
	cmd.Env = append(os.Environ(), "PUPPETEER_EXECUTABLE_PATH="+browser)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("ace %s: %v\n%s", path, err, firstLines(string(out), 20))
	}
	data, err := os.ReadFile(filepath.Join(dir, "report", "report.json"))
	if err != nil {
		return fmt.Errorf("ace %s wrote no report: %v", path, err)
	}
	var r aceReport
	if err := json.Unmarshal(data, &r); err != nil {
		return fmt.Errorf("ace %s: report.json: %v", path, err)
	}
	if v := r.By.Release.Revision; v != AceVersion {
		return fmt.Errorf("ace %s: Ace %s checked it, and the bar is Ace %s: %s", path, v, AceVersion, aceInstall)
	}
	var violations []string
	for _, doc := range r.Assertions {
		for _, a := range doc.Assertions {
			if a.Result.Outcome == "fail" {
				violations = append(violations, fmt.Sprintf("%s: %s %s: %s %s", doc.Subject.URL, a.Test.Impact,
					a.Test.Title, a.Result.Description, firstLines(a.Result.HTML, 1)))
			}
		}
	}
	sort.Strings(violations)
	if len(violations) > 0 || r.Result.Outcome != "pass" {
		return fmt.Errorf("ace %s: %d violations (outcome %q):\n%s", path, len(violations), r.Result.Outcome, strings.Join(violations, "\n"))
	}
	return nil
}
