package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// row places words left to right from x with the given gaps between them
// (5pt per character, 10pt high, as page.at does).
func (p *page) row(x, y float64, gaps []float64, words ...string) *page {
	for i, w := range words {
		wd := 5 * float64(len([]rune(w)))
		*p = append(*p, bbWord{XMin: x, YMin: y, XMax: x + wd, YMax: y + 10, Text: w})
		if i < len(gaps) {
			x += wd + gaps[i]
		}
	}
	return p
}

func TestLayoutTagGaps(t *testing.T) {
	for _, tc := range []struct {
		name string
		page *page
		want []string
	}{
		{
			// Tags in padded boxes 0.8 of a text height apart, two to a
			// row, with a word space inside "Vertex AI".
			name: "tags on several rows",
			page: new(page).
				row(20, 100, []float64{8}, "Python", "PyTorch").
				row(20, 114, []float64{8}, "FastAPI", "Postgres").
				row(20, 128, []float64{8, 3}, "Docker", "Vertex", "AI"),
			want: []string{"Python\tPyTorch", "FastAPI\tPostgres", "Docker\tVertex AI"},
		},
		{
			// The same gap on one row only may be a stretched space.
			name: "one row",
			page: new(page).row(20, 100, []float64{8}, "Python", "PyTorch"),
			want: []string{"Python PyTorch"},
		},
		{
			// Justified lines whose stretched spaces happen to match end
			// at the column's right edge.
			name: "justified lines",
			page: new(page).
				row(20, 100, []float64{8, 8}, "Led", "migration", "teams").
				row(20, 114, []float64{8, 8}, "Ran", "ingestion", "tests"),
			want: []string{"Led migration teams", "Ran ingestion tests"},
		},
		{
			// A monospaced font's word space is one letter's advance on
			// every row.
			name: "monospaced",
			page: new(page).
				row(20, 100, []float64{5}, "Junior", "Developer").
				row(20, 114, []float64{5, 5}, "Cut", "CI", "time"),
			want: []string{"Junior Developer", "Cut CI time"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, tc.page.lines()); diff != "" {
				t.Errorf("lines (-want +got):\n%s", diff)
			}
		})
	}
}
