package gitrepo

import (
	"bytes"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"path"
	"slices"
	"strings"
)

// Index is the set of paths a git index lists (Documentation/gitformat-index.txt).
type Index struct {
	paths []string        // every entry's path, sorted, once each; sparse directories end in "/"
	dirs  map[string]bool // the sparse-directory entries ("dir/"), whose contents are all tracked
}

// Has reports whether the index tracks the file at p, a clean slash-separated path relative to
// the work tree: p is an entry, or lies in a sparse directory entry. Anything not clean ("../x",
// "/x", "a//b", "a/") is never tracked, whatever the index says.
func (ix *Index) Has(p string) bool {
	if ix == nil || p == "" || p == "." || p == ".." || strings.HasPrefix(p, "/") ||
		strings.HasPrefix(p, "../") || path.Clean(p) != p {
		return false
	}
	if _, ok := slices.BinarySearch(ix.paths, p); ok {
		return true
	}
	for i := 0; i < len(p); i++ {
		if p[i] == '/' && ix.dirs[p[:i+1]] {
			return true
		}
	}
	return false
}

// Paths returns the index's paths, sorted, once each, sparse directories with a trailing "/":
// what `git ls-files --sparse` lists.
func (ix *Index) Paths() []string {
	if ix == nil {
		return nil
	}
	return slices.Clone(ix.paths)
}

// Layout of an index entry: 40 bytes of stat data (ctime, mtime, dev, ino, mode, uid, gid, size),
// the object's hash, 16 bits of flags, in version 3 and later optionally 16 more, then the name.
const (
	headerSize   = 12
	statSize     = 40
	modeOffset   = 24
	flagExtended = 0x4000
	nameMask     = 0x0fff
	// Of the extra flags, only skip-worktree and intent-to-add are defined; git refuses others.
	extraKnown = 0x6000
	modeType   = 0o170000
	modeDir    = 0o040000
	// minEntry is the smallest entry (SHA-1, v4, empty suffix): bounds what the count may claim.
	minEntry = statSize + sha1.Size + 2 + 2
	// expandFactor bounds the names version 4 prefix compression may expand to, as a multiple of
	// the file's size (plus expandSlack): real indexes stay far below it (a name costs at least
	// 64 bytes of entry, real paths are shorter than that on average), while a hostile index
	// repeating a long prefix would otherwise make memory grow as the square of its size.
	expandFactor = 8
	expandSlack  = 1 << 16
)

