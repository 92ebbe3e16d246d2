// Package fonts names the typefaces bookc sets books in: the Go fonts (a humanist sans family and
// its monospaced companion, BSD-licensed, see https://go.dev/blog/go-fonts). Backends that embed
// fonts take their bytes from here; they must copy them before handing them to a library that
// writes into its input (fpdf does).
package fonts

import (
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/gomonobold"
	"golang.org/x/image/font/gofont/goregular"
)

// Face is one font file of the family.
type Face struct {
	Name         string // a stable name for file names and PDF font keys: "GoRegular"
	Family       string // "Go" or "Go Mono", as style sheets name it
	Bold, Italic bool
	TTF          []byte // TrueType data; shared, never modify
}

// The faces bookc uses.
var (
	Regular    = Face{"GoRegular", "Go", false, false, goregular.TTF}
	Bold       = Face{"GoBold", "Go", true, false, gobold.TTF}
	Italic     = Face{"GoItalic", "Go", false, true, goitalic.TTF}
	BoldItalic = Face{"GoBoldItalic", "Go", true, true, gobolditalic.TTF}
	Mono       = Face{"GoMono", "Go Mono", false, false, gomono.TTF}
	MonoBold   = Face{"GoMonoBold", "Go Mono", true, false, gomonobold.TTF}
)

// All lists the faces in a fixed order: regular, bold, italic, bold italic, mono, mono bold.
func All() []Face { return []Face{Regular, Bold, Italic, BoldItalic, Mono, MonoBold} }

// License is the Go fonts' licence text, to ship beside embedded copies.
const License = `Copyright (c) 2016 Bigelow & Holmes Inc.. All rights reserved.

Distribution of this font is governed by the following license. If you do not accept this license
terms, please do not distribute this font.

Redistribution and use in source and binary forms, with or without modification, are permitted
provided that the following conditions are met:

    * Redistributions of source code must retain the above copyright notice, this list of
      conditions and the following disclaimer.
    * Redistributions in binary form must reproduce the above copyright notice, this list of
      conditions and the following disclaimer in the documentation and/or other materials provided
      with the distribution.
    * Neither the name of the copyright holder nor the names of its contributors may be used to
      endorse or promote products derived from this software without specific prior written
      permission.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY EXPRESS OR
IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND
FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR
CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE,
DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER
IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF
THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
`
