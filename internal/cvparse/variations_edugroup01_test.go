package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A course dated by one season ("Summer 2014", "Fall 2023") began and
// ended in that year: the year is both its start and its end, where a
// bare year alone is only when the degree was obtained.
func TestVariationSeasonDatedCourse(t *testing.T) {
	c := ParseText("Jane Roe\njane@example.com\n\nEducation\nBSc Geography\t2010 – 2013\nKestrel University, Harlow\n\n" +
		"Spanish Language Programme\tSummer 2012\nUniversidad de Corvo, Valdemar\n\n" +
		"Certificate in Cartography\t2015\nHarlow Institute of Technology\n\nSkills\nGIS, mapping\n")
	want := []eduWant{
		{"BSc Geography", "Kestrel University", "Harlow", "2010", "2013"},
		{"Spanish Language Programme", "Universidad de Corvo", "Valdemar", "Summer 2012", "Summer 2012"},
		{"Certificate in Cartography", "Harlow Institute of Technology", "", "", "2015"},
	}
	if diff := cmp.Diff(want, edusOf(c)); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
}
