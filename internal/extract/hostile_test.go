package extract

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"hash/crc32"
	"strings"
	"testing"
	"time"
)

// zipPart is head, then mid repeated repeat times, then tail.
type zipPart struct {
	name            string
	head, mid, tail []byte
	repeat          int
}

func (p zipPart) size() uint64 { return uint64(len(p.head) + len(p.mid)*p.repeat + len(p.tail)) }

// lyingZip writes parts deflated. With declared > 0 the headers claim that
// uncompressed size for every repeated part, as a hostile file can
// (archive/zip then stops at the declared size and calls the file invalid).
func lyingZip(t testing.TB, parts []zipPart, declared uint64) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		var comp bytes.Buffer
		fw, _ := flate.NewWriter(&comp, flate.BestSpeed)
		crc := crc32.NewIEEE()
		w := func(b []byte) { fw.Write(b); crc.Write(b) }
		w(p.head)
		for i := 0; i < p.repeat; i++ {
			w(p.mid)
		}
		w(p.tail)
		fw.Close()
		size := p.size()
		if declared > 0 && p.repeat > 0 {
			size = declared
		}
		zf, err := zw.CreateRaw(&zip.FileHeader{Name: p.name, Method: zip.Deflate, CRC32: crc.Sum32(),
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
	return lyingZip(t, []zipPart{{
		name: "word/document.xml",
		head: []byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`),
		mid:  []byte(`<w:p><w:r><w:t>Engineer</w:t></w:r></w:p>`), repeat: mb << 20 / 42,
		tail: []byte(`</w:body></w:document>`),
	}}, lieSize(lie))
}

// HostileODT is the same bomb as an ODT content.xml.
func HostileODT(t testing.TB, lie bool, mb int) []byte {
	return lyingZip(t, []zipPart{
		{name: "mimetype", head: []byte("application/vnd.oasis.opendocument.text")},
		{name: "content.xml",
			head: []byte(`<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>`),
			mid:  []byte(`<text:p>Engineer at Example</text:p>`), repeat: mb << 20 / 35,
			tail: []byte(`</office:text></office:body></office:document-content>`)},
	}, lieSize(lie))
}

func lieSize(lie bool) uint64 {
	if lie {
		return 4096
	}
	return 0
}

func TestHostileZipDocuments(t *testing.T) {
	deep := zipPart{name: "word/document.xml", head: []byte(`<w:document><w:body>`), mid: []byte("<w:p>"), repeat: 200000}
	longText := zipPart{name: "word/document.xml",
		head: []byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`),
		mid:  []byte(`<w:p><w:r><w:t>Built a service handling many requests per second.</w:t></w:r></w:p>`), repeat: 60000,
		tail: []byte(`</w:body></w:document>`)}
	tests := []struct {
		name string
		data []byte
		code Code // "" = accepted
	}{
		{"docx xml bomb, honest size", HostileDOCX(t, false, 24), CodeDecompressionBomb},
		{"docx xml bomb, lying size", HostileDOCX(t, true, 24), CodeMalformedFile},
		{"odt xml bomb, honest size", HostileODT(t, false, 24), CodeDecompressionBomb},
		{"odt xml bomb, lying size", HostileODT(t, true, 24), CodeMalformedFile},
		{"docx nested 200000 deep", lyingZip(t, []zipPart{deep}, 0), CodeMalformedFile},
		// 5.6 MB of text in a 5.7 MB part: read up to the text limit, kept.
		{"docx text over the text limit", lyingZip(t, []zipPart{longText}, 0), ""},
	}
	e := newTestExtractor(t, nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			doc, err := e.Text(context.Background(), tt.data)
			if got := CodeOf(err); got != tt.code {
				t.Fatalf("code = %q (%v), want %q", got, err, tt.code)
			}
			// Refused after reading at most one part's cap, not 95 MB.
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("took %v", d)
			}
			if tt.code == "" {
				if n := len(doc.Text); n > e.Limits().MaxTextBytes || n < e.Limits().MaxTextBytes/2 {
					t.Errorf("text is %d bytes; want capped near %d", n, e.Limits().MaxTextBytes)
				}
				if !strings.Contains(doc.Text, "Built a service") {
					t.Errorf("text lost")
				}
			}
		})
	}
}

// TestAdmission: with every slot taken, a document waits, then is refused
// as busy; a cancelled caller stops waiting at once.
func TestAdmission(t *testing.T) {
	e := newTestExtractor(t, func(l *Limits) { l.MaxConcurrent = 1; l.MaxWait = 200 * time.Millisecond })
	release, err := e.admit(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	_, err = e.Text(context.Background(), []byte("Jane Roe\nEngineer\n"))
	if CodeOf(err) != CodeBusy {
		t.Fatalf("err = %v, want %s", err, CodeBusy)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := e.Text(ctx, []byte("Jane Roe\nEngineer\n")); err != context.Canceled {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	release()
	if _, err := e.Text(context.Background(), []byte("Jane Roe\nEngineer\n")); err != nil {
		t.Fatal(err)
	}
}
