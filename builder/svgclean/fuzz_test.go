package svgclean

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"strings"
	"testing"
)

// FuzzClean: Clean never panics, and what it returns is well-formed, cleans to itself and holds
// nothing it removes.
func FuzzClean(f *testing.F) {
	for _, path := range inputs(f) {
		in, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(in)
	}
	for _, tc := range hostile {
		f.Add([]byte(tc.in))
	}
	f.Add([]byte(billionLaughs))
	f.Fuzz(func(t *testing.T, in []byte) {
		out, _, err := Clean(in)
		if err != nil {
			return
		}
		if problem := unsafe(out); problem != "" {
			t.Fatalf("%s in\n%s", problem, out)
		}
		again, removed, err := Clean(out)
		if err != nil || len(removed) > 0 || !bytes.Equal(again, out) {
			t.Fatalf("cleaning again: %v, removed %q:\n%s\n%s", err, removed, out, again)
		}
	})
}

// unsafe reads an output with the namespace-aware decoder and says what it finds that may not be
// there, or "" when nothing.
func unsafe(out []byte) string {
	for _, s := range []string{"<script", "<!DOCTYPE", "<!ENTITY", "<?", "<!--"} {
		if bytes.Contains(out, []byte(s)) {
			return s
		}
	}
	if !bytes.HasPrefix(out, []byte(`<svg xmlns="http://www.w3.org/2000/svg"`)) {
		return "no <svg xmlns=... at the start"
	}
	dec := xml.NewDecoder(bytes.NewReader(out))
	inStyle := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return ""
		}
		if err != nil {
			return "not well-formed: " + err.Error()
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "script", "foreignObject", "a":
				return "element " + t.Name.Local
			}
			inStyle = t.Name.Local == "style"
			for _, a := range t.Attr {
				if p := badAttr(a); p != "" {
					return p
				}
			}
		case xml.EndElement:
			inStyle = false
		case xml.CharData:
			if inStyle && externalURL(string(t)) {
				return "url() in <style>: " + string(t)
			}
		}
	}
}

func badAttr(a xml.Attr) string {
	local := strings.ToLower(a.Name.Local)
	switch {
	case a.Name.Space == "" && strings.HasPrefix(local, "on"):
		return "event attribute " + a.Name.Local
	case local == "href" && !strings.HasPrefix(a.Value, "#") && !strings.HasPrefix(a.Value, "data:image/png;base64,") &&
		!strings.HasPrefix(a.Value, "data:image/jpeg;base64,") && !strings.HasPrefix(a.Value, "data:image/gif;base64,"):
		return "href " + a.Value
	case a.Name.Space == "" && externalURL(a.Value):
		return "url() in " + a.Name.Local + ": " + a.Value
	}
	return ""
}

// externalURL says whether CSS text has a url( to something but a fragment, or an @import.
func externalURL(css string) bool {
	l := strings.ToLower(css)
	if strings.Contains(l, "@import") || strings.Contains(l, `\`) {
		return true
	}
	for _, part := range strings.Split(l, "url(")[1:] {
		if !strings.HasPrefix(strings.TrimLeft(part, " \t\n\r\f'\""), "#") {
			return true
		}
	}
	return false
}
