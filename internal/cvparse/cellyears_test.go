package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A note closing on its year in brackets under a degree whose dates
// stand in a cell of their own is the degree's honour, no entry: the
// school on the next line heads the next entry.
func TestYearNoteUnderCellDates(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []eduWant
	}{
		{
			name: "honour under cell dates",
			body: "Northgate University\tLeeds, UK\nBSc Chemistry\t2010 — 2013\nTop student award, School of Chemistry (2013)\n" +
				"Hillside Grammar School\tYork, UK\nA-Levels\t2010",
			want: []eduWant{
				{"BSc Chemistry", "Northgate University", "Leeds, UK", "2010", "2013"},
				{"A-Levels", "Hillside Grammar School", "York, UK", "", "2010"},
			},
		},
		{
			name: "scholarship wrapped from the grade line",
			body: "Northgate University\tLeeds, UK\nMSc Chemistry\t2013 — 2014\nGPA: 3.8/4.0 · Thesis: polymer films · Regional\nResearch Scholarship (2014)\n" +
				"Eastfield College\tHull, UK\nBSc Chemistry\t2010 — 2013",
			want: []eduWant{
				{"MSc Chemistry", "Northgate University", "Leeds, UK", "2013", "2014"},
				{"BSc Chemistry", "Eastfield College", "Hull, UK", "2010", "2013"},
			},
		},
		{
			name: "dates in brackets head every entry",
			body: "BSc Chemistry, Northgate University (2013)\nA-Levels, Hillside Grammar School (2010)",
			want: []eduWant{
				{"BSc Chemistry", "Northgate University", "", "", "2013"},
				{"A-Levels", "Hillside Grammar School", "", "", "2010"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, edusOf(parseEducation(tt.body))); diff != "" {
				t.Errorf("education (-want +got):\n%s", diff)
			}
		})
	}
}
