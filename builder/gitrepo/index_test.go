package gitrepo

import (
	"bytes"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/binary"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// entry is an index entry for encode; only what the parser looks at.
type entry struct {
	name   string
	mode   uint32 // 0 means a regular file (0100644)
	stage  uint16
	extra  uint16 // v3+ extended flags (0x4000 skip-worktree, 0x2000 intent-to-add); sets the extended flag
	ext    bool   // set the extended flag even when extra is 0
	length int    // the name length written in the flags; 0 means the true one (capped at 0xfff)
}

// encode writes an index file as git does, with a valid checksum, so that each malformed case
// below differs from a valid file in just the thing it breaks.
func encode(version, hashSize int, ents []entry, extensions []byte) []byte {
	var b bytes.Buffer
	b.WriteString("DIRC")
	binary.Write(&b, binary.BigEndian, uint32(version))
	binary.Write(&b, binary.BigEndian, uint32(len(ents)))
	prev := ""
	for _, e := range ents {
		start := b.Len()
		stat := make([]byte, statSize)
		mode := e.mode
		if mode == 0 {
			mode = 0o100644
		}
		binary.BigEndian.PutUint32(stat[modeOffset:], mode)
		b.Write(stat)
		b.Write(bytes.Repeat([]byte{0xab}, hashSize))
		n := e.length
		if n == 0 {
			n = min(len(e.name), nameMask)
		}
		flags := uint16(n) | e.stage<<12
		if e.extra != 0 || e.ext {
			flags |= flagExtended
		}
		binary.Write(&b, binary.BigEndian, flags)
		if flags&flagExtended != 0 {
			binary.Write(&b, binary.BigEndian, e.extra)
		}
		if version == 4 {
			common := 0
			for common < len(prev) && common < len(e.name) && prev[common] == e.name[common] {
				common++
			}
			b.Write(putVarint(uint64(len(prev) - common)))
			b.WriteString(e.name[common:])
			b.WriteByte(0)
			prev = e.name
		} else {
			b.WriteString(e.name)
			b.WriteByte(0)
			for (b.Len()-start)%8 != 0 {
				b.WriteByte(0)
			}
		}
	}
	b.Write(extensions)
	return checksum(b.Bytes(), hashSize)
}

// checksum appends the hash of data, as the index's last bytes.
func checksum(data []byte, hashSize int) []byte {
	if hashSize == sha256.Size {
		s := sha256.Sum256(data)
		return append(data, s[:]...)
	}
	s := sha1.Sum(data)
	return append(data, s[:]...)
}

// putVarint is the inverse of uvarint (git's encode_varint).
func putVarint(v uint64) []byte {
	buf := []byte{byte(v & 0x7f)}
	for v >>= 7; v != 0; v >>= 7 {
		v--
		buf = append([]byte{0x80 | byte(v&0x7f)}, buf...)
	}
	return buf
}

func ext(sig string, data []byte) []byte {
	b := append([]byte(sig), 0, 0, 0, 0)
	binary.BigEndian.PutUint32(b[4:], uint32(len(data)))
	return append(b, data...)
}

func TestVarint(t *testing.T) {
	// Values around each byte boundary: git's encoding is not LEB128, so these catch a mix-up.
	for _, v := range []uint64{0, 1, 127, 128, 129, 16511, 16512, 1 << 20, 1<<48 - 1} {
		enc := putVarint(v)
		got, n, ok := uvarint(append(enc, 0xff))
		if !ok || got != v || n != len(enc) {
			t.Errorf("uvarint(%x) = %d, %d, %v; want %d, %d", enc, got, n, ok, v, len(enc))
		}
	}
	if got := putVarint(128); !bytes.Equal(got, []byte{0x80, 0x00}) {
		t.Errorf("putVarint(128) = %x, want 8000 (git's varint.c)", got)
	}
	for _, bad := range [][]byte{nil, {0x80}, {0xff, 0xff}, bytes.Repeat([]byte{0xff}, 9)} {
		if _, _, ok := uvarint(bad); ok {
			t.Errorf("uvarint(%x) ok, want failure", bad)
		}
	}
}

func TestParseIndex(t *testing.T) {
	long := strings.Repeat("d/", nameMask/2) + "long.txt" // longer than the 12-bit length field
	tests := []struct {
		name     string
		data     []byte
		hashSize int
		want     []string
	}{
		{"v2", encode(2, 20, []entry{{name: "a.md"}, {name: "src/b.md"}, {name: "src/c/d.md"}}, nil), 20,
			[]string{"a.md", "src/b.md", "src/c/d.md"}},
		// Names of lengths 0..8 mod 8 exercise the padding.
		{"v2 padding", encode(2, 20, []entry{{name: "a"}, {name: "ab"}, {name: "abcdefg"}, {name: "abcdefgh"}, {name: "abcdefghi"}}, nil), 20,
			[]string{"a", "ab", "abcdefg", "abcdefgh", "abcdefghi"}},
		{"v2 long name", encode(2, 20, []entry{{name: "a"}, {name: long}, {name: "z"}}, nil), 20,
			[]string{"a", long, "z"}},
		// A conflict has stages 1-3 for one path: tracked, once.
		{"v2 conflict", encode(2, 20, []entry{{name: "c.md", stage: 1}, {name: "c.md", stage: 2}, {name: "c.md", stage: 3}, {name: "d.md"}}, nil), 20,
			[]string{"c.md", "d.md"}},
		{"v3 extended", encode(3, 20, []entry{{name: "a.md"}, {name: "b.md", extra: 0x4000}, {name: "c.md", extra: 0x2000}, {name: "d.md", ext: true}}, nil), 20,
			[]string{"a.md", "b.md", "c.md", "d.md"}},
		{"v4", encode(4, 20, []entry{{name: "src/a.md"}, {name: "src/ab.md"}, {name: "src/b/c.md"}, {name: "x"}, {name: "xyz/w"}}, nil), 20,
			[]string{"src/a.md", "src/ab.md", "src/b/c.md", "x", "xyz/w"}},
		{"v4 extended", encode(4, 20, []entry{{name: "src/a.md", extra: 0x4000}, {name: "src/b.md"}}, nil), 20,
			[]string{"src/a.md", "src/b.md"}},
		{"v4 long name", encode(4, 20, []entry{{name: long}, {name: long + "2"}, {name: "e"}}, nil), 20,
			[]string{long, long + "2", "e"}},
		{"sha256 v2", encode(2, 32, []entry{{name: "a.md"}, {name: "b/c.md"}}, nil), 32, []string{"a.md", "b/c.md"}},
		{"sha256 v4", encode(4, 32, []entry{{name: "a.md"}, {name: "a/c.md", extra: 0x4000}}, nil), 32, []string{"a.md", "a/c.md"}},
		{"sparse dir", encode(3, 20, []entry{{name: "a.md"}, {name: "ex/", mode: modeDir, extra: 0x4000}}, ext("sdir", nil)), 20,
			[]string{"a.md", "ex/"}},
		{"optional extensions", encode(2, 20, []entry{{name: "a.md"}}, append(ext("TREE", []byte("junk")), ext("EOIE", make([]byte, 24))...)), 20,
			[]string{"a.md"}},
		{"no entries", encode(2, 20, nil, nil), 20, []string{}},
		// index.skipHash writes zeros instead of the checksum.
		{"zero checksum", append(encode(2, 20, []entry{{name: "a.md"}}, nil)[:headerSize+72], make([]byte, 20)...), 20, []string{"a.md"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix, err := ParseIndex(tt.data, tt.hashSize)
			if err != nil {
				t.Fatal(err)
			}
			if got := ix.Paths(); !slices.Equal(got, tt.want) {
				t.Errorf("Paths() = %q, want %q", got, tt.want)
			}
			for _, p := range tt.want {
				if !strings.HasSuffix(p, "/") && !ix.Has(p) {
					t.Errorf("Has(%q) = false", p)
				}
			}
		})
	}
}

func TestHas(t *testing.T) {
	ix, err := ParseIndex(encode(3, 20, []entry{
		{name: "a.md"}, {name: "ex/", mode: modeDir, extra: 0x4000}, {name: "src/b.md"}, {name: "../up"}, {name: "x//y"},
	}, nil), 20)
	if err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]bool{
		"a.md": true, "src/b.md": true,
		"ex/any/file.go": true, "ex/f": true, // in a sparse directory: tracked
		"ex": false, "ex/": false, "src": false, "src/": false, // folders are not files
		"b.md": false, "src/b.m": false, "src/b.md/x": false, "exx/f": false,
		// Unclean paths never match, even when the index lists them as such.
		"../up": false, "x//y": false, "./a.md": false, "/a.md": false, "": false, ".": false,
	} {
		if got := ix.Has(p); got != want {
			t.Errorf("Has(%q) = %v, want %v", p, got, want)
		}
	}
	var none *Index
	if none.Has("a.md") || none.Paths() != nil {
		t.Error("a nil Index tracks something")
	}
}

