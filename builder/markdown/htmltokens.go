package markdown

import (
	"bytes"
	"io"
	"strings"

	nethtml "golang.org/x/net/html"
)

// htmlTokens reads the chapter's pieces of raw HTML with one HTML5 tokenizer: a tokenizer costs a
// 4 kB buffer, and one per inline tag made tag-heavy chapters slow. Each piece is served followed
// by a marker comment, and the tokenizer reads only what it needs, so it never reads past the piece
// it is given: after the marker it stands where a new tokenizer would. A piece that leaves it inside
// a quoted attribute, a comment or a script swallows the marker or reaches the end of what it is
// served; that piece's tokenizer is then dropped, and the next piece gets a new one.
type htmlTokens struct {
	z *nethtml.Tokenizer
	r pieceReader
}

const pieceEnd = "<!--bookc:piece-end-->"

type pieceReader struct{ data string }

func (r *pieceReader) Read(p []byte) (int, error) {
	if r.data == "" {
		return 0, io.EOF
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

// tokens calls f for each token of raw, with the number of newlines the token holds.
func (t *htmlTokens) tokens(raw string, f func(tt nethtml.TokenType, tok nethtml.Token, newlines int)) {
	if strings.Contains(raw, pieceEnd) { // the marker would end the piece early: a tokenizer of its own
		z := nethtml.NewTokenizer(strings.NewReader(raw))
		for tt := z.Next(); tt != nethtml.ErrorToken; tt = z.Next() {
			nl := bytes.Count(z.Raw(), []byte("\n"))
			f(tt, z.Token(), nl)
		}
		return
	}
	if t.z == nil {
		t.z = nethtml.NewTokenizer(&t.r)
	}
	t.r.data = raw + pieceEnd
	for {
		tt := t.z.Next()
		if tt == nethtml.ErrorToken {
			t.z = nil
			return
		}
		rawTok := t.z.Raw()
		nl := bytes.Count(rawTok, []byte("\n"))
		i := bytes.Index(rawTok, []byte(pieceEnd))
		if i == 0 && len(rawTok) == len(pieceEnd) {
			return // the marker itself: the piece is read
		}
		tok := t.z.Token()
		if i >= 0 { // swallowed by an unclosed comment or script: the token without it, and a new tokenizer
			tok.Data, _, _ = strings.Cut(tok.Data, pieceEnd)
			t.z, t.r.data = nil, ""
			f(tt, tok, nl)
			return
		}
		f(tt, tok, nl)
	}
}
