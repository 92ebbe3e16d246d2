package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// shellTool returns a shell's path, failing the test when it is not installed: the completion
// scripts are tested for real.
func shellTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s not found: apt-get install bash zsh fish (or run .ci/run)", name)
	}
	return path
}

// writeCompletion writes 'bookc completion SHELL' into a file and returns its path.
func writeCompletion(t *testing.T, shell string) string {
	t.Helper()
	code, out, errs := runCLI(t, "completion", shell)
	if code != 0 {
		t.Fatalf("bookc completion %s: exit %d: %s", shell, code, errs)
	}
	path := filepath.Join(t.TempDir(), "bookc."+shell)
	if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestCompletionScripts checks each shell's script: its shell parses it, and it names every
// command, every flag of each command and every help topic.
func TestCompletionScripts(t *testing.T) {
	tests := []struct {
		shell string
		check []string // the shell's command that parses without running
	}{
		{"bash", []string{"bash", "-n"}},
		{"zsh", []string{"zsh", "-n"}},
		{"fish", []string{"fish", "--no-execute"}},
	}
	cmds := manualCommands(manualSections(manual))
	for _, tt := range tests {
		t.Run(tt.shell, func(t *testing.T) {
			path := writeCompletion(t, tt.shell)
			tool := shellTool(t, tt.check[0])
			if out, err := exec.Command(tool, append(tt.check[1:], path)...).CombinedOutput(); err != nil || len(out) > 0 {
				t.Fatalf("%s %s: %v\n%s", strings.Join(tt.check, " "), path, err, out)
			}
			script, _ := os.ReadFile(path)
			words := append(helpTopicNames(cmds), "bash", "zsh", "fish", "_bookc_roles", "__bookc_roles")
			for _, c := range cmds {
				for _, f := range commandFlags(c.name) {
					for _, n := range f.names {
						if tt.shell == "fish" { // -s o, -l output
							n = strings.TrimLeft(n, "-")
						}
						words = append(words, n)
					}
				}
			}
			for _, w := range words {
				if w == "_bookc_roles" && tt.shell == "fish" || w == "__bookc_roles" && tt.shell != "fish" {
					continue
				}
				if !strings.Contains(string(script), w) {
					t.Errorf("the %s script does not name %s", tt.shell, w)
				}
			}
		})
	}
	if code, _, errs := runCLI(t, "completion", "tcsh"); code != 2 || !strings.Contains(errs, "bash, zsh, fish") {
		t.Errorf("bookc completion tcsh: exit %d, %q; want 2 and the shells", code, errs)
	}
}

// TestCompletionBash sources the bash script and calls its function as bash does on TAB, with
// COMP_WORDS and COMP_CWORD. Roles come from the bookc binary on PATH, built here.
func TestCompletionBash(t *testing.T) {
	bash := shellTool(t, "bash")
	script := writeCompletion(t, "bash")
	bin := buildBinary(t)
	book, _ := filepath.Abs("../../handbook")
	dirs := t.TempDir()
	for _, d := range []string{"book-a", "book-b", "other"} {
		os.Mkdir(filepath.Join(dirs, d), 0o755)
	}
	os.WriteFile(filepath.Join(dirs, "book-file"), nil, 0o644)
	tests := []struct {
		words []string // the last is the word being completed
		want  string   // COMPREPLY, joined by spaces
	}{
		{[]string{"bookc", "pd"}, "pdf"},
		{[]string{"bookc", ""}, "pdf epub man all watch check roles tree mdbook completion help version --help"},
		{[]string{"bookc", "c"}, "check completion"},
		{[]string{"bookc", "pdf", "--ro"}, "--role"},
		{[]string{"bookc", "man", "--g"}, "--gzip"},
		{[]string{"bookc", "pdf", "--g"}, ""},
		{[]string{"bookc", "roles", "--"}, "--include-root --max-file-size --max-book-size --help"},
		{[]string{"bookc", "help", "con"}, "config"},
		{[]string{"bookc", "completion", "z"}, "zsh"},
		{[]string{"bookc", "pdf", "--role", ""}, "developers operators users"},
		{[]string{"bookc", "epub", book, "--all-roles", "-q", "--role", "op"}, "operators"},
		{[]string{"bookc", "pdf", "--role", "=", "u"}, "users"},
		{[]string{"bookc", "all", dirs + "/book"}, dirs + "/book-a " + dirs + "/book-b"},
		{[]string{"bookc", "pdf", "-o", dirs + "/o"}, dirs + "/other"},
		{[]string{"bookc", "man", "--install", "=", dirs + "/b"}, dirs + "/book-a " + dirs + "/book-b"},
		{[]string{"bookc", "mdbook", dirs + "/b"}, ""},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.words, " "), func(t *testing.T) {
			var quoted []string
			for _, w := range tt.words {
				quoted = append(quoted, "'"+w+"'")
			}
			prog := "source " + script + "\nCOMP_WORDS=(" + strings.Join(quoted, " ") + ")\nCOMP_CWORD=" +
				strconv.Itoa(len(tt.words)-1) + "\n_bookc\necho \"${COMPREPLY[*]}\"\n"
			cmd := exec.Command(bash, "--norc", "--noprofile", "-c", prog)
			cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"))
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("bash: %v\n%s", err, out)
			}
			// compgen -d lists folders in the file system's order; bash sorts what it shows.
			got := strings.Fields(string(out))
			if strings.HasPrefix(tt.words[len(tt.words)-1], dirs) {
				slices.Sort(got)
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("COMPREPLY = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestCompletionZsh runs the zsh script's functions with zsh's completion builtins stubbed to print
// what they are given: zsh completes only inside its line editor, which a test has no terminal for.
// The stubs show the commands offered first, each command's _arguments specs, and the roles that
// _bookc_roles finds (called as _arguments calls it: words from the command on).
func TestCompletionZsh(t *testing.T) {
	zsh := shellTool(t, "zsh")
	script := writeCompletion(t, "zsh")
	bin := buildBinary(t)
	book, _ := filepath.Abs("../../handbook")
	stubs := `compdef() { }
_describe() { print -rl -- "${(@P)${@[-1]}}" }
_arguments() { print -rl -- "$@" }
_wanted() { shift 3; "$@" }
compadd() { [[ $1 == -a ]] && print -rl -- "${(@P)2}" }
source ` + script + "\n"
	tests := []struct {
		call string
		want []string // lines it must print
	}{
		{"words=(bookc pd); CURRENT=2; _bookc", []string{"pdf:Build the book as a PDF", "completion:Print a completion script for bash, zsh or fish"}},
		{"words=(bookc man --in); CURRENT=3; _bookc", []string{"(--install)--install=[Install the pages under PREFIX instead of writing them into a folder (bookc man only)]:folder:_files -/",
			"(--role --all-roles)--role=[Build the edition of one role (see bookc roles)]:role:_bookc_roles", "(- *)--help[Print the command's help]", "1::book folder:_files -/"}},
		{"words=(bookc help c); CURRENT=3; _bookc", []string{"1:topic:(pdf epub man all watch check roles tree mdbook completion help version config options environment examples)"}},
		{"_bookc_bin=bookc; words=(pdf --role ''); CURRENT=3; _bookc_roles", []string{"developers", "operators", "users"}},
		{"_bookc_bin=bookc; words=(epub -o out " + book + " --role ''); CURRENT=6; _bookc_roles", []string{"operators"}},
	}
	for _, tt := range tests {
		t.Run(tt.call, func(t *testing.T) {
			cmd := exec.Command(zsh, "-f", "-c", stubs+tt.call)
			cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"))
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("zsh: %v\n%s", err, out)
			}
			lines := strings.Split(string(out), "\n")
			for _, w := range tt.want {
				if !slices.Contains(lines, w) {
					t.Errorf("zsh prints no line %q:\n%s", w, out)
				}
			}
		})
	}
}

// TestCompletionFish asks fish what it completes ('complete -C') with the script loaded.
func TestCompletionFish(t *testing.T) {
	fish := shellTool(t, "fish")
	script := writeCompletion(t, "fish")
	bin := buildBinary(t)
	tests := []struct {
		line string
		want []string // the candidates, without their descriptions
	}{
		{"bookc pd", []string{"pdf"}},
		{"bookc man --gz", []string{"--gzip"}},
		{"bookc pdf --role ", []string{"developers", "operators", "users"}},
		{"bookc help env", []string{"environment"}},
		{"bookc completion f", []string{"fish"}},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			cmd := exec.Command(fish, "--no-config", "-c", "source "+script+"; complete -C '"+tt.line+"'")
			cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"))
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("fish: %v\n%s", err, out)
			}
			var got []string
			for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
				if l != "" {
					c, _, _ := strings.Cut(l, "\t")
					got = append(got, c)
				}
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("fish completes %q, want %q", got, tt.want)
			}
		})
	}
}
