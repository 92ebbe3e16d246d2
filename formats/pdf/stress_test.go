package pdf

import (
	"fmt"
	"strings"
	"sync"

	"bookc/builder/tree"
	"bookc/builder/tree/sample"
)

// prose is English text for long paragraphs: the hyphenator and the line breaker need real words.
const prose = `Every node in the cluster runs the same minimal operating system, which boots from a signed
image, measures itself into the trusted platform module and then joins the control plane through an
encrypted, mutually authenticated connection. Operators never log into individual machines; instead
they describe the desired configuration declaratively, and the curator reconciles the actual state
of the cluster towards it, continuously and idempotently. Because the system partitions are
immutable, an upgrade replaces the whole image atomically, and a failed upgrade rolls back without
manual intervention. Networking between workloads is established by an overlay that encrypts traffic
transparently, while storage is provisioned from local disks that are encrypted with keys sealed to
the measured boot state. Administrators should nevertheless understand the responsibilities of each
component, the failure domains of their deployment and the consequences of losing a quorum of
consensus members, particularly when nodes are distributed across geographically separated sites.`

var words = strings.Fields(prose)

func txt(s string) *tree.Text { return &tree.Text{Text: s} }

// sentence returns n words of prose starting at word k.
func sentence(k, n int) string {
	out := make([]string, n)
	for i := range out {
		out[i] = words[(k+i)%len(words)]
	}
	return strings.Join(out, " ")
}

var bigPNG = sync.OnceValue(func() []byte { return sample.PNG(900, 2600) })

// stressBook is the sample book plus n generated chapters with everything that tends to break a
// page: long paragraphs, URLs and code lines, a 200-row table, a wide table, a huge image, footnotes,
// nested lists. About eight pages per chapter.
func stressBook(n int) *tree.Book {
	b := sample.Book()
	part := &tree.Part{Title: "Stress"}
	for c := 1; c <= n; c++ {
		part.Chapters = append(part.Chapters, stressChapter(c, n))
	}
	b.Parts = append(b.Parts, part)
	return b
}

