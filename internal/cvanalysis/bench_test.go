package cvanalysis_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/utopiahire/utopiahire/internal/cv"
)

// twoPageCV is the English fixture grown to about two pages (~900 words):
// six positions of six bullets, plus the raw text a parser would pass.
func twoPageCV(t testing.TB) (cv.StructuredCV, string) {
	base := loadCV(t, "en_engineer.json")
	c := base.Clone()
	c.Experience = nil
	for i := range 6 {
		for _, e := range base.Experience {
			e = cv.StructuredCV{Experience: []cv.Experience{e}}.Clone().Experience[0]
			e.ID = fmt.Sprintf("exp-%d-%s", i, e.ID)
			e.StartDate = fmt.Sprintf("Jan %d", 2024-3*i)
			e.EndDate = fmt.Sprintf("Dec %d", 2025-3*i)
			for len(e.Bullets) < 6 {
				e.Bullets = append(e.Bullets, base.Experience[0].Bullets[len(e.Bullets)])
			}
			c.Experience = append(c.Experience, e)
			if len(c.Experience) == 6 {
				break
			}
		}
		if len(c.Experience) == 6 {
			break
		}
	}
	var b strings.Builder
	for f := range cv.Fields(&c) {
		b.WriteString(f.Value)
		b.WriteByte('\n')
	}
	return c, b.String()
}

// BenchmarkOfflineAnalyze measures the offline analysis of a two-page CV,
// without and with a job description.
//
//	go test -run '^$' -bench OfflineAnalyze -benchmem ./internal/cvanalysis/
func BenchmarkOfflineAnalyze(b *testing.B) {
	o := newOffline(b)
	c, text := twoPageCV(b)
	jd := "Senior backend engineer. Must have Go, PostgreSQL and Kubernetes. Kafka, Terraform and AWS are a plus. " +
		"You will design payment APIs, own reconciliation services and mentor engineers."
	b.ReportMetric(float64(len(strings.Fields(text))), "cv_words")
	for _, bc := range []struct{ name, jd string }{{"two_page_no_job", ""}, {"two_page_with_job", jd}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := o.Analyze(context.Background(), c, text, bc.jd); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkNewOffline measures building the analyzer (word lists, patterns,
// keyword index), which cmd/server does once.
func BenchmarkNewOffline(b *testing.B) {
	newOffline(b)
	for b.Loop() {
		newOffline(b)
	}
}
