package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A count of marks set apart after an examination's name ("KCPE – 402
// marks") is its grade, not part of its name.
func TestMarksAfterExamination(t *testing.T) {
	c := parseEducation("Mwangaza Primary School, Nakuru\nKenya Certificate of Primary Education (KCPE) - 402 marks\t2009\n")
	if diff := cmp.Diff([]string{"402 marks"}, gpasOf(c)); diff != "" {
		t.Errorf("gpa (-want +got):\n%s", diff)
	}
	if got := edusOf(c); len(got) != 1 || got[0].Degree != "Kenya Certificate of Primary Education (KCPE)" {
		t.Errorf("education = %+v, want the degree without its marks", got)
	}
}
