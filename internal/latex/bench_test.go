package latex_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/utopiahire/utopiahire/internal/latex"
)

// BenchmarkPDFOverhead compares Compiler.PDF with running xelatex alone on
// the same .tex, alternating the two in one run so that machine load hits
// both alike. It reports each one's mean time and their ratio.
//
//	go test -run '^$' -bench PDFOverhead -benchtime 20x ./internal/latex/
func BenchmarkPDFOverhead(b *testing.B) {
	comp := newCompiler(b, latex.CompilerConfig{})
	tex, err := latex.Render(loadCV(b, "en_engineer.json"), latex.Options{})
	if err != nil {
		b.Fatal(err)
	}
	xelatex, err := exec.LookPath("xelatex")
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "cv.tex"), []byte(tex), 0o600); err != nil {
		b.Fatal(err)
	}
	alone := func() {
		cmd := exec.Command(xelatex, "-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error", "cv.tex")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("xelatex: %v\n%s", err, out)
		}
	}
	viaCompiler := func() {
		if _, err := comp.PDF(context.Background(), tex); err != nil {
			b.Fatal(err)
		}
	}
	alone() // warm the page cache for both
	var tAlone, tComp time.Duration
	n := 0
	for b.Loop() {
		first, second := alone, viaCompiler
		if n%2 == 1 {
			first, second = viaCompiler, alone
		}
		for i, f := range []func(){first, second} {
			start := time.Now()
			f()
			d := time.Since(start)
			if (n%2 == 0) == (i == 0) {
				tAlone += d
			} else {
				tComp += d
			}
		}
		n++
	}
	b.ReportMetric(float64(tComp.Milliseconds())/float64(n), "ms_compiler")
	b.ReportMetric(float64(tAlone.Milliseconds())/float64(n), "ms_xelatex_alone")
	b.ReportMetric(float64(tComp)/float64(tAlone), "ratio")
}