// ParseIndex parses the bytes of an index file of version 2, 3 or 4 in a repository whose object
// hashes are hashSize bytes long (20 for SHA-1, 32 for SHA-256). Entries of every stage count, so
// a file in a merge conflict is tracked. Optional extensions are skipped; a split index ("link")
// and unknown required extensions are errors. The trailing checksum is verified unless it is all
// zeros (index.skipHash). Errors name the entry or offset where the data went wrong.
func ParseIndex(data []byte, hashSize int) (*Index, error) {
	var sum hash.Hash
	switch hashSize {
	case sha1.Size:
		sum = sha1.New()
	case sha256.Size:
		sum = sha256.New()
	default:
		return nil, fmt.Errorf("index: hash size %d is neither %d (SHA-1) nor %d (SHA-256)", hashSize, sha1.Size, sha256.Size)
	}
	if len(data) < headerSize+hashSize {
		return nil, fmt.Errorf("index: %d bytes are too few for a header and checksum (%d)", len(data), headerSize+hashSize)
	}
	if string(data[:4]) != "DIRC" {
		return nil, fmt.Errorf("index: signature %q is not \"DIRC\": not a git index", data[:4])
	}
	version := binary.BigEndian.Uint32(data[4:])
	if version < 2 || version > 4 {
		return nil, fmt.Errorf("index: version %d is not supported (only 2, 3 and 4)", version)
	}
	count := uint64(binary.BigEndian.Uint32(data[8:]))
	end := len(data) - hashSize // entries and extensions end where the checksum starts
	if count > uint64(end-headerSize)/minEntry {
		return nil, fmt.Errorf("index: header claims %d entries, more than %d bytes can hold", count, end-headerSize)
	}
	ix := &Index{paths: make([]string, 0, count)}
	fixed := statSize + hashSize + 2 // bytes before the name (or the extra flags)
	budget := expandFactor*len(data) + expandSlack
	var prev []byte // version 4: the previous entry's name, which the next one starts from
	var empty error // the first entry without a name
	off := headerSize
	for i := range int(count) {
		fail := func(format string, args ...any) error {
			return fmt.Errorf("index: entry %d (at offset %d): %s", i, off, fmt.Sprintf(format, args...))
		}
		e := data[off:end]
		if len(e) < fixed {
			return nil, fail("truncated: %d bytes left, an entry needs at least %d", len(e), fixed+1)
		}
		mode := binary.BigEndian.Uint32(e[modeOffset:])
		flags := binary.BigEndian.Uint16(e[fixed-2:])
		nameAt := fixed
		if flags&flagExtended != 0 {
			if version < 3 {
				return nil, fail("extended flag set in a version %d index", version)
			}
			if len(e) < nameAt+2 {
				return nil, fail("extended flags run past the end of the entries")
			}
			if extra := binary.BigEndian.Uint16(e[nameAt:]); extra&^extraKnown != 0 {
				return nil, fail("unknown extended flags %#04x", extra)
			}
			nameAt += 2
		}
		stated := int(flags & nameMask) // the name's length, or nameMask for "that long or longer"
		rest := e[nameAt:]
		var name []byte
		var size int // the entry's bytes on disk
		if version == 4 {
			strip, n, ok := uvarint(rest)
			if !ok {
				return nil, fail("prefix length is not a valid varint")
			}
			if strip > uint64(len(prev)) {
				return nil, fail("strips %d bytes from a previous name of %d bytes", strip, len(prev))
			}
			rest = rest[n:]
			nul := bytes.IndexByte(rest, 0)
			if nul < 0 {
				return nil, fail("name runs past the end of the entries")
			}
			keep := len(prev) - int(strip)
			if budget -= keep + nul; budget < 0 {
				return nil, fail("prefix-compressed names expand to more than %d times the file's size", expandFactor)
			}
			prev = append(prev[:keep], rest[:nul]...)
			name = prev
			size = nameAt + n + nul + 1
		} else {
			nul := bytes.IndexByte(rest, 0)
			if nul < 0 {
				return nil, fail("name runs past the end of the entries")
			}
			name = rest[:nul]
			// The name is NUL-terminated and padded with 1 to 8 NULs to a multiple of 8 bytes.
			size = (nameAt + nul + 8) &^ 7
			if size > len(e) {
				return nil, fail("padding runs past the end of the entries")
			}
		}
		if len(name) == 0 {
			// Only a split index, whose "link" extension comes after the entries, has these
			// (entries replacing the shared index's); report which error applies once it is seen.
			if empty == nil {
				empty = fail("empty name")
			}
			off += size
			continue
		}
		if (stated < nameMask && len(name) != stated) || (stated == nameMask && len(name) < nameMask) {
			return nil, fail("name %q is %d bytes long, its flags say %d", trim(name), len(name), stated)
		}
		p := string(name)
		if mode&modeType == modeDir {
			// A sparse directory (sparse index): git writes its name with a trailing slash.
			if !strings.HasSuffix(p, "/") {
				p += "/"
			}
			if ix.dirs == nil {
				ix.dirs = map[string]bool{}
			}
			ix.dirs[p] = true
		}
		ix.paths = append(ix.paths, p)
		off += size
	}
	// Extensions: a 4-byte signature, a 32-bit size, the data. Upper-case ones are optional.
	for off < end {
		if end-off < 8 {
			return nil, fmt.Errorf("index: %d stray bytes after the entries at offset %d", end-off, off)
		}
		sig := string(data[off : off+4])
		size := uint64(binary.BigEndian.Uint32(data[off+4:]))
		if size > uint64(end-off-8) {
			return nil, fmt.Errorf("index: extension %q at offset %d: its %d bytes run past the end of the file", sig, off, size)
		}
		switch {
		case sig == "link":
			return nil, errors.New("index: split indexes (core.splitIndex, extension \"link\") are not supported; run `git update-index --no-split-index`")
		case sig == "sdir", sig[0] >= 'A' && sig[0] <= 'Z':
		default:
			return nil, fmt.Errorf("index: extension %q at offset %d is required but not understood", sig, off)
		}
		off += 8 + int(size)
	}
	if empty != nil {
		return nil, empty
	}
	if want := data[end:]; !allZero(want) {
		sum.Write(data[:end])
		if !bytes.Equal(sum.Sum(nil), want) {
			return nil, errors.New("index: checksum does not match the contents: the file is corrupt")
		}
	}
	slices.Sort(ix.paths)
	ix.paths = slices.Clip(slices.Compact(ix.paths)) // a conflicted file has an entry per stage
	return ix, nil
}

// uvarint decodes git's offset varint (varint.c): unlike LEB128, each continuation adds one, so
// every value has a single encoding. It fails on truncated or overflowing input.
func uvarint(b []byte) (v uint64, n int, ok bool) {
	if len(b) == 0 {
		return 0, 0, false
	}
	c := b[0]
	v, n = uint64(c&0x7f), 1
	for c&0x80 != 0 {
		if n == len(b) || v >= 1<<48 {
			return 0, 0, false
		}
		c = b[n]
		n++
		v = (v+1)<<7 | uint64(c&0x7f)
	}
	return v, n, true
}

func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

// trim shortens a name for an error message.
func trim(b []byte) string {
	if len(b) > 64 {
		return string(b[:64]) + "..."
	}
	return string(b)
}
