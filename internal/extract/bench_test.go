package extract

import (
	"context"
	"os"
	"testing"
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
