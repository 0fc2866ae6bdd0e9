package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A left sidebar (x=30) beside a main column (x=220) whose entries open
// with a date line: every sidebar row happens to sit within two points of
// a main-column row, with main-column rows between them, as a date column
// beside its entries does; but each sits at a different offset from its
// neighbour, where a date column shares its entry's baseline. The sidebar
// is read whole, then the main column.
func TestLayoutSidebarOffItsNeighboursBaselines(t *testing.T) {
	for _, tc := range []struct {
		name       string
		side, main []string
	}{
		{"en", []string{"CONTACT", "+44 7700 900123", "sam.lee@example.org", "Leeds, UK", "SKILLS", "Python", "Looker", "Data modelling", "LANGUAGES", "English", "Polish"},
			[]string{"SAM LEE", "WORK HISTORY", "Apr 2021 - Present", "Senior Analyst", "Northwind Foods | Leeds", "Built the weekly margin report for buyers",
				"Cut the month-end close by two days", "Oct 2018 - Mar 2021", "Analyst", "Harbour Bank | York", "Ran the churn model for savings accounts",
				"Sep 2015 - Jun 2018", "BSc Economics", "University of Hull", "First class honours", "Dissertation on bus fares",
				"Jul 2014 - Aug 2015", "Sales Assistant", "Corner Books | Hull", "Kept the stock system up to date"}},
		{"fr", []string{"CONTACT", "06 12 34 56 78", "lea.morel@example.fr", "Nantes", "COMPÉTENCES", "Excel", "SQL", "Gestion de projet", "LANGUES", "Français", "Espagnol"},
			[]string{"LÉA MOREL", "EXPÉRIENCE", "Mars 2021 - Aujourd'hui", "Chargée d'études", "Atlantique Conseil | Nantes", "Enquêtes de satisfaction pour dix clients",
				"Tableaux de bord mensuels sous Excel", "Janv. 2019 - Févr. 2021", "Assistante marketing", "Maison Lenoir | Angers", "Suivi des campagnes en magasin",
				"Sept. 2016 - Juin 2018", "Master Marketing", "Université de Nantes", "Mention bien", "Mémoire sur les circuits courts",
				"Juil. 2015 - Août 2016", "Vendeuse", "Librairie du Port | Nantes", "Conseil et mise en rayon"}},
	} {
		p := &page{}
		for i, s := range tc.main {
			p.at(220, 60+float64(i)*12, s)
		}
		// Every other main row, a point or two above or below it.
		offsets := []float64{-1.6, 0.7, 1.9, -0.9, 1.3, -1.8, 0.4, 1.6, -1.2, 0.9, -0.4}
		for i, s := range tc.side {
			p.at(30, 84+float64(i)*24+offsets[i], s)
		}
		want := append(append([]string{}, tc.side...), tc.main...)
		if diff := cmp.Diff(want, p.lines()); diff != "" {
			t.Errorf("%s: lines (-want +got):\n%s", tc.name, diff)
		}
	}
}
