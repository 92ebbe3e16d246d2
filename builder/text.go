package builder

import (
	"bytes"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"bookc/builder/diag"
)

// decodeText turns a chapter file's bytes into UTF-8 text. UTF-16 with a byte-order mark is
// converted, invalid UTF-8 is replaced (with a warning), and binary files are refused.
func decodeText(file string, data []byte) (string, diag.List) {
	var ds diag.List
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		ds.Add(diag.Notef(file, 0, "file is UTF-16; it was read as such (save it as UTF-8 for mdBook)"))
		return utf16Text(data), ds
	}
	if bytes.IndexByte(data, 0) >= 0 {
		ds.Add(diag.Errorf(file, 0, "file looks binary (it contains NUL bytes), so it is left out; list a Markdown file in SUMMARY.md"))
		return "", ds
	}
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
		ds.Add(diag.Warnf(file, line, "invalid UTF-8; bad bytes are shown as U+FFFD (save the file as UTF-8)"))
		return strings.ToValidUTF8(string(data), "\uFFFD"), ds
	}
	return string(data), ds
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

func utf16Text(data []byte) string {
	big := data[0] == 0xFE
	data = data[2:]
	u := make([]uint16, len(data)/2)
	for i := range u {
		if big {
			u[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			u[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
		}
	}
	return string(utf16.Decode(u))
}
