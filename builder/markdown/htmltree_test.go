package markdown

import (
	"strings"
	"testing"
)

// TestHTMLTree converts raw HTML, as mdBook books write it, into the tree's own nodes.
func TestHTMLTree(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"img in p align=center", "<p align=\"center\">\n  <img src=\"l.png\" alt=\"Logo\">\n</p>", `[{"type":"Figure","image":{"src":"l.png","alt":"Logo","file":"ch.md","line":2,"asset":{"name":"images/l.png","media_type":"image/png"}}}]`},
		{"img in div", "<div>\n<img src=\"l.png\" alt=\"Logo\">\n</div>", `[{"type":"Figure","image":{"src":"l.png","alt":"Logo","file":"ch.md","line":2,"asset":{"name":"images/l.png","media_type":"image/png"}}}]`},
		{"img in a", "<a href=\"https://x.org\"><img src=\"l.png\" alt=\"Logo\"></a>", `[{"type":"Paragraph","content":[{"type":"Link","url":"https://x.org","content":[{"type":"Image","src":"l.png","alt":"Logo","file":"ch.md","line":1,"asset":{"name":"images/l.png","media_type":"image/png"}}]}]}]`},
		{"img in center", "<center><img src=\"l.png\"></center>", `[{"type":"Figure","image":{"src":"l.png","file":"ch.md","line":1,"asset":{"name":"images/l.png","media_type":"image/png"}}}]`},
		{"img in td", "<table><tr><td><img src=\"l.png\" alt=\"L\"></td><td>x</td></tr></table>", `[{"type":"Table","align":[0,0],"header":null,"rows":[[[{"type":"Image","src":"l.png","alt":"L","file":"ch.md","line":1,"asset":{"name":"images/l.png","media_type":"image/png"}}],[{"type":"Text","text":"x"}]]]}]`},
		{"img width in pixels", `<img src="l.png" width="300">`, `[{"type":"Figure","image":{"src":"l.png","file":"ch.md","line":1,"width":{"px":300},"asset":{"name":"images/l.png","media_type":"image/png"}}}]`},
		{"img width from style", `<img src="l.png" style="border: 0; width: 50%">`, `[{"type":"Figure","image":{"src":"l.png","file":"ch.md","line":1,"width":{"fraction":0.5},"asset":{"name":"images/l.png","media_type":"image/png"}}}]`},
		{"> inside a quoted attribute", `<img src="l.png" alt="a > b" title="x>y">`, `[{"type":"Figure","image":{"src":"l.png","alt":"a \u003e b","title":"x\u003ey","file":"ch.md","line":1,"asset":{"name":"images/l.png","media_type":"image/png"}},"caption":[{"type":"Text","text":"x\u003ey"}]}]`},
		{"figure and figcaption", "<figure>\n<img src=\"f.png\" alt=\"Alt\">\n<figcaption>The <em>caption</em></figcaption>\n</figure>", `[{"type":"Figure","image":{"src":"f.png","alt":"Alt","file":"ch.md","line":2,"asset":{"name":"images/f.png","media_type":"image/png"}},"caption":[{"type":"Text","text":"The "},{"type":"Emphasis","content":[{"type":"Text","text":"caption"}]}]}]`},
		{"alt text is no caption", `<img src="f.png" alt="Alt">`, `[{"type":"Figure","image":{"src":"f.png","alt":"Alt","file":"ch.md","line":1,"asset":{"name":"images/f.png","media_type":"image/png"}}}]`},
		{"a Figure N paragraph captions the image before it", "![Alt](f.png)\n\nFigure 2: The cluster.", `[{"type":"Figure","image":{"src":"f.png","alt":"Alt","file":"ch.md","line":1,"asset":{"name":"images/f.png","media_type":"image/png"}},"caption":[{"type":"Text","text":"Figure 2: The cluster."}]}]`},
		{"anchors", "<a id=\"one\"></a>\n\nText <a name=\"two\"></a>and <span id=\"three\">span</span>.\n\n<div id=\"four\">\n\nIn a div.\n\n</div>", `[{"type":"Anchor","id":"one"},{"type":"Paragraph","content":[{"type":"Text","text":"Text "},{"type":"Anchor","id":"two"},{"type":"Text","text":"and "},{"type":"Anchor","id":"three"},{"type":"Text","text":"span."}]},{"type":"Anchor","id":"four"},{"type":"Paragraph","content":[{"type":"Text","text":"In a div."}]}]`},
		{"dl, dt with id, dd", "<dl>\n<dt id=\"t\">Term</dt>\n<dd>Its <b>definition</b></dd>\n<dd>Another</dd>\n</dl>", `[{"type":"DefinitionList","items":[{"term":[{"type":"Anchor","id":"t"},{"type":"Text","text":"Term"}],"definitions":[[{"type":"Paragraph","content":[{"type":"Text","text":"Its "},{"type":"Strong","content":[{"type":"Text","text":"definition"}]}]}],[{"type":"Paragraph","content":[{"type":"Text","text":"Another"}]}]]}]}]`},
		{"table with Markdown, pre and a list across blank lines", "<table>\n<tr><th>A</th><th>B</th></tr>\n<tr><td>\n\n**bold** text\n\n</td><td><pre>x := 1\ny := 2</pre></td></tr>\n<tr><td>\n\n- one\n- two\n\n</td><td>plain</td></tr>\n</table>", `[{"type":"Table","align":[0,0],"header":null,"rows":null,"header_cells":[[{"type":"Paragraph","content":[{"type":"Text","text":"A"}]}],[{"type":"Paragraph","content":[{"type":"Text","text":"B"}]}]],"body_cells":[[[{"type":"Paragraph","content":[{"type":"Strong","content":[{"type":"Text","text":"bold"}]},{"type":"Text","text":" text"}]}],[{"type":"CodeBlock","text":"x := 1\ny := 2"}]],[[{"type":"List","tight":true,"items":[{"blocks":[{"type":"Paragraph","content":[{"type":"Text","text":"one"}]}]},{"blocks":[{"type":"Paragraph","content":[{"type":"Text","text":"two"}]}]}]}],[{"type":"Paragraph","content":[{"type":"Text","text":"plain"}]}]]]}]`},
		{"inline table with thead", "<table><thead><tr><th align=\"right\">N</th><th>Name</th></tr></thead><tbody><tr><td>1</td><td><code>x</code></td></tr></tbody></table>", `[{"type":"Table","align":[3,0],"header":[[{"type":"Text","text":"N"}],[{"type":"Text","text":"Name"}]],"rows":[[[{"type":"Text","text":"1"}],[{"type":"Code","text":"x"}]]]}]`},
		{"details and summary", "<details>\n<summary>Show <b>more</b></summary>\n\nHidden *text*.\n\n</details>", `[{"type":"Details","summary":[{"type":"Text","text":"Show "},{"type":"Strong","content":[{"type":"Text","text":"more"}]}],"blocks":[{"type":"Paragraph","content":[{"type":"Text","text":"Hidden "},{"type":"Emphasis","content":[{"type":"Text","text":"text"}]},{"type":"Text","text":"."}]}]}]`},
		{"details without summary", "<details>\n\nHidden.\n\n</details>", `[{"type":"Details","blocks":[{"type":"Paragraph","content":[{"type":"Text","text":"Hidden."}]}]}]`},
		{"mdBook warning div", "<div class=\"warning\">\n\nMind the **gap**.\n\n</div>", `[{"type":"Admonition","kind":"warning","blocks":[{"type":"Paragraph","content":[{"type":"Text","text":"Mind the "},{"type":"Strong","content":[{"type":"Text","text":"gap"}]},{"type":"Text","text":"."}]}]}]`},
		{"kbd, sup, sub, br", "Press <kbd>Ctrl</kbd>+<kbd>C</kbd>: x<sup>2</sup>, H<sub>2</sub>O<br>next", `[{"type":"Paragraph","content":[{"type":"Text","text":"Press "},{"type":"Styled","kind":"keyboard","content":[{"type":"Text","text":"Ctrl"}]},{"type":"Text","text":"+"},{"type":"Styled","kind":"keyboard","content":[{"type":"Text","text":"C"}]},{"type":"Text","text":": x"},{"type":"Styled","kind":"superscript","content":[{"type":"Text","text":"2"}]},{"type":"Text","text":", H"},{"type":"Styled","kind":"subscript","content":[{"type":"Text","text":"2"}]},{"type":"Text","text":"O"},{"type":"LineBreak"},{"type":"Text","text":"next"}]}]`},
		{"blockquote, lists and pre with code", "<blockquote><ol start=\"3\"><li>a</li><li>b</li></ol></blockquote>\n\n<pre><code class=\"language-sh\">ls &amp;&amp; echo</code></pre>", `[{"type":"Quote","blocks":[{"type":"List","ordered":true,"start":3,"tight":true,"items":[{"blocks":[{"type":"Paragraph","content":[{"type":"Text","text":"a"}]}]},{"blocks":[{"type":"Paragraph","content":[{"type":"Text","text":"b"}]}]}]}]},{"type":"CodeBlock","lang":"sh","text":"ls \u0026\u0026 echo","tokens":[{"text":"ls "},{"class":"o","text":"\u0026\u0026"},{"text":" "},{"class":"nb","text":"echo"}]}]`},
		{"unknown elements keep their text", "<marquee>Old</marquee>\n\nA <marquee>second</marquee> and <u>under</u>.", `[{"type":"Paragraph","content":[{"type":"Text","text":"Old"}]},{"type":"Paragraph","content":[{"type":"Text","text":"A second and under."}]}]`},
		{"unclosed tags close at the container's end", "<div class=\"warning\">\n\nOpen **box**\n\n- <b>bold item", `[{"type":"Admonition","kind":"warning","blocks":[{"type":"Paragraph","content":[{"type":"Text","text":"Open "},{"type":"Strong","content":[{"type":"Text","text":"box"}]}]},{"type":"List","tight":true,"items":[{"blocks":[{"type":"Paragraph","content":[{"type":"Strong","content":[{"type":"Text","text":"bold item"}]}]}]}]}]}]`},
		{"stray end tags close nothing", "</div>\n\ntext</b> here\n\n</td></tr>", `[{"type":"Paragraph","content":[{"type":"Text","text":"text here"}]}]`},
		{"headings in HTML", "<h2 id=\"x\">An <i>HTML</i> heading</h2>\n<h3>Another</h3>", `[{"type":"Heading","level":2,"id":"x","content":[{"type":"Text","text":"An "},{"type":"Emphasis","content":[{"type":"Text","text":"HTML"}]},{"type":"Text","text":" heading"}]},{"type":"Heading","level":3,"id":"another","content":[{"type":"Text","text":"Another"}]}]`},
		{"media is left out", "<video src=\"v.mp4\">Your reader cannot play it</video>\n\nafter", `[{"type":"Paragraph","content":[{"type":"Text","text":"after"}]}]`},
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

// TestHTMLDiagnostics reports each flattened or dropped element once a chapter, with its line.
func TestHTMLDiagnostics(t *testing.T) {
	r := convert(t, "<marquee>a</marquee>\n\n<marquee>b</marquee> <u>c</u>\n\n<video>d</video> <script>e</script>")
	var got []string
	for _, d := range r.Diags {
		got = append(got, d.String())
	}
	want := "ch.md:1: warning: raw HTML <marquee> is kept as its text only: bookc has no such element in any format (write it in Markdown, or use <b>, <i>, <code>, <kbd>, <sup> or <sub>)\n" +
		"ch.md:3: warning: raw HTML <u> is kept as its text only: bookc has no such element in any format (write it in Markdown, or use <b>, <i>, <code>, <kbd>, <sup> or <sub>)\n" +
		"ch.md:5: warning: raw HTML <video> is left out with its content: a book cannot show it (use an image file or a link instead)"
	if strings.Join(got, "\n") != want {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
}
