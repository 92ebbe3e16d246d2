package epub

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"runtime"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"bookc/formats"
	"bookc/formats/memo"
)

const containerXML = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
`

// entry is a file compressed for the archive.
type entry struct {
	name   string
	method uint16
	body   []byte // as stored in the archive
	crc    uint32
	size   int // uncompressed
}

// pack writes the OCF container: the mimetype entry first and stored, as readers sniff it, then the
// container file, the package document and the files in the order given. Every entry carries the
// book's date in the plain DOS fields only: the extended-time field would put an extra field on the
// mimetype entry, which OCF forbids, and a clock or time zone into the bytes.
//
// It gives the archive in pieces (formats.File.Parts): the headers archive/zip writes, and between
// them each entry's compressed body as it is, not copied again into one buffer beside the
// entries, which would hold a big book's archive in memory twice.
func pack(date time.Time, opf []byte, files []packed, streams *memo.Bytes) ([][]byte, error) {
	all := append([]packed{
		{path: "mimetype", data: []byte("application/epub+zip"), stored: true},
		{path: "META-INF/container.xml", data: []byte(containerXML)},
		{path: "EPUB/package.opf", data: opf},
	}, files...)
	entries := compress(all, streams)
	var out recorder
	zw := zip.NewWriter(&out)
	dosDate, dosTime := dosTimestamp(date)
	for _, e := range entries {
		// The MS-DOS date fields, not Modified: Modified adds an extra field to every entry, and
		// the mimetype entry must have none.
		//lint:ignore SA1019 deprecated fields chosen on purpose, see above
		h := &zip.FileHeader{Name: e.name, Method: e.method, ModifiedDate: dosDate, ModifiedTime: dosTime,
			CreatorVersion: 20, ReaderVersion: 20, CRC32: e.crc,
			CompressedSize64: uint64(len(e.body)), UncompressedSize64: uint64(e.size)}
		w, err := zw.CreateRaw(h)
		if err == nil {
			err = zw.Flush() // the header: then the body reaches out as it is, unbuffered, if it is large
		}
		if err == nil {
			out.body = e.body
			_, err = w.Write(e.body)
		}
		if err != nil {
			return nil, fmt.Errorf("epub: packaging %s: %w", e.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("epub: packaging: %w", err)
	}
	return out.Done(), nil
}

// recorder keeps what archive/zip writes as the file's parts: a write that is the body of the
// entry being written as it is, anything else (headers, small bodies, which zip's buffer passes
// on in writes of its own) copied, as zip writes its buffer again.
type recorder struct {
	formats.Pieces
	body []byte // the body of the entry being written
}

func (r *recorder) Write(b []byte) (int, error) {
	if len(b) > 0 && len(b) == len(r.body) && &b[0] == &r.body[0] {
		r.Add(b)
	} else {
		r.Copy(b)
	}
	return len(b), nil
}

// compress makes the archive entries of the files, deflating those that are not stored and not
// deflated already (packed.entry), on every core: it is the costliest step after highlighting.
func compress(files []packed, streams *memo.Bytes) []entry {
	entries := make([]entry, len(files))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, f := range files {
		if f.entry != nil {
			entries[i] = *f.entry
			continue
		}
		g.Go(func() error {
			entries[i] = deflate(f, streams)
			return nil
		})
	}
	g.Wait() // deflating fails on nothing
	return entries
}

// compressors keeps compressors between files, as a new one allocates a megabyte.
var compressors = sync.Pool{New: func() any {
	// The fastest level: far less CPU time for a package a few per cent larger (handbook: +4%).
	fw, _ := flate.NewWriter(nil, flate.BestSpeed) // a valid level: no error
	return fw
}}

// deflate makes a file's archive entry, compressed unless it is stored. streams keeps what other
// editions have compressed, as most of an abridged edition's chapters are the full book's.
func deflate(f packed, streams *memo.Bytes) entry {
	e := entry{name: f.path, method: zip.Store, body: f.data, crc: crc32.ChecksumIEEE(f.data), size: len(f.data)}
	if !f.stored {
		e.method, e.body = zip.Deflate, streams.Do(f.data, deflated)
	}
	return e
}

// deflated is data compressed. A flate writer fails only when what it writes to does, and a
// bytes.Buffer takes every write.
func deflated(data []byte) []byte {
	var out bytes.Buffer
	fw := compressors.Get().(*flate.Writer)
	defer compressors.Put(fw)
	fw.Reset(&out)
	fw.Write(data)
	fw.Close()
	return out.Bytes()
}

// dosTimestamp is t in UTC as MS-DOS date and time, clamped to the years DOS can count (1980-2107).
func dosTimestamp(t time.Time) (date, tod uint16) {
	t = t.UTC()
	switch {
	case t.Year() < 1980:
		t = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	case t.Year() > 2107:
		t = time.Date(2107, 12, 31, 23, 59, 58, 0, time.UTC)
	}
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	tod = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, tod
}