func TestParseIndexErrors(t *testing.T) {
	good := encode(2, 20, []entry{{name: "a.md"}, {name: "b.md"}}, nil)
	// rewrite returns good with its bytes changed by f, checksum fixed, so only f's change is wrong.
	rewrite := func(data []byte, f func(b []byte) []byte) []byte {
		b := f(slices.Clone(data[:len(data)-20]))
		return checksum(b, 20)
	}
	const second = headerSize + 72             // offset of good's second entry ("a.md" takes 62+4 bytes, padded to 72)
	const secondFlags = second + statSize + 20 // and of its flags
	// A v4 index whose names repeat a 60000-byte prefix: small on disk, gigabytes expanded.
	var hostile []entry
	prefix := strings.Repeat("p", 60000)
	for i := range 2000 {
		hostile = append(hostile, entry{name: prefix + string(rune('a'+i%2)), length: nameMask})
	}
	tests := []struct {
		name     string
		data     []byte
		hashSize int
		want     string
	}{
		{"empty", nil, 20, "too few"},
		{"bad hash size", good, 21, "hash size 21"},
		{"signature", rewrite(good, func(b []byte) []byte { b[0] = 'X'; return b }), 20, `signature "XIRC"`},
		{"version 1", rewrite(good, func(b []byte) []byte { b[7] = 1; return b }), 20, "version 1 is not supported"},
		{"version 5", rewrite(good, func(b []byte) []byte { b[7] = 5; return b }), 20, "version 5 is not supported"},
		{"count too large", rewrite(good, func(b []byte) []byte { binary.BigEndian.PutUint32(b[8:], 1<<31); return b }), 20, "claims 2147483648 entries"},
		{"count one too many", rewrite(good, func(b []byte) []byte { b[11] = 3; return b }), 20, "claims 3 entries"},
		{"truncated", good[:len(good)-30], 20, "header claims 2 entries, more than 114 bytes can hold"},
		{"truncated padding", good[:len(good)-4], 20, "entry 1 (at offset 84): padding runs past the end"},
		{"truncated entry", func() []byte {
			b := encode(2, 20, []entry{{name: strings.Repeat("x", 200)}, {name: "b.md"}}, nil)
			return b[:len(b)-40] // the second entry (at 12+264) keeps 32 of its 72 bytes, after 20 become the checksum
		}(), 20, "entry 1 (at offset 276): truncated: 32 bytes left"},
		{"truncated name", checksum(slices.Clone(good[:len(good)-20-6]), 20), 20, "entry 1 (at offset 84): name runs past the end"},
		{"name length", rewrite(good, func(b []byte) []byte { b[secondFlags+1] = 7; return b }), 20, "entry 1 (at offset 84): name \"b.md\" is 4 bytes long, its flags say 7"},
		{"long name too short", encode(2, 20, []entry{{name: "a.md", length: nameMask}}, nil), 20, "its flags say 4095"},
		{"extended in v2", encode(2, 20, []entry{{name: "a.md", ext: true}}, nil), 20, "entry 0 (at offset 12): extended flag set in a version 2 index"},
		{"unknown extended flags", encode(3, 20, []entry{{name: "a.md", extra: 0x0001}}, nil), 20, "unknown extended flags 0x0001"},
		{"empty name", encode(2, 20, []entry{{name: ""}}, nil), 20, "entry 0 (at offset 12): empty name"},
		{"v4 strip too much", rewrite(encode(4, 20, []entry{{name: "ab"}, {name: "ac"}}, nil), func(b []byte) []byte {
			b[headerSize+66+62] = 9 // the second entry's strip count (1) becomes 9 ("ab" took 62+1+3 bytes)
			return b
		}), 20, "entry 1 (at offset 78): strips 9 bytes from a previous name of 2 bytes"},
		{"v4 bad varint", rewrite(encode(4, 20, []entry{{name: "a"}}, nil), func(b []byte) []byte {
			return append(b[:headerSize+62], 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 'a', 0)
		}), 20, "prefix length is not a valid varint"},
		{"v4 no NUL", rewrite(encode(4, 20, []entry{{name: "abc"}}, nil), func(b []byte) []byte { return b[:len(b)-1] }), 20, "name runs past the end"},
		{"v4 expansion", encode(4, 20, hostile, nil), 20, "expand to more than 8 times"},
		{"stray bytes", rewrite(good, func(b []byte) []byte { return append(b, 1, 2, 3) }), 20, "3 stray bytes after the entries at offset 156"},
		{"extension past end", rewrite(good, func(b []byte) []byte { return append(b, ext("TREE", []byte("abc"))[:10]...) }), 20, "run past the end of the file"},
		{"extension size", rewrite(good, func(b []byte) []byte { return append(b, 'T', 'R', 'E', 'E', 0, 0, 1, 0) }), 20, `extension "TREE" at offset 156: its 256 bytes run past the end`},
		{"split index", encode(2, 20, []entry{{name: "a.md"}}, ext("link", make([]byte, 20))), 20, "split indexes"},
		{"required extension", encode(2, 20, []entry{{name: "a.md"}}, ext("abcd", nil)), 20, `extension "abcd" at offset 84 is required`},
		{"checksum", func() []byte { b := slices.Clone(good); b[20]++; return b }(), 20, "checksum does not match"},
		{"wrong hash size", encode(2, 32, []entry{{name: "a.md"}, {name: "b.md"}}, nil), 20, "index: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix, err := ParseIndex(tt.data, tt.hashSize)
			if err == nil {
				t.Fatalf("no error; paths %q", ix.Paths())
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not say %q", err, tt.want)
			}
		})
	}
	// The good file itself parses: the failures above are the mutations', not the encoder's.
	if _, err := ParseIndex(good, 20); err != nil {
		t.Fatal(err)
	}
}

