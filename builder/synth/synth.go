// Package synth makes large books for benchmarks and scale tests: n copies of a real book (the
// handbook by default), each in its own folder and part, so that every element, include,
// cross-reference and role of the original appears n times.
package synth

import (
	"fmt"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing/fstest"

	"bookc/builder/config"
)

var (
	linkRE  = regexp.MustCompile(`\]\(([^)]*)\)`)
	partRE  = regexp.MustCompile(`^#+\s+(.*)$`)
	itemRE  = regexp.MustCompile(`^(\s*)[-*+]\s+(\[.*)$`)
	plainRE = regexp.MustCompile(`^\s*(\[.*\]\(.*\))\s*$`)
)

// Scale returns a book of n copies of the book in base (book.toml and src/ at its root).
func Scale(base fs.FS, n int) (fstest.MapFS, error) {
	cfg := config.Default()
	if data, err := fs.ReadFile(base, "book.toml"); err == nil {
		if cfg, err = config.Parse("book.toml", data); err != nil {
			return nil, err
		}
	}
	summary, err := fs.ReadFile(base, path.Join(cfg.Src, "SUMMARY.md"))
	if err != nil {
		return nil, err
	}
	out := fstest.MapFS{}
	var sum strings.Builder
	sum.WriteString("# Summary\n\n")
	for k := 1; k <= n; k++ {
		dir := fmt.Sprintf("copy%d", k)
		err := fs.WalkDir(base, cfg.Src, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || p == path.Join(cfg.Src, "SUMMARY.md") {
				return err
			}
			data, err := fs.ReadFile(base, p)
			if err != nil {
				return err
			}
			out["src/"+dir+"/"+strings.TrimPrefix(p, cfg.Src+"/")] = &fstest.MapFile{Data: data}
			return nil
		})
		if err != nil {
			return nil, err
		}
		for _, line := range strings.Split(string(summary), "\n") {
			line = linkRE.ReplaceAllStringFunc(line, func(m string) string {
				target := m[2 : len(m)-1]
				if target == "" {
					return m
				}
				return "](" + dir + "/" + target + ")"
			})
			switch {
			case itemRE.MatchString(line):
				m := itemRE.FindStringSubmatch(line)
				fmt.Fprintf(&sum, "%s- %s\n", m[1], m[2])
			case plainRE.MatchString(line):
				fmt.Fprintf(&sum, "- %s\n", plainRE.FindStringSubmatch(line)[1])
			case partRE.MatchString(line) && !strings.EqualFold(strings.TrimSpace(partRE.FindStringSubmatch(line)[1]), "summary"):
				fmt.Fprintf(&sum, "# %s (copy %d)\n\n", partRE.FindStringSubmatch(line)[1], k)
			}
		}
		sum.WriteString("\n")
	}
	out["src/SUMMARY.md"] = &fstest.MapFile{Data: []byte(sum.String())}
	out["book.toml"] = &fstest.MapFile{Data: []byte(bookTOML(cfg, n))}
	return out, nil
}

// bookTOML repeats the roles and man pages of the original for every copy.
func bookTOML(cfg *config.Config, n int) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "[book]\ntitle = %q\nlanguage = %q\n\n[output.bookc]\noptional = true\n", cfg.Title+fmt.Sprintf(" x%d", n), cfg.Language)
	copies := func(p string) string {
		var qs []string
		for k := 1; k <= n; k++ {
			qs = append(qs, fmt.Sprintf("%q", fmt.Sprintf("copy%d/%s", k, p)))
		}
		return strings.Join(qs, ", ")
	}
	if len(cfg.ManPages) > 0 {
		sb.WriteString("\n[output.bookc.man-pages]\n")
		for _, p := range slices.Sorted(maps.Keys(cfg.ManPages)) {
			name, sec := config.SplitManPage(cfg.ManPages[p])
			for k := 1; k <= n; k++ {
				fmt.Fprintf(&sb, "%q = \"%s%d(%s)\"\n", fmt.Sprintf("copy%d/%s", k, p), name, k, sec)
			}
		}
	}
	for _, r := range cfg.Roles {
		fmt.Fprintf(&sb, "\n[output.bookc.roles.%s]\ntitle = %q\nchapters = [", r.Name, r.Title)
		var all []string
		for _, p := range r.Chapters {
			all = append(all, copies(p))
		}
		sb.WriteString(strings.Join(all, ", ") + "]\n")
	}
	return sb.String()
}

// OfSize scales base to about size bytes of Markdown, and says how many it has.
func OfSize(base fs.FS, size int) (fstest.MapFS, int, error) {
	one, err := Scale(base, 1)
	if err != nil {
		return nil, 0, err
	}
	fsys, err := Scale(base, max(1, size/MarkdownBytes(one)))
	if err != nil {
		return nil, 0, err
	}
	return fsys, MarkdownBytes(fsys), nil
}

// MarkdownBytes counts the bytes of every Markdown file in fsys.
func MarkdownBytes(fsys fs.FS) int {
	total := 0
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".md") {
			data, _ := fs.ReadFile(fsys, p)
			total += len(data)
		}
		return err
	})
	return total
}
