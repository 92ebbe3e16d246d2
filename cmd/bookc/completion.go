package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// cliFlag is a flag as completion offers it: its names (as args.go's flagSpecs spells them, with
// their dashes) and what its value is.
type cliFlag struct {
	names []string
	value string // "": a switch; "dir", "file", "role" or "size": what follows it
}

var (
	flagRole       = cliFlag{[]string{"--role"}, "role"}
	flagAllRoles   = cliFlag{[]string{"--all-roles"}, ""}
	flagOutput     = cliFlag{[]string{"-o", "--output"}, "dir"}
	flagIncRoot    = cliFlag{[]string{"--include-root"}, "dir"}
	flagFileSize   = cliFlag{[]string{"--max-file-size"}, "size"}
	flagBookSize   = cliFlag{[]string{"--max-book-size"}, "size"}
	flagQuiet      = cliFlag{[]string{"-q", "--quiet"}, ""}
	flagInstall    = cliFlag{[]string{"--install"}, "dir"}
	flagGzip       = cliFlag{[]string{"--gzip"}, ""}
	flagPreprocess = cliFlag{[]string{"--preprocessors"}, ""}
	flagCPUProfile = cliFlag{[]string{"--cpuprofile"}, "file"}
)

// loadFlags are the flags of every command that reads a book folder.
var loadFlags = []cliFlag{flagIncRoot, flagFileSize, flagBookSize, flagPreprocess, flagCPUProfile}

// buildFlags are pdf's, epub's and all's.
var buildFlags = append([]cliFlag{flagRole, flagAllRoles, flagOutput, flagQuiet}, loadFlags...)

// commandFlags lists the flags that mean something to a command. parseArgs accepts every flag
// with every command; completion and help offer only these.
func commandFlags(cmd string) []cliFlag {
	switch cmd {
	case "pdf", "epub", "all", "watch":
		return buildFlags
	case "man":
		return append(slices.Clip(buildFlags), flagInstall, flagGzip)
	case "check":
		return loadFlags
	case "roles":
		return loadFlags[:3]
	case "tree":
		return append([]cliFlag{flagRole}, loadFlags...)
	}
	return nil
}

// takesBook reports whether a command's one argument is a book folder.
func takesBook(cmd string) bool { return commandFlags(cmd) != nil }

var shells = []string{"bash", "zsh", "fish"}

// cmdCompletion prints the completion script for a shell.
func cmdCompletion(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 || !slices.Contains(shells, args[0]) {
		fmt.Fprintf(stderr, "bookc: completion needs a shell: %s\n", strings.Join(shells, ", "))
		return 2
	}
	cmds := manualCommands(manualSections(manual))
	switch args[0] {
	case "bash":
		io.WriteString(stdout, bashCompletion(cmds))
	case "zsh":
		io.WriteString(stdout, zshCompletion(cmds))
	case "fish":
		io.WriteString(stdout, fishCompletion(cmds))
	}
	return 0
}

// helpTopicNames are what 'bookc help' completes: the commands, then the other topics.
func helpTopicNames(cmds []helpCommand) []string {
	var out []string
	for _, c := range cmds {
		out = append(out, c.name)
	}
	for _, t := range helpTopics {
		out = append(out, t.name)
	}
	return out
}

