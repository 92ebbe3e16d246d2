package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"bookc/builder"
	"bookc/builder/diag"
	"bookc/builder/tree"
)

// cmdCheck prints every diagnostic of the book and of each edition; it fails on errors.
func cmdCheck(o *options, stdout, stderr io.Writer) int {
	b, err := loadBook(o, false)
	if err != nil {
		fmt.Fprintf(stderr, "bookc: %v\n", err)
		return 1
	}
	_, notes, err := b.Editions()
	if err != nil {
		fmt.Fprintf(stderr, "bookc: %v\n", err)
		return 1
	}
	all := append(append(diag.List(nil), b.Diags...), notes...)
	printDiags(stdout, all, diag.Note)
	errs, warns, nnotes := all.Count(diag.Error), all.Count(diag.Warning), all.Count(diag.Note)
	fmt.Fprintf(stdout, "%s: %d errors, %d warnings, %d notes in %d chapters and %d editions\n",
		b.Tree.Title, errs, warns, nnotes, len(b.Tree.Chapters()), 1+len(b.Config.Roles))
	if errs > 0 {
		return 1
	}
	return 0
}

// cmdRoles prints which chapters each edition has.
func cmdRoles(o *options, stdout, stderr io.Writer) int {
	b, err := loadBook(o, false)
	if err != nil {
		fmt.Fprintf(stderr, "bookc: %v\n", err)
		return 1
	}
	roles := b.RoleNames()
	has := make([]map[string]bool, len(roles))
	for i, r := range roles {
		ed, _, err := b.Edition(r)
		if err != nil {
			fmt.Fprintf(stderr, "bookc: %v\n", err)
			return 1
		}
		has[i] = map[string]bool{}
		for _, ch := range ed.Chapters() {
			has[i][ch.ID] = true
		}
	}
	rows := [][]string{append([]string{"chapter"}, roles...)}
	for _, ch := range b.Tree.Chapters() {
		row := []string{chapterLabel(b, ch)}
		for i := range roles {
			mark := ""
			if has[i][ch.ID] {
				mark = "yes"
			}
			row = append(row, mark)
		}
		rows = append(rows, row)
	}
	if len(roles) == 0 {
		fmt.Fprintln(stdout, "This book declares no roles; add [output.bookc.roles.NAME] tables to book.toml.")
	}
	printTable(stdout, rows)
	for _, r := range b.Config.Roles {
		fmt.Fprintf(stdout, "%s: %s\n", r.Name, r.Title)
	}
	return 0
}

func chapterLabel(b *builder.Book, ch *tree.Chapter) string {
	indent := ""
	if len(ch.Number) > 1 {
		indent = strings.Repeat("  ", len(ch.Number)-1)
	}
	if len(ch.Number) > 0 {
		return indent + ch.Number.String() + ". " + ch.Title
	}
	return indent + ch.Title
}

// printTable aligns rows in columns.
func printTable(w io.Writer, rows [][]string) {
	width := map[int]int{}
	for _, r := range rows {
		for i, c := range r {
			width[i] = max(width[i], len([]rune(c)))
		}
	}
	for _, r := range rows {
		var sb strings.Builder
		for i, c := range r {
			sb.WriteString(c)
			if i < len(r)-1 {
				sb.WriteString(strings.Repeat(" ", width[i]-len([]rune(c))+2))
			}
		}
		fmt.Fprintln(w, strings.TrimRight(sb.String(), " "))
	}
}

// cmdTree prints an edition's document tree as JSON.
func cmdTree(o *options, stdout, stderr io.Writer) int {
	b, err := loadBook(o, true) // the tree as the backends that colour code see it
	if err != nil {
		fmt.Fprintf(stderr, "bookc: %v\n", err)
		return 1
	}
	ed, _, err := b.Edition(o.role)
	if err != nil {
		fmt.Fprintf(stderr, "bookc: %v\n", err)
		return 1
	}
	printDiags(stderr, b.Diags, diag.Warning)
	data, err := json.MarshalIndent(ed, "", "  ")
	if err != nil {
		fmt.Fprintf(stderr, "bookc: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "%s\n", data)
	return 0
}
