package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A form's page whose labels end with a colon beside their values, none of
// them twice (the skills and languages rows of a form's last page, under
// headings set in the label column), is read row by row, not as a
// sidebar beside a main column.
func TestLayoutColonLabelColumn(t *testing.T) {
	for _, tc := range []struct {
		name string
		rows [][2]string // a heading has no value
	}{
		{"french", [][2]string{
			{"2011 :", "Licence professionnelle Logistique, IUT de Valence"}, {"2008 :", "Baccalauréat ES, Lycée Camille Vernet"},
			{"APTITUDES", ""}, {"Métier :", "gestion des stocks, préparation de commandes, inventaires"},
			{"Outils :", "SAP, Excel, lecteurs code-barres"}, {"Langues :", "Français, Portugais (courant), Anglais (scolaire)"},
			{"LOISIRS", ""}, {"Sports :", "Handball en club, randonnée"},
		}},
		{"english", [][2]string{
			{"KEY SKILLS", ""}, {"Technical:", "Forklift operation, stock rotation, cycle counts"},
			{"Software:", "Sage 200, Microsoft Word and Excel"}, {"Languages:", "English, Hausa and Twi"},
			{"Hobbies:", "Football, reading novels"}, {"Availability:", "One month notice"},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &page{}
			var want []string
			for i, r := range tc.rows {
				y := 60 + float64(i)*16
				p.at(48, y, r[0])
				line := r[0]
				if r[1] != "" {
					p.at(185, y, r[1])
					line += "\t" + r[1]
				}
				want = append(want, line)
			}
			if diff := cmp.Diff(want, p.lines()); diff != "" {
				t.Errorf("lines (-want +got):\n%s", diff)
			}
		})
	}
}

// A form's value wrapped onto a row of its own, in the value column, is
// joined to its label's row when the row above was full (its next word
// would not have fitted); a value that ends short of the column's edge or
// with a full stop ends there, and the row under it stays a row.
func TestLayoutWrappedFormValue(t *testing.T) {
	p := &page{}
	// The value column runs from 185 to 545: "Titre … – GRETA" ends at
	// 543, and "Auvergne-Rhône-Alpes," would not have fitted after it.
	p.at(48, 60, "2020 :").at(185, 60, "Titre professionnel niveau 5 « Gestionnaire de paie » – GRETA")
	p.at(185, 74, "Auvergne-Rhône-Alpes, Lyon")
	p.at(48, 88, "2016 :").at(185, 88, "Baccalauréat ES, Lycée Ampère, Lyon")
	p.at(185, 102, "Mention assez bien")
	p.at(48, 116, "Missions :").at(185, 116, "Encadrement de six gestionnaires et contrôle des bulletins.")
	p.at(185, 130, "Veille sur la réglementation sociale")
	// A bullet opens an item of its own, however full the row above.
	p.at(48, 144, "2012 :").at(185, 144, "Titre professionnel niveau 4 « Secrétaire comptable » – AFPA Lorraine")
	p.at(185, 158, "• Stage de six semaines au service comptable d'une mairie")
	p.at(48, 172, "2010 :").at(185, 172, "Baccalauréat professionnel Comptabilité, Lycée polytechnique du Val-")
	p.at(185, 186, "de-Seille, Nancy")
	want := []string{
		"2020 :\tTitre professionnel niveau 5 « Gestionnaire de paie » – GRETA Auvergne-Rhône-Alpes, Lyon",
		"2016 :\tBaccalauréat ES, Lycée Ampère, Lyon",
		"Mention assez bien",
		"Missions :\tEncadrement de six gestionnaires et contrôle des bulletins.",
		"Veille sur la réglementation sociale",
		"2012 :\tTitre professionnel niveau 4 « Secrétaire comptable » – AFPA Lorraine",
		"• Stage de six semaines au service comptable d'une mairie",
		"2010 :\tBaccalauréat professionnel Comptabilité, Lycée polytechnique du Val-",
		"de-Seille, Nancy",
	}
	if diff := cmp.Diff(want, p.lines()); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
}
