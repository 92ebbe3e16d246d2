package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"

	"bookc/builder"
	"bookc/builder/diag"
	"bookc/builder/tree"
	"bookc/formats"
)

// cmdCheck prints every diagnostic that building every edition in every format would print, and
// fails on errors. It renders them all, in memory, and writes nothing.
func cmdCheck(ctx context.Context, o *options, stdout, stderr io.Writer) int {
	b, err := loadBook(ctx, o, true, stderr) // as 'all' loads it
	if err != nil {
		return loadFailed(stderr, err)
	}
	eds, notes, err := b.Editions()
	if err != nil {
		fmt.Fprintf(stderr, "bookc: %v\n", err)
		return 1
	}
	all := append(append(diag.List(nil), b.Diags...), notes...)
	rendered, failed, stopped := renderInMemory(ctx, eds)
	if stopped {
		fmt.Fprintln(stderr, "bookc: interrupted; nothing was written")
		return 130
	}
	all = append(all, rendered...)
	fmt.Fprintf(stdout, "include root: %s (%s)\n", b.Root, b.RootWhy)
	printDiags(stdout, all, diag.Note)
	for _, err := range failed {
		fmt.Fprintf(stdout, "bookc: %v\n", err)
	}
	errs, warns, nnotes := all.Count(diag.Error)+len(failed), all.Count(diag.Warning), all.Count(diag.Note)
	fmt.Fprintf(stdout, "%s: %d errors, %d warnings, %d notes in %d chapters and %d editions\n",
		b.Tree.Title, errs, warns, nnotes, len(b.Tree.Chapters()), len(eds))
	if errs > 0 {
		return 1
	}
	return 0
}

// renderInMemory renders every edition in every format, as 'all' would, and returns what the
// backends said and the artifacts that failed; stopped reports an interruption.
func renderInMemory(ctx context.Context, eds []*tree.Book) (ds diag.List, failed []error, stopped bool) {
	backends := forEditions(formats.All(), len(eds))
	var mu sync.Mutex
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, ed := range eds {
		for _, be := range backends {
			g.Go(func() error {
				if ctx.Err() != nil {
					return nil
				}
				out, err := render(be, ed)
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					failed = append(failed, fmt.Errorf("%s %s: %w", be.Name(), editionName(ed), err))
				} else {
					ds.Add(out.Diagnostics...)
				}
				return nil
			})
		}
	}
	done := make(chan struct{})
	go func() { _ = g.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
		return nil, nil, true
	}
	slices.SortFunc(failed, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
	return ds, failed, false
}

// cmdRoles prints which chapters each edition has.
func cmdRoles(ctx context.Context, o *options, stdout, stderr io.Writer) int {
	b, err := loadBook(ctx, o, false, stderr)
	if err != nil {
		return loadFailed(stderr, err)
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
func cmdTree(ctx context.Context, o *options, stdout, stderr io.Writer) int {
	b, err := loadBook(ctx, o, true, stderr) // the tree as the backends that colour code see it
	if err != nil {
		return loadFailed(stderr, err)
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
