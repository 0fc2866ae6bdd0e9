package cvparse

import "testing"

// Headings of Philippine, South Asian and table-built CVs: the education
// "background" or "attainment", computer skills, trainings and licences,
// character references.
func TestVariationHeadingsLabels5(t *testing.T) {
	cases := []struct {
		heading string
		want    sectionKind
	}{
		{"EDUCATIONAL BACKGROUND", secEducation},
		{"Educational Attainment", secEducation},
		{"Academic Qualification", secEducation},
		{"COMPUTER SKILLS", secSkills},
		{"IT Skills", secSkills},
		{"Trainings & Certifications", secCertifications},
		{"TRAININGS AND CERTIFICATIONS", secCertifications},
		{"Seminars and Trainings", secCertifications},
		{"Professional License", secCertifications},
		{"PROFESSIONAL CERTIFICATION", secCertifications},
		{"CHARACTER REFERENCES", secOther},
	}
	for _, tc := range cases {
		k, ok := headingKind(tc.heading)
		if !ok || k != tc.want {
			t.Errorf("headingKind(%q) = %v, %v; want %v", tc.heading, k, ok, tc.want)
		}
	}
}

// The Europass language grid's French column headings ("Lecture",
// "Écriture" beside "Compréhension orale") name no language.
func TestVariationEuropassGridHeadingsFR(t *testing.T) {
	for _, head := range []string{"Compréhension orale\tLecture\tExpression orale\tÉcriture",
		"Lecture\tÉcriture\tExpression orale", "Écriture\tLecture"} {
		got := ParseText("Nom(s) / Prénom(s)\tDurand Claire\nTéléphone(s)\t06 12 34 56 78\n\n" +
			"Aptitudes et compétences personnelles\nLangue(s) maternelle(s)\tFrançais\nAutre(s) langue(s)\t" + head +
			"\nEspagnol\tB2\tB2\tB1\tB1\nItalien\tA2\tA2\tA1\tA1\n")
		for _, s := range got.Skills.Languages {
			if k := fold(s); k == "lecture" || k == "ecriture" || k == "expression orale" || k == "comprehension orale" {
				t.Errorf("%q: grid heading %q read as a language (%q)", head, s, got.Skills.Languages)
			}
		}
		if len(got.Skills.Languages) < 3 {
			t.Errorf("%q: languages %q", head, got.Skills.Languages)
		}
	}
}

// A South Asian degree's division ("1st Division", "Second Division")
// after the school and year says how it went: it is the grade.
func TestVariationDivisionGrade(t *testing.T) {
	for _, tc := range []struct{ body, gpa string }{
		{"B.Sc. Physics\nGovernment College University, Lahore, 2012 — 1st Division", "1st Division"},
		{"M.A. Economics\nUniversity of Karachi, 2015 — Second Division", "Second Division"},
		{"BBA\nUniversity of Peshawar, 2010 — 2nd Division", "2nd Division"},
	} {
		got := ParseText("Ali Raza\nali@example.com\n\nEducation\n" + tc.body + "\n\nSkills\nExcel\n")
		if len(got.Education) != 1 || got.Education[0].GPA != tc.gpa {
			t.Errorf("%q: education %+v, want gpa %q", tc.body, got.Education, tc.gpa)
		}
	}
}
