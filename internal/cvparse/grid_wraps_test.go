package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A grid of skills whose first column's item wrapped in its cell gets the
// item's rest back, not the item beside it; a row rating a lower-case
// tool is no wrapped rest.
func TestWrappedFirstCells(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string
	}{
		{
			name: "wrapped first cell",
			body: "Site safety & permit\t• Cost control\t• AutoCAD\ninspections\t• Tendering\nConcrete testing\t• Scheduling\n",
			want: []string{"AutoCAD", "Concrete testing", "Cost control", "Scheduling", "Site safety & permit inspections", "Tendering"},
		},
		{
			name: "ratings",
			body: "Apache Airflow\t80%\ndbt\t75%\n",
			want: []string{"Apache Airflow (80%)", "dbt (75%)"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ParseText("Jane Roe\njane@example.com\n\nSKILLS\n" + tt.body)
			if diff := cmp.Diff(tt.want, allSkills(c.Skills)); diff != "" {
				t.Errorf("skills (-want +got):\n%s", diff)
			}
		})
	}
}
