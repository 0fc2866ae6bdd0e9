// Package extracttest builds hostile documents for tests and benchmarks of
// the extractor and of the upload endpoints: zip bombs whose XML parts
// inflate to tens of megabytes.
package extracttest

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"testing"
)

// ZipPart is Head, then Mid repeated Repeat times, then Tail.
type ZipPart struct {
	Name            string
	Head, Mid, Tail []byte
	Repeat          int
}

func (p ZipPart) size() uint64 { return uint64(len(p.Head) + len(p.Mid)*p.Repeat + len(p.Tail)) }

// LyingZip writes parts deflated. With declared > 0 the headers claim that
// uncompressed size for every repeated part, as a hostile file can
// (archive/zip then stops at the declared size and calls the file invalid).
func LyingZip(t testing.TB, parts []ZipPart, declared uint64) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		var comp bytes.Buffer
		fw, _ := flate.NewWriter(&comp, flate.BestSpeed)
		crc := crc32.NewIEEE()
		w := func(b []byte) { fw.Write(b); crc.Write(b) }
		w(p.Head)
		for i := 0; i < p.Repeat; i++ {
			w(p.Mid)
		}
		w(p.Tail)
		fw.Close()
		size := p.size()
		if declared > 0 && p.Repeat > 0 {
			size = declared
		}
		zf, err := zw.CreateRaw(&zip.FileHeader{Name: p.Name, Method: zip.Deflate, CRC32: crc.Sum32(),
			CompressedSize64: uint64(comp.Len()), UncompressedSize64: size})
		if err != nil {
			t.Fatal(err)
		}
		zf.Write(comp.Bytes())
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// HostileDOCX returns a small DOCX whose document.xml inflates to about mb
// MB of paragraphs (the case: 290 KB unpacking to 95 MB), its size
// declared honestly or as 4 KB.
func HostileDOCX(t testing.TB, lie bool, mb int) []byte {
	return LyingZip(t, []ZipPart{{
		Name: "word/document.xml",
		Head: []byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`),
		Mid:  []byte(`<w:p><w:r><w:t>Engineer</w:t></w:r></w:p>`), Repeat: mb << 20 / 42,
		Tail: []byte(`</w:body></w:document>`),
	}}, lieSize(lie))
}

// HostileODT is the same bomb as an ODT content.xml.
func HostileODT(t testing.TB, lie bool, mb int) []byte {
	return LyingZip(t, []ZipPart{
		{Name: "mimetype", Head: []byte("application/vnd.oasis.opendocument.text")},
		{Name: "content.xml",
			Head: []byte(`<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>`),
			Mid:  []byte(`<text:p>Engineer at Example</text:p>`), Repeat: mb << 20 / 35,
			Tail: []byte(`</office:text></office:body></office:document-content>`)},
	}, lieSize(lie))
}

func lieSize(lie bool) uint64 {
	if lie {
		return 4096
	}
	return 0
}
