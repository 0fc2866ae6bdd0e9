package extract

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/utopiahire/utopiahire/internal/extract/extracttest"
)

func TestHostileZipDocuments(t *testing.T) {
	deep := extracttest.ZipPart{Name: "word/document.xml", Head: []byte(`<w:document><w:body>`), Mid: []byte("<w:p>"), Repeat: 200000}
	longText := extracttest.ZipPart{Name: "word/document.xml",
		Head: []byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`),
		Mid:  []byte(`<w:p><w:r><w:t>Built a service handling many requests per second.</w:t></w:r></w:p>`), Repeat: 60000,
		Tail: []byte(`</w:body></w:document>`)}
	tests := []struct {
		name string
		data []byte
		code Code // "" = accepted
	}{
		{"docx xml bomb, honest size", extracttest.HostileDOCX(t, false, 24), CodeDecompressionBomb},
		{"docx xml bomb, lying size", extracttest.HostileDOCX(t, true, 24), CodeMalformedFile},
		{"odt xml bomb, honest size", extracttest.HostileODT(t, false, 24), CodeDecompressionBomb},
		{"odt xml bomb, lying size", extracttest.HostileODT(t, true, 24), CodeMalformedFile},
		{"docx nested 200000 deep", extracttest.LyingZip(t, []extracttest.ZipPart{deep}, 0), CodeMalformedFile},
		// 5.6 MB of text in a 5.7 MB part: read up to the text limit, kept.
		{"docx text over the text limit", extracttest.LyingZip(t, []extracttest.ZipPart{longText}, 0), ""},
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
