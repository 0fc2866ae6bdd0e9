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
