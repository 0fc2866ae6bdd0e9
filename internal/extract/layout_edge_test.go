package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLayoutColumnEdgeLeftOfIndentedEntries(t *testing.T) {
	// A left sidebar (x=20) beside a main column whose name, headline,
	// headings and summary start at its edge (x=220) while its entries
	// (dates, titles, employers) are set one step in (x=230), their
	// bullets two (x=240): more lines start at the indent than at the
	// edge, yet split there the summary and headings run across the split.
	// The page is two columns parted at the edge.
	for _, tc := range []struct {
		name          string
		head, summary []string
		side          []string
		entries       [][]string
		foot          []string
	}{
		{"en",
			[]string{"Marta Kowalczyk", "SITE MANAGER"},
			[]string{"PROFILE", "Site manager with twelve years on housing and", "school projects across the north of England."},
			[]string{"CONTACT", "+44 7700 900456", "marta@example.com", "Leeds, UK", "SKILLS", "NEC contracts", "SMSTS", "Site logistics", "Planning", "LANGUAGES", "Polish", "English"},
			[][]string{{"03/2019 – Present", "Site Manager", "Kier Construction | Leeds", "• Run a team of 40 on a 120-home scheme"},
				{"06/2014 – 02/2019", "Assistant Site Manager", "Wates Group | Bradford", "• Delivered two primary schools on time"},
				{"09/2010 – 05/2014", "Site Engineer", "Morgan Sindall | York", "• Set out foundations and drainage"}},
			[]string{"EDUCATION"}},
		{"fr",
			[]string{"Jules Ndiaye", "CHEF DE CUISINE"},
			[]string{"PROFIL", "Chef de cuisine depuis huit ans dans des brasseries", "et restaurants gastronomiques de la région."},
			[]string{"CONTACT", "06 12 34 56 78", "jules@exemple.fr", "Nantes", "COMPÉTENCES", "Cuisine de saison", "Gestion des stocks", "HACCP", "Management", "LANGUES", "Français", "Wolof"},
			[][]string{{"2020 – Aujourd'hui", "Chef de cuisine", "Le Bouchon | Nantes", "• Carte renouvelée chaque saison"},
				{"2016 – 2020", "Second de cuisine", "La Marée | Vannes", "• Encadrement de six commis"},
				{"2013 – 2016", "Commis de cuisine", "Hôtel du Port | Brest", "• Poste garde-manger"}},
			[]string{"FORMATION"}},
	} {
		p := &page{}
		y := 40.0
		var want []string
		for _, s := range tc.head {
			p.at(220, y, s)
			y += 14
		}
		for _, s := range tc.summary {
			p.at(220, y, s)
			y += 14
		}
		top := y
		for _, e := range tc.entries {
			for _, s := range e {
				x := 230.0
				if s[0] == 0xe2 { // the bullet
					x = 240
				}
				p.at(x, y, s)
				y += 14
			}
		}
		for _, s := range tc.foot {
			p.at(220, y, s)
			y += 14
		}
		sy := top - 28
		for _, s := range tc.side {
			p.at(20, sy, s)
			want = append(want, s)
			sy += 14
		}
		want = append(want, tc.head...)
		want = append(want, tc.summary...)
		for _, e := range tc.entries {
			want = append(want, e...)
		}
		want = append(want, tc.foot...)
		if diff := cmp.Diff(want, p.lines()); diff != "" {
			t.Errorf("%s: lines (-want +got):\n%s", tc.name, diff)
		}
	}
}

func TestLayoutFullLines(t *testing.T) {
	// A narrow left column (x=20, its longest line ending at 167) beside a
	// main column: a line that runs so near the column's edge that the
	// next line's first word would not have fitted after it is full; a
	// line ending well short of the edge, or followed by a line in other
	// type or at another indent, is not.
	for _, tc := range []struct {
		name string
		side []string // "text" or ">text" one indent in
		full []bool
	}{
		{"school wrapped", []string{"EDUCATION", "Licence en Sciences", "Université Catholique de", "Louvain", "2014 – 2017"},
			[]bool{false, false, true, false, false}},
		{"short lines", []string{"SKILLS", "Welding", "Pipe fitting", "Rigging", "Crane signalling work"},
			[]bool{false, false, false, false, false}},
		{"indent below", []string{"CERTIFICATES", "Confined Space Entry Card", ">Worksafe", "First Aid Level 2"},
			[]bool{false, false, false, false}},
	} {
		p := &page{}
		y := 100.0
		for _, s := range tc.side {
			x := 20.0
			if s[0] == '>' {
				x, s = 30, s[1:]
			}
			p.at(x, y, s)
			y += 12
		}
		p.at(20, y+12, "Steel fixer and scaffold rigger")
		for i := 0; i < 8; i++ {
			p.at(220, 100+float64(i)*14, "Main column text line for the experience")
		}
		var got []bool
		for _, l := range layoutPage(append([]bbWord(nil), *p...), 595, 1) {
			if l.Column == 1 && len(got) < len(tc.side) {
				got = append(got, l.Full)
			}
		}
		if diff := cmp.Diff(tc.full, got); diff != "" {
			t.Errorf("%s: full (-want +got):\n%s", tc.name, diff)
		}
	}
}

func TestLayoutFullCellInDateColumn(t *testing.T) {
	// One column with its dates in a column of their own (x=40) and the
	// entries' text beside them (x=110), running to the right margin: a
	// degree's name that fills its cell wraps under itself, the cell is
	// full; a short name is not.
	p := &page{}
	p.at(40, 100, "2015 – 2017").at(110, 100, "Graduate Certificate in Humanitarian Logistics and")
	p.at(110, 112, "Emergency Management")
	p.at(110, 124, "Kühne Logistics University, Hamburg")
	p.at(40, 140, "2009 – 2013").at(110, 140, "BSc Industrial Engineering")
	p.at(110, 152, "Universidad de los Andes, Bogotá")
	p.at(40, 168, "2005 – 2009").at(110, 168, "Operations analyst for a regional airline in three countries")
	var got []bool
	for _, l := range layoutPage(append([]bbWord(nil), *p...), 595, 1) {
		got = append(got, l.Full)
	}
	want := []bool{true, false, false, false, false, false}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("full (-want +got):\n%s", diff)
	}
}
