package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Two headings of one kind joined by a slash ("PROFESSIONAL
// QUALIFICATIONS / REGISTRATION") head that kind: the rows under them are
// certifications, not the degrees of the section before.
func TestVariationPairedHeadings(t *testing.T) {
	c := ParseText("Jane Roe\njane@example.com\n\nEducation\nBSc Nursing\t2009 – 2012\nKestrel University, Harlow\n\n" +
		"PROFESSIONAL QUALIFICATIONS / REGISTRATION\nCertificate in Infection Control\tKestrel Institute of Health\t2019\n" +
		"Diploma in Health Management\tKestrel School of Government\t2021\n\nSkills\nTriage, wound care\n")
	want := []eduWant{{"BSc Nursing", "Kestrel University", "Harlow", "2009", "2012"}}
	if diff := cmp.Diff(want, edusOf(c)); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
	if len(c.Certifications) != 2 {
		t.Errorf("certifications: got %+v, want the two rows", c.Certifications)
	}
}

// A qualifications table whose dates heading names both ends ("From
// To") holds each end in a cell of its own: the two years are the
// entry's range. The school's column may be headed "Institution
// attended", and a grade the PDF set beside the last year ("2011 B+")
// is the grade.
func TestVariationFromToCells(t *testing.T) {
	runEduGPA(t, []eduGPACase{
		{"from and to cells", "Institution attended\tAward / Qualification\tFrom To\tGrade\n" +
			"Kestrel University\tBachelor of Science in Nursing\t2014\t2018\tFirst Class\n" +
			"Harbour Girls High School\tKenya Certificate of Secondary Education (KCSE)\t2010\t2013 A-",
			[]eduWant{{"Bachelor of Science in Nursing", "Kestrel University", "", "2014", "2018"},
				{"Kenya Certificate of Secondary Education (KCSE)", "Harbour Girls High School", "", "2010", "2013"}},
			[]string{"First Class", "A-"}},
		{"schools attended", "Schools attended\tQualification\tFrom To\n" +
			"Kestrel Polytechnic\tDiploma in Civil Engineering\t2011\t2014\n" +
			"Kestrel Secondary School\tWASSCE\t2005\t2008",
			[]eduWant{{"Diploma in Civil Engineering", "Kestrel Polytechnic", "", "2011", "2014"},
				{"WASSCE", "Kestrel Secondary School", "", "2005", "2008"}}, []string{"", ""}},
	})
}