// The files in testdata are indexes git 2.39 wrote (see TestTrackedGit for the repositories):
// v2 plain; v3 with skip-worktree and an intent-to-add file; v4 with skip-worktree; v4 with
// SHA-256; v3 with a sparse index (sparse-checkout of src/ in cone mode).
func TestTestdata(t *testing.T) {
	base := []string{".gitignore", "README.md", "dir with space/x.txt", "examples/a.go", "examples/b.go", "src/chapter.md", "src/chapter2.md"}
	tests := []struct {
		file     string
		version  byte
		hashSize int
		want     []string
	}{
		{"v2.index", 2, 20, base},
		{"v3.index", 3, 20, append(slices.Clone(base), "notes.txt")},
		{"v4.index", 4, 20, base},
		{"sha256-v4.index", 4, 32, base},
		{"sparse.index", 3, 20, []string{".gitignore", "README.md", "dir with space/", "examples/", "src/chapter.md", "src/chapter2.md"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if data[7] != tt.version {
				t.Fatalf("testdata is version %d, want %d", data[7], tt.version)
			}
			ix, err := ParseIndex(data, tt.hashSize)
			if err != nil {
				t.Fatal(err)
			}
			got := ix.Paths()
			slices.Sort(tt.want)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Paths() = %q, want %q", got, tt.want)
			}
		})
	}
}

