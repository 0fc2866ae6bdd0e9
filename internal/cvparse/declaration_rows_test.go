package cvparse

import (
	"slices"
	"testing"
)

// The place and date rows that close a declaration ("Place : Pune" over
// "Date : (R. K. SHARMA)") are no heading over a list of skills.
func TestDeclarationRowsNoSkills(t *testing.T) {
	for _, tc := range []struct{ text, stray string }{
		{"Rahul Sharma\nrahul@example.com\n\nSKILLS\nExcel, Tally\n\nDECLARATION\nI hereby declare that the above details are true.\n\n" +
			"Place : Pune\nDate  :\t(R. K. SHARMA)\n", "(R. K. SHARMA)"},
		{"Awa Ndiaye\nawa@exemple.sn\n\nCOMPÉTENCES\nExcel, Sage\n\nATTESTATION\nJe certifie exactes les informations ci-dessus.\n\n" +
			"Lieu : Dakar\nDate :\t(A. B. NDIAYE)\n", "(A. B. NDIAYE)"},
	} {
		c := ParseText(tc.text)
		if all := slices.Concat(c.Skills.Technical, c.Skills.Tools, c.Skills.Other, c.Skills.SoftSkills); slices.Contains(all, tc.stray) {
			t.Errorf("skills %+v, want no %q", c.Skills, tc.stray)
		}
	}
}
