package cvparse

import "testing"

// "Attestations et stages de perfectionnement" heads the short courses
// after the diplomas: a "Formation …" line under it is no degree.
func TestAttestationsHeadCourses(t *testing.T) {
	for _, tc := range []struct{ name, heading string }{
		{"attestations and courses", "ATTESTATIONS ET STAGES DE PERFECTIONNEMENT"},
		{"attestations alone", "ATTESTATIONS"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := ParseText("Paul NDONG\npaul.ndong@example.ga\n\nDIPLÔMES\n\nAnnée :\t2012\nDiplôme :\tBaccalauréat Technique, série F1\nÉtablissement :\tLycée Technique de Nkembo, Libreville\n\n" +
				tc.heading + "\n\n2020 : Attestation de sécurité incendie\n2017 : Formation constructeur Carrier – systèmes VRF IV (Yaoundé, Cameroun)\n\nLOISIRS\n\nLecture.\n")
			if len(c.Education) != 1 || c.Education[0].Degree != "Baccalauréat Technique, série F1" {
				t.Errorf("education = %+v, want the baccalauréat only", c.Education)
			}
			if len(c.Certifications) != 2 {
				t.Errorf("certifications = %+v, want the two courses", c.Certifications)
			}
		})
	}
}
