package cvparse

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/internal/extract"
)

const handCV = `Jane Roe
jane@example.com | +44 20 7946 0958 | London, United Kingdom

EXPERIENCE
Data Engineer at Monzo	Jan 2022 – Present
- Built streaming pipelines

MILITARY SERVICE
Signals corps, one year of national service

EDUCATION
MSc Data Science, Imperial College London	2019 – 2020
`

func TestParseStableIDs(t *testing.T) {
	a, b := ParseText(handCV), ParseText(handCV)
	if diff := cmp.Diff(a, b); diff != "" {
		t.Fatalf("re-parse differs (-a +b):\n%s", diff)
	}
	if a.Experience[0].ID == "" || a.Education[0].ID == "" || a.Experience[0].ID == a.Education[0].ID {
		t.Fatalf("ids: %q %q", a.Experience[0].ID, a.Education[0].ID)
	}
}

func TestParseKeepsUnmappedText(t *testing.T) {
	got := ParseText(handCV)
	if got.Experience[0].Title != "Data Engineer" || got.Experience[0].Company != "Monzo" || got.Experience[0].EndDate != "Present" {
		t.Errorf("experience = %+v", got.Experience[0])
	}
	if got.Education[0].Institution != "Imperial College London" {
		t.Errorf("education = %+v", got.Education[0])
	}
	var found bool
	for _, s := range got.OtherSections {
		if s.Title == "MILITARY SERVICE" && strings.Contains(s.Content, "Signals corps") {
			found = true
		}
	}
	if !found {
		t.Errorf("unmapped section lost: %+v", got.OtherSections)
	}
}

// BenchmarkExtractAndParse2PagePDF measures extraction (pdfinfo +
// pdftotext + layout) plus structuring of a two-page PDF CV.
func BenchmarkExtractAndParse2PagePDF(b *testing.B) {
	data, err := os.ReadFile("testdata/bench-2page.pdf")
	if err != nil {
		b.Fatal(err)
	}
	ex, err := extract.New(extract.DefaultLimits())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		doc, err := ex.Text(context.Background(), data)
		if err != nil {
			b.Fatal(err)
		}
		Parse(doc)
	}
}

func BenchmarkParseOnly(b *testing.B) {
	data, err := os.ReadFile("testdata/bench-2page.pdf")
	if err != nil {
		b.Fatal(err)
	}
	ex, err := extract.New(extract.DefaultLimits())
	if err != nil {
		b.Fatal(err)
	}
	doc, err := ex.Text(context.Background(), data)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		Parse(doc)
	}
}
