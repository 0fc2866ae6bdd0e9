package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Variations on CVs written as label/value forms ("Période : / Fonction :
// / Employeur :", "Organisation: / Position: / Duration:"), French and
// English, whose values run long or name fields the labels of other forms
// do not.

// A form row whose value runs to ten words or more ("Employeur : X – site
// de la zone portuaire de …", "Position: … puis …") still heads its entry
// when it follows the entry's other rows: a long line there is no
// description.
func TestVariationForm11LongValues(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"french long employer",
			"Période :\tDepuis mars 2021\nFonction :\tChef d'équipe logistique\nEmployeur :\tTransports Vermeil – site de la zone portuaire de Vénissieux Sud\nLieu :\tLyon (69)\nMissions :\tEncadrement de 8 caristes, plannings et inventaires.\n",
			[]expWant{{"Chef d'équipe logistique", "Transports Vermeil", "Lyon (69)", "mars 2021", "Present"}}},
		{"french long title",
			"Période :\t2010 – 2021\nFonction :\tCariste puis magasinier, puis chef de quai et référent sécurité des engins (CACES)\nEmployeur :\tEntrepôts Durand – Groupe Bâtiland\nLieu :\tGivors, Vienne\nMissions :\tRéception des marchandises.\n",
			[]expWant{{"Cariste puis magasinier, puis chef de quai et référent sécurité des engins (CACES)", "Entrepôts Durand – Groupe Bâtiland", "Givors, Vienne", "2010", "2021"}}},
		{"english long position",
			"Organisation:\tKwara State Water Corporation, Ilorin\nPosition:\tAssistant plant operator and later shift supervisor of the treatment works\nDuration:\tMay 2015 – June 2020\nDuties: Ran the dosing pumps.\n",
			[]expWant{{"Assistant plant operator and later shift supervisor of the treatment works", "Kwara State Water Corporation", "Ilorin", "May 2015", "June 2020"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := expsOf(ParseText("Marc Dupuis\nmarc.dupuis@example.fr\n\nEXPÉRIENCE PROFESSIONNELLE\n" + tc.body + "\nCOMPÉTENCES\nSAP, Excel\n"))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// Education as form rows with the degree's class on a row of its own
// ("Class of Degree: Second Class Lower", "Degree Class: 2:1"): the class
// is the grade of the degree above it, not a second degree that would
// open an entry of its own and take the next school's rows.
func TestVariationForm11DegreeClass(t *testing.T) {
	cases := []struct {
		name, body string
		want       []eduWant
		gpas       []string
	}{
		{"class of degree",
			"Institution:\tAhmadu Bello University, Zaria\nCourse:\tB.Sc. Accounting\nClass of Degree:\tSecond Class Lower\nYear:\t2009 – 2013\n" +
				"Institution:\tFederal Government College, Kaduna\nCourse:\tSenior School Certificate Examination (SSCE)\nYear:\t2008\n",
			[]eduWant{{"B.Sc. Accounting", "Ahmadu Bello University", "Zaria", "2009", "2013"},
				{"Senior School Certificate Examination (SSCE)", "Federal Government College", "Kaduna", "", "2008"}},
			[]string{"Second Class Lower", ""}},
		{"degree class before the school",
			"Qualification:\tBSc (Hons) Quantity Surveying\nDegree Class:\t2:1\nInstitution:\tUniversity of Salford, Salford\nYear:\t2014 – 2017\n" +
				"Qualification:\tBTEC Extended Diploma in Construction\nInstitution:\tBolton College, Bolton\nYear:\t2014\n",
			[]eduWant{{"BSc (Hons) Quantity Surveying", "University of Salford", "Salford", "2014", "2017"},
				{"BTEC Extended Diploma in Construction", "Bolton College", "Bolton", "", "2014"}},
			[]string{"2:1", ""}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := parseEducation(tc.body)
			if diff := cmp.Diff(tc.want, edusOf(c)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.gpas, gpasOf(c)); diff != "" {
				t.Errorf("gpa (-want +got):\n%s", diff)
			}
		})
	}
}
