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

// A list set one skill a line whose line is a phrase with commas of its
// own ("Service en salle, découpe au guéridon") is one skill; parallel
// names on a line ("A/B testing, funnel analysis") stay a list.
func TestVariationSkillPhrasePerLine(t *testing.T) {
	skillCases(t, []struct {
		name, section string
		want          []string
	}{
		{"fr phrase with de", "Compétences\nSuivi de grossesse\nVaccination, pose de perfusions et de sondes\nSoins post-nataux",
			[]string{"suivi de grossesse", "vaccination, pose de perfusions et de sondes", "soins post-nataux"}},
		{"fr phrase with au", "Savoir-faire\nAccueil en salle\nService au plateau, flambage\nGestion de cave",
			[]string{"accueil en salle", "service au plateau, flambage", "gestion de cave"}},
		{"fr phrase with avec", "Compétences\nVente, relation avec les fournisseurs, suivi des commandes\nInventaires\nMerchandising",
			[]string{"vente, relation avec les fournisseurs, suivi des commandes", "inventaires", "merchandising"}},
		{"en phrase with from", "Skills\nStock control, ordering from suppliers\nVisual merchandising\nCash handling",
			[]string{"stock control, ordering from suppliers", "visual merchandising", "cash handling"}},
		{"en parallel names stay a list", "Skills\nProduct discovery\nA/B testing, funnel analysis\nSQL (BigQuery)",
			[]string{"product discovery", "a/b testing", "funnel analysis", "sql"}},
		{"lower-case names stay a list", "Skills\nStatistical modelling\nPython, pandas, numpy\nData visualisation",
			[]string{"statistical modelling", "python", "pandas", "numpy", "data visualisation"}},
		{"comma lists on every line stay lists", "Compétences\nGestion de projet, planification des tâches\nExcel, Word, PowerPoint\nAnglais, espagnol",
			[]string{"gestion de projet", "planification des taches", "excel", "word", "powerpoint", "anglais", "espagnol"}},
	})
}

// French running text pairs two things with "et" into one skill at the
// end of a list ("…, financement et courtage"); a list of names still
// ends on two ("Git et GitHub Actions"). English pairs two activities in
// lower case the same way ("…, budgeting and forecasting", as the truths
// of blind2–8 keep such pairs), and splits names ("SQL and Python"). A
// licence's classes ("Permis B et C") are no skills of their own.
func TestVariationSkillPairs(t *testing.T) {
	skillCases(t, []struct {
		name, section string
		want          []string
	}{
		{"fr lower-case pair", "Compétences\nGestion de stock, inventaires, préparation et expédition", []string{"gestion de stock", "inventaires", "preparation et expedition"}},
		{"fr pair after a label", "Compétences\nMétier : accueil, vente, encaissement et facturation", []string{"accueil", "vente", "encaissement et facturation"}},
		{"fr names split", "Compétences\nOutils : Jira, Git et GitHub Actions", []string{"jira", "git", "github actions"}},
		{"fr capitalised split", "Compétences\nSavoir-être : Autonomie, Rigueur et Curiosité", []string{"autonomie", "rigueur", "curiosite"}},
		{"en lower-case pair", "Skills\nbudgeting, forecasting and reporting", []string{"budgeting", "forecasting and reporting"}},
		{"en pair after a label", "Skills\nFinance: VAT returns, payroll, cost control and ordering", []string{"vat returns", "payroll", "cost control and ordering"}},
		{"en names split", "Skills\nData: Excel, SQL and Python", []string{"excel", "sql", "python"}},
		{"en capital then lower splits", "Skills\nTools: Jira, Confluence and internal wikis", []string{"jira", "confluence", "internal wikis"}},
		{"licence row", "Compétences\nMétier\tinventaire, préparation de commandes\nPermis\tB et C", []string{"inventaire", "preparation de commandes", "permis b et c"}},
		{"licence with colon", "Compétences\nExcel, SAP\nPermis de conduire : B, C", []string{"excel", "sap", "permis de conduire b, c"}},
		{"licence with a note", "Atouts\nExcel, SAP\nPermis B – véhicule personnel", []string{"excel", "sap", "permis b"}},
		{"driving licence en", "Skills\nExcel, SAP\nDriving licence: B and C1", []string{"excel", "sap", "driving licence b and c1"}},
	})
}

// Fellowships and memberships of professional bodies after a name ("FMA",
// "FRSA", "MCIPS") are no part of it, in capitals or not.
func TestVariationNamePostNominals(t *testing.T) {
	cases := []struct{ name, head, want string }{
		{"museums fellow in capitals", "DR HELEN OKAFOR-WRIGHT FMA\nCurator of Textiles", "HELEN OKAFOR-WRIGHT"},
		{"arts fellow", "Tomasz Wielicki FRSA\nDesign Director", "Tomasz Wielicki"},
		{"procurement member", "Grace Mwangi MCIPS\nProcurement Lead", "Grace Mwangi"},
		{"two letters after", "Owen Price MCIM FCMI\nMarketing Director", "Owen Price"},
		{"honour", "Ruth Abara OBE\nChief Executive", "Ruth Abara"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ParseText(tc.head + "\njane@example.com · +44 7700 900123\n\nExperience\nEngineer, Acme Corp\t2020 – 2022\n• Built the payments service\n")
			if got.Contact.Name != tc.want {
				t.Errorf("name = %q, want %q", got.Contact.Name, tc.want)
			}
		})
	}
}

// A page number set under a skills list ("1", "2") is no skill.
func TestVariationSkillPageNumber(t *testing.T) {
	skillCases(t, []struct {
		name, section string
		want          []string
	}{
		{"en page number", "Skills\nArchive research, cataloguing\nSystems: Axiell, TMS\n1", []string{"archive research", "cataloguing", "axiell", "tms"}},
		{"fr page number", "Compétences\nVente, merchandising\nLogiciels : Excel, SAP\n2", []string{"vente", "merchandising", "excel", "sap"}},
		{"number in a name stays", "Skills\nUnity, Godot 4, C++", []string{"unity", "godot 4", "c++"}},
	})
}
