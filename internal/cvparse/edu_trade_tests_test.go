package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestEduTradeTestsAndSchoolYears: a trade test listed among the
// qualifications is education, its line whole as the qualification's name
// with the trade and endorsement after its dashes, the testing centre on
// the line below; "Grade 12" names the school year left at, the entry's
// degree, never a grade.
func TestEduTradeTestsAndSchoolYears(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       []eduWant
		gpa        []string
	}{
		{"trade test over its centre, school year over its school",
			"2017   Trade Test: Boilermaker - Red Seal\n       Germiston Artisan Testing Centre\n" +
				"2011   Grade 12 (Matric)\n       Thabong High School, Welkom",
			[]eduWant{{"Trade Test: Boilermaker - Red Seal", "Germiston Artisan Testing Centre", "", "", "2017"},
				{"Grade 12 (Matric)", "Thabong High School", "Welkom", "", "2011"}},
			[]string{"", ""}},
		{"trade named before the test",
			"2019   Plumber Trade Test – Section 13\n       Nkomazi Trade Testing Centre",
			[]eduWant{{"Plumber Trade Test – Section 13", "Nkomazi Trade Testing Centre", "", "", "2019"}},
			[]string{""}},
		{"school year on a line of its own",
			"Grade 10\nSan Roque National High School, Tagum\n2014",
			[]eduWant{{"Grade 10", "San Roque National High School", "Tagum", "", "2014"}},
			[]string{""}},
		{"an earlier school year named by its certificate",
			"1999 — 2005\tGrade 7 Certificate — Mutende Basic School, Kabwe\n2006 — 2008\tGrade 9 School Leaving Certificate — Kabwe Day Secondary School, Kabwe",
			[]eduWant{{"Grade 7 Certificate", "Mutende Basic School", "Kabwe", "1999", "2005"},
				{"Grade 9 School Leaving Certificate", "Kabwe Day Secondary School", "Kabwe", "2006", "2008"}},
			[]string{"", ""}},
		{"a grade on a twenty-point scale stays a grade",
			"Licence en Droit, Université de Kinshasa, 2016\nGrade: 12/20",
			[]eduWant{{"Licence en Droit", "Université de Kinshasa", "", "", "2016"}},
			[]string{"12/20"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := parseEducation(tc.body)
			if diff := cmp.Diff(tc.want, edusOf(c)); diff != "" {
				t.Errorf("education (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.gpa, gpasOf(c)); diff != "" {
				t.Errorf("gpa (-want +got):\n%s", diff)
			}
			if len(c.Certifications) > 0 {
				t.Errorf("certifications %v, want none", c.Certifications)
			}
		})
	}
}