func FuzzParseIndex(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.index"))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(encode(2, 20, []entry{{name: "a"}, {name: "b/c", stage: 2}}, ext("TREE", nil)))
	f.Add(encode(3, 20, []entry{{name: "a", extra: 0x4000}, {name: "d/", mode: modeDir, extra: 0x4000}}, ext("sdir", nil)))
	f.Add(encode(4, 20, []entry{{name: "ab/c"}, {name: "ab/d"}, {name: "b"}}, nil))
	f.Add(encode(4, 32, []entry{{name: "ab/c"}, {name: "ab/d", extra: 0x2000}}, nil))
	f.Fuzz(func(t *testing.T, raw []byte) {
		for _, hs := range []int{sha1.Size, sha256.Size} {
			data := raw
			if len(raw) > hs && raw[len(raw)-1]&1 != 0 {
				// Half the time, a valid checksum: else a mutation past the checksum check is rare.
				data = checksum(slices.Clone(raw[:len(raw)-hs]), hs)
			}
			ix, err := ParseIndex(data, hs)
			if err != nil {
				if ix != nil {
					t.Fatal("an Index with an error")
				}
				continue
			}
			paths := ix.Paths()
			// Each entry costs at least minEntry bytes, so the file bounds the count.
			if len(paths) > len(data)/minEntry {
				t.Fatalf("%d paths from %d bytes", len(paths), len(data))
			}
			total := 0
			for i, p := range paths {
				total += len(p)
				if p == "" || (i > 0 && paths[i-1] >= p) {
					t.Fatalf("paths not sorted, unique and non-empty: %q", paths)
				}
				if !strings.HasSuffix(p, "/") && clean(p) && !ix.Has(p) {
					t.Fatalf("Has(%q) = false for a listed path", p)
				}
			}
			if total > expandFactor*len(data)+expandSlack {
				t.Fatalf("%d bytes of names from %d bytes of index", total, len(data))
			}
		}
	})
}

// clean reports whether p is a path Has should match when the index lists it.
func clean(p string) bool {
	return p != "." && p != ".." && !strings.HasPrefix(p, "/") && !strings.HasPrefix(p, "../") && path.Clean(p) == p
}
