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
