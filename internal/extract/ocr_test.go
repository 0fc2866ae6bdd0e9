package extract

import (
	"context"
	"image"
	"os"
	"sync"
	"testing"

	"github.com/utopiahire/utopiahire/internal/extract/extracttest"
)

// smallScan is an image-only PDF of pages pages, each the top band of a
// page of the 2-page corpus CV at 150 dpi: real text for Tesseract, in a
// fraction of a full page's time.
func smallScan(t *testing.T, pages int) []byte {
	t.Helper()
	src, err := os.ReadFile("../cvparse/testdata/bench-2page.pdf")
	if err != nil {
		t.Fatal(err)
	}
	imgs, err := extracttest.RenderPages(context.Background(), src, 150)
	if err != nil {
		t.Fatal(err)
	}
	var jpegs [][]byte
	for i := range pages {
		page := imgs[i%len(imgs)]
		band := page.SubImage(image.Rect(0, 0, page.Bounds().Dx(), 360)).(*image.Gray)
		j, err := extracttest.JPEG(band, 80)
		if err != nil {
			t.Fatal(err)
		}
		jpegs = append(jpegs, j)
	}
	pdf, err := extracttest.ImagePDF(jpegs, 150)
	if err != nil {
		t.Fatal(err)
	}
	return pdf
}

// TestOCRBoundSharedByDocuments: scans read at once, each with pages read
// side by side, never run more Tesseract processes together than MaxOCR,
// whatever the number of documents admitted.
func TestOCRBoundSharedByDocuments(t *testing.T) {
	const docs, pages, bound = 4, 2, 2
	e := newTestExtractor(t, func(l *Limits) { l.MaxConcurrent, l.MaxOCR = docs, bound })
	scan := smallScan(t, pages)
	var wg sync.WaitGroup
	for range docs {
		wg.Go(func() {
			doc, err := e.Text(context.Background(), scan)
			if err != nil || !doc.OCR || doc.Pages != pages {
				t.Errorf("scan: ocr=%v pages=%d err=%v", doc.OCR, doc.Pages, err)
			}
		})
	}
	wg.Wait()
	if peak := e.ocrPeak.Load(); peak > bound || peak < 1 {
		t.Fatalf("%d Tesseract processes ran at once; the bound is %d", peak, bound)
	}
	if n := e.ocrRunning.Load(); n != 0 {
		t.Fatalf("%d Tesseract runs still counted after every document returned", n)
	}
}
