package draw

import (
	"bytes"
	"compress/zlib"
	_ "embed"
	"fmt"
	"sync"
)

// A PDF that archives take (PDF/A-2u, ISO 19005-2, level U: every glyph maps to Unicode) is a
// PDF/UA-1 file, as every bookc PDF is, with three things more: an output intent that says in
// which colour space its DeviceRGB and DeviceGray are meant (sRGB), metadata that claims the part
// and level, and an extension schema describing pdfuaid, which XMP does not predefine. What
// PDF/A-2 also asks of every file (fonts embedded, a trailer ID, dates with their zone, no
// embedded files, no CMYK without a CMYK profile) every bookc PDF does anyway.

// sRGB is the profile of the output intent: ICC v2, 7 KB (icc/LICENSE).
//
//go:embed icc/sRGB.icc
var sRGB []byte

// sRGBName is the output condition, as the ICC's registry names it.
const sRGBName = "sRGB IEC61966-2.1"

// outputIntent is the catalog's entry for the output intent, whose profile is object icc.
// (fpdf's AddOutputIntent numbers the information dictionary wrongly.)
func outputIntent(icc int) []byte {
	return fmt.Appendf(nil, "/OutputIntents [<</Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (%s) /RegistryName (http://www.color.org) /Info (%s) /DestOutputProfile %d 0 R>>]\n",
		sRGBName, sRGBName, icc)
}

// profile is the output intent's profile object, compressed once per process.
var profile = sync.OnceValue(func() appended {
	var b bytes.Buffer
	z := zlib.NewWriter(&b)
	z.Write(sRGB)
	z.Close()
	return appended{dict: fmt.Appendf(nil, "<</N 3 /Filter /FlateDecode /Length %d>>", b.Len()), stream: b.Bytes()}
})

// archivalXMP is what the metadata says of PDF/A: its identification, and the schema of pdfuaid
// (ISO 19005-2, 6.6.2.3: properties of schemas XMP does not predefine are described in the file).
const archivalXMP = `<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<pdfaid:part>2</pdfaid:part>
<pdfaid:conformance>U</pdfaid:conformance>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>The part of ISO 14289 the file conforms to</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
`
