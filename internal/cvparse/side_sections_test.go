package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/utopiahire/utopiahire/internal/cv"
)

// certNames lists the titles of c's certifications in order.
func certNames(c cv.StructuredCV) []string {
	var out []string
	for _, x := range c.Certifications {
		out = append(out, x.Title)
	}
	return out
}

// Two sections side by side under headings on one line are read column
// by column: the right column's items go under its own heading, and a
// heading inside that column opens a list of its own.
func TestSideBySideSections(t *testing.T) {
	tests := []struct {
		name       string
		body       string
		skills     []string
		certifieds []string
	}{
		{
			name:       "skills beside certifications",
			body:       "SKILLS\tCERTIFICATIONS\nPayroll\tCertified Bookkeeper (2019)\nBudgeting\tFirst Aid at Work (2020)\nCash forecasting\n",
			skills:     []string{"Budgeting", "Cash forecasting", "Payroll"},
			certifieds: []string{"Certified Bookkeeper (2019)", "First Aid at Work (2020)"},
		},
		{
			name:       "a heading inside the right column",
			body:       "SKILLS\tLANGUAGES\n• Arc welding\t• Swahili\n• Forklift operation\tCERTIFICATIONS\n• Blueprint reading\t• Rigging Level 2 (2018)\n",
			skills:     []string{"Arc welding", "Blueprint reading", "Forklift operation", "Swahili"},
			certifieds: []string{"Rigging Level 2 (2018)"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ParseText("Jane Roe\njane@example.com\n\n" + tt.body)
			if diff := cmp.Diff(tt.skills, allSkills(c.Skills)); diff != "" {
				t.Errorf("skills (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.certifieds, certNames(c)); diff != "" {
				t.Errorf("certifications (-want +got):\n%s", diff)
			}
		})
	}
}

// Commas inside an item's closed bracket list what it holds: the line is
// one item, not a list wrapped onto the next line.
func TestBracketCommasNoList(t *testing.T) {
	c := ParseText("Jane Roe\njane@example.com\n\nSKILLS\nOracle ERP (GL, AP)\nMicrosoft Excel (pivot tables,\nmacros)\nTableau\n")
	want := []string{"Microsoft Excel (pivot tables, macros)", "Oracle ERP (GL, AP)", "Tableau"}
	if diff := cmp.Diff(want, allSkills(c.Skills)); diff != "" {
		t.Errorf("skills (-want +got):\n%s", diff)
	}
}
