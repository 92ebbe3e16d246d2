package main

import (
	_ "embed"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
)

// manual is bookc(1)'s source, a one-page book in manual/ that 'make man' builds with the man
// backend. It is also the text of 'bookc help': each command's help is its subsection of
// COMMANDS, followed by its flags' entries in OPTIONS, so the page and the help cannot differ.
//
//go:embed manual/src/bookc.md
var manual string

// helpWidth is the column help text is wrapped before.
const helpWidth = 80

// helpTopics are the topics besides the commands: a section of the page each.
var helpTopics = []struct{ name, section, summary string }{
	{"config", "CONFIGURATION", "bookc's keys in book.toml's [output.bookc]"},
	{"options", "OPTIONS", "every flag"},
	{"environment", "ENVIRONMENT", "SOURCE_DATE_EPOCH, GODEBUG, GOGC"},
	{"examples", "EXAMPLES", "a few command lines"},
}

// mdSection is a heading of the page ("## NAME", level 2, or "### bookc pdf", level 3) and the
// Markdown lines up to the next heading.
type mdSection struct {
	level int
	title string
	lines []string
}

// manualSections splits the page at its headings of level 2 and 3, skipping code blocks.
func manualSections(page string) []mdSection {
	var out []mdSection
	fenced := false
	for _, l := range strings.Split(page, "\n") {
		if strings.HasPrefix(l, "```") {
			fenced = !fenced
		}
		if !fenced {
			if t, ok := strings.CutPrefix(l, "## "); ok {
				out = append(out, mdSection{level: 2, title: t})
				continue
			}
			if t, ok := strings.CutPrefix(l, "### "); ok {
				out = append(out, mdSection{level: 3, title: t})
				continue
			}
		}
		if len(out) > 0 {
			out[len(out)-1].lines = append(out[len(out)-1].lines, l)
		}
	}
	return out
}

// section returns the level-2 section titled title, its subsections' lines included.
func section(secs []mdSection, title string) []string {
	var lines []string
	in := false
	for _, s := range secs {
		if s.level == 2 {
			in = s.title == title
			if in {
				lines = append(lines, s.lines...)
			}
			continue
		}
		if in {
			lines = append(lines, "### "+s.title)
			lines = append(lines, s.lines...)
		}
	}
	return lines
}

// helpCommand is a command as its subsection of COMMANDS describes it.
type helpCommand struct {
	name, usage, summary string
	lines                []string
}

// manualCommands lists the commands of the page's COMMANDS section, in its order.
func manualCommands(secs []mdSection) []helpCommand {
	var out []helpCommand
	in := false
	for _, s := range secs {
		if s.level == 2 {
			in = s.title == "COMMANDS"
			continue
		}
		rest, ok := strings.CutPrefix(s.title, "bookc ")
		if !in || !ok {
			continue
		}
		name, _, _ := strings.Cut(rest, " ")
		out = append(out, helpCommand{name: name, usage: s.title, summary: summary(s.lines), lines: s.lines})
	}
	return out
}

// summary is a section's first clause: its first sentence, up to a colon or semicolon.
func summary(lines []string) string {
	var para []string
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			if len(para) > 0 {
				break
			}
			continue
		}
		para = append(para, strings.TrimSpace(l))
	}
	s := plainInline(strings.Join(para, " "))
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(".:;", s[i]) >= 0 && (i+1 == len(s) || s[i+1] == ' ') {
			return s[:i]
		}
	}
	return s
}

var flagName = regexp.MustCompile(`(?:^|[ ,])(--?[a-z][a-z-]*)`)

// optionEntries returns OPTIONS' entries (a term and its definition, as Markdown lines) by each
// flag that the term names.
func optionEntries(secs []mdSection) map[string][]string {
	lines := section(secs, "OPTIONS")
	out := map[string][]string{}
	for i := 0; i+1 < len(lines); i++ {
		if lines[i] == "" || !strings.HasPrefix(lines[i+1], ": ") {
			continue
		}
		end := i + 2
		for end < len(lines) && strings.HasPrefix(lines[end], "  ") {
			end++
		}
		entry := lines[i:end]
		for _, m := range flagName.FindAllStringSubmatch(plainInline(lines[i]), -1) {
			out[m[1]] = entry
		}
	}
	return out
}

// cmdHelp prints the overview, with no topic, or a topic's text. An unknown topic is a usage
// error: exit 2, with the list.
func cmdHelp(args []string, stdout, stderr io.Writer) int {
	secs := manualSections(manual)
	cmds := manualCommands(secs)
	switch {
	case len(args) == 0:
		writeOverview(stdout, secs, cmds)
		return 0
	case len(args) > 1:
		fmt.Fprintf(stderr, "bookc: help takes one topic, not %q\n", strings.Join(args, " "))
		writeTopicList(stderr, cmds)
		return 2
	}
	topic := args[0]
	if i := slices.IndexFunc(cmds, func(c helpCommand) bool { return c.name == topic }); i >= 0 {
		writeCommandHelp(stdout, cmds[i], optionEntries(secs))
		return 0
	}
	for _, t := range helpTopics {
		if t.name == topic {
			fmt.Fprintln(stdout, t.section)
			io.WriteString(stdout, mdText(section(secs, t.section), 2))
			return 0
		}
	}
	fmt.Fprintf(stderr, "bookc: no help topic %q\n", topic)
	writeTopicList(stderr, cmds)
	return 2
}

