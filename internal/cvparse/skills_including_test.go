package cvparse

import (
	"slices"
	"testing"
)

// A comma before "including", "notamment" and their kin goes on the
// skill before it: no second item is cut from it.
func TestSkillGoesOnAfterIncluding(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Ann Lee\nann@example.com\n\nKEY SKILLS\nWound care, including compression bandaging\nPhlebotomy\n", "Wound care, including compression bandaging"},
		{"Léa Roy\nlea@exemple.fr\n\nCOMPÉTENCES\nComptabilité fournisseurs, notamment lettrage et relances\nPaie\n", "Comptabilité fournisseurs, notamment lettrage et relances"},
	} {
		c := ParseText(tc.text)
		all := slices.Concat(c.Skills.Technical, c.Skills.Tools, c.Skills.Other, c.Skills.SoftSkills)
		if !slices.Contains(all, tc.want) {
			t.Errorf("skills %q, want %q whole", all, tc.want)
		}
	}
}
