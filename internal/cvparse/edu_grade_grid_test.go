package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A results table under a school certificate ("Subject | Grade | Subject
// | Grade") lists the subjects passed: notes of that entry, no entries of
// their own, and no grade of the certificate.
func TestSubjectGradeGrid(t *testing.T) {
	c := parseEducation("West African Senior School Certificate (WASSCE)\t2009 – 2012\nHarbour View Secondary School, Cape Coast\n" +
		"Subject\tGrade\tSubject\tGrade\nEnglish Language\tB2\tIntegrated Science\tA1\nCore Mathematics\tB3\tSocial Studies\tB2\nElective Physics\tA1\tChemistry\tB3\n")
	want := []eduWant{{"West African Senior School Certificate (WASSCE)", "Harbour View Secondary School", "Cape Coast", "2009", "2012"}}
	if diff := cmp.Diff(want, edusOf(c)); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{""}, gpasOf(c)); diff != "" {
		t.Errorf("gpa (-want +got):\n%s", diff)
	}
	if len(c.Education) == 1 {
		if got := c.Education[0].Achievements; len(got) != 3 || got[0] != "English Language (B2), Integrated Science (A1)" {
			t.Errorf("notes = %q, want one a row", got)
		}
	}
}