func writeOverview(w io.Writer, secs []mdSection, cmds []helpCommand) {
	name := summary(section(secs, "NAME"))
	if _, what, ok := strings.Cut(name, " - "); ok {
		name = "bookc: " + what
	}
	fmt.Fprintf(w, "%s.\n\nUsage:\n", name)
	for _, l := range section(secs, "SYNOPSIS") {
		if l != "" && !strings.HasPrefix(l, "```") {
			fmt.Fprintf(w, "  %s\n", l)
		}
	}
	fmt.Fprintln(w, "\nWith no BOOKDIR, bookc builds the Metropolis Handbook it carries.")
	writeTopicList(w, cmds)
	fmt.Fprintln(w, "\n'bookc help TOPIC' or 'bookc COMMAND --help' tells more; 'man bookc' tells all.")
}

func writeTopicList(w io.Writer, cmds []helpCommand) {
	fmt.Fprintln(w, "\nCommands:")
	for _, c := range cmds {
		fmt.Fprintf(w, "  %-12s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nTopics:")
	for _, t := range helpTopics {
		fmt.Fprintf(w, "  %-12s %s\n", t.name, t.summary)
	}
}

func writeCommandHelp(w io.Writer, c helpCommand, options map[string][]string) {
	flags := commandFlags(c.name)
	usage := plainInline(c.usage)
	if len(flags) > 0 {
		usage += " [FLAGS]"
	}
	fmt.Fprintf(w, "Usage: %s\n", usage)
	io.WriteString(w, mdText(c.lines, 2))
	if len(flags) == 0 {
		return
	}
	fmt.Fprintln(w, "\nFlags:")
	var entries []string
	for _, f := range flags {
		if e, ok := options[f.names[0]]; ok {
			entries = append(entries, e...)
			entries = append(entries, "")
		}
	}
	io.WriteString(w, strings.TrimLeft(mdText(entries, 2), "\n"))
}

// asksHelp reports whether a command's arguments hold -h or --help (before a "--").
func asksHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "-h", "--help":
			return true
		}
	}
	return false
}

// mdText writes the Markdown the page uses (paragraphs, code blocks, definition lists, lists and
// ### headings) as plain text, indented and wrapped before helpWidth. Each block is preceded by
// a blank line.
func mdText(lines []string, indent int) string {
	var b strings.Builder
	pad := strings.Repeat(" ", indent)
	for i := 0; i < len(lines); {
		l := lines[i]
		switch {
		case strings.TrimSpace(l) == "":
			i++
		case strings.HasPrefix(l, "```"):
			b.WriteString("\n")
			for i++; i < len(lines) && !strings.HasPrefix(lines[i], "```"); i++ {
				b.WriteString(strings.TrimRight(pad+"    "+lines[i], " ") + "\n")
			}
			i++
		case strings.HasPrefix(l, "### "):
			b.WriteString("\n" + pad + plainInline(l[4:]) + "\n")
			i++
		case i+1 < len(lines) && strings.HasPrefix(lines[i+1], ": "):
			b.WriteString("\n" + pad + plainInline(l) + "\n")
			def := []string{lines[i+1][2:]}
			for i += 2; i < len(lines) && strings.HasPrefix(lines[i], "  ") && strings.TrimSpace(lines[i]) != ""; i++ {
				def = append(def, lines[i])
			}
			wrap(&b, def, pad+"    ", pad+"    ")
		case strings.HasPrefix(l, "- "):
			item := []string{l[2:]}
			for i++; i < len(lines) && strings.HasPrefix(lines[i], "  ") && strings.TrimSpace(lines[i]) != ""; i++ {
				item = append(item, lines[i])
			}
			b.WriteString("\n")
			wrap(&b, item, pad+"- ", pad+"  ")
		default:
			var para []string
			for ; i < len(lines) && strings.TrimSpace(lines[i]) != "" && !strings.HasPrefix(lines[i], "```"); i++ {
				para = append(para, lines[i])
			}
			b.WriteString("\n")
			wrap(&b, para, pad, pad)
		}
	}
	return b.String()
}

// wrap writes the words of lines, inline markup removed, first after first and then after rest,
// each line ending before helpWidth unless one word is longer.
func wrap(b *strings.Builder, lines []string, first, rest string) {
	words := strings.Fields(plainInline(strings.Join(lines, " ")))
	line := first
	fresh := true
	for _, w := range words {
		if !fresh && len(line)+1+len(w) >= helpWidth {
			b.WriteString(line + "\n")
			line, fresh = rest, true
		}
		if !fresh {
			line += " "
		}
		line += w
		fresh = false
	}
	if !fresh {
		b.WriteString(line + "\n")
	}
}

var (
	mdLink     = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`)
	mdEmphasis = regexp.MustCompile(`\*+([^*\s](?:[^*]*[^*\s])?)\*+`)
)

// plainInline drops inline markup: code spans' backticks, emphasis and link targets. Code spans
// keep their text as written.
func plainInline(s string) string {
	parts := strings.Split(s, "`")
	for i := 0; i < len(parts); i += 2 {
		parts[i] = mdEmphasis.ReplaceAllString(mdLink.ReplaceAllString(parts[i], "$1"), "$1")
	}
	return strings.Join(parts, "")
}
