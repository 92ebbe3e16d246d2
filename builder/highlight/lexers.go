package highlight

// own is the lexer of this package for a language (lower-cased), or nil: the names are those that
// chroma's registry gives the same lexer for, its aliases and file extensions.
func own(lang string) func(*lexer) {
	switch lang {
	case "rust", "rs":
		return lexRust
	case "go", "golang":
		return lexGo
	case "bash", "sh", "ksh", "zsh", "shell":
		return lexBash
	case "console", "shell-session", "bash-session":
		return lexConsole
	case "toml":
		return lexTOML
	case "json":
		return lexJSON
	case "diff", "udiff", "patch":
		return lexDiff
	case "javascript", "js", "mjs", "cjs", "jsm":
		return lexJS
	case "yaml", "yml":
		return lexYAML
	case "python", "py", "sage", "python3", "py3", "starlark", "pyi", "pyw", "jy", "sc", "bzl", "star", "tac":
		return lexPython
	case "c", "h", "idc":
		return lexC
	}
	return nil
}
