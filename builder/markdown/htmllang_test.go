package markdown

import (
	"strings"
	"testing"
)

// TestHTMLLang carries raw HTML's lang and dir into the tree: a Lang around an inline element's
// content, and around the whole content of each block inside a block element.
func TestHTMLLang(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"span lang", `Tokyo is <span lang="ja">東京</span>.`,
			`[{"type":"Paragraph","content":[{"type":"Text","text":"Tokyo is "},{"type":"Lang","lang":"ja","content":[{"type":"Text","text":"東京"}]},{"type":"Text","text":"."}]}]`},
		{"span without lang passes its content", `a <span class="x">b</span> c`,
			`[{"type":"Paragraph","content":[{"type":"Text","text":"a b c"}]}]`},
		{"bdi dir, Markdown inside", `see <bdi dir="rtl">*שלום*</bdi>`,
			`[{"type":"Paragraph","content":[{"type":"Text","text":"see "},{"type":"Lang","dir":"rtl","content":[{"type":"Emphasis","content":[{"type":"Text","text":"שלום"}]}]}]}]`},
		{"b lang keeps its meaning", `<b lang="fr">oui</b>`,
			`[{"type":"Paragraph","content":[{"type":"Lang","lang":"fr","content":[{"type":"Strong","content":[{"type":"Text","text":"oui"}]}]}]}]`},
		{"a href lang", `<a href="https://x.org" lang="de">Haus</a>`,
			`[{"type":"Paragraph","content":[{"type":"Lang","lang":"de","content":[{"type":"Link","url":"https://x.org","content":[{"type":"Text","text":"Haus"}]}]}]}]`},
		{"p lang dir", `<p lang="he" dir="rtl">שלום עולם</p>`,
			`[{"type":"Paragraph","content":[{"type":"Lang","lang":"he","dir":"rtl","content":[{"type":"Text","text":"שלום עולם"}]}]}]`},
		{"dir in any case", `<p dir="RTL">مرحبا</p>`,
			`[{"type":"Paragraph","content":[{"type":"Lang","dir":"rtl","content":[{"type":"Text","text":"مرحبا"}]}]}]`},
		{"heading lang, id from its text", `<h2 lang="de">Straße</h2>`,
			`[{"type":"Heading","level":2,"id":"straße","content":[{"type":"Lang","lang":"de","content":[{"type":"Text","text":"Straße"}]}]}]`},
		{"div lang over Markdown blocks", "<div lang=\"de\">\n\n## Titel\n\nEin *Satz*.\n\n- eins\n\n```\ncode\n```\n\n</div>",
			`[{"type":"Heading","level":2,"id":"titel","content":[{"type":"Lang","lang":"de","content":[{"type":"Text","text":"Titel"}]}]},{"type":"Paragraph","content":[{"type":"Lang","lang":"de","content":[{"type":"Text","text":"Ein "},{"type":"Emphasis","content":[{"type":"Text","text":"Satz"}]},{"type":"Text","text":"."}]}]},{"type":"List","tight":true,"items":[{"blocks":[{"type":"Paragraph","content":[{"type":"Lang","lang":"de","content":[{"type":"Text","text":"eins"}]}]}]}]},{"type":"CodeBlock","text":"code"}]`},
		{"nested passages merge, the inner one first", "<div dir=\"rtl\" lang=\"ar\">\n<p lang=\"fa\">سلام</p>\n</div>",
			`[{"type":"Paragraph","content":[{"type":"Lang","lang":"fa","dir":"rtl","content":[{"type":"Text","text":"سلام"}]}]}]`},
		{"warning div keeps its kind", "<div class=\"warning\" lang=\"fr\">\n\nAttention.\n\n</div>",
			`[{"type":"Admonition","kind":"warning","blocks":[{"type":"Paragraph","content":[{"type":"Lang","lang":"fr","content":[{"type":"Text","text":"Attention."}]}]}]}]`},
		{"blockquote and list items", "<blockquote lang=\"ru\"><ul><li lang=\"uk\">Київ</li><li>Москва</li></ul></blockquote>",
			`[{"type":"Quote","blocks":[{"type":"List","tight":true,"items":[{"blocks":[{"type":"Paragraph","content":[{"type":"Lang","lang":"uk","content":[{"type":"Text","text":"Київ"}]}]}]},{"blocks":[{"type":"Paragraph","content":[{"type":"Lang","lang":"ru","content":[{"type":"Text","text":"Москва"}]}]}]}]}]}]`},
		{"table cells", "<table lang=\"el\"><tr><th>Α</th><td dir=\"ltr\">β</td></tr></table>",
			`[{"type":"Table","align":[0,0],"header":null,"rows":[[[{"type":"Lang","lang":"el","content":[{"type":"Text","text":"Α"}]}],[{"type":"Lang","lang":"el","dir":"ltr","content":[{"type":"Text","text":"β"}]}]]]}]`},
		{"figure caption", "<figure lang=\"ja\">\n<img src=\"f.png\" alt=\"図\">\n<figcaption>猫</figcaption>\n</figure>",
			`[{"type":"Figure","image":{"src":"f.png","alt":"図","file":"ch.md","line":2,"asset":{"name":"images/f.png","media_type":"image/png"}},"caption":[{"type":"Lang","lang":"ja","content":[{"type":"Text","text":"猫"}]}]}]`},
		{"details summary", "<details lang=\"ko\">\n<summary>요약</summary>\n\n내용\n\n</details>",
			`[{"type":"Details","summary":[{"type":"Lang","lang":"ko","content":[{"type":"Text","text":"요약"}]}],"blocks":[{"type":"Paragraph","content":[{"type":"Lang","lang":"ko","content":[{"type":"Text","text":"내용"}]}]}]}]`},
		{"div lang inside a paragraph holds inline content", `Text <div lang="hi">नमस्ते</div> more`,
			`[{"type":"Paragraph","content":[{"type":"Text","text":"Text "},{"type":"Lang","lang":"hi","content":[{"type":"Text","text":"नमस्ते"}]},{"type":"Text","text":" more"}]}]`},
		{"unknown element with lang keeps its text in the passage", `a <mark lang="th">ภาษาไทย</mark>`,
			`[{"type":"Paragraph","content":[{"type":"Text","text":"a "},{"type":"Lang","lang":"th","content":[{"type":"Text","text":"ภาษาไทย"}]}]}]`},
		{"empty lang says nothing", `<span lang="">x</span>`,
			`[{"type":"Paragraph","content":[{"type":"Text","text":"x"}]}]`},
		{"bad values are left out", `<span lang="en_US" dir="up">x</span> <span lang="123">y</span>`,
			`[{"type":"Paragraph","content":[{"type":"Text","text":"x y"}]}]`},
		{"a tag with a region and script", `<span lang="zh-Hant-TW">臺灣</span>`,
			`[{"type":"Paragraph","content":[{"type":"Lang","lang":"zh-Hant-TW","content":[{"type":"Text","text":"臺灣"}]}]}]`},
		{"footnote reference inside", "<span lang=\"es\">hola[^1]</span>\n\n[^1]: nota",
			`[{"type":"Paragraph","content":[{"type":"Lang","lang":"es","content":[{"type":"Text","text":"hola"},{"type":"FootnoteRef","number":1,"id":"fn-ch-1"}]}]}]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := convert(t, tt.in)
			if got := js(t, r.Blocks); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestHTMLLangDiagnostics names each bad value once a chapter, with its line.
func TestHTMLLangDiagnostics(t *testing.T) {
	r := convert(t, "<span lang=\"en_US\">a</span>\n\n<p dir=\"up\">b</p>\n\n<span lang=\"en_US\">c</span> <span lang=\"de\">ok</span>")
	var got []string
	for _, d := range r.Diags {
		got = append(got, d.String())
	}
	want := `ch.md:1: warning: lang="en_US" of raw HTML <span> is ignored: it is not a BCP 47 language tag such as "ja", "he" or "pt-BR"` + "\n" +
		`ch.md:3: warning: dir="up" of raw HTML <p> is ignored: it is not "ltr", "rtl" or "auto"`
	if strings.Join(got, "\n") != want {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
}
