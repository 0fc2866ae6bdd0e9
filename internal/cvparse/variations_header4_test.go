package cvparse

import "testing"

// Header and skills, fourth round (issue 14): what the third blind set
// showed, each rule written in several wordings, English and French.

// A phone number set in a sidebar beside a line of the main column that
// ends on a number ("… in 3 regions" / "(+225) 07 …"): the number ending
// the sentence is no part of the phone, while digit groups of one number
// split by a table's gap still join.
func TestVariationPhoneBesideColumn(t *testing.T) {
	cases := []struct{ name, head, want string }{
		{"fr sentence ends on a count", "Pilotage d'un budget de 1,2 M EUR dans 3\t(+225) 07 08 12 34 56", "(+225) 07 08 12 34 56"},
		{"en sentence ends on a count", "Managed a fleet of 40 vehicles across 12\t07700 900123", "07700 900123"},
		{"fr team size", "Encadrement d'une équipe de 14\t06 12 34 56 78", "06 12 34 56 78"},
		{"year before the phone", "Volunteer since 2019\t(415) 555-0132", "(415) 555-0132"},
		{"groups split by a gap", "Mobile\t+44 7700\t900123", "+44 7700 900123"},
		{"labelled groups split by a gap", "Tél. : +33 6 12\t34 56 78", "+33 6 12 34 56 78"},
		{"groups split after an icon", "⌂ 4 rue Haute, 35000 Rennes ☎ 06 71\t42 88 09 ✉ lea@example.fr", "06 71 42 88 09"},
		{"groups split after a middle dot", "Rennes · 07 81\t22 40 19", "07 81 22 40 19"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ParseText("Jane Roe\njane@example.com\n" + tc.head + "\n\nExperience\nEngineer, Acme Corp\t2020 – 2022\n• Built the payments service\n")
			if digits(got.Contact.Phone) != digits(tc.want) {
				t.Errorf("phone = %q, want %q", got.Contact.Phone, tc.want)
			}
		})
	}
}

// skillCases runs skills sections through the parser and compares the
// skills read as the scorer does.
func skillCases(t *testing.T, cases []struct {
	name, section string
	want          []string
}) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ParseText("Jane Roe\njane@example.com\n\n" + tc.section + "\n")
			var want []string
			for _, w := range tc.want {
				want = append(want, normSkill(w))
			}
			checkSkillSet(t, got, want)
		})
	}
}

// A skill wrapped in a narrow column before a French elided word
// ("Soins d'" … "d'urgence"): the line opening on "d'", "l'", "qu'" goes
// on the line above.
func TestVariationSkillWrappedElision(t *testing.T) {
	skillCases(t, []struct {
		name, section string
		want          []string
	}{
		{"d before a noun", "Compétences\nPrise en charge des soins\nd'urgence (SAMU)\nTriage infirmier", []string{"prise en charge des soins d'urgence", "triage infirmier"}},
		{"l before a noun", "Compétences\nProtection de\nl'enfance en danger\nMédiation familiale", []string{"protection de l'enfance en danger", "mediation familiale"}},
		{"d after an adjective", "Savoir-faire\nConduite d'engins\nPlans de prévention\nd'incendie\nSecourisme", []string{"conduite d'engins", "plans de prevention d'incendie", "secourisme"}},
		{"typographic apostrophe", "Compétences\nGestion des stocks\nd’entrepôt\nInventaires", []string{"gestion des stocks d’entrepot", "inventaires"}},
		{"capital after d stays joined", "Compétences\nAudit des systèmes\nd'Information bancaires\nReporting", []string{"audit des systemes d'information bancaires", "reporting"}},
	})
}