// valueFlags lists every name of the flags that take a value, of any command.
func valueFlags(cmds []helpCommand) []string {
	var out []string
	for _, c := range cmds {
		for _, f := range commandFlags(c.name) {
			if f.value != "" {
				out = append(out, f.names...)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// flagNames lists a command's flag names, and -h and --help, which every command takes.
func flagNames(cmd string) []string {
	var out []string
	for _, f := range commandFlags(cmd) {
		out = append(out, f.names...)
	}
	return append(out, "-h", "--help")
}

// rolesAwk prints the role names that 'bookc roles' heads its table with ("chapter ROLE...").
const rolesAwk = `awk 'NR == 1 && $1 == "chapter" { for (i = 2; i <= NF; i++) print $i; exit }'`

func bashCompletion(cmds []helpCommand) string {
	var b strings.Builder
	b.WriteString(`# bash completion for bookc, written by 'bookc completion bash'.
# Roles after --role come from running 'bookc roles' on the book folder named on the line.

_bookc_roles() {
    local i w dir= skip=
    for ((i = 2; i < COMP_CWORD; i++)); do
        w=${COMP_WORDS[i]}
        if [[ -n $skip ]]; then skip=; continue; fi
        case $w in
            ` + strings.Join(valueFlags(cmds), "|") + `) skip=1 ;;
            -*|=) ;;
            *) dir=$w; break ;;
        esac
    done
    dir=${dir/#\~/$HOME}
    "${COMP_WORDS[0]}" roles ${dir:+"$dir"} 2>/dev/null | ` + rolesAwk + `
}

_bookc() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD-1]}
    # --flag=value: bash splits at '=' (COMP_WORDBREAKS).
    if [[ $cur == = ]]; then
        cur=
    elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
        prev=${COMP_WORDS[COMP_CWORD-2]}
    fi
    if ((COMP_CWORD == 1)); then
        COMPREPLY=($(compgen -W "` + strings.Join(commandNames(cmds), " ") + ` --help" -- "$cur"))
        return
    fi
    local flags=
    case ${COMP_WORDS[1]} in
`)
	for _, c := range cmds {
		switch {
		case c.name == "help":
			fmt.Fprintf(&b, "        help)\n            ((COMP_CWORD == 2)) && COMPREPLY=($(compgen -W %q -- \"$cur\"))\n            return ;;\n",
				strings.Join(helpTopicNames(cmds), " "))
		case c.name == "completion":
			fmt.Fprintf(&b, "        completion)\n            ((COMP_CWORD == 2)) && COMPREPLY=($(compgen -W %q -- \"$cur\"))\n            return ;;\n",
				strings.Join(shells, " "))
		default:
			fmt.Fprintf(&b, "        %s) flags=%q ;;\n", c.name, strings.Join(flagNames(c.name), " "))
		}
	}
	b.WriteString(`    esac
    case $prev in
`)
	for _, kind := range []string{"role", "dir", "file", "size"} {
		names := flagsOfKind(cmds, kind)
		switch kind {
		case "role":
			fmt.Fprintf(&b, "        %s)\n            COMPREPLY=($(compgen -W \"$(_bookc_roles)\" -- \"$cur\"))\n            return ;;\n", strings.Join(names, "|"))
		case "dir":
			fmt.Fprintf(&b, "        %s)\n            COMPREPLY=($(compgen -d -- \"$cur\"))\n            return ;;\n", strings.Join(names, "|"))
		case "file":
			fmt.Fprintf(&b, "        %s)\n            COMPREPLY=($(compgen -f -- \"$cur\"))\n            return ;;\n", strings.Join(names, "|"))
		case "size":
			fmt.Fprintf(&b, "        %s)\n            COMPREPLY=($(compgen -W \"64MB 256MB 1GB 4GB\" -- \"$cur\"))\n            return ;;\n", strings.Join(names, "|"))
		}
	}
	b.WriteString(`    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$flags" -- "$cur"))
    else
        case ${COMP_WORDS[1]} in
            ` + strings.Join(bookCommands(cmds), "|") + `) COMPREPLY=($(compgen -d -- "$cur")) ;;
        esac
    fi
}

complete -o filenames -F _bookc bookc
`)
	return b.String()
}

// bookCommands lists the commands whose argument is a book folder.
func bookCommands(cmds []helpCommand) []string {
	var out []string
	for _, c := range cmds {
		if takesBook(c.name) {
			out = append(out, c.name)
		}
	}
	return out
}

func commandNames(cmds []helpCommand) []string {
	var out []string
	for _, c := range cmds {
		out = append(out, c.name)
	}
	return out
}

// flagsOfKind lists every name of the flags whose value is of a kind, of any command.
func flagsOfKind(cmds []helpCommand, kind string) []string {
	var out []string
	for _, c := range cmds {
		for _, f := range commandFlags(c.name) {
			if f.value == kind {
				out = append(out, f.names...)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// flagDescription is the first clause of a flag's entry in the page's OPTIONS.
func flagDescription(options map[string][]string, f cliFlag) string {
	e := options[f.names[0]]
	if len(e) < 2 {
		return ""
	}
	return summary(append([]string{strings.TrimPrefix(e[1], ": ")}, e[2:]...))
}

func zshCompletion(cmds []helpCommand) string {
	options := optionEntries(manualSections(manual))
	var b strings.Builder
	b.WriteString(`#compdef bookc
# zsh completion for bookc, written by 'bookc completion zsh'.
# Roles after --role come from running 'bookc roles' on the book folder named on the line.

_bookc_roles() {
    local i dir= skip=
    for ((i = 2; i < CURRENT; i++)); do
        if [[ -n $skip ]]; then skip=; continue; fi
        case $words[i] in
            ` + strings.Join(valueFlags(cmds), "|") + `) skip=1 ;;
            -*) ;;
            *) dir=$words[i]; break ;;
        esac
    done
    local -a roles
    roles=(${(f)"$(command ${_bookc_bin:-bookc} roles ${dir:+${~dir}} 2>/dev/null | ` + rolesAwk + `)"})
    _wanted roles expl role compadd -a roles
}

_bookc() {
    local -a commands
    commands=(
`)
	for _, c := range cmds {
		fmt.Fprintf(&b, "        %s\n", zshQuote(c.name+":"+c.summary))
	}
	b.WriteString(`    )
    if ((CURRENT == 2)); then
        _describe -t commands 'bookc command' commands
        return
    fi
    local -a specs
    case $words[2] in
`)
	for _, c := range cmds {
		var specs []string
		switch c.name {
		case "help":
			specs = append(specs, zshQuote("1:topic:("+strings.Join(helpTopicNames(cmds), " ")+")"))
		case "completion":
			specs = append(specs, zshQuote("1:shell:("+strings.Join(shells, " ")+")"))
		}
		flags := commandFlags(c.name)
		for _, f := range flags {
			specs = append(specs, zshFlagSpecs(f, flagDescription(options, f))...)
		}
		specs = append(specs, zshQuote("(- *)-h[Print the command's help]"), zshQuote("(- *)--help[Print the command's help]"))
		if takesBook(c.name) {
			specs = append(specs, zshQuote("1::book folder:_files -/"))
		}
		fmt.Fprintf(&b, "        %s)\n            specs=(\n", c.name)
		for _, s := range specs {
			fmt.Fprintf(&b, "                %s\n", s)
		}
		b.WriteString("            ) ;;\n")
	}
	b.WriteString(`    esac
    local _bookc_bin=$words[1] # for _bookc_roles, which sees the words from the command on
    words=("${(@)words[2,-1]}")
    ((CURRENT--))
    _arguments -S $specs
}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
    _bookc "$@"
else
    compdef _bookc bookc
fi
`)
	return b.String()
}

// zshFlagSpecs writes _arguments specs for a flag: its names, what it excludes, its description
// and its value's completion.
func zshFlagSpecs(f cliFlag, desc string) []string {
	exclude := strings.Join(f.names, " ")
	switch f.names[0] {
	case "--role":
		exclude += " --all-roles"
	case "--all-roles":
		exclude += " --role"
	}
	action := ""
	switch f.value {
	case "role":
		action = ":role:_bookc_roles"
	case "dir":
		action = ":folder:_files -/"
	case "file":
		action = ":file:_files"
	case "size":
		action = ":size:(64MB 256MB 1GB 4GB)"
	}
	var out []string
	for _, n := range f.names {
		name := n
		if f.value != "" && strings.HasPrefix(n, "--") {
			name += "=" // --x=VALUE and --x VALUE both
		}
		out = append(out, zshQuote("("+exclude+")"+name+"["+zshBracket(desc)+"]"+action))
	}
	return out
}

// zshBracket escapes what ends or breaks an _arguments description.
func zshBracket(s string) string {
	return strings.NewReplacer("[", `\[`, "]", `\]`, ":", `\:`).Replace(s)
}

// zshQuote quotes a word for zsh (and fish, which reads single quotes alike but for '\').
func zshQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// fishQuote quotes a word for fish: in single quotes only \' and \\ are special.
func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, "'", `\'`).Replace(s) + "'"
}

func fishCompletion(cmds []helpCommand) string {
	options := optionEntries(manualSections(manual))
	var b strings.Builder
	b.WriteString(`# fish completion for bookc, written by 'bookc completion fish'.
# Roles after --role come from running 'bookc roles' on the book folder named on the line.

function __bookc_roles
    set -l tokens (commandline -opc)
    set -l dir
    set -l skip 0
    for t in $tokens[3..-1]
        if test $skip = 1
            set skip 0
            continue
        end
        switch $t
            case ` + strings.Join(valueFlags(cmds), " ") + `
                set skip 1
            case '-*'
            case '*'
                set dir (string replace -r '^~' $HOME -- $t)
                break
        end
    end
    command $tokens[1] roles $dir 2>/dev/null | ` + rolesAwk + `
end

complete -c bookc -f
`)
	all := strings.Join(commandNames(cmds), " ")
	for _, c := range cmds {
		fmt.Fprintf(&b, "complete -c bookc -n 'not __fish_seen_subcommand_from %s' -a %s -d %s\n", all, c.name, fishQuote(c.summary))
	}
	fmt.Fprintf(&b, "complete -c bookc -n '__fish_seen_subcommand_from help' -a %s\n", fishQuote(strings.Join(helpTopicNames(cmds), " ")))
	fmt.Fprintf(&b, "complete -c bookc -n '__fish_seen_subcommand_from completion' -a %s\n", fishQuote(strings.Join(shells, " ")))
	fmt.Fprintf(&b, "complete -c bookc -n '__fish_seen_subcommand_from %s' -a '(__fish_complete_directories (commandline -ct))'\n", strings.Join(bookCommands(cmds), " "))
	// A flag once, for all the commands that take it.
	type entry struct {
		f    cliFlag
		cmds []string
	}
	var flags []entry
	for _, c := range cmds {
		for _, f := range commandFlags(c.name) {
			i := slices.IndexFunc(flags, func(e entry) bool { return e.f.names[0] == f.names[0] })
			if i < 0 {
				flags = append(flags, entry{f: f})
				i = len(flags) - 1
			}
			flags[i].cmds = append(flags[i].cmds, c.name)
		}
	}
	for _, e := range flags {
		line := fmt.Sprintf("complete -c bookc -n '__fish_seen_subcommand_from %s'", strings.Join(e.cmds, " "))
		for _, n := range e.f.names {
			if long, ok := strings.CutPrefix(n, "--"); ok {
				line += " -l " + long
			} else {
				line += " -s " + strings.TrimPrefix(n, "-")
			}
		}
		switch e.f.value {
		case "role":
			line += " -x -a '(__bookc_roles)'"
		case "dir":
			line += " -x -a '(__fish_complete_directories (commandline -ct))'"
		case "file":
			line += " -r -F"
		case "size":
			line += " -x -a '64MB 256MB 1GB 4GB'"
		}
		fmt.Fprintf(&b, "%s -d %s\n", line, fishQuote(flagDescription(options, e.f)))
	}
	b.WriteString("complete -c bookc -s h -l help -d 'Print the command\\'s help'\n")
	return b.String()
}
