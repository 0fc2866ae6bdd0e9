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

// A section of what an academic taught or supervised ("Teaching",
// "Teaching and supervision") names courses, degrees and schools by dated
// lines, and a section of talks names institutes by their years: neither
// adds an education entry.
func TestVariationTeachingNotEducation(t *testing.T) {
	edu := "Education\n2012–2016\tPhD in Geophysics, Uppsala University, Sweden\n2010–2012\tMSc in Physics, Lund University, Sweden\n\n"
	cases := []struct {
		name, section string
		acts          int
	}{
		{"teaching", "Teaching\n2019–2021\tTutor, Seismology I (MSc), Uppsala University\n", 1},
		{"teaching and supervision", "Teaching and Supervision\n2021–present\tLecturer, Rock Physics (BSc), KTH Royal Institute of Technology\n2018–present\tCo-supervision of 3 PhD and 6 MSc students\n", 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ParseText("Karin Lund\nkarin.lund@example.org\n\n" + edu + tc.section + "\nSkills\nPython, MATLAB\n")
			want := []eduWant{{"PhD in Geophysics", "Uppsala University", "Sweden", "2012", "2016"}, {"MSc in Physics", "Lund University", "Sweden", "2010", "2012"}}
			if diff := cmp.Diff(want, edusOf(got)); diff != "" {
				t.Errorf("education (-want +got):\n%s", diff)
			}
			if len(got.Activities) != tc.acts {
				t.Errorf("activities: got %d %+v, want %d", len(got.Activities), got.Activities, tc.acts)
			}
		})
	}
}

// "Talks", "Invited Talk s" (a letter the PDF set apart) head talks: some
// other section, never read by what its lines hold (an institute and a
// year read as a school and its date).
func TestVariationTalkHeadings(t *testing.T) {
	for _, h := range []string{"Talks", "Invited Talk s", "SELECTED PRESENTATIONS", "Keynotes"} {
		if k, ok := headingKind(h); !ok || k != secOther {
			t.Errorf("headingKind(%q) = %v, %v; want secOther", h, k, ok)
		}
	}
}

// A line naming a list of the best students ("Dean's List", "President's
// list", "Honor Roll") dated by its terms tells how the degree above went:
// it opens no education entry.
func TestVariationHonourListNoEntry(t *testing.T) {
	cases := []struct {
		name, body string
		want       []eduWant
	}{
		{"minor and dean's list after a one-line entry", "BSc (Honours) Physics, with distinction, University of Guelph\t2016\nMinor in Mathematics. Dean’s list 2014–2016.\nHigh School Diploma, Guelph Collegiate\t2012",
			[]eduWant{{"BSc (Honours) Physics, with distinction", "University of Guelph", "", "", "2016"}, {"High School Diploma, Guelph Collegiate", "", "", "", "2012"}}},
		{"president's list by terms with scholarships", "Purdue University\nBachelor of Science in Civil Engineering\tAug 2019 – May 2023\nPresident's List (Spring 2020 – Fall 2022); Boilermaker Merit Award\nDelft University of Technology\nExchange Semester, Civil Engineering\tJan 2022 – Jun 2022",
			[]eduWant{{"Bachelor of Science in Civil Engineering", "Purdue University", "", "Aug 2019", "May 2023"},
				{"Exchange Semester, Civil Engineering", "Delft University of Technology", "", "Jan 2022", "Jun 2022"}}},
		// One vocabulary serves a line opening with the list and a line
		// naming it among other notes.
		{"rector's list opening a line under a dated degree", "Universidad de Valparaíso\nIngeniería Civil Industrial\tMar 2014 – Dec 2019\nRector's List, four semesters\nColegio Alemán de Valparaíso\nBachillerato\t2013",
			[]eduWant{{"Ingeniería Civil Industrial", "Universidad de Valparaíso", "", "Mar 2014", "Dec 2019"}, {"Bachillerato", "Colegio Alemán de Valparaíso", "", "", "2013"}}},
		{"director's list among notes of a dated line", "Diploma in Hospitality Management, Ngee Ann Polytechnic\t2015\nDirector's Honours Roll 2014\nGCE O Level, Bedok Secondary School\t2012",
			[]eduWant{{"Diploma in Hospitality Management", "Ngee Ann Polytechnic", "", "", "2015"}, {"GCE O Level", "Bedok Secondary School", "", "", "2012"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, edusOf(parseEducation(tc.body))); diff != "" {
				t.Errorf("education (-want +got):\n%s", diff)
			}
		})
	}
}

// A course of study named by its kind ("Apprenticeship", "Training
// Program", "Exchange Semester") with no degree word is the degree beside
// a school or organisation that names none either; a note in lower case
// ("en cours", "additional course …") is not.
func TestVariationStudyKindIsTheDegree(t *testing.T) {
	cases := []struct {
		name, body          string
		degree, institution string
	}{
		{"apprenticeship under its training centre", "Desert Electrical JATC (IBEW Local 357 / NECA) - Las Vegas, NV\nInside Wireman Apprenticeship, 4-year program, completed 2018",
			"Inside Wireman Apprenticeship, 4-year program", "Desert Electrical JATC (IBEW Local 357 / NECA)"},
		{"training program beside a place", "Digital Skills Academy (DSA)\tTechno Park, Kazhakoottam\n6-Month Intensive Training Program – Cloud Engineering track\tJan 2023 – Jun 2023",
			"6-Month Intensive Training Program – Cloud Engineering track", "Digital Skills Academy (DSA)"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := parseEducation(tc.body).Education
			if len(got) != 1 || got[0].Degree != tc.degree || got[0].Institution != tc.institution {
				t.Errorf("education = %+v, want one entry %q at %q", got, tc.degree, tc.institution)
			}
		})
	}
}
