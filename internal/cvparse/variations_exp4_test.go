package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Variations on the experience headers of the third blind set
// (testdata/blind3), written with invented text.

// A title wrapped in a narrow column, its right-aligned dates set so close
// to the first line's end that they read as part of it: the title goes on
// on the next line, before the dates.
func TestVariationDatesGluedToWrappedTitle(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"fr, cut after de", "Chargée de communication et de 2018 – 2021\nrelations presse\nOffice du Tourisme du Val, Annecy\n• Dossiers de presse",
			[]expWant{{"Chargée de communication et de relations presse", "Office du Tourisme du Val", "Annecy", "2018", "2021"}}},
		{"en, cut after and", "Coordinator for Youth and 2017 – 2020\nCommunity Programmes\nRiverside Trust, Leeds\n• Ran weekly clubs",
			[]expWant{{"Coordinator for Youth and Community Programmes", "Riverside Trust", "Leeds", "2017", "2020"}}},
		{"en, compound cut at its hyphen", "Research Assistant, Socio- Jan 2019 – Jun 2020\neconomic Surveys\nNorthgate Institute, York\n• Household panels",
			[]expWant{{"Research Assistant, Socio-economic Surveys", "Northgate Institute", "York", "Jan 2019", "Jun 2020"}}},
		{"fr, compound cut at its hyphen", "Animatrice socio- 09/2014 – 06/2016\néducative\nMaison des Jeunes de Brelles, Brest\n• Ateliers du mercredi",
			[]expWant{{"Animatrice socio-éducative", "Maison des Jeunes de Brelles", "Brest", "09/2014", "06/2016"}}},
		{"fr, volunteer over two parts", "Volontaire internationale – animatrice santé 03/2012 – 02/2014\nProgramme Régional Eau Potable (PREP), Thiès\n• Suivi des forages",
			[]expWant{{"Volontaire internationale – animatrice santé", "Programme Régional Eau Potable (PREP)", "Thiès", "03/2012", "02/2014"}}},
		// A hyphen the typesetter put in a word still goes.
		{"en, hyphenated word", "Senior Communi- 2015 – 2018\ncations Officer\nHarbour Trust, Hull",
			[]expWant{{"Senior Communications Officer", "Harbour Trust", "Hull", "2015", "2018"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := expsOf(ParseText("Jane Roe\njane@example.com\n\nExperience\n" + tc.body + "\n\nSkills\nExcel, SQL\n"))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
