package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Education entries found whole and once, with their dates: a degree's
// long name with its level in brackets, a degree set alone above its
// dated school after an entry written on one line, a school's line that
// closes on a note and its year.
func TestVariationEduEntriesWhole(t *testing.T) {
	cases := []struct {
		name, body string
		want       []eduWant
	}{
		{"long name with its level in brackets", "Australian Diploma in Plumbing Theory and Site Practice (Level 5)\nKangan Institute, Melbourne\t2015 - 2018\nVCE Year 12\nBallarat High School\t2014",
			[]eduWant{{"Australian Diploma in Plumbing Theory and Site Practice (Level 5)", "Kangan Institute", "Melbourne", "2015", "2018"},
				{"VCE Year 12", "Ballarat High School", "", "", "2014"}}},
		{"degree alone above its dated school", "MBA (Finance)\tUniversity of Karachi, Karachi\t2016 - 2018\n(weekend programme)\tCGPA: 3.20/4.00\nBSc (Physics & Mathematics)\nForman Christian College, Lahore\t2013\nIntermediate (FSc)\tAitchison College, Lahore\t2010",
			[]eduWant{{"MBA (Finance)", "University of Karachi", "Karachi", "2016", "2018"}, {"BSc (Physics & Mathematics)", "Forman Christian College", "Lahore", "", "2013"},
				{"Intermediate (FSc)", "Aitchison College", "Lahore", "", "2010"}}},
		{"school line closing on completed and its year", "Certificate III in Plumbing\nNorth TAFE, Perth · 2013-2016\nCertificate IV in Gas\nSouth TAFE, Perth · 2019-2020\nHigher School Certificate (HSC)\nHornsby Girls High School · completed 2011",
			[]eduWant{{"Certificate III in Plumbing", "North TAFE", "Perth", "2013", "2016"}, {"Certificate IV in Gas", "South TAFE", "Perth", "2019", "2020"},
				{"Higher School Certificate (HSC)", "Hornsby Girls High School", "", "", "2011"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, edusOf(parseEducation(tc.body))); diff != "" {
				t.Errorf("education (-want +got):\n%s", diff)
			}
		})
	}
}
