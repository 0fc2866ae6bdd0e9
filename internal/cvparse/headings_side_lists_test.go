package cvparse

import "testing"

// Two headings of different side lists joined by "and", too long together
// for a keyword heading ("Certifications and Professional Memberships"),
// head the first: the dated memberships under it are no jobs.
func TestJoinedSideListHeadings(t *testing.T) {
	for _, tc := range []struct {
		name, text string
	}{
		{"en", "Kofi Mensah\nkofi@example.com\n\nWORK EXPERIENCE\n2019 – 2024\tLecturer, Department of Physics, University of Kestrel\n\n" +
			"Certifications and Professional Memberships\n2016\tChartered Physicist, Institute of Physics (CPhys)\n" +
			"2014\tMember, Kestrel Society of Acoustics (MKSA)\n\nSKILLS\nMATLAB\n"},
		{"fr", "Awa Diop\nawa@exemple.sn\n\nEXPÉRIENCE PROFESSIONNELLE\n2018 – 2023\tComptable, Cabinet Faye, Dakar\n\n" +
			"Certificats professionnels & vie associative\n2017\tExpert-comptable diplômée, Ordre des experts-comptables\n" +
			"2015\tMembre, Association des comptables de Kaolack\n\nCOMPÉTENCES\nSage\n"},
	} {
		c := ParseText(tc.text)
		if len(c.Experience) != 1 {
			t.Errorf("%s: got %d jobs, want 1: %+v", tc.name, len(c.Experience), c.Experience)
		}
	}
}
