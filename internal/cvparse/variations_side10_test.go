package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Variations on the sidebar CVs of the tenth blind set (testdata/blind10),
// written with invented text.

// A date column whose ranges wrap after their start, the end on the next
// row behind its dash ("Mar 2019" / "– present"), beside a title then an
// employer: the dash is the range's, not a bullet's, so the range mends
// and the employer stays in the entry's header.
func TestVariationDashedRangeEndInDateColumn(t *testing.T) {
	cases := []struct {
		name string
		rows []placedRow
		want []expWant
	}{
		{"en, en dash", []placedRow{{200, "Mar 2019\tHead Baker"}, {200, "– present\tFournil du Parc, Lyon"}, {300, "Runs the night shift of six bakers"},
			{200, "Jan 2015\tBaker"}, {200, "– Feb 2019\tMaison Aubert, Paris"}, {300, "Laminated doughs for two shops"}},
			[]expWant{{"Head Baker", "Fournil du Parc", "Lyon", "Mar 2019", "Present"}, {"Baker", "Maison Aubert", "Paris", "Jan 2015", "Feb 2019"}}},
		{"fr, hyphen and numeric months", []placedRow{{200, "09/2021\tComptable"}, {200, "- aujourd'hui\tCabinet Vidal, Nîmes"}, {300, "Tenue de quarante dossiers de TPE"},
			{200, "03/2018\tAssistante comptable"}, {200, "- 08/2021\tFiduciaire du Gard, Alès"}, {300, "Saisie et rapprochements bancaires"}},
			[]expWant{{"Comptable", "Cabinet Vidal", "Nîmes", "09/2021", "aujourd'hui"}, {"Assistante comptable", "Fiduciaire du Gard", "Alès", "03/2018", "08/2021"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := expsOf(Parse(placedSection(200, "Experience", tc.rows, "Skills")))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// Beside a date column, an entry's description set in the text column
// may carry dates of its own, a year on a sentence's wrapped last line
// ("Shop listed in the regional" / "street food guide 2022") or a range
// after a comma ("Ran the summer markets, 2016–2018"): entries open on
// the date column's rows, so these describe the entry.
func TestVariationDatesInTextColumn(t *testing.T) {
	cases := []struct {
		name string
		rows []placedRow
		want []expWant
	}{
		{"en", []placedRow{{200, "2019 – 2024\tHead Baker"}, {300, "Fournil du Parc, Lyon"}, {300, "Runs the night shift of six bakers"},
			{300, "Shop listed in the regional"}, {300, "street food guide 2022"},
			{200, "2015 – 2019\tBaker"}, {300, "Maison Aubert, Paris"}, {300, "Ran the summer markets, 2016–2018"}},
			[]expWant{{"Head Baker", "Fournil du Parc", "Lyon", "2019", "2024"}, {"Baker", "Maison Aubert", "Paris", "2015", "2019"}}},
		{"fr", []placedRow{{200, "2020 – 2024\tCheffe de rang"}, {300, "Brasserie du Port, Sète"}, {300, "Encadrement de quatre serveurs"},
			{300, "Salle citée dans le Petit Futé"}, {300, "Languedoc 2023"},
			{200, "2017 – 2020\tServeuse"}, {300, "Café Riche, Montpellier"}, {300, "Renfort des terrasses d'été, 2018–2019"}},
			[]expWant{{"Cheffe de rang", "Brasserie du Port", "Sète", "2020", "2024"}, {"Serveuse", "Café Riche", "Montpellier", "2017", "2020"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := expsOf(Parse(placedSection(200, "Experience", tc.rows, "Skills")))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
