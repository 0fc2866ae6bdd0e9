package cvparse

import (
	"slices"
	"testing"
)

// A referee's name after an honorific, over the referee's post and phone,
// heads no list of skills under the references' heading.
func TestRefereeNameAfterHonorific(t *testing.T) {
	for _, tc := range []struct{ text, stray string }{
		{"Jose Ramos\njose@example.com\n\nTECHNICAL SKILLS\nCisco IOS, VMware\n\nCHARACTER REFERENCES\n\n" +
			"Engr. Paolo D. Santos\nNetwork Manager, Kestrel Telecom Inc.\n0917-555-0101\n\n" +
			"Ms. Liza M. Cruz\nHR Supervisor, Harbour Foods Corp.\n0918-555-0202\n", "0917-555-0101"},
		{"Awa Diop\nawa@exemple.sn\n\nCOMPÉTENCES\nSage, Excel\n\nRÉFÉRENCES\n\n" +
			"Mme Fatou K. Sarr\nDirectrice financière, Kestrel Négoce SA\n77 555 01 01\n\n" +
			"M. Ibrahima Fall\nChef comptable, Port Autonome\n77 555 02 02\n", "77 555 01 01"},
	} {
		c := ParseText(tc.text)
		if all := slices.Concat(c.Skills.Technical, c.Skills.Tools, c.Skills.Other, c.Skills.SoftSkills); slices.Contains(all, tc.stray) {
			t.Errorf("skills %+v, want no %q", c.Skills, tc.stray)
		}
	}
}