func stressChapter(c, n int) *tree.Chapter {
	id := fmt.Sprintf("stress-%d", c)
	next := fmt.Sprintf("stress-%d", c%n+1)
	para := func(k int) *tree.Paragraph {
		return &tree.Paragraph{Content: tree.Inlines{
			txt(sentence(k, 60) + " "), &tree.Emphasis{Content: tree.Inlines{txt(sentence(k+60, 5))}},
			txt(" " + sentence(k+65, 30) + ", see "),
			&tree.XRef{Chapter: next, Anchor: next + "-s2", Content: tree.Inlines{txt(fmt.Sprintf("Section 2 of chapter %d", c%n+1))}},
			txt(" and run "), &tree.Code{Text: "metroctl cluster describe --output=json"},
			txt(" " + sentence(k+95, 40) + "."),
		}}
	}
	var blocks tree.Blocks
	blocks = append(blocks, &tree.Heading{Level: 1, ID: id + "-title", Content: tree.Inlines{txt(fmt.Sprintf("Stress chapter %d", c))}})
	for s := 1; s <= 2; s++ {
		blocks = append(blocks, &tree.Heading{Level: 2, ID: fmt.Sprintf("%s-s%d", id, s), Content: tree.Inlines{txt(fmt.Sprintf("Section %d of chapter %d", s, c))}})
		for p := 0; p < 7; p++ {
			blocks = append(blocks, para(c*31+s*7+p*13))
		}
	}
	blocks = append(blocks,
		&tree.Paragraph{Content: tree.Inlines{txt("The archive lives at "),
			&tree.Link{URL: "https://downloads.example.com/metropolis/releases/v0.1.0-rc.3/artifacts/node_image_x86_64-linux-gnu_with_debug_symbols.tar.zst", Content: tree.Inlines{txt("https://downloads.example.com/metropolis/releases/v0.1.0-rc.3/artifacts/node_image_x86_64-linux-gnu_with_debug_symbols.tar.zst")}},
			txt(" and its identifier is "), &tree.Code{Text: "io.metropolis.node.core.curator.proto.api.CuratorLocalServiceClient.WatchNodesInClusterWithFilters"},
			txt(", a note"), &tree.FootnoteRef{Number: 1, ID: id + "-fn1"}, txt(" follows.")}},
		sample.Code("go", strings.Repeat("func reconcile(ctx context.Context, desired, actual *ClusterState, opts ...ReconcileOption) (changed bool, err error) { return applyDiff(ctx, computeDiff(desired, actual), opts...) }\n\tlog.Printf(\"%s\", \"x\")\n", 12)+"// end"),
		&tree.List{Items: []*tree.ListItem{
			{Blocks: tree.Blocks{&tree.Paragraph{Content: tree.Inlines{txt(sentence(c, 25))}},
				&tree.List{Ordered: true, Start: 1, Items: []*tree.ListItem{
					{Blocks: tree.Blocks{&tree.Paragraph{Content: tree.Inlines{txt(sentence(c+3, 18))}},
						&tree.List{Items: []*tree.ListItem{{Task: tree.Checked, Blocks: tree.Blocks{&tree.Paragraph{Content: tree.Inlines{txt(sentence(c+9, 12))}}}}}}}},
				}}}},
			{Blocks: tree.Blocks{&tree.Paragraph{Content: tree.Inlines{txt(sentence(c+5, 30))}}}},
		}},
		&tree.Admonition{Kind: tree.Caution, Blocks: tree.Blocks{para(c + 2), &tree.CodeBlock{Text: "metroctl node decommission " + strings.Repeat("node-", 30)}}},
	)
	if c%3 == 0 {
		blocks = append(blocks, &tree.Figure{Image: &tree.Image{Src: "big.png", Alt: "A tall image",
			Asset: &tree.Asset{Name: "images/big.png", MediaType: "image/png", Width: 900, Height: 2600, Data: bigPNG()}},
			Caption: tree.Inlines{txt("A tall image, scaled down to fit")}})
	}
	if c%4 == 1 {
		blocks = append(blocks, wideTable())
	}
	if c == 2 {
		blocks = append(blocks, longTable(200))
	}
	return &tree.Chapter{ID: id, Title: fmt.Sprintf("Stress chapter %d", c), Number: tree.Number{10 + c}, Source: "src/" + id + ".md",
		Blocks: blocks,
		Footnotes: []*tree.Footnote{{Number: 1, ID: id + "-fn1", Blocks: tree.Blocks{&tree.Paragraph{Content: tree.Inlines{
			txt("Footnote text of chapter " + fmt.Sprint(c) + ": " + sentence(c, 30))}}}}},
	}
}

func longTable(rows int) *tree.Table {
	t := &tree.Table{Align: []tree.Align{tree.AlignLeft, tree.AlignRight, tree.AlignNone},
		Header: []tree.Inlines{{txt("Node")}, {txt("Port")}, {txt("Role")}}}
	for i := 0; i < rows; i++ {
		t.Rows = append(t.Rows, []tree.Inlines{{txt(fmt.Sprintf("node-%03d", i))}, {txt(fmt.Sprint(7000 + i))}, {txt(sentence(i, 1+i%9))}})
	}
	return t
}

func wideTable() *tree.Table {
	t := &tree.Table{}
	for i := 0; i < 9; i++ {
		t.Align = append(t.Align, tree.AlignNone)
		t.Header = append(t.Header, tree.Inlines{txt(fmt.Sprintf("Column %d heading", i))})
	}
	for r := 0; r < 4; r++ {
		var row []tree.Inlines
		for i := 0; i < 9; i++ {
			row = append(row, tree.Inlines{txt(sentence(r*9+i, 6)), &tree.Code{Text: "/var/lib/metropolis/data"}})
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
