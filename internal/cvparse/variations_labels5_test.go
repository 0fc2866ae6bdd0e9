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
