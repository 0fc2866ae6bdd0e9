package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLayoutMainColumnAtIndentLevels(t *testing.T) {
	// A main column (x=40) beside a right sidebar (x=400) whose lines
	// start at four levels: its edge (name, summary, the dates of a column
	// of their own), headings on a band a few points in (x=46), the title
	// and employer beside the dates (x=128) and the bullets a step further
	// (x=138). No one edge holds two lines in five, yet the page is two
	// columns: the main column is read first, then the sidebar.
	for _, tc := range []struct {
		name    string
		head    []string
		entries [][]string // dates, title, employer, bullets (or a third line)
		side    []string
	}{
		{"fr",
			[]string{"Awa SANOU", "Infirmière diplômée d’État", "Infirmière de soins généraux depuis six ans."},
			[][]string{
				{"EXPÉRIENCE"},
				{"2021 – 2024", "Infirmière, urgences", "Hôpital de district de Dô, Bobo", "Accueil et tri des patients.", "Soins d’urgence et pansements.", "Gestion de la pharmacie du service.", "Encadrement des stagiaires."},
				{"2018 – 2021", "Infirmière, pédiatrie", "Centre médical de Sya, Bobo", "Suivi des enfants malnutris.", "Vaccination de routine.", "Causeries avec les mères."},
				{"2017", "Stage hospitalier", "Clinique du Houet, Bobo", "Bloc opératoire et réveil.", "Soins post-opératoires."},
				{"FORMATION"},
				{"2014 – 2017", "Diplôme d’État d’infirmier", "École de santé publique, Bobo", "option soins généraux"},
				{"2014", "Baccalauréat série D", "Lycée municipal, Bobo", "mention assez bien"},
			},
			[]string{"CONTACT", "+226 70 11 22 33", "awa.sanou@exemple.bf", "Secteur 12, Bobo-Dioulasso, Burkina Faso", "COMPÉTENCES", "Soins d’urgence", "Vaccination", "Tri des patients", "Pansements complexes", "Pédiatrie", "Éducation pour la santé", "INFORMATIQUE", "Word, Excel", "LANGUES", "Français : courant", "Dioula : courant", "Mooré : notions"}},
		{"en",
			[]string{"Tendai Moyo", "Civil engineer", "Civil engineer with eight years on roads."},
			[][]string{
				{"EXPERIENCE"},
				{"2020 – 2024", "Resident Engineer", "Roads Department, Gweru", "Supervised a 40 km road rehabilitation.", "Checked contractors’ claims.", "Ran the monthly site meetings.", "Trained two graduate engineers."},
				{"2016 – 2020", "Site Engineer", "Bitumen Works Ltd, Harare", "Set out drainage and culverts.", "Kept the site diary.", "Tested materials on site."},
				{"2015", "Graduate Trainee", "City of Bulawayo, Bulawayo", "Survey and quantities.", "Drew as-built plans."},
				{"EDUCATION"},
				{"2011 – 2015", "BSc Civil Engineering", "University of Zimbabwe, Harare", "Upper second class honours"},
				{"2010", "A Level", "Prince Edward School, Harare", "Maths, Physics, Geography"},
			},
			[]string{"CONTACT", "+263 77 123 4567", "tendai.moyo@example.com", "Avondale, Harare, Zimbabwe", "SKILLS", "Road design", "Contract management", "AutoCAD Civil 3D", "Quantity surveying", "Site supervision", "Materials testing", "SOFTWARE", "MS Project, Excel", "LANGUAGES", "English (fluent)", "Shona (native)", "Ndebele (basic)"}},
	} {
		p := &page{}
		var want []string
		y := 40.0
		for _, s := range tc.head {
			p.at(40, y, s)
			want = append(want, s)
			y += 14
		}
		for _, e := range tc.entries {
			if len(e) == 1 { // a heading on its band
				y += 6
				p.at(46, y, e[0])
				want = append(want, e[0])
				y += 16
				continue
			}
			p.at(40, y, e[0]).at(128, y, e[1])
			want = append(want, e[0]+"\t"+e[1])
			y += 14
			p.at(128, y, e[2])
			want = append(want, e[2])
			y += 14
			for _, b := range e[3:] {
				x := 138.0
				if len(e) == 4 { // education: the line under the school
					x = 128
				}
				p.at(x, y, b)
				want = append(want, b)
				y += 14
			}
			y += 6
		}
		sy := 45.0
		for _, s := range tc.side {
			p.at(400, sy, s)
			want = append(want, s)
			sy += 17
		}
		if diff := cmp.Diff(want, p.lines()); diff != "" {
			t.Errorf("%s: lines (-want +got):\n%s", tc.name, diff)
		}
	}
}
