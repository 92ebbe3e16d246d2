package shape

import "github.com/go-text/typesetting/language"

// clusterScript is the script of a grapheme cluster: that of its first character with a script
// of its own, or Common when all are Common or Inherited (spaces, digits, punctuation, marks).
func clusterScript(cluster []rune) language.Script {
	for _, r := range cluster {
		if r < 0x80 { // most of a book: no table search
			if 'a' <= r|0x20 && r|0x20 <= 'z' {
				return language.Latin
			}
			continue
		}
		if s := language.LookupScript(r); s.Strong() && s != language.Unknown {
			return s
		}
	}
	return language.Common
}

// resolveScripts gives Common clusters the script around them (UAX #24's usual resolution):
// the script before them, or at the start of the paragraph the first one after. Paired
// brackets get no special matching.
func resolveScripts(scripts []language.Script) {
	prev := language.Script(0)
	for i, s := range scripts {
		if s == language.Common && prev != 0 {
			scripts[i] = prev
		} else if s != language.Common {
			prev = s
		}
	}
	first := language.Common
	for _, s := range scripts {
		if s != language.Common {
			first = s
			break
		}
	}
	for i := 0; i < len(scripts) && scripts[i] == language.Common; i++ {
		scripts[i] = first
	}
}
