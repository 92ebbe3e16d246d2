package main

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestHelp runs 'bookc help' with each topic, and a command's --help: what it prints, where, and
// the exit code.
func TestHelp(t *testing.T) {
	tests := []struct {
		args     []string
		code     int
		stdout   []string // each must appear
		stderr   []string
		sameAsIn []string // prints what these arguments print
	}{
		{args: []string{"help"}, stdout: []string{"Usage:\n  bookc pdf|epub|man|all", "Commands:\n  pdf ", "\n  completion ", "Topics:\n  config "}},
		{args: nil, code: 2, sameAsIn: []string{"help"}},
		{args: []string{"--help"}, sameAsIn: []string{"help"}},
		{args: []string{"help", "pdf"}, stdout: []string{"Usage: bookc pdf [BOOKDIR] [FLAGS]\n", "Build the book as a PDF.", "Flags:\n  --role NAME\n      Build the edition", "  -o, --output DIR\n"}},
		{args: []string{"pdf", "--help"}, sameAsIn: []string{"help", "pdf"}},
		{args: []string{"man", "book", "-h", "--role", "x"}, sameAsIn: []string{"help", "man"}},
		{args: []string{"help", "man"}, stdout: []string{"  --install PREFIX\n", "  --gzip\n"}},
		{args: []string{"help", "check"}, stdout: []string{"exits 1 when the book has errors"}},
		{args: []string{"help", "roles"}, stdout: []string{"[output.bookc.roles.NAME]", "<!-- only: operators developers -->", "<!-- end only -->", "before a heading"}},
		{args: []string{"help", "mdbook"}, stdout: []string{"mdbook build", "mdbook-bookc", "[output.bookc]", "0.4's or 0.5's JSON", "optional = true"}},
		{args: []string{"help", "config"}, stdout: []string{"CONFIGURATION\n", "  man-prefix = \"mh\"\n", "  font-size = 10.5\n", "  line-height = 1.38\n", "[output.bookc.man-pages]"}},
		{args: []string{"help", "options"}, stdout: []string{"  --max-book-size SIZE\n"}},
		{args: []string{"help", "environment"}, stdout: []string{"SOURCE_DATE_EPOCH"}},
		{args: []string{"help", "examples"}, stdout: []string{"      bookc all --all-roles -o out\n"}},
		{args: []string{"help", "completion"}, stdout: []string{"source <(bookc completion bash)"}},
		{args: []string{"help", "nope"}, code: 2, stderr: []string{`no help topic "nope"`, "Commands:", "  config "}},
		{args: []string{"help", "pdf", "epub"}, code: 2, stderr: []string{"one topic", "Topics:"}},
		{args: []string{"nope", "--help"}, code: 2, stderr: []string{`no help topic "nope"`}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errs := runCLI(t, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\n%s%s", code, tt.code, out, errs)
			}
			for _, s := range tt.stdout {
				if !strings.Contains(out, s) {
					t.Errorf("stdout lacks %q:\n%s", s, out)
				}
			}
			for _, s := range tt.stderr {
				if !strings.Contains(errs, s) {
					t.Errorf("stderr lacks %q:\n%s", s, errs)
				}
			}
			if tt.sameAsIn != nil {
				_, want, _ := runCLI(t, tt.sameAsIn...)
				if out != want {
					t.Errorf("prints\n%s\nwant what bookc %s prints:\n%s", out, strings.Join(tt.sameAsIn, " "), want)
				}
			}
			if tt.code == 0 && errs != "" {
				t.Errorf("stderr: %s", errs)
			}
		})
	}
}

// TestHelpText checks every topic's text as a terminal shows it: no Markdown left, no line past
// 79 columns, and one topic per command of the page.
func TestHelpText(t *testing.T) {
	cmds := manualCommands(manualSections(manual))
	want := []string{"pdf", "epub", "man", "all", "watch", "check", "roles", "tree", "mdbook", "completion", "help", "version"}
	if got := commandNames(cmds); !slices.Equal(got, want) {
		t.Errorf("the page's COMMANDS are %v, want %v", got, want)
	}
	markup := regexp.MustCompile("`|\\*\\*|\\]\\(")
	for _, topic := range append([]string{""}, helpTopicNames(cmds)...) {
		args := []string{"help"}
		if topic != "" {
			args = append(args, topic)
		}
		code, out, errs := runCLI(t, args...)
		if code != 0 {
			t.Fatalf("bookc help %s: exit %d: %s", topic, code, errs)
		}
		for i, l := range strings.Split(out, "\n") {
			if len([]rune(l)) >= helpWidth {
				t.Errorf("bookc help %s: line %d has %d columns: %q", topic, i+1, len([]rune(l)), l)
			}
			if markup.MatchString(l) && !strings.HasPrefix(l, "      ") {
				t.Errorf("bookc help %s: line %d keeps Markdown: %q", topic, i+1, l)
			}
		}
	}
	// The page's list of topics is the one help knows.
	var names []string
	for _, h := range helpTopics {
		names = append(names, h.name)
	}
	list := "The topics are each command, " + strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1] + "."
	if !strings.Contains(strings.Join(strings.Fields(manual), " "), list) {
		t.Errorf("the page's 'bookc help' section should say %q", list)
	}
}

// TestHelpFlags holds the page, args.go and completion to the same flags: each flag parseArgs
// knows is in OPTIONS and offered by a command, and each flag offered is one parseArgs knows.
func TestHelpFlags(t *testing.T) {
	secs := manualSections(manual)
	options := optionEntries(secs)
	offered := map[string]bool{}
	for _, c := range manualCommands(secs) {
		for _, f := range commandFlags(c.name) {
			for _, n := range f.names {
				offered[n] = true
				if _, ok := flagSpecs[strings.TrimLeft(n, "-")]; !ok {
					t.Errorf("%s offers %s, which parseArgs does not know", c.name, n)
				}
				if (flagSpecs[strings.TrimLeft(n, "-")].value != nil) != (f.value != "") {
					t.Errorf("%s: completion and parseArgs disagree on whether it takes a value", n)
				}
			}
		}
	}
	for name := range flagSpecs {
		dashed := "--" + name
		if len(name) == 1 {
			dashed = "-" + name
		}
		if options[dashed] == nil {
			t.Errorf("%s is not in the page's OPTIONS", dashed)
		}
		if !offered[dashed] {
			t.Errorf("no command offers %s", dashed)
		}
	}
}

// TestHelpConfig checks that 'bookc help config' names every key of README's [output.bookc]
// example.
func TestHelpConfig(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, toml, ok := strings.Cut(string(readme), "```toml\n[output.bookc]\n")
	if !ok {
		t.Fatal("README has no [output.bookc] example")
	}
	toml, _, _ = strings.Cut(toml, "```")
	_, out, _ := runCLI(t, "help", "config")
	table := "[output.bookc]"
	for _, l := range strings.Split(toml, "\n") {
		key, _, isKey := strings.Cut(l, " = ")
		if strings.HasPrefix(l, "[") {
			table, key, isKey = l, l, true
			if strings.Count(key, ".") > 2 { // [output.bookc.roles.operators]
				key = key[:strings.LastIndexByte(key, '.')] + ".NAME]"
			}
		} else if table != "[output.bookc]" {
			continue // the keys of a subtable, which its entry describes
		}
		if isKey && !strings.Contains(out, "\n  "+key) {
			t.Errorf("bookc help config does not describe %s", key)
		}
	}
}
