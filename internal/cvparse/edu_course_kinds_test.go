package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A bracket after a course's name saying what kind of course it was
// ("(integrated high school)", "(secondary school programme)") holds
// school words, but the school is the line that names one.
func TestVariationCourseKindInBrackets(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"course over school", "2011 – 2014\tVocational Course in Carpentry (integrated high school)\nInstituto Técnico de Kestrel, Porto",
			[]eduWant{{"Vocational Course in Carpentry (integrated high school)", "Instituto Técnico de Kestrel", "Porto", "2011", "2014"}}, nil},
	})
}

// A professional credential named with its initials ("… Professional
// (CSP)", "… Analyst (CFA)") listed among the degrees is a title its body
// awards on an exam: a certification, with its body as the issuer.
func TestVariationCredentialInEducation(t *testing.T) {
	c := parseEducation("Master of Science in Geology at Kestrel University, Halifax — 2004 to 2006\n" +
		"Safety Management Professional (SMP) — Kestrel Safety Institute, 2014")
	if len(c.Education) != 1 || c.Education[0].Degree != "Master of Science in Geology" {
		t.Errorf("education = %+v", edusOf(c))
	}
	if len(c.Certifications) != 1 || c.Certifications[0].Title != "Safety Management Professional (SMP)" || c.Certifications[0].Organization != "Kestrel Safety Institute" {
		t.Errorf("certifications = %+v", c.Certifications)
	}
}

// A table row's cells become labelled lines; a year inside a cell's text
// ("– member since 2017") dates no entry of its own when the row has its
// dates column: the row stays one entry.
func TestVariationTableRowCellYear(t *testing.T) {
	c := parseEducation("Institution\tQualification\tDates\n" +
		"ACFE\tAssociation of Certified Fraud Examiners – member since 2017\t2013 – 2017\n" +
		"Kestrel University\tBA (Hons) Economics, 2:1\t2010 – 2013")
	want := []eduWant{{"BA (Hons) Economics, 2:1", "Kestrel University", "", "2010", "2013"}}
	if diff := cmp.Diff(want, edusOf(c)); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
	if len(c.Certifications) != 1 || c.Certifications[0].Date != "2013 – 2017" {
		t.Errorf("certifications = %+v", c.Certifications)
	}
}

// The letter grades of A levels or Highers in brackets after the exams
// ("(A*AB)") are the results: the grade, not the degree's name.
func TestVariationLetterGradesInBrackets(t *testing.T) {
	runEduGPA(t, []eduGPACase{
		{"A levels", "2008 – 2010\tA Levels – Chemistry, Biology, History (A*AA)\nKestrel Grammar School, York",
			[]eduWant{{"A Levels – Chemistry, Biology, History", "Kestrel Grammar School", "York", "2008", "2010"}}, []string{"A*AA"}},
		{"an acronym stays", "2012 – 2014\tDiploma in Business (ABE)\nKestrel College, York",
			[]eduWant{{"Diploma in Business (ABE)", "Kestrel College", "York", "2012", "2014"}}, []string{""}},
	})
}
