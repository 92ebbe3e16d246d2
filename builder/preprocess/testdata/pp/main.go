// Command pp is a test preprocessor for bookc's tests of mdBook's preprocessor protocol. Its
// first argument says how it behaves:
//
//	fence            turns ```callout fences into mdBook's <div class="warning"> blocks
//	append TEXT      appends a paragraph TEXT to every chapter
//	includes         appends "includes seen: N", N the {{#include}} directives still in the text
//	fail             writes a message to standard error and exits 3
//	hang             never answers
//	garbage          writes what is not JSON
//	flood            writes without end
//	nosupport        says it does not support any renderer
//	v04              reads only mdBook 0.4's JSON, as a preprocessor built on mdBook 0.4 does
//	env              logs its GODEBUG and the one its parent process was started with (Linux)
//
// With PP_LOG set, it appends a line per call to that file: its arguments, and for a run the
// context's renderer, mdbook_version and root.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"time"
)

func main() {
	args := os.Args[1:]
	if len(args) == 0 {
		fmt.Fprintln(os.Stderr, "pp: give a mode")
		os.Exit(2)
	}
	mode := args[0]
	if n := len(args); n >= 2 && args[n-2] == "supports" {
		logf("%s supports %s", strings.Join(args[:n-2], " "), args[n-1])
		if mode == "nosupport" {
			os.Exit(1)
		}
		os.Exit(0)
	}
	switch mode {
	case "fail":
		io.Copy(io.Discard, os.Stdin)
		fmt.Fprintln(os.Stderr, "pp: the callout on line 3 has no end")
		os.Exit(3)
	case "hang":
		time.Sleep(time.Hour)
	case "garbage":
		io.Copy(io.Discard, os.Stdin)
		fmt.Println("Processing... done")
		return
	case "flood":
		line := []byte(strings.Repeat("x", 1<<16))
		for {
			if _, err := os.Stdout.Write(line); err != nil {
				return
			}
		}
	}
	var pair []json.RawMessage
	if err := json.NewDecoder(os.Stdin).Decode(&pair); err != nil || len(pair) != 2 {
		fmt.Fprintf(os.Stderr, "pp: Unable to parse the input: %v\n", err)
		os.Exit(1)
	}
	var ctx struct {
		Root     string `json:"root"`
		Renderer string `json:"renderer"`
		Version  string `json:"mdbook_version"`
	}
	json.Unmarshal(pair[0], &ctx)
	if mode == "env" {
		logf("GODEBUG=%q parent GODEBUG=%q", os.Getenv("GODEBUG"), startedWith(os.Getppid(), "GODEBUG"))
	}
	logf("%s run renderer=%s mdbook_version=%s root=%s", strings.Join(args, " "), ctx.Renderer, ctx.Version, ctx.Root)
	var book map[string]any
	if err := json.Unmarshal(pair[1], &book); err != nil {
		fmt.Fprintf(os.Stderr, "pp: %v\n", err)
		os.Exit(1)
	}
	key := "items"
	if _, ok := book["items"]; !ok {
		key = "sections"
	}
	if mode == "v04" {
		if _, ok := book["sections"]; !ok {
			fmt.Fprintln(os.Stderr, "Error: Unable to parse the input\n\nCaused by:\n    missing field `sections` at line 1 column 9999")
			os.Exit(1)
		}
	}
	items, _ := book[key].([]any)
	walk(items, func(content string) string {
		switch mode {
		case "fence":
			return fence.ReplaceAllString(content, "<div class=\"warning\">\n\n$1\n</div>\n")
		case "append":
			return content + "\n\n" + strings.Join(args[1:], " ") + "\n"
		case "includes":
			return content + fmt.Sprintf("\n\nincludes seen: %d\n", strings.Count(content, "{{#include"))
		}
		return content
	})
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	enc.Encode(book)
}

var fence = regexp.MustCompile("(?ms)^```callout\n(.*?)^```\n")

func walk(items []any, f func(string) string) {
	for _, it := range items {
		m, ok := it.(map[string]any)
		if !ok {
			continue
		}
		ch, ok := m["Chapter"].(map[string]any)
		if !ok {
			continue
		}
		if c, ok := ch["content"].(string); ok && ch["path"] != nil {
			ch["content"] = f(c)
		}
		sub, _ := ch["sub_items"].([]any)
		walk(sub, f)
	}
}

// startedWith is the value of the variable in the environment process pid was started with,
// as Linux shows it; "" when it has none.
func startedWith(pid int, name string) string {
	b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/environ", pid))
	for _, kv := range strings.Split(string(b), "\x00") {
		if v, ok := strings.CutPrefix(kv, name+"="); ok {
			return v
		}
	}
	return ""
}

func logf(format string, a ...any) {
	name := os.Getenv("PP_LOG")
	if name == "" {
		return
	}
	f, err := os.OpenFile(name, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return
	}
	defer f.Close()
	fmt.Fprintf(f, format+"\n", a...)
}
