package cvparse

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/internal/extract"
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

// An entry's description naming an event by its year ("Ran the Harbour
// Regatta 2022 programme", "won the Light Festival 2021 identity"), set
// at the body's indent or long, under a header that has its range: the
// year amid words is the event's, not a new entry's.
func TestVariationYearAmidWordsInDescription(t *testing.T) {
	placed := []struct {
		name string
		rows []placedRow
		want []expWant
	}{
		{"en, body indent", []placedRow{{40, "Event Coordinator, Harbour Events — Bristol, UK"}, {40, "March 2019 – present"},
			{52, "Booked venues and suppliers for twelve shows a year."}, {52, "Ran the Harbour Regatta 2022 programme for forty crews."},
			{40, "Assistant, Westway Venues — Bath, UK"}, {40, "June 2016 – February 2019"},
			{52, "Coordinated the Bath Food Fair 2017 stalls"}, {52, "Kept the supplier list up to date."}},
			[]expWant{{"Event Coordinator", "Harbour Events", "Bristol, UK", "March 2019", "Present"}, {"Assistant", "Westway Venues", "Bath, UK", "June 2016", "February 2019"}}},
		{"fr, body indent", []placedRow{{40, "Chargée d'événements, Atelier Sud — Marseille"}, {40, "Mars 2020 – aujourd'hui"},
			{52, "Organisation du Salon Nautique 2022 pour quarante exposants"}, {52, "Suivi des budgets et des prestataires."},
			{40, "Assistante, Agence Phare — Toulon"}, {40, "Juin 2017 – Février 2020"},
			{52, "Accueil des délégations du Festival Jazz 2018 en juillet"}, {52, "Réservations et logistique."}},
			[]expWant{{"Chargée d'événements", "Atelier Sud", "Marseille", "Mars 2020", "aujourd'hui"}, {"Assistante", "Agence Phare", "Toulon", "Juin 2017", "Février 2020"}}},
	}
	for _, tc := range placed {
		t.Run(tc.name, func(t *testing.T) {
			got := expsOf(Parse(placedSection(40, "Experience", tc.rows, "Skills")))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	t.Run("en, long line", func(t *testing.T) {
		got := expsOf(ParseText("Jane Roe\njane@example.com\n\nExperience\nDesigner, Northlight Studio — Bristol\n2019 – 2023\n" +
			"Pitched and won the Bristol Light Festival 2021 identity for the city council\nJunior Designer, Kite Print — Bath\n2017 – 2019\n\nSkills\nFigma, InDesign\n"))
		want := []expWant{{"Designer", "Northlight Studio", "Bristol", "2019", "2023"}, {"Junior Designer", "Kite Print", "Bath", "2017", "2019"}}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
}

// Personal details under a short heading ("Personal", "Particulars")
// after the languages are no languages or skills; beside a list in a
// skills table, "Personal" names a group of skills.
func TestVariationPersonalHeading(t *testing.T) {
	cases := []struct {
		name, body string
		skills     []string
	}{
		{"personal after languages", "Skills\nSite supervision\nCost control\n\nLanguages\nSpanish (native)\nEnglish (fluent)\n\nPersonal\nNationality: Chilean\nVisa: Spanish residence\nDriving licence: Spain\n",
			[]string{"site supervision", "cost control", "spanish", "english"}},
		{"particulars after skills", "Skills\nAutoCAD\nRevit\n\nParticulars\nDate of birth: 4 May 1990\nMarital status: Single\n",
			[]string{"autocad", "revit"}},
		{"personal skills row", "Skills\nTechnical\tAutoCAD, Revit, Navisworks\nPersonal\tNegotiation, Team leadership\n",
			[]string{"autocad", "revit", "navisworks", "negotiation", "team leadership"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ParseText("Ana Ruiz\nana@example.com\n\nExperience\nSite Engineer, Norte Build — Valencia\n2018 – 2023\n\n" + tc.body)
			checkSkillSet(t, got, tc.skills)
		})
		// The same in a PDF's sidebar, headings set larger than the
		// items under them.
		t.Run(tc.name+", sidebar", func(t *testing.T) {
			d := extract.Document{Pages: 1}
			y := 40.0
			for i, text := range strings.Split("Ana Ruiz\nana@example.com\n\nExperience\nSite Engineer, Norte Build — Valencia\n2018 – 2023\n\n"+tc.body, "\n") {
				if text == "" {
					continue
				}
				size, gap := 7.0, i > 0 && !strings.Contains(text, " ") && !strings.Contains(text, "\t")
				if gap {
					size = 8
				}
				d.Lines = append(d.Lines, extract.Line{Text: text, Page: 1, X: 400, Y: y, Size: size, GapBefore: gap})
				y += 10
			}
			checkSkillSet(t, Parse(d), tc.skills)
		})
	}
}

// A rank joined to a job word by a hyphen ("Sous-chef", "Sub-editor",
// "Vice-Chair") names a job as the job word does, and a kitchen's
// "Commis" is a job: among entries whose place the gazetteer does not
// know (left with the employer), these keep their titles.
func TestVariationRankedJobWords(t *testing.T) {
	cases := []struct {
		name, body string
		titles     []string
	}{
		{"fr kitchen", "Chef de cuisine — Bistrot des Halles, Woluwe-Est\t2020 — 2024\n• Carte de saison\nSous-chef — Hôtel Lumière (Groupe Orban), Bruxelles\t2016 — 2020\n• Banquets\n" +
			"Chef de partie — Auberge du Moulin, Haut-Vallon\t2013 — 2016\n• Poissons\nCommis de cuisine — Le Fournil Doré, Namur\t2010 — 2013\n",
			[]string{"Chef de cuisine", "Sous-chef", "Chef de partie", "Commis de cuisine"}},
		{"en newsroom", "Editor — Dales Courier, Hawes Bridge\t2019 — 2024\n• Ran the weekly edition\nSub-editor — Northern Echo Press, Leeds\t2015 — 2019\n• Night desk\n" +
			"Writer — Valley Times, Askern Moor\t2012 — 2015\n• Features\nVice-Chair — Student Press Union, York\t2010 — 2012\n",
			[]string{"Editor", "Sub-editor", "Writer", "Vice-Chair"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ParseText("Sam Roe\nsam@example.org\n\nExperience\n" + tc.body + "\nSkills\nExcel\n")
			var titles []string
			for _, x := range got.Experience {
				titles = append(titles, x.Title)
			}
			if diff := cmp.Diff(tc.titles, titles); diff != "" {
				t.Errorf("titles (-want +got):\n%s", diff)
			}
		})
	}
}
