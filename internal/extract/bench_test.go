package extract

import (
	"context"
	"os"
	"os/exec"
	"slices"
	"syscall"
	"testing"
	"time"
)

// BenchmarkPDF extracts the 2-page CV of the end-to-end analysis benchmark
// (cmd/server BenchmarkAnalyzePDFOffline): the extraction share of it.
func BenchmarkPDF(b *testing.B) {
	pdf, err := os.ReadFile("../cvparse/testdata/bench-2page.pdf")
	if err != nil {
		b.Fatal(err)
	}
	e, err := New(DefaultLimits())
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := e.Text(context.Background(), pdf); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOCRScan1Page reads a one-page scanned CV (an image-only PDF of
// the parser corpus) end to end: pdfinfo, pdftotext finding no text layer,
// pdftoppm, Tesseract (eng+fra), layout. It reports the median.
func BenchmarkOCRScan1Page(b *testing.B) {
	data, err := os.ReadFile("../cvparse/testdata/corpus/g57-scan-en-1col.pdf")
	if err != nil {
		b.Fatal(err)
	}
	benchOCR(b, data, 1)
}

// BenchmarkOCRScan2Pages reads a two-page scan (two scanned corpus CVs
// joined by pdfunite) end to end, like BenchmarkOCRScan1Page.
func BenchmarkOCRScan2Pages(b *testing.B) {
	dir := b.TempDir()
	joined := dir + "/two.pdf"
	if out, err := exec.Command("pdfunite", "../cvparse/testdata/corpus/g57-scan-en-1col.pdf",
		"../cvparse/testdata/corpus/g58-scan-fr-1col-hard.pdf", joined).CombinedOutput(); err != nil {
		b.Fatalf("pdfunite: %v %s", err, out)
	}
	data, err := os.ReadFile(joined)
	if err != nil {
		b.Fatal(err)
	}
	benchOCR(b, data, 2)
}

// benchOCR extracts data (a scan of pages pages) once per iteration and
// reports the tools' CPU per extraction and the median wall time.
func benchOCR(b *testing.B, data []byte, pages int) {
	e, err := New(DefaultLimits())
	if err != nil {
		b.Fatal(err)
	}
	var took []time.Duration
	cpu0 := childCPU()
	for b.Loop() {
		t0 := time.Now()
		doc, err := e.Text(context.Background(), data)
		if err != nil || !doc.OCR || doc.Pages != pages {
			b.Fatalf("ocr=%v pages=%d err=%v", doc.OCR, doc.Pages, err)
		}
		took = append(took, time.Since(t0))
	}
	b.ReportMetric(float64((childCPU()-cpu0).Milliseconds())/float64(b.N), "tools_cpu_ms/op")
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Milliseconds()), "p50_ms")
}

// childCPU is the user+system CPU time of this process's finished children
// (the tools): on a shared machine it is the cost wall time hides.
func childCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_CHILDREN, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
